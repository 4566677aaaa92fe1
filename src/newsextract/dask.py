"""Many machines: newsextract on a Dask cluster, or any engine that maps over partitions.

    >>> import json, newsextract.dask
    >>> records = newsextract.dask.to_bag(["s3://bucket/crawl/*.warc.gz"])
    >>> records.map(json.dumps).to_textfiles("out/*.jsonl")

`to_bag` and `to_dataframe` need the `dask` extra (`pip install 'newsextract[dask]'`);
reading URLs (`s3://`, `gs://`, `https://`, ...) needs fsspec and its filesystem's package.
`expand_paths`, `partition_records` and `page_record` need neither: they are the plain
functions to hand to Spark's `mapPartitions` or a datatrove step.

Every partition runs the CLI's own per-file functions (`newsextract.io.batch`), so a record
here is exactly the CLI's JSON line for the same input, error records included: `source`,
the `warc_*` fields for WARC pages, then the article's fields or `error` and `message`.
"""

from __future__ import annotations

import dataclasses
import os
import typing
from collections.abc import Iterable, Iterator, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any, BinaryIO

from newsextract._errors import ErrorKind
from newsextract._model import Article, BatchRecordDict, field_hints, optional_inner
from newsextract.io.batch import (
    DEFAULT_GLOBS,
    Record,
    process_bytes,
    records_for_path,
    walk,
    wanted,
    warc_records,
)
from newsextract.io.warc_reader import is_warc_name, starts_like_warc
from newsextract.rules.thresholds import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from dask.bag import Bag  # type: ignore[import-not-found,unused-ignore]
    from dask.dataframe import DataFrame  # type: ignore[import-not-found,unused-ignore]

__all__ = [
    "COLUMNS",
    "expand_paths",
    "page_record",
    "partition_records",
    "to_bag",
    "to_dataframe",
]

_WARC_COLUMNS = ("warc_target_uri", "warc_record_id", "warc_date")
COLUMNS: tuple[str, ...] = (
    "source",
    *_WARC_COLUMNS,
    "error",
    "message",
    *Article().to_dict().keys(),
)
"""`to_dataframe`'s columns: every key a record can have, each with an Arrow type (strings,
lists, lists of structs), so that the frame writes to Parquet as it is."""


def to_bag(
    paths: str | Sequence[str],
    *,
    npartitions: int | None = None,
    globs: Sequence[str] = DEFAULT_GLOBS,
    storage_options: dict[str, Any] | None = None,
) -> Bag:
    """A Dask bag of record dicts, one per page, in the order of `expand_paths(paths)`.

    Files are listed here, on the client; each partition then reads and extracts its files
    on a worker. A WARC file is one task: its pages come out one record each, in file order.
    `npartitions` defaults to one file per partition, at most 100 partitions; give more
    when there are many large files and many workers.
    """
    import dask.bag as db  # type: ignore[import-not-found,unused-ignore]

    files = expand_paths(paths, globs=globs, storage_options=storage_options)
    partitions = npartitions or _default_partitions(files)
    bag = db.from_sequence(files, npartitions=partitions)  # type: ignore[no-untyped-call,unused-ignore]
    work = partial(_partition_list, storage_options=storage_options)
    result: Bag = bag.map_partitions(work)
    return result


def to_dataframe(
    paths: str | Sequence[str],
    *,
    npartitions: int | None = None,
    globs: Sequence[str] = DEFAULT_GLOBS,
    storage_options: dict[str, Any] | None = None,
) -> DataFrame:
    """A Dask dataframe of the same records, with every one of `COLUMNS` (None when absent)."""
    bag = to_bag(paths, npartitions=npartitions, globs=globs, storage_options=storage_options)
    rows = bag.map(as_row)  # type: ignore[no-untyped-call,unused-ignore]
    frame: DataFrame = rows.to_dataframe(meta=_meta())
    return frame


def _meta() -> Any:
    """The empty frame that gives every column its Arrow type (strings, lists of strings,
    lists of structs for captions and related links), derived from the `Article` fields.

    Typed columns, not `object` ones: Dask stands a placeholder `object()` in each object
    column of its sample frame, and `to_parquet` fails on it when it infers the schema.
    """
    import pandas as pd  # type: ignore[import-untyped,import-not-found,unused-ignore]
    import pyarrow as pa  # type: ignore[import-untyped,import-not-found,unused-ignore]

    types = dict.fromkeys(COLUMNS, pa.string())
    types.update((name, _arrow_type(hint)) for name, hint, _ in field_hints(Article))
    return pd.DataFrame({c: pd.Series(dtype=pd.ArrowDtype(types[c])) for c in COLUMNS})


def _arrow_type(hint: Any) -> Any:
    """The Arrow type of a field's JSON value: a string (dates are ISO 8601 text, as in the
    JSON record), a boolean, a list, or a struct of a dataclass's fields."""
    import pyarrow as pa  # type: ignore[import-untyped,import-not-found,unused-ignore]

    hint = optional_inner(hint) or hint
    if typing.get_origin(hint) is tuple:
        return pa.list_(_arrow_type(typing.get_args(hint)[0]))
    if dataclasses.is_dataclass(hint):
        fields = field_hints(typing.cast("type", hint))
        return pa.struct([(name, _arrow_type(h)) for name, h, _ in fields])
    if hint is bool:
        return pa.bool_()
    return pa.string()


def as_row(record: dict[str, Any]) -> dict[str, Any]:
    """A record with every column present, in `COLUMNS` order (None where it has none)."""
    return {column: record.get(column) for column in COLUMNS}


def expand_paths(
    paths: str | Sequence[str],
    *,
    globs: Sequence[str] = DEFAULT_GLOBS,
    storage_options: dict[str, Any] | None = None,
) -> list[str]:
    """Files to read: paths and URLs as given, glob patterns and directories expanded.

    Local paths need no fsspec and expand exactly as the CLI expands them (a directory's
    matching files in sorted order). URLs are listed with fsspec.
    """
    names = [paths] if isinstance(paths, str) else list(paths)
    files: list[str] = []
    for name in names:
        if _is_url(name):
            files.extend(_expand_url(name, globs, storage_options or {}))
        elif os.path.isdir(name):
            files.extend(walk(name, globs))
        elif _has_magic(name):
            import glob as globbing

            files.extend(sorted(globbing.glob(name, recursive=True)))
        else:
            files.append(name)
    return files


def partition_records(
    paths: Iterable[str], storage_options: dict[str, Any] | None = None
) -> Iterator[BatchRecordDict]:
    """The per-partition work: every record of every file, in order, as JSON-ready dicts.

    Local paths go through exactly the CLI's per-file function; URLs are opened with fsspec
    and go through the same extraction. Plug it into Spark as
    `sc.parallelize(expand_paths(paths)).mapPartitions(partition_records)`.
    """
    for path in paths:
        for record in _records(path, storage_options or {}):
            yield record.to_dict()


def page_record(page: bytes | str, *, url: str | None = None, source: str = "-") -> BatchRecordDict:
    """One page already in memory (bytes, or text already decoded) as a record dict: the
    same function the CLI runs per page, for pipelines that read pages themselves."""
    return process_bytes(page, url, source).to_dict()


def _partition_list(
    paths: Iterable[str], storage_options: dict[str, Any] | None = None
) -> list[BatchRecordDict]:
    return list(partition_records(paths, storage_options))


def _default_partitions(files: Sequence[str]) -> int:
    # One file per partition up to 100 partitions: WARC files are large units of work.
    return max(1, min(len(files), 100))


def _records(path: str, storage_options: dict[str, Any]) -> Iterator[Record]:
    if not _is_url(path) or path.startswith("file://"):
        yield from records_for_path(path.removeprefix("file://"))
        return
    try:
        opened = _open_url(path, storage_options)
    except (OSError, ValueError) as error:
        yield Record(path, error=ErrorKind.READ_ERROR, message=f"cannot read: {error}")
        return
    with opened as stream:
        yield from _stream_records(stream, path)


def _stream_records(stream: BinaryIO, source: str) -> Iterator[Record]:
    """The records of one remote file: WARC pages, or the one page it is."""
    try:
        head = stream.read(512)
        stream.seek(0)
        if is_warc_name(source) or starts_like_warc(head):
            yield from warc_records(stream, source)
            return
        data = stream.read(DEFAULT_MAX_BYTES + 1)
    except OSError as error:
        yield Record(source, error=ErrorKind.READ_ERROR, message=f"cannot read: {error}")
        return
    if len(data) > DEFAULT_MAX_BYTES:
        message = f"the file is over the limit of {DEFAULT_MAX_BYTES:,} bytes"
        yield Record(source, error=ErrorKind.INPUT_TOO_LARGE, message=message)
    else:
        yield process_bytes(data, None, source)


def _open_url(url: str, storage_options: dict[str, Any]) -> Any:
    import fsspec  # type: ignore[import-untyped,import-not-found,unused-ignore]

    return fsspec.open(url, "rb", **storage_options).open()


def _expand_url(url: str, globs: Sequence[str], storage_options: dict[str, Any]) -> list[str]:
    """A URL's files: itself, its glob's matches, or a directory's matching files, sorted."""
    import fsspec  # type: ignore[import-untyped,import-not-found,unused-ignore]

    fs, _, matches = fsspec.core.get_fs_token_paths(url, storage_options=storage_options)
    files: list[str] = []
    for match in sorted(matches):
        if fs.isdir(match):
            top = match.rstrip("/") + "/"
            found = (f for f in sorted(fs.find(match)) if wanted(f.removeprefix(top), globs))
            files.extend(fs.unstrip_protocol(f) for f in found)
        else:
            files.append(fs.unstrip_protocol(match))
    return files


def _is_url(name: str) -> bool:
    return "://" in name


def _has_magic(name: str) -> bool:
    return any(ch in name for ch in "*?[")
