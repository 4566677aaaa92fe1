"""Stage 5: cut the located story into body paragraphs, captions and related links.

Three passes over small parts of the tree:
- the body walk goes through the content element(s) in document order and emits one paragraph
  per block of text, skipping caption and related-box containers, dropping label lines
  (`Advertisement`, `Follow Us`) and moving inline `RELATED ...` lines and link lists under a
  `Related` heading to the related links;
- the caption pass and the related-box pass look at the story's wider scope (its `<article>`
  or `<main>`), because a lead photo and a "More on this" box often sit just outside the
  element that holds the paragraphs.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import urlsplit

from lxml import etree

from newsextract._model import Block, BlockKind
from newsextract.fields.agencies import normalise_agency
from newsextract.fields.credits import is_credit_line
from newsextract.pipeline.blocks import (
    LineKind,
    RawCaption,
    RawLink,
    Segments,
    body_size,
    classify_line,
    classify_line_why,
    is_label,
    label_key,
    normalise_space,
    related_title,
    without_closing_separators,
)
from newsextract.pipeline.headline import printed_headline
from newsextract.pipeline.locate import Content, link_density, linked_length, text_length
from newsextract.pipeline.names import is_credit_element, names_match, names_of
from newsextract.pipeline.parse import drop_tree, has_block_child, next_element, text_of
from newsextract.pipeline.related import Candidate, holds_teaser_items, link_title, place
from newsextract.pipeline.standfirst import find_standfirst
from newsextract.rules import bylines as bylines_rules
from newsextract.rules import markup, phrases
from newsextract.rules.markup import (
    CONTAINER_TAGS,
    IMAGE_ATTRS,
    SCOPE_TAGS,
    SKIP_TAGS,
    SUBHEADING_TAGS,
)
from newsextract.rules.thresholds import (
    ALT_CAPTION_MAX_ELEMENTS,
    CAPTION_MAX_PARAGRAPHS,
    CREDIT_ELEMENT_MAX_CHARS,
    ECHO_MIN_WORDS,
    GALLERY_MIN_STORY_CHARS,
    LEAD_FIGURES_MAX,
    LINK_CLUSTER_MIN_LINKS,
    LINK_LIST_DENSITY,
    LINK_LIST_MIN_ITEMS,
    MAX_CUE_TEASER_CHARS,
    MAX_LABELS_ABOVE_HEADLINE,
    MIN_LONE_LINK_WORDS,
    MIN_PHOTO_PIXELS,
    MIN_RELATED_TEXT,
    RELATED_BOX_MIN_LINK_DENSITY,
    RELATED_CONTAINER_MIN_LINK_DENSITY,
    STORY_END_MIN_BODY_CHARS,
    TEASER_CARD_MAX_CHARS,
    TEASER_HEADING_MIN_LINK_SHARE,
    TEASER_MIN_STORY_CHARS,
    UNMARKED_CAPTION_MAX_BLOCKS,
    UNMARKED_CAPTION_MAX_CHARS,
    UNMARKED_CAPTION_MIN_WORDS,
    UNMARKED_CREDIT_MAX_CHARS,
    UNMARKED_CREDIT_MAX_WORDS,
    UNMARKED_FIGURE_MAX_DEPTH,
    UNMARKED_MIN_STORY_CHARS,
)
from newsextract.support.budget import CHECK_EVERY, check
from newsextract.support.memo import BoundedMemo

if TYPE_CHECKING:
    from newsextract.pipeline.trace import Trace

# Distinct (class, id) pairs whose verdicts are remembered (see `BoundedMemo`).
MAX_REMEMBERED_NAMES = 4096


def segment(
    content: Content,
    *,
    site_host: str | None = None,
    descriptions: tuple[str, ...] = (),
    titles: tuple[str, ...] = (),
    nearby: tuple[Candidate, ...] = (),
    trace: Trace | None = None,
) -> Segments:
    """Cut the located content into paragraphs, captions and related links.

    Captions and related boxes are read first and then detached from the tree (which the
    pipeline owns), so that no caption or recirculation text can reach the body through
    inline markup. `site_host` is the page's host name, when known: a paragraph that is one
    link to another page of the same site points to another story, while a lone link elsewhere
    (a shop, a source document) is part of the story. `nearby` are the related boxes found on
    the page before cleaning (`pipeline.related`): those in or beside the story give related
    links, and those in the story leave its body. `trace` is told every decision.
    """
    scope = _frame_scope(content)
    headline = _headline(scope)
    found = find_standfirst(content.elements, descriptions, titles)
    standfirst = found[1] if found is not None else None
    captions: list[RawCaption] = []
    boxes: list[RawLink] = []
    detached: list[etree._Element] = []
    # The located story is never its own caption or related box, whatever its class says
    # (a slideshow's text sits in `slide-caption`): only what lies inside it can be one.
    story = set(content.elements)
    for el in content.elements:
        story.update(el.iterancestors())
    labelled = [(el, _named(el)) for el in _LABELLED_OR_FIGCAPTION(scope) if el not in story]
    lead = [(el, _named(el)) for fig in _lead_figures(scope) for el in _LABELLED_OR_FIGCAPTION(fig)]
    # Captions hidden from screen readers: those may repeat a text printed in the story.
    unspoken: set[str] = set()
    # Credit elements read as a caption's credit: not read again as captions of their own.
    credits_read: set[etree._Element] = set()
    for el, found_caption in list(_captions(lead + labelled)):
        if el in credits_read:
            continue
        detached.append(el)
        caption = found_caption
        # A caption container holding only a credit line is that credit (a credit element
        # named like a caption): its sibling is the caption, not its credit.
        if caption is not None and caption.credit is None and not is_credit_line(caption.text):
            beside = sibling_credit(el)
            if beside is None:
                beside = figure_credit(el)
            if beside is None:
                beside = after_figure_credit(el)
            if beside is not None:
                detached.append(beside)
                credits_read.add(beside)
                credit = normalise_space(text_of(beside))
                caption = RawCaption(caption.text, caption.image_url, credit)
        if caption is not None:
            captions.append(caption)
            if _aria_hidden(el):
                unspoken.add(caption.text)
        if trace is not None:
            where, why = ("caption", _CAPTION_WHY) if caption else ("dropped", _REPEAT_WHY)
            trace.claim(el, where, why)
    for el in _outermost_related_boxes(scope, labelled):
        # A box named as a sitewide rail ("latest", "most-read") leaves the body and gives
        # no related links: it is not about this story.
        rail = _named(el).rail
        if not rail:
            boxes.extend(_links(el))
        detached.append(el)
        if trace is not None:
            trace.claim(el, "dropped" if rail else "related", _box_why(el))
    for parts, caption in _unmarked_figures(scope, content.elements, story, detached):
        captions.append(caption)
        detached.extend(parts)
        if trace is not None:
            for part in parts:
                trace.claim(part, "caption", _UNMARKED_WHY)
    beside_story, in_story = _nearby_boxes(nearby, scope, content.elements, trace)
    boxes.extend(beside_story)
    if found is not None:
        detached.append(found[0])
        if trace is not None:
            trace.claim(found[0], "standfirst", _STANDFIRST_WHY)
    galleries = _embedded_galleries(content.elements, labelled)
    detached.extend(galleries)
    if trace is not None:
        for el in galleries:
            trace.claim(el, "dropped", _GALLERY_WHY)
    cards = _teaser_cards(content.elements, detached)
    for el in cards:
        boxes.extend(_links(el))
        if trace is not None:
            trace.claim(el, "related", _CARD_WHY)
    detached.extend(cards)
    # The standfirst stays in the tree, unread, so that the walk knows where the story's
    # header ends (`_BodyWalker.header_end`).
    header = {found[0]} if found is not None else set()
    for el in detached:
        if el.getparent() is not None and el not in content.elements and el not in header:
            drop_tree(el)
    walker = _BodyWalker(site_host, trace, in_story, header=header)
    for el in content.elements:
        # A located container that is the standfirst (a story printed as a summary container
        # and a text container) is not walked: its text is the standfirst's.
        if found is None or el is not found[0]:
            walker.walk(el, BlockKind.PARAGRAPH, root=True)
    frame_related = _frame_related(content, site_host, in_story, found)
    # A caption whose text the story also prints as a paragraph is that paragraph's echo
    # (a photo captioned with the lead sentence) when it is hidden from screen readers or is
    # a sentence of prose: the paragraph stays, the caption goes. A short label such as a
    # name under a portrait stays a caption, and its copy leaves the body.
    echoes = {c.text for c in captions if c.text in unspoken or _is_sentence(c.text)}.intersection(
        walker.paragraphs
    )
    captions = [c for c in captions if c.text not in echoes]
    caption_texts = {c.text for c in captions}
    paragraphs = tuple(p for p in walker.paragraphs if p not in caption_texts and p != standfirst)
    blocks = tuple(b for b in walker.blocks if b.text not in caption_texts and b.text != standfirst)
    paragraphs, blocks = without_closing_separators(paragraphs, blocks)
    paragraphs, blocks = _without_header_labels(walker, paragraphs, blocks)
    return Segments(
        paragraphs=paragraphs,
        blocks=blocks,
        captions=tuple(captions),
        related=(*walker.related, *frame_related, *boxes),
        headline=headline,
        standfirst=standfirst,
    )


def _without_header_labels(
    walker: _BodyWalker, paragraphs: tuple[str, ...], blocks: tuple[Block, ...]
) -> tuple[tuple[str, ...], tuple[Block, ...]]:
    """The body less the short labels printed above the story's headline or standfirst in
    the story's own element (a kicker "Hitzefolgen", a section "Nyheter", a "Live" flag): what
    is above the header's end is the header's, and the story begins below it. Only labels
    (`is_label`: short, no sentence stop) go; a sentence up there is the story's own. A line
    naming an agency ("AA", "dpa") stays: it is the story's source line, which the news
    fields read and take out of the body."""
    if walker.header_end is None:
        return paragraphs, blocks
    lines, block_count = walker.header_end
    above = walker.paragraphs[:lines]
    if not above or not all(is_label(line) and normalise_agency(line) is None for line in above):
        return paragraphs, blocks
    dropped = set(above)
    start = 0
    while start < min(lines, len(paragraphs)) and paragraphs[start] in dropped:
        start += 1
    end = 0
    while end < min(block_count, len(blocks)) and blocks[end].text in dropped:
        end += 1
    return paragraphs[start:], blocks[end:]


_CAPTION_WHY = "segment: caption container (figcaption, or class/id names a caption)"
_REPEAT_WHY = "segment: a caption container repeating a caption already read"
_UNMARKED_WHY = "segment: the short text printed under a photo in the box that holds both"
_STANDFIRST_WHY = "segment: named as a standfirst, or the page's description above the story"
_GALLERY_WHY = (
    f"segment: a photo gallery in a story with {GALLERY_MIN_STORY_CHARS}+ characters without it"
)

_CARD_WHY = (
    "segment: a teaser card (a linked heading and a short blurb) in a story with"
    f" {TEASER_MIN_STORY_CHARS}+ characters without it"
)


def _frame_scope(content: Content) -> etree._Element:
    """Where captions and related boxes are looked for: the located elements' scope, or the
    story's frame's when that holds it (the frame reaches up through only children and
    unscored wrappers, where a story's lead photo and "More on this" box often sit)."""
    scope = _scope(content.elements)
    if content.frame is None:
        return scope
    wider = _scope((content.frame,))
    if wider is not scope and scope in wider.iterdescendants():
        return wider
    return scope


def _frame_related(
    content: Content,
    site_host: str | None,
    in_story: dict[etree._Element, tuple[RawLink, ...]],
    found: tuple[etree._Element, str] | None,
) -> list[RawLink]:
    """The related links the story's frame prints outside the located elements (a "More on
    this" list below the text, in the story's container): read as the body walk reads them,
    their text not body."""
    frame = content.frame
    if frame is None or frame in content.elements:
        return []
    skip = set(content.elements)
    if found is not None:
        skip.add(found[0])
    walker = _BodyWalker(site_host, None, in_story, skip=skip)
    walker.walk(frame, BlockKind.PARAGRAPH, root=True)
    # Only links: a teaser's blurb with no link of its own, outside the story, is a promotion.
    return [link for link in walker.related if link.href]


def _nearby_boxes(
    nearby: tuple[Candidate, ...],
    scope: etree._Element,
    elements: tuple[etree._Element, ...],
    trace: Trace | None,
) -> tuple[list[RawLink], dict[etree._Element, tuple[RawLink, ...]]]:
    """The boxes found before cleaning that sit in or beside the story: the links of those
    outside the located elements, and the boxes inside them with their links (the body walk
    reads those in place, so that the related links keep the page's order).

    A box inside the located elements counts only when the story keeps
    `TEASER_MIN_STORY_CHARS` without it: a box that is most of the located text is the story.
    """
    links: list[RawLink] = []
    in_story: dict[etree._Element, tuple[RawLink, ...]] = {}
    inside = set(elements)
    # The story's length, read only when a box inside it is met (most pages have none).
    story: int | None = None
    for box in nearby:
        level = place(box, scope, elements)
        if level is None:
            continue
        el = box.element
        # Where it was before cleaning: the cleaner may have dropped it (`role=complementary`).
        in_content = any(a in inside for a in box.ancestors)
        if box.inline and not in_content:
            continue  # a teaser list outside the story is one of the site's rails
        if in_content and any(a in inside for a in el.iterancestors()):
            if story is None:
                story = sum(map(text_length, elements))
            if story - text_length(el) < TEASER_MIN_STORY_CHARS:
                continue
            story -= text_length(el)
            in_story[el] = box.links
            continue
        links.extend(box.links)
        if trace is not None and el.getparent() is not None:
            where = "the story's scope" if level == 0 else f"{level} level(s) above the scope"
            trace.claim(el, "related", f"segment: a related box found before cleaning, in {where}")
    return links, in_story


def _box_why(el: etree._Element) -> str:
    return (
        f"segment: related box (class/id names one, link density {link_density(el):.2f}"
        f" >= {RELATED_BOX_MIN_LINK_DENSITY})"
    )


def _embedded_galleries(
    elements: tuple[etree._Element, ...], labelled: list[tuple[etree._Element, _Named]]
) -> list[etree._Element]:
    """The photo galleries inside the story, when the story has enough text without them."""
    inside = set(elements)
    galleries = [
        el
        for el, named in labelled
        if named.gallery and any(a in inside for a in el.iterancestors())
    ]
    return _outermost_if_story_remains(galleries, elements, GALLERY_MIN_STORY_CHARS)


def _teaser_cards(
    elements: tuple[etree._Element, ...], detached: list[etree._Element]
) -> list[etree._Element]:
    """The teaser cards inside the story, when the story has enough text without them.

    A card is a heading that is wholly a link to another page, with the short blurb beside it,
    in a container of its own: a story's own subheads are not links, and its sections are
    longer than a blurb. One that opens the story is the story's own header (a blog's
    headline linked to the post itself, its byline beside it).
    """
    gone = set(detached)
    cards: list[etree._Element] = []
    for root in elements:
        for heading in root.iterdescendants(*markup.SUBHEADING_TAGS):
            if not _is_linked_heading(heading):
                continue
            card = _card_around(heading, root)
            if card is None or card in cards or _opens(root, card):
                continue
            if any(a in gone for a in card.iterancestors()) or card in gone:
                continue
            cards.append(card)
    return _outermost_if_story_remains(cards, elements, TEASER_MIN_STORY_CHARS)


def _outermost_if_story_remains(
    found: list[etree._Element], elements: tuple[etree._Element, ...], min_story: int
) -> list[etree._Element]:
    """The outermost of `found`, when the story keeps `min_story` characters without them:
    a box that takes most of the text is the story itself (a photo story, a blog index)."""
    outermost = [el for el in found if not any(a in found for a in el.iterancestors())]
    if not outermost:
        return []
    story = sum(text_length(el) for el in elements)
    removed = sum(text_length(el) for el in outermost)
    return outermost if story - removed >= min_story else []


def _is_linked_heading(heading: etree._Element) -> bool:
    """A heading whose text is (nearly) all one link to another page, or that sits inside
    such a link (`<a href><h3>...</h3></a>`)."""
    total = text_length(heading)
    if total < MIN_RELATED_TEXT:
        return False
    for ancestor in heading.iterancestors("a"):
        return _points_away(ancestor.get("href"))
    links = [a for a in heading.iter("a") if _points_away(a.get("href"))]
    if len(links) != 1:
        return False
    return text_length(links[0]) >= total * TEASER_HEADING_MIN_LINK_SHARE


def _opens(root: etree._Element, card: etree._Element) -> bool:
    """Whether no text of `root` comes before `card`."""
    ancestors = set(card.iterancestors())
    for el in root.iter():
        if el is card:
            return True
        if isinstance(el.tag, str) and el.text and el.text.strip():
            return False
        # The tail of an element met before the card follows its subtree, so it comes before
        # the card too, unless the element holds the card.
        if el is not root and el not in ancestors and el.tail and el.tail.strip():
            return False
    return True


def _points_away(href: str | None) -> bool:
    # An in-page anchor (a table of contents) or a script link points to no other story.
    if not href:
        return False
    href = href.strip().lower()
    return bool(href) and not href.startswith(("#", "javascript:"))


def _card_around(heading: etree._Element, root: etree._Element) -> etree._Element | None:
    """The largest container around `heading`, below `root`, that is short and holds no other
    heading; None when that container is the heading alone (a linked subhead, no blurb)."""
    node = heading
    for parent in heading.iterancestors():
        if parent is root or text_length(parent) > TEASER_CARD_MAX_CHARS:
            break
        if sum(1 for _ in parent.iterdescendants(*markup.SUBHEADING_TAGS, "h1")) > 1:
            break
        node = parent
    if node is heading or text_length(node) <= text_length(heading):
        return None
    return node


def is_caption_container(el: etree._Element) -> bool:
    """A `figcaption` or an element whose class or id names it a caption."""
    return _is_caption_container(el, _named(el))


class _Named(NamedTuple):
    """What an element's class and id call it."""

    caption: bool
    related: bool
    rail: bool
    """Of the related boxes, one named as a sitewide rail (`markup.SITEWIDE_RAIL_WORDS`)."""
    gallery: bool


_NAMELESS = _Named(caption=False, related=False, rail=False, gallery=False)

# Elements that may be a caption container or a related box: most elements have neither class
# nor id, and asking libxml2 for the others is cheaper than looking at each in Python. Written
# as steps to the attribute rather than as a predicate on every element: twice as fast.
_LABELLED_OR_FIGCAPTION = etree.XPath(
    "descendant-or-self::*/@class/.. | descendant-or-self::*/@id/.."
    " | descendant-or-self::figcaption"
)
# The photos before an element in document order (its ancestors and descendants excluded).
_PRECEDING_IMAGES = etree.XPath("preceding::img")
# The same selection as `_LABELLED_OR_FIGCAPTION` below an element (not the element itself):
# `_outermost_related_boxes` skips this many entries of that list.
_COUNT_LABELLED_BELOW = etree.XPath(
    "count(descendant::*/@class/.. | descendant::*/@id/.. | descendant::figcaption)"
)


def _is_caption_container(el: etree._Element, named: _Named) -> bool:
    if el.tag == "figcaption":
        return True
    return named.caption and not _holds_more_than_a_caption(el)


def _holds_more_than_a_caption(el: etree._Element) -> bool:
    # A caption is a line or two. An element named like one that holds the headline or more
    # paragraphs than a caption has is the story in a container with an unlucky class
    # (`article has-caption`, `credit`): reading it as a caption would empty the body.
    for count, inner in enumerate(el.iterdescendants("p", "h1"), start=1):
        if inner.tag == "h1" or count > CAPTION_MAX_PARAGRAPHS:
            return True
    return False


def _is_related_box(el: etree._Element, named: _Named) -> bool:
    return named.related and (
        link_density(el) >= RELATED_BOX_MIN_LINK_DENSITY or holds_teaser_items(el)
    )


def _named(el: etree._Element) -> _Named:
    # Looked up once per element: the walk asks both questions of every element it visits.
    return _NAMED[el.get("class"), el.get("id")]


def _read_names(attributes: tuple[str | None, str | None]) -> _Named:
    class_, id_ = attributes
    names = names_of(class_, id_)
    if not names.strip():
        return _NAMELESS
    related = (
        markup.RELATED_ATTR.search(names) is not None and markup.CONTENT_ATTR.search(names) is None
    )
    return _Named(
        caption=markup.CAPTION_ATTR.search(names) is not None,
        related=related,
        rail=related and markup.STORY_RELATED_ATTR.search(names) is None,
        gallery=markup.GALLERY_ATTR.search(names) is not None,
    )


# Pages repeat a few class strings many times: the verdicts on them are remembered, keyed on
# the attributes as written so that a repeat costs no string building or lower-casing either.
_NAMED = BoundedMemo(_read_names, MAX_REMEMBERED_NAMES)


class _BodyWalker:
    def __init__(
        self,
        site_host: str | None,
        trace: Trace | None = None,
        boxes: dict[etree._Element, tuple[RawLink, ...]] | None = None,
        *,
        skip: set[etree._Element] | None = None,
        header: set[etree._Element] | None = None,
    ) -> None:
        self._site_host = site_host
        # Elements that close the story's header, not read (the standfirst), besides the
        # `<h1>`; and how many paragraphs and blocks the walk had emitted when it passed the
        # last of them, while that was a few labels at most (see `_without_header_labels`).
        self._header = header or set()
        self.header_end: tuple[int, int] | None = None
        # Elements another walk has read (the located story, when the frame around it is
        # walked for its related links).
        self._skip = skip or set()
        # Related boxes found before cleaning inside the story, with their links.
        self._boxes = boxes or {}
        self._trace = trace
        self._steps = 0
        self.paragraphs: list[str] = []
        self.blocks: list[Block] = []
        self.related: list[RawLink] = []
        # The body texts of the data-table row being walked, which becomes one block.
        self._row: list[str] | None = None
        # The heading the walk is under until prose resumes: after a "Related" heading
        # (RELATED_HEADING), link-only blocks are related stories; after a sitewide rail's
        # ("Most read", RAIL_HEADING), they are dropped. A related box read ends a related
        # section (what follows is the story's again), not a rail.
        self._section: LineKind | None = None
        # Past a line that opens the closing furniture (`STORY_END_LINE`), nothing is body.
        self._ended = False
        # The last body block when it is a heading with nothing after it yet: a teaser that
        # follows it in the same card makes it the teaser's title (`_drop_teaser_title`).
        self._open_heading: etree._Element | None = None

    def walk(self, el: etree._Element, kind: BlockKind, *, root: bool = False) -> None:
        """Walk `el`, whose text is of `kind` unless its own tag says otherwise."""
        self._steps += 1
        if self._steps % CHECK_EVERY == 0:
            check()
        tag = el.tag
        above = len(self.paragraphs)
        if (tag == "h1" or el in self._header) and above <= MAX_LABELS_ABOVE_HEADLINE:
            self.header_end = (len(self.paragraphs), len(self.blocks))
        if el in self._skip or el in self._header:
            return
        if not isinstance(tag, str) or tag in SKIP_TAGS:
            if self._trace is not None and isinstance(tag, str):
                self._trace.claim(el, "dropped", f"segment: <{tag}> never holds body (SKIP_TAGS)")
            return
        box = self._boxes.get(el)
        if box is not None and not root:
            self.related.extend(box)
            self._end_related_section()
            if self._trace is not None:
                why = "segment: a related box found before cleaning, in the story"
                self._trace.claim(el, "related", why)
            return
        named = _NAMELESS if root else _named(el)
        if _is_caption_container(el, named):
            if self._trace is not None:
                self._trace.claim(el, "caption", _CAPTION_WHY)
            return
        if _is_related_box(el, named):
            self._end_related_section()
            if self._trace is not None:
                self._trace.claim(el, "related", _box_why(el))
            return
        heading = _box_heading(el)
        if heading is LineKind.RELATED_HEADING:
            # A container whose first line is "Related" or "Mehr zum Thema" is a box of
            # related stories whatever its class says: its links are related, its text not body.
            self._links_to_related(el)
            if self._trace is not None:
                self._trace.claim(el, "related", "segment: a container under a related heading")
            return
        if heading is LineKind.RAIL_HEADING:
            # Under "Most read" or "Latest headlines": a sitewide rail, neither body nor related.
            if self._trace is not None:
                self._trace.claim(el, "dropped", "segment: a container under a rail heading")
            return
        if self._section is LineKind.RELATED_HEADING and holds_teaser_items(el):
            # Under a "Related" heading, a list of linked titles with their blurbs.
            self._links_to_related(el)
            if self._trace is not None:
                self._trace.claim(el, "related", "segment: teasers under a related heading")
            return
        if tag in ("ul", "ol") and _is_link_list(el):
            if self._section is LineKind.RAIL_HEADING:
                if self._trace is not None:
                    self._trace.claim(el, "dropped", "segment: a list of links in a sitewide rail")
                return
            self._links_to_related(el)
            if self._trace is not None:
                why = f"segment: a list of links (each item link density >= {LINK_LIST_DENSITY})"
                self._trace.claim(el, "related", why)
            return
        kind = _KIND_OF_TAG.get(tag, kind)
        if tag in markup.PARAGRAPH_TAGS and not has_block_child(el):
            self._emit(normalise_space(text_of(el)), el, kind, el)
            return
        if tag == "tr" and self._row is None and _is_data_row(el):
            self._row = []
            self._walk_mixed(el, kind)
            if self._row:
                self.blocks.append(Block(BlockKind.TABLE_ROW, " | ".join(self._row)))
            self._row = None
            return
        self._walk_mixed(el, kind)

    def _walk_mixed(self, el: etree._Element, kind: BlockKind) -> None:
        # Text written straight into a container, between its block children, is a paragraph
        # of its own; `<br>` ends a line.
        run: list[str] = [el.text or ""]
        for child in el:
            tag = child.tag
            if not isinstance(tag, str):
                run.append(child.tail or "")
                continue
            if tag == "br":
                self._flush(run, kind, el)
                run = [child.tail or ""]
            elif tag in markup.BLOCK_TAGS or has_block_child(child):
                self._flush(run, kind, el)
                self.walk(child, kind)
                run = [child.tail or ""]
            elif tag in SKIP_TAGS or is_caption_container(child):
                run.append(child.tail or "")
            else:
                run.append(text_of(child))
                run.append(child.tail or "")
        self._flush(run, kind, el)

    def _flush(self, run: list[str], kind: BlockKind, container: etree._Element) -> None:
        text = "".join(run)
        # Most runs are the indentation between two block children: nothing to normalise.
        if text and not text.isspace():
            self._emit(normalise_space(text), None, kind, container)

    def _emit(
        self, text: str, el: etree._Element | None, kind: BlockKind, holder: etree._Element
    ) -> None:
        """One line of the body walk: `el` is its element when it is one element's whole
        text (None for a run of loose text), `holder` the element it is in (for `--explain`)."""
        if not text:
            return
        if self._trace is not None:
            # Asked again, with its reason: the answer is the same as the one below.
            line, why = classify_line_why(text)
            if line is not LineKind.BODY:
                related = line in (LineKind.RELATED_HEADING, LineKind.RELATED_LINE)
                where = "related" if related else "dropped"
                self._trace.line(holder, text, where, "segment: " + why)
        line = classify_line(text)
        if line is LineKind.BOILERPLATE:
            return
        if line is LineKind.STORY_END:
            self._ended = body_size(tuple(self.paragraphs)) >= STORY_END_MIN_BODY_CHARS
            return
        if line is LineKind.RELATED_HEADING or line is LineKind.RAIL_HEADING:
            self._section = line
            return
        if line is LineKind.RELATED_LINE:
            href = _first_href(el) if el is not None else None
            self.related.append(RawLink(related_title(text), href))
            return
        if el is not None and (teaser := _more_link_teaser(el, text)) is not None:
            self.related.append(teaser)
            self._note(holder, text, "related", "a teaser ending in a 'more' link")
            self._drop_teaser_title(el)
            return
        if el is not None and (share := _link_share(el, text)) > LINK_LIST_DENSITY:
            # Under a "Related" heading, or as one same-site link and nothing else, a
            # link-only paragraph points to another story ("DANCING WITH THE STARS' ...").
            if self._section is LineKind.RAIL_HEADING:
                self._note(holder, text, "dropped", "link-only, in a sitewide rail")
                return
            if self._section is LineKind.RELATED_HEADING or _is_lone_link(
                el, text, self._site_host
            ):
                self._links_to_related(el)
                self._note(holder, text, "related", f"link-only (link density {share:.2f})")
                return
            # Several links and no prose of its own: a tag list, a link farm, a menu that
            # lost its markup. Not the story.
            if sum(1 for a in el.iter("a") if a.get("href")) >= LINK_CLUSTER_MIN_LINKS:
                why = f"{LINK_CLUSTER_MIN_LINKS}+ links, link density {share:.2f}"
                self._note(holder, text, "dropped", f"a link cluster ({why})")
                return
        if self._ended:
            # Related links below the story's end are still harvested above; its text is not.
            self._note(holder, text, "dropped", "below the closing furniture (STORY_END_LINE)")
            return
        if self._trace is not None:
            self._note(holder, text, "body", f"a {kind.value} of the located story")
        self._section = None
        self.paragraphs.append(text)
        if self._row is not None:
            self._row.append(text)
        else:
            self.blocks.append(Block(kind, text))
        self._open_heading = el if kind is BlockKind.HEADING and self._row is None else None

    def _end_related_section(self) -> None:
        if self._section is LineKind.RELATED_HEADING:
            self._section = None

    def _drop_teaser_title(self, teaser: etree._Element) -> None:
        """A heading printed right above a teaser, beside it in one card (`<li><h3>Title</h3>
        <p>Blurb. <a>Read more</a></p></li>`), is the advertised story's title, not a subhead
        of this one: it leaves the body with its teaser."""
        heading, self._open_heading = self._open_heading, None
        if heading is None or heading.getparent() is not teaser.getparent():
            return
        if self.blocks and self.paragraphs and self.blocks[-1].text == self.paragraphs[-1]:
            self.blocks.pop()
            self.paragraphs.pop()
            if self._trace is not None:
                self._trace.redirect(heading, "related", "segment: the title of a teaser below it")

    def _note(self, holder: etree._Element, text: str, where: str, why: str) -> None:
        if self._trace is not None:
            self._trace.line(holder, text, where, "segment: " + why)

    def _links_to_related(self, el: etree._Element) -> None:
        self.related.extend(_links(el))


_KIND_OF_TAG = {tag: BlockKind(kind) for tag, kind in markup.BLOCK_KIND_OF_TAG.items()}


def _is_data_row(tr: etree._Element) -> bool:
    """A table row of two or more cells that hold only inline text: a row of data, one block.

    A cell holding paragraphs or line breaks is a layout table's column of prose, whose
    paragraphs stay blocks of their own.
    """
    cells = [c for c in tr if c.tag in markup.CELL_TAGS]
    if len(cells) < 2 or len(cells) != sum(1 for c in tr if isinstance(c.tag, str)):
        return False
    return not any(has_block_child(c) or c.find(".//br") is not None for c in cells)


def _more_link_teaser(el: etree._Element, text: str) -> RawLink | None:
    """A teaser (its blurb, then a "more" link to the story it advertises) as a related link
    with the blurb as its text; None for any other paragraph. Most paragraphs do not end in
    such a word, and are answered before their links are looked at."""
    words = text.rstrip(phrases.LABEL_EDGE).rsplit(None, 1)
    if not words or words[-1].lower() not in phrases.MORE_LINK_LAST_WORDS:
        return None
    links = el.findall(".//a")
    href = links[-1].get("href") if links else None
    if not href:
        return _more_cue_teaser(el, text)
    last = normalise_space(text_of(links[-1])).strip(phrases.LABEL_EDGE).lower()
    ending = text.rstrip(phrases.LABEL_EDGE)
    if last not in phrases.MORE_LINK_TEXTS or not ending.lower().endswith(last):
        return None
    return RawLink(ending[: -len(last)].rstrip(phrases.LABEL_EDGE) or text, href.strip())


def _more_cue_teaser(el: etree._Element, text: str) -> RawLink | None:
    """A teaser whose "more" cue is printed in an element of its own at its very end, the
    link being the card around it (`<p>Blurb. <span class="link-extend">mehr</span></p>`):
    a sentence that merely ends in the word has no such element."""
    children = [c for c in el if isinstance(c.tag, str)]
    if not children or (children[-1].tail or "").strip():
        return None
    cue = normalise_space(text_of(children[-1])).strip(phrases.LABEL_EDGE).lower()
    if cue not in phrases.MORE_LINK_TEXTS or len(text) > MAX_CUE_TEASER_CHARS:
        return None
    blurb = text.rstrip(phrases.LABEL_EDGE)
    blurb = blurb[: -len(cue)].rstrip(phrases.LABEL_EDGE)
    # The cue alone ("More:" opening a list of links) is a label, not a teaser.
    return RawLink(blurb, None) if len(blurb) >= MIN_RELATED_TEXT else None


def _link_share(el: etree._Element, text: str) -> float:
    """`link_density(el)` for an element whose normalised text is already at hand."""
    if not text:
        return 0.0
    return min(1.0, linked_length(el) / len(text))


def _box_heading(el: etree._Element) -> LineKind | None:
    """RELATED_HEADING or RAIL_HEADING when `el` is a box of links opened by such a heading
    (its first child's whole text), else None."""
    if el.tag not in CONTAINER_TAGS or len(el) < 2:
        return None
    first = next((c for c in el if isinstance(c.tag, str)), None)
    if first is None or (el.text and el.text.strip()):
        return None
    heading = normalise_space(text_of(first))
    kind = classify_line(heading) if heading else None
    if kind is not LineKind.RELATED_HEADING and kind is not LineKind.RAIL_HEADING:
        return None
    if link_density(el) >= RELATED_CONTAINER_MIN_LINK_DENSITY or holds_teaser_items(el):
        return kind
    return None


def _is_lone_link(el: etree._Element, text: str, site_host: str | None) -> bool:
    links = [a for a in el.iter("a") if a.get("href")]
    if len(links) != 1 or len(text.split()) < MIN_LONE_LINK_WORDS:
        return False
    host = _host(links[0].get("href", ""))
    return host is None or (site_host is not None and _same_site(host, site_host))


def _host(href: str) -> str | None:
    """The host of an absolute link; None for a link relative to the page."""
    try:
        return urlsplit(href.strip()).hostname if "//" in href else None
    except ValueError:
        return None


def _same_site(a: str, b: str) -> bool:
    return _site_key(a) == _site_key(b)


def _site_key(host: str) -> str:
    # The registrable part of a host, approximately: `video.example.com` -> `example.com`,
    # `news.example.co.uk` -> `example.co.uk` (a short second level under a country code).
    labels = host.lower().split(".")
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and len(labels[-2]) <= 3 else 2
    return ".".join(labels[-keep:])


def _is_link_list(el: etree._Element) -> bool:
    items = [li for li in el if li.tag == "li"]
    if len(items) < LINK_LIST_MIN_ITEMS:
        return False
    return all(link_density(li) >= LINK_LIST_DENSITY for li in items)


def _first_href(el: etree._Element) -> str | None:
    for a in el.iter("a"):
        href = a.get("href")
        if href:
            return href.strip()
    return None


def _links(el: etree._Element) -> Iterator[RawLink]:
    for a in el.iter("a"):
        text = link_title(a)
        href = a.get("href")
        if href and len(text) >= MIN_RELATED_TEXT:
            yield RawLink(text, href.strip())


def _scope(elements: tuple[etree._Element, ...]) -> etree._Element:
    first = elements[0]
    node: etree._Element | None = first
    while node is not None:
        if node.tag in SCOPE_TAGS:
            return node
        if node.tag == "body":
            break
        node = node.getparent()
    # Without an <article> or <main>, the story's own container bounds it: the parent of the
    # text, which also holds a lead photo placed beside it, unless that parent is the page.
    parent = first.getparent()
    if parent is None or parent.tag in ("body", "html"):
        return first
    return parent


def _captions(
    labelled: list[tuple[etree._Element, _Named]],
) -> Iterator[tuple[etree._Element, RawCaption | None]]:
    """Each outermost caption container in `labelled`, with its caption (None for a repeat)."""
    seen: set[tuple[str, str | None, str | None]] = set()
    for el, named in labelled:
        # Most labelled elements are named neither way: answered without a call each.
        if el.tag != "figcaption" and not named.caption:
            continue
        if not _is_caption_container(el, named) or _inside_caption(el):
            continue
        caption = _caption(el)
        if caption is None:
            yield el, None
            continue
        # Told from a repeat by its image too: a credit-only caption ("© Jane Doe") may be
        # printed under several photos. Repeats of a caption's text under other images are
        # dropped later, once its credit is split off (`newsfields`).
        key = (caption.text, caption.credit, caption.image_url)
        if key in seen:
            yield el, None
            continue
        seen.add(key)
        yield el, caption


def _is_sentence(text: str) -> bool:
    return len(text.split()) >= ECHO_MIN_WORDS and text.rstrip(phrases.CLOSING_QUOTES).endswith(
        phrases.FULL_STOPS
    )


def _aria_hidden(el: etree._Element) -> bool:
    return any(node.get("aria-hidden") == "true" for node in (el, *el.iterancestors()))


def _inside_caption(el: etree._Element) -> bool:
    for ancestor in el.iterancestors():
        if isinstance(ancestor.tag, str) and is_caption_container(ancestor):
            return True
    return False


def _caption(el: etree._Element) -> RawCaption | None:
    credit: str | None = None
    nested = _nested_credit(el)
    if nested is not None:
        # A credit set deeper inside the caption (`<span class="source"><span
        # class="author">Jane Doe</span></span>`) is read, and its text left out of the caption's.
        credit = normalise_space(text_of(nested)) or None
        drop_tree(nested)
    parts: list[str] = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str):
            child_text = normalise_space(text_of(child))
            if credit is None and (is_credit_element(child) or _is_credit_block(child, child_text)):
                credit = child_text or None
            elif label_key(child_text) not in phrases.CAPTION_NOISE:
                parts.append(text_of(child))
        parts.append(child.tail or "")
    text = normalise_space("".join(parts))
    if not text and credit is None:
        return None
    return RawCaption(text=text, image_url=_image_near(el), credit=credit)


def _is_credit_block(child: etree._Element, text: str) -> bool:
    """A block of the caption that is only a credit line ("Bild: Agency/Name", "© Name"),
    unnamed: the caption's credit wherever it is printed, before the caption's text too (a
    credit block first, then the text, would otherwise read as one credit swallowing it)."""
    return child.tag in markup.CREDIT_BLOCK_TAGS and is_credit_line(text)


def _nested_credit(el: etree._Element) -> etree._Element | None:
    """The first credit element below the caption's own children, when there is one."""
    for child in el:
        if not isinstance(child.tag, str) or is_credit_element(child):
            continue
        for inner in child.iterdescendants():
            if isinstance(inner.tag, str) and _is_short_credit(inner):
                return inner
    return None


def _is_short_credit(el: etree._Element) -> bool:
    return is_credit_element(el) and len(text_of(el).strip()) <= CREDIT_ELEMENT_MAX_CHARS


def sibling_credit(el: etree._Element) -> etree._Element | None:
    """A credit printed beside the caption container `el`, as its sibling: the `<footer>` or
    `<small>` under a figure's `<figcaption>`, a `<span class="source">` after the caption's."""
    parent = el.getparent()
    if parent is None:
        return None
    for sibling in parent:
        if sibling is not el and isinstance(sibling.tag, str) and _is_short_credit(sibling):
            credit = normalise_space(text_of(sibling))
            # The two are the whole of their container: a sibling in a larger block of text
            # (a post's "Posted by ..." line beside a captioned table) is the block's own.
            alone = (
                len(normalise_space(text_of(parent)))
                <= len(normalise_space(text_of(el))) + len(credit) + 1
            )
            return sibling if credit and alone else None
    return None


def figure_credit(el: etree._Element) -> etree._Element | None:
    """A credit printed elsewhere in the caption's `<figure>` than beside the caption: in the
    photo's own box (`<figure><div><img><span>Foto: Jane Doe</span></div><figcaption>...`),
    with no class naming it. The innermost element outside the caption whose whole text is a
    credit line (`Photo: X`, `© X`, `X/Getty Images`), when the figure holds only one (or
    copies of one text: a responsive template prints the credit over the photo for wide
    screens and under the caption for narrow ones), and no other caption or credit container
    (a lightbox's copy of the caption and its credit)."""
    figure = next(el.iterancestors("figure"), None)
    if figure is None:
        return None
    found: etree._Element | None = None
    around = set(el.iterancestors())
    for inner in figure.iterdescendants():
        if not isinstance(inner.tag, str) or inner is el:
            continue
        if inner in around or el in inner.iterancestors():
            continue  # holds the caption or is part of it: its text is the caption's
        if is_caption_container(inner):
            return None  # the caption pass reads those (a lightbox's copy of the caption)
        named = is_credit_element(inner)
        if not named and inner.tag in markup.NOT_CREDIT_TAGS:
            continue
        text = normalise_space(text_of(inner))
        if not text or len(text) > CREDIT_ELEMENT_MAX_CHARS:
            continue
        # A credit element wrapped apart from the caption (`<div><small class="copyright">`,
        # not the caption's sibling) is the credit by its name; an unnamed one by its text.
        if not named and not is_credit_line(text):
            continue
        if found is not None and found not in inner.iterancestors():
            if text == normalise_space(text_of(found)):
                continue  # the same credit printed twice (a desktop and a mobile copy)
            return None  # two credits: which is the caption's is not told by position
        found = inner
    return found


def after_figure_credit(el: etree._Element) -> etree._Element | None:
    """A credit element printed right after the caption's `<figure>`, outside it
    (`<figure><img><figcaption>...</figcaption></figure><span class="photo-credit">...`): the
    next element, named as a credit and short. Any other element there is the story's."""
    figure = next(el.iterancestors("figure"), None)
    if figure is None:
        return None
    following = next_element(figure)
    if following is None or not _is_short_credit(following):
        return None
    return following if normalise_space(text_of(following)) else None


def _lead_figures(scope: etree._Element) -> list[etree._Element]:
    """The figures printed between the story's headline and its scope: a lead photo set above
    the `<article>` or `<main>` that holds the text (`<h1>`, `<figure>`, then `<article>`).

    The headline is the nearest `<h1>` before the scope, and only when the scope holds none
    (else the scope's own headline opens the story and anything above it is the page's). At
    most `LEAD_FIGURES_MAX` figures, each with a caption, and no related box or teaser among
    them: more is a carousel of other stories."""
    if scope.tag not in SCOPE_TAGS or next(scope.iter("h1"), None) is not None:
        return []
    before = _PRECEDING_FIGURES(scope)
    if not before:
        return []
    heading = next(iter(_PRECEDING_HEADLINE(scope)), None)
    if heading is None:
        return []
    # The figures after the headline are the last ones before the scope: each has the
    # headline as its own nearest <h1>. One more than the limit is enough to refuse.
    figures: list[etree._Element] = []
    for figure in reversed(before):
        if next(iter(_PRECEDING_HEADLINE(figure)), None) is not heading:
            break
        figures.insert(0, figure)
        if len(figures) > LEAD_FIGURES_MAX:
            return []
    if not figures:
        return []
    shared = set(scope.iterancestors())
    for figure in figures:
        # Named as a teaser or a related box below the branch the figure shares with the scope.
        for el in (figure, *figure.iterancestors()):
            if el in shared:
                break
            if _NAMED_NOT_FIGURE(el):
                return []
    return [f for f in figures if f.find(".//figcaption") is not None]


# The nearest `<h1>` before an element, and the figures before one, in document order
# (ancestors and descendants excluded).
_PRECEDING_HEADLINE = etree.XPath("preceding::h1[1]")
_PRECEDING_FIGURES = etree.XPath("preceding::figure")


def _image_near(el: etree._Element) -> str | None:
    # The photo of a caption is in the same <figure>, or just before the caption.
    container = el.getparent()
    for ancestor in el.iterancestors("figure"):
        container = ancestor
        break
    if container is None:
        return None
    for img in container.iter("img"):
        url = _image_of(img)
        if url is not None:
            return url
    if container.tag == "figure":
        return None
    # A caption in a strip under the photo (`<div><img><div class="footer"><div
    # class="caption">`): the photo is in the box one level up, when that box holds only it.
    outer = container.getparent()
    if outer is None or outer.tag in ("body", "html"):
        return None
    photos = list(islice((i for i in outer.iter("img") if not _in_noscript(i, outer)), 2))
    return _image_of(photos[0]) if len(photos) == 1 else None


def _unmarked_figures(
    scope: etree._Element,
    content: tuple[etree._Element, ...],
    story: set[etree._Element],
    taken: list[etree._Element],
) -> list[tuple[list[etree._Element], RawCaption]]:
    """Photos printed with a caption but no caption markup: each photo's caption blocks and
    its caption.

    A figure built of plain boxes (`<div><picture>...</picture><div><p>Text</p><p>© Name</p>
    </div></div>`) has no `<figcaption>` and no caption class. Its caption is found by position:
    the smallest box above the photo that holds any text is the figure when that text comes
    after the photo, is short, is set in at most a few blocks, holds no heading and is not
    mostly links (a teaser card: a photo and a linked title), and the box holds no other photo.
    A block that is only a credit (`© Name`, `Image: Name`, `Getty Images`) is the credit.
    The story's own containers are never such a box, nor is a paragraph, a link, a quote or
    a box named as a teaser, a related box or a byline, nor anything already read as a caption
    or a related box. Only photos above the end of the story are looked at, and when the story
    would keep less than `UNMARKED_MIN_STORY_CHARS` without the captions found inside it, those
    stay body (a photo post).
    """
    taken_set = set(taken)
    # The photos inside what is already taken (captions, related boxes: small boxes), found
    # from those boxes down rather than from every photo up.
    taken_photos = {img for box in taken for img in box.iterdescendants("img")}
    found: list[tuple[list[etree._Element], RawCaption]] = []
    boxes_seen: set[etree._Element] = set()
    titled: list[RawCaption] = []
    # Photos from the top of the scope to the end of the located story only (a lead photo
    # above it, photos between its blocks): those below it are teaser cards and rails.
    last = content[-1]
    photos = _photos_before(scope, last)
    photos.extend(last.iter("img"))
    for img in photos:
        if img in taken_photos or next(img.iterancestors("noscript"), None) is not None:
            continue
        if _not_a_photo(img):
            continue
        figure = _unmarked_figure(img, scope, story)
        if figure is None:
            after = _alt_caption_after(img, scope)
            if after is not None:
                if after not in taken_set and after not in boxes_seen:
                    boxes_seen.add(after)
                    found.append(
                        ([after], RawCaption(normalise_space(text_of(after)), _image_of(img), None))
                    )
                continue
            credit = _title_only_credit(img, scope)
            if credit is not None:
                titled.append(RawCaption("", _image_of(img), credit))
            continue
        if figure[0] in boxes_seen:
            continue
        box, blocks = figure
        boxes_seen.add(box)
        if any(el in taken_set for el in box.iter()):
            continue
        caption = _unmarked_caption(img, [normalise_space(text_of(b)) for b in blocks])
        if caption is not None:
            found.append((blocks, caption))
    # A post that is a photo and a few lines about it is all caption by this rule: its lines
    # are the story, and the photos inside it keep their text in the body.
    located = set(content)
    inside = [
        len(c.text) for blocks, c in found if any(a in located for a in blocks[0].iterancestors())
    ]
    found.extend(([], c) for c in titled)
    if inside and sum(map(text_length, content)) - sum(inside) < UNMARKED_MIN_STORY_CHARS:
        found = [
            (blocks, c)
            for blocks, c in found
            if not blocks or not any(a in located for a in blocks[0].iterancestors())
        ]
    return found


def _alt_caption_after(img: etree._Element, scope: etree._Element) -> etree._Element | None:
    """The block printed right after a photo's own wrapper that repeats the photo's `alt` and
    nothing else: `<div><picture><img alt="X"></picture></div><div><span>X</span></div>`, a
    caption set beside the photo's box rather than inside a box holding both (the CMS writes the
    caption into the `alt`, so the two texts are the same). The wrapper is the photo's
    outermost ancestor holding no text, inside `scope`. A heading, a link or a list item
    repeating the `alt` is not a caption, nor a block that is inline in a paragraph, a table
    cell (a layout table's button and its label), anything inside a link (a teaser: a thumbnail
    and its title), or an `alt` that is the image's file name."""
    alt = normalise_space(img.get("alt") or "")
    if not alt or len(alt) > UNMARKED_CAPTION_MAX_CHARS or not is_photo(img):
        return None
    if (img.get("src") or "").rsplit("/", 1)[-1].casefold().startswith(alt.casefold()):
        return None
    branch = img
    for _ in range(UNMARKED_FIGURE_MAX_DEPTH):
        parent = branch.getparent()
        if parent is None or parent is scope or _holds_text(parent):
            break
        branch = parent
    else:
        return None
    if (branch.tail or "").strip():
        return None
    following = next_element(branch)
    if (
        following is None
        or following.tag not in markup.ALT_CAPTION_TAGS
        or (following.tail or "").strip()
    ):
        return None
    # A caption's box holds a few elements: a larger one (the story's next block of text) is
    # answered without reading its text.
    if next(islice(following.iter(), ALT_CAPTION_MAX_ELEMENTS, None), None) is not None:
        return None
    if any(True for _ in following.iter("img", "a", "h1", *SUBHEADING_TAGS)):
        return None
    for ancestor in following.iterancestors():
        if ancestor is scope:
            break
        if ancestor.tag == "a":
            return None
    text = normalise_space(text_of(following))
    if not text or not _same_as_alt(text.casefold(), alt.casefold()):
        return None
    return None if _is_teaser_or_prompt(text) else following


def _same_as_alt(text: str, alt: str) -> bool:
    """The text is the `alt`, or the `alt` is the text and a short tag after a dash or a bar
    (the site's name many CMSs add to every photo's `alt`: "Caption - Site Name")."""
    if text == alt:
        return True
    if not alt.startswith(text):
        return False
    rest = alt[len(text) :]
    for separator in markup.ALT_TAG_SEPARATORS:
        if rest.startswith(separator):
            return 0 < len(rest[len(separator) :].split()) <= UNMARKED_CREDIT_MAX_WORDS
    return False


def _photos_before(scope: etree._Element, stop: etree._Element) -> list[etree._Element]:
    """The `<img>`s of `scope` before `stop` in document order, not inside it; found by
    libxml2, as a walk over every element of the scope in Python costs a page's millisecond."""
    if stop is scope:
        return []
    if scope not in stop.iterancestors():
        return list(scope.iter("img"))
    in_scope = set(scope.iter("img"))
    return [img for img in _PRECEDING_IMAGES(stop) if img in in_scope]


def _unmarked_caption(img: etree._Element, texts: list[str]) -> RawCaption | None:
    """The caption of a photo from its caption blocks' texts: a block that is only a credit,
    or a last short line of capitalised words after the caption's, is the credit; else the
    photo's `title` may give it as "caption | credit"."""
    credit: str | None = None
    kept: list[str] = []
    for index, text in enumerate(texts):
        if credit is None and (is_credit_line(text) or (index > 0 and _names_only(text))):
            credit = text
        else:
            kept.append(text)
    caption_text = " ".join(kept)
    if caption_text and len(caption_text.split()) < UNMARKED_CAPTION_MIN_WORDS:
        return None  # a badge over a teaser's photo ("mit Video", "1 min"), not a caption
    if not caption_text and credit is None:
        return None
    if credit is None:
        credit = _title_credit(img, caption_text)
    return RawCaption(caption_text, _image_of(img), credit)


def _names_only(text: str) -> bool:
    """A short line of capitalised words and nothing else ("Getty Images", "REUTERS"): printed
    in its own block under a caption, the credit."""
    words = text.split()
    return (
        len(text) <= UNMARKED_CREDIT_MAX_CHARS
        and 0 < len(words) <= UNMARKED_CREDIT_MAX_WORDS
        and all(w[0].isupper() for w in words)
        and not text.endswith(phrases.LINE_END_STOPS)
    )


def _title_only_credit(img: etree._Element, scope: etree._Element) -> str | None:
    """The credit of a photo printed with no caption at all, from its `title` written as
    "alt | credit" (the photo's description, then its credit): a credit-only caption. Not for
    a photo in a `<figure>` (the caption pass reads those) or in a box named as a teaser."""
    if next(img.iterancestors("figure"), None) is not None:
        return None
    parent = img.getparent()
    if parent is not None and _named_not_figure(parent, scope):
        return None
    alt = normalise_space(img.get("alt") or "")
    return _title_credit(img, alt) if alt else None


def _title_credit(img: etree._Element, caption_text: str) -> str | None:
    """The credit a photo's `title` gives after its caption or its `alt`: "Text | Credit"."""
    title = normalise_space(img.get("title") or "")
    head, bar, credit = title.rpartition(" | ")
    if not bar or not credit.strip():
        return None
    alt = normalise_space(img.get("alt") or "")
    return credit.strip() if head and head in (caption_text, alt) else None


def _unmarked_figure(
    img: etree._Element, scope: etree._Element, story: set[etree._Element]
) -> tuple[etree._Element, list[etree._Element]] | None:
    """The box holding `img` and its caption, and the caption's blocks (see
    `_unmarked_figures`); None when the photo has no such box."""
    branch = img
    for _ in range(UNMARKED_FIGURE_MAX_DEPTH):
        box = branch.getparent()
        if box is None or box is scope or box in story or box.tag == "body":
            return None
        if _NAMED_NOT_FIGURE(box):
            return None
        if _holds_text(box):
            # A paragraph with a photo in it, or a link holding photo and text (a teaser),
            # is no figure.
            if box.tag in markup.NOT_FIGURE_TAGS or _named_not_figure(box, scope):
                return None
            return _caption_blocks(box, branch)
        branch = box
    return None


def is_unmarked_figure(box: etree._Element, img: etree._Element) -> bool:
    """Whether `box` is `img`'s figure by position (see `_unmarked_figures`): the photo, then
    its caption's few short blocks and nothing else. Asked by the cleaner of a furniture-named
    box holding one photo (`image-widget`): the caption pass reads such a box, so it stays."""
    if _NAMED_NOT_FIGURE(box):
        return False
    branch = img
    for parent in img.iterancestors():
        if parent is box:
            return _caption_blocks(box, branch) is not None
        branch = parent
    return False


def is_photo(img: etree._Element) -> bool:
    """Whether an `<img>` is a story's photo: not named a logo, icon or avatar, not an SVG,
    and not set smaller than a thumbnail (`width="60"`: an avatar, a feed badge). Asked by
    the cleaner of the photo in a furniture-named box."""
    if _not_a_photo(img):
        return False
    for attr in ("width", "height"):
        size = (img.get(attr) or "").strip().removesuffix("px")
        if size.isdigit() and 0 < int(size) < MIN_PHOTO_PIXELS:
            return False
    return True


def _not_a_photo(img: etree._Element) -> bool:
    src = img.get("src") or ""
    names = f"{img.get('class') or ''} {img.get('id') or ''} {src.rsplit('/', 1)[-1]}"
    return markup.NOT_PHOTO_NAMES.search(names) is not None or src.endswith(".svg")


def _named_not_figure(box: etree._Element, scope: etree._Element) -> bool:
    for el in (box, *box.iterancestors()):
        if el is scope:
            return False
        if _NAMED_NOT_FIGURE(el):
            return True
    return False


_NAMED_NOT_FIGURE = names_match(markup.NOT_FIGURE_ATTR)


def _caption_blocks(
    box: etree._Element, branch: etree._Element
) -> tuple[etree._Element, list[etree._Element]] | None:
    if (box.text or "").strip() or _holds_two_photos(box):
        return None
    blocks: list[etree._Element] = []
    after = False
    for child in box:
        if child is branch:
            after = True
            if (child.tail or "").strip():
                return None
            continue
        if not isinstance(child.tag, str):
            continue
        if (child.tail or "").strip():
            return None
        if not _holds_text(child):
            continue
        if not after or child.tag in SKIP_TAGS:
            return None
        blocks.append(child)
    if len(blocks) == 1:
        # One wrapper around the caption and its credit: its blocks are the two.
        inner = [c for c in blocks[0] if isinstance(c.tag, str) and _holds_text(c)]
        if len(inner) > 1 and not (blocks[0].text or "").strip():
            blocks = inner
    text = " ".join(normalise_space(text_of(b)) for b in blocks)
    if not blocks or len(blocks) > UNMARKED_CAPTION_MAX_BLOCKS:
        return None
    if len(text) > UNMARKED_CAPTION_MAX_CHARS:
        return None
    for block in blocks:
        if any(True for _ in block.iter("h1", *SUBHEADING_TAGS)):
            return None
        if any(True for _ in block.iter("button", "input", "select", "form")):
            return None
        block_text = normalise_space(text_of(block))
        if _link_share(block, block_text) > LINK_LIST_DENSITY:
            return None
        if _more_link_teaser(block, block_text) is not None or _ends_in_more_cue(block_text):
            return None  # a teaser: a photo, a summary and its "more" link
        if not is_credit_line(block_text) and _is_teaser_or_prompt(block_text):
            return None
    return box, blocks


def _holds_two_photos(box: etree._Element) -> bool:
    """Whether `box` holds more than one `<img>` outside a `<noscript>`. The figure search
    asks it of boxes up to large parts of the story (a gallery, a run of photos): the count
    stops at the second photo rather than visiting them all."""
    photos = (img for img in box.iter("img") if not _in_noscript(img, box))
    return next(islice(photos, 1, None), None) is not None


def _holds_text(el: etree._Element) -> bool:
    """Whether `el` prints any text (`normalise_space(text_of(el))` is not empty). The figure
    search asks this of a photo's every wrapper on its way up, up to boxes holding much of
    the story: the test stops at the first printed character instead of normalising it all."""
    text = text_of(el)
    return bool(text) and not text.isspace()


def _is_teaser_or_prompt(text: str) -> bool:
    """A video card's line (its length, "Watch Video"), a byline under an author's portrait,
    or a line the classifier calls furniture (a sign-in or newsletter prompt)."""
    folded = text.casefold()
    return (
        phrases.VIDEO_LENGTH_RE.search(text) is not None
        or any(folded.endswith(cue) for cue in phrases.VIDEO_CUES)
        or bylines_rules.LEAD_IN_RE.match(text) is not None
        or classify_line(text) is not LineKind.BODY
    )


def _ends_in_more_cue(text: str) -> bool:
    words = text.rstrip(phrases.LABEL_EDGE).rsplit(None, 1)
    return bool(words) and words[-1].lower() in phrases.MORE_LINK_TEXTS


def _in_noscript(el: etree._Element, stop: etree._Element) -> bool:
    for ancestor in el.iterancestors():
        if ancestor is stop:
            return False
        if ancestor.tag == "noscript":
            return True
    return False


def _image_of(img: etree._Element) -> str | None:
    for attr in IMAGE_ATTRS:
        value = img.get(attr)
        if value and not value.startswith("data:"):
            return value.strip()
    srcset = img.get("srcset") or img.get("data-srcset")
    return srcset.split(",")[0].strip().split(" ")[0] if srcset else None


def _outermost_related_boxes(
    scope: etree._Element, labelled: list[tuple[etree._Element, _Named]]
) -> list[etree._Element]:
    """The related boxes below `scope` that are not inside another, in document order.

    `labelled` is in document order, so the labelled elements inside a box are the ones right
    after it: they are skipped, not tested, and the cost stays linear however boxes nest.
    """
    found: list[etree._Element] = []
    index = 0
    while index < len(labelled):
        el, named = labelled[index]
        index += 1
        # Most labelled elements are not named as related: no link density read for them.
        if named.related and el is not scope and _is_related_box(el, named):
            found.append(el)
            index += int(_COUNT_LABELLED_BELOW(el))
    return found


def _headline(scope: etree._Element) -> str | None:
    for h1 in scope.iter("h1"):
        text = printed_headline(h1)
        if text:
            return text
    return None
