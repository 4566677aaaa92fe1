"""WARC input: `newsextract.warc.extract_warc`, the reader in `_warc`, and the CLI on WARCs.

Every WARC here is written by the test with warcio's writer: HTML responses, a non-HTML
response, a request record, a 404, a windows-1251 page whose charset only the HTTP header
gives right, a chunked and gzip-encoded body, and files cut short.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import subprocess
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastwarc")
pytest.importorskip("warcio")

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsextract import extract
from newsextract.io.warc_reader import (
    WarcFailure,
    WarcPage,
    iter_pages,
    starts_like_warc,
    undo_http_encodings,
)
from newsextract.warc import extract_warc
from tests._cli import SRC, json_lines, run_cli

RUSSIAN = (
    "Правительство объявило сегодня о новых мерах поддержки для жителей северных районов."
    " Министр сказал журналистам, что программа начнёт работать уже в следующем месяце."
)


def _page(headline: str, sentence: str, head: str = "") -> str:
    return (
        f"<html><head>{head}</head><body><article><h1>{headline}</h1><p>{sentence}</p>"
        f"<p>{sentence} Officials said more details would follow next week.</p>"
        "</article></body></html>"
    )


@dataclass(frozen=True)
class Response:
    """One record to write: a response (or a request) with its HTTP head and body."""

    uri: str
    body: bytes
    content_type: str | None = "text/html; charset=utf-8"
    status: str = "200 OK"
    extra_headers: tuple[tuple[str, str], ...] = ()
    kind: str = "response"


FERRY = Response(
    "https://gazette.example/news/ferry",
    _page("Ferry terminal approved", "The council approved the new ferry terminal.").encode(),
)
PIER = Response(
    "https://gazette.example/news/pier",
    _page("Old pier closes", "The old pier closed on Monday after the storm.").encode(),
)
PHOTO = Response(
    "https://gazette.example/img/pier.png",
    b"\x89PNG\r\n\x1a\n" + bytes(200),
    content_type="image/png",
)
REQUEST = Response("https://gazette.example/news/pier", b"", kind="request")
MISSING = Response(
    "https://gazette.example/news/gone",
    _page("Not found", "No such page.").encode(),
    status="404 Not Found",
)
# The page's own declaration is a CMS default that is wrong; the HTTP header is right, and a
# browser (like newsextract) believes the header.
CYRILLIC = Response(
    "https://gazette.example/ru/news",
    _page(
        "Жители получат помощь",
        RUSSIAN,
        '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">',
    ).encode("cp1251"),
    content_type="text/html; charset=windows-1251",
)


def _chunked(body: bytes, size: int = 40) -> bytes:
    pieces = [body[i : i + size] for i in range(0, len(body), size)]
    return b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in pieces) + b"0\r\n\r\n"


ENCODED = Response(
    "https://gazette.example/news/encoded",
    _chunked(gzip.compress(_page("Bridge reopens", "The bridge reopened on Monday.").encode())),
    extra_headers=(("Content-Encoding", "gzip"), ("Transfer-Encoding", "chunked")),
)


def write_warc(path: Path, records: list[Response], *, gzipped: bool) -> Path:
    """Write `records` as a WARC with warcio (one gzip member per record when gzipped)."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gzipped)
        for item in records:
            if item.kind == "request":
                request = b"GET /news/pier HTTP/1.1\r\nHost: gazette.example\r\n\r\n"
                record = writer.create_warc_record(item.uri, "request", payload=io.BytesIO(request))
            else:
                headers = [("Content-Type", item.content_type)] if item.content_type else []
                http = StatusAndHeaders(
                    item.status, headers + list(item.extra_headers), protocol="HTTP/1.1"
                )
                record = writer.create_warc_record(
                    item.uri, "response", payload=io.BytesIO(item.body), http_headers=http
                )
            writer.write_record(record)
    return path


ALL = [FERRY, PHOTO, REQUEST, PIER, MISSING, CYRILLIC, ENCODED]
PAGES = [FERRY, PIER, CYRILLIC, ENCODED]  # What extraction sees: 2xx HTML responses.


@pytest.fixture(params=[True, False], ids=["gzip", "plain"])
def crawl(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    gzipped: bool = request.param
    name = "crawl.warc.gz" if gzipped else "crawl.warc"
    return write_warc(tmp_path / name, ALL, gzipped=gzipped)


# --- extract_warc ------------------------------------------------------------------------------


def test_one_record_per_html_response_in_file_order(crawl: Path) -> None:
    records = list(extract_warc(crawl))
    assert [r.warc.target_uri for r in records if r.warc] == [p.uri for p in PAGES]
    assert all(r.ok for r in records), [r.message for r in records]
    assert [r.article.headline for r in records if r.article] == [
        "Ferry terminal approved",
        "Old pier closes",
        "Жители получат помощь",
        "Bridge reopens",
    ]


def test_records_carry_the_warc_fields_and_the_target_uri_as_url(crawl: Path) -> None:
    first = next(extract_warc(crawl))
    assert first.source == str(crawl)
    assert first.warc is not None and first.article is not None
    assert first.warc.record_id is not None and first.warc.record_id.startswith("<urn:uuid:")
    assert first.warc.date is not None and first.warc.date.endswith("Z")
    assert first.article.url == FERRY.uri
    record = first.to_dict()
    assert list(record)[:4] == ["source", "warc_target_uri", "warc_record_id", "warc_date"]
    assert {k: record[k] for k in list(record)[4:]} == first.article.to_dict()


def test_http_charset_outranks_the_pages_wrong_declaration(crawl: Path) -> None:
    cyrillic = [r for r in extract_warc(crawl) if r.warc and r.warc.target_uri == CYRILLIC.uri]
    assert cyrillic[0].article is not None
    assert cyrillic[0].article.headline == "Жители получат помощь"
    assert cyrillic[0].article.paragraphs[0] == RUSSIAN
    # Without the header the page's own (wrong) declaration wins: the header made the
    # difference.
    assert extract(CYRILLIC.body).headline != "Жители получат помощь"


def test_a_file_object_and_parallel_jobs_give_the_same_records(crawl: Path) -> None:
    expected = [r.to_dict() for r in extract_warc(crawl)]
    with crawl.open("rb") as handle:
        assert [r.to_dict() for r in extract_warc(handle, name=str(crawl))] == expected
    assert [r.to_dict() for r in extract_warc(crawl, jobs=2)] == expected


@pytest.mark.parametrize("gzipped", [True, False], ids=["gzip", "plain"])
def test_truncated_file_ends_with_an_error_record(tmp_path: Path, gzipped: bool) -> None:
    path = write_warc(tmp_path / "cut.warc", [FERRY, PIER], gzipped=gzipped)
    path.write_bytes(path.read_bytes()[:-60])
    records = list(extract_warc(path))
    assert [r.ok for r in records] == [True, False]
    assert records[1].error == "WarcError"
    assert records[1].message is not None and records[1].message.startswith("truncated record")
    assert records[1].warc is not None and records[1].warc.target_uri == PIER.uri


def test_a_file_cut_inside_a_record_head_is_reported(tmp_path: Path) -> None:
    whole = write_warc(tmp_path / "whole.warc", [FERRY, PIER], gzipped=False).read_bytes()
    second = whole.index(b"WARC/1.", 10)
    for cut in (second + 20, second + 120, second + 400):
        pages = list(iter_pages(io.BytesIO(whole[:cut])))
        assert isinstance(pages[0], WarcPage)
        assert isinstance(pages[-1], WarcFailure) and pages[-1].kind == "WarcError", cut


def test_not_a_warc(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_text("<html><body>not a crawl</body></html>")
    records = list(extract_warc(path))
    assert len(records) == 1 and records[0].error == "WarcError"
    assert "not a WARC" in (records[0].message or "")


def test_non_seekable_stream_is_read(crawl: Path) -> None:
    class Pipe(io.RawIOBase):
        def __init__(self, data: bytes) -> None:
            self._data = io.BytesIO(data)

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: Any) -> int:
            chunk = self._data.read(len(buffer))
            buffer[: len(chunk)] = chunk
            return len(chunk)

    records = list(extract_warc(Pipe(crawl.read_bytes()), name="pipe"))  # type: ignore[arg-type]
    assert len(records) == len(PAGES) and all(r.source == "pipe" for r in records)


# --- the reader's pieces -----------------------------------------------------------------------


def test_warc_magic_is_seen_through_gzip() -> None:
    assert starts_like_warc(b"WARC/1.1\r\nWARC-Type: warcinfo")
    assert starts_like_warc(gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n"))
    assert not starts_like_warc(gzip.compress(b"<html>"))
    assert not starts_like_warc(b"\x1f\x8b garbage")


def test_http_encodings_are_undone() -> None:
    body = b"<html><body><p>Hello</p></body></html>"
    assert undo_http_encodings(_chunked(body, 7), "chunked", None) == body
    assert undo_http_encodings(gzip.compress(body), None, "gzip") == body
    assert undo_http_encodings(zlib.compress(body), None, "deflate") == body
    raw_deflate = zlib.compressobj(wbits=-15)
    raw = raw_deflate.compress(body) + raw_deflate.flush()
    assert undo_http_encodings(raw, None, "deflate") == body
    assert undo_http_encodings(_chunked(gzip.compress(body)), "chunked", "gzip") == body
    # Crawlers that store the decoded body but keep the headers:
    assert undo_http_encodings(body, "chunked", "gzip") == body
    assert undo_http_encodings(body, None, "identity") == body
    with pytest.raises(ValueError, match="unsupported"):
        undo_http_encodings(body, None, "compress")
    with pytest.raises(ValueError):
        undo_http_encodings(gzip.compress(body)[:-12] + b"corrupt!!!!!", None, "gzip")


def test_brotli_body() -> None:
    brotli = pytest.importorskip("brotli")
    body = b"<html><body><p>Hello</p></body></html>"
    assert undo_http_encodings(brotli.compress(body), None, "br") == body
    assert undo_http_encodings(body, None, "br") == body


# --- the command line --------------------------------------------------------------------------


def test_cli_writes_one_json_line_per_page(crawl: Path) -> None:
    result = run_cli(str(crawl))
    assert result.returncode == 0, result.stderr
    records = json_lines(result)
    assert [r["warc_target_uri"] for r in records] == [p.uri for p in PAGES]
    assert records == [r.to_dict() for r in extract_warc(crawl)]
    assert b"4 pages" in result.stderr  # The summary line of a batch.


def test_cli_detects_a_warc_by_its_bytes_and_on_stdin(crawl: Path, tmp_path: Path) -> None:
    odd = tmp_path / "crawl.dat"
    odd.write_bytes(crawl.read_bytes())
    by_name = json_lines(run_cli(str(crawl)))
    strip = [{k: v for k, v in r.items() if k != "source"} for r in by_name]
    assert [
        {k: v for k, v in r.items() if k != "source"} for r in json_lines(run_cli(str(odd)))
    ] == strip
    piped = run_cli("-", stdin=crawl.read_bytes())
    assert piped.returncode == 0, piped.stderr
    assert [r["source"] for r in json_lines(piped)] == ["-"] * len(PAGES)
    assert [{k: v for k, v in r.items() if k != "source"} for r in json_lines(piped)] == strip


def test_cli_reports_a_truncated_record_and_keeps_the_rest(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "cut.warc.gz", [FERRY, PIER], gzipped=True)
    path.write_bytes(path.read_bytes()[:-60])
    page = tmp_path / "after.html"
    page.write_text(_page("After the crawl", "This page comes after the WARC file."))
    result = run_cli("--error-records", str(path), str(page))
    assert result.returncode == 1
    records = json_lines(result)
    assert [r.get("headline") or r.get("error") for r in records] == [
        "Ferry terminal approved",
        "WarcError",
        "After the crawl",
    ]
    assert records[1]["warc_target_uri"] == PIER.uri
    errors = [line for line in result.stderr.decode().splitlines() if "truncated" in line]
    assert errors == [f"newsextract: {path}: {PIER.uri}: " + records[1]["message"]]


def test_cli_url_does_not_apply_to_a_warc(crawl: Path) -> None:
    result = run_cli("--url", "https://gazette.example/", str(crawl))
    assert result.returncode == 2
    assert b"--url" in result.stderr


def test_cli_output_dir_names_warc_pages_by_position(crawl: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli("--output", str(out), str(crawl))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == [f"crawl.00000{n}.json" for n in (1, 2, 3, 4)]
    first = json.loads((out / "crawl.000001.json").read_text("utf-8"))
    assert first["headline"] == "Ferry terminal approved" and "source" not in first


def test_missing_fastwarc_is_a_clear_message(crawl: Path) -> None:
    code = (
        "import sys\n"
        "sys.modules['fastwarc'] = None\n"
        "from newsextract.warc import extract_warc\n"
        "try:\n"
        f"    next(extract_warc({str(crawl)!r}))\n"
        "except ModuleNotFoundError as error:\n"
        "    print(error)\n"
        "from newsextract.cli import main\n"
        f"sys.exit(main(['-j', '1', {str(crawl)!r}]))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, env=env, timeout=120, check=False
    )
    assert result.returncode == 1
    hint = "pip install 'newsextract[warc]'"
    assert hint in result.stdout.decode()
    assert f"newsextract: {crawl}: reading WARC files needs FastWARC: {hint}" in (
        result.stderr.decode()
    )


def _members(data: bytes) -> list[int]:
    """The offset of each gzip member of a gzipped WARC."""
    offsets, position = [], 0
    while position < len(data):
        offsets.append(position)
        inflater = zlib.decompressobj(wbits=31)
        inflater.decompress(data[position:])
        position = len(data) - len(inflater.unused_data)
    return offsets


def _stories(count: int) -> list[Response]:
    return [
        Response(
            f"https://gazette.example/news/{n}",
            _page(f"Harbour story {n}", f"Story {n} says the harbour works went on.").encode(),
        )
        for n in range(count)
    ]


def test_cli_keeps_every_intact_record_around_a_damaged_member(tmp_path: Path) -> None:
    stories = _stories(30)
    data = bytearray(write_warc(tmp_path / "w.warc.gz", stories, gzipped=True).read_bytes())
    members = _members(bytes(data))
    data[members[7] + 30 : members[7] + 60] = bytes(30)  # Inside the 8th member's deflate data.
    data[members[15] : members[15] + 4] = bytes(4)  # The 16th member's gzip header.
    cut = bytes(data[:-60])  # And the last record cut short.
    path = tmp_path / "damaged.warc.gz"
    path.write_bytes(cut)
    result = run_cli("--error-records", "-j", "2", str(path))
    assert result.returncode == 1
    records = json_lines(result)
    good = [r["warc_target_uri"] for r in records if "error" not in r]
    assert good == [s.uri for n, s in enumerate(stories) if n not in {7, 15, 29}]
    errors = [r["message"] for r in records if "error" in r]
    assert errors == [
        f"damaged gzip member at byte {members[7]:,}: skipped to the next record",
        f"damaged gzip member at byte {members[15]:,}: skipped to the next record",
        errors[2],
    ]
    assert errors[2].startswith("truncated record")
    stderr = result.stderr.decode()
    assert sum("damaged gzip member" in line for line in stderr.splitlines()) == 2
    assert "Traceback" not in stderr


def test_a_damaged_first_member_keeps_the_rest(tmp_path: Path) -> None:
    data = bytearray(write_warc(tmp_path / "w.warc.gz", _stories(3), gzipped=True).read_bytes())
    data[30:60] = bytes(30)
    items = list(iter_pages(io.BytesIO(bytes(data))))
    assert isinstance(items[0], WarcFailure) and "at byte 0:" in items[0].message
    assert [i.info.target_uri for i in items[1:] if isinstance(i, WarcPage)] == [
        s.uri for s in _stories(3)[1:]
    ]


def test_a_broken_record_head_in_a_plain_warc_keeps_the_rest(tmp_path: Path) -> None:
    stories = _stories(6)
    data = bytearray(write_warc(tmp_path / "w.warc", stories, gzipped=False).read_bytes())
    third = data.index(b"WARC/1.", data.index(stories[2].uri.encode()) - 400)
    data[third + 40 : third + 200] = b"x" * 160
    items = list(iter_pages(io.BytesIO(bytes(data))))
    pages = [i.info.target_uri for i in items if isinstance(i, WarcPage)]
    failures = [i for i in items if isinstance(i, WarcFailure)]
    assert len(failures) == 1 and failures[0].kind == "WarcError"
    assert len(pages) == 5 and stories[0].uri in pages and stories[5].uri in pages
