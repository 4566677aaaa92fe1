"""The news agencies newsextract knows, as one data table, and the lookups built from it.

Datelines (`WASHINGTON (AP) -`), bylines (`By Jane Doe, Associated Press`), photo credits
(`AP Photo/Jane Doe`) and closing lines (`Copyright 2024 The Associated Press`) all name the
same few dozen wire services, each printed in several ways. Keeping them in one table means the
parsers in `fields.dateline`, `fields.bylines` and `fields.credits` agree on what an agency is
and on the short name it is reported as, and adding an agency is one line in `rules.agencies`
rather than a branch in each.

Two lookups are built from the table (`rules.agencies`) on first use:

* `normalise_agency(name)` maps any printed form to the short name. It ignores case, accents,
  spaces and punctuation and a leading "The", so `The Associated Press`, `A.P.` and `(AP)` all
  give `AP`.
* `agency_pattern()` / `AGENCY_RE` match any alias inside a longer text, so the other parsers can
  embed it (`\\((AGENCY)\\)`). Matches are whole words, ignore case and accept a space, dot or
  dash wherever the alias has one; pass the matched text to `normalise_agency`. The two are
  one trie built two ways: the pattern compact, for embedding after an anchor, and `AGENCY_RE`
  twice as long and faster to search running text with.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Final, TypeAlias

from newsextract.rules.agencies import (
    AGENCIES,
    ALIAS_SEPARATOR_CLASS,
    LEADING_ARTICLE,
    MAX_AGENCY_NAME_CHARS,
    MAX_ALIAS_SEPARATOR_CHARS,
    MAX_AMBIGUOUS_ALIAS_CHARS,
    Agency,
)
from newsextract.support.lazyre import compile_lazily

__all__ = [
    "AGENCIES",
    "AGENCY_NAMES",
    "AGENCY_RE",
    "Agency",
    "agency_in_print",
    "agency_key",
    "agency_pattern",
    "find_agency",
    "normalise_agency",
]


AGENCY_NAMES: Final[frozenset[str]] = frozenset(agency.name for agency in AGENCIES)

# A leading article is part of some printed names ("The Associated Press") but never of the key.
_LEADING_ARTICLE_RE: Final = compile_lazily(LEADING_ARTICLE, re.IGNORECASE)
# Everything that is not a letter or a digit is dropped from the key.
_NON_ALNUM_RE: Final = compile_lazily(r"[\W_]+")


def _strip_accents(text: str) -> str:
    if text.isascii():  # most names asked about: nothing to decompose, no accent to drop
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def agency_key(name: str) -> str:
    """The comparison key of a printed agency name: no accents, case, article or punctuation."""
    folded = _strip_accents(name).casefold().strip(" \t\n()[]/-\u2013\u2014.,:;")
    folded = _LEADING_ARTICLE_RE.sub("", folded)
    return _NON_ALNUM_RE.sub("", folded)


def _build_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for agency in AGENCIES:
        for alias in (agency.name, *agency.aliases):
            key = agency_key(alias)
            owner = index.setdefault(key, agency.name)
            if owner != agency.name:  # A table error, caught on the first lookup.
                raise ValueError(f"alias {alias!r} belongs to both {owner!r} and {agency.name!r}")
    return index


# Built on first use, like the trie below: a few milliseconds of every `import newsextract`.
_index: Final = functools.cache(_build_index)


def normalise_agency(name: str) -> str | None:
    """The short name of the agency printed as `name`, or None when it names no known agency.

    Case, accents, surrounding brackets or slashes, inner spaces and punctuation and a leading
    "The" are ignored: `The Associated Press`, `A.P.` and `(AP)` give `AP`,
    `Agence France Presse` gives `AFP`, `/PRNewswire/` gives `PRNewswire`.
    """
    if len(name) > MAX_AGENCY_NAME_CHARS:
        return None
    return _index().get(agency_key(name))


# A trie node: each key is one lower-cased character, or `_SEPARATOR` for a run of separators;
# the empty key marks that an alias ends here.
_Trie: TypeAlias = dict[str, "_Trie"]
_SEPARATOR: Final = " "
_END: Final = ""


def _alias_symbols(alias: str) -> list[str]:
    runs = [run.casefold() for run in _NON_ALNUM_RE.split(alias) if run]
    symbols: list[str] = []
    for index, run in enumerate(runs):
        if index:
            symbols.append(_SEPARATOR)
        symbols.extend(run)
    return symbols


def _trie_pattern(node: _Trie) -> str:
    branches: list[str] = []
    for symbol in sorted(key for key in node if key != _END):
        head = (
            f"{ALIAS_SEPARATOR_CLASS}{{0,{MAX_ALIAS_SEPARATOR_CHARS}}}"
            if symbol == _SEPARATOR
            else re.escape(symbol)
        )
        branches.append(head + _trie_pattern(node[symbol]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # Where an alias may also end here, the longer continuation is tried first (greedy `?`).
    return f"(?:{body})?" if _END in node else body


def _alias_trie() -> _Trie:
    # The aliases are merged into one character trie, so matching costs one pass over the
    # text with at most one alias's length of look-ahead at each position, instead of trying
    # a hundred-odd alternatives one after another at every position.
    root: _Trie = {}
    for agency in AGENCIES:
        for alias in (agency.name, *agency.aliases):
            for form in {alias, _strip_accents(alias)}:
                node = root
                for symbol in _alias_symbols(form):
                    node = node.setdefault(symbol, {})
                node[_END] = {}
    return root


def _whole_words(alternatives: str) -> str:
    # Whole words only: no letter or digit before the first character ("CAPE") or after the
    # last ("AP1").
    return rf"(?<![^\W_])(?:{alternatives})(?![^\W_])"


def _root_branches(root: _Trie) -> list[tuple[list[str], str]]:
    """Per first character of an alias: its two cases, and the rest of the trie below it."""
    return [
        (_first_letters(symbol), f"(?i:{_trie_pattern(node)})")
        for symbol, node in sorted(root.items())
    ]


def _first_letters(symbol: str) -> list[str]:
    # The first character is matched in its two cases and no other way (not as the long s
    # or the Kelvin sign that ignore-case would also accept).
    return sorted(v for v in {symbol.lower(), symbol.upper()} if len(v) == 1)


def _embeddable_pattern(branches: list[tuple[list[str], str]]) -> str:
    """The trie with each first character as a class of its two cases: compact, for patterns
    that anchor it after a line start or a bracket, where the engine tries it at a few places
    only."""
    return _whole_words(
        "|".join(f"[{''.join(map(re.escape, letters))}]{rest}" for letters, rest in branches)
    )


def _searching_pattern(branches: list[tuple[list[str], str]]) -> str:
    """The trie with each first character spelt out in both cases, for searching running text.

    Searched at every position of a text, the root branches are most of the cost, and plain
    literals there are cheaper than two-case classes: over 2,380 Zyte paragraphs this form
    searched in 23 ms where the embeddable one took 31. The price is a pattern twice as
    long, which takes twice as long to compile (46 ms against 22).
    """
    return _whole_words(
        "|".join(f"{re.escape(letter)}{rest}" for letters, rest in branches for letter in letters)
    )


@functools.cache
def _cached_root_branches() -> list[tuple[list[str], str]]:
    # Building the trie and its two pattern sources takes about 5 ms: done on the first
    # pattern that needs them, not at import.
    return _root_branches(_alias_trie())


@functools.cache
def agency_pattern() -> str:
    """Regex source matching any alias as a whole word, ignoring case; no capturing groups.

    It sets no global flags, so it can be embedded in any pattern. It is the compact form,
    which compiles in half the time: embed it after an anchor (a line start, a bracket), in a
    pattern built on first use (`compile_lazily(lambda: rf"...{agency_pattern()}...")`). To
    search running text for an agency, use `AGENCY_RE`.
    """
    return _embeddable_pattern(_cached_root_branches())


AGENCY_RE: Final = compile_lazily(lambda: _searching_pattern(_cached_root_branches()))
"""Matches what `agency_pattern()` matches, built for searching; pass what it matches to
`normalise_agency`."""


def agency_in_print(printed: str) -> str | None:
    """The short name of an agency alias found inside running text, or None.

    Aliases of up to `MAX_AMBIGUOUS_ALIAS_CHARS` characters count only when printed in
    capitals or exactly as the short name ("dpa", "Lusa"): "Spa" or "Sana" in a caption or a
    byline is a place or a person, not the Saudi or Syrian agency.
    """
    agency = normalise_agency(printed)
    if agency is None:
        return None
    if len(printed) > MAX_AMBIGUOUS_ALIAS_CHARS or printed.isupper() or printed == agency:
        return agency
    return None


def find_agency(text: str) -> str | None:
    """The first known agency printed in `text` (see `agency_in_print`), or None."""
    for match in AGENCY_RE.finditer(text):
        agency = agency_in_print(match.group())
        if agency is not None:
            return agency
    return None
