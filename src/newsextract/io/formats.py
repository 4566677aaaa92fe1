"""An `Article` as Markdown, as clean HTML, or as one CSV row.

Everything here is built from the record's fields only; nothing of the page's own markup is
carried over. The HTML is safe to display: every text is escaped, the only tags are the fixed
set this module writes (`HTML_TAGS`), every attribute value is escaped and quoted, and a link
or image address is written only when it is an absolute http(s) URL (the record already holds
only such URLs; they are checked again here, so a record built by hand or read back from JSON
cannot slip in a `javascript:` link). The Markdown escapes the characters that would turn
text into markup (emphasis, links, raw HTML, headings, lists), so a renderer shows the text
as printed.

The dateline is not written in Markdown or HTML: a wire story's first paragraph already
starts with it (`WASHINGTON (AP) — ...`). It is a CSV column.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from datetime import datetime
from html import escape
from urllib.parse import urlsplit

from newsextract._model import Article, Block, BlockKind, Caption, RelatedLink

SEPARATOR = " · "
"""Between the parts of the byline line (authors, agency, date, site)."""

RELATED_HEADING = "Related"

HTML_TAGS = frozenset(
    {
        "html",
        "head",
        "meta",
        "title",
        "body",
        "article",
        "header",
        "h1",
        "h2",
        "p",
        "blockquote",
        "pre",
        "time",
        "a",
        "figure",
        "img",
        "figcaption",
        "small",
        "section",
        "ul",
        "li",
    }
)
"""Every tag `to_html` can write; the sanitiser test holds the output to this set."""

# The page may load nothing but images, run nothing and submit nothing: a second line of
# defence should a browser ever read more into the document than the escaping allows.
CONTENT_SECURITY_POLICY = "default-src 'none'; img-src http: https:; form-action 'none'"

CSV_COLUMNS = (
    "source",
    "url",
    "headline",
    "standfirst",
    "dateline",
    "agency",
    "authors",
    "published",
    "language",
    "paragraphs",
    "text",
    "error",
    "message",
)
"""The CSV header: one row a page; `error` and `message` are filled only for failed inputs."""

CSV_AUTHOR_SEPARATOR = "; "

_LINK_SCHEMES = frozenset({"http", "https"})
# C0 controls (but tab and newline) and DEL are not text: invalid in HTML, invisible in Markdown.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACE = re.compile(r"\s+")
# A BCP 47-shaped tag: anything else in `lang=` is dropped rather than escaped.
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*")

# Markdown: inline characters that start emphasis, code, links or raw HTML, escaped anywhere;
# `&` only where it would start a character reference.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>])|&(?=#?[A-Za-z0-9]+;)")
# ...and what starts a block at the beginning of a line: a heading, quote, list item, setext
# underline, table row or fence.
_MD_LINE_START = re.compile(r"^(?:([#>+=|~-])|(\d+)([.)]))")
# Characters that would end or break a Markdown link destination.
_MD_URL_UNSAFE = re.compile(r"[()<>\\ \"]")


# --- shared ----------------------------------------------------------------------------------


def clean_text(text: str) -> str:
    """`text` on one line: control characters removed, whitespace runs made one space (a
    value holding a newline must not start a new Markdown block)."""
    return _SPACE.sub(" ", _CONTROL.sub("", text)).strip()


def safe_url(url: str | None) -> str | None:
    """`url` when it is an absolute http(s) URL with a host and no spaces or control
    characters, else None."""
    if not url or any(ch.isspace() or not ch.isprintable() for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:  # An unbalanced `[` in the host.
        return None
    if parts.scheme.lower() not in _LINK_SCHEMES or not parts.hostname:
        return None
    return url


def _date(published: datetime | None) -> str | None:
    return published.isoformat(sep=" ", timespec="minutes") if published else None


def _byline_parts(article: Article) -> list[str]:
    """The authors and the agency, as text: the start of the line under the headline."""
    parts = [", ".join(clean_text(a) for a in article.authors if clean_text(a))]
    parts.append(clean_text(article.agency or ""))
    return [part for part in parts if part]


def body_runs(article: Article) -> list[tuple[BlockKind, list[str]]]:
    """The body's blocks, texts cleaned and empty ones left out, in runs of one kind (a
    list's items, a quote's paragraphs). A record without blocks (built by hand, or read from
    JSON written before blocks existed) has its paragraphs as paragraph blocks."""
    blocks = article.blocks or tuple(Block(BlockKind.PARAGRAPH, p) for p in article.paragraphs)
    cleaned = [(b.kind, text) for b in blocks if (text := clean_text(b.text))]
    return [
        (kind, [text for _, text in run])
        for kind, run in itertools.groupby(cleaned, key=lambda pair: pair[0])
    ]


# --- Markdown --------------------------------------------------------------------------------


def md_escape(text: str) -> str:
    """`text` as Markdown that renders as the text itself."""
    inline = _MD_INLINE.sub(lambda m: "\\" + (m.group(1) or "&"), clean_text(text))
    return _MD_LINE_START.sub(_escape_line_start, inline, count=1)


def _escape_line_start(match: re.Match[str]) -> str:
    if match.group(1):
        return "\\" + match.group(1)
    return match.group(2) + "\\" + match.group(3)


def _md_url(url: str) -> str:
    return _MD_URL_UNSAFE.sub(lambda m: f"%{ord(m.group()):02X}", url)


def to_markdown(article: Article) -> str:
    """The article as a Markdown document: `# headline`, the standfirst as a quote, a line
    of authors, agency, date and source link, the paragraphs, the captions with their
    credits, and a "Related" list of links."""
    blocks: list[str] = []
    if article.headline and clean_text(article.headline):
        blocks.append("# " + md_escape(article.headline))
    if article.standfirst and clean_text(article.standfirst):
        blocks.append("> " + md_escape(article.standfirst))
    byline = [md_escape(part) for part in _byline_parts(article)]
    published = _date(article.published)
    byline += [published] if published else []
    source = _md_source(article)
    byline += [source] if source else []
    if byline:
        blocks.append(SEPARATOR.join(byline))
    for kind, texts in body_runs(article):
        blocks += _md_run(kind, texts)
    for caption in article.captions:
        blocks += _md_caption(caption)
    related = [_md_related(link) for link in article.related if clean_text(link.text)]
    if related:
        blocks.append("## " + RELATED_HEADING)
        blocks.append("\n".join(related))
    return "\n\n".join(blocks) + "\n" if blocks else ""


def _md_run(kind: BlockKind, texts: list[str]) -> list[str]:
    """Markdown blocks for a run of body blocks of one kind."""
    if kind is BlockKind.HEADING:
        return ["## " + md_escape(text) for text in texts]
    if kind is BlockKind.LIST_ITEM:
        return ["\n".join("- " + md_escape(text) for text in texts)]
    if kind is BlockKind.QUOTE:
        return ["\n>\n".join("> " + md_escape(text) for text in texts)]
    if kind is BlockKind.PREFORMATTED:
        return [_md_code(text) for text in texts]
    return [md_escape(text) for text in texts]


def _md_code(text: str) -> str:
    # Inline code rather than a fence: the text is one line (whitespace collapsed, as in
    # `paragraphs`), and a line that starts with a backtick can never be a `==> ` separator.
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    fence = "`" * (longest + 1)
    return f"{fence} {text} {fence}"


def _md_source(article: Article) -> str | None:
    url = safe_url(article.url)
    if url is None:
        return None
    label = clean_text(article.site_name or "") or url
    return f"[{md_escape(label)}]({_md_url(url)})"


def _md_caption(caption: Caption) -> list[str]:
    blocks = []
    image = safe_url(caption.image_url)
    if image is not None:
        blocks.append(f"![]({_md_url(image)})")
    text = f"*{md_escape(caption.text)}*" if clean_text(caption.text) else ""
    credit = md_escape(caption.credit or "")
    line = " — ".join(part for part in (text, credit) if part)
    return blocks + ([line] if line else [])


def _md_related(link: RelatedLink) -> str:
    url = safe_url(link.url)
    text = md_escape(link.text)
    return f"- [{text}]({_md_url(url)})" if url else f"- {text}"


# --- HTML ------------------------------------------------------------------------------------


def _h(text: str) -> str:
    """Text escaped for HTML element content."""
    return escape(clean_text(text), quote=False)


def _attr(text: str) -> str:
    """Text escaped for a double-quoted HTML attribute value."""
    return escape(clean_text(text), quote=True)


def to_html(article: Article) -> str:
    """The article as a whole HTML document, safe to display (see the module docstring)."""
    title = clean_text(article.headline or "")
    head = [
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{_h(title)}</title>",
    ]
    lang = clean_text(article.language or "")
    lang_attr = f' lang="{_attr(lang)}"' if _LANGUAGE_TAG.fullmatch(lang) else ""
    lines = ["<!DOCTYPE html>", f"<html{lang_attr}>", "<head>", *head, "</head>", "<body>"]
    lines += ["<article>", *_html_header(article)]
    for kind, texts in body_runs(article):
        lines += _html_run(kind, texts)
    for caption in article.captions:
        lines += _html_caption(caption)
    lines += _html_related(article.related)
    lines += ["</article>", "</body>", "</html>"]
    return "\n".join(lines) + "\n"


def _html_run(kind: BlockKind, texts: list[str]) -> list[str]:
    """HTML lines for a run of body blocks of one kind."""
    if kind is BlockKind.HEADING:
        return [f"<h2>{_h(text)}</h2>" for text in texts]
    if kind is BlockKind.LIST_ITEM:
        return ["<ul>", *(f"<li>{_h(text)}</li>" for text in texts), "</ul>"]
    if kind is BlockKind.QUOTE:
        return ["<blockquote>", *(f"<p>{_h(text)}</p>" for text in texts), "</blockquote>"]
    if kind is BlockKind.PREFORMATTED:
        return [f"<pre>{_h(text)}</pre>" for text in texts]
    return [f"<p>{_h(text)}</p>" for text in texts]


def _html_header(article: Article) -> list[str]:
    header = []
    if article.headline and clean_text(article.headline):
        header.append(f"<h1>{_h(article.headline)}</h1>")
    if article.standfirst and clean_text(article.standfirst):
        header.append(f'<p class="standfirst">{_h(article.standfirst)}</p>')
    byline = [_h(part) for part in _byline_parts(article)]
    if article.published is not None:
        stamp, shown = article.published.isoformat(), _date(article.published) or ""
        byline.append(f'<time datetime="{_attr(stamp)}">{_h(shown)}</time>')
    url = safe_url(article.url)
    if url is not None:
        label = clean_text(article.site_name or "") or url
        byline.append(_html_link(url, label))
    if byline:
        header.append(f'<p class="byline">{SEPARATOR.join(byline)}</p>')
    return ["<header>", *header, "</header>"] if header else []


def _html_link(url: str, text: str) -> str:
    return f'<a href="{_attr(url)}" rel="noopener noreferrer nofollow">{_h(text)}</a>'


def _html_caption(caption: Caption) -> list[str]:
    image = safe_url(caption.image_url)
    text = _h(caption.text)
    alt = _attr(caption.text)
    credit = _h(caption.credit or "")
    credit = f' <small class="credit">{credit}</small>' if credit else ""
    if image is None and not text and not credit:
        return []
    lines = ["<figure>"]
    if image is not None:
        lines.append(f'<img src="{_attr(image)}" alt="{alt}">')
    if text or credit:
        lines.append(f"<figcaption>{text}{credit}</figcaption>")
    return [*lines, "</figure>"]


def _html_related(related: Iterable[RelatedLink]) -> list[str]:
    items = []
    for link in related:
        text = clean_text(link.text)
        if not text:
            continue
        url = safe_url(link.url)
        items.append(f"<li>{_html_link(url, text) if url else _h(text)}</li>")
    if not items:
        return []
    heading = f"<h2>{RELATED_HEADING}</h2>"
    return ['<section class="related">', heading, "<ul>", *items, "</ul>", "</section>"]


# --- CSV -------------------------------------------------------------------------------------


def csv_row(source: str, article: Article) -> list[str]:
    """The CSV row of one extracted page, in `CSV_COLUMNS` order (empty cells for None)."""
    return [
        source,
        article.url or "",
        article.headline or "",
        article.standfirst or "",
        article.dateline or "",
        article.agency or "",
        CSV_AUTHOR_SEPARATOR.join(article.authors),
        article.published.isoformat() if article.published else "",
        article.language or "",
        str(len(article.paragraphs)),
        article.text,
        "",
        "",
    ]


def csv_error_row(source: str, error: str, message: str) -> list[str]:
    """The CSV row of an input that failed: its source, then only `error` and `message`."""
    return [source, *([""] * (len(CSV_COLUMNS) - 3)), error, message]
