"""Stage 2b: read what the page says about itself, before cleaning removes any of it.

Sources, most trusted first: schema.org JSON-LD (`NewsArticle` and its relatives), OpenGraph
and `article:` meta tags, other common meta names (Dublin Core, Parse.ly, Sailthru), microdata
`itemprop`, `<time datetime>`, `<html lang>`, `rel=canonical` and `rel=author`. The values stay
strings here; the assembly stage parses and reconciles them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lxml import etree, html

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
# JSON-LD larger than this is a data dump, not page metadata; skipped to bound the work.
MAX_JSON_LD_CHARS = 1_000_000

_META_XPATH = etree.XPath("//meta[@content]")
_JSON_LD_XPATH = etree.XPath("//script[@type='application/ld+json']")
_TIME_XPATH = etree.XPath("//time[@datetime]")
_ITEMPROP_XPATH = etree.XPath("//*[@itemprop]")
_BYLINE_XPATH = etree.XPath(
    "//*[@rel='author' or contains(concat(' ', normalize-space(@class), ' '), ' byline ')"
    " or contains(@class, 'byline') or contains(@class, 'author-name')"
    " or contains(@class, 'author') and not(contains(@class, 'bio'))][not(self::meta)]"
)
_LINK_XPATH = etree.XPath("//link[@rel and @href]")

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
    found: dict[str, list[str]] = {}

    def add(field: str, value: object) -> None:
        if isinstance(value, str):
            text = normalise_space(value)
            if text and text not in found.setdefault(field, []):
                found[field].append(text)

    for obj in _json_ld_articles(root):
        _read_json_ld(obj, add)
    for meta in _META_XPATH(root):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        key = key or (meta.get("http-equiv") or "").lower()
        field = _META_LOOKUP.get(key.strip())
        if field is not None:
            content = meta.get("content", "")
            if field == "tags":
                for tag in content.split(","):
                    add("tags", tag)
            else:
                add(field, content)
    for el in _ITEMPROP_XPATH(root):
        prop = el.get("itemprop", "")
        value = el.get("content") or el.get("datetime")
        if prop in ("datePublished", "dateModified") and value:
            add("published" if prop == "datePublished" else "modified", value)
        elif prop == "headline":
            add("title", el.text_content())
    for time in _TIME_XPATH(root):
        add("time", time.get("datetime"))
    for link in _LINK_XPATH(root):
        rel = link.get("rel", "").lower()
        if rel == "canonical":
            add("url", link.get("href"))
    for el in _BYLINE_XPATH(root):
        text = el.text_content()
        if len(text) < 200:
            add("byline", text)
    lang = root.get("lang") or root.get("xml:lang")
    add("locale", lang)
    title_el = root.find(".//title")
    if title_el is not None:
        add("page_title", title_el.text_content())
    h1 = root.find(".//h1")
    base = root.find(".//base[@href]")

    def get(field: str) -> tuple[str, ...]:
        return tuple(found.get(field, ()))

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
        base_href=base.get("href") if base is not None else None,
        h1=normalise_space(h1.text_content()) or None if h1 is not None else None,
    )


def _json_ld_articles(root: html.HtmlElement) -> Iterator[dict[str, Any]]:
    for script in _JSON_LD_XPATH(root):
        text = script.text or ""
        if not text.strip() or len(text) > MAX_JSON_LD_CHARS:
            continue
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            continue
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


def _read_json_ld(obj: dict[str, Any], add: Any) -> None:
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
