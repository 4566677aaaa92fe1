"""Property tests: whatever the input, `extract()` returns a sound `Article` or raises a
`NewsextractError`, and nothing else.

Three kinds of input: arbitrary bytes, arbitrary text (lone surrogates included), and
generated HTML pages: random trees of real tags with class names from the vocabulary the
stages react to (`share`, `related`, `caption`, `article-body`, `ad-slot`, ...), links to
`javascript:`, `data:`, `file:`, relative, protocol-relative, malformed and absolute URLs, and
text mixing prose with the phrases the news-field grammars read (`WASHINGTON (AP) —`,
`RELATED ...`, `Photo by ...`, bylines, dates) and the labels that must never come out as body
(`Advertisement`, `Follow Us`, ...), under random metadata and a random page URL.

The invariants are `assert_article_invariants` in conftest.py: paragraphs non-empty and
whitespace-normalised, never exactly a boilerplate label; every URL taken from the page
absolute http(s); dates datetimes or None; `Article.from_json(a.to_json()) == a`.

Hypothesis examples are moderate (the file runs in well under a minute on two cores); set
NEWSEXTRACT_PROPERTY_EXAMPLES to run more. No example database is written into the checkout.
"""

from __future__ import annotations

import html as htmllib
import os
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsextract import NewsextractError, extract

_SCALE = int(os.environ.get("NEWSEXTRACT_PROPERTY_EXAMPLES", "0") or 0)


def _examples(default: int) -> int:
    return _SCALE or default


_SETTINGS: dict[str, Any] = {
    "deadline": None,
    "database": None,
    "print_blob": True,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
}


def _extract_soundly(source: str | bytes, check: Any, url: str | None = None) -> None:
    try:
        article = extract(source, url=url)
    except NewsextractError:
        return
    check(article, url=url)


# --- arbitrary bytes and text -----------------------------------------------------------------


@settings(max_examples=_examples(200), **_SETTINGS)
@given(data=st.binary(max_size=4096))
def test_arbitrary_bytes(data: bytes, article_invariants: Any) -> None:
    _extract_soundly(data, article_invariants)


_ANY_CHARACTER = st.characters(codec=None, exclude_categories=())


@settings(max_examples=_examples(200), **_SETTINGS)
@given(text=st.text(alphabet=_ANY_CHARACTER, max_size=2000))
def test_arbitrary_text(text: str, article_invariants: Any) -> None:
    _extract_soundly(text, article_invariants)


_MARKUP_CHARACTERS = st.sampled_from(list("<>/=\"'&;#!-?[] \n\tpadivbrhtmlscript\x00\u00a0"))


@settings(max_examples=_examples(150), **_SETTINGS)
@given(text=st.text(alphabet=_MARKUP_CHARACTERS, max_size=2000), as_bytes=st.booleans())
def test_markup_soup(text: str, as_bytes: bool, article_invariants: Any) -> None:
    # Random strings over the characters of markup: unclosed tags, comments, entities.
    source = "<p>" + text
    _extract_soundly(source.encode("utf-8") if as_bytes else source, article_invariants)


# --- generated news pages ---------------------------------------------------------------------

CLASS_WORDS = (
    "share", "share-bar", "social", "related", "related-stories", "caption", "wp-caption-text",
    "photo-credit", "credit", "article-body", "story-body", "entry-content", "ad-slot",
    "advert", "sponsor", "byline", "author", "timestamp", "newsletter", "comments", "widget",
    "sidebar", "hidden", "sr-only", "most-read", "recirc", "read-more", "tags", "promo",
    "embed", "twitter-tweet", "figure", "gallery", "content", "main", "post", "nav", "menu",
    "footer", "header", "x", "a1", "col-md-8", "js-track", "",
)  # fmt: skip
TEXT_PHRASES = (
    "Advertisement", "ADVERTISEMENT", "Follow Us", "Latest Headlines", "Share this",
    "Share", "Related", "RELATED: Bridge to reopen after repairs",
    "RELATED Kazakhstan follows Russia in new law", "READ MORE: Council votes on budget",
    "WASHINGTON (AP) —", "LONDON, March 3 (Reuters) -", "(CNN)", "BUFFALO, N.Y. —",
    "Photo by Jane Doe/AP", "(AP Photo/Jane Doe)", "Jane Doe/AFP via Getty Images",
    "Credit: John Roe", "© AFP", "By Jane Doe and John Roe, Associated Press",
    "By REUTERS", "(Reporting by Jane Doe; Editing by John Roe)",
    "Copyright 2024 The Associated Press. All rights reserved.", "Image 1 of 5",
    "Published March 3, 2024 at 10:30 a.m.", "Updated 2024-03-03", "Tags: politics, economy",
    "Sign up for our newsletter", "Facebook Twitter WhatsApp Email", "x",
    "Officials said on Tuesday that the bridge would reopen next month, after repairs.",
    "The council, which met for three hours, approved the plan by nine votes to two.",
    "Ça coûte 3 € — «très cher», dit-il.", "東京都は今日、新しい計画を発表しました。",
    "Правительство объявило о новых мерах.", "&amp; &lt;b&gt; &nbsp; &#8212; &#0; &lol;",
    "\u00a0", "\u200b", "  ", "—", "…",
)  # fmt: skip
URLS = (
    "https://news.example.com/2024/03/03/bridge-to-reopen-after-repairs",
    "http://example.org/world/story-12345.html",
    "/2024/03/04/council-approves-the-budget-plan",
    "relative/path/to-another-story-slug",
    "//cdn.example.net/2024/01/01/protocol-relative-story",
    "javascript:alert(1)",
    " JaVaScRiPt:alert(2)",
    "data:text/html,<script>alert(3)</script>",
    "data:image/png;base64,iVBORw0KGgo=",
    "file:///etc/passwd",
    "vbscript:msgbox(4)",
    "mailto:editor@example.com",
    "#comments",
    "?page=2",
    "http://[::1",
    "http://",
    "https://例え.jp/2024/01/01/記事",
    "",
    " ",
)
PAGE_URLS = (
    None,
    "https://news.example.com/2024/03/03/story",
    "http://example.org/a/b/c",
    "javascript:alert(1)",
    "http://[::1",
    "not a url",
)
DATES = (
    "2024-03-03T10:30:00Z",
    "2024-03-03T10:30:00+05:30",
    "2024-03-03",
    "20240303",
    "Sun, 03 Mar 2024 10:30:00 GMT",
    "March 3, 2024",
    "3. März 2024",
    "yesterday",
    "2024-02-30",
    "0000-00-00",
    "9999-12-31T23:59:59Z",
    "",
)
TAGS = (
    "div", "p", "span", "article", "section", "figure", "figcaption", "a", "ul", "ol", "li",
    "h1", "h2", "h3", "script", "style", "table", "tr", "td", "br", "img", "time", "aside",
    "nav", "header", "footer", "main", "blockquote", "b", "i", "em", "strong", "noscript",
    "cite", "small", "button", "form", "iframe", "picture", "source", "hr", "pre", "dl", "dt",
    "dd",
)  # fmt: skip
VOID = frozenset({"br", "img", "hr", "source"})

_words = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=40
)
_texts = st.one_of(st.sampled_from(TEXT_PHRASES), _words)


@st.composite
def _attributes(draw: st.DrawFn) -> str:
    parts = []
    if draw(st.booleans()):
        names = draw(st.lists(st.sampled_from(CLASS_WORDS), max_size=3))
        parts.append(f'class="{" ".join(names)}"')
    if draw(st.integers(0, 4)) == 0:
        parts.append(f'id="{draw(st.sampled_from(CLASS_WORDS))}"')
    for name in draw(st.lists(st.sampled_from(("href", "src", "data-src", "srcset")), max_size=2)):
        parts.append(f'{name}="{htmllib.escape(draw(st.sampled_from(URLS)), quote=True)}"')
    extra = draw(
        st.lists(
            st.sampled_from(
                (
                    'itemprop="articleBody"',
                    'role="navigation"',
                    'role="main"',
                    'aria-hidden="true"',
                    "hidden",
                    'style="display:none"',
                    'style="color: red"',
                    'rel="author"',
                    'lang="fr"',
                    f'datetime="{draw(st.sampled_from(DATES))}"',
                    'itemprop="datePublished" content="2024-03-03"',
                    'itemprop="headline"',
                    'type="application/ld+json"',
                )
            ),
            max_size=2,
        )
    )
    parts.extend(extra)
    return (" " + " ".join(parts)) if parts else ""


def _text_markup(text: str, raw: bool) -> str:
    return text if raw else htmllib.escape(text, quote=False)


_nodes = st.recursive(
    st.tuples(st.just("#text"), _texts, st.booleans()),
    lambda children: st.tuples(
        st.sampled_from(TAGS), _attributes(), st.lists(children, max_size=5), st.booleans()
    ),
    max_leaves=40,
)


def _render(node: Any) -> str:
    if node[0] == "#text":
        _, text, raw = node
        return _text_markup(text, raw)
    tag, attributes, children, close = node
    if tag in VOID:
        return f"<{tag}{attributes}>"
    inner = "".join(_render(child) for child in children)
    return f"<{tag}{attributes}>{inner}" + (f"</{tag}>" if close else "")


@st.composite
def _heads(draw: st.DrawFn) -> str:
    parts = []
    if draw(st.booleans()):
        parts.append(f"<title>{htmllib.escape(draw(_texts))}</title>")
    metas = draw(
        st.lists(
            st.sampled_from(
                (
                    "og:title",
                    "og:image",
                    "og:url",
                    "og:site_name",
                    "article:published_time",
                    "article:modified_time",
                    "author",
                    "keywords",
                    "description",
                )
            ),
            max_size=4,
        )
    )
    for name in metas:
        value = draw(st.one_of(_texts, st.sampled_from(URLS), st.sampled_from(DATES)))
        parts.append(f'<meta property="{name}" content="{htmllib.escape(value, quote=True)}">')
    if draw(st.booleans()):
        href = htmllib.escape(draw(st.sampled_from(URLS)), quote=True)
        parts.append(f'<link rel="canonical" href="{href}">')
    if draw(st.integers(0, 3)) == 0:
        parts.append(f'<base href="{htmllib.escape(draw(st.sampled_from(URLS)), quote=True)}">')
    if draw(st.integers(0, 3)) == 0:
        author = draw(_texts).replace("\\", "").replace('"', "")
        date = draw(st.sampled_from(DATES))
        image = draw(st.sampled_from(URLS)).replace('"', "")
        parts.append(
            '<script type="application/ld+json">'
            f'{{"@type": "NewsArticle", "headline": "{author}", "datePublished": "{date}",'
            f' "author": {{"@type": "Person", "name": "{author}"}}, "image": ["{image}"]}}'
            "</script>"
        )
    if draw(st.booleans()):
        parts.append(f'<meta charset="{draw(st.sampled_from(("utf-8", "iso-8859-1", "x")))}">')
    return "".join(parts)


@st.composite
def _pages(draw: st.DrawFn) -> tuple[str | bytes, str | None]:
    body = "".join(_render(node) for node in draw(st.lists(_nodes, min_size=1, max_size=4)))
    head = draw(_heads())
    wrapped = draw(st.booleans())
    markup = f"<html><head>{head}</head><body>{body}</body></html>" if wrapped else head + body
    encoding = draw(st.sampled_from((None, "utf-8", "cp1252", "utf-16", "gb18030")))
    source: str | bytes = markup
    if encoding is not None:
        source = markup.encode(encoding, errors="replace")
    return source, draw(st.sampled_from(PAGE_URLS))


@settings(max_examples=_examples(300), **_SETTINGS)
@given(page=_pages())
def test_generated_pages(page: tuple[str | bytes, str | None], article_invariants: Any) -> None:
    source, url = page
    _extract_soundly(source, article_invariants, url=url)


@settings(max_examples=_examples(100), **_SETTINGS)
@given(page=_pages())
def test_generated_pages_as_plain_text(
    page: tuple[str | bytes, str | None], article_invariants: Any
) -> None:
    # The same vocabulary with the markup gone: the plain-text path.
    source, url = page
    text = source.decode("utf-8", "replace") if isinstance(source, bytes) else source
    from lxml import html as lxml_html

    try:
        plain = lxml_html.document_fromstring(text.replace("\x00", "")).text_content()
    except (ValueError, TypeError):
        return
    lines = "\n\n".join(line for line in plain.split("\n") if line.strip())
    _extract_soundly(lines, article_invariants, url=url)
