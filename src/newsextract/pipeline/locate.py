"""Stage 4: find the element(s) that hold the story in a cleaned tree.

One algorithm, in the spirit of Readability: every paragraph-like element with enough text
votes for its parent and, more weakly, its grandparents; the votes grow with the paragraph's
length and its commas (prose has commas, menus do not). Candidates are then discounted by how
much of their text is link text, and the winner's siblings that look like more of the same
story are added back, because publishers split a story around ads and figures.

Publisher markup that names the body (`itemprop="articleBody"`) short-cuts the vote when it
holds enough text. When our vote is weak, readability-lxml gives a second opinion.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from lxml import etree

from newsextract.pipeline.names import names_match, names_of
from newsextract.pipeline.parse import text_of
from newsextract.rules import markup
from newsextract.rules.markup import (
    COMMAS,
    NEGATIVE_NAMES,
    POSITIVE_NAMES,
    PROSE_TAGS,
    TAG_BONUS,
    VOTING_TAGS,
)
from newsextract.rules.thresholds import (
    ANCESTOR_LEVELS,
    CHARS_PER_POINT,
    CLASS_WEIGHT,
    HEADLINE_CONTAINER_LEVELS,
    HEADLINE_CONTAINER_SHARE,
    HEADLINED_ARTICLE_SHARE,
    LEADERS_CHECKED,
    LISTING_MIN_ARTICLES,
    LISTING_PENALTY,
    MAX_LENGTH_POINTS,
    MIN_HINTED_CHARS,
    MIN_SIBLING_SCORE,
    MIN_VOTING_CHARS,
    RAIL_LEVELS,
    RAIL_WINNER_SHARE,
    SIBLING_MAX_LINK_DENSITY,
    SIBLING_PROSE_CHARS,
    SIBLING_SCORE_SHARE,
    WIDEN_SCORE_SHARE,
)
from newsextract.support.budget import CHECK_EVERY, check
from newsextract.support.memo import BoundedMemo

if TYPE_CHECKING:
    from newsextract.pipeline.trace import Trace

# Distinct "class id" strings whose weights are remembered (see `BoundedMemo`).
MAX_REMEMBERED_WEIGHTS = 4096


@dataclass(frozen=True, slots=True)
class Content:
    """The story's element(s) in document order; `confident` is False when no paragraph
    voted and the whole page stands in for the story (see `Article.confident`)."""

    elements: tuple[etree._Element, ...]
    confident: bool
    # Where the story's captions and related boxes are looked for: the story's container as
    # far up as only children and wrappers scoring nothing lead (None: the elements' own).
    frame: etree._Element | None = None


def locate(root: etree._Element, trace: Trace | None = None) -> Content:
    """Return the element(s) holding the story; the body element when nothing stands out.

    `trace` is told the choice, how it was made, and how to score any element."""
    hinted = _hinted_body(root)
    if hinted is not None:
        if trace is not None:
            trace.located, trace.located_by = (hinted,), "the publisher marks it as the body"
        return Content((hinted,), confident=True)
    scores = _vote(root)
    if not scores:
        body = root.find("body")
        if trace is not None:
            trace.located_by = "no paragraph voted: the whole page"
            trace.located = (body if body is not None else root,)
        return Content((body if body is not None else root,), confident=False)
    final = _Scores(scores)
    winner = _prefer_headline_container(
        root, _prefer_headlined_article(root, _off_the_rail(_best(final), final), final), final
    )
    top = _widen(winner, final)
    frame = _widen(winner, final, frame=True)
    elements = _with_siblings(top, final)
    chunks = (*_same_class_chunks(top, final), *_wrapped_chunks(winner, top, final))
    if chunks:
        elements = _in_document_order(root, (*elements, *chunks))
    if trace is not None:
        trace.located, trace.score = elements, final.get
        trace.located_by = f"paragraph vote: winner scored {final.get(top):.1f}"
    return Content(elements, confident=True, frame=frame)


class _Scores:
    """Final scores (vote discounted by link density), computed only where they are needed.

    Link density reads all of an element's text, so computing it for every voted element
    would cost time quadratic in the page's depth. A final score never exceeds the vote, so
    the leaders can be found exactly by visiting elements in order of their vote and stopping
    once no remaining vote can beat the leaders.
    """

    def __init__(self, votes: dict[etree._Element, float]) -> None:
        self.votes = votes
        self._final: dict[etree._Element, float] = {}
        # The leaders are nested (body, main, article, ...), so each link is in several of
        # them: its length is measured once.
        self._link_lengths: dict[etree._Element, int] = {}

    def get(self, el: etree._Element) -> float:
        if el not in self.votes:
            return 0.0
        value = self._final.get(el)
        if value is None:
            density = link_density(el, self._link_lengths)
            value = self._final[el] = self.votes[el] * (1 - density)
        return value

    def penalise(self, el: etree._Element, factor: float) -> None:
        self._final[el] = self.get(el) * factor

    def leaders(self, count: int) -> list[etree._Element]:
        best: list[etree._Element] = []
        for el in sorted(self.votes, key=self.votes.__getitem__, reverse=True):
            if len(best) >= count and self.votes[el] <= self.get(best[-1]):
                break
            best.append(el)
            best.sort(key=self.get, reverse=True)
            del best[count:]
        return best


def _best(final: _Scores) -> etree._Element:
    # A container of several <article> elements is a listing (teasers, the next posts), not
    # one story, however much text it gathers; only the leaders are checked, to stay cheap.
    leaders = final.leaders(LEADERS_CHECKED)
    for el in leaders:
        if sum(1 for _ in el.iterdescendants("article")) >= LISTING_MIN_ARTICLES:
            final.penalise(el, LISTING_PENALTY)
    return max(leaders, key=final.get)


def _off_the_rail(top: etree._Element, final: _Scores) -> etree._Element:
    """The best candidate outside the page's side rail, when the winner sits in one.

    A rail kept for holding prose (an "about me" box of one long, comma-rich paragraph, a
    blog's description) can outvote a short post. When the winner lies inside an element
    named as a side rail and a candidate outside every such element scores a fair share of
    it, that candidate is the story. Layout wrappers named after the rail they sit beside
    (`with-right-rail`) hold the story itself, so the competitor must not contain the winner.
    """
    if not _in_side_rail(top):
        return top
    threshold = max(MIN_SIBLING_SCORE, final.get(top) * RAIL_WINNER_SHARE)
    best: etree._Element | None = None
    for el in sorted(final.votes, key=final.votes.__getitem__, reverse=True):
        if final.votes[el] < threshold:
            break
        if final.get(el) < threshold or (best is not None and final.get(el) <= final.get(best)):
            continue
        if _contains(el, top) or _contains(top, el) or _in_side_rail(el):
            continue
        best = el
    return top if best is None else best


def _in_side_rail(el: etree._Element) -> bool:
    """Inside an element named as a side rail, a few levels up at most. A wrapper named
    after the layout (`sidebar` on the main column, `l-sidebar-fixed l-article-body`) is no
    rail: it carries a word of the story's container, or it sits further up."""
    for level, a in enumerate((el, *el.iterancestors())):
        if level > RAIL_LEVELS:
            return False
        if _NAMED_SIDE_RAIL(a):
            return True
    return False


_NAMED_SIDE_RAIL = names_match(markup.SIDE_RAIL_ATTR, unless=markup.CONTENT_ATTR)


def _prefer_headlined_article(
    root: etree._Element, top: etree._Element, final: _Scores
) -> etree._Element:
    # Blogs print the post and, below it, teaser <article>s of other posts that can outvote
    # a short post. Of competing <article>s, the one holding the page's <h1> is the story.
    h1 = next(root.iter("h1"), None)
    if h1 is None:
        return top
    headlined = next(h1.iterancestors("article"), None)
    if headlined is None or headlined not in final.votes or _contains(headlined, top):
        return top
    in_other_article = top.tag == "article" or next(top.iterancestors("article"), None)
    if in_other_article is None:
        return top
    if final.get(headlined) >= final.get(top) * HEADLINED_ARTICLE_SHARE:
        return headlined
    return top


def _prefer_headline_container(
    root: etree._Element, top: etree._Element, final: _Scores
) -> etree._Element:
    """The container of the page's `<h1>`, when it holds more text than a winner beside it.

    A promotion (the magazine's latest issue, a featured post) printed as one long paragraph
    in a well-named box can outvote a story whose paragraphs sit deeper or in a plainly named
    wrapper. A story's headline sits in or just above it: when the winner does not hold the
    `<h1>` and is not below a close container of it, the best-scoring such container is the
    story if it holds more text than the winner and scores a fair share of it. A container
    holding just the headline and a byline (a header beside the story) holds less text than
    the story, so it never wins this way.
    """
    h1 = next(root.iter("h1"), None)
    if h1 is None or _contains(top, h1):
        return top
    best: etree._Element | None = None
    for level, ancestor in enumerate(h1.iterancestors()):
        if level >= HEADLINE_CONTAINER_LEVELS or _contains(ancestor, top):
            break
        if ancestor in final.votes and (best is None or final.get(ancestor) > final.get(best)):
            best = ancestor
    if (
        best is not None
        and final.get(best) >= max(MIN_SIBLING_SCORE, final.get(top) * HEADLINE_CONTAINER_SHARE)
        and text_length(best) > text_length(top)
    ):
        return best
    return top


def text_length(el: etree._Element) -> int:
    """Characters of visible text in `el`, whitespace runs counted once."""
    return len(" ".join(text_of(el).split()))


def link_density(
    el: etree._Element,
    link_lengths: dict[etree._Element, int] | None = None,
    total: int | None = None,
) -> float:
    """Share of `el`'s text that sits inside links (see `linked_length` for `link_lengths`).

    `total` is `text_length(el)`, for a caller that has measured it already."""
    if total is None:
        total = text_length(el)
    if total == 0:
        return 0.0
    return min(1.0, linked_length(el, link_lengths) / total)


def linked_length(el: etree._Element, link_lengths: dict[etree._Element, int] | None = None) -> int:
    """Characters of `el`'s text inside links, counted as `text_length` counts them.

    `link_lengths` memoises each link's length, for a caller that asks about several
    elements holding the same links.
    """
    lengths = {} if link_lengths is None else link_lengths
    linked = 0
    for a in el.iter("a"):
        length = lengths.get(a)
        if length is None:
            length = lengths[a] = text_length(a)
        linked += length
    return linked


def _hinted_body(root: etree._Element) -> etree._Element | None:
    # A marked paragraph (`<p itemprop="articleBody">`) is one part of a story the CMS split
    # into several containers, not the body: the vote finds the rest of it.
    hinted = [
        el
        for el in markup.ARTICLE_BODY_XPATH(root)
        if isinstance(el, etree._Element) and el.tag != "p"
    ]
    sized = [(text_length(el), el) for el in hinted]
    sized = [(n, el) for n, el in sized if n >= MIN_HINTED_CHARS]
    if not sized:
        return None
    if len(sized) == 1:
        return sized[0][1]
    # Several marked bodies: the story is split into parts, so take their closest common
    # ancestor (but never nested copies of the same part).
    # Linear in parts x depth: pages with thousands of marked parts exist.
    marked = {el for _, el in sized}
    outer = [el for _, el in sized if not any(a in marked for a in el.iterancestors())]
    chain = [outer[0], *outer[0].iterancestors()]
    position = {el: index for index, el in enumerate(chain)}
    common = 0
    for el in outer[1:]:
        node: etree._Element | None = el
        while node is not None and node not in position:
            node = node.getparent()
        if node is None:
            return max(sized, key=lambda s: s[0])[1]
        common = max(common, position[node])
    return chain[common]


def _contains(outer: etree._Element, inner: etree._Element) -> bool:
    node: etree._Element | None = inner
    while node is not None:
        if node is outer:
            return True
        node = node.getparent()
    return False


def _vote(root: etree._Element) -> dict[etree._Element, float]:
    scores: dict[etree._Element, float] = {}
    for step, el in enumerate(root.iter(*VOTING_TAGS)):
        if step % CHECK_EVERY == 0:
            check()
        if el.tag in PROSE_TAGS:
            text = text_of(el)
        elif _has_own_text(el):
            text = _own_text(el)
        else:
            continue
        length = len(text) - text.count(" ") - text.count("\n") - text.count("\t")
        if length < MIN_VOTING_CHARS:
            continue
        commas = sum(text.count(comma) for comma in COMMAS)
        vote = 1 + commas + min(length / CHARS_PER_POINT, MAX_LENGTH_POINTS)
        # A <p> votes for its container; a div holding loose text is that container itself.
        ancestor = el.getparent() if el.tag in PROSE_TAGS else el
        level = 0
        while ancestor is not None and level < ANCESTOR_LEVELS:
            if ancestor.tag in ("html",):
                break
            if ancestor not in scores:
                scores[ancestor] = _initial_score(ancestor)
            divider = 1 if level == 0 else 2 if level == 1 else level * 3
            scores[ancestor] += vote / divider
            ancestor = ancestor.getparent()
            level += 1
    return scores


def _own_text(el: etree._Element) -> str:
    """The text a container holds itself: its loose text and inline children, not its blocks."""
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and child.tag not in markup.BLOCK_TAGS:
            parts.append(text_of(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _has_own_text(el: etree._Element) -> bool:
    """A div or span with a text node of its own is a paragraph written without `<p>`."""
    if el.text and len(el.text.strip()) >= MIN_VOTING_CHARS:
        return True
    # Most tails are empty or indentation, so the tail is read before the tag.
    for child in el:
        tail = child.tail
        if tail and len(tail.strip()) >= MIN_VOTING_CHARS and child.tag not in markup.BLOCK_TAGS:
            return True
    return False


def _initial_score(el: etree._Element) -> float:
    return TAG_BONUS.get(str(el.tag), 0.0) + _NAMES_WEIGHTS[el.get("class"), el.get("id")]


def _names_weight(attributes: tuple[str | None, str | None]) -> float:
    names = names_of(*attributes)
    weight = 0.0
    if names.strip():
        if NEGATIVE_NAMES.search(names):
            weight -= CLASS_WEIGHT
        if POSITIVE_NAMES.search(names):
            weight += CLASS_WEIGHT
    return weight


# Pages repeat the same class strings on many candidates: the weights are remembered.
_NAMES_WEIGHTS = BoundedMemo(_names_weight, MAX_REMEMBERED_WEIGHTS)


def _widen(top: etree._Element, scores: _Scores, *, frame: bool = False) -> etree._Element:
    """The story's container: a winner that is the only element of its parent, or whose parent
    scores nearly as well as the winner, is part of a larger one, so paragraphs that sit beside
    it (after an ad or a figure) are not lost.

    With `frame`, each parent is measured against the element below it instead: past an only
    child with no vote, every ancestor scores "nearly as well" as nothing, so the climb goes on
    to the page's wrapper. That reach is too wide for the text, but it is where the story's
    lead photo and its related boxes sit (`Content.frame`)."""
    wanted = scores.get(top) * WIDEN_SCORE_SHARE
    parent = top.getparent()
    while parent is not None and parent.tag not in ("body", "html"):
        children = [c for c in parent if isinstance(c.tag, str)]
        if frame:
            wanted = scores.get(top) * WIDEN_SCORE_SHARE
        if len(children) == 1 or scores.get(parent) >= wanted:
            top = parent
            parent = top.getparent()
            continue
        break
    return top


def _with_siblings(top: etree._Element, scores: _Scores) -> tuple[etree._Element, ...]:
    parent = top.getparent()
    if parent is None:
        return (top,)
    threshold = max(MIN_SIBLING_SCORE, scores.get(top) * SIBLING_SCORE_SHARE)
    chosen: list[etree._Element] = []
    for sibling in parent:
        if not isinstance(sibling.tag, str):
            continue
        if sibling is top:
            chosen.append(sibling)
        elif sibling.tag == "article":
            # An <article> is a self-contained story by definition: a sibling one is another
            # story (a teaser, the next post), never more of this one.
            continue
        elif markup.STANDFIRST_ATTR.search(sibling.get("class", "").lower()):
            continue
        elif (
            scores.get(sibling) >= threshold
            or _is_prose(sibling)
            or _is_bare_prose_block(sibling, scores)
        ):
            chosen.append(sibling)
    return tuple(chosen)


def _same_class_chunks(top: etree._Element, scores: _Scores) -> tuple[etree._Element, ...]:
    # CMSs cut a long story into chunks with the same class, interleaved with ad rails at a
    # level above the winner (`<div class="body__container">` x 4). Other scored elements
    # that share the winner's tag and class, and are prose rather than links, are more of it.
    cls = top.get("class")
    if not cls:
        return ()
    threshold = scores.get(top) * SIBLING_SCORE_SHARE
    return tuple(
        el
        for el in scores.votes
        if el is not top
        and el.tag == top.tag
        and el.get("class") == cls
        and scores.get(el) >= threshold
        and not _contains(top, el)
        and not _contains(el, top)
        and link_density(el) < SIBLING_MAX_LINK_DENSITY
    )


def _wrapped_chunks(
    winner: etree._Element, top: etree._Element, scores: _Scores
) -> tuple[etree._Element, ...]:
    """Siblings of `top` that wrap another chunk of the story like the one that won.

    Some CMSs wrap each chunk of a story (the text between two photos or ads) in a bare
    layout `<div>` of its own: the winning chunk is widened to its wrapper, whose siblings
    hold the other chunks a level or more below, where the sibling test does not look. A
    sibling whose only-child chain leads to an element of the winner's tag and first class
    word, scoring like a story chunk and mostly not links, is more of the story.
    """
    if top is winner:
        return ()
    key = _chunk_key(winner)
    parent = top.getparent()
    if key is None or parent is None:
        return ()
    threshold = max(MIN_SIBLING_SCORE, scores.get(winner) * SIBLING_SCORE_SHARE)
    found: list[etree._Element] = []
    for sibling in parent:
        if sibling is top or not isinstance(sibling.tag, str):
            continue
        chunk = _only_child_chain_match(sibling, key)
        if (
            chunk is not None
            and scores.get(chunk) >= threshold
            and link_density(chunk) < SIBLING_MAX_LINK_DENSITY
        ):
            found.append(chunk)
    return tuple(found)


def _chunk_key(el: etree._Element) -> tuple[str, str] | None:
    words = (el.get("class") or "").split()
    return (str(el.tag), words[0]) if words else None


def _only_child_chain_match(el: etree._Element, key: tuple[str, str]) -> etree._Element | None:
    # The deepest match: a layout wrapper may share the chunk's first class word
    # (`post__content relative` around `post__content wysiwyg`), and the chunk is where the
    # text is, as deep as the winner.
    node, found = el, None
    while True:
        if _chunk_key(node) == key:
            found = node
        children = [c for c in node if isinstance(c.tag, str)]
        if len(children) != 1:
            return found
        node = children[0]


def _in_document_order(
    root: etree._Element, elements: tuple[etree._Element, ...]
) -> tuple[etree._Element, ...]:
    wanted = set(elements)
    ordered = [el for el in root.iter() if el in wanted]
    # Drop elements nested in another chosen one: their text is already there.
    return tuple(el for el in ordered if not any(o is not el and _contains(o, el) for o in ordered))


def _is_bare_prose_block(el: etree._Element, scores: _Scores) -> bool:
    """A sibling of the story in a bare block (no class, no id) whose paragraphs vote, and
    that is mostly not links: more of the story, set apart by an editor (a list of findings,
    the footnotes), not a template's box, which is named."""
    if el.tag not in markup.BARE_SECTION_TAGS or el.get("class") or el.get("id"):
        return False
    if scores.get(el) < MIN_SIBLING_SCORE:
        return False
    return link_density(el) < SIBLING_MAX_LINK_DENSITY


def _is_prose(el: etree._Element) -> bool:
    if el.tag != "p":
        return False
    length = text_length(el)
    if length < SIBLING_PROSE_CHARS:
        return False
    return link_density(el) < SIBLING_MAX_LINK_DENSITY
