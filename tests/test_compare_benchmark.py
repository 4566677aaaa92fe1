"""`benchmarks/compare.py`: a checkout's package copied under another name runs as itself."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

from benchmarks.compare import _copy_package, _timed_run
from benchmarks.stages import STAGES
from newsextract import extract

REPO = Path(__file__).resolve().parents[1]
PAGE = (
    "<html><head><title>Harbour vote</title></head><body><article><h1>Harbour vote</h1>"
    + "<p>The harbour commission met on Tuesday and argued for hours about the budget.</p>" * 4
    + "</article></body></html>"
)


def test_a_copied_package_extracts_what_the_original_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    name = "newsextract_copy_under_test"
    _copy_package(REPO, name, tmp_path)
    text = (tmp_path / name / "pipeline" / "run.py").read_text(encoding="utf-8")
    assert f"from {name}.pipeline.parse import parse" in text
    assert "from newsextract." not in text
    monkeypatch.syspath_prepend(str(tmp_path))
    totals = dict.fromkeys(STAGES, 0.0)
    try:
        run_stages = _timed_run(name, totals)
        copied = run_stages(PAGE)
        assert copied.paragraphs == extract(PAGE).paragraphs
        assert copied.paragraphs
        assert totals["parse"] > 0 and totals["segment"] > 0
    finally:
        for module in [m for m in sys.modules if m == name or m.startswith(name + ".")]:
            del sys.modules[module]
        importlib.invalidate_caches()
