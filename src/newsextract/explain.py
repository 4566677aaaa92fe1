"""`newsextract --explain`: where each text block of a page went, and the rule that sent it.

The stages run as in `extract()`, each handed a `Trace` (see `pipeline.trace`) that notes
its decisions; this module lines them up with the page's text blocks in document order. A
block is an element's text as the body walk reads it: a paragraph-like element's whole text,
or the loose text of a container. Each goes to the body, the standfirst, a caption, the
related links, the headline, or is dropped, with the rule or score that decided it. The
fields' sources are named too (JSON-LD, meta tags, the printed byline, the dateline grammar).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from lxml import etree

from newsextract._model import Article
from newsextract.fields.bylines import is_person_name, parse_byline
from newsextract.fields.dates import date_from_url
from newsextract.pipeline import assemble, newsfields
from newsextract.pipeline.blocks import Segments, normalise_space
from newsextract.pipeline.metadata import Metadata
from newsextract.pipeline.parse import has_block_child, text_of
from newsextract.pipeline.run import run_stages
from newsextract.pipeline.trace import Line, Trace
from newsextract.rules import markup
from newsextract.rules.thresholds import DEFAULT_TIME_BUDGET, MIN_CONFIDENT_BODY_CHARS
from newsextract.support import budget

TEXT_PREVIEW_CHARS = 72
"""A block's text is cut to this many characters in the text report (the JSON has it all)."""


@dataclass(frozen=True, slots=True)
class ExplainedBlock:
    element: str
    text: str
    destination: str
    reason: str


@dataclass(frozen=True, slots=True)
class Explanation:
    article: Article
    located_by: str
    blocks: tuple[ExplainedBlock, ...]
    fields: dict[str, str]
    notes: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "located_by": self.located_by,
            "notes": list(self.notes),
            "fields": self.fields,
            "blocks": [asdict(b) for b in self.blocks],
        }

    def to_text(self) -> str:
        lines = [f"body: {self.located_by}", *(f"note: {n}" for n in self.notes), "blocks:"]
        for b in self.blocks:
            text = (
                b.text
                if len(b.text) <= TEXT_PREVIEW_CHARS
                else b.text[: TEXT_PREVIEW_CHARS - 1] + "…"
            )
            lines.append(f"  {b.destination:<10} {b.element:<22} {json.dumps(text)}")
            lines.append(f"  {'':<10} -> {b.reason}")
        lines.append("fields:")
        lines += [f"  {name:<10} {source}" for name, source in self.fields.items()]
        return "\n".join(lines) + "\n"


def explain(
    source: str | bytes,
    *,
    url: str | None = None,
    time_budget: float | None = DEFAULT_TIME_BUDGET,
) -> Explanation:
    """Extract `source` as `extract()` does, and say where each text block went and why."""
    trace = Trace()
    with budget.time_budget(time_budget):
        article = run_stages(source, url=url, trace=trace)
    blocks = _blocks(trace, article) if trace.root is not None else _text_blocks(article)
    metadata = trace.metadata if isinstance(trace.metadata, Metadata) else Metadata()
    located_by = trace.located_by or "plain text: every line read as the page's text"
    return Explanation(
        article, located_by, tuple(blocks), _field_sources(article, metadata, trace),
        tuple(trace.notes),
    )  # fmt: skip


# --- the blocks ------------------------------------------------------------------------------


def _text_blocks(article: Article) -> list[ExplainedBlock]:
    return [
        ExplainedBlock("line", p, "body", "plain text: a body line") for p in article.paragraphs
    ]


def _blocks(trace: Trace, article: Article) -> list[ExplainedBlock]:
    """Every text block of the page, in document order, with its destination."""
    assert trace.root is not None
    tops = [trace.root, *(el for el in trace.subtrees if el.getparent() is None)]
    seen: set[etree._Element] = set()
    found: list[tuple[int, etree._Element, str]] = []
    for top in tops:
        for el, text in _units(top):
            if el not in seen:
                seen.add(el)
                found.append((trace.order.get(el, -1), el, text))
    found.sort(key=lambda item: item[0])
    result: list[tuple[ExplainedBlock, Line | None]] = []
    for _, el, text in found:
        result += _decide(trace, article, el, text)
    # A container's loose text and its children's lines interleave: the walk's own order
    # puts the lines it emitted back in sequence, in the places they hold among the blocks.
    slots = [index for index, (_, line) in enumerate(result) if line is not None]
    by_line = {id(line): block for block, line in result if line is not None}
    walked = [by_line[id(line)] for line in trace.walk_order if id(line) in by_line]
    blocks = [block for block, _ in result]
    for index, block in zip(slots, walked, strict=True):
        blocks[index] = block
    return blocks


def _units(top: etree._Element) -> list[tuple[etree._Element, str]]:
    """The blocks below `top` as the body walk cuts them: (element, text) for a paragraph-like
    element's whole text, or for the loose text of a container (its inline children's too)."""
    units: list[tuple[etree._Element, str]] = []
    stack = [top]
    while stack:
        el = stack.pop()
        if not isinstance(el.tag, str) or el.tag in markup.INVISIBLE_TAGS:
            continue
        if el.tag in markup.EXPLAIN_LEAF_TAGS and not has_block_child(el):
            text = normalise_space(text_of(el))
            if text:
                units.append((el, text))
            continue
        parts = [el.text or ""]
        children = []
        for child in el:
            if not isinstance(child.tag, str):
                pass
            elif _is_block(child):
                children.append(child)
            elif child.tag not in markup.INVISIBLE_TAGS:
                parts.append(text_of(child))
            parts.append(child.tail or "")
        text = normalise_space(" ".join(parts))
        if text:
            units.append((el, text))
        stack.extend(reversed(children))
    return units


def _is_block(el: etree._Element) -> bool:
    """A child the walk reads on its own, not as part of its parent's text."""
    return el.tag in markup.EXPLAIN_BLOCK_TAGS or el.tag in markup.SKIP_TAGS or has_block_child(el)


def _describe(el: etree._Element) -> str:
    name = str(el.tag)
    names = (el.get("class") or "").split()
    if names:
        name += "." + ".".join(names[:2])
    if el.get("id"):
        name += "#" + str(el.get("id"))
    return name[:22]


def _decide(
    trace: Trace, article: Article, el: etree._Element, text: str
) -> list[tuple[ExplainedBlock, Line | None]]:
    lines = trace.lines.get(el)
    if lines:
        where = _describe(el)
        return [(ExplainedBlock(where, line.text, *_final(article, line)), line) for line in lines]
    return [(_decide_unit(trace, article, el, text), None)]


def _decide_unit(trace: Trace, article: Article, el: etree._Element, text: str) -> ExplainedBlock:
    where = _describe(el)
    for node in (el, *el.iterancestors()):
        claim = trace.subtrees.get(node)
        if claim is not None:
            destination, reason = claim
            if node.tag == "h1" and text == article.headline:
                destination = "headline"
            return ExplainedBlock(where, text, destination, reason)
    located = set(trace.located)
    if any(node in located for node in (el, *el.iterancestors())):
        if el.tag == "h1":
            reason = "segment: <h1> never holds body (SKIP_TAGS)"
            return ExplainedBlock(where, text, _headline_or_dropped(article, text), reason)
        # Text the walk read with other text: under a block it did not treat as one.
        if text in article.paragraphs:
            return ExplainedBlock(where, text, "body", "segment: part of a body line")
        return ExplainedBlock(where, text, "dropped", "segment: no line of its own (unmatched)")
    destination = _headline_or_dropped(article, text) if el.tag == "h1" else "dropped"
    return ExplainedBlock(where, text, destination, _outside(trace, el))


def _headline_or_dropped(article: Article, text: str) -> str:
    return "headline" if text == article.headline else "dropped"


def _final(article: Article, line: Line) -> tuple[str, str]:
    """The walk's verdict, corrected by what the later steps did with a body line."""
    text = line.text
    if line.destination != "body" or text in article.paragraphs:
        return line.destination, line.reason
    if article.headline and assemble._repeat_key(text) == assemble._repeat_key(article.headline):
        return "headline", "assemble: repeats the headline"
    if text == article.standfirst:
        return "standfirst", "segment: the standfirst's text"
    if _is_credit_line(article, text):
        return "dropped", "assemble: a byline or agency credit alone, the authors or agency field"
    if any(text == c.text for c in article.captions):
        return "caption", "segment: a caption's text"
    return "dropped", "run: the body was replaced by a fallback (see the note)"


def _is_credit_line(article: Article, text: str) -> bool:
    # A line `newsfields.credit_lines` took out: the authors' names or the agency's alone.
    return newsfields.credit_lines((text,), article.authors, article.agency) == (text,)


def _outside(trace: Trace, el: etree._Element) -> str:
    winner = ", ".join(_describe(e) for e in trace.located)
    if trace.score is None:
        return f"locate: outside the located story ({winner}: {trace.located_by})"
    best = max(trace.located, key=trace.score)
    for node in (el, *el.iterancestors()):
        score = trace.score(node)
        if score > 0:
            return (
                f"locate: outside the located story (its container {_describe(node)} scores"
                f" {score:.1f} vs the winner {_describe(best)} {trace.score(best):.1f})"
            )
    return f"locate: outside the located story (no vote for its containers; winner {winner})"


# --- the fields ------------------------------------------------------------------------------


def _field_sources(article: Article, metadata: Metadata, trace: Trace) -> dict[str, str]:
    """Where each field that has a value came from, following the stages' order of sources."""
    segments = trace.segments
    sources: dict[str, str] = {}
    if article.headline:
        located = getattr(segments, "headline", None)
        printed = assemble._uncleaned(located, metadata.h1) or metadata.h1
        sources["headline"] = (
            "the printed <h1>"
            if printed and article.headline == printed.replace("\u00ad", "")
            else "the declared title (JSON-LD headline, og:title or <title>)"
        )
    if article.standfirst:
        sources["standfirst"] = "segment: element named as one, or the description above the story"
    language = newsfields.declared_language(metadata)
    if not isinstance(segments, Segments):  # A page whose body came from a fallback.
        segments = Segments(paragraphs=article.paragraphs, standfirst=article.standfirst)
    _, dateline_agency = newsfields._dateline(segments, language)
    if article.dateline:
        sources["dateline"] = "the dateline grammar on the story's opening paragraph"
    if article.agency:
        _, byline_agency, _ = newsfields._authors(metadata, segments.paragraphs)
        if dateline_agency:
            sources["agency"] = "the dateline's credit (`PLACE (AGENCY) -`)"
        elif byline_agency:
            sources["agency"] = "the byline (JSON-LD/meta author or printed byline)"
        elif newsfields._first_agency(metadata.author_orgs):
            sources["agency"] = "the JSON-LD author organisation"
        else:
            sources["agency"] = "a closing credit line (`Reporting by ...`, `Copyright ...`)"
    if article.authors:
        from_meta = any(
            is_person_name(name) for value in metadata.authors for name in parse_byline(value)[0]
        )
        from_byline = any(
            is_person_name(name) for value in metadata.bylines for name in parse_byline(value)[0]
        )
        sources["authors"] = (
            "JSON-LD or meta author"
            if from_meta
            else "the printed byline (class names a byline)"
            if from_byline
            else "a line of the story that is a byline alone"
        )
    if article.published:
        if assemble._first_date(metadata.published) is not None:
            sources["published"] = "a machine-readable date (JSON-LD, meta, <time datetime>)"
        elif date_from_url(article.url) == article.published:
            sources["published"] = "the date in the URL"
        else:
            sources["published"] = "a printed date (dateparser)"
    if article.language:
        sources["language"] = f"language_source: {article.language_source}"
    sources["confident"] = (
        "yes: a story block was located and its body is not short"
        if article.confident
        else "no: no story block was located, or the body was replaced or is short"
        f" (under {MIN_CONFIDENT_BODY_CHARS} characters, see Article.confident)"
    )
    return sources
