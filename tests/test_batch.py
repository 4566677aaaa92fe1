"""Batches: `_batch`'s per-page functions, its ordered process pool, and the CLI's batch
options (directories, --glob, --from-file, --jobs, --error-records, the summary, Ctrl-C)."""

from __future__ import annotations

import codecs
import gzip
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from newsextract._errors import EmptyInput, ErrorKind, NotHTML
from newsextract.io import batch as _batch
from newsextract.io.batch import (
    FileTask,
    PageTask,
    Record,
    process_bytes,
    process_path,
    run,
    walk,
    wanted,
)
from tests._cli import SRC, json_lines, run_cli


def _page(headline: str, sentences: int = 2) -> str:
    body = "".join(
        f"<p>Paragraph {n} of the story about {headline.lower()}, as the council said.</p>"
        for n in range(sentences)
    )
    return f"<html><body><article><h1>{headline}</h1>{body}</article></body></html>"


def _write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return path


# --- one page ----------------------------------------------------------------------------------


def test_success_record_is_source_then_exactly_the_article(tmp_path: Path) -> None:
    path = _write(tmp_path / "ferry.html", _page("Ferry terminal approved"))
    record = process_path(path)
    assert record.ok and record.article is not None
    assert record.source == str(path)
    as_dict = record.to_dict()
    assert next(iter(as_dict)) == "source"
    assert {k: v for k, v in as_dict.items() if k != "source"} == record.article.to_dict()


def test_error_record_shape(tmp_path: Path) -> None:
    record = process_path(tmp_path / "missing.html")
    assert not record.ok
    assert record.to_dict() == {
        "source": str(tmp_path / "missing.html"),
        "error": "ReadError",
        "message": "cannot read: No such file or directory",
    }
    assert record.describe_failure() == (
        f"{tmp_path / 'missing.html'}: cannot read: No such file or directory"
    )


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b"  \n", "EmptyInput"),
        (b"\x89PNG\r\n\x1a\n" + bytes(64), "NotHTML"),
        (gzip.compress(b"<html><body><p>x</p></body></html>")[:20], "DecompressError"),
    ],
    ids=["empty", "png", "corrupt-gzip"],
)
def test_bad_pages_become_typed_errorjson_lines(tmp_path: Path, content: bytes, error: str) -> None:
    record = process_path(_write(tmp_path / "page.html", content))
    assert (record.ok, record.error) == (False, error)
    assert record.message


def test_gzip_page_and_directory_as_page(tmp_path: Path) -> None:
    gz = _write(tmp_path / "a.html.gz", gzip.compress(_page("Gzip story").encode()))
    assert process_path(gz).article is not None
    assert process_path(gz).article.headline == "Gzip story"  # type: ignore[union-attr]
    assert process_path(tmp_path).error == "ReadError"


def test_a_bug_in_a_stage_is_an_internal_error_record(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(page: Any, url: Any = None) -> Any:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(_batch, "extract", broken)
    record = process_bytes(b"<html><body><p>x</p></body></html>", source="x.html")
    assert record.error == "InternalError"
    assert record.message is not None
    assert record.message.startswith("ZeroDivisionError: boom (at test_batch.py:")


RUSSIAN = "Правительство объявило сегодня о новых мерах поддержки для жителей."


def test_http_charset_outranks_the_page_declaration() -> None:
    page = f'<html><head><meta charset="iso-8859-1"></head><body><h1>{RUSSIAN}</h1></body></html>'
    data = page.encode("cp1251")
    assert process_bytes(data).article.headline != RUSSIAN  # type: ignore[union-attr]
    record = process_bytes(data, charset="windows-1251")
    assert record.article is not None and record.article.headline == RUSSIAN


def test_http_charset_that_does_not_decode_is_ignored() -> None:
    data = f"<html><body><h1>{RUSSIAN}</h1></body></html>".encode()
    for charset in ("ascii", "utf-16", "no-such-charset"):
        record = process_bytes(data, charset=charset)
        assert record.article is not None and record.article.headline == RUSSIAN, charset


def test_http_charset_browsers_do_not_honour_is_ignored() -> None:
    # Python has codecs for these labels (EBCDIC decodes any bytes into other letters), but no
    # browser reads a page with them: the page's own bytes decide, as for an unknown label.
    data = f"<html><body><h1>{RUSSIAN}</h1></body></html>".encode()
    for charset in ("cp037", "utf-7", "rot13", "punycode"):
        record = process_bytes(data, charset=charset)
        assert record.article is not None and record.article.headline == RUSSIAN, charset


def test_byte_order_mark_outranks_http_charset() -> None:
    data = b"\xef\xbb\xbf" + f"<html><body><h1>{RUSSIAN}</h1></body></html>".encode()
    record = process_bytes(data, charset="windows-1251")
    assert record.article is not None and record.article.headline == RUSSIAN


def test_every_byte_order_mark_outranks_http_charset() -> None:
    # The batch reader and the decode stage read one table of marks (`rules.encodings`): a
    # UTF-32 page whose header says windows-1251 is still read as UTF-32.
    page = f"<html><body><h1>{RUSSIAN}</h1></body></html>"
    marks = (
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
    )
    for bom, codec in marks:
        record = process_bytes(bom + page.encode(codec), charset="windows-1251")
        assert record.article is not None and record.article.headline == RUSSIAN, codec


def test_latin1_label_reads_as_windows_1252() -> None:
    data = "<html><body><h1>“Quoted” café</h1></body></html>".encode("cp1252")
    record = process_bytes(data, charset="ISO-8859-1")
    assert record.article is not None and record.article.headline == "“Quoted” café"


def test_text_already_decoded() -> None:
    record = process_bytes(_page("Text story"), source="doc-1")
    assert record.article is not None and record.article.headline == "Text story"


# --- directories -------------------------------------------------------------------------------


def _tree(root: Path) -> None:
    for name in (
        "b.html",
        "a.htm",
        "sub/c.HTML",
        "sub/deeper/d.html.gz",
        "sub/crawl.warc.gz",
        "notes.txt",
        "image.png",
        ".hidden.html",
        ".git/e.html",
    ):
        _write(root / name, _page(name))


def test_walk_sorted_with_default_globs_and_no_hidden_names(tmp_path: Path) -> None:
    _tree(tmp_path)
    found = [os.path.relpath(p, tmp_path) for p in walk(str(tmp_path))]
    assert found == ["a.htm", "b.html", "sub/c.HTML", "sub/crawl.warc.gz", "sub/deeper/d.html.gz"]


def test_custom_globs_replace_the_defaults(tmp_path: Path) -> None:
    _tree(tmp_path)
    found = [os.path.relpath(p, tmp_path) for p in walk(str(tmp_path), ["*.txt", "*.PNG"])]
    assert found == ["image.png", "notes.txt"]


def test_walk_tells_what_it_skips_and_why(tmp_path: Path) -> None:
    _write(tmp_path / "a.html", _page("A"))
    os.mkfifo(tmp_path / "pipe.html")
    os.symlink("nowhere.html", tmp_path / "broken.html")
    skipped: list[tuple[str, str]] = []
    found = walk(str(tmp_path), on_skip=lambda path, why: skipped.append((path, why)))
    assert found == [str(tmp_path / "a.html")]
    assert sorted(skipped) == [
        (str(tmp_path / "broken.html"), "cannot be opened (No such file or directory)"),
        (str(tmp_path / "pipe.html"), "a named pipe, not a regular file"),
    ]


def test_wanted() -> None:
    assert wanted("a/b/story.HTML")
    assert not wanted("a/.cache/story.html")
    assert not wanted("story.json")


# --- the pool ----------------------------------------------------------------------------------


def _pages(tmp_path: Path, count: int) -> list[Path]:
    # Pages of very different sizes, so that workers finish out of order.
    return [
        _write(tmp_path / f"p{n:03d}.html", _page(f"Story {n}", 1 + (n % 5) * 40))
        for n in range(count)
    ]


def test_two_jobs_give_the_same_records_in_the_same_order(tmp_path: Path) -> None:
    paths = _pages(tmp_path, 30)
    tasks: list[_batch.Task] = [FileTask(str(p)) for p in paths]
    tasks.insert(7, FileTask(str(tmp_path / "missing.html")))
    tasks.insert(3, PageTask(b"\x89PNG\r\n\x1a\n" + bytes(64), "png"))
    tasks.append(Record("known", error="WarcError", message="truncated record"))
    one = [r.to_dict() for r in run(tasks, jobs=1)]
    two = [r.to_dict() for r in run(tasks, jobs=2)]
    assert two == one
    assert [r["source"] for r in two] == [
        t.path if isinstance(t, FileTask) else t.source for t in tasks
    ]


def _exit_on_crash_page(path: str, url: str | None = None) -> Record:
    if path.endswith("crash.html"):
        os._exit(3)  # What a segfault in C code looks like from outside.
    return Record(path, error="Fake", message=os.path.basename(path))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="patches forked workers")
def test_a_worker_that_dies_costs_one_error_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Workers are forked, so they inherit the patched function.
    monkeypatch.setattr(_batch, "process_path", _exit_on_crash_page)
    names = [f"p{n}.html" for n in range(20)]
    names[9] = "crash.html"
    records = list(run([FileTask(name) for name in names], jobs=2))
    assert [r.source for r in records] == names
    assert [r.error for r in records].count("WorkerCrashed") == 1
    assert records[9].error == "WorkerCrashed"
    assert all(r.message == r.source for n, r in enumerate(records) if n != 9)


def test_closing_the_iterator_stops_the_workers(tmp_path: Path) -> None:
    paths = _pages(tmp_path, 40)
    records = run([FileTask(str(p)) for p in paths], jobs=2)
    assert next(records).ok
    records.close()
    assert multiprocessing.active_children() == []


# --- the command line --------------------------------------------------------------------------


def _stderr(result: subprocess.CompletedProcess[bytes]) -> list[str]:
    return result.stderr.decode("utf-8").splitlines()


def test_cli_directory_recursively_in_sorted_order(tmp_path: Path) -> None:
    _write(tmp_path / "pages" / "b.html", _page("Story B"))
    _write(tmp_path / "pages" / "a" / "z.html", _page("Story AZ"))
    _write(tmp_path / "pages" / "c.htm.gz", gzip.compress(_page("Story C").encode()))
    _write(tmp_path / "pages" / "notes.txt", "Notes\n\nNot a page we want by default.")
    result = run_cli("pages", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    records = json_lines(result)
    assert [(r["source"], r["headline"]) for r in records] == [
        (os.path.join("pages", "a", "z.html"), "Story AZ"),
        (os.path.join("pages", "b.html"), "Story B"),
        (os.path.join("pages", "c.htm.gz"), "Story C"),
    ]
    summary = _stderr(result)
    assert len(summary) == 1
    assert summary[0].startswith("newsextract: done: 3 pages in ")
    assert summary[0].endswith("), 0 failed, 0 with an empty body")


def test_cli_glob_replaces_the_default_patterns(tmp_path: Path) -> None:
    _write(tmp_path / "b.html", _page("Story B"))
    _write(tmp_path / "notes.txt", "Notes from the meeting\n\nThe council met on Tuesday.\n")
    result = run_cli("--glob", "*.txt", "--glob", "*.md", str(tmp_path))
    assert [r["headline"] for r in json_lines(result)] == ["Notes from the meeting"]


def test_cli_from_file_and_from_stdin(tmp_path: Path) -> None:
    first = _write(tmp_path / "one.html", _page("Story one"))
    second = _write(tmp_path / "two.html", _page("Story two"))
    listing = _write(tmp_path / "list.txt", f"{second}\n\n{first}\r\n")
    from_file = run_cli("--from-file", str(listing))
    assert [r["headline"] for r in json_lines(from_file)] == ["Story two", "Story one"]
    from_stdin = run_cli("--from-file", "-", str(first), stdin=f"{second}\n".encode())
    assert [r["headline"] for r in json_lines(from_stdin)] == ["Story one", "Story two"]


def test_cli_from_file_usage_errors(tmp_path: Path) -> None:
    missing = run_cli("--from-file", str(tmp_path / "no-list.txt"))
    assert missing.returncode == 2 and b"no-list.txt" in missing.stderr
    both = run_cli("--from-file", "-", "-")
    assert both.returncode == 2 and b"stdin" in both.stderr


def test_cli_jobs_do_not_change_the_output(tmp_path: Path) -> None:
    _pages(tmp_path / "pages", 25)
    _write(tmp_path / "pages" / "p007.html", b"")
    one = run_cli("-j", "1", "--error-records", str(tmp_path / "pages"))
    two = run_cli("--jobs", "2", "--error-records", str(tmp_path / "pages"))
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout
    assert len(json_lines(two)) == 25


def test_cli_error_records_go_in_place_and_to_stderr(tmp_path: Path) -> None:
    ferry = _write(tmp_path / "ferry.html", _page("Ferry"))
    png = _write(tmp_path / "photo.html", b"\x89PNG\r\n\x1a\n" + bytes(64))
    missing = tmp_path / "missing.html"
    result = run_cli("--error-records", str(missing), str(ferry), str(png))
    assert result.returncode == 1
    records = json_lines(result)
    assert [r.get("error") for r in records] == ["ReadError", None, "NotHTML"]
    assert records[0] == {
        "source": str(missing),
        "error": "ReadError",
        "message": "cannot read: No such file or directory",
    }
    assert "PNG" in records[2]["message"]
    assert _stderr(result) == [
        f"newsextract: {missing}: cannot read: No such file or directory",
        f"newsextract: {png}: {records[2]['message']}",
    ]


def test_cli_without_error_records_stdout_holds_articles_only(tmp_path: Path) -> None:
    ferry = _write(tmp_path / "ferry.html", _page("Ferry"))
    result = run_cli(str(tmp_path / "missing.html"), str(ferry))
    assert [r["headline"] for r in json_lines(result)] == ["Ferry"]
    assert len(_stderr(result)) == 1  # A few named files: the error, and no summary.


def test_cli_one_page_is_exactly_the_article_and_jsonl_adds_source(tmp_path: Path) -> None:
    ferry = _write(tmp_path / "ferry.html", _page("Ferry"))
    single = json.loads(run_cli(str(ferry)).stdout)
    assert "source" not in single
    assert single == process_path(ferry).article.to_dict()  # type: ignore[union-attr]
    line = json_lines(run_cli("--format", "jsonl", str(ferry)))[0]
    assert line == {"source": str(ferry), **single}


def test_cli_usage_errors(tmp_path: Path) -> None:
    _write(tmp_path / "a.html", _page("A"))
    assert run_cli("--url", "https://example.com/", str(tmp_path)).returncode == 2
    assert run_cli("--jobs", "0", str(tmp_path)).returncode == 2
    assert run_cli("--jobs", "many", str(tmp_path)).returncode == 2


def test_cli_ctrl_c_keeps_finished_records_whole(tmp_path: Path) -> None:
    _pages(tmp_path, 200)
    # The last input is a named pipe nobody writes to: reading it blocks, so the run is
    # certainly still going when the signal comes (else fast pages could all finish first).
    pending = tmp_path / "zz-pending.html"
    os.mkfifo(pending)
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    names = [str(p) for p in sorted(tmp_path.glob("p*.html"))] + [str(pending)]
    process = subprocess.Popen(
        [sys.executable, "-m", "newsextract", "-j", "2", *names],
        bufsize=0,  # Unbuffered: readline() must not take bytes communicate() then misses.
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert process.stdout is not None
    first = process.stdout.readline()
    process.send_signal(signal.SIGINT)
    rest, errors = process.communicate(timeout=120)
    assert process.returncode == 130, errors
    lines = (first + rest).decode("utf-8").splitlines()
    assert 1 <= len(lines) <= 200
    assert [json.loads(line)["source"] for line in lines] == names[: len(lines)]
    count = f"{len(lines)} page{'' if len(lines) == 1 else 's'}"
    assert f"newsextract: interrupted after {count} in ".encode() in errors
    assert b"Traceback" not in errors


def test_error_kinds_are_todays_strings() -> None:
    # The JSON records carry these values: they are kept as they are.
    assert [kind.value for kind in ErrorKind] == [
        "ReadError",
        "DecompressError",
        "EmptyInput",
        "NotHTML",
        "InputTooLarge",
        "ExtractionTimeout",
        "FetchError",
        "WarcError",
        "MissingDependency",
        "WorkerCrashed",
        "InternalError",
    ]
    assert json.dumps(ErrorKind.READ_ERROR) == '"ReadError"'


def test_an_extract_error_maps_to_its_kind() -> None:
    class Odd(NotHTML):
        pass

    assert ErrorKind.of(NotHTML("x")) is ErrorKind.NOT_HTML
    assert ErrorKind.of(Odd("x")) is ErrorKind.NOT_HTML
    assert ErrorKind.of(EmptyInput("x")) is ErrorKind.EMPTY_INPUT


def test_the_warm_up_page_gives_a_full_article() -> None:
    # It must reach the stages most pages reach, or workers compile their patterns again.
    from newsextract import extract
    from newsextract.io.warm_up import WARM_UP_PAGE

    article = extract(WARM_UP_PAGE)
    assert article.headline == "Ferry terminal approved"
    assert article.dateline and article.agency == "Reuters"
    assert article.authors and article.captions and len(article.paragraphs) >= 3


def test_a_slow_first_page_does_not_stall_the_pool() -> None:
    # While one worker is on a slow first page, the other fills the whole window ahead of
    # the output; when the slow page returns, every record is released at once and both
    # workers are idle. The pool must then hand out the rest, not wait for an answer that
    # no busy worker can give (it once waited forever here).
    slow = b"<html><body>" + b"<p>A long page of prose, with commas, to take a while.</p>" * 40_000
    tiny = b"<html><body><p>A short page of prose, long enough to count, with a comma.</p>"
    tasks = [PageTask(slow, "slow")] + [PageTask(tiny, f"t{n}") for n in range(200)]
    result: list[str] = []

    def collect() -> None:
        result.extend(r.source for r in _batch.run(tasks, jobs=2))

    thread = threading.Thread(target=collect, daemon=True)
    thread.start()
    thread.join(timeout=60)
    assert not thread.is_alive(), "the pool stalled"
    assert result == [t.source for t in tasks]


def _made_by(record: Record) -> tuple[str, int, bool]:
    return record.source, os.getpid(), record.ok


def test_finish_runs_where_the_record_is_made() -> None:
    # The CLI writes each record out in the worker, so that the parent receives text: the
    # finishing function must run in the worker processes, once a record, in input order.
    tasks = [PageTask(_page(f"Story {n}").encode(), f"s{n}") for n in range(12)]
    finished = list(run(tasks, 2, _made_by))
    assert [source for source, _, _ in finished] == [t.source for t in tasks]
    assert all(ok for _, _, ok in finished)
    assert os.getpid() not in {pid for _, pid, _ in finished}
    in_process = list(run(tasks[:2], 1, _made_by))
    assert {pid for _, pid, _ in in_process} == {os.getpid()}
