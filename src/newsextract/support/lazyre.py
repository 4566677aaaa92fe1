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
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, AnyStr, Generic

# The attributes copied from the compiled pattern on first use, so that later lookups find
# them in the instance without going through `__getattr__` again.
_SERVED = ("search", "match", "fullmatch", "finditer", "findall", "split", "sub", "subn", "pattern")


class LazyPattern(Generic[AnyStr]):
    """Behaves as the `re.Pattern` it stands for; compiles when first used.

    Its type declares the pattern methods and `pattern` only, and it is not a `re.Pattern`:
    `re.sub(lazy, ...)` and the other module-level functions would fail at run time, and the
    type checker rejects them; call the method instead (`lazy.sub(...)`).
    """

    pattern: AnyStr

    def __init__(self, pattern: AnyStr | Callable[[], AnyStr], flags: int) -> None:
        self._source: AnyStr | Callable[[], AnyStr] = pattern
        self._flags = flags
        if not callable(pattern):
            # A pattern built by a function (`compile_lazily(lambda: ...)`) is not built
            # until first use: its `pattern` comes from the compiled pattern.
            self.pattern = pattern

    if TYPE_CHECKING:
        # What the type checker sees; at run time each is the compiled pattern's own bound
        # method, put in the instance by `__getattr__` on first use.
        def search(
            self, string: AnyStr, pos: int = 0, endpos: int = sys.maxsize
        ) -> re.Match[AnyStr] | None: ...

        def match(
            self, string: AnyStr, pos: int = 0, endpos: int = sys.maxsize
        ) -> re.Match[AnyStr] | None: ...

        def fullmatch(
            self, string: AnyStr, pos: int = 0, endpos: int = sys.maxsize
        ) -> re.Match[AnyStr] | None: ...

        def finditer(
            self, string: AnyStr, pos: int = 0, endpos: int = sys.maxsize
        ) -> Iterator[re.Match[AnyStr]]: ...

        def findall(self, string: AnyStr, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]: ...

        def split(self, string: AnyStr, maxsplit: int = 0) -> list[AnyStr | Any]: ...

        def sub(
            self,
            repl: AnyStr | Callable[[re.Match[AnyStr]], AnyStr],
            string: AnyStr,
            count: int = 0,
        ) -> AnyStr: ...

        def subn(
            self,
            repl: AnyStr | Callable[[re.Match[AnyStr]], AnyStr],
            string: AnyStr,
            count: int = 0,
        ) -> tuple[AnyStr, int]: ...

    else:

        def __getattr__(self, name: str) -> object:
            # Only called for attributes not yet in the instance: the first use compiles, and
            # every attribute read from the compiled pattern is kept so later lookups find it
            # directly (bound methods included).
            source = self._source() if callable(self._source) else self._source
            compiled = re.compile(source, self._flags)
            value = getattr(compiled, name)
            self.__dict__.update((attr, getattr(compiled, attr)) for attr in _SERVED)
            self.__dict__[name] = value
            return value

    def __repr__(self) -> str:
        return f"compile_lazily({self._source!r}, {self._flags!r})"


def compile_lazily(pattern: AnyStr | Callable[[], AnyStr], flags: int = 0) -> LazyPattern[AnyStr]:
    """`re.compile(pattern, flags)`, deferred until the pattern is first used.

    `pattern` may be a function that returns the source, for a pattern whose source is itself
    costly to build (one that embeds the agency trie): it is called on first use too.
    """
    return LazyPattern(pattern, flags)
