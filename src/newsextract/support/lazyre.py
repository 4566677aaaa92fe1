"""Regular expressions compiled on first use instead of at import.

The package holds about a hundred patterns, some of them large alternations (the agency trie,
the class vocabularies, phrase tables in several languages). Compiling them all takes longer
than the rest of `import newsextract`, which a CLI call on one page and every worker process
of a batch would pay whether or not a pattern is ever used. `compile_lazily` returns a stand-in
that compiles on the first method call and from then on hands out the compiled pattern's own
bound methods, so a match costs what it costs on a `re.Pattern`.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, AnyStr, Generic

# The methods a stand-in serves, and the attributes copied from the compiled pattern on first
# use (`groupindex` and the others are there once the pattern has been used).
_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "split", "sub", "subn")
_SERVED = (*_METHODS, "groupindex", "groups", "flags")


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
        # Each method starts as a stand-in that compiles, puts the compiled pattern's own
        # bound methods in the instance and calls through. The class has no `__getattr__`:
        # one would send every later lookup through Python's slow attribute hook, and the
        # patterns' methods are looked up hundreds of times a page.
        for name in _METHODS:
            self.__dict__[name] = functools.partial(self._compile_and_call, name)

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

        @property
        def pattern(self) -> AnyStr:
            # Read at import by patterns built from others, so it never compiles a plain one.
            source = self._source
            return self._compile().pattern if callable(source) else source

    def _compile_and_call(self, name: str, /, *args: Any, **kwargs: Any) -> Any:
        return getattr(self._compile(), name)(*args, **kwargs)

    def _compile(self) -> re.Pattern[AnyStr]:
        source = self._source() if callable(self._source) else self._source
        compiled = re.compile(source, self._flags)
        self.__dict__.update((attr, getattr(compiled, attr)) for attr in _SERVED)
        return compiled

    def __repr__(self) -> str:
        return f"compile_lazily({self._source!r}, {self._flags!r})"


def compile_lazily(pattern: AnyStr | Callable[[], AnyStr], flags: int = 0) -> LazyPattern[AnyStr]:
    """`re.compile(pattern, flags)`, deferred until the pattern is first used.

    `pattern` may be a function that returns the source, for a pattern whose source is itself
    costly to build (one that embeds the agency trie): it is called on first use too.
    """
    return LazyPattern(pattern, flags)
