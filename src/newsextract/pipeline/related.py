"""Related-story boxes found before cleaning: the ones beside the story, not only inside it.

A page prints its "Related" box in many places: inside the story's element, in an aside next to
it, in the story's footer, below it in the same column. Cleaning drops asides, footers and
`role=complementary` elements, and the segmenter looks no further than the story's `<article>`
or `<main>`, so the boxes are found here, on the page before cleaning, and kept as their links
and their ancestors then.

A box is a related box when it is named so (`markup.STORY_RELATED_ATTR`: `related-articles`,
`more-on-the-subject`), opened by a related heading (`phrases.RELATED_HEADINGS`: "Mehr zum
Thema", "Related Post", "Verwandte Artikel", in any element up to
`RELATED_HEADING_MAX_BOX_LEVELS` below the box), or named as a teaser card or list
(`markup.INLINE_TEASER_WORDS`, an *inline* candidate), and is mostly links with a story title
among them. A box named as a sitewide rail, a tag list or an ad network's widget
(`markup.NOT_STORY_BOX_WORDS`), or in the page's header, navigation or site footer, is not.
The elements looked at are the ones the metadata pass collected (`Metadata.box_elements`,
`title_elements`): this stage walks no page of its own.

Which boxes belong to the story is decided once it is located (`place`, used by the
segmenter): inside its scope, or meeting it at most `RELATED_NEAR_STORY_LEVELS` above the
scope and below `<body>`; an inline candidate only inside the located story.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from lxml import etree

from newsextract.pipeline.blocks import RawLink, label_key, normalise_space
from newsextract.pipeline.locate import link_density, text_length
from newsextract.pipeline.names import NamesTest, names_match, names_of
from newsextract.pipeline.parse import text_of
from newsextract.rules import markup, phrases
from newsextract.rules.thresholds import (
    MAX_HEADING_DESCENDANTS,
    MIN_RELATED_TEXT,
    NOT_STORY_BOX_LEVELS,
    RELATED_BOX_MIN_LINK_DENSITY,
    RELATED_CONTAINER_MIN_LINK_DENSITY,
    RELATED_HEADING_MAX_BOX_LEVELS,
    RELATED_NEAR_STORY_LEVELS,
    TEASER_CARD_MAX_CHARS,
    TEASER_LIST_MAX_WRAPPER_LEVELS,
    TEASER_LIST_MIN_ITEMS,
)
from newsextract.support.memo import BoundedMemo

__all__ = ["Candidate", "candidates", "holds_teaser_items", "place"]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A related box as found on the uncleaned page: the element, its ancestors then (the
    cleaner may detach it), and its links."""

    element: etree._Element
    ancestors: tuple[etree._Element, ...]
    links: tuple[RawLink, ...]
    inline: bool = False
    """A teaser card or list (`markup.INLINE_TEASER_WORDS`): related only inside the located
    story (the cleaner may have dropped it there: a `role=complementary` teaser)."""


# Distinct (class, id) pairs whose verdicts are remembered.
MAX_REMEMBERED_NAMES = 4096


def candidates(
    root: etree._Element,
    named: Iterable[etree._Element] = (),
    titles: Iterable[etree._Element] = (),
) -> list[Candidate]:
    """The outermost related boxes of the page, in document order.

    `named` are the elements whose class or id may name a box, `titles` those whose short text
    starts like a related heading, both as the metadata pass found them
    (`Metadata.box_elements`, `title_elements`): this stage reads no other element.
    """
    boxes: dict[etree._Element, bool] = {}
    # Named boxes nest (a section, its list): each link is measured once.
    link_lengths: dict[etree._Element, int] = {}
    for el in named:
        kind = _NAME_KINDS[el.get("class"), el.get("id")]
        if kind is not _NameKind.NONE and _is_story_box(
            el, RELATED_BOX_MIN_LINK_DENSITY, link_lengths=link_lengths
        ):
            boxes[el] = kind is _NameKind.INLINE
    for el in titles:
        box = _box_under_heading(el)
        if box is not None:
            boxes[box] = False
    # A page has a few boxes: libxml2 counts what precedes each one.
    ordered = sorted(boxes, key=_preceding)
    result: list[Candidate] = []
    for box in ordered:
        ancestors = tuple(box.iterancestors())
        # A teaser or complementary container does not hide a related box inside it: outside
        # the story the container counts for nothing, the box still does.
        if any(a in boxes and (boxes[box] or not boxes[a]) for a in ancestors):
            continue
        if _in_page_furniture(box, ancestors):
            continue
        links = tuple(_box_links(box))
        if links:
            result.append(Candidate(box, ancestors, links, boxes[box]))
    return result


_PRECEDING = etree.XPath("count(preceding::*) + count(ancestor::*)")


def _preceding(el: etree._Element) -> float:
    """The number of elements before `el` in document order."""
    count: float = _PRECEDING(el)
    return count


class _NameKind(enum.Enum):
    NONE = enum.auto()
    NAMED = enum.auto()  # named as a related box (`related-articles`, `more-on-the-subject`)
    INLINE = enum.auto()  # a teaser card or list: counts in the story only


def _name_kind(attributes: tuple[str | None, str | None]) -> _NameKind:
    class_, id_ = attributes
    names = names_of(class_, id_)
    if markup.STORY_RELATED_ATTR.search(names) and not markup.CONTENT_ATTR.search(names):
        return _NameKind.NAMED
    if markup.INLINE_TEASER_ATTR.search(names):
        return _NameKind.INLINE
    return _NameKind.NONE


# Pages repeat a few class strings many times: each verdict is remembered (see `BoundedMemo`).
_NAME_KINDS = BoundedMemo(_name_kind, MAX_REMEMBERED_NAMES)


def _is_related_heading(text: str) -> bool:
    """A heading of a box about the story ("Mehr zum Thema", "Related Post"), whole."""
    key = label_key(text)
    if key in phrases.RELATED_HEADINGS:
        return True
    return len(key) <= phrases.RELATED_HEADING_MAX_CHARS and key.startswith(
        phrases.RELATED_HEADING_PREFIXES
    )


def _box_under_heading(el: etree._Element) -> etree._Element | None:
    """The box that `el`, a related heading, opens: its nearest ancestor (up to
    `RELATED_HEADING_MAX_BOX_LEVELS` up) that is mostly links with a story title among them."""
    if next(islice(el.iterdescendants(), MAX_HEADING_DESCENDANTS, None), None) is not None:
        return None
    heading = normalise_space(text_of(el))
    if len(heading) > phrases.RELATED_HEADING_MAX_CHARS or not _is_related_heading(heading):
        return None
    node = el
    # Each level holds the links of the one below: each link is measured once.
    link_lengths: dict[etree._Element, int] = {}
    for _ in range(RELATED_HEADING_MAX_BOX_LEVELS):
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html"):
            return None
        node = parent
        if _names_no_story_box(node):
            return None  # the heading of a tag list or a rail, however far it is wrapped
        length = text_length(node)
        if length > len(heading) and _is_story_box(
            node, RELATED_CONTAINER_MIN_LINK_DENSITY, heading, length, link_lengths
        ):
            return node
    return None


def _is_story_box(
    el: etree._Element,
    min_density: float,
    heading: str = "",
    length: int | None = None,
    link_lengths: dict[etree._Element, int] | None = None,
) -> bool:
    """A container (a link alone is no box) that is mostly links, with at least one story
    title among them, and not named as a sitewide rail or a topic list. `length` and
    `link_lengths` are what the caller has measured already (see `link_density`)."""
    if el.tag == "a":
        return False
    if _NAMED_RAIL(el):
        return False
    node: etree._Element | None = el
    for _ in range(NOT_STORY_BOX_LEVELS + 1):
        if node is None:
            break
        if _names_no_story_box(node):
            return False
        node = node.getparent()
    if link_density(el, link_lengths, length) < min_density and not holds_teaser_items(el):
        return False
    return any(link.text != heading for link in _box_links(el))


def holds_teaser_items(el: etree._Element) -> bool:
    """A list of teasers, whatever its link density: at least `TEASER_LIST_MIN_ITEMS` items
    (the box's heading aside, through a wrapper or two), each short (`TEASER_CARD_MAX_CHARS`)
    and opening with a link whose text is a headline (`<li><a>Title</a> Blurb ...</li>`,
    `<div><a>Title</a><p>Blurb.</p></div>`). The blurbs outweigh the titles, so the box is
    no link list, yet every item advertises another story."""
    items = _items(el, TEASER_LIST_MAX_WRAPPER_LEVELS)
    return len(items) >= TEASER_LIST_MIN_ITEMS and all(map(_is_teaser_item, items))


def _is_teaser_item(item: etree._Element) -> bool:
    link = next((a for a in item.iter("a") if a.get("href")), None)
    if link is None:
        return False
    title = link_title(link)
    text = normalise_space(text_of(item))
    return (
        len(title) >= MIN_RELATED_TEXT
        and len(text) <= TEASER_CARD_MAX_CHARS
        and text.startswith(title)
    )


def _items(el: etree._Element, levels: int) -> list[etree._Element]:
    """The children of `el` but a heading without a link (the box's own), or, when a single
    wrapper is all there is, its items; none when text is written between them (links in a
    paragraph are its words, not a list)."""
    if (el.text and not el.text.isspace()) or any(
        child.tail and not child.tail.isspace() for child in el
    ):
        return []
    children = [
        child
        for child in el
        if isinstance(child.tag, str)
        and not (child.tag in markup.SUBHEADING_TAGS and child.find(".//a") is None)
    ]
    if len(children) == 1 and levels > 0:
        return _items(children[0], levels - 1)
    return children


# Named as related to something, but not to the story: a sitewide rail.
_NAMED_RAIL = names_match(markup.RELATED_ATTR, unless=markup.STORY_RELATED_ATTR)
_names_no_story_box = NamesTest(
    lambda names: any(word in names for word in markup.NOT_STORY_BOX_WORDS)
)


def _box_links(el: etree._Element) -> Iterator[RawLink]:
    seen: set[str] = set()
    for a in el.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:")) or href in seen:
            continue
        text = link_title(a)
        if len(text) >= MIN_RELATED_TEXT:
            seen.add(href)
            yield RawLink(text, href)


def link_title(a: etree._Element) -> str:
    """A related link's text: the one heading it holds when it wraps a whole card (`<a><h3>
    Title</h3><span>By Jane Doe</span></a>`), else all its text, every text node a run of its
    own: a card sets its kicker and title in inline elements that print on lines of their own
    (`<span>Review</span><span>Title</span>`), which read as one glued word if joined as written.
    Several headings (a kicker, an artist and an album, a byline set as one) leave no single
    headline to choose."""
    headings = [normalise_space(text_of(h)) for h in a.iterdescendants(*markup.SUBHEADING_TAGS)]
    if len(headings) == 1 and len(headings[0]) >= MIN_RELATED_TEXT:
        return headings[0]
    return normalise_space(" ".join(a.itertext()))


def _in_page_furniture(box: etree._Element, ancestors: tuple[etree._Element, ...]) -> bool:
    """In the page's header, navigation or footer (one not inside the story's article or
    main: a story footer holds its own "More on this" box)."""
    for index, node in enumerate((box, *ancestors)):
        if node.tag in markup.PAGE_FURNITURE_TAGS:
            outer = ancestors[index:]
            return not any(a.tag in markup.SCOPE_TAGS for a in outer)
    return False


def place(
    candidate: Candidate, scope: etree._Element, story: tuple[etree._Element, ...]
) -> int | None:
    """Where a box sits relative to the located story: 0 inside the story's scope (its
    `<article>` or `<main>`), n > 0 beside it, its nearest common ancestor with the scope n
    levels above the scope; None when it holds the story, or is farther or in the page."""
    box = candidate.element
    if box is scope or any(box is el or box in el.iterancestors() for el in story):
        return None
    if scope in candidate.ancestors:
        return 0
    for level, node in enumerate(scope.iterancestors(), start=1):
        if node.tag in ("body", "html") or level > RELATED_NEAR_STORY_LEVELS:
            return None
        if node in candidate.ancestors:
            return level
    return None
