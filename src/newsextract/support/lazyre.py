"""Regular expressions compiled on first use instead of at import.

The package holds about a hundred patterns, some of them large alternations (the agency trie,
the class vocabularies, phrase tables in several languages). Compiling them all takes longer
than the rest of `import newsextract`, which a CLI call on one page and every worker process
of a batch would pay whether or not a pattern is ever used. `compile_lazily` returns a stand-in
that compiles on the first attribute lookup and from then on hands out the compiled pattern's
own bound methods, so a match costs what it costs on a `re.Pattern`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import AnyStr, cast


class _LazyPattern:
    """Behaves as the `re.Pattern` it stands for; compiles when first used."""

    def __init__(self, pattern: str | bytes | Callable[[], str | bytes], flags: int) -> None:
        self._source = pattern
        self._flags = flags
        if not callable(pattern):
            # A pattern built by a function (`compile_lazily(lambda: ...)`) is not built
            # until first use: its `pattern` comes from the compiled pattern.
            self.pattern = pattern

    def __getattr__(self, name: str) -> object:
        # Only called for attributes not yet in the instance: the first use compiles, and
        # every attribute read from the compiled pattern is kept so later lookups find it
        # directly (bound methods included).
        source = self._source() if callable(self._source) else self._source
        compiled = re.compile(source, self._flags)
        value = getattr(compiled, name)
        self.__dict__.update(
            (attr, getattr(compiled, attr))
            for attr in (
                "search",
                "match",
                "fullmatch",
                "finditer",
                "findall",
                "sub",
                "subn",
                "pattern",
            )
        )
        self.__dict__[name] = value
        return value

    def __repr__(self) -> str:
        return f"compile_lazily({self._source!r}, {self._flags!r})"


def compile_lazily(pattern: AnyStr | Callable[[], AnyStr], flags: int = 0) -> re.Pattern[AnyStr]:
    """`re.compile(pattern, flags)`, deferred until the pattern is first used.

    `pattern` may be a function that returns the source, for a pattern whose source is itself
    costly to build (one that embeds the agency trie): it is called on first use too.

    Typed as the pattern it stands for: every attribute of a compiled pattern is served, but
    it is not an instance of `re.Pattern`, so it cannot be passed to `re.sub` and the like.
    """
    return cast("re.Pattern[AnyStr]", _LazyPattern(pattern, flags))
