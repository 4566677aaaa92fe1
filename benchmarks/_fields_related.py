"""Related links: the hand labels of `benchmarks/labels/related.json` and how they are scored.

**What a related link is** (the definition the labels follow). A link to another article that
the publisher presents as related to *this* story, in the story's area (its article element,
the story column, an aside beside it, the story footer):

* a box or list headed "Related", "More on this story", "Read also", "Lesen Sie auch", "Mehr
  zum Thema", "Leia também", "関連記事" and the like, or one named so (`related-articles`);
* an inline teaser embed inside the story (a card or an "ALSO READ: ..." line);
* a teaser card list at the end of the story, or in an aside next to it, about this story's
  topic.

Not related: site navigation, sitewide "Most read" / "Trending" / "Latest" / "Top stories"
rails and recommendation widgets, footer links, tag and topic-page links, share links, author
pages and "more by this author" lists, previous/next article links, links inside a sentence of
the body, and a link to the page itself. A page without such a box is labelled `[]`: there,
every link we return is a false related link.

**The labels** were made by reading each page's HTML (its link groups, their headings, class
names and position relative to the story), never from an extractor's output: 72 fundus pages
(one page per publisher, 18 languages) and the 14 Zyte pages of `newsfields.json`. The file
stores only each link's `href` as written in the page (URLs are locators, not copied text);
the anchor text, used as a fallback match, is read from the page when the scorer runs.

**Scoring.** A labelled link is found when one of our related links has the same URL (both
resolved against the page URL; scheme, `www.`, fragment and a trailing slash ignored; failing
that, the same host and path without the query) or, failing that, the same text as the
labelled anchor (`normalize`d). Each of our links matches at most one labelled link. Per page:
labelled, found, and ours not labelled (`extra`). Reported: *related found* (mean share found
over pages with labelled links, and found/total), *pages given related links where none is
labelled*, and *precision* (our links that are labelled ones, over all labelled pages).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final
from urllib.parse import urljoin, urlsplit

from lxml import html as lxml_html

from benchmarks._fields_match import FieldResult, ItemCounts, judge, normalize

__all__ = [
    "DEFAULT_RELATED",
    "RelatedLabel",
    "load_related",
    "related_label",
    "score_related",
    "url_keys",
]

DEFAULT_RELATED: Final = Path(__file__).resolve().parent / "labels" / "related.json"
# A path this short ("/", "/a") names a section or the home page, not one story: its
# query-less key would make unrelated links of the same site match.
MIN_STORY_PATH_CHARS: Final = 3


def load_related(path: Path = DEFAULT_RELATED) -> dict[str, tuple[str, ...]]:
    """`source:page id` -> the labelled hrefs (an empty dict when the file is absent)."""
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    pages = data.get("pages") if isinstance(data, dict) else None
    if not isinstance(pages, dict):
        raise TypeError(f"{path}: expected an object with a 'pages' object")
    return {str(key): tuple(str(h) for h in hrefs) for key, hrefs in pages.items()}


@dataclass(frozen=True, slots=True)
class RelatedLabel:
    """One page's labelled related links: each href as in the page, and its anchor's text."""

    hrefs: tuple[str, ...]
    texts: tuple[str, ...]
    """The anchor text read from the page ("" when no anchor with that href is found)."""


def _anchor_texts(page_html: bytes, hrefs: Sequence[str]) -> tuple[str, ...]:
    """The longest text of an `<a>` with each of `hrefs` (an image link and a title link often
    share one href), scripts and styles left out."""
    if not hrefs:
        return ()
    doc = lxml_html.fromstring(page_html)
    for el in doc.xpath("//script|//style|//noscript|//template"):
        el.drop_tree()
    wanted = set(hrefs)
    longest: dict[str, str] = {}
    for a in doc.iter("a"):
        href = a.get("href")
        if href is None or href not in wanted:
            continue
        text = " ".join(a.text_content().split())
        if len(text) > len(longest.get(href, "")):
            longest[href] = text
    return tuple(longest.get(h, "") for h in hrefs)


def related_label(page_html: bytes, hrefs: Sequence[str]) -> RelatedLabel:
    """The label of one page, with the anchor texts read from its HTML."""
    return RelatedLabel(tuple(hrefs), _anchor_texts(page_html, hrefs))


def url_keys(url: str | None, base: str | None) -> tuple[str, str | None]:
    """Two comparison keys of a link: the whole URL, and host and path alone.

    Both resolved against `base`, lower-case host without `www.`, no scheme, no fragment, no
    trailing slash. The second key is None when the path is too short to name a story.
    """
    if not url:
        return "", None
    resolved = urljoin(base or "", url.strip())
    parts = urlsplit(resolved)
    host = parts.netloc.lower().removeprefix("www.")
    path = parts.path.rstrip("/")
    full = f"{host}{path}" + (f"?{parts.query}" if parts.query else "")
    short = f"{host}{path}" if len(path) >= MIN_STORY_PATH_CHARS else None
    return full, short


def _match(
    label: RelatedLabel, got: Sequence[tuple[str, str | None]], page_url: str | None
) -> list[int | None]:
    """For each labelled link, the index of the unused link of ours that matches it."""
    ours = [url_keys(url, page_url) for _, url in got]
    texts = [normalize(text) for text, _ in got]
    used: set[int] = set()
    found: list[int | None] = []
    for href, text in zip(label.hrefs, label.texts, strict=True):
        full, short = url_keys(href, page_url)
        want_text = normalize(text)
        free = [i for i in range(len(got)) if i not in used]
        index = next((i for i in free if ours[i][0] == full), None)
        if index is None and short is not None:
            index = next((i for i in free if ours[i][1] == short), None)
        if index is None and want_text:
            index = next((i for i in free if texts[i] == want_text), None)
        if index is not None:
            used.add(index)
        found.append(index)
    return found


def score_related(
    got: Sequence[tuple[str, str | None]], label: RelatedLabel, page_url: str | None
) -> FieldResult:
    """Our related links (text, url) against one page's labels.

    Right when every labelled link is found and none of ours is unlabelled. `ours` lists our
    links that match no label, `label` the labelled links we missed (`text <href>`), so that
    `--misses related` shows both kinds of error.
    """
    matches = _match(label, got, page_url)
    matched = {m for m in matches if m is not None}
    items = ItemCounts(len(label.hrefs), len(matched), 0, len(got) - len(matched), 0)
    extra = [f"{text} <{url}>" for i, (text, url) in enumerate(got) if i not in matched]
    missed = [
        f"{text or '?'} <{href}>"
        for href, text, m in zip(label.hrefs, label.texts, matches, strict=True)
        if m is None
    ]
    outcome = judge(bool(got), bool(label.hrefs), not missed and not extra)
    return FieldResult("related", outcome, extra, missed, items=items)


def related_measures(fields: Sequence[FieldResult]) -> list[tuple[str, str]]:
    """The rows of the by-source table: found (mean share and links), false pages, precision."""
    with_links = [f for f in fields if f.items is not None and f.items.labelled]
    none = [f for f in fields if f.items is not None and not f.items.labelled]
    shares = [f.items.found / f.items.labelled for f in with_links if f.items is not None]
    found = sum(f.items.found for f in with_links if f.items is not None)
    labelled = sum(f.items.labelled for f in with_links if f.items is not None)
    extra = sum(f.items.extra for f in fields if f.items is not None)
    false_pages = sum(1 for f in none if f.items is not None and f.items.extra)
    mean = f"{sum(shares) / len(shares):.2f} ({found}/{labelled} links)" if shares else ""
    false = f"{false_pages / len(none):.2f} ({false_pages}/{len(none)})" if none else ""
    given = found + extra
    precision = f"{found / given:.2f} ({found}/{given})" if given else ""
    return [
        ("related found (mean share, pages with links)", mean),
        ("related: pages with none labelled given some", false),
        ("related precision (ours that are labelled)", precision),
    ]


def labels_for(
    source: str, labels: Mapping[str, tuple[str, ...]], page_id: str, page_html: bytes
) -> RelatedLabel | None:
    """The label of one page of `source`, or None when the page is not labelled."""
    hrefs = labels.get(f"{source}:{page_id}")
    return None if hrefs is None else related_label(page_html, hrefs)
