"""Stage 3: drop page furniture from the tree, in place, before the content is located.

What is removed here can never reach the body: scripts and styles, navigation, forms, hidden
elements, and elements whose class, id or ARIA role names furniture (share bars, ads, cookie
banners, newsletter prompts, comments). Captions and related-story boxes are *not* removed
here: the segmenter reads them into `captions` and `related`, and keeps them out of the body.
"""

from __future__ import annotations

import enum
from itertools import islice
from typing import TYPE_CHECKING

from lxml import etree

from newsextract.pipeline.locate import link_density, text_length
from newsextract.pipeline.names import names_match, names_of
from newsextract.pipeline.parse import drop_tag, drop_tree, next_element, text_of
from newsextract.pipeline.segment import is_caption_container, is_photo, is_unmarked_figure
from newsextract.rules import markup
from newsextract.rules.bylines import LEAD_IN_RE
from newsextract.rules.markup import (
    HIDING_ATTRIBUTES,
)
from newsextract.rules.thresholds import (
    GUARD_MAX_LINK_DENSITY,
    GUARD_MIN_PARAGRAPH_TEXT,
    GUARD_MIN_PARAGRAPHS,
    GUARD_MIN_TEXT,
    GUARD_PROSE_CHARS,
    MAX_GUARDED_LEVELS,
    RAW_TEXT_FACTOR,
    RELATED_BOX_MIN_LINK_DENSITY,
    UNMARKED_CAPTION_MAX_CHARS,
    UNMARKED_CAPTION_MIN_WORDS,
)
from newsextract.support.budget import CHECK_EVERY, check
from newsextract.support.memo import BoundedMemo

if TYPE_CHECKING:
    from newsextract.pipeline.trace import Trace


class _Names(enum.Enum):
    """What an element's class and id words say about it."""

    NEUTRAL = enum.auto()
    KEEP = enum.auto()  # the story, a caption, an embed, a related box: never furniture here
    NEVER_STORY = enum.auto()
    BOILERPLATE = enum.auto()
    WEAK_BOILERPLATE = enum.auto()


def clean(root: etree._Element, trace: Trace | None = None) -> etree._Element:
    """Remove furniture from `root` (mutating it) and return it; `trace` notes each removal."""
    _drop_by_tag(root, trace)
    # In document order, skipping a dropped element's descendants: each verdict reads only
    # the element and its own subtree, which no earlier verdict has changed, so the drops
    # wait until the walk is over (the walker must not lose its place).
    doomed: list[etree._Element] = []
    kept_by_guard: set[etree._Element] = set()
    marked: list[etree._Element] = markup.MARKED_BODIES_XPATH(root)
    # Siblings after a heading named as the comments: the comment section it opens.
    comment_section: set[etree._Element] = set()
    walker = etree.iterwalk(root, events=("start",), tag=etree.Element)
    next(walker)  # `<html>` itself is never furniture.
    for steps, (_, el) in enumerate(walker, 1):
        if steps % CHECK_EVERY == 0:
            check()
        if el in comment_section:
            doomed.append(el)
            walker.skip_subtree()
            if trace is not None:
                trace.claim(el, "dropped", _COMMENT_SECTION_WHY)
            continue
        verdict = _verdict(el, kept_by_guard, marked)
        if verdict is _Verdict.DROP:
            doomed.append(el)
            walker.skip_subtree()
            if trace is not None:
                trace.claim(el, "dropped", _drop_reason(el))
            heading = _comments_heading(el)
            if heading is not None:
                comment_section.update(_following_elements(heading))
        elif verdict is _Verdict.KEPT_BY_GUARD:
            kept_by_guard.add(el)
    for el in doomed:
        drop_tree(el)
    return root


_COMMENT_SECTION_WHY = (
    "clean: after a heading named as the comments, in its container (the comment section)"
)


def _comments_heading(el: etree._Element) -> etree._Element | None:
    """The heading `el` names as the comments' (itself, or the heading holding `el` as its
    anchor: `<h2><a id="comments"></a>Comments</h2>`), or None."""
    if not _NAMED_COMMENTS(el):
        return None
    if el.tag in markup.SUBHEADING_TAGS:
        return el
    parent = el.getparent()
    if el.tag == "a" and el.get("href") is None and parent is not None:
        return parent if parent.tag in markup.SUBHEADING_TAGS else None
    return None


def _following_elements(el: etree._Element) -> list[etree._Element]:
    """The elements after `el` in its parent: a comments heading opens the comment section,
    whose entries old blog templates print as bare `<div>`s and `<p>`s beside it."""
    return [sibling for sibling in el.itersiblings() if isinstance(sibling.tag, str)]


_NAMED_COMMENTS = names_match(markup.COMMENT_ATTR)
_NAMED_META_LINE = names_match(markup.META_LINE_ATTR)
_NAMED_STORY_RELATED = names_match(markup.STORY_RELATED_ATTR)
_NAMED_METADATA = names_match(markup.METADATA_ATTR)
# Found by libxml2: furniture boxes can be large (a menu of hundreds of links).
_NAMED_DESCENDANTS = etree.XPath("descendant::*[@class or @id]")
# What can be a caption container (`is_caption_container`): a `<figcaption>` by its tag alone.
_CAPTION_CANDIDATES = etree.XPath("descendant::*[@class or @id or self::figcaption]")


def _mark_line_breaks(breaks: list[etree._Element]) -> None:
    # `<br>` has no text, so "Tampa, FL<br>June 10" would read "FLJune" in text_content();
    # a newline keeps the words apart (and later becomes one space). A `<br>` dropped with
    # its footer gains one too, unseen.
    for br in breaks:
        br.tail = "\n" + br.tail if br.tail else "\n"


def _drop_by_tag(root: etree._Element, trace: Trace | None) -> None:
    for button in list(root.iter("button")):
        # A photo set in a button (the click target of a lightbox) is the story's photo: the
        # button goes, its figure and caption stay.
        if button.find(".//figcaption") is not None or button.find(".//figure") is not None:
            drop_tag(button)
    tags = markup.DROP_TAGS - {"aside", "footer"}
    if trace is not None:
        for el in root.iter(*tags):
            trace.claim(el, "dropped", f"clean: <{el.tag!s}> is never the story (DROP_TAGS)")
    # Removed in C, keeping each element's tail text (it belongs to the parent).
    etree.strip_elements(root, *tags, with_tail=False)
    # One walk finds the tags judged one by one: each walk of the tree costs about as much
    # as a tenth of this stage, however few elements it finds. They are judged in the order
    # the tags are listed (a footer goes before the form around it is measured), and those
    # an earlier drop took out of the page are passed over.
    found: dict[str, list[etree._Element]] = {tag: [] for tag in markup.JUDGED_TAGS}
    for el in root.iter(*markup.JUDGED_TAGS):
        found[str(el.tag)].append(el)
    for el in found["footer"]:
        # A <footer> at the foot of a <figure> holds the photo's credit: the caption pass
        # reads it. Every other footer is the page's or a section's furniture.
        if _in_page(el, root) and not _in_figure(el):
            if trace is not None:
                trace.claim(el, "dropped", "clean: <footer> is never the story (DROP_TAGS)")
            drop_tree(el)
    for el in found["aside"]:
        if _in_page(el, root) and not _is_story_aside(el):
            if trace is not None:
                trace.claim(el, "dropped", "clean: an <aside> not named as part of the story")
            drop_tree(el)
    for form in found["form"]:
        if _in_page(form, root) and len(text_of(form)) < markup.FORM_MAX_TEXT:
            if trace is not None:
                reason = f"clean: a <form> with under {markup.FORM_MAX_TEXT} characters of text"
                trace.claim(form, "dropped", reason)
            drop_tree(form)
    _mark_line_breaks(found["br"])


def _in_page(el: etree._Element, root: etree._Element) -> bool:
    """Whether `el` is still in the page: not dropped, nor inside a dropped element."""
    # Asked of a few footers, asides and forms a page.
    return any(ancestor is root for ancestor in el.iterancestors())


def _in_figure(el: etree._Element) -> bool:
    # The tag filter runs in libxml2: no ancestor but a figure is handed to Python.
    return next(el.iterancestors("figure"), None) is not None


def _is_story_aside(el: etree._Element) -> bool:
    # An <aside> inside the story is often its "Related" box or a captioned photo: the
    # segmenter reads those into `related` and `captions`, so they survive until then.
    if el.tag != "aside":
        return False
    return _names(el) is _Names.KEEP


# Distinct "class id" strings whose verdicts are remembered (see `BoundedMemo`).
MAX_REMEMBERED_NAMES = 32768


class _Verdict(enum.Enum):
    KEEP = enum.auto()
    DROP = enum.auto()
    KEPT_BY_GUARD = enum.auto()  # named like furniture, kept because it holds the story


def _verdict(
    el: etree._Element, kept_by_guard: set[etree._Element], marked: list[etree._Element]
) -> _Verdict:
    # Attribute names are listed once, and the common element (no attributes, or neutral
    # names and nothing that can hide it) is answered without reading more: this runs for
    # every element of the page.
    keys = el.keys()
    if not keys:
        return _Verdict.KEEP
    names = _names(el)
    if not HIDING_ATTRIBUTES.isdisjoint(keys) and el.tag != "body" and _hidden(el, keys):
        return _Verdict.DROP
    if names is _Names.NEUTRAL or names is _Names.KEEP or el.tag == "body":
        return _Verdict.KEEP
    if el.get(b"itemprop") == "articleBody":
        return _Verdict.KEEP
    if names is _Names.NEVER_STORY:
        return _Verdict.DROP
    if _part_of_a_figure(el):
        return _Verdict.KEEP
    if _guarded_levels(el, kept_by_guard) >= MAX_GUARDED_LEVELS:
        return _Verdict.KEPT_BY_GUARD
    text = text_of(el)
    weak = names is _Names.WEAK_BOILERPLATE
    # A weak word spares a container holding prose (the story in an unluckily named box); a
    # paragraph named as the post's meta line is that line, however long (META_LINE_WORDS).
    if weak and el.tag == "p" and _NAMED_META_LINE(el):
        weak = False
    holds = (
        (
            weak
            and (
                _holds_prose(el, text)
                or _holds_figcaption(el)
                or _heads_prose(el)
                or _is_photo_of_a_figure(el, text)
            )
        )
        or _holds_story(el, text, marked)
        or _is_captioned_photo(el, text)
        or _captions_the_photo_before(el, text)
    )
    return _Verdict.KEPT_BY_GUARD if holds or _holds_related_box(el) else _Verdict.DROP


def _holds_related_box(el: etree._Element) -> bool:
    """Whether a furniture-named element (a story footer, an `article-extras` strip) holds a
    box of links named as related to the story: dropping the container would lose the box
    before the segmenter reads it. Asked only of furniture-named elements, a few a page."""
    if el.find(".//a") is None:
        return False  # no link, so no box of links (an ad slot, an empty share bar)
    for box in _NAMED_DESCENDANTS(el):
        if not _NAMED_STORY_RELATED(box):
            continue
        if link_density(box) >= RELATED_BOX_MIN_LINK_DENSITY:
            return True
    return False


def _part_of_a_figure(el: etree._Element) -> bool:
    """A `<figure>` or `<figcaption>`, or an element inside one.

    What a figure holds is its photo, its caption and the photo's credit: a class word of
    furniture there (`widget-picture`, `figure__copyright`, a `share` overlay) names the
    photo's widget, not page furniture, and the body walk never reads a figure anyway. Only
    furniture-named elements are asked, a few a page.
    """
    if el.tag in markup.FIGURE_TAGS:
        return True
    return next(el.iterancestors(*markup.FIGURE_TAGS), None) is not None


def _holds_figcaption(el: etree._Element) -> bool:
    # A slider or a photo widget with a weak furniture word (`overflow-hidden`, `widget`) that
    # holds captioned figures is the story's gallery: its captions are the story's.
    return el.find(".//figcaption") is not None


def _is_captioned_photo(el: etree._Element, text: str) -> bool:
    """A furniture-named box (`article-masthead`, `hero-share`, `image-widget`) that is a
    photo and its caption and nothing else: it holds one `<img>`, a caption container (a
    `<figcaption>` or a box named as a caption) or, with no caption markup, the short blocks
    after the photo that the caption pass reads as its caption (`is_unmarked_figure`), and no
    more text than a caption and its credit. The lead photo of many templates sits in such a
    box above the story, and some CMSs name every photo in the story a widget."""
    # The photo count first: it is read in libxml2, the words would split the box's whole text.
    photo = _only_photo(el)
    if photo is None:
        return False
    words = text.split()
    if len(" ".join(words)) > UNMARKED_CAPTION_MAX_CHARS or len(words) < UNMARKED_CAPTION_MIN_WORDS:
        return False
    if LEAD_IN_RE.match(" ".join(words)) is not None:
        return False  # an author's portrait over the byline
    if any(isinstance(d.tag, str) and is_caption_container(d) for d in el.iterdescendants()):
        return True
    return is_unmarked_figure(el, photo)


def _only_photo(el: etree._Element) -> etree._Element | None:
    """The one `<img>` in `el` when it is a photo (not an icon), else None."""
    # Counted in libxml2 up to the second: a gallery's hundred images are never listed.
    images = list(islice(el.iter("img"), 2))
    return images[0] if len(images) == 1 and is_photo(images[0]) else None


def _is_photo_of_a_figure(el: etree._Element, text: str) -> bool:
    """A weakly furniture-named wrapper that is only a photo (`<div class="overflow-hidden">
    <img></div>`: a utility class of the layout), in a box that is the photo's figure by
    position (`is_unmarked_figure`: the photo, then its caption's short blocks). Dropping
    the wrapper would leave the caption with no photo for the caption pass to read it by."""
    if text and not text.isspace():  # stops at the first printed character, copies nothing
        return False
    photo = _only_photo(el)
    box = el.getparent()
    return photo is not None and box is not None and is_unmarked_figure(box, photo)


def _captions_the_photo_before(el: etree._Element, text: str) -> bool:
    """A furniture-named strip under a photo (`featured-image-footer`) holding the photo's
    caption container and little else (a share row beside it): the photo is printed just
    before it, in the same box, and is the only one there. The strip stays for the caption
    pass; its furniture-named parts are still judged one by one. Asked of furniture-named
    boxes the other guards drop: the cheap tests first (the raw text's length bounds the
    collapsed one's by a generous factor for indentation)."""
    if len(text) > RAW_TEXT_FACTOR * UNMARKED_CAPTION_MAX_CHARS or el.getprevious() is None:
        return False  # too long for a caption strip, or nothing before it to be the photo
    if el.find(".//img") is not None:
        return False
    photos = _PHOTOS_BEFORE_IN_BOX(el)
    if len(photos) != 1 or not is_photo(photos[0]):
        return False
    if len(" ".join(text.split())) > UNMARKED_CAPTION_MAX_CHARS:
        return False
    return any(is_caption_container(d) for d in _CAPTION_CANDIDATES(el))


# The photos in the siblings before an element (not in a <noscript> copy), found by libxml2.
_PHOTOS_BEFORE_IN_BOX = etree.XPath(
    "preceding-sibling::*[not(self::noscript)]/descendant-or-self::img"
)


def _drop_reason(el: etree._Element) -> str:
    """Why `_verdict` dropped `el`, in words (asked only when explaining)."""
    keys = el.keys()
    if not HIDING_ATTRIBUTES.isdisjoint(keys) and _hidden(el, keys):
        found = [f"{k}={el.get(k)!r}" for k in keys if k in HIDING_ATTRIBUTES]
        return f"clean: hidden or a furniture role ({', '.join(found)[:80]})"
    names = names_of(el.get("class"), el.get("id"))
    words = sorted({m.group() for m in markup.CLASS_VOCABULARY.finditer(names)})
    named = f"class/id {names.strip()[:60]!r} ({', '.join(words) or 'a furniture token'})"
    if _names(el) is _Names.NEVER_STORY:
        return f"clean: {named} names what is never the story"
    return f"clean: {named} names furniture, and it holds no story (guard not met)"


def _hidden(el: etree._Element, keys: list[str]) -> bool:
    """Hidden from readers, or in a role that is never the story.

    `aria-hidden` on a caption only spares screen readers a text the image's `alt` already
    gives them: the caption is printed under the photo all the same.
    """
    if "hidden" in keys:
        return True
    if el.get(b"aria-hidden") == "true" and not is_caption_container(el):
        return True
    style = el.get(b"style")
    if style and markup.HIDDEN_STYLE.search(style):
        return True
    role = el.get(b"role")
    return role is not None and role.lower() in markup.BOILERPLATE_ROLES


def _guarded_levels(el: etree._Element, kept_by_guard: set[etree._Element]) -> int:
    # Asked only of furniture-named elements, a few a page.
    if not kept_by_guard:
        return 0
    return sum(1 for ancestor in el.iterancestors() if ancestor in kept_by_guard)


def _names(el: etree._Element) -> _Names:
    """What the element's class and id say, from the memo keyed on them as written."""
    return _NAMES_MEMO[el.get("class"), el.get("id")]


def _classify_names(attributes: tuple[str | None, str | None]) -> _Names:
    # One scan finds every vocabulary word; the strongest verdict wins.
    names = names_of(*attributes)
    found = {m.lastgroup for m in markup.CLASS_VOCABULARY.finditer(names)}
    if "keep" in found or "caption" in found:
        return _Names.KEEP
    if "never" in found:
        return _Names.NEVER_STORY
    if "embed" in found:
        return _Names.KEEP
    if "strong" in found or not markup.BOILERPLATE_TOKENS.isdisjoint(names.split()):
        return _Names.BOILERPLATE
    if "weak" in found:
        return _Names.WEAK_BOILERPLATE
    return _Names.NEUTRAL


_NAMES_MEMO = BoundedMemo(_classify_names, MAX_REMEMBERED_NAMES)


def _holds_story(el: etree._Element, text: str, marked: list[etree._Element]) -> bool:
    # `marked`: the page's publisher-marked body elements (`MARKED_BODIES_XPATH`).
    if any(el in body.iterancestors() for body in marked):
        return True
    # Paragraphs hold part of the element's text, so a short element is no story: most
    # furniture is answered here without looking at its paragraphs.
    if len(text) < GUARD_MIN_PARAGRAPH_TEXT:
        return False
    paragraphs = list(el.iterdescendants("p"))
    if len(paragraphs) >= GUARD_MIN_PARAGRAPHS:
        return sum(len(text_of(p)) for p in paragraphs) >= GUARD_MIN_PARAGRAPH_TEXT
    if len(text) < GUARD_MIN_TEXT:
        return False
    return link_density(el) < GUARD_MAX_LINK_DENSITY


def _heads_prose(el: etree._Element) -> bool:
    """A subheading whose next element is a paragraph of prose: the story's own section head,
    whatever its class (CMSs reuse their `widget-title` style for it). A sidebar widget's title
    heads a list or a box, and the widget's own container goes with its name. A heading named as
    a byline or a date is that, above the story's first paragraph."""
    if el.tag not in markup.SUBHEADING_TAGS:
        return False
    if _NAMED_METADATA(el):
        return False  # a byline or a time stamp set as a heading
    following = next_element(el)
    if following is None or following.tag != "p":
        return False
    return text_length(following) >= GUARD_PROSE_CHARS


def _holds_prose(el: etree._Element, text: str) -> bool:
    if len(text) < GUARD_PROSE_CHARS:
        return False
    return any(len(run.strip()) >= GUARD_PROSE_CHARS for run in el.itertext())
