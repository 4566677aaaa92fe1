"""`newsextract.dask` on a real two-process Dask cluster: the same records, in the same order,
as the single-process batch functions and the CLI.

Skipped when dask.bag or distributed is missing; the dataframe tests also need pandas and
pyarrow. All of them are in the `dev` extra, so CI runs every test here, README's Dask
snippets included; its Spark and datatrove snippets run when those are installed.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")
pytest.importorskip("fastwarc")
warcwriter = pytest.importorskip("warcio.warcwriter")

from warcio.statusandheaders import StatusAndHeaders  # noqa: E402

import newsextract.dask as nxd  # noqa: E402
from newsextract.io.batch import records_for_path  # noqa: E402

SRC = Path(__file__).resolve().parents[1] / "src"


def _page(headline: str) -> str:
    return (
        f"<html><body><article><h1>{headline}</h1>"
        f"<p>The council said on Tuesday that {headline.lower()} would go ahead.</p>"
        "<p>Work starts in May and should take about two years, officials said.</p>"
        "</article></body></html>"
    )


def _write_warc(path: Path, pages: list[tuple[str, str]]) -> None:
    with path.open("wb") as handle:
        writer = warcwriter.WARCWriter(handle, gzip=True)
        for uri, html in pages:
            http = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            writer.write_record(
                writer.create_warc_record(
                    uri, "response", payload=io.BytesIO(html.encode()), http_headers=http
                )
            )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Six pages (one gzipped, one empty), and a WARC of three pages, in nested folders."""
    root = tmp_path_factory.mktemp("corpus")
    (root / "b").mkdir()
    for n in range(4):
        (root / f"story-{n}.html").write_text(_page(f"Story number {n}"), encoding="utf-8")
    (root / "b" / "zipped.html.gz").write_bytes(gzip.compress(_page("Zipped story").encode()))
    (root / "b" / "empty.html").write_text("   ", encoding="utf-8")
    _write_warc(
        root / "b" / "crawl.warc.gz",
        [(f"https://gazette.example/news/{n}", _page(f"Crawled story {n}")) for n in range(3)],
    )
    return root


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    with distributed.Client(cluster) as connected:
        yield connected
    cluster.close()


def _single_process(paths: list[str]) -> list[dict[str, Any]]:
    return [record.to_dict() for path in paths for record in records_for_path(path)]


def test_bag_equals_the_single_process_records(corpus: Path, client: Any) -> None:
    paths = nxd.expand_paths(str(corpus))
    assert len(paths) == 7
    bag = nxd.to_bag(str(corpus), npartitions=3)
    assert bag.npartitions == 3
    records = bag.compute()
    assert records == _single_process(paths)
    assert len(records) == 9  # Six pages, and three from the WARC.
    assert [r.get("error") for r in records].count("EmptyInput") == 1
    assert [r["warc_target_uri"] for r in records if "warc_target_uri" in r] == [
        f"https://gazette.example/news/{n}" for n in range(3)
    ]
    workers = client.run(os.getpid)
    assert len(set(workers.values())) == 2


def test_bag_equals_the_cli_output(corpus: Path, client: Any) -> None:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    result = subprocess.run(
        [sys.executable, "-m", "newsextract", "--error-records", str(corpus)],
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )
    lines = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert nxd.to_bag([str(corpus)]).compute() == lines


def test_dataframe_has_every_column(corpus: Path, client: Any) -> None:
    pytest.importorskip("dask.dataframe")
    frame = nxd.to_dataframe(str(corpus), npartitions=2)
    assert tuple(frame.columns) == nxd.COLUMNS
    rows = frame.compute()
    expected = [nxd.as_row(r) for r in _single_process(nxd.expand_paths(str(corpus)))]
    assert len(rows) == len(expected)
    assert list(rows["source"]) == [r["source"] for r in expected]
    # Arrow columns: an absent value is pandas' NA.
    assert [h if isinstance(h, str) else None for h in rows["headline"]] == [
        r["headline"] for r in expected
    ]
    assert [list(p) for p in rows["paragraphs"] if isinstance(p, list)] == [
        r["paragraphs"] for r in expected if r["paragraphs"] is not None
    ]


def test_whole_dataframe_writes_to_parquet_and_reads_back(
    corpus: Path, client: Any, tmp_path: Path
) -> None:
    pytest.importorskip("dask.dataframe")
    parquet = pytest.importorskip("pyarrow.parquet")
    nxd.to_dataframe(str(corpus), npartitions=2).to_parquet(str(tmp_path / "all"))
    table = parquet.read_table(str(tmp_path / "all")).to_pylist()
    expected = [nxd.as_row(r) for r in _single_process(nxd.expand_paths(str(corpus)))]
    assert [{c: row[c] for c in nxd.COLUMNS} for row in table] == [
        {**r, **{k: r.get(k) for k in nxd.COLUMNS}} for r in expected
    ]


# --- README's snippets, run as written on a local corpus -------------------------------------

README = Path(__file__).resolve().parents[1] / "README.md"


def _readme_snippets() -> list[str]:
    """The Python blocks of README's "Many machines" section, in order: the Dask bag, the
    Dask dataframe, Spark, datatrove."""
    text = README.read_text(encoding="utf-8")
    section = text.split("## Many machines", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, flags=re.DOTALL)


def _local(snippet: str, corpus: Path, out: Path, scheduler: str = "") -> str:
    """A snippet with its bucket URLs and scheduler address pointing at this test's own."""
    for remote, here in (
        ("s3://bucket/crawl/", str(corpus)),
        ("s3://bucket/records/", f"{out}/records/"),
        ('"out/"', repr(f"{out}/out/")),
        ("tcp://scheduler:8786", scheduler),
    ):
        snippet = snippet.replace(remote, here)
    return snippet


def test_readme_has_the_four_snippets() -> None:
    snippets = _readme_snippets()
    assert len(snippets) == 4
    assert "to_bag" in snippets[0] and "to_parquet" in snippets[1]
    assert "mapPartitions" in snippets[2] and "PipelineStep" in snippets[3]


def test_readme_dask_snippets_run(corpus: Path, client: Any, tmp_path: Path) -> None:
    pytest.importorskip("dask.dataframe")
    parquet = pytest.importorskip("pyarrow.parquet")
    bag_snippet, frame_snippet = _readme_snippets()[:2]
    names: dict[str, Any] = {}
    try:
        exec(_local(bag_snippet, corpus, tmp_path, client.scheduler.address), names)
    finally:
        if "client" in names:  # The snippet's own client, to the test's cluster.
            names["client"].close()
    lines = [
        json.loads(line)
        for path in sorted((tmp_path / "records").glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    assert lines == _single_process(nxd.expand_paths(str(corpus)))
    exec(_local(frame_snippet, corpus, tmp_path), names)
    table = parquet.read_table(str(tmp_path / "out")).to_pylist()
    assert [row["headline"] for row in table] == [r["headline"] for r in lines if "error" not in r]
    assert set(table[0]) >= {"url", "headline", "published", "agency"}


def test_readme_spark_snippet_runs(corpus: Path, tmp_path: Path) -> None:
    pyspark_sql = pytest.importorskip("pyspark.sql")
    spark = pyspark_sql.SparkSession.builder.master("local[2]").getOrCreate()
    try:
        exec(_local(_readme_snippets()[2], corpus, tmp_path), {"spark": spark})
    finally:
        spark.stop()
    lines = [
        json.loads(line)
        for path in sorted((tmp_path / "records").glob("part-*"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    assert lines == _single_process(nxd.expand_paths(str(corpus)))


def test_readme_datatrove_snippet_runs(corpus: Path, tmp_path: Path) -> None:
    data = pytest.importorskip("datatrove.data")
    names: dict[str, Any] = {}
    exec(_local(_readme_snippets()[3], corpus, tmp_path), names)
    pages = sorted(corpus.glob("story-*.html"))
    documents = [
        data.Document(text=p.read_text(encoding="utf-8"), id=p.name, metadata={"url": None})
        for p in pages
    ]
    out = list(names["NewsExtractor"]().run(documents))
    assert [d.metadata["headline"] for d in out] == [f"Story number {n}" for n in range(4)]
    assert all(d.text.startswith("The council said on Tuesday") for d in out)


def test_partition_function_reads_urls_like_paths(corpus: Path) -> None:
    pytest.importorskip("fsspec")
    paths = nxd.expand_paths(str(corpus))
    as_urls = nxd.expand_paths(f"file://{corpus}")
    assert as_urls == [f"file://{p}" for p in paths]
    records = list(nxd.partition_records(as_urls))
    expected = _single_process(paths)
    assert [{**r, "source": ""} for r in records] == [{**r, "source": ""} for r in expected]


def test_partition_function_on_a_remote_filesystem(corpus: Path) -> None:
    fsspec = pytest.importorskip("fsspec")
    memory = fsspec.filesystem("memory")
    memory.pipe("/nx-test/a.html", _page("Remote story").encode())
    memory.pipe("/nx-test/crawl.warc.gz", (corpus / "b" / "crawl.warc.gz").read_bytes())
    memory.pipe("/nx-test/skip.json", b"{}")
    urls = nxd.expand_paths("memory://nx-test")
    assert urls == ["memory:///nx-test/a.html", "memory:///nx-test/crawl.warc.gz"]
    records = list(nxd.partition_records([*urls, "memory:///nx-test/missing.html"]))
    assert [r.get("headline") or r.get("error") for r in records] == [
        "Remote story",
        "Crawled story 0",
        "Crawled story 1",
        "Crawled story 2",
        "ReadError",
    ]
    assert records[0]["source"] == "memory:///nx-test/a.html"


def test_page_record_is_the_cli_record_for_a_page_in_memory() -> None:
    record = nxd.page_record(_page("In memory"), url="https://gazette.example/a", source="doc-1")
    assert record["source"] == "doc-1" and record["headline"] == "In memory"
    assert record["url"] == "https://gazette.example/a"
