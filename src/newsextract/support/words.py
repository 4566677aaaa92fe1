"""`words()`: a word table written as one space-separated string, as a set."""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """The space-separated words of `text`, as a set (tables read better as prose lines)."""
    return frozenset(text.split())
