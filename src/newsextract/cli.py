"""The `newsextract` command: HTML pages (or page text, or WARC crawls) in, JSON records out.

One page prints one JSON object, exactly `Article.to_dict()`. Several pages, a directory, a
list of files or a WARC file print JSON Lines in input order, each record `source` first,
then the `warc_*` fields for WARC pages, then the article's fields; the pages are spread over
worker processes on all cores. An input that cannot be read or extracted is reported on
stderr with one line naming it (and, with `--error-records`, as a JSON line in its place);
the other inputs are still converted, and the exit code says that something failed.
`--format json` with several pages prints one JSON array of the articles; `--format text`,
`markdown` and `html` start each page with a `==> SOURCE <==` line, as `head` does with
several files; `--format csv` writes one header row, then one row a page.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import secrets
import signal
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Never, TextIO

from newsextract import Article, NewsextractError, __version__
from newsextract._errors import ErrorKind
from newsextract.io.batch import (
    DEFAULT_GLOBS,
    FileTask,
    PageTask,
    Record,
    Task,
    available_cores,
    gunzip,
    is_warc_input,
    run,
    walk,
    warc_items,
)
from newsextract.io.fetch import FetchOptions, UrlTask, fetch_urls, is_url
from newsextract.io.formats import CSV_COLUMNS, csv_error_row, csv_row
from newsextract.io.warc_reader import open_warc, starts_like_warc
from newsextract.rules.encodings import GZIP_MAGIC

if TYPE_CHECKING:
    from tqdm import tqdm

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
# Batches shorter than this finish before a progress bar or a summary would help.
PROGRESS_MIN_INPUTS = 20

FORMATS = ("json", "jsonl", "text", "markdown", "html", "csv")
# Formats of whole documents: --output writes one file of this suffix per page; any other
# format writes the page's JSON there.
_DOCUMENT_SUFFIXES = {"markdown": ".md", "html": ".html"}
# Formats whose pages are headed `==> SOURCE <==` when there are several.
_HEADED_FORMATS = frozenset({"text", "markdown", "html"})

_GLOBS_TEXT = " ".join(DEFAULT_GLOBS)
_EPILOG = f"""\
examples:
  newsextract page.html                     one page -> one JSON object
  newsextract https://example.com/a         fetch a page (the fetch extra) -> one JSON object
  newsextract --url https://example.com/a page.html
  curl -s https://example.com/a | newsextract - --url https://example.com/a
  newsextract pages/*.html > records.jsonl  several pages -> JSON Lines, in input order
  newsextract pages/ > records.jsonl        a directory, recursively, on all cores
  newsextract --from-file list.txt -j 8     one path per line ('-' reads the list on stdin)
  newsextract crawl.warc.gz > records.jsonl one JSON line per HTML response in the WARC
  newsextract --format text page.html       headline and body as plain text
  newsextract --format markdown page.html   the article as Markdown (html: clean HTML)
  newsextract --format csv pages/ > a.csv   one CSV row a page, a header row first
  newsextract --output out/ pages/*.html    one out/<name>.json per page

Inputs may be gzip-compressed (.gz). A directory contributes, in sorted path order and
skipping hidden names, the files matching --glob, by default:
  {_GLOBS_TEXT}
Entries that are not regular files (named pipes, sockets, link loops) are skipped and named
on stderr. An input that cannot be read or extracted is named on stderr, the rest are still
converted, and the exit code is 1 (130 after Ctrl-C; the records written are whole). A
directory with no matching file is a warning and exit code 1: nothing was converted from it.
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsextract",
        description="Extract the article from news pages as JSON: headline, dateline, agency,"
        " authors, dates, captions with credits, body paragraphs and related links.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "inputs",
        nargs="*",
        metavar="FILE",
        help="HTML or text files, directories, WARC files, http(s) URLs; '-' reads stdin",
    )
    parser.add_argument(
        "--url", help="the page's URL, to resolve its links (only with a single page)"
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        help="json (default for one page), jsonl (default for several), text, markdown,"
        " html or csv",
    )
    parser.add_argument(
        "--output",
        metavar="DIR",
        type=Path,
        help="write one DIR/<name>.json per page (.md with markdown, .html with html)",
    )
    parser.add_argument(
        "--from-file",
        metavar="LIST",
        help="also read input paths or URLs from LIST, one per line ('-' for stdin)",
    )
    parser.add_argument(
        "--glob",
        metavar="PATTERN",
        action="append",
        help="file names to take from directories (repeatable; replaces the default set)",
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=_positive_int,
        metavar="N",
        help=f"worker processes (default: all cores, here {available_cores()})",
    )
    parser.add_argument(
        "--error-records",
        action="store_true",
        help='with JSON Lines, also write {"source", "error", "message"} for each failed'
        ' input, in its place, and mark an article whose body came out empty "empty_body": true'
        " (with csv, a row with error and message)",
    )
    parser.add_argument(
        "--allow-private",
        action="store_true",
        help="let URLs reach private, loopback and link-local addresses (refused by default)",
    )
    parser.add_argument(
        "--no-progress", action="store_true", help="no progress bar, even on a terminal"
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar and no summary line"
    )
    parser.add_argument(
        "--explain",
        action="store_true",
        help="for each page FILE, list its text blocks in order with where each went (body,"
        " standfirst, caption, related, headline, dropped) and the rule or score that decided"
        " it, and the source of each field; --format json for the same as JSON",
    )
    parser.add_argument("--version", action="version", version=f"newsextract {__version__}")
    return parser


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


# --- what to read ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Input:
    """One file (or stdin) to convert, and whether it is a WARC file."""

    name: str
    is_warc: bool
    data: bytes | None = None
    """stdin's bytes, read up front (to tell a WARC from a page)."""


@dataclass(frozen=True, slots=True)
class _Plan:
    inputs: list[_Input]
    single_page: bool
    """One page given by name: printed as one JSON object, no summary."""
    batch: bool
    """A directory, a list or a WARC file: a summary line at the end."""
    empty_dirs: list[str]
    """Directories given that hold no matching file: each a warning and a failure."""

    @property
    def total(self) -> int | None:
        """Pages to convert, when known (a WARC's count is known only once read)."""
        return None if any(i.is_warc for i in self.inputs) else len(self.inputs)


def _plan(args: argparse.Namespace, parser: argparse.ArgumentParser) -> _Plan:
    given: list[str] = list(args.inputs)
    listed = _read_list(args.from_file, parser) if args.from_file else []
    if not given and not args.from_file:
        parser.error("give at least one FILE, or --from-file LIST")
    if args.from_file == "-" and "-" in given + listed:
        parser.error("stdin cannot hold both the file list and a page")
    names: list[str] = []
    empty_dirs: list[str] = []
    for name in given + listed:
        if name != "-" and os.path.isdir(name):
            found = walk(name, args.glob or DEFAULT_GLOBS, _report_skipped)
            names.extend(found)
            empty_dirs.extend([] if found else [name])
        else:
            names.append(name)
    has_dir = any(name != "-" and os.path.isdir(name) for name in given + listed)
    inputs = [_classify(name) for name in names]
    single = len(given) == 1 and not args.from_file and not has_dir
    single_page = single and not inputs[0].is_warc
    if args.url and not single_page:
        parser.error("--url applies to one page; give one FILE (not a directory or WARC)")
    batch = bool(args.from_file) or has_dir or any(i.is_warc for i in inputs)
    return _Plan(inputs, single_page, batch, empty_dirs)


def _report_skipped(path: str, reason: str) -> None:
    print(f"newsextract: skipped {path}: {reason}", file=sys.stderr)


def _read_list(name: str, parser: argparse.ArgumentParser) -> list[str]:
    """Paths from a list file, one per line; blank lines are skipped."""
    try:
        raw = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    except OSError as error:
        parser.error(f"cannot read --from-file {name}: {error.strerror or error}")
    lines = (line.rstrip(b"\r") for line in raw.split(b"\n"))
    return [os.fsdecode(line) for line in lines if line.strip()]


def _classify(name: str) -> _Input:
    if is_url(name):
        return _Input(name, False)
    if name != "-":
        return _Input(name, is_warc_input(name))
    try:
        data = sys.stdin.buffer.read()
    except OSError:
        return _Input(name, False, None)
    return _Input(name, starts_like_warc(data[:512]), data)


def _tasks(inputs: Sequence[_Input], url: str | None) -> Iterator[Task | UrlTask]:
    """The work, in input order; WARC files are read here and their pages handed out."""
    for item in inputs:
        if item.name == "-" and item.data is None:
            yield Record("-", error=ErrorKind.READ_ERROR, message="cannot read stdin")
        elif item.name == "-" and item.is_warc and item.data is not None:
            yield from warc_items(io.BytesIO(item.data), "-")
        elif item.name == "-" and item.data is not None:
            yield PageTask(item.data, "-", url)
        elif is_url(item.name):
            yield UrlTask(item.name, url)
        elif item.is_warc:
            yield from _warc_tasks(item.name)
        else:
            yield FileTask(item.name, url)


def _fetched(tasks: Iterator[Task | UrlTask], args: argparse.Namespace) -> Iterator[Task]:
    """The tasks with each URL fetched (on threads of this process, in input order)."""
    return fetch_urls(tasks, FetchOptions(allow_private=args.allow_private))


def _warc_tasks(name: str) -> Iterator[Task]:
    try:
        stream = open_warc(name)
    except OSError as error:
        yield Record(
            name, error=ErrorKind.READ_ERROR, message=f"cannot read: {error.strerror or error}"
        )
        return
    with stream:
        yield from warc_items(stream, name)


# --- running ---------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit code (0 ok, 1 some input failed, 2 usage, 130
    interrupted)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.explain:
        return _explain(args, parser)
    plan = _plan(args, parser)
    fmt: str = args.format or ("json" if plan.single_page else "jsonl")
    if args.output is not None and fmt == "csv":
        parser.error("--format csv writes to stdout, one row a page; it takes no --output")
    if args.output is not None and not _make_output_dir(args.output):
        return EXIT_USAGE
    for name in plan.empty_dirs:
        globs = " ".join(args.glob or DEFAULT_GLOBS)
        print(f"newsextract: warning: {name} holds no file matching {globs}", file=sys.stderr)
    jobs = _jobs(args.jobs, plan.total)
    tally = _Tally(jobs=jobs)
    show_summary = not args.quiet and (plan.batch or len(plan.inputs) >= PROGRESS_MIN_INPUTS)
    progress = _Progress.start(args, plan.total)
    several = not plan.single_page
    writer = _Writer(fmt, args.output, args.error_records, progress, several=several)
    interrupted = False
    records = run(_fetched(_tasks(plan.inputs, args.url), args), jobs, writer.renderer())
    try:
        with _Interrupts() as interrupts:
            for record in records:
                with interrupts.writing():
                    writer.write(record)
                    tally.add(record)
                    progress.update()
    except KeyboardInterrupt:
        interrupted = True
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_SOME_FAILED
    except OSError as error:  # Disk full, the output folder removed: one line, no traceback.
        print(f"newsextract: cannot write: {error.strerror or error}", file=sys.stderr)
        return EXIT_SOME_FAILED
    finally:
        records.close()  # Stops the workers now if the loop did not finish.
        progress.close()
    with _quiet_broken_pipe():
        writer.finish()
    if show_summary or interrupted:
        print(tally.summary(interrupted), file=sys.stderr)
    if interrupted:
        return EXIT_INTERRUPTED
    return EXIT_SOME_FAILED if tally.failures or plan.empty_dirs else EXIT_OK


def _explain(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """`--explain`: each page file (or stdin) explained in turn, in the main process."""
    from newsextract.explain import explain

    if not args.inputs:
        parser.error("--explain takes one or more page files ('-' for stdin)")
    if args.format not in (None, "text", "json"):
        parser.error("--explain writes text, or JSON with --format json")
    status = EXIT_OK
    for name in args.inputs:
        try:
            data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
            if data.startswith(GZIP_MAGIC):
                data = gunzip(data)
            found = explain(data, url=args.url)
        except (OSError, ValueError, NewsextractError) as error:
            print(f"newsextract: {name}: {error}", file=sys.stderr)
            status = EXIT_SOME_FAILED
            continue
        if args.format == "json":
            print(json.dumps({"source": name, **found.to_dict()}, ensure_ascii=False))
        else:
            print(f"==> {name} <==")
            print(found.to_text())
    return status


def _make_output_dir(path: Path) -> bool:
    """Create the --output folder; False (and one line on stderr) when it cannot be."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = "it is a file" if path.is_file() else (error.strerror or str(error))
        print(f"newsextract: --output {path}: cannot make the folder: {reason}", file=sys.stderr)
        return False
    return True


@contextmanager
def _quiet_broken_pipe() -> Iterator[None]:
    try:
        yield
    except BrokenPipeError:
        _silence_stdout()


def _jobs(requested: int | None, total: int | None) -> int:
    """Worker processes to start: as asked (default all cores), never more than pages."""
    jobs = requested or available_cores()
    return jobs if total is None else max(1, min(jobs, total))


@dataclass
class _Tally:
    """Counts for the summary line."""

    jobs: int
    pages: int = 0
    failures: int = 0
    empty_bodies: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    started: float = field(default_factory=time.monotonic)

    def add(self, done: _Rendered) -> None:
        self.pages += 1
        self.failures += not done.ok
        self.empty_bodies += done.empty_body
        if done.record.error is not None:
            self.kinds[done.record.error] += 1

    def summary(self, interrupted: bool) -> str:
        seconds = time.monotonic() - self.started
        rate = self.pages / seconds if seconds > 0 else 0.0
        head = "interrupted after" if interrupted else "done:"
        pages = f"{self.pages:,} page{'' if self.pages == 1 else 's'}"
        kinds = ", ".join(f"{n:,} {kind}" for kind, n in sorted(self.kinds.items()))
        return (
            f"newsextract: {head} {pages} in {seconds:.1f} s ({rate:,.1f} pages/s,"
            f" {self.jobs} job{'' if self.jobs == 1 else 's'}), {self.failures:,} failed"
            f"{f' ({kinds})' if kinds else ''}, {self.empty_bodies:,} with an empty body"
        )


class _Progress:
    """The progress bar on stderr (rate and ETA), or nothing when it would not help."""

    def __init__(self, bar: tqdm[Never] | None) -> None:
        self._bar = bar

    @classmethod
    def start(cls, args: argparse.Namespace, total: int | None) -> _Progress:
        wanted = not (args.no_progress or args.quiet) and sys.stderr.isatty()
        if not wanted or (total is not None and total < PROGRESS_MIN_INPUTS):
            return cls(None)
        from tqdm import tqdm

        # No monitor thread: worker processes may be forked after the bar starts.
        tqdm.monitor_interval = 0
        return cls(tqdm(total=total, unit="page", file=sys.stderr, dynamic_ncols=True))

    def update(self) -> None:
        if self._bar is not None:
            self._bar.update()

    def message(self, line: str) -> None:
        """A line on stderr, above the bar when there is one."""
        if self._bar is not None:
            self._bar.write(line, file=sys.stderr)
        else:
            print(line, file=sys.stderr, flush=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


class _Writer:
    """Writes each record where it belongs: stdout in a format, or one file per page."""

    def __init__(
        self,
        fmt: str,
        output: Path | None,
        error_records: bool,
        progress: _Progress,
        *,
        several: bool,
    ) -> None:
        self._fmt = fmt
        self._output = output
        self._error_records = error_records and output is None and fmt in ("jsonl", "csv")
        self._progress = progress
        self._several = several and output is None
        self._written = 0
        self._warc_counts: Counter[str] = Counter()
        self._names_used: Counter[str] = Counter()
        self._csv = csv.writer(sys.stdout) if fmt == "csv" and output is None else None
        self._csv_started = False

    def renderer(self) -> _Render:
        """What each worker does to a record before sending it here."""
        document = self._output is not None or self._fmt != "jsonl"
        return _Render(self._fmt, document, keep=self._csv is not None, mark=self._error_records)

    def write(self, done: _Rendered) -> None:
        record = done.record
        if record.warc is not None:
            self._warc_counts[record.source] += 1
        if not done.ok:
            self._progress.message(f"newsextract: {record.describe_failure()}")
            if self._error_records and self._csv is not None:
                kind = str(record.error or "")
                self._write_csv(csv_error_row(record.source, kind, record.message or ""))
            elif self._error_records:
                _print_line(json.dumps(record.to_dict(), ensure_ascii=False), sys.stdout)
            return
        if self._csv is not None:
            assert record.article is not None
            self._write_csv(csv_row(record.source, record.article))
            return
        assert done.text is not None
        if self._output is not None:
            suffix = _DOCUMENT_SUFFIXES.get(self._fmt, ".json")
            _write_atomically(self._output / f"{self._name(record)}{suffix}", done.text)
        elif self._several and self._fmt == "json":
            # Several pages as one JSON array, opened before the first and closed at the end.
            start = "[\n" if self._written == 0 else ",\n"
            sys.stdout.write(start + _indent(done.text))
            sys.stdout.flush()
        elif self._several and self._fmt in _HEADED_FORMATS:
            # Each page headed as `head` heads each of several files.
            where = record.source
            if record.warc is not None:
                where = f"{where}: {record.warc.target_uri or record.warc.record_id}"
            gap = "" if self._written == 0 else "\n"
            sys.stdout.write(f"{gap}==> {where} <==\n")
            _print_line(done.text, sys.stdout)
        else:
            _print_line(done.text, sys.stdout)
        self._written += 1

    def _write_csv(self, row: list[str]) -> None:
        assert self._csv is not None
        if not self._csv_started:
            self._csv.writerow(CSV_COLUMNS)
            self._csv_started = True
        self._csv.writerow(row)
        sys.stdout.flush()  # Whole rows only, as for the other formats.

    def finish(self) -> None:
        """Close what the output opened: the JSON array of several pages; a CSV that got no
        row still gets its header."""
        if self._csv is not None and not self._csv_started:
            self._csv.writerow(CSV_COLUMNS)
            sys.stdout.flush()
        if self._several and self._fmt == "json" and self._output is None:
            _print_line("[]" if self._written == 0 else "\n]", sys.stdout)

    def _name(self, record: Record) -> str:
        stem = _stem(record.source)
        if record.warc is not None:
            stem = f"{stem}.{self._warc_counts[record.source]:06d}"
        # Inputs from different folders can share a name (a/story.html, b/story.html): the
        # second becomes story-2.json rather than replacing the first.
        self._names_used[stem] += 1
        count = self._names_used[stem]
        return stem if count == 1 else f"{stem}-{count}"


@dataclass(frozen=True, slots=True)
class _Rendered:
    """A record as a worker hands it back: `text` is the record written out (its JSON line,
    or its document), and the article is dropped once it is, so that only text crosses the
    pipe; CSV rows keep the article instead. `ok` and `empty_body` are the record's."""

    record: Record
    text: str | None
    ok: bool
    empty_body: bool


@dataclass(frozen=True, slots=True)
class _Render:
    """Writes a record out in the worker: a document of `fmt` when `document`, else its JSON
    line (with `empty_body: true` when `mark` asks for it); `keep` keeps the article."""

    fmt: str
    document: bool
    keep: bool
    mark: bool

    def __call__(self, record: Record) -> _Rendered:
        article = record.article
        if article is None or self.keep:
            return _Rendered(record, None, record.ok, record.empty_body)
        if self.document:
            text = _document(article, self.fmt).rstrip("\n")
        else:
            data = record.to_dict()
            if self.mark and record.empty_body:
                data["empty_body"] = True  # type: ignore[typeddict-unknown-key]
            text = json.dumps(data, ensure_ascii=False)
        return _Rendered(replace(record, article=None), text, True, record.empty_body)


def _document(article: Article, fmt: str) -> str:
    """The article in a document format: JSON, Markdown, HTML or plain text."""
    if fmt == "markdown":
        return article.to_markdown()
    if fmt == "html":
        return article.to_html()
    if fmt == "text":
        parts = [article.headline or "", *article.paragraphs]
        return "\n\n".join(p for p in parts if p)
    return article.to_json(indent=2)


def _print_line(text: str, out: TextIO) -> None:
    """One record and its newline, whole: a reader of the stream, or a run stopped by Ctrl-C,
    sees whole records only.

    A stream with a file descriptor is written with `os.write` until every byte is out.
    Through `TextIOWrapper.write` a record larger than the buffer, written into a full pipe
    while Ctrl-C arrived, lost its tail (seen on 20 KB records: the first 20,480 bytes came
    out, the rest never did), although the signal handler only noted the interrupt.
    """
    line = text + "\n"
    try:
        fd = out.fileno()
    except (AttributeError, OSError, io.UnsupportedOperation):
        out.write(line)  # A stream in memory (tests, an embedding program).
        out.flush()
        return
    out.flush()
    data = memoryview(line.encode(out.encoding or "utf-8", out.errors or "strict"))
    while data:
        data = data[os.write(fd, data) :]


class _Interrupts:
    """Ctrl-C between records, never inside one: a record being written is finished first."""

    def __init__(self) -> None:
        self._writing = False
        self._pending = False
        self._previous: object = None
        self._installed = False

    def __enter__(self) -> _Interrupts:
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._handle)
            self._installed = True
        return self

    def __exit__(self, *exc: object) -> None:
        if self._installed:
            signal.signal(signal.SIGINT, self._previous)  # type: ignore[arg-type]

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self._writing:
            self._pending = True
        else:
            raise KeyboardInterrupt

    @contextmanager
    def writing(self) -> Iterator[None]:
        self._writing = True
        try:
            yield
        finally:
            self._writing = False
        if self._pending:
            raise KeyboardInterrupt


def _silence_stdout() -> None:
    """After the reader of stdout went away: keep the interpreter's final flush quiet."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _stem(name: str) -> str:
    if name == "-":
        return "stdin"
    base = Path(name).name
    for suffix in (".gz", ".warc", ".html", ".htm", ".txt", ".xhtml"):
        base = base.removesuffix(suffix)
    return base or "page"


def _indent(text: str) -> str:
    """An indented JSON object as an element of an indented array."""
    return "\n".join("  " + line for line in text.split("\n"))


def _write_atomically(path: Path, text: str) -> None:
    # Write beside the target, then rename: an interrupted run never leaves half a file.
    fd, tmp = _create_beside(path)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text + "\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _create_beside(path: Path) -> tuple[int, str]:
    """A new temporary file beside `path`, with the mode any new file gets here (0o666 less
    the umask, applied by the system: reading the umask would mean changing it)."""
    while True:
        tmp = str(path.parent / f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), tmp
        except FileExistsError:
            continue
