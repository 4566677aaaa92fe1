"""Stage 2b: read what the page says about itself, before cleaning removes any of it.

Sources, most trusted first: schema.org JSON-LD (`NewsArticle` and its relatives), OpenGraph
and `article:` meta tags, other common meta names (Dublin Core, Parse.ly, Sailthru), microdata
`itemprop`, `<time datetime>`, `<html lang>`, `rel=canonical` and `rel=author`. The values stay
strings here; the assembly stage parses and reconciles them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from lxml import etree, html

from . import _tables as t
from ._blocks import normalise_space

# schema.org types whose properties describe the article itself.
ARTICLE_TYPES = frozenset(
    {
        "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle",
        "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "blogposting",
        "liveblogposting", "socialmediaposting", "scholarlyarticle", "techarticle", "report",
        "posting", "webpage",
    }
)  # fmt: skip
# Text of a byline element longer than this is an author bio or a whole header, not a byline.
MAX_BYLINE_CHARS = 200
# JSON-LD larger than this is a data dump, not page metadata; skipped to bound the work.
MAX_JSON_LD_CHARS = 1_000_000

# One pass over the tree for the microdata and byline elements; the tag-based sources are read
# with `iter(tags)`, which filters in C.
_MARKED_XPATH = etree.XPath(
    "//*[@itemprop or @rel='author' or "
    + " or ".join(f"contains(@class, '{word}')" for word in t.BYLINE_CLASS_WORDS)
    + "]"
)
_METADATA_TAGS = ("meta", "script", "time", "link", "title", "h1", "base")
# Printed tag lists: links marked rel=tag, and links inside a container named for tags or topics
# in one of several languages. Read only when the page declares no keywords itself.
_TAG_LINKS_XPATH = etree.XPath(
    "//a[contains(concat(' ', @rel, ' '), ' tag ') and not(contains(@rel, 'category'))]"
    " | //*[contains(@class, 'tags') or contains(@class, 'topics') or contains(@class, 'keywords')"
    " or contains(@class, 'etiquetas') or contains(@class, 'schlagw')"
    " or contains(@class, 'mots-cles')]//a"
)
# A tag is a word or a short phrase.
MAX_TAG_CHARS = 40

# Meta names (lower-cased `name` or `property`) for each field, most trusted first.
META_NAMES: dict[str, tuple[str, ...]] = {
    "title": ("og:title", "twitter:title", "dc.title", "title", "sailthru.title"),
    "site_name": ("og:site_name", "application-name", "twitter:site"),
    "description": ("og:description", "description", "twitter:description", "dc.description"),
    "image": ("og:image", "og:image:url", "og:image:secure_url", "twitter:image",
              "twitter:image:src", "thumbnail"),
    "url": ("og:url",),
    "locale": ("og:locale", "content-language", "dc.language", "language"),
    "published": ("article:published_time", "og:article:published_time", "datepublished",
                  "published_time", "publishdate", "publish-date", "pubdate", "date",
                  "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date",
                  "parsely-pub-date", "article.published", "og:published_time",
                  "cxenseparse:recs:publishtime", "publication_date", "originalpublicationdate"),
    "modified": ("article:modified_time", "og:updated_time", "datemodified", "modified_time",
                 "last-modified", "dcterms.modified", "article.updated", "lastmod"),
    "author": ("author", "article:author", "dc.creator", "sailthru.author", "parsely-author",
               "byl", "cxenseparse:author"),
    "tags": ("article:tag", "keywords", "news_keywords", "parsely-tags", "sailthru.tags"),
    "section": ("article:section",),
}  # fmt: skip
_META_LOOKUP = {name: field for field, names in META_NAMES.items() for name in names}


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the page declares about the article, as raw strings, most trusted first."""

    titles: tuple[str, ...] = ()
    site_names: tuple[str, ...] = ()
    descriptions: tuple[str, ...] = ()
    images: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    published: tuple[str, ...] = ()
    modified: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    author_orgs: tuple[str, ...] = ()
    bylines: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    base_href: str | None = None
    h1: str | None = None


def read_metadata(root: html.HtmlElement) -> Metadata:
    """Collect the page's own statements about the article."""
    # JSON-LD is the most deliberate statement a page makes, so its values rank first
    # whatever their place in the document.
    from_json_ld: dict[str, list[str]] = {}
    found: dict[str, list[str]] = {}
    add = _adder(found)
    add_json_ld = _adder(from_json_ld)

    h1: html.HtmlElement | None = None
    title: str | None = None
    base_href: str | None = None
    for el in root.iter(*_METADATA_TAGS):
        tag = el.tag
        if tag == "meta":
            _read_meta(el, add)
        elif tag == "script":
            if el.get("type", "").strip().lower() == "application/ld+json":
                for obj in _json_ld_articles(el.text or ""):
                    _read_json_ld(obj, add_json_ld)
        elif tag == "time":
            add("time", el.get("datetime"))
        elif tag == "link":
            if el.get("rel", "").lower() == "canonical":
                add("url", el.get("href"))
        elif tag == "title":
            title = title or el.text_content()
        elif tag == "h1":
            h1 = h1 if h1 is not None else el
        elif tag == "base":
            base_href = base_href or el.get("href")
    for el in _MARKED_XPATH(root):
        prop = el.get("itemprop")
        if prop and prop != "author":
            value = el.get("content") or el.get("datetime")
            if prop in ("datePublished", "dateModified") and value:
                add("published" if prop == "datePublished" else "modified", value)
            elif prop == "headline":
                add("title", el.text_content())
        elif el.tag != "meta":
            text = el.text_content()
            if len(text) < MAX_BYLINE_CHARS:
                add("byline", text)
    if not found.get("tags") and not from_json_ld.get("tags"):
        for link in _TAG_LINKS_XPATH(root):
            text = link.text_content()
            if len(text) <= MAX_TAG_CHARS:
                add("tags", text)
    add("locale", root.get("lang") or root.get("xml:lang"))
    add("page_title", title)

    def get(field: str) -> tuple[str, ...]:
        first = from_json_ld.get(field, [])
        return tuple(first + [v for v in found.get(field, ()) if v not in first])

    return Metadata(
        titles=get("title") + get("page_title"),
        site_names=get("site_name"),
        descriptions=get("description"),
        images=get("image"),
        urls=get("url"),
        languages=get("locale"),
        published=get("published") + get("time"),
        modified=get("modified"),
        authors=get("author"),
        author_orgs=get("author_org"),
        bylines=get("byline"),
        tags=get("tags"),
        base_href=base_href,
        h1=normalise_space(h1.text_content()) or None if h1 is not None else None,
    )


def _adder(found: dict[str, list[str]]) -> Callable[[str, object], None]:
    def add(field: str, value: object) -> None:
        if isinstance(value, str):
            text = normalise_space(value)
            if text and text not in found.setdefault(field, []):
                found[field].append(text)

    return add


def _read_meta(meta: html.HtmlElement, add: Callable[[str, object], None]) -> None:
    content = meta.get("content")
    if content is None:
        return
    key = meta.get("property") or meta.get("name") or meta.get("itemprop")
    key = (key or meta.get("http-equiv") or "").strip().lower()
    field = _META_LOOKUP.get(key)
    if field == "tags":
        for tag in content.split(","):
            add("tags", tag)
    elif field is not None:
        add(field, content)


def _json_ld_articles(text: str) -> Iterator[dict[str, Any]]:
    if not text.strip() or len(text) > MAX_JSON_LD_CHARS:
        return
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return
    yield from _article_objects(data, depth=0)


def _article_objects(data: object, depth: int) -> Iterator[dict[str, Any]]:
    # Article objects hide in lists, `@graph` arrays and `mainEntity`; the depth bound keeps a
    # hostile, deeply nested JSON from costing more than it should.
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data:
            yield from _article_objects(item, depth + 1)
    elif isinstance(data, dict):
        types = data.get("@type")
        type_names = types if isinstance(types, list) else [types]
        if any(isinstance(n, str) and n.lower() in ARTICLE_TYPES for n in type_names):
            yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if key in data:
                yield from _article_objects(data[key], depth + 1)


def _read_json_ld(obj: dict[str, Any], add: Callable[[str, object], None]) -> None:
    is_webpage = str(obj.get("@type", "")).lower() == "webpage"
    add("title", obj.get("headline") if not is_webpage else None)
    add("description", obj.get("description"))
    add("published", obj.get("datePublished"))
    add("modified", obj.get("dateModified"))
    add("url", obj.get("url") if not is_webpage else None)
    add("locale", obj.get("inLanguage"))
    for image in _as_list(obj.get("image")):
        add("image", image.get("url") if isinstance(image, dict) else image)
    for author in _as_list(obj.get("author")) + _as_list(obj.get("creator")):
        if isinstance(author, dict):
            kind = str(author.get("@type", "")).lower()
            add("author_org" if kind == "organization" else "author", author.get("name"))
        else:
            add("author", author)
    for org in _as_list(obj.get("sourceOrganization")):
        add("author_org", org.get("name") if isinstance(org, dict) else org)
    publisher = obj.get("publisher")
    if isinstance(publisher, dict):
        add("site_name", publisher.get("name"))
    keywords = obj.get("keywords")
    if isinstance(keywords, str):
        for tag in keywords.split(","):
            add("tags", tag)
    else:
        for tag in _as_list(keywords):
            add("tags", tag)


def _as_list(value: object) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
