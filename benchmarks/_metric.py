"""The body-text metric of the Zyte (scrapinghub) article-extraction benchmark, implemented once.

Definition, as the benchmark's own `evaluate.py` computes it:

* Tokens are the `\\w+` matches of a text (Unicode word characters, case kept).
* A text becomes the multiset of its 4-token shingles (consecutive token 4-tuples). A text of
  1 to 3 tokens gives one shorter shingle (all its tokens); a text of no tokens gives none.
* Per page, over the union of shingles: tp += min(true, pred), fp += max(0, pred - true),
  fn += max(0, true - pred).
* The benchmark then divides tp, fp and fn by their sum ("so that longer texts do not have
  more weight"). That division does not change the per-page ratios tp/(tp+fp) and tp/(tp+fn),
  and the aggregates below are means of those per-page ratios (macro averages), so we keep the
  integer counts and compute the ratios from them. The division matters only to anyone who
  would sum tp and fp across pages (a micro average): that is NOT the published metric.
* Page precision = 1.0 when fp == fn == 0, else tp / (tp + fp); page recall likewise with fn.
* Precision = mean of page precision over pages with tp + fp > 0 (an empty prediction is left
  out of precision and only costs recall); recall = mean of page recall over pages with
  tp + fn > 0 (pages with an empty truth are left out).
* F1 = harmonic mean of (mean precision, mean recall), not the mean of per-page F1.
* Accuracy = share of pages whose token lists are identical.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = [
    "SHINGLE_SIZE",
    "PageCounts",
    "Scores",
    "aggregate",
    "page_counts",
    "score_pairs",
    "shingles",
    "tokenize",
    "unmatched_spans",
]

SHINGLE_SIZE = 4

# A `str` pattern is Unicode-aware by default: `\w` matches letters and digits of every script
# (and `_`), exactly as the benchmark's `re.UNICODE` pattern does.
_TOKEN_RE = re.compile(r"\w+")

Shingle = tuple[str, ...]


def tokenize(text: str | None) -> list[str]:
    """The text's `\\w+` tokens, in order."""
    return _TOKEN_RE.findall(text or "")


def _shingles_of_tokens(tokens: Sequence[str], n: int) -> list[Shingle]:
    if not tokens:
        return []
    if len(tokens) < n:
        return [tuple(tokens)]
    return [tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]


def shingles(text: str | None, n: int = SHINGLE_SIZE) -> Counter[Shingle]:
    """The multiset of the text's n-token shingles."""
    return Counter(_shingles_of_tokens(tokenize(text), n))


@dataclass(frozen=True, slots=True)
class PageCounts:
    """Shingle overlap of one page's prediction with its truth, as integer multiset counts."""

    tp: int
    fp: int
    fn: int
    exact: bool
    """True when the prediction's token list equals the truth's."""

    @property
    def precision(self) -> float | None:
        """Page precision, or None when the prediction has no shingle (left out of the mean)."""
        if self.tp + self.fp == 0:
            return None
        if self.fp == 0 and self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        """Page recall, or None when the truth has no shingle (left out of the mean)."""
        if self.tp + self.fn == 0:
            return None
        if self.fp == 0 and self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        """Per-page F1, for ranking pages only (the benchmark's F1 is not a mean of these)."""
        p, r = self.precision, self.recall
        if p is None and r is None:
            return 1.0  # nothing to find and nothing found
        p = p or 0.0
        r = 1.0 if r is None else r
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def page_counts(true: str | None, pred: str | None, n: int = SHINGLE_SIZE) -> PageCounts:
    """tp, fp, fn of the multisets of shingles of `pred` against `true`, and exact match."""
    true_tokens = tokenize(true)
    pred_tokens = tokenize(pred)
    true_sh = Counter(_shingles_of_tokens(true_tokens, n))
    pred_sh = Counter(_shingles_of_tokens(pred_tokens, n))
    tp = sum((true_sh & pred_sh).values())
    fp = sum((pred_sh - true_sh).values())
    fn = sum((true_sh - pred_sh).values())
    return PageCounts(tp=tp, fp=fp, fn=fn, exact=true_tokens == pred_tokens)


@dataclass(frozen=True, slots=True)
class Scores:
    """The benchmark's aggregate numbers over a set of pages."""

    precision: float
    recall: float
    f1: float
    accuracy: float
    pages: int


def aggregate(counts: Iterable[PageCounts]) -> Scores:
    """Mean precision, mean recall, their harmonic mean, and the exact-match share.

    A set where no page has a prediction (or no page has a truth) scores 0.0 for the missing
    mean rather than raising, so that a tool that fails everywhere still gets a row.
    """
    pages = list(counts)
    precisions = [p for c in pages if (p := c.precision) is not None]
    recalls = [r for c in pages if (r := c.recall) is not None]
    precision = statistics.fmean(precisions) if precisions else 0.0
    recall = statistics.fmean(recalls) if recalls else 0.0
    f1 = 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)
    accuracy = statistics.fmean(c.exact for c in pages) if pages else 0.0
    return Scores(precision=precision, recall=recall, f1=f1, accuracy=accuracy, pages=len(pages))


def score_pairs(pairs: Iterable[tuple[str | None, str | None]]) -> Scores:
    """Aggregate scores of (true, predicted) text pairs."""
    return aggregate(page_counts(true, pred) for true, pred in pairs)


def unmatched_spans(text: str, other: str, n: int = SHINGLE_SIZE) -> list[str]:
    """The runs of `text` that no shingle shared with `other` covers, as original substrings.

    With `text` = truth and `other` = prediction these are the missed passages; the other way
    round, the extra ones. Shared shingles are consumed as a multiset, so a passage that the
    truth holds twice and the prediction once is reported once.
    """
    matches = list(_TOKEN_RE.finditer(text))
    tokens = [m.group() for m in matches]
    available = shingles(other, n)
    covered = [False] * len(tokens)
    width = min(n, len(tokens))
    for start, shingle in enumerate(_shingles_of_tokens(tokens, n)):
        if available[shingle] > 0:
            available[shingle] -= 1
            for i in range(start, start + width):
                covered[i] = True
    spans: list[str] = []
    i = 0
    while i < len(tokens):
        if covered[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(tokens) and not covered[j + 1]:
            j += 1
        spans.append(text[matches[i].start() : matches[j].end()])
        i = j + 1
    return spans
