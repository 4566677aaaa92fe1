"""Markdown, HTML and CSV output: golden files on the fixtures, the HTML sanitiser, the CLI.

`fixtures/expected-md/<name>.md` and `fixtures/expected-html/<name>.html` are the outputs for
`fixtures/pages/<name>.*`, written once and checked by eye; a change to the renderer or to
the extraction shows up here as a diff to review (regenerate them with
`python tests/test_formats.py --update`).
"""

from __future__ import annotations

import csv
import functools
import io
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsextract
from newsextract import Article, Caption, RelatedLink
from newsextract._errors import ErrorKind
from newsextract.io.formats import CSV_COLUMNS, HTML_TAGS, clean_text, md_escape, safe_url
from tests._cli import run_cli

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "fixtures" / "pages"
EXPECTED = ROOT / "fixtures" / "expected"
GOLDEN = {"md": ROOT / "fixtures" / "expected-md", "html": ROOT / "fixtures" / "expected-html"}


def _pages() -> list[Path]:
    return sorted(p for p in PAGES.iterdir() if p.is_file() and not p.name.startswith("."))


@functools.cache
def _article(page: Path) -> Article:
    url = json.loads((EXPECTED / f"{page.stem}.json").read_text(encoding="utf-8")).get("_url")
    return newsextract.extract(page.read_bytes(), url=url)


def _render(article: Article, kind: str) -> str:
    return article.to_markdown() if kind == "md" else article.to_html()


@pytest.mark.parametrize("kind", sorted(GOLDEN))
@pytest.mark.parametrize("page", _pages(), ids=lambda p: p.stem)
def test_golden(page: Path, kind: str) -> None:
    golden = GOLDEN[kind] / f"{page.stem}.{kind}"
    assert golden.exists(), f"no golden file {golden.name}: run python {__file__} --update"
    assert _render(_article(page), kind) == golden.read_text(encoding="utf-8")


def test_every_golden_file_has_a_page() -> None:
    stems = {p.stem for p in _pages()}
    for kind, folder in GOLDEN.items():
        assert {g.stem for g in folder.glob(f"*.{kind}")} == stems


def test_markdown_layout() -> None:
    article = Article(
        url="https://example.com/a",
        site_name="The Example",
        headline="Ferry terminal approved",
        standfirst="A long debate ends.",
        authors=("Ann Lee", "Bo Chan"),
        agency="AP",
        published=datetime(2024, 3, 5, 9, 30, tzinfo=UTC),
        paragraphs=("First.", "Second."),
        captions=(Caption("The pier.", "Jo Roe/AP", "https://example.com/p.jpg"),),
        related=(RelatedLink("Older story", "https://example.com/b"), RelatedLink("No link")),
    )
    assert article.to_markdown() == (
        "# Ferry terminal approved\n\n> A long debate ends.\n\n"
        "Ann Lee, Bo Chan · AP · 2024-03-05 09:30+00:00 · [The Example](https://example.com/a)"
        "\n\nFirst.\n\nSecond.\n\n![](https://example.com/p.jpg)\n\n*The pier.* — Jo Roe/AP"
        "\n\n## Related\n\n- [Older story](https://example.com/b)\n- No link\n"
    )


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("a *b* _c_ `d`", r"a \*b\* \_c\_ \`d\`"),
        ("[x](javascript:alert(1))", r"\[x\](javascript:alert(1))"),
        ("<script>x</script>", r"\<script\>x\</script\>"),
        ("# not a heading", r"\# not a heading"),
        ("- not a list", r"\- not a list"),
        ("1. not a list", r"1\. not a list"),
        ("two\nlines", "two lines"),
        ("AT&T &amp; co", r"AT&T \&amp; co"),
    ],
)
def test_markdown_escapes_markup(text: str, escaped: str) -> None:
    assert md_escape(text) == escaped


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox",
        "//example.com/x",
        "/relative",
        "http://",
        "https://[::1",
        "",
        None,
    ],
)
def test_safe_url_refuses(url: str | None) -> None:
    assert safe_url(url) is None


def test_safe_url_keeps_http_links() -> None:
    assert safe_url("https://example.com/a?b=1&c=2") == "https://example.com/a?b=1&c=2"
    assert safe_url("HTTP://example.com/") == "HTTP://example.com/"


HOSTILE = '"><script>alert(1)</script><img src=x onerror=alert(1)>'
HOSTILE_URL = 'javascript:alert("x")'


def _hostile_article() -> Article:
    return Article(
        url=HOSTILE_URL,
        headline=HOSTILE,
        standfirst="<b onmouseover=alert(1)>hi</b>",
        dateline=HOSTILE,
        agency="<iframe src=javascript:alert(1)>",
        authors=(HOSTILE, 'O\'Brien " onclick="alert(1)'),
        published=datetime(2024, 1, 1, tzinfo=UTC),
        site_name=HOSTILE,
        language='en" onload="alert(1)',
        captions=(
            Caption(HOSTILE, credit=HOSTILE, image_url='https://x.test/a.jpg" onerror="alert(1)'),
            Caption("photo", image_url="javascript:alert(1)"),
            Caption("photo", image_url='https://x.test/ok.jpg?a="b"'),
        ),
        paragraphs=(HOSTILE, "<style>body{}</style>", "</p><a href=javascript:x>y</a>"),
        related=(
            RelatedLink(HOSTILE, url=HOSTILE_URL),
            RelatedLink("data", url="data:text/html,<script>alert(1)</script>"),
            RelatedLink("ok", url='https://x.test/b?q="><script>'),
        ),
    )


def test_html_sanitises_hostile_values() -> None:
    out = _hostile_article().to_html()
    tree = lxml.html.document_fromstring(out)
    seen = set()
    for element in tree.iter():
        assert isinstance(element.tag, str), "a comment or processing instruction"
        seen.add(element.tag)
        assert element.tag in HTML_TAGS, element.tag
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), (element.tag, name)
            assert "javascript:" not in value.lower(), (element.tag, name, value)
            if name in ("href", "src"):
                assert value.startswith(("http://", "https://")), value
    assert "script" not in seen and "iframe" not in seen
    # The hostile text is shown as text, not dropped.
    assert tree.findtext(".//h1") == HOSTILE
    assert tree.get("lang") is None  # Not a language tag: left out.
    hrefs = [a.get("href") for a in tree.iter("a")]
    assert hrefs == ['https://x.test/b?q="><script>']
    assert [img.get("src") for img in tree.iter("img")] == ['https://x.test/ok.jpg?a="b"']


def test_html_raw_output_holds_no_markup_from_the_values() -> None:
    # The parse above is lxml's; a browser's tokenizer could differ, so the raw text is
    # checked too: no `<` from a value survives unescaped.
    out = _hostile_article().to_html().lower()
    for markup in ("<script", "<img src=x", "<iframe", "<b ", "<style", "</p><a"):
        assert markup not in out, markup
    assert 'href="javascript' not in out and 'src="javascript' not in out


@settings(max_examples=150, deadline=None)
@given(text=st.text(), url=st.one_of(st.text(), st.text().map("https://x.test/".__add__)))
def test_html_of_any_text_is_the_text_in_allowed_tags(text: str, url: str) -> None:
    article = Article(
        headline=text,
        url=url,
        paragraphs=(text,),
        captions=(Caption(text, text, url),),
        related=(RelatedLink(text, url),),
    )
    tree = lxml.html.document_fromstring(article.to_html())
    assert {element.tag for element in tree.iter()} <= HTML_TAGS
    for element in tree.iter():
        assert not any(name.startswith("on") for name in element.attrib)
    links = [a.get("href", "") for a in tree.iter("a")]
    links += [img.get("src", "") for img in tree.iter("img")]
    assert all(safe_url(link) == link for link in links)
    shown = clean_text(text)
    if shown:
        assert tree.findtext(".//h1") == shown


def test_markdown_of_hostile_values_has_no_raw_html_or_unsafe_links() -> None:
    out = _hostile_article().to_markdown()
    assert "<script>" not in out and "](javascript" not in out and "](data:" not in out


def test_empty_article_renders() -> None:
    assert Article().to_markdown() == ""
    tree = lxml.html.document_fromstring(Article().to_html())
    assert tree.find(".//article") is not None


# --- the command -----------------------------------------------------------------------------


def test_csv_batch_through_the_command(tmp_path: Path) -> None:
    pages = [PAGES / "upi-peru-landslide.html", PAGES / "empty.html"]
    missing = tmp_path / "missing.html"
    result = run_cli("--format", "csv", "--error-records", *map(str, pages), str(missing))
    assert result.returncode == 1
    rows = list(csv.reader(io.StringIO(result.stdout.decode("utf-8"), newline="")))
    assert rows[0] == list(CSV_COLUMNS)
    assert [row[0] for row in rows[1:]] == [*map(str, pages), str(missing)]
    assert all(len(row) == len(CSV_COLUMNS) for row in rows)
    upi = dict(zip(CSV_COLUMNS, rows[1], strict=True))
    article = _article(pages[0])
    assert upi["headline"] == article.headline
    assert upi["agency"] == "UPI" and upi["dateline"] == "Feb. 12"
    assert upi["authors"] == "; ".join(article.authors)
    assert upi["published"] == "2025-02-12T09:41:00-05:00"
    assert upi["paragraphs"] == str(len(article.paragraphs))
    assert upi["text"] == article.text and upi["error"] == ""
    failed = dict(zip(CSV_COLUMNS, rows[3], strict=True))
    assert failed["error"] == ErrorKind.READ_ERROR
    assert failed["message"].startswith("cannot read")
    assert failed["headline"] == ""


def test_csv_without_error_records_skips_failures(tmp_path: Path) -> None:
    result = run_cli("--format", "csv", str(PAGES / "empty.html"), str(tmp_path / "none.html"))
    rows = list(csv.reader(io.StringIO(result.stdout.decode("utf-8"), newline="")))
    assert [row[0] for row in rows] == ["source", str(PAGES / "empty.html")]


@pytest.mark.parametrize(("fmt", "kind"), [("markdown", "md"), ("html", "html")])
def test_one_page_prints_the_golden_document(fmt: str, kind: str) -> None:
    page = PAGES / "upi-peru-landslide.html"
    result = run_cli("--format", fmt, str(page))
    assert result.returncode == 0
    golden = (GOLDEN[kind] / f"{page.stem}.{kind}").read_text(encoding="utf-8")
    assert result.stdout.decode("utf-8") == golden


@pytest.mark.parametrize(("fmt", "kind"), [("markdown", "md"), ("html", "html")])
def test_several_pages_are_headed_by_their_source(fmt: str, kind: str) -> None:
    pages = [PAGES / "upi-peru-landslide.html", PAGES / "fr-lyon-arbres-ecoles.html"]
    result = run_cli("--format", fmt, *map(str, pages))
    assert result.returncode == 0
    goldens = [(GOLDEN[kind] / f"{p.stem}.{kind}").read_text(encoding="utf-8") for p in pages]
    want = f"==> {pages[0]} <==\n{goldens[0]}\n==> {pages[1]} <==\n{goldens[1]}"
    assert result.stdout.decode("utf-8") == want


def test_output_folder_gets_documents(tmp_path: Path) -> None:
    page = PAGES / "upi-peru-landslide.html"
    result = run_cli("--format", "markdown", "--output", str(tmp_path), str(page))
    assert result.returncode == 0
    written = (tmp_path / "upi-peru-landslide.md").read_text(encoding="utf-8")
    assert written == (GOLDEN["md"] / "upi-peru-landslide.md").read_text(encoding="utf-8")


def test_csv_refuses_output_folder(tmp_path: Path) -> None:
    result = run_cli("--format", "csv", "--output", str(tmp_path), str(PAGES / "empty.html"))
    assert result.returncode == 2
    assert b"--format csv" in result.stderr


def _update() -> None:
    for page in _pages():
        article = _article(page)
        for kind, folder in GOLDEN.items():
            folder.mkdir(exist_ok=True)
            (folder / f"{page.stem}.{kind}").write_text(_render(article, kind), encoding="utf-8")


if __name__ == "__main__" and sys.argv[1:] == ["--update"]:
    _update()
