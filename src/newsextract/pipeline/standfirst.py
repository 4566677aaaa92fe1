"""The standfirst: the summary a page prints between the headline and the story.

It is found by one of two signs, whichever comes first after the headline and before the
story's first paragraph:

- the element is named like one (`standfirst`, `dek`, `article-summary`, see
  `rules.markup.STANDFIRST_WORDS`);
- its text is the page's declared description (og:description and the like), or the
  description's opening (pages append the byline or a "read this story by ..." sentence to
  it), and it sits outside the located story. Inside the story, a paragraph equal to the
  description is the story's own lead, which many sites copy into their description: it
  stays body, unless it is the story's first paragraph and printed wholly in bold, the
  standfirst's typography when a CMS has no element of its own for it (two signs, each
  common alone: a bold lead paragraph or a lead copied into the description stays body). A
  heading (`<h2>`) inside the story before its first paragraph that prints the description
  is the standfirst: a subheading is never the page's summary.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from lxml import etree

from newsextract.pipeline.blocks import normalise_space
from newsextract.pipeline.headline import printed_headline
from newsextract.pipeline.names import MAX_REMEMBERED_PAIRS, is_named_caption, names_of
from newsextract.pipeline.parse import has_block_child, next_element, spaced_text, text_of
from newsextract.rules import markup, phrases
from newsextract.rules.thresholds import (
    DECLARED_HEADLINE_SHARE,
    HEADLESS_REGION_LEVELS,
    MAX_DATA_NAME_CHARS,
    MAX_ELEMENTS_SCANNED,
    MAX_HEADER_LEVELS,
    MAX_NAMED_WRAPPER_LEVELS,
    MAX_OUTSIDE_LEVELS,
    MAX_PLACE_CHARS,
    MAX_PLACE_WORDS,
    MAX_STANDFIRST_CHARS,
    MIN_DESCRIPTION_PREFIX,
    MIN_STANDFIRST_CHARS,
    MIN_STANDFIRST_PARAGRAPHS,
)
from newsextract.support.lazyre import compile_lazily
from newsextract.support.memo import BoundedMemo

_CAMEL_HUMP = compile_lazily(r"(?<=[a-z])(?=[A-Z])")


def find_standfirst(
    elements: tuple[etree._Element, ...],
    descriptions: Iterable[str],
    titles: Iterable[str] = (),
) -> tuple[etree._Element, str] | None:
    """The standfirst element of the located story and its text, or None.

    `titles` are the page's declared titles: an `<h1>` printing one of them is the story's
    own headline, and the header it shares with the story may nest the body deeply.
    """
    if not elements:
        return None
    whole = _whole_story_standfirst(elements)
    if whole is not None:
        return whole
    region, headline = _header_region(elements[0])
    if region is None:
        return None
    wanted = [normalise_space(d) for d in descriptions if d]
    story = set(elements)
    levels = {a: i for i, a in enumerate([elements[0], *elements[0].iterancestors()])}
    # Outside the story, a standfirst meets it no higher than the story's own headline does:
    # both sit in the story's header (the region), however deep the page nests the body below
    # it. A site's name in an `<h1>` meets the story at the page's top: no reach from there.
    reach = MAX_OUTSIDE_LEVELS
    if headline is not None and _declared(printed_headline(headline), titles):
        reach = max(reach, levels.get(region, 0))
    # A named wrapper and the named standfirsts inside it, the only part of it read.
    wrapper: tuple[etree._Element, list[etree._Element]] | None = None
    # Whether each element met on the way up is named as a standfirst: sibling candidates
    # share their wrappers, and reading a wrapper's attributes costs more than this look-up.
    named_memo: dict[etree._Element, bool] = {}
    for el, inside in _after(region, headline, story):
        # Cheap tests first: reading an element's text reads its whole subtree.
        named = _named_standfirst(el, region, story, named_memo)
        leaf = not has_block_child(el)
        if (
            not named
            and not (inside and el.tag == "p")
            and (not wanted or not leaf or (inside and not _deck_heading(el)))
        ):
            continue
        if not inside and not _near(el, levels, reach):
            continue
        text = normalise_space(spaced_text(el))
        if not MIN_STANDFIRST_CHARS <= len(text) <= MAX_STANDFIRST_CHARS:
            if inside and el.tag == "p" and len(text) > MAX_STANDFIRST_CHARS:
                return None  # the story has begun
            continue
        if wrapper is not None and _within(el, wrapper[0]):
            if not any(el is inner or _within(el, inner) for inner in wrapper[1]):
                continue  # beside the named standfirst in its named wrapper: a caption, a credit
        elif named and (inners := _named_inside(el)):
            wrapper = (el, inners)
            continue
        if named and _holds_figure(el) and not _in_figure(el, region):
            paragraphs = _paragraphs_beside_figure(el)
            if paragraphs is not None:
                return el, paragraphs
            continue
        if _in_figure(el, region):
            continue
        if (
            named
            or (not inside and _opens_description(text, wanted))
            or (inside and el.tag != "p" and _is_description(text, wanted))
        ):
            return _with_place_before(el, text)
        if inside and el.tag == "p":
            if _wholly_bold(el) and _opens_description(text, wanted):
                return el, text  # a lead printed in bold that the page declares its summary
            if _weighted_apart(el):
                return el, text  # the template prints it heavier than the story's paragraphs
            return None  # the story's first paragraph: a standfirst would have come before
    return None


def _whole_story_standfirst(
    elements: tuple[etree._Element, ...],
) -> tuple[etree._Element, str] | None:
    """The located story itself, when it is one short element named as a standfirst.

    The locator can take a page's standfirst for its story (`<div class="article-lead">`
    holds the densest text above a story the page renders in pieces): that element's text is
    the standfirst, and the story is left to the fallback.
    """
    if len(elements) != 1:
        return None
    el = elements[0]
    names = _names(el)
    if not names.strip() or markup.STANDFIRST_WORDS_ATTR.search(names) is None:
        return None
    if markup.TAGLINE_ATTR.search(names) is not None:
        return None
    text = normalise_space(spaced_text(el))
    if not MIN_STANDFIRST_CHARS <= len(text) <= MAX_STANDFIRST_CHARS or _holds_figure(el):
        return None
    return (el, text) if _below_a_headline(el) else None


def _below_a_headline(el: etree._Element) -> bool:
    # A standfirst is printed below the headline; a named summary above every `<h1>` is the
    # site's tagline in its masthead (a blog's "description").
    for node in el.getroottree().getroot().iter("h1", str(el.tag)):
        if node is el:
            return False
        if node.tag == "h1" and text_of(node).strip():
            return True
    return False


def _header_region(
    first: etree._Element,
) -> tuple[etree._Element | None, etree._Element | None]:
    """The closest ancestor of the story that also holds a headline, and that headline.

    Without a headline near the story (pages that print it in a styled `<div>`, or that lost
    it in cleaning), the region is the story's container a few levels up and the scan starts
    at its top.
    """
    node: etree._Element | None = first
    chain: list[etree._Element] = []
    for _ in range(MAX_HEADER_LEVELS):
        if node is None or node.tag in ("body", "html"):
            break
        chain.append(node)
        for h1 in node.iter("h1"):
            if text_of(h1).strip():
                return node, h1
        node = node.getparent()
    if not chain:
        return None, None
    return chain[min(len(chain), HEADLESS_REGION_LEVELS + 1) - 1], None


def _after(
    region: etree._Element, headline: etree._Element | None, story: set[etree._Element]
) -> Iterator[tuple[etree._Element, bool]]:
    """Candidate elements after the headline, in document order, each with whether it lies
    inside the located story."""
    seen_headline = headline is None
    in_headline = False
    # How many located elements the walk is inside of: those around the region, and those
    # opened and not yet closed (start and end events spare a look up each element's ancestors).
    inside = sum(1 for a in story if _within(region, a))
    count = 0
    # `iterwalk` hands over elements only: comments are neither candidates nor counted.
    for event, el in etree.iterwalk(region, events=("start", "end")):
        if event == "end":
            inside -= el in story
            in_headline = in_headline and el is not headline
            continue
        if count > MAX_ELEMENTS_SCANNED:
            return
        count += 1
        inside += el in story
        if el is headline:
            seen_headline = in_headline = True
            continue
        if not seen_headline or in_headline:
            continue
        if el.tag in markup.STANDFIRST_TAGS:
            yield el, inside > 0


def _with_place_before(el: etree._Element, text: str) -> tuple[etree._Element, str]:
    """The standfirst with the place printed before it in the same line, in an element of
    its own (`<div><span>Berlin.</span> <span>Standfirst</span></div>`): the line is the
    standfirst, dateline included, as the page prints it. Any other element as it is."""
    parent = el.getparent()
    if parent is None or el.tag in markup.BLOCK_TAGS or has_block_child(parent):
        return el, text
    whole = normalise_space(text_of(parent))
    place = whole.removesuffix(text).strip()
    if (
        whole.endswith(text)
        and place
        and place.endswith(".")
        and len(place) <= MAX_PLACE_CHARS
        and len(place.split()) <= MAX_PLACE_WORDS
    ):
        return parent, whole
    return el, text


def _deck_heading(el: etree._Element) -> bool:
    """Whether an element inside the story, before its first paragraph, is a heading of its
    own (`<h2>` under the `<h1>`): one printing the declared description is the standfirst,
    where a `<div>` printing it is the story's lead in a CMS without `<p>` (measured: taking
    any such element costs the lead paragraph on zyte, fundus and dragnet pages)."""
    return el.tag in markup.DECK_HEADING_TAGS


def _weighted_apart(el: etree._Element) -> bool:
    """Whether the story's first paragraph carries a font-weight class
    (`markup.WEIGHT_CLASSES`: `font-medium`, `fw-bold`) that the paragraph after it does not:
    the template's standfirst, set in a paragraph of the story. Not an author's inline bold
    (`_wholly_bold`), which a lead in a blog often is."""
    classes = set((el.get("class") or "").split())
    weights = classes & markup.WEIGHT_CLASSES
    if not weights:
        return False
    after = next_element(el)
    if after is None or after.tag != "p":
        return False
    return not weights & set((after.get("class") or "").split())


def _wholly_bold(el: etree._Element) -> bool:
    """Whether all of a paragraph's text is inside `<strong>`/`<b>` children."""
    if (el.text or "").strip():
        return False
    bold = False
    for child in el:
        if isinstance(child.tag, str):
            if child.tag not in markup.BOLD_TAGS:
                return False
            bold = True
        if (child.tail or "").strip():
            return False
    return bold


def _near(el: etree._Element, levels: dict[etree._Element, int], reach: int) -> bool:
    # Outside the story, a standfirst sits in the story's own header, a level or two above
    # it, or as high as the story's headline meets it (`reach`); a sidebar's "description"
    # box shares only a far ancestor with the story.
    for ancestor in el.iterancestors():
        level = levels.get(ancestor)
        if level is not None:
            return level <= reach
    return False


def _declared(headline: str, titles: Iterable[str]) -> bool:
    """Whether the printed headline is the page's declared title, or most of one (a `<title>`
    adds the site's name: "Headline - Site"); a site's name alone is a small part of it."""
    text = headline.casefold()
    if not text:
        return False
    for title in titles:
        declared = normalise_space(title).casefold()
        if declared.startswith(text) and len(text) >= DECLARED_HEADLINE_SHARE * len(declared):
            return True
    return False


def _in_figure(el: etree._Element, region: etree._Element) -> bool:
    # A photo's caption often carries `description` or `teaser` words: it is no standfirst.
    node: etree._Element | None = el
    while node is not None and node is not region:
        if node.tag in markup.PHOTO_TAGS:
            return True
        if is_named_caption(node):
            return True
        node = node.getparent()
    return False


def _holds_figure(el: etree._Element) -> bool:
    # A "lead" container holding a photo is the lead image's block (`article__lead-content`):
    # its text is a caption and a credit, not a summary.
    return next(el.iter(*markup.PHOTO_TAGS), None) is not None


def _paragraphs_beside_figure(el: etree._Element) -> str | None:
    """The text of a named standfirst printed as several paragraphs with a photo or video
    among them (`<div class="preamble"><p>..</p><p>..</p><figure>`), or None.

    A named lead block holding a figure is usually the lead image's (its text a caption and a
    credit): only two paragraphs or more of its own, as `<p>` children, make it a summary.
    """
    paragraphs = [normalise_space(spaced_text(child)) for child in el if child.tag == "p"]
    if len(paragraphs) < MIN_STANDFIRST_PARAGRAPHS or not all(paragraphs):
        return None
    text = " ".join(paragraphs)
    return text if MIN_STANDFIRST_CHARS <= len(text) <= MAX_STANDFIRST_CHARS else None


def _named_inside(el: etree._Element) -> list[etree._Element]:
    # A named wrapper around a named standfirst (`<div class="intro">` around a photo's
    # caption and `<p class="intro-text">`): the inner one is the standfirst, the rest of the
    # wrapper is not, however its name reads through the wrapper's.
    return [
        inner
        for inner in el.iterdescendants(*markup.STANDFIRST_TAGS)
        if _is_named_standfirst(inner)
    ]


def _within(el: etree._Element, ancestor: etree._Element) -> bool:
    return any(a is ancestor for a in el.iterancestors())


def _named_standfirst(
    el: etree._Element,
    region: etree._Element,
    story: set[etree._Element],
    memo: dict[etree._Element, bool],
) -> bool:
    # The name may be on the paragraph or on a wrapper just above it (`<div class="intro"><p>`),
    # but not on the region or the story's own container. A story located as several
    # containers may print its summary in one of them (`<div class="preamble">` before
    # `<div class="body-text">`): that one's name counts, the text is the others'.
    node: etree._Element | None = el
    for _ in range(MAX_NAMED_WRAPPER_LEVELS + 1):
        if node is None or node is region or (node in story and len(story) == 1):
            return False
        named = memo.get(node)
        if named is None:
            named = memo[node] = _is_named_standfirst(node)
        if named:
            return True
        node = node.getparent()
    return False


def _names(node: etree._Element) -> str:
    # Component-built pages name their parts in `data-*` attributes, not in classes that are
    # hashes (`<p class="css-1x2y" data-testid="article-intro">`); camelCase is split into
    # words (`teaserText`) so that whole-word matching sees them.
    return _names_and_data(_attributes(node))


_Attributes = tuple[str | None, str | None, tuple[str, ...]]


def _attributes(node: etree._Element) -> _Attributes:
    """The attributes `_names` reads: class, id and the values of `data-*` attributes."""
    data = tuple(value for attr, value in node.items() if attr.startswith("data-"))
    return node.get("class"), node.get("id"), data


def _names_and_data(attributes: _Attributes) -> str:
    class_, id_, values = attributes
    data = [
        _CAMEL_HUMP.sub("-", value)
        for value in values
        if len(value) <= MAX_DATA_NAME_CHARS and " " not in value
    ]
    names = names_of(class_, id_)
    return f"{names} {' '.join(data).lower()}" if data else names


def _read_standfirst_name(attributes: _Attributes) -> bool:
    names = _names_and_data(attributes)
    return bool(names.strip()) and markup.STANDFIRST_WORDS_ATTR.search(names) is not None


# Whether an element is named as a standfirst, by the attributes `_names` reads: the scan asks
# it of every candidate's wrappers, and sibling candidates share them.
_STANDFIRST_NAMED = BoundedMemo(_read_standfirst_name, MAX_REMEMBERED_PAIRS)


def _is_named_standfirst(node: etree._Element) -> bool:
    return _STANDFIRST_NAMED[_attributes(node)]


def _opens_description(text: str, descriptions: list[str]) -> bool:
    """The description, or its opening: pages append the byline or a teaser sentence to the
    standfirst in their description (`... Von Jane Doe.`)."""
    return _is_description(text, descriptions) or (
        len(text) >= MIN_DESCRIPTION_PREFIX and any(d.startswith(text) for d in descriptions)
    )


def _is_description(text: str, descriptions: list[str]) -> bool:
    for description in descriptions:
        if text == description:
            return True
        cut = description.rstrip(".…").rstrip()
        if (
            description.endswith(phrases.ELLIPSES)
            and len(cut) >= MIN_DESCRIPTION_PREFIX
            and text.startswith(cut)
        ):
            return True
    return False
