"""The hand-labelled fixtures: `fixtures/pages/<name>.*` against `fixtures/expected/<name>.json`.

Each expected file holds only the fields its author meant to check, as a careful human reader
would fill them in (see fixtures/README.md). Keys starting with `_` are instructions, not fields:
`_url` is the URL passed to `extract()` (None when absent), `_note` explains the judgement calls.

One test per (page, field), so a failure names both. Datetimes are compared as ISO 8601 strings
(the expected string is normalised through `datetime.fromisoformat`, so `Z` and `+00:00` are the
same). `captions` and `related` are compared as lists of dicts, each actual entry reduced to the
keys its expected entry names.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "fixtures" / "pages"
EXPECTED = ROOT / "fixtures" / "expected"

DATETIME_FIELDS = frozenset({"published", "modified"})
STRING_LIST_FIELDS = frozenset({"authors", "paragraphs", "tags"})
BOOL_FIELDS = frozenset({"confident"})
# The JSON form of the entries, as `Article.to_dict()` writes them.
ENTRY_KEYS = {"captions": ("text", "credit", "image_url"), "related": ("text", "url")}


def _pages() -> list[Path]:
    if not PAGES.is_dir():
        return []
    return sorted(p for p in PAGES.iterdir() if p.is_file() and not p.name.startswith("."))


def _expected_files() -> list[Path]:
    if not EXPECTED.is_dir():
        return []
    return sorted(EXPECTED.glob("*.json"))


def _expected_for(page: Path) -> Path:
    return EXPECTED / f"{page.stem}.json"


def _load_expected(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise TypeError(f"{path.name}: the top level must be a JSON object")
    return data


def _field_cases() -> list[Any]:
    cases = []
    for page in _pages():
        expected_path = _expected_for(page)
        if not expected_path.exists():
            continue  # reported by test_every_page_has_expectations
        try:
            fields = [k for k in _load_expected(expected_path) if not k.startswith("_")]
        except (ValueError, TypeError):
            fields = ["<invalid expected JSON>"]  # reported by test_expected_file_is_valid
        for f in fields:
            cases.append(pytest.param(page.name, f, id=f"{page.stem}:{f}"))
    return cases


@functools.cache
def _extract(page_name: str) -> dict[str, Any] | Exception:
    """The extractor's record for one page as a dict, or the exception it raised (cached)."""
    import newsextract

    page = PAGES / page_name
    expected = _load_expected(_expected_for(page))
    try:
        article = newsextract.extract(page.read_bytes(), url=expected.get("_url"))
    except Exception as exc:
        return exc
    return article.to_dict()


def _iso(value: Any) -> Any:
    if isinstance(value, str):
        return datetime.fromisoformat(value).isoformat()
    return value


def _project(actual: list[dict[str, Any]], expected: list[dict[str, Any]], field: str) -> list:
    """Each actual entry reduced to the keys of the expected entry at the same position."""
    projected = []
    for i, entry in enumerate(actual):
        keys = expected[i].keys() if i < len(expected) else ENTRY_KEYS[field]
        projected.append({k: entry.get(k) for k in keys})
    return projected


def _list_diff(actual: list[Any], expected: list[Any]) -> str:
    missing = [x for x in expected if x not in actual]
    extra = [x for x in actual if x not in expected]
    lines = [f"expected {len(expected)} items, got {len(actual)}"]
    lines += [f"  missing: {x!r}" for x in missing]
    lines += [f"  unexpected: {x!r}" for x in extra]
    if not missing and not extra:
        lines.append("  same items, different order or multiplicity")
    return "\n".join(lines)


@pytest.mark.parametrize(("page_name", "field"), _field_cases())
def test_fixture_field(page_name: str, field: str) -> None:
    page = PAGES / page_name
    expected_all = _load_expected(_expected_for(page))
    want = expected_all[field]
    result = _extract(page_name)
    if isinstance(result, Exception):
        pytest.fail(f"{page_name}: extract() raised {type(result).__name__}: {result}")
    assert field in result, f"{page_name}: the record has no field {field!r}"
    got = result[field]

    if field in DATETIME_FIELDS:
        assert _iso(got) == _iso(want), f"{page_name}: {field}"
    elif field in ENTRY_KEYS:
        got_entries = _project(list(got), want, field)
        assert got_entries == want, f"{page_name}: {field}\n{_list_diff(got_entries, want)}"
    elif field in STRING_LIST_FIELDS:
        got_list = list(got)
        assert got_list == want, f"{page_name}: {field}\n{_list_diff(got_list, want)}"
    else:
        assert got == want, f"{page_name}: {field}"


@pytest.mark.parametrize("page", _pages(), ids=lambda p: p.name)
def test_every_page_has_expectations(page: Path) -> None:
    assert _expected_for(page).exists(), f"{page.name} has no fixtures/expected/{page.stem}.json"


@pytest.mark.parametrize("path", _expected_files(), ids=lambda p: p.name)
def test_expected_file_is_valid(path: Path) -> None:
    """Every expected file parses, belongs to one page and names only known Article fields."""
    import newsextract

    known = {f.name for f in dataclasses.fields(newsextract.Article)}
    data = _load_expected(path)

    pages = [p for p in _pages() if p.stem == path.stem]
    assert len(pages) == 1, f"{path.name}: expected exactly one page named {path.stem}.*"

    unknown = sorted(k for k in data if not k.startswith("_") and k not in known)
    assert not unknown, f"{path.name}: not Article fields: {unknown}"
    assert [k for k in data if not k.startswith("_")], f"{path.name}: checks no field"

    url = data.get("_url")
    assert url is None or (isinstance(url, str) and re.match(r"https?://", url)), "_url"

    for name, value in data.items():
        if name.startswith("_"):
            continue
        if name in DATETIME_FIELDS:
            assert value is None or isinstance(datetime.fromisoformat(value), datetime), name
        elif name in STRING_LIST_FIELDS:
            assert isinstance(value, list), name
            assert all(isinstance(x, str) and x == " ".join(x.split()) and x for x in value), name
        elif name in ENTRY_KEYS:
            assert isinstance(value, list), name
            for entry in value:
                assert isinstance(entry, dict) and "text" in entry, f"{name}: {entry!r}"
                assert set(entry) <= set(ENTRY_KEYS[name]), f"{name}: {entry!r}"
                assert all(v is None or isinstance(v, str) for v in entry.values()), name
        elif name in BOOL_FIELDS:
            assert isinstance(value, bool), name
        else:
            assert value is None or isinstance(value, str), name


def _page_text(page: Path) -> str:
    """The page's visible and meta text, whitespace collapsed (for checking the expectations)."""
    raw = page.read_bytes()
    if page.suffix == ".txt":
        text = raw.decode("utf-8")
    else:
        import lxml.html
        from bs4 import UnicodeDammit

        markup = UnicodeDammit(raw, is_html=True).unicode_markup
        if b'<meta charset="utf-8">' in raw[:1024] and markup != raw.decode("utf-8", "replace"):
            markup = _pasted_windows_1252(raw)
        tree = lxml.html.document_fromstring(markup)
        attrs = [v for el in tree.iter() if isinstance(el.tag, str) for v in el.attrib.values()]
        text = tree.text_content() + " " + " ".join(attrs)
    # A soft hyphen (&shy;) is not printed (it marks where a word may break): not compared.
    return " ".join(text.replace("\u00ad", "").split())


def _pasted_windows_1252(raw: bytes) -> str:
    """A UTF-8 page with Windows-1252 text pasted into it, read independently of the library:
    every run of bytes that is not UTF-8 read as Windows-1252."""
    text = raw.decode("utf-8", "surrogateescape")
    return re.sub(
        "[\udc80-\udcff]+",
        lambda m: m.group().encode("utf-8", "surrogateescape").decode("cp1252"),
        text,
    )


@pytest.mark.parametrize("path", _expected_files(), ids=lambda p: p.name)
def test_expected_text_is_on_the_page(path: Path) -> None:
    """A guard on the fixtures themselves: what they expect verbatim is printed on the page."""
    pages = [p for p in _pages() if p.stem == path.stem]
    if len(pages) != 1:
        pytest.skip("reported by test_expected_file_is_valid")
    text = _page_text(pages[0])
    folded = text.casefold()
    data = _load_expected(path)
    wanted = [data.get("headline"), *data.get("paragraphs", [])]
    for entry in data.get("captions", []) + data.get("related", []):
        wanted += [entry.get("text"), entry.get("credit")]
    for s in wanted:
        if s:
            assert s in text, f"{path.name}: not on the page: {s!r}"
    for name in data.get("authors", []):
        assert name.casefold() in folded, f"{path.name}: author not on the page: {name!r}"
