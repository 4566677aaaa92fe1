"""`extract()` on a BeautifulSoup document or element: the same record as its markup."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from newsextract import extract
from newsextract.pipeline.decode import decode

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted((ROOT / "fixtures" / "pages").glob("*.html"))


def _url(page: Path) -> str | None:
    expected = ROOT / "fixtures" / "expected" / f"{page.stem}.json"
    url: str | None = json.loads(expected.read_text(encoding="utf-8")).get("_url")
    return url


@pytest.mark.parametrize("parser", ["html.parser", "lxml"])
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_soup_gives_the_record_of_its_page(page: Path, parser: str) -> None:
    # The soup is built from the page's text as newsextract decodes it: a soup built from the
    # bytes decodes them itself (bs4 reads the mixed-encoding fixture as Windows-1252).
    raw = page.read_bytes()
    url = _url(page)
    soup = BeautifulSoup(decode(raw).text, parser)
    from_soup = extract(soup, url=url)
    assert from_soup == extract(str(soup), url=url)
    assert from_soup == extract(raw, url=url)


def test_tag_gives_the_record_of_its_markup() -> None:
    page = (ROOT / "fixtures" / "pages" / "upi-peru-landslide.html").read_bytes()
    tag = BeautifulSoup(page, "lxml").find("article")
    assert tag is not None
    article = extract(tag)
    assert article == extract(str(tag))
    assert len(article.paragraphs) >= 3


def test_element_the_html_markers_do_not_name_is_still_html() -> None:
    # A lone <blockquote> does not look like a page to the text/HTML sniffing, but a Tag is
    # markup by construction: its tags must not come out as text.
    text = "The harbour board voted on Tuesday to keep the old ferry pier open for two years."
    tag = BeautifulSoup(f"<blockquote><em>{text}</em></blockquote>", "html.parser").blockquote
    assert tag is not None
    assert extract(tag).paragraphs == (text,)
