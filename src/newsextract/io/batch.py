"""Batches: many inputs in, one `Record` per page out, in input order, on all cores.

The work on one page is a plain top-level function (`process_bytes`, `process_path`,
`records_for_path`), so that the CLI's worker processes, `newsextract.warc` and the Dask
integration all run exactly the same code and any process pool can pickle it.

A failure never stops a batch: unreadable files, bad pages, damaged WARC records, even a bug
in a pipeline stage or a worker process that dies, each become one error `Record` in the
input's place, and the rest goes on.
"""

from __future__ import annotations

import contextlib
import fnmatch
import multiprocessing
import multiprocessing.context
import os
import signal
import stat
import sys
import traceback
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any, BinaryIO, TypeVar, cast, overload

from newsextract import extract
from newsextract._errors import ErrorKind, NewsextractError
from newsextract._model import Article, BatchRecordDict
from newsextract.io.warc_reader import (
    MISSING_READER,
    WarcFailure,
    WarcInfo,
    inflate,
    is_warc_name,
    iter_pages,
    open_warc,
    sniff_warc,
)
from newsextract.io.warm_up import warm_up
from newsextract.pipeline.decode import web_codec
from newsextract.rules.encodings import BYTE_ORDER_MARKS, GZIP_MAGIC
from newsextract.rules.thresholds import DEFAULT_MAX_BYTES

DEFAULT_GLOBS = (
    "*.html",
    "*.htm",
    "*.xhtml",
    "*.shtml",
    "*.html.gz",
    "*.htm.gz",
    "*.xhtml.gz",
    "*.shtml.gz",
    "*.warc",
    "*.warc.gz",
)
"""Files a directory contributes unless other patterns are given (names, any case)."""

_T = TypeVar("_T")
_PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".txt")
_CHUNK = 4
"""Pages sent to a worker at once: enough to hide the round trip, few enough to keep order."""
_AHEAD = 8
"""Chunks queued per worker. Bounds the memory a fast reader fills ahead of the workers, and
is deep enough that one slow page (output waits for it, in order) does not idle the others."""


@dataclass(frozen=True, slots=True)
class Record:
    """The result for one page: its `article`, or an `error` kind and a `message`.

    `source` is the input it came from (a path as given or found, `-` for stdin, or a URL);
    `warc` is set for pages read from a WARC file.
    """

    source: str
    article: Article | None = None
    error: ErrorKind | None = None
    message: str | None = None
    warc: WarcInfo | None = None

    @property
    def ok(self) -> bool:
        """Whether an article was extracted."""
        return self.article is not None

    @property
    def empty_body(self) -> bool:
        """Whether an article was extracted but its body came out empty (no paragraph)."""
        return self.article is not None and not self.article.paragraphs

    def to_dict(self) -> BatchRecordDict:
        """The JSON Lines record: `source`, the `warc_*` fields for WARC pages, then either
        the article's fields (exactly `Article.to_dict()`) or `error` and `message`."""
        record: dict[str, Any] = {"source": self.source}
        if self.warc is not None:
            record["warc_target_uri"] = self.warc.target_uri
            record["warc_record_id"] = self.warc.record_id
            record["warc_date"] = self.warc.date
        if self.article is not None:
            record.update(self.article.to_dict())
        else:
            record["error"] = self.error
            record["message"] = self.message
        return cast("BatchRecordDict", record)

    def describe_failure(self) -> str:
        """The one stderr line for a failed record: where it came from, and why."""
        where = self.source
        if self.warc is not None:
            where = f"{where}: {self.warc.target_uri or self.warc.record_id}"
        return f"{where}: {self.message}"


# --- the work on one input: plain functions, picklable ---------------------------------------


def process_bytes(
    data: bytes | str,
    url: str | None = None,
    source: str = "-",
    *,
    charset: str | None = None,
    warc: WarcInfo | None = None,
) -> Record:
    """Extract one page given as bytes (or text already decoded); never raises for a bad page.

    gzip-compressed bytes are decompressed first. `charset` is the HTTP Content-Type's: it
    outranks the page's own declaration (as in browsers), so the bytes are decoded with it
    when they decode cleanly; otherwise the page's declaration and detection decide.
    """
    page: bytes | str = data
    if isinstance(data, bytes):
        try:
            page = _apply_charset(gunzip(data) if data.startswith(GZIP_MAGIC) else data, charset)
        except ValueError as error:
            message = f"cannot decompress: {error}"
            return Record(source, error=ErrorKind.DECOMPRESS_ERROR, message=message, warc=warc)
    try:
        article = extract(page, url=url)
    except NewsextractError as error:
        return Record(source, error=ErrorKind.of(error), message=str(error), warc=warc)
    except Exception as error:  # A bug must not stop the batch: it becomes a record.
        return Record(
            source, error=ErrorKind.INTERNAL_ERROR, message=_describe_bug(error), warc=warc
        )
    return Record(source, article=article, warc=warc)


def process_path(path: str | os.PathLike[str], url: str | None = None) -> Record:
    """Read and extract one page file (HTML or page text, gzip or not); never raises."""
    source = os.fspath(path)
    try:
        with open(source, "rb") as handle:
            data = handle.read(DEFAULT_MAX_BYTES + 1)
    except OSError as error:
        return Record(
            source, error=ErrorKind.READ_ERROR, message=f"cannot read: {error.strerror or error}"
        )
    if len(data) > DEFAULT_MAX_BYTES:
        return Record(
            source,
            error=ErrorKind.INPUT_TOO_LARGE,
            message=f"the file is over the limit of {DEFAULT_MAX_BYTES:,} bytes",
        )
    return process_bytes(data, url, source)


def records_for_path(path: str | os.PathLike[str], url: str | None = None) -> Iterator[Record]:
    """Every record one file gives: one per page of a WARC file, else exactly one."""
    source = os.fspath(path)
    if is_warc_input(source):
        try:
            with open_warc(source) as stream:
                yield from warc_records(stream, source)
        except OSError as error:
            yield Record(
                source,
                error=ErrorKind.READ_ERROR,
                message=f"cannot read: {error.strerror or error}",
            )
    else:
        yield process_path(source, url)


def warc_records(stream: BinaryIO, source: str) -> Iterator[Record]:
    """Extract every HTML page of one WARC stream, in file order, in this process."""
    for item in warc_items(stream, source):
        yield run_task(item)


def is_warc_input(name: str) -> bool:
    """Whether a file is a WARC: by its name, or by its first bytes when the name is not a
    page's (so that a directory of `.html` files is not opened twice)."""
    if is_warc_name(name):
        return True
    return not _page_name(name) and sniff_warc(name)


def _page_name(name: str) -> bool:
    lower = name.lower().removesuffix(".gz")
    return lower.endswith(_PAGE_SUFFIXES)


def gunzip(data: bytes) -> bytes:
    """A gzipped page file inflated, at most `DEFAULT_MAX_BYTES`; `ValueError` when corrupt,
    cut short or larger."""
    return inflate(data, 31, DEFAULT_MAX_BYTES, whole=True)


_BOMS = tuple(bom for bom, _ in BYTE_ORDER_MARKS)


def _apply_charset(data: bytes, charset: str | None) -> bytes | str:
    """The page as text when the HTTP charset decodes it cleanly; else the bytes unchanged."""
    if not charset or data.startswith(_BOMS):  # A byte order mark outranks HTTP.
        return data
    try:
        return data.decode(_http_codec(charset))
    except (LookupError, UnicodeDecodeError):
        return data


def _http_codec(label: str) -> str:
    """The Python codec for an HTTP charset label, read the way browsers read it.

    The label goes through the decode stage's table of web encodings, so a label browsers do
    not honour (`utf-7`, EBCDIC, Python-only codecs such as `rot13`) is refused as it is in a
    `<meta charset>`, and Latin-1 and ASCII mean Windows-1252. A UTF-16/32 label on a body
    without a byte order mark cannot be right (the header was written in ASCII) and is refused.
    """
    name = web_codec(label.strip().strip("\"'"))
    if name is None or name.startswith(("utf-16", "utf-32")):
        raise LookupError(label)
    return name


def _describe_bug(error: Exception) -> str:
    frames = traceback.extract_tb(error.__traceback__)
    where = f" (at {Path(frames[-1].filename).name}:{frames[-1].lineno})" if frames else ""
    return f"{type(error).__name__}: {error}{where}"


# --- inputs: names to files, files to tasks --------------------------------------------------


Skip = Callable[[str, str], None]
"""Told of each entry a directory walk leaves out: its path and why."""


def walk(top: str, globs: Sequence[str] = DEFAULT_GLOBS, on_skip: Skip | None = None) -> list[str]:
    """The files under `top` that `wanted` takes, sorted.

    Only regular files (or links to them) are taken: opening a named pipe blocks until
    someone writes to it, and a socket, a device or a link loop is no page. `on_skip` is told
    of each one left out, with the reason.
    """
    found: list[str] = []

    def unreadable(error: OSError) -> None:
        found.append(str(error.filename))

    for directory, subdirs, files in os.walk(top, onerror=unreadable):
        subdirs[:] = [d for d in subdirs if not d.startswith(".")]
        for name in files:
            if not wanted(name, globs):
                continue
            path = os.path.join(directory, name)
            reason = _not_a_regular_file(path)
            if reason is None:
                found.append(path)
            elif on_skip is not None:
                on_skip(path, reason)
    return sorted(found)


def _not_a_regular_file(path: str) -> str | None:
    """Why `path` is not a page file to open, or None when it is a regular file."""
    try:
        mode = os.stat(path).st_mode  # Follows links: a link to a page is a page.
    except OSError as error:
        return f"cannot be opened ({error.strerror or error})"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a named pipe, not a regular file"
    if stat.S_ISSOCK(mode):
        return "a socket, not a regular file"
    return "not a regular file"


def wanted(relative: str, globs: Sequence[str] = DEFAULT_GLOBS) -> bool:
    """Whether a directory takes the file at `relative` (a path below it, `/`-separated):
    no part of it hidden, and its name matching one of `globs`, in any case."""
    parts = relative.split("/")
    if any(part.startswith(".") for part in parts):
        return False
    name = parts[-1].lower()
    return any(fnmatch.fnmatchcase(name, pattern.lower()) for pattern in globs)


@dataclass(frozen=True, slots=True)
class FileTask:
    """A page file for a worker to read and extract."""

    path: str
    url: str | None = None


@dataclass(frozen=True, slots=True)
class PageTask:
    """A page whose bytes the parent already holds (stdin, a WARC record)."""

    data: bytes
    source: str
    url: str | None = None
    charset: str | None = None
    warc: WarcInfo | None = None


Task = FileTask | PageTask | Record
"""One unit of work; a `Record` is a failure already known, passed through in its place."""


def run_task(task: Task) -> Record:
    """Do one task: the function every worker process runs."""
    if isinstance(task, Record):
        return task
    if isinstance(task, FileTask):
        return process_path(task.path, task.url)
    return process_bytes(task.data, task.url, task.source, charset=task.charset, warc=task.warc)


def run_chunk(tasks: Sequence[Task]) -> list[Record]:
    """Do several tasks in one round trip to a worker."""
    return [run_task(task) for task in tasks]


def warc_items(stream: BinaryIO, source: str) -> Iterator[PageTask | Record]:
    """One task per HTML page of a WARC stream, or a failure record in its place.

    The parent reads the WARC (fast) and workers extract its pages (slow), so that one big
    WARC file still uses every core.
    """
    try:
        for item in iter_pages(stream):
            if isinstance(item, WarcFailure):
                yield Record(source, error=item.kind, message=item.message, warc=item.info)
            else:
                yield PageTask(item.data, source, item.info.target_uri, item.charset, item.info)
    except ModuleNotFoundError as error:
        if error.name != "fastwarc":
            raise
        yield Record(source, error=ErrorKind.MISSING_DEPENDENCY, message=MISSING_READER)


# --- running tasks in order on many processes ------------------------------------------------


@overload
def run(tasks: Iterable[Task], jobs: int = 1) -> Generator[Record, None, None]: ...


@overload
def run(
    tasks: Iterable[Task], jobs: int, finish: Callable[[Record], _T]
) -> Generator[_T, None, None]: ...


def run(
    tasks: Iterable[Task], jobs: int = 1, finish: Callable[[Record], Any] | None = None
) -> Generator[Any, None, None]:
    """Records for `tasks`, in their order, computed on `jobs` worker processes.

    With one job everything runs in this process. Otherwise pages go to worker processes a
    few at a time, at most a bounded number of pages ahead of the output, so that memory
    stays flat however long the input. Closing the iterator (or Ctrl-C) kills the workers.

    `finish`, when given, is applied to each record where it was made and its result is
    yielded instead: the CLI writes a record out in the worker, so that the parent, which
    feeds every worker, receives a line of text rather than an article to unpickle and
    encode (that work in the parent held two workers to 1.7x of one). On platforms that
    spawn workers it must be picklable (a top-level function or a frozen dataclass).
    """
    done: Callable[[Record], Any] = finish or _same
    if jobs <= 1:
        for task in tasks:
            yield done(run_task(task))
        return
    pool = _Pool(jobs, done)
    try:
        yield from pool.map(tasks)
    except BaseException:
        pool.kill()
        raise
    pool.close()


def _same(record: Record) -> Record:
    return record


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS and Windows have no affinity call.
        return os.cpu_count() or 1


@dataclass(frozen=True, slots=True)
class _Job:
    """Consecutive tasks for one worker; `first` is the first one's position in the run."""

    first: int
    tasks: list[Task]


def _work(conn: Connection, parents_end: Connection, finish: Callable[[Record], Any]) -> None:
    """A worker process: run each chunk it is sent and send back its records, until told to
    stop or the parent is gone. Ctrl-C is the parent's to handle, so it is ignored here."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parents_end.close()  # Forked with the parent's end open: close it, or EOF never comes.
    while True:
        try:
            tasks = conn.recv()
        except (EOFError, OSError):
            return
        if tasks is None:
            return
        conn.send([finish(record) for record in run_chunk(tasks)])


class _Worker:
    """One worker process and the parent's end of its pipe; it holds at most one job."""

    def __init__(
        self, context: multiprocessing.context.BaseContext, finish: Callable[[Record], Any]
    ) -> None:
        parents_end, childs_end = context.Pipe()
        self.process = context.Process(  # type: ignore[attr-defined]
            target=_work, args=(childs_end, parents_end, finish), daemon=True
        )
        self.process.start()
        childs_end.close()  # The child's death must be this end's EOF.
        self.conn = parents_end
        self.job: _Job | None = None

    def give(self, job: _Job) -> None:
        self.job = job
        self.conn.send(job.tasks)

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.conn.send(None)
        self.process.join(timeout=5)
        self.kill()

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


class _Pool:
    """Worker processes fed from one ordered stream of tasks.

    The parent hands each idle worker the next chunk and waits for any result or death; no
    threads, so stopping cannot hang on a half-sent message. Records come back out of order
    and are released in input order. A worker that dies is replaced; its chunk is run again
    one page per job, so that only the page that kills a worker is reported as such.
    """

    def __init__(self, jobs: int, finish: Callable[[Record], Any]) -> None:
        self._context = _context()
        self._finish = finish
        if self._context.get_start_method() == "fork":
            warm_up()  # Once here, instead of once in every worker.
        self._workers = [_Worker(self._context, finish) for _ in range(jobs)]
        self._window = jobs * _AHEAD * _CHUNK
        self._retries: deque[_Job] = deque()
        self._done: dict[int, Any] = {}  # Finished records by position, until released.

    def map(self, tasks: Iterable[Task]) -> Iterator[Any]:
        source = iter(tasks)
        handed = released = 0  # Tasks given out so far; records yielded so far.
        exhausted = False
        while True:
            for worker in self._workers:
                if worker.job is not None:
                    continue
                if self._retries:
                    worker.give(self._retries.popleft())
                elif not exhausted and handed - released < self._window:
                    chunk = list(islice(source, _CHUNK))
                    exhausted = not chunk
                    if chunk:
                        worker.give(_Job(handed, chunk))
                        handed += len(chunk)
            while released in self._done:
                yield self._done.pop(released)
                released += 1
            if exhausted and released == handed:
                return
            if all(worker.job is None for worker in self._workers):
                # The window was full, so idle workers got nothing; releasing records has
                # just opened it again: hand out work before waiting for any.
                continue
            self._collect()

    def _collect(self) -> None:
        """Wait for at least one worker to answer or die, and take what came."""
        busy = [w for w in self._workers if w.job is not None]
        wait([w.conn for w in busy] + [w.process.sentinel for w in busy])
        for worker in busy:
            job = worker.job
            assert job is not None
            if worker.conn.poll():
                try:
                    records: list[Any] = worker.conn.recv()
                except (EOFError, OSError):
                    self._crashed(worker, job)
                    continue
                self._done.update(enumerate(records, job.first))
                worker.job = None
            elif not worker.process.is_alive():
                self._crashed(worker, job)

    def _crashed(self, worker: _Worker, job: _Job) -> None:
        worker.kill()
        self._workers[self._workers.index(worker)] = _Worker(self._context, self._finish)
        if len(job.tasks) == 1:
            self._done[job.first] = self._finish(_crash_record(job.tasks[0]))
        else:
            singles = [_Job(job.first + n, [task]) for n, task in enumerate(job.tasks)]
            self._retries.extendleft(reversed(singles))

    def close(self) -> None:
        """Let the workers finish and exit."""
        for worker in self._workers:
            worker.stop()

    def kill(self) -> None:
        """Stop now: running pages are abandoned."""
        for worker in self._workers:
            worker.kill()


def _crash_record(task: Task) -> Record:
    if isinstance(task, Record):
        return task
    source = task.path if isinstance(task, FileTask) else task.source
    warc = task.warc if isinstance(task, PageTask) else None
    return Record(
        source,
        error=ErrorKind.WORKER_CRASHED,
        message="the worker process died on this page (a crash in C code, or out of memory)",
        warc=warc,
    )


def _context() -> multiprocessing.context.BaseContext:
    """Fork on Linux: workers start in milliseconds with the pipeline already imported (the
    import alone takes a good part of a second). The pool runs no thread, nor does the CLI's
    progress bar, so no lock is copied mid-use. Elsewhere the platform's default (spawn on
    macOS and Windows, where fork is unsafe or missing)."""
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()
