"""Month and weekday names in the languages the date, dateline and byline grammars read, and
the limits on printed dates.

One table serves every grammar: `fields.dates` reads English month names as numbers,
`fields.dateline` accepts any listed form inside a dateline, and `fields.bylines` cuts a
byline where a date starts. Each grammar picks the languages and forms it needs here. The
English time-zone abbreviations `fields.dates` reads by hand are here too.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Final

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
