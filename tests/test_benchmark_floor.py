"""newsextract's body-text F1 on the Zyte benchmark must not fall below a floor.

Runs the accuracy computation of `benchmarks/accuracy.py` for newsextract alone, with the
network blocked, on `../shared/datasets/zyte` beside the repository (skipped when that data
set is absent). Raise `F1_FLOOR` as the extractor improves; never lower it to make a change pass.
"""

from __future__ import annotations

import pytest

from benchmarks._data import DEFAULT_DATA, load_pages

F1_FLOOR = 0.975


def test_newsextract_f1_on_zyte_is_above_floor() -> None:
    if not (DEFAULT_DATA / "ground-truth.json").is_file():
        pytest.skip(f"Zyte benchmark data set not found at {DEFAULT_DATA}")
    from benchmarks.accuracy import evaluate, summarize, worst_pages

    results = evaluate(["newsextract"], load_pages(DEFAULT_DATA))["newsextract"]
    summary = summarize("newsextract", results)
    scores = summary.scores
    assert scores.f1 >= F1_FLOOR, (
        f"newsextract F1 {scores.f1:.4f} < floor {F1_FLOOR} "
        f"(P {scores.precision:.4f}, R {scores.recall:.4f}, {summary.failures} failures)\n"
        + worst_pages("newsextract", results, 10)
    )
