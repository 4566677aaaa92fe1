"""Word tables written as prose lines, and the regex alternations built from them."""

from __future__ import annotations

import re
from collections.abc import Iterable


def words(text: str) -> frozenset[str]:
    """The space-separated words of `text`, as a set (tables read better as prose lines)."""
    return frozenset(text.split())


def alternation(forms: Iterable[str]) -> str:
    """Regex source matching any of `forms` literally, the longest tried first.

    Longest first, so that an alternation tried left to right takes "sept" before "sep" and
    "ZUMA Press" before "ZUMA"; ties in alphabetical order, so the source is the same on
    every run whatever order a set iterates in.
    """
    return "|".join(re.escape(form) for form in sorted(forms, key=lambda f: (-len(f), f)))
