"""Date strings to datetimes: ISO 8601, RFC 2822 and common English printed dates by hand,
other printed dates through dateparser.

dateparser understands printed dates in some 200 languages but takes about half a second to
import and some milliseconds a call, so it is imported only when a page has no
machine-readable date and prints one that is not in the commonest English forms ("Nov. 19,
2019 9:02 AM EST", "18 November 2019"). Those are read by hand, as dateparser reads them
except for one zone: IST on an English page is India's, not Israel's.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from newsextract.rules.calendar import (
    EARLIEST_YEAR,
    ENGLISH_DATE,
    ENGLISH_ZONE_HOURS,
    FUTURE_TOLERANCE,
    INDIA_TIME,
    MAX_PRINTED_DATE_CHARS,
    PRINTED_DATE,
    PRINTED_TIME,
    URL_DATE,
    month_numbers,
)
from newsextract.support.lazyre import compile_lazily

_COMPACT_ISO = compile_lazily(r"^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?(Z|[+-]\d{4})?$")
_ENGLISH_MONTHS: dict[str, int] = month_numbers("en")
# The zones of `rules.calendar.ENGLISH_ZONE_HOURS`, as tzinfo objects.
_ENGLISH_ZONES: dict[str, timezone] = {
    name: timezone(timedelta(hours=hours), name) for name, hours in ENGLISH_ZONE_HOURS
}
_dateparser: Any = None


def parse_machine_date(value: str) -> datetime | None:
    """Parse an ISO 8601 or RFC 2822 date as found in metadata; None when it is not one."""
    text = value.strip()
    if not text:
        return None
    candidate = text.replace("Z", "+00:00") if text.endswith("Z") else text
    parsed: datetime | None
    try:
        parsed = datetime.fromisoformat(candidate)
    except ValueError:
        parsed = _compact_iso(text) or _rfc2822(text)
    return parsed if parsed is not None and plausible(parsed) else None


def parse_printed_date(value: str, languages: tuple[str, ...] = ()) -> datetime | None:
    """Parse a date as printed for readers ("3. März 2024, 14:05 Uhr").

    Only the span that looks like a date (and the time beside it) is read: around it pages
    print labels, bylines and sources ("Posted: Fri 6:45 PM, Feb 16, 2018 | Source: ...")
    that make dateparser slow (seconds) and often wrong. On an English (or unknown-language)
    page the common English forms are read by hand, and the rest goes to dateparser.
    """
    text = _date_span(" ".join(value.split()))
    if not text or len(text) > MAX_PRINTED_DATE_CHARS:
        return None
    if not languages or "en" in languages:
        english = _english_date(text)
        if english is not None:
            return english if plausible(english) else None
        text = INDIA_TIME.sub("+05:30", text)
    parser = _load_dateparser()
    # Aware only when the text names a zone ("11:11 PM EST"); never a zone made up.
    settings = {"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"]}
    try:
        parsed = parser.parse(text, languages=list(languages) or None, settings=settings)
    except (ValueError, TypeError, OverflowError, AttributeError, KeyError):
        return None
    if not isinstance(parsed, datetime):
        return None
    return parsed if plausible(parsed) else None


def _date_span(text: str) -> str | None:
    date = PRINTED_DATE.search(text)
    if date is None:
        return None
    rest = text[: date.start()] + " " + text[date.end() :]
    time = PRINTED_TIME.search(rest)
    return f"{date.group()} {time.group()}" if time is not None else date.group()


def _english_date(span: str) -> datetime | None:
    """The common printed date in `span`, read as dateparser reads it in English; None when
    the span is anything else, which is then dateparser's to read."""
    match = ENGLISH_DATE.fullmatch(span)
    if match is None:
        return None
    if match["iso_year"]:
        year, month, day = int(match["iso_year"]), int(match["iso_month"]), int(match["iso_day"])
    else:
        name = match["month"] or match["month_second"]
        year = int(match["year"] or match["year_second"])
        month = _ENGLISH_MONTHS.get(name.lower(), 0)
        day = int(match["day"] or match["day_first"])
    hour = int(match["hour"] or 0)
    if match["half"] and 1 <= hour <= 12:
        # A 24-hour time with a needless half ("17:19 PM", "0:30 PM") keeps its hour.
        hour = hour % 12 + (12 if match["half"].lower() == "p" else 0)
    zone = _ENGLISH_ZONES.get(match["zone"]) if match["zone"] else None
    if match["zone"] and zone is None:
        return None
    try:
        # An unknown month name (0) or a day the month lacks is dateparser's to judge.
        return datetime(year, month, day, hour, int(match["minute"] or 0), tzinfo=zone)
    except ValueError:
        return None


def date_from_url(url: str | None) -> datetime | None:
    """The day in a URL path such as `/2024/03/05/` (a day only, no time, no zone)."""
    if not url:
        return None
    match = URL_DATE.search(url)
    if match is None:
        return None
    parts = [g for g in match.groups() if g is not None]
    try:
        parsed = datetime(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return None
    return parsed if plausible(parsed) else None


def plausible(value: datetime) -> bool:
    """A publication date in the web's lifetime and not in the future."""
    now = datetime.now(UTC)
    aware = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
    return value.year >= EARLIEST_YEAR and aware <= now + FUTURE_TOLERANCE


def _compact_iso(text: str) -> datetime | None:
    match = _COMPACT_ISO.match(text)
    if match is None:
        return None
    year, month, day, hour, minute, second, zone = match.groups()
    iso = f"{year}-{month}-{day}"
    if hour:
        iso += f"T{hour}:{minute}:{second or '00'}"
        if zone:
            iso += "+00:00" if zone == "Z" else f"{zone[:3]}:{zone[3:]}"
    try:
        return datetime.fromisoformat(iso)
    except ValueError:
        return None


def _rfc2822(text: str) -> datetime | None:
    if not any(c.isalpha() for c in text):
        return None
    # Imported here: `email` pulls in sockets and more, and few pages need RFC 2822 dates.
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _load_dateparser() -> Any:
    global _dateparser  # noqa: PLW0603 - a lazily imported module, loaded once per process
    if _dateparser is None:
        import dateparser

        _dateparser = dateparser
    return _dateparser
