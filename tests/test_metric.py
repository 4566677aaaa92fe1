"""The Zyte benchmark metric (`benchmarks/_metric.py`) on small examples worked out by hand.

Notation in the comments: tokens are numbered or lettered; a shingle is written as its tokens
run together ("abcd" is the shingle ("a", "b", "c", "d")).
"""

from __future__ import annotations

from collections import Counter

import pytest

from benchmarks._metric import (
    PageCounts,
    aggregate,
    page_counts,
    score_pairs,
    shingles,
    tokenize,
    unmatched_spans,
)

SIX = "one two three four five six"


# --- tokens ---------------------------------------------------------------------------------


def test_tokens_are_word_runs_split_at_punctuation() -> None:
    # `\w+`: punctuation and spaces separate; the underscore is a word character; case is kept.
    assert tokenize("U.S. don't stop_here, The end!") == [
        "U",
        "S",
        "don",
        "t",
        "stop_here",
        "The",
        "end",
    ]


def test_unicode_tokens() -> None:
    # Letters of every script are word characters; accents stay inside the word.
    assert tokenize("Привет, мир! café naïve") == ["Привет", "мир", "café", "naïve"]
    # Text without spaces (Japanese, Chinese) is one token per unbroken run.
    assert tokenize("東京都は晴れ。明日も") == ["東京都は晴れ", "明日も"]
    # Digits are word characters too.
    assert tokenize("3,5 % in 2024") == ["3", "5", "in", "2024"]


def test_no_tokens() -> None:
    assert tokenize("") == []
    assert tokenize(None) == []
    assert tokenize(" -- !!! ... ") == []


# --- shingles -------------------------------------------------------------------------------


def test_shingles_of_five_tokens() -> None:
    # 5 tokens give 5 - 4 + 1 = 2 shingles.
    assert shingles("a b c d e") == Counter({("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1})


def test_short_texts_give_one_shorter_shingle() -> None:
    assert shingles("Hello world") == Counter({("Hello", "world"): 1})
    assert shingles("one") == Counter({("one",): 1})
    assert shingles("a b c d") == Counter({("a", "b", "c", "d"): 1})
    assert shingles("  ...  ") == Counter()


def test_shingles_are_a_multiset() -> None:
    # "a b c d a b c d": abcd, bcda, cdab, dabc, abcd -> abcd twice.
    assert shingles("a b c d a b c d") == Counter(
        {
            ("a", "b", "c", "d"): 2,
            ("b", "c", "d", "a"): 1,
            ("c", "d", "a", "b"): 1,
            ("d", "a", "b", "c"): 1,
        }
    )


# --- one page -------------------------------------------------------------------------------


def test_identical_texts() -> None:
    # 6 tokens -> 3 shingles, all shared: tp 3, fp 0, fn 0. Layout does not matter.
    c = page_counts(SIX, "one two\n\nthree, four five six")
    assert (c.tp, c.fp, c.fn, c.exact) == (3, 0, 0, True)
    assert c.precision == 1.0
    assert c.recall == 1.0
    assert c.f1 == 1.0


def test_disjoint_texts() -> None:
    # truth abcd, bcde; prediction vwxy, wxyz: nothing shared. tp 0, fp 2, fn 2.
    c = page_counts("a b c d e", "v w x y z")
    assert (c.tp, c.fp, c.fn, c.exact) == (0, 2, 2, False)
    assert c.precision == 0.0
    assert c.recall == 0.0
    assert c.f1 == 0.0


def test_partial_overlap_one_word_changed() -> None:
    # truth:      1234 2345 3456
    # prediction: 1234 2345 3457   ("six" -> "seven")
    # tp 2, fp 1, fn 1: P = 2/3, R = 2/3.
    c = page_counts(SIX, "one two three four five seven")
    assert (c.tp, c.fp, c.fn) == (2, 1, 1)
    assert c.precision == pytest.approx(2 / 3)
    assert c.recall == pytest.approx(2 / 3)


def test_partial_overlap_extra_boilerplate() -> None:
    # prediction = truth + "Share this story now": 10 tokens -> 7 shingles, of which the
    # truth's 3 (1234 2345 3456) match and 4 run into or through the boilerplate.
    # tp 3, fp 4, fn 0: P = 3/7, R = 1.
    c = page_counts(SIX, SIX + ". Share this story now")
    assert (c.tp, c.fp, c.fn) == (3, 4, 0)
    assert c.precision == pytest.approx(3 / 7)
    assert c.recall == 1.0
    # per-page F1 = 2 * (3/7) * 1 / (3/7 + 1) = (6/7) / (10/7) = 0.6
    assert c.f1 == pytest.approx(0.6)


def test_partial_overlap_missing_tail() -> None:
    # truth 8 tokens -> 5 shingles; prediction = its first 5 tokens -> 2 shingles, both shared.
    # tp 2, fp 0, fn 3: P = 1, R = 2/5.
    c = page_counts("one two three four five six seven eight", "one two three four five")
    assert (c.tp, c.fp, c.fn) == (2, 0, 3)
    assert c.precision == 1.0
    assert c.recall == pytest.approx(0.4)


def test_texts_under_four_tokens() -> None:
    # Same 2 tokens: one shingle ("Hello", "world") each; tp 1.
    c = page_counts("Hello world", "Hello, world!")
    assert (c.tp, c.fp, c.fn, c.exact) == (1, 0, 0, True)
    # 3 tokens against 2: ("Hello", "world", "again") is not ("Hello", "world"); tp 0.
    c = page_counts("Hello world", "Hello world again")
    assert (c.tp, c.fp, c.fn) == (0, 1, 1)
    # A 2-token prediction never matches a 4-token shingle of a longer truth.
    c = page_counts("a b c d e", "a b")
    assert (c.tp, c.fp, c.fn) == (0, 1, 2)


def test_empty_prediction() -> None:
    # truth abcd, bcde; no prediction shingle: tp 0, fp 0, fn 2.
    # Precision is undefined (None: the page is left out of the precision mean); recall 0.
    for empty in ("", None, "  ©  | "):
        c = page_counts("a b c d e", empty)
        assert (c.tp, c.fp, c.fn, c.exact) == (0, 0, 2, False)
        assert c.precision is None
        assert c.recall == 0.0
        assert c.f1 == 0.0


def test_both_empty() -> None:
    c = page_counts("", "")
    assert (c.tp, c.fp, c.fn, c.exact) == (0, 0, 0, True)
    assert c.precision is None
    assert c.recall is None
    assert c.f1 == 1.0


def test_repeated_shingles_count_as_a_multiset() -> None:
    # truth "a b c d a b c d": abcd x2, bcda, cdab, dabc (5).
    # prediction "a b c d": abcd x1. tp = min(2, 1) = 1, fp 0, fn = 1 + 1 + 1 + 1 = 4.
    c = page_counts("a b c d a b c d", "a b c d")
    assert (c.tp, c.fp, c.fn) == (1, 0, 4)
    assert c.precision == 1.0
    assert c.recall == pytest.approx(1 / 5)
    # prediction "a b c d" three times: abcd x3, bcda x2, cdab x2, dabc x2 (9).
    # tp = 2 + 1 + 1 + 1 = 5, fp = 1 + 1 + 1 + 1 = 4, fn 0: P = 5/9, R = 1.
    c = page_counts("a b c d a b c d", "a b c d a b c d a b c d")
    assert (c.tp, c.fp, c.fn) == (5, 4, 0)
    assert c.precision == pytest.approx(5 / 9)
    assert c.recall == 1.0


def test_unicode_page() -> None:
    # 5 Cyrillic tokens -> 2 shingles; the prediction drops the last word: 4 tokens -> 1
    # shingle, the truth's first. tp 1, fp 0, fn 1.
    c = page_counts("Привет мир, как дела сегодня", "Привет мир как дела")
    assert (c.tp, c.fp, c.fn) == (1, 0, 1)
    assert c.recall == pytest.approx(0.5)


def test_case_matters() -> None:
    # "The" and "the" are different tokens: 4 tokens -> 1 shingle each, different.
    c = page_counts("The cat sat down", "the cat sat down")
    assert (c.tp, c.fp, c.fn, c.exact) == (0, 1, 1, False)


# --- aggregates -----------------------------------------------------------------------------


def test_precision_and_recall_are_means_over_pages_not_sums() -> None:
    # Page 1: truth abcd bcde, prediction abcd bcdx: tp 1, fp 1, fn 1 -> P 1/2, R 1/2.
    # Page 2: 12 distinct tokens -> 9 shingles, predicted exactly -> P 1, R 1.
    # Macro (the benchmark): P = (1/2 + 1) / 2 = 0.75, R = 0.75, F1 = 0.75.
    # A micro average would give P = (1 + 9) / (2 + 9) = 10/11 instead: not the metric.
    twelve = " ".join(f"t{i}" for i in range(12))
    s = score_pairs([("a b c d e", "a b c d x"), (twelve, twelve)])
    assert s.precision == pytest.approx(0.75)
    assert s.recall == pytest.approx(0.75)
    assert s.f1 == pytest.approx(0.75)
    assert s.accuracy == pytest.approx(0.5)
    assert s.pages == 2


def test_empty_prediction_costs_recall_only() -> None:
    # Page 1 perfect (P 1, R 1); page 2 empty (P left out, R 0).
    # P = mean([1]) = 1; R = mean([1, 0]) = 0.5; F1 = 2 * 1 * 0.5 / 1.5 = 2/3.
    s = score_pairs([(SIX, SIX), (SIX, "")])
    assert s.precision == 1.0
    assert s.recall == pytest.approx(0.5)
    assert s.f1 == pytest.approx(2 / 3)
    assert s.accuracy == pytest.approx(0.5)


def test_f1_is_harmonic_mean_of_the_means_not_mean_of_page_f1() -> None:
    # Page 1: P 1, R 1/5 (the "a b c d" example above); page 2: P 5/9, R 1.
    # Mean P = (1 + 5/9) / 2 = 7/9; mean R = (1/5 + 1) / 2 = 3/5.
    # F1 = 2 * (7/9) * (3/5) / (7/9 + 3/5) = (42/45) / (62/45) = 21/31.
    # (The mean of per-page F1s would be (1/3 + 5/7) / 2 = 11/21: different.)
    s = score_pairs(
        [
            ("a b c d a b c d", "a b c d"),
            ("a b c d a b c d", "a b c d a b c d a b c d"),
        ]
    )
    assert s.precision == pytest.approx(7 / 9)
    assert s.recall == pytest.approx(3 / 5)
    assert s.f1 == pytest.approx(21 / 31)


def test_aggregate_of_nothing_found() -> None:
    s = aggregate([PageCounts(tp=0, fp=0, fn=3, exact=False)])
    assert (s.precision, s.recall, s.f1, s.accuracy, s.pages) == (0.0, 0.0, 0.0, 0.0, 1)
    assert aggregate([]).pages == 0


# --- what was missed, what was added --------------------------------------------------------


def test_unmatched_spans_missed_and_extra() -> None:
    truth = "One two three four five. Six seven eight!"
    pred = "Advertisement. One two three four five"
    # Shared shingles: "One two three four", "two three four five" -> tokens 1-5 covered.
    assert unmatched_spans(truth, pred) == ["Six seven eight"]
    assert unmatched_spans(pred, truth) == ["Advertisement"]
    assert unmatched_spans(truth, truth) == []
    assert unmatched_spans(truth, "") == [truth.removesuffix("!")]


def test_unmatched_spans_consume_the_multiset() -> None:
    # The truth holds "a b c d" twice, the prediction once: one of the two is missed.
    assert unmatched_spans("a b c d. a b c d", "a b c d") == ["a b c d"]
