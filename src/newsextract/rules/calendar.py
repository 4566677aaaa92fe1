"""Month and weekday names in the languages the date, dateline and byline grammars read, and
the limits on printed dates.

One table serves every grammar: `fields.dates` reads English month names as numbers,
`fields.dateline` accepts any listed form inside a dateline, and `fields.bylines` cuts a
byline where a date starts. Each grammar picks the languages and forms it needs here. The
English time-zone abbreviations `fields.dates` reads by hand are here too, and the patterns
that find a printed date and time in a line and read the common English forms by hand.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Final

from newsextract.support.lazyre import compile_lazily

# Month names by language, January first. A month may have several full forms ("septiembre
# setiembre", "januar jänner"), separated by spaces.
MONTH_NAMES: Final[dict[str, tuple[str, ...]]] = {
    "en": ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre setiembre", "octubre", "noviembre", "diciembre"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"),
    "de": ("januar jänner", "februar", "märz", "april", "mai", "juni", "juli", "august",
           "september", "oktober", "november", "dezember"),
    "it": ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
           "settembre", "ottobre", "novembre", "dicembre"),
    "pt": ("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
           "setembro", "outubro", "novembro", "dezembro"),
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
    # Russian and Ukrainian dates print the month in the genitive ("3 марта", "3 березня"),
    # and that is the form listed; the nominative is not printed after a day.
    "ru": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
           "сентября", "октября", "ноября", "декабря"),
    "uk": ("січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня",
           "вересня", "жовтня", "листопада", "грудня"),
}  # fmt: skip

# The abbreviations each language prints, January first ("" where it prints none of its
# own). Only forms not already another language's abbreviation are listed past English.
MONTH_ABBREVIATIONS: Final[dict[str, tuple[str, ...]]] = {
    "en": ("jan", "feb", "mar", "apr", "", "jun", "jul", "aug", "sep sept", "oct", "nov",
           "dec"),
    "es": ("ene", "", "", "abr", "", "", "", "ago", "", "", "", "dic"),
    "fr": ("janv", "févr fév", "", "avr", "", "", "juil", "", "", "", "", "déc"),
    "de": ("jän", "", "mär", "", "", "", "", "", "", "okt", "", "dez"),
    "it": ("gen", "", "", "", "mag", "giu", "lug", "", "set", "ott", "", ""),
    "pt": ("", "fev", "", "", "", "", "", "", "", "out", "", ""),
    "nl": ("", "", "mrt", "", "", "", "", "", "", "", "", ""),
    "ru": ("янв", "фев", "мар", "апр", "", "июн", "июл", "авг", "сен сент", "окт", "ноя",
           "дек"),
    "uk": ("", "", "", "", "", "", "", "", "", "", "", ""),
}  # fmt: skip

# Weekday names by language, Monday first.
WEEKDAY_NAMES: Final[dict[str, tuple[str, ...]]] = {
    "en": ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    "de": ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
}  # fmt: skip


def month_forms(
    languages: tuple[str, ...], *, abbreviations: tuple[str, ...] = ()
) -> frozenset[str]:
    """Every full month name of `languages`, and the abbreviations of `abbreviations`."""
    return frozenset(
        form
        for table, chosen in ((MONTH_NAMES, languages), (MONTH_ABBREVIATIONS, abbreviations))
        for language in chosen
        for forms in table[language]
        for form in forms.split()
    )


def month_numbers(language: str) -> dict[str, int]:
    """Each full or abbreviated month name of `language`, mapped to its month (1-12)."""
    return {
        form: number
        for table in (MONTH_NAMES, MONTH_ABBREVIATIONS)
        for number, forms in enumerate(table[language], start=1)
        for form in forms.split()
    }


# Pages carry dates from before the web (archive notes, history) and script expiry dates far in
# the future; a publication date outside this window is a misreading.
EARLIEST_YEAR: Final = 1990
FUTURE_TOLERANCE: Final = timedelta(days=2)
# Printed date text longer than this is a sentence, not a date: "Updated 4:12 PM, March 5,
# 2024" fits, a paragraph does not.
MAX_PRINTED_DATE_CHARS: Final = 80

# Zone abbreviations read in English dates, at the offsets (in hours) dateparser gives them,
# except IST: dateparser reads it as Israel's, but on English-language news pages it is nearly
# always India Standard Time. Other ambiguous ones ("CST": US Central, China or Cuba) are left
# to dateparser.
ENGLISH_ZONE_HOURS: Final[tuple[tuple[str, float], ...]] = (
    ("UTC", 0), ("GMT", 0), ("EST", -5), ("EDT", -4), ("CDT", -5), ("MST", -7),
    ("MDT", -6), ("PST", -8), ("PDT", -7), ("IST", 5.5),
)  # fmt: skip

# --- printed dates --------------------------------------------------------------------------

# `fields.dates` reads the span these find, not the whole text: around a date pages print
# labels, bylines and sources that make dateparser slow and often wrong. Ordinals and
# particles by language group: English `st nd rd th`, French `er` (1er), Spanish and
# Portuguese `º` and `de` ("3 de marzo de 2024").
# A day in a URL path: `/2024/03/05/`, `/2024-03-05-`, `/20240305/`; only years of the web's
# lifetime (19xx, 20xx), so that other numbers in a path are not read as one.
URL_DATE = compile_lazily(
    r"/((?:19|20)\d{2})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:/|[-_]|$)"
    r"|/((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])/"
)
# A printed date in the orders the world uses: "Nov. 19, 2019", "18 November 2019",
# "3. März 2024", "3 de marzo de 2024", "2019-11-19", "19.11.2019", "11/19/2019".
PRINTED_DATE = compile_lazily(
    r"\b\d{4}-\d{1,2}-\d{1,2}\b"
    r"|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b"
    r"|\b\d{1,2}(?:st|nd|rd|th|er|º)?\.?\s(?:de\s)?[^\W\d_]{3,12}\.?,?\s(?:de\s)?\d{4}\b"
    r"|\b[^\W\d_]{3,12}\.?\s\d{1,2}(?:st|nd|rd|th)?,?\s\d{4}\b"
)
# The words a byline prints around its date and time ("9. September 2025 um 15:46 Uhr",
# "4 febbraio 2025 alle 14:41", "le 3 mars 2024 à 14h05", "on March 5, 2024 at 9:02"): with
# the date and the time taken out, what is left of a dated byline is its names. German,
# English, French, Spanish, Portuguese, Italian, Dutch, Nordic.
BYLINE_CLOCK_WORDS: frozenset[str] = frozenset(
    {
        "um", "uhr", "am", "at", "on", "le", "à", "el", "a", "las", "às", "em", "alle", "ore",
        "il", "om", "uur", "op", "kl", "kl.", "klo",
    }
)  # fmt: skip
# A printed time beside it: "9:02 AM EST", "14.05", "14h05" (French), with a zone when one
# is printed.
PRINTED_TIME = compile_lazily(
    r"\b\d{1,2}[:.h]\d{2}(?:\s?[AaPp]\.?[Mm]\.?)?(?:\s?(?:[A-Z]{2,4}T?|UTC|GMT)\b)?"
)
# The printed dates read without dateparser: an English month name and a day in either order,
# or a year-month-day, as `fields.dates` cuts them from the text, then an optional time as
# `PRINTED_TIME` finds it. ASCII only: other scripts' digits, and letters that ignore-case
# would fold into ASCII ones (the long s), are dateparser's to read.
ENGLISH_DATE = compile_lazily(
    r"(?:(?P<month>(?i:[a-z]{3,9}))\.?\s(?P<day>\d{1,2})(?i:st|nd|rd|th)?,?\s(?P<year>\d{4})"
    r"|(?P<day_first>\d{1,2})(?i:st|nd|rd|th)?\.?\s(?P<month_second>(?i:[a-z]{3,9}))\.?,?"
    r"\s(?P<year_second>\d{4})"
    r"|(?P<iso_year>\d{4})-(?P<iso_month>\d{1,2})-(?P<iso_day>\d{1,2}))"
    r"(?:\s(?P<hour>\d{1,2}):(?P<minute>\d{2})(?:\s?(?P<half>(?i:[ap]))\.?(?i:m)\.?)?"
    r"(?:\s?(?P<zone>[A-Z]{3,4}))?)?",
    re.ASCII,
)
# IST on an English page is India Standard Time (see `ENGLISH_ZONE_HOURS`); written as its
# offset before dateparser reads a date the English reader left, since dateparser takes IST
# for Israel's.
INDIA_TIME = compile_lazily(r"\bIST\b")
