"""The accuracy benchmark's plumbing without the data sets: decoding, halves, the peer cache,
and the per-set newsextract adapter."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import _peers
from benchmarks._cache import PeerCache
from benchmarks._data import SOURCES, Page, decode_page, source_for, split_of


def test_decode_page_reads_bom_utf8_declared_and_undeclared_legacy_bytes() -> None:
    assert decode_page("\ufeffé".encode("utf-8")) == "é"
    assert decode_page("é".encode()) == "é"
    declared = b'<meta charset="windows-1251"><p>' + "Привет".encode("cp1251")
    assert decode_page(declared).endswith("Привет")
    latin = b'<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">\x93q\x94'
    assert decode_page(latin).endswith("\u201cq\u201d")  # Latin-1 read as windows-1252
    assert decode_page(b"<p>caf\xe9</p>") == "<p>café</p>"


def test_pages_without_url_split_by_id_and_sites_stay_together() -> None:
    assert split_of("https://www.example.com/a") == split_of("https://example.com/b", "x")
    assert {split_of(None, str(i)) for i in range(20)} == {"A", "B"}


def test_source_for_a_directory_keeps_the_known_conventions(tmp_path: Path) -> None:
    assert source_for(tmp_path / "fundus").gold_has_standfirst
    assert source_for(tmp_path / "fundus").dir == tmp_path / "fundus"
    assert not source_for(tmp_path / "other").gold_has_standfirst


def _page(html: bytes, source: str = "zyte") -> Page:
    return Page(id="p1", url=None, html=html, truth="", source=SOURCES[source])


def test_peer_cache_round_trip_and_changed_page_misses(tmp_path: Path) -> None:
    cache = PeerCache("goose3", tmp_path)
    cache.put(_page(b"<p>a</p>"), "text", None, 0.25)
    cache.save()
    again = PeerCache("goose3", tmp_path)
    hit = again.get(_page(b"<p>a</p>"))
    assert hit is not None and (hit.text, hit.error, hit.seconds) == ("text", None, 0.25)
    assert again.get(_page(b"<p>changed</p>")) is None
    assert again.get(_page(b"<p>a</p>", "fundus")) is None


def test_newsextract_is_never_cached(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        PeerCache("newsextract", tmp_path)


class _Article:
    text = "Body."
    standfirst: str | None = "The dek."


def test_standfirst_goes_in_front_only_where_the_gold_has_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_peers, "_newsextract_extract", lambda: lambda html, url: _Article())
    fundus = _peers.extractor_for("newsextract", SOURCES["fundus"])
    zyte = _peers.extractor_for("newsextract", SOURCES["zyte"])
    assert fundus(b"", None) == "The dek.\n\nBody."
    assert zyte(b"", None) == "Body."
    monkeypatch.setattr(_Article, "standfirst", None)
    assert fundus(b"", None) == "Body."


def test_a_missing_optional_module_is_not_cached(tmp_path: Path) -> None:
    cache = PeerCache("newspaper4k", tmp_path)
    cache.put(_page(b"<p>ko</p>"), "", "ImportError: nltk is required", 0.01)
    assert cache.get(_page(b"<p>ko</p>")) is None
