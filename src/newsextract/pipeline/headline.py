"""The printed headline: the text of the page's `<h1>`, without its kicker.

Many CMSs print a kicker (a topic line: "Premier League", "Hochwasser am Rhein") inside
the `<h1>`, in an element of its own, often with a separator hidden for screen readers. Read
as one text it glues the two ("Hochwasser am RheinDeiche halten vorerst ..."). The kicker is
a label over the headline, not part of it, so it is left out when it is named as one and is
the shorter part (one CMS names its headline `topline` and its kicker `subline`).

What the page prints around the headline (`printed_context`) is kept for the assembly, which
weighs the printed headline against the declared titles: a kicker left out here, or printed in
an element of its own just above the `<h1>`, is part of the headline when the page's declared
title prints it too (see `assemble._headline`).
"""

from __future__ import annotations

from lxml import etree

from newsextract.pipeline.blocks import normalise_space
from newsextract.pipeline.names import names_match
from newsextract.pipeline.parse import text_of
from newsextract.rules import markup
from newsextract.rules.thresholds import MAX_KICKER_CHARS, MAX_KICKER_SIBLINGS


def printed_headline(h1: etree._Element) -> str:
    """The headline text of `h1`, its kicker and the separator at its edge left out."""
    whole = normalise_space(text_of(h1))
    kickers = [child for child in h1 if isinstance(child.tag, str) and _is_kicker(child)]
    if not kickers:
        return whole
    parts: list[str] = [h1.text or ""]
    for child in h1:
        if isinstance(child.tag, str) and child not in kickers:
            parts.append(text_of(child))
        parts.append(child.tail or "")
    rest = normalise_space("".join(parts)).strip(markup.HEADLINE_SEPARATOR_CHARS + " ")
    kicker = normalise_space(" ".join(text_of(el) for el in kickers))
    return rest if len(rest) > len(kicker) else whole


_is_kicker = names_match(markup.KICKER_ATTR)


def printed_context(h1: etree._Element) -> str:
    """The text printed in `h1`, kicker included, and in the short elements just above it
    (a kicker set as a `<div>` of its own before the headline)."""
    parts = [text_of(h1)]
    before = h1.getprevious()
    while before is not None and len(parts) <= MAX_KICKER_SIBLINGS:
        if isinstance(before.tag, str):
            text = normalise_space(text_of(before))
            if len(text) <= MAX_KICKER_CHARS:
                parts.insert(0, text)
        before = before.getprevious()
    return normalise_space(" ".join(parts))
