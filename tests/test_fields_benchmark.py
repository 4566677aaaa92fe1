"""The scoring helpers of `benchmarks/fields.py`, and a floor on the news fields of the fixtures.

The helpers are checked on small hand-made cases with exact expected numbers. The floor runs the
fixtures part of the benchmark (newsextract only, no peers): dateline and agency must be right
on every fixture, which holds today, so a change that breaks one shows up here by field.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date, datetime, timedelta, timezone

import pytest

from benchmarks._fields_data import (
    UNLABELLED,
    CaptionLabel,
    NewsLabel,
    load_fixtures,
    load_newsfields,
)
from benchmarks._fields_match import (
    NEWSEXTRACT,
    FieldResult,
    ItemCounts,
    NameCounts,
    Outcome,
    Record,
    caption_counts,
    day_of,
    judge,
    match_texts,
    name_counts,
    name_key,
    normalize,
    same_day,
    same_text,
    starts_with_any,
)
from benchmarks._fields_report import (
    summarize,
)
from benchmarks._fields_runs import (
    run_fixtures,
    score_fixture,
    score_newsfields,
)

# --- text and names ----------------------------------------------------------------------------


def test_normalize_folds_case_and_collapses_whitespace() -> None:
    assert normalize("  Hello\n\t WORLD\u00a0 ") == "hello world"
    assert normalize(None) == ""
    assert same_text("NEW YORK", "new  york")
    assert not same_text("NEW YORK", None)
    assert same_text(None, "   ")


def test_starts_with_any() -> None:
    paragraph = "WASHINGTON (AP) — New uncertainty  hangs over the race"
    assert starts_with_any(paragraph, ["washington (ap) — new uncertainty hangs"])
    assert starts_with_any(paragraph, ["Other start", "WASHINGTON (AP)"])
    assert not starts_with_any(paragraph, ["Image 1 of"])
    assert not starts_with_any(None, ["WASHINGTON"])
    assert not starts_with_any(paragraph, [""])  # an empty label matches nothing


def test_name_key() -> None:
    assert name_key("Ringo H.W. Chiu") == "ringo h w chiu"
    assert name_key("ringo h. w.  chiu") == "ringo h w chiu"
    assert name_key("Conan O\u2019Brien") == name_key("CONAN O'BRIEN") == "conan o'brien"
    assert name_key("Anna Mu\u0308ller") == name_key("Anna Müller")  # NFD = NFC


def test_name_counts_exact_numbers() -> None:
    got = ["LISA MASCARO", "Eric Tucker Associated Press"]
    want = ["Lisa Mascaro", "Mary Clare Jalonick", "Eric Tucker"]
    counts = name_counts(got, want)
    assert counts == NameCounts(tp=1, fp=1, fn=2)
    assert counts.precision == 0.5
    assert counts.recall == pytest.approx(1 / 3)
    assert counts.f1 == pytest.approx(0.4)


def test_name_counts_ignores_order_and_repeats() -> None:
    assert name_counts(["B. Two", "A One", "a  one"], ["a one", "B Two"]) == NameCounts(2, 0, 0)


def test_name_counts_on_pages_with_no_person() -> None:
    counts = name_counts(["Cnn Editor-at-large"], [])
    assert counts == NameCounts(tp=0, fp=1, fn=0)
    assert counts.precision == 0.0
    assert counts.recall is None and counts.f1 is None
    empty = name_counts([], [])
    assert (empty.precision, empty.recall, empty.f1) == (None, None, None)


def test_name_counts_add_up() -> None:
    total = NameCounts(1, 2, 3) + NameCounts(4, 0, 1)
    assert total == NameCounts(5, 2, 4)
    assert total.precision == pytest.approx(5 / 7)
    assert total.recall == pytest.approx(5 / 9)
    assert total.f1 == pytest.approx(2 * (5 / 7) * (5 / 9) / (5 / 7 + 5 / 9))


# --- days --------------------------------------------------------------------------------------

PACIFIC = timezone(timedelta(hours=-8))


def test_day_of_keeps_the_given_offset() -> None:
    assert day_of(datetime(2019, 11, 18, 23, 3, tzinfo=PACIFIC)) == date(2019, 11, 18)
    assert day_of("2019-11-19T07:03:25Z") == date(2019, 11, 19)
    assert day_of("2019-11-18T23:03:00-08:00") == date(2019, 11, 18)
    assert day_of("2019-11-18") == date(2019, 11, 18)
    assert day_of(date(2019, 11, 18)) == date(2019, 11, 18)
    assert day_of("2019-11-18 garbage") == date(2019, 11, 18)
    assert day_of("yesterday") is None
    assert day_of(None) is None


def test_same_day_with_alternates() -> None:
    ours = "2019-11-19T07:03:25+00:00"
    assert same_day(ours, ["2019-11-18", "2019-11-19"])
    assert not same_day(ours, ["2019-11-18"])
    assert same_day(datetime(2019, 11, 18, 23, 3, tzinfo=PACIFIC), ["2019-11-18"])
    assert not same_day(None, ["2019-11-18"])
    assert not same_day(ours, [])
    # Fixture form: the expected value is a full timestamp, compared by its own day.
    assert same_day("2024-03-05T23:59:00+00:00", ["2024-03-05T14:03:11+00:00"])


# --- captions ----------------------------------------------------------------------------------


def test_match_texts_prefix_uses_each_caption_once() -> None:
    got = ["1of4A shopper looks at cords", "A shopper looks at cords", "a  SHOPPER looks again"]
    assert match_texts(["A shopper looks", "A shopper looks"], got, prefix=True) == [1, 2]
    assert match_texts(["A shopper looks at cords"], got, prefix=False) == [1]
    assert match_texts(["A shopper"] * 3, got, prefix=True) == [1, 2, None]


def test_caption_counts_counter_prefix_is_not_found() -> None:
    wanted = [("Grass Valley's Dionicio Torres looks", "Elias Funez/The Union via AP")]
    got = [("1of4Grass Valley's Dionicio Torres looks at cans", "Elias Funez/The Union via AP")]
    assert caption_counts(wanted, got, prefix=True) == ItemCounts(1, 0, 0, 1, 0)


def test_caption_counts_found_credit_and_blanks() -> None:
    wanted: list[tuple[str, str | None]] = [
        ("The first global geologic map of Titan.", "NASA/JPL-Caltech/ASU"),
        ("Former Massachusetts Gov. Deval Patrick", "Meg Kinnard, AP"),
        ("A view of the harbour", None),
    ]
    got: list[tuple[str, str | None]] = [
        ("", "Meg Kinnard, AP"),
        ("The first global geologic map of Titan. Credit below.", "nasa/jpl-caltech/asu"),
        ("Former Massachusetts Gov. Deval Patrick, left, speaks", "AP"),
        ("A view of the harbour at dawn", None),
        ("Caption", None),
    ]
    counts = caption_counts(wanted, got, prefix=True)
    assert counts == ItemCounts(labelled=3, found=3, credit_right=2, extra=2, blank=1)
    # Exact matching (the fixtures): only whole texts count.
    exact = caption_counts([("A view of the harbour at dawn", None)], got, prefix=False)
    assert exact == ItemCounts(labelled=1, found=1, credit_right=1, extra=4, blank=1)


# --- outcomes ----------------------------------------------------------------------------------


def test_judge() -> None:
    assert judge(has_value=False, label_has_value=False, right=False) is Outcome.RIGHT
    assert judge(has_value=True, label_has_value=False, right=False) is Outcome.FALSE_POS
    assert judge(has_value=False, label_has_value=True, right=False) is Outcome.MISSED
    assert judge(has_value=True, label_has_value=True, right=True) is Outcome.RIGHT
    assert judge(has_value=True, label_has_value=True, right=False) is Outcome.WRONG


BASE_LABEL = NewsLabel(
    id="x",
    url=None,
    headlines=("Why you just can't trust it", "Why you can't trust it"),
    dateline=None,
    agency="CNN",
    authors=("Chris Cillizza",),
    published_days=("2019-11-18", "2019-11-19"),
    captions=UNLABELLED,
    related_count_min=UNLABELLED,
    first_paragraph=("(CNN)President Donald Trump",),
    last_paragraph=("This -- right here", "Other ending"),
    notes="",
)


def _outcomes(results: Sequence[FieldResult]) -> dict[str, Outcome]:
    return {r.field: r.outcome for r in results}


def test_score_newsfields() -> None:
    record = Record(
        headline="WHY YOU CAN'T TRUST IT",
        dateline=None,
        agency="cnn",
        authors=("Cnn Editor-at-large",),
        published="2019-11-19T01:00:00+00:00",
        captions=(("", "Somebody"),),
        paragraphs=("(CNN)President Donald Trump, according to ...", "Image 1 of / 5"),
    )
    results = score_newsfields(record, BASE_LABEL)
    assert _outcomes(results) == {
        "headline": Outcome.RIGHT,  # an alternate
        "dateline": Outcome.RIGHT,  # none, as labelled
        "agency": Outcome.RIGHT,
        "authors": Outcome.WRONG,
        "published": Outcome.RIGHT,  # an alternate day
        "first paragraph": Outcome.RIGHT,
        "last paragraph": Outcome.WRONG,
    }  # captions and related are unlabelled: not scored
    authors = next(r for r in results if r.field == "authors")
    assert authors.names == NameCounts(tp=0, fp=1, fn=1)


def test_score_newsfields_false_positive_and_missed() -> None:
    label = dataclasses.replace(
        BASE_LABEL,
        authors=(),
        captions=(CaptionLabel("A WeWork coworking space", "WeWork"),),
        published_days=("2019-11-18",),
    )
    record = Record(dateline="WASHINGTON", agency=None, authors=("Jane Roe",))
    outcomes = _outcomes(score_newsfields(record, label))
    assert outcomes["dateline"] is Outcome.FALSE_POS
    assert outcomes["agency"] is Outcome.MISSED
    assert outcomes["authors"] is Outcome.FALSE_POS
    assert outcomes["published"] is Outcome.MISSED
    assert outcomes["captions"] is Outcome.MISSED
    assert outcomes["first paragraph"] is Outcome.MISSED


def test_score_fixture_lists_are_complete() -> None:
    expected = {
        "captions": [{"text": "A planter sits ready.", "credit": "AP Photo/Charlie Rusk"}],
        "related": [],
        "paragraphs": ["First.", "Last."],
        "dateline": None,
    }
    record = Record(
        captions=(("A planter sits ready.", "AP Photo/Charlie Rusk"), ("Extra", None)),
        related=("Most Popular story",),
        paragraphs=("First.", "Middle.", "Last. And more."),
    )
    outcomes = _outcomes(score_fixture(record, expected))
    assert outcomes == {
        "dateline": Outcome.RIGHT,
        "captions": Outcome.WRONG,  # an extra caption
        "related": Outcome.FALSE_POS,
        "first paragraph": Outcome.RIGHT,
        "last paragraph": Outcome.WRONG,  # whole paragraphs must be equal, not prefixes
    }


# --- the floor ---------------------------------------------------------------------------------


def test_fixtures_dateline_and_agency_floor() -> None:
    cases = load_fixtures()
    if not cases:
        pytest.skip("no fixtures")
    results = run_fixtures(cases, (NEWSEXTRACT,))
    assert not [(r.page, r.error) for r in results if r.error]
    failures = [
        f"{r.page}: {f.field} {f.outcome}: ours {f.ours!r}, expected {f.label!r}"
        for r in results
        for f in r.fields
        if f.field in ("dateline", "agency") and f.outcome is not Outcome.RIGHT
    ]
    assert not failures, "\n".join(failures)
    rows = {row.field: row for row in summarize(results, NEWSEXTRACT, ("dateline", "agency"))}
    # Every fixture with an expected dateline has one right, and none gets a false one.
    with_dateline = sum(1 for c in cases if c.expected.get("dateline"))
    null_dateline = sum(1 for c in cases if "dateline" in c.expected and not c.expected["dateline"])
    assert with_dateline >= 8 and null_dateline >= 6
    assert rows["dateline"].right == with_dateline + null_dateline
    assert rows["dateline"].counts[Outcome.FALSE_POS] == 0
    assert rows["agency"].counts[Outcome.FALSE_POS] == 0


def test_newsfields_labels_load() -> None:
    from benchmarks._fields_data import DEFAULT_NEWSFIELDS

    if not DEFAULT_NEWSFIELDS.is_file():
        pytest.skip(f"Zyte news-field labels not found at {DEFAULT_NEWSFIELDS}")
    labels = {label.id[:10]: label for label in load_newsfields()}
    assert len(labels) == 14
    venturebeat = labels["06e5123e4e"]
    assert venturebeat.dateline is None  # null with has_dateline false: the page has none
    assert venturebeat.authors == ()
    assert venturebeat.published_days == ("2019-11-18", "2019-11-19")
    assert labels["359fee2285"].authors is UNLABELLED  # null: not labelled
    assert labels["5caf91b8a4"].captions is UNLABELLED


def test_curly_and_straight_quotes_compare_equal() -> None:
    # A gold parser that straightens the page's quotes has not read another headline.
    assert same_text("Mexico’s economy “grew”", 'Mexico\'s economy "grew"')
    assert normalize("‘Quoted’ „German“") == "'quoted' \"german\""
    assert not same_text("Mexico’s economy", "Mexicos economy")
