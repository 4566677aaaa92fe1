"""`_dates`: machine dates, URL dates, the plausibility window, and dates in the Article."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta, timezone

import pytest

from newsextract import extract
from newsextract.fields.dates import (
    _ENGLISH_ZONES,
    _date_span,
    _english_date,
    date_from_url,
    parse_machine_date,
    parse_printed_date,
    plausible,
)

STORY = "".join(
    f"<p>Paragraph {i} of the story tells readers, at some length, what the council decided"
    " about the ferry terminal, and why.</p>"
    for i in range(4)
)


def _page(head: str) -> str:
    return (
        f"<html><head>{head}</head><body><article><h1>Ferry terminal approved</h1>{STORY}"
        "</article></body></html>"
    )


def _meta(published: str | None = None, modified: str | None = None) -> str:
    head = ""
    if published is not None:
        head += f'<meta property="article:published_time" content="{published}">'
    if modified is not None:
        head += f'<meta property="article:modified_time" content="{modified}">'
    return head


def _tz(hours: float) -> timezone:
    return timezone(timedelta(hours=hours))


# --- machine dates ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-05T09:30:00Z", datetime(2024, 3, 5, 9, 30, tzinfo=UTC)),
        ("2024-03-05T09:30:00+05:30", datetime(2024, 3, 5, 9, 30, tzinfo=_tz(5.5))),
        ("2024-03-05T09:30:00-05:00", datetime(2024, 3, 5, 9, 30, tzinfo=_tz(-5))),
        ("2024-03-05T09:30:00-0500", datetime(2024, 3, 5, 9, 30, tzinfo=_tz(-5))),
        ("2024-03-05T09:30:15.250+01:00", datetime(2024, 3, 5, 9, 30, 15, 250000, _tz(1))),
        ("2024-03-05T09:30:00", datetime(2024, 3, 5, 9, 30)),
        ("2024-03-05", datetime(2024, 3, 5)),
        ("  2024-03-05T09:30:00Z \n", datetime(2024, 3, 5, 9, 30, tzinfo=UTC)),
    ],
)
def test_iso_8601(text: str, expected: datetime) -> None:
    parsed = parse_machine_date(text)
    assert parsed == expected
    assert parsed is not None
    assert parsed.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20240305", datetime(2024, 3, 5)),
        ("20240305T093000Z", datetime(2024, 3, 5, 9, 30, tzinfo=UTC)),
        ("20240305T0930+0200", datetime(2024, 3, 5, 9, 30, tzinfo=_tz(2))),
        ("20240305093000", datetime(2024, 3, 5, 9, 30)),
    ],
)
def test_compact_iso(text: str, expected: datetime) -> None:
    parsed = parse_machine_date(text)
    assert parsed == expected
    assert parsed is not None
    assert parsed.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tue, 05 Mar 2024 09:30:00 GMT", datetime(2024, 3, 5, 9, 30, tzinfo=UTC)),
        ("Tue, 05 Mar 2024 09:30:00 +0100", datetime(2024, 3, 5, 9, 30, tzinfo=_tz(1))),
        ("5 Mar 2024 18:00:00 -0700", datetime(2024, 3, 5, 18, 0, tzinfo=_tz(-7))),
    ],
)
def test_rfc_2822(text: str, expected: datetime) -> None:
    parsed = parse_machine_date(text)
    assert parsed == expected
    assert parsed is not None
    assert parsed.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize(
    "text",
    ["", "   ", "not a date", "2024-02-30", "2024-13-01", "yesterday", "12345", "March"],
)
def test_not_a_machine_date(text: str) -> None:
    assert parse_machine_date(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "1970-01-01T00:00:00Z",
        "Thu, 01 Jan 1970 00:00:00 GMT",
        "19700101",
        "1989-12-31",
        "2999-01-01T00:00:00Z",
        (datetime.now(UTC) + timedelta(days=30)).isoformat(),
    ],
)
def test_implausible_dates_rejected(text: str) -> None:
    assert parse_machine_date(text) is None


def test_plausibility_window_edges() -> None:
    assert plausible(datetime(1990, 1, 1)) is True
    assert plausible(datetime(1989, 12, 31, 23, 59)) is False
    assert plausible(datetime.now(UTC)) is True
    assert plausible(datetime.now(UTC) + timedelta(days=1)) is True  # time zones ahead of UTC
    assert plausible(datetime.now(UTC) + timedelta(days=3)) is False


# --- URL dates --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://x.example/news/2024/03/05/ferry-terminal", datetime(2024, 3, 5)),
        ("https://x.example/2024/03/05", datetime(2024, 3, 5)),
        ("https://x.example/2024-03-05-ferry-terminal", datetime(2024, 3, 5)),
        ("https://x.example/20240305/ferry-terminal", datetime(2024, 3, 5)),
    ],
)
def test_date_from_url(url: str, expected: datetime) -> None:
    assert date_from_url(url) == expected


@pytest.mark.parametrize(
    "url",
    [
        None,
        "",
        "https://x.example/ferry-terminal-12345",
        "https://x.example/2024/13/05/bad-month",
        "https://x.example/2024/02/30/bad-day",
        "https://x.example/1970/01/01/too-old",
        "https://x.example/2099/01/01/future",
    ],
)
def test_no_date_from_url(url: str | None) -> None:
    assert date_from_url(url) is None


def test_printed_date() -> None:
    assert parse_printed_date("3. März 2024, 14:05 Uhr", ("de",)) == datetime(2024, 3, 3, 14, 5)
    assert parse_printed_date("March 5, 2024") == datetime(2024, 3, 5)
    assert parse_printed_date("no digits here") is None
    assert parse_printed_date("x" * 100 + " 2024") is None


# The common English forms `_english_date` reads by hand, with what they mean.
_ENGLISH_PRINTED = [
    ("November 19, 2019 9:02 AM", datetime(2019, 11, 19, 9, 2)),
    ("Posted: Fri 6:45 PM, Feb 16, 2018 | Source: wire", datetime(2018, 2, 16, 18, 45)),
    ("Nov. 19, 2019 11:11 PM EST", datetime(2019, 11, 19, 23, 11, tzinfo=_tz(-5))),
    ("Updated 12:30 a.m. PDT, Sept. 3, 2024", datetime(2024, 9, 3, 0, 30, tzinfo=_tz(-7))),
    ("18th November 2019", datetime(2019, 11, 18)),
    ("1 MAY 2024, 17:05 GMT", datetime(2024, 5, 1, 17, 5, tzinfo=UTC)),
    ("2024-03-05 09:30", datetime(2024, 3, 5, 9, 30)),
    ("Nov 18, 2019 17:19 PM", datetime(2019, 11, 18, 17, 19)),
    # dateparser reads IST as Israel's (+02:00); on English pages it is India's.
    ("Nov 20, 2019 01:41 PM IST", datetime(2019, 11, 20, 13, 41, tzinfo=_tz(5.5))),
]


@pytest.mark.parametrize(("text", "expected"), _ENGLISH_PRINTED)
def test_english_printed_dates_are_read_by_hand(text: str, expected: datetime) -> None:
    span = _date_span(" ".join(text.split()))
    assert span is not None
    assert _english_date(span) == expected
    parsed = parse_printed_date(text, ("en",))
    assert parsed == expected
    assert parsed is not None
    assert parsed.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize(
    "span",
    ["Nov 20, 2019 01:41 PM CST", "Nov 18, 2019 24:00", "3 de marzo de 2024", "11/19/2019",
     "Mayo 5, 2024", "2019-13-05", "Feb 30, 2024", "Nov \u0661\u0669, 2019",
     "\u017fept 5, 2019"],
)  # fmt: skip
def test_other_printed_dates_are_left_to_dateparser(span: str) -> None:
    assert _english_date(span) is None


def test_ist_is_india_time_in_dates_left_to_dateparser_too() -> None:
    parsed = parse_printed_date("Updated: 20/11/2019 13:41 IST", ("en",))
    assert parsed == datetime(2019, 11, 20, 13, 41, tzinfo=_tz(5.5))


def _english_spans(count: int) -> list[str]:
    """A fixed sample of spans in the shapes `_date_span` gives, odd ones included, plus
    every zone the hand reading knows (IST aside: that one differs on purpose) and a few
    year-month-day spans."""
    months = ["January", "jan", "Feb.", "MARCH", "Sept.", "Sep", "May", "Nov.", "December"]
    days = ["1", "01", "3rd", "11th", "22nd", "29", "31", "1th"]
    times = [
        "", " 9:02 AM", " 9:02AM", " 12:00 PM", " 12:30 a.m.", " 0:05", " 17:19", " 17:19 PM",
        " 0:30 PM", " 13:00 AM",
        " 11:11 PM EST", " 10:02 AM EDT", " 7:07 PM PST", " 3:00 PM GMT", " 8:00 PM MDT",
    ]  # fmt: skip
    shapes = ["{m} {d}, {y}{t}", "{d} {m} {y}{t}", "{m} {d} {y}{t}", "{d}. {m} {y}{t}"]
    spans = [
        shape.format(m=m, d=d, y=y, t=t)
        for shape in shapes
        for m in months
        for d in days
        for y in ("2019", "2024")
        for t in times
    ]
    sample = random.Random(5).sample(spans, count)
    zones = [zone for zone in _ENGLISH_ZONES if zone != "IST"]
    sample += [f"March 5, 2024 9:30 PM {zone}" for zone in zones]
    sample += [f"2024-{m}-{d}{t}" for m in ("1", "12") for d in ("1", "31") for t in times[::3]]
    return sample


def test_english_dates_read_by_hand_agree_with_dateparser() -> None:
    dateparser = pytest.importorskip("dateparser")
    settings = {"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"]}
    read = 0
    for span in _english_spans(160):
        mine = _english_date(span)
        if mine is None:
            continue
        read += 1
        for languages in (["en"], None):
            theirs = dateparser.parse(span, languages=languages, settings=settings)
            assert theirs == mine, span
            assert theirs.utcoffset() == mine.utcoffset(), span
    assert read >= 100  # The sample is mostly shapes the hand reading is for.


# --- dates in the final Article ---------------------------------------------------------------


def test_article_keeps_the_offset_the_page_gives() -> None:
    article = extract(_page(_meta("2024-03-05T09:30:00-05:00", "2024-03-05T11:00:00-05:00")))
    assert article.published == datetime(2024, 3, 5, 9, 30, tzinfo=_tz(-5))
    assert article.modified == datetime(2024, 3, 5, 11, 0, tzinfo=_tz(-5))
    assert article.to_dict()["published"] == "2024-03-05T09:30:00-05:00"
    assert article.to_dict()["modified"] == "2024-03-05T11:00:00-05:00"


def test_article_z_is_written_as_plus_zero() -> None:
    article = extract(_page(_meta("2024-03-05T09:30:00Z")))
    assert article.to_dict()["published"] == "2024-03-05T09:30:00+00:00"
    assert article.modified is None


def test_implausible_published_falls_back_to_the_next_source() -> None:
    page = _page(_meta("1970-01-01T00:00:00Z")).replace(
        "</h1>", '</h1><time datetime="2024-03-04T08:00:00Z">March 4</time>'
    )
    article = extract(page)
    assert article.published == datetime(2024, 3, 4, 8, 0, tzinfo=UTC)


def test_published_from_url_when_the_page_has_none() -> None:
    article = extract(_page(""), url="https://x.example/news/2024/03/05/ferry-terminal")
    assert article.published == datetime(2024, 3, 5)


def test_page_date_wins_over_url_date() -> None:
    article = extract(
        _page(_meta("2024-03-04T23:00:00Z")), url="https://x.example/news/2024/03/05/ferry"
    )
    assert article.published == datetime(2024, 3, 4, 23, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("published", "modified"),
    [
        ("2024-03-05T10:00:00+00:00", "2024-03-04T10:00:00+00:00"),
        # Same wall-clock hour, but 11:00 at +02:00 is 09:00 UTC: an hour before publication.
        ("2024-03-05T10:00:00+00:00", "2024-03-05T11:00:00+02:00"),
        # A naive published date against an aware modified one.
        ("2024-03-05T10:00:00", "2024-03-04T11:00:00+02:00"),
    ],
)
def test_modified_never_before_published(published: str, modified: str) -> None:
    article = extract(_page(_meta(published, modified)))
    assert article.published == datetime.fromisoformat(published)
    assert article.modified is None


def test_modified_before_url_date_is_dropped() -> None:
    article = extract(
        _page(_meta(modified="2024-03-04T11:00:00Z")),
        url="https://x.example/news/2024/03/05/ferry-terminal",
    )
    assert article.published == datetime(2024, 3, 5)
    assert article.modified is None


def test_modified_after_published_is_kept() -> None:
    article = extract(_page(_meta("2024-03-05T10:00:00Z", "2024-03-05T10:30:00+00:00")))
    assert article.modified == datetime(2024, 3, 5, 10, 30, tzinfo=UTC)
    assert article.published is not None
    assert article.modified >= article.published


def test_modified_without_published_is_kept() -> None:
    article = extract(_page(_meta(modified="2024-03-04T11:00:00Z")))
    assert article.published is None
    assert article.modified == datetime(2024, 3, 4, 11, 0, tzinfo=UTC)


def test_future_published_is_dropped() -> None:
    article = extract(_page(_meta("2999-01-01T00:00:00Z", "2024-03-04T11:00:00Z")))
    assert article.published is None
    assert article.modified == datetime(2024, 3, 4, 11, 0, tzinfo=UTC)
