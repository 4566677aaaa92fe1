"""The batch command as a user meets it, through the real command in a subprocess: odd
directory entries, bad `--output` places, URLs, empty folders, what the summary counts, and
several pages in the `json` and `text` formats."""

from __future__ import annotations

import json
import os
import socket
import subprocess
from pathlib import Path

import pytest

from newsextract import __version__
from tests._cli import json_lines, run_cli

HANG = 60
"""Seconds after which a run counts as hung: these runs take about one second."""


def _page(headline: str, sentences: int = 2) -> str:
    body = " ".join(f"Sentence {n} of the story about {headline.lower()}." for n in range(6))
    paragraphs = "".join(f"<p>{body}</p>" for _ in range(sentences))
    return f"<html><body><article><h1>{headline}</h1>{paragraphs}</article></body></html>"


# An article page whose body comes out empty: a headline, no paragraph.
EMPTY_BODY = "<html><head><title>Gallery</title></head><body><h1>Gallery</h1></body></html>"


def _stderr(result: subprocess.CompletedProcess[bytes]) -> list[str]:
    return result.stderr.decode("utf-8").splitlines()


def test_a_folder_with_a_fifo_a_socket_and_a_link_loop_does_not_hang(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(_page("Story A"))
    (tmp_path / "z.html").write_text(_page("Story Z"))
    os.mkfifo(tmp_path / "b-pipe.html")
    os.symlink("c-loop.html", tmp_path / "c-loop.html")
    os.symlink(tmp_path / "a.html", tmp_path / "d-link.html")  # A link to a page is a page.
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(tmp_path / "e-socket.html"))
        result = run_cli(str(tmp_path), timeout=HANG)
    finally:
        server.close()
    assert result.returncode == 0, result.stderr
    assert [r["headline"] for r in json_lines(result)] == ["Story A", "Story A", "Story Z"]
    skipped = [line for line in _stderr(result) if "skipped" in line]
    assert skipped == [
        f"newsextract: skipped {tmp_path / 'b-pipe.html'}: a named pipe, not a regular file",
        f"newsextract: skipped {tmp_path / 'c-loop.html'}: cannot be opened"
        " (Too many levels of symbolic links)",
        f"newsextract: skipped {tmp_path / 'e-socket.html'}: a socket, not a regular file",
    ]


@pytest.mark.parametrize("where", ["file", "below a file"])
def test_output_onto_a_file_is_one_line_and_a_failure(tmp_path: Path, where: str) -> None:
    (tmp_path / "a.html").write_text(_page("Story A"))
    taken = tmp_path / "taken.json"
    taken.write_text("{}")
    target = taken if where == "file" else taken / "out"
    result = run_cli("--output", str(target), str(tmp_path / "a.html"), timeout=HANG)
    assert result.returncode == 2
    lines = _stderr(result)
    assert len(lines) == 1 and lines[0].startswith(f"newsextract: --output {target}: ")
    assert taken.read_text() == "{}"


def test_version() -> None:
    result = run_cli("--version", timeout=HANG)
    assert result.returncode == 0
    assert result.stdout.decode().strip() == f"newsextract {__version__}"


def test_an_empty_folder_is_a_warning_and_exit_code_1(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.txt").write_text("not a page by default")
    result = run_cli(str(tmp_path / "empty"), timeout=HANG)
    assert result.returncode == 1
    assert result.stdout == b""
    lines = _stderr(result)
    assert lines[0] == (
        f"newsextract: warning: {tmp_path / 'empty'} holds no file matching *.html *.htm"
        " *.xhtml *.shtml *.html.gz *.htm.gz *.xhtml.gz *.shtml.gz *.warc *.warc.gz"
    )
    assert "done: 0 pages" in lines[-1]


def test_summary_counts_empty_bodies_and_each_error_kind(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(_page("Story A"))
    (tmp_path / "b.html").write_text(EMPTY_BODY)
    (tmp_path / "c.html").write_bytes(b"")
    (tmp_path / "d.html").write_bytes(b"   \n")
    (tmp_path / "e.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))
    result = run_cli(str(tmp_path), timeout=HANG)
    assert result.returncode == 1
    assert _stderr(result)[-1].endswith(
        "), 3 failed (2 EmptyInput, 1 NotHTML), 1 with an empty body"
    )


def test_error_records_mark_an_empty_body(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(_page("Story A"))
    (tmp_path / "b.html").write_text(EMPTY_BODY)
    marked = json_lines(run_cli("--error-records", str(tmp_path), timeout=HANG))
    assert [r.get("empty_body") for r in marked] == [None, True]
    assert marked[1]["paragraphs"] == []
    # Without --error-records the records are exactly as before: keys only added on request.
    plain = json_lines(run_cli(str(tmp_path), timeout=HANG))
    assert "empty_body" not in plain[1]
    assert plain == [{k: v for k, v in r.items() if k != "empty_body"} for r in marked]


def test_format_json_with_several_pages_is_one_array(tmp_path: Path) -> None:
    for name in "abc":
        (tmp_path / f"{name}.html").write_text(_page(f"Story {name.upper()}"))
    result = run_cli("--format", "json", str(tmp_path), timeout=HANG)
    assert result.returncode == 0, result.stderr
    articles = json.loads(result.stdout)
    assert [a["headline"] for a in articles] == ["Story A", "Story B", "Story C"]
    one = run_cli("--format", "json", str(tmp_path / "a.html"), timeout=HANG)
    assert articles[0] == json.loads(one.stdout)  # One page is still one object.


def test_format_json_with_no_page_is_an_empty_array(tmp_path: Path) -> None:
    result = run_cli("--format", "json", str(tmp_path), timeout=HANG)
    assert json.loads(result.stdout) == []


def test_format_text_with_several_pages_heads_each_page(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(_page("Story A", 1))
    (tmp_path / "b.html").write_text(_page("Story B", 1))
    result = run_cli("--format", "text", str(tmp_path / "a.html"), str(tmp_path / "b.html"))
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode()
    body = " ".join(f"Sentence {n} of the story about story a." for n in range(6))
    assert text.startswith(f"==> {tmp_path / 'a.html'} <==\nStory A\n\n{body}\n\n==> ")
    assert text.count("==> ") == 2
    one = run_cli("--format", "text", str(tmp_path / "a.html")).stdout.decode()
    assert "==>" not in one and one.startswith("Story A\n\n")


def test_two_jobs_match_one_job_line_for_line_on_2000_pages(tmp_path: Path) -> None:
    for n in range(2000):
        (tmp_path / f"p{n:04d}.html").write_text(_page(f"Story {n}", 1 + n % 3))
    one = run_cli("-j", "1", "-q", str(tmp_path), timeout=600)
    two = run_cli("-j", "2", "-q", str(tmp_path), timeout=600)
    assert one.returncode == two.returncode == 0, two.stderr
    lines = one.stdout.decode().splitlines()
    assert len(lines) == 2000
    assert two.stdout.decode().splitlines() == lines
