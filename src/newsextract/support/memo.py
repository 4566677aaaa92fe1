"""`BoundedMemo`: a function's results by argument, for verdicts on class strings.

Pages and sites repeat the same class and id strings thousands of times, so the stages that
judge them (metadata, cleaning) remember each verdict. A long batch meets new sites without
end, so a memo past its limit starts afresh: memory stays flat, and the strings of the sites
being read now are soon remembered again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


class BoundedMemo(dict[K, V]):
    """`memo[key]` is `function(key)`, worked out once; a hit costs one dict look-up."""

    def __init__(self, function: Callable[[K], V], limit: int) -> None:
        super().__init__()
        self._function = function
        self._limit = limit

    def __missing__(self, key: K) -> V:
        if len(self) >= self._limit:
            self.clear()
        value = self[key] = self._function(key)
        return value
