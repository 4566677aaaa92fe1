"""The `newsextract` command, run as `python -m newsextract` in a subprocess."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
from pathlib import Path

from tests._cli import json_lines, run_cli

ROOT = Path(__file__).resolve().parents[1]


def _page(headline: str, *sentences: str) -> str:
    body = "".join(f"<p>{s}</p>" for s in sentences)
    return f"<html><body><article><h1>{headline}</h1>{body}</article></body></html>"


FERRY = _page(
    "Ferry terminal approved",
    "The council approved the new ferry terminal on Tuesday, after a long debate.",
    "Construction starts in May, and the terminal opens in 2026, officials said.",
)
PIER = _page(
    "Old pier closes",
    "The old pier closed on Monday after the storm damaged its pilings, engineers said.",
)
BRIDGE_TEXT = (
    "Bridge reopens after repairs\n\n"
    "The bridge reopened on Monday after a month of repairs, the city said.\n"
)
RELATED_PAGE = (
    "<html><body><article><h1>Ferry terminal approved</h1>"
    "<p>The council approved the new ferry terminal on Tuesday, after a long debate.</p>"
    '<div class="related-stories"><a href="/news/2024/02/10/old-pier-closes">'
    "Old pier closes after storm damage</a></div></article></body></html>"
)


def _write(directory: Path, name: str, text: str) -> Path:
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


def _stderr_lines(result: subprocess.CompletedProcess[bytes]) -> list[str]:
    return [line for line in result.stderr.decode("utf-8").splitlines() if line.strip()]


def test_one_file_gives_one_json_object(tmp_path: Path) -> None:
    path = _write(tmp_path, "ferry.html", FERRY)
    result = run_cli(str(path))
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
    record = json.loads(result.stdout)
    assert isinstance(record, dict)
    assert record["headline"] == "Ferry terminal approved"
    assert record["paragraphs"] == [
        "The council approved the new ferry terminal on Tuesday, after a long debate.",
        "Construction starts in May, and the terminal opens in 2026, officials said.",
    ]
    assert record["url"] is None


def test_several_files_give_json_lines_in_input_order(tmp_path: Path) -> None:
    paths = [
        _write(tmp_path, "b-pier.html", PIER),
        _write(tmp_path, "a-ferry.html", FERRY),
        _write(tmp_path, "c-bridge.txt", BRIDGE_TEXT),
    ]
    result = run_cli(*map(str, paths))
    assert result.returncode == 0, result.stderr
    records = json_lines(result)
    assert [r["headline"] for r in records] == [
        "Old pier closes",
        "Ferry terminal approved",
        "Bridge reopens after repairs",
    ]


def test_dash_reads_stdin() -> None:
    result = run_cli("-", stdin=FERRY.encode("utf-8"))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["headline"] == "Ferry terminal approved"


def test_stdin_bytes_are_decoded_like_files() -> None:
    page = (
        '<html><head><meta charset="windows-1252"></head><body><article><h1>Café reopens</h1>'
        "<p>The café on the quay reopened on Monday, its owner said, with new chairs.</p>"
        "</article></body></html>"
    )
    result = run_cli("-", stdin=page.encode("cp1252"))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["headline"] == "Café reopens"


def test_url_sets_the_base(tmp_path: Path) -> None:
    path = _write(tmp_path, "ferry.html", RELATED_PAGE)
    url = "https://gazette.example/news/2024/03/05/ferry-terminal"
    result = run_cli("--url", url, str(path))
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["url"] == url
    assert record["related"] == [
        {
            "text": "Old pier closes after storm damage",
            "url": "https://gazette.example/news/2024/02/10/old-pier-closes",
        }
    ]


def test_url_with_stdin() -> None:
    url = "https://gazette.example/news/2024/03/05/ferry-terminal"
    result = run_cli("-", "--url", url, stdin=RELATED_PAGE.encode())
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["related"][0]["url"].startswith("https://gazette.example/")


def test_format_text(tmp_path: Path) -> None:
    path = _write(tmp_path, "ferry.html", FERRY)
    result = run_cli("--format", "text", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode("utf-8") == (
        "Ferry terminal approved\n\n"
        "The council approved the new ferry terminal on Tuesday, after a long debate.\n\n"
        "Construction starts in May, and the terminal opens in 2026, officials said.\n"
    )


def test_format_jsonl_for_one_input(tmp_path: Path) -> None:
    path = _write(tmp_path, "ferry.html", FERRY)
    result = run_cli("--format", "jsonl", str(path))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.decode("utf-8").splitlines()
    assert len(lines) == 1
    assert json.loads(lines[0])["headline"] == "Ferry terminal approved"


def test_output_dir_writes_one_json_per_input_and_no_temp_files(tmp_path: Path) -> None:
    ferry = _write(tmp_path, "ferry.html", FERRY)
    bridge = _write(tmp_path, "bridge.txt", BRIDGE_TEXT)
    out = tmp_path / "out" / "nested"
    result = run_cli("--output", str(out), str(ferry), str(bridge))
    assert result.returncode == 0, result.stderr
    assert result.stdout == b""
    assert sorted(p.name for p in out.iterdir()) == ["bridge.json", "ferry.json"]
    assert json.loads((out / "ferry.json").read_text("utf-8"))["headline"] == (
        "Ferry terminal approved"
    )
    assert json.loads((out / "bridge.json").read_text("utf-8"))["headline"] == (
        "Bridge reopens after repairs"
    )


def test_output_dir_names_stdin_and_gzip_inputs(tmp_path: Path) -> None:
    gz = tmp_path / "pier.html.gz"
    gz.write_bytes(gzip.compress(PIER.encode("utf-8")))
    out = tmp_path / "out"
    result = run_cli("--output", str(out), "-", str(gz), stdin=FERRY.encode())
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["pier.json", "stdin.json"]


def test_output_files_have_normal_permissions(tmp_path: Path) -> None:
    path = _write(tmp_path, "ferry.html", FERRY)
    out = tmp_path / "out"
    result = run_cli("--output", str(out), str(path))
    assert result.returncode == 0, result.stderr
    umask = os.umask(0)
    os.umask(umask)
    assert (out / "ferry.json").stat().st_mode & 0o777 == 0o666 & ~umask


def test_output_keeps_one_file_per_input_with_same_names(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = _write(tmp_path / "a", "story.html", FERRY)
    second = _write(tmp_path / "b", "story.html", PIER)
    out = tmp_path / "out"
    result = run_cli("--output", str(out), str(first), str(second))
    headlines = sorted(json.loads(p.read_text("utf-8"))["headline"] for p in out.iterdir())
    assert headlines == ["Ferry terminal approved", "Old pier closes"] or result.returncode != 0


def test_missing_file_is_named_and_others_still_converted(tmp_path: Path) -> None:
    ferry = _write(tmp_path, "ferry.html", FERRY)
    pier = _write(tmp_path, "pier.html", PIER)
    missing = tmp_path / "no-such-page.html"
    result = run_cli(str(ferry), str(missing), str(pier))
    assert result.returncode == 1
    errors = _stderr_lines(result)
    assert len(errors) == 1
    assert str(missing) in errors[0]
    assert [r["headline"] for r in json_lines(result)] == [
        "Ferry terminal approved",
        "Old pier closes",
    ]


def test_bad_inputs_each_get_one_stderr_line(tmp_path: Path) -> None:
    empty = _write(tmp_path, "empty.html", "  \n")
    png = tmp_path / "photo.html"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    ferry = _write(tmp_path, "ferry.html", FERRY)
    result = run_cli(str(empty), str(png), str(ferry))
    assert result.returncode == 1
    errors = _stderr_lines(result)
    assert len(errors) == 2
    assert str(empty) in errors[0]
    assert str(png) in errors[1] and "PNG" in errors[1]
    assert [r["headline"] for r in json_lines(result)] == ["Ferry terminal approved"]


def test_gzip_input_works(tmp_path: Path) -> None:
    gz = tmp_path / "ferry.html.gz"
    gz.write_bytes(gzip.compress(FERRY.encode("utf-8")))
    result = run_cli(str(gz))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["headline"] == "Ferry terminal approved"


def test_gzip_on_stdin_works() -> None:
    result = run_cli("-", stdin=gzip.compress(FERRY.encode("utf-8")))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["headline"] == "Ferry terminal approved"


def test_corrupt_gzip_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "broken.html.gz"
    bad.write_bytes(gzip.compress(FERRY.encode("utf-8"))[:20])
    result = run_cli(str(bad))
    assert result.returncode == 1
    errors = _stderr_lines(result)
    assert len(errors) == 1
    assert str(bad) in errors[0]
    assert result.stdout == b""


def test_help_exits_zero_and_shows_an_example() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    text = result.stdout.decode("utf-8")
    assert "usage: newsextract" in text
    assert "example" in text.lower()
    assert "newsextract page.html" in text


def test_url_with_two_inputs_is_a_usage_error(tmp_path: Path) -> None:
    ferry = _write(tmp_path, "ferry.html", FERRY)
    pier = _write(tmp_path, "pier.html", PIER)
    result = run_cli("--url", "https://gazette.example/a", str(ferry), str(pier))
    assert result.returncode == 2
    assert result.stdout == b""
    assert b"--url" in result.stderr


def test_no_inputs_is_a_usage_error() -> None:
    result = run_cli()
    assert result.returncode == 2
    assert b"usage:" in result.stderr


def test_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    ferry = _write(tmp_path, "ferry.html", FERRY)
    result = run_cli("--format", "xml", str(ferry))
    assert result.returncode == 2
