"""What the stages decided about each part of the page, for `--explain`.

`extract()` never makes one: a stage takes an optional `Trace` and, given None (always, outside
`newsextract.explain`), records nothing and does no extra work. With one, each stage notes its
decisions on the elements it saw, keyed by element: cleaning the subtrees it removed and the
rule, location the chosen element(s) and their scores, segmentation the captions, related
boxes and standfirst it took out and the verdict on each line of the body walk.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from lxml import etree


@dataclass(frozen=True, slots=True, eq=False)
class Line:
    """One line the body walk emitted or dropped: its text, where it went and why."""

    text: str
    destination: str
    reason: str


@dataclass(slots=True)
class Trace:
    """The decisions of one extraction (mutable: the stages add to it as they run)."""

    # Subtrees removed or claimed whole: element -> (destination, reason).
    subtrees: dict[etree._Element, tuple[str, str]] = field(default_factory=dict)
    # The body walk's lines, under the element that held them.
    lines: dict[etree._Element, list[Line]] = field(default_factory=dict)
    walk_order: list[Line] = field(default_factory=list)  # the same lines, as the walk met them
    located: tuple[etree._Element, ...] = ()
    located_by: str = ""
    score: Callable[[etree._Element], float] | None = None
    notes: list[str] = field(default_factory=list)
    # Every element of the parsed page, numbered in document order before anything is removed.
    order: dict[etree._Element, int] = field(default_factory=dict)
    root: etree._Element | None = None
    metadata: Any = None  # the stages' `Metadata` and `Segments`, for the field sources
    segments: Any = None

    def start(self, root: etree._Element) -> None:
        """The parsed page, before cleaning changes it."""
        self.root = root
        self.order = {el: index for index, el in enumerate(root.iter())}

    def claim(self, el: etree._Element, destination: str, reason: str) -> None:
        """`el` and everything in it went to `destination` (the first claim stands)."""
        self.subtrees.setdefault(el, (destination, reason))

    def line(self, el: etree._Element, text: str, destination: str, reason: str) -> None:
        line = Line(text, destination, reason)
        self.lines.setdefault(el, []).append(line)
        self.walk_order.append(line)

    def redirect(self, el: etree._Element, destination: str, reason: str) -> None:
        """The last line noted under `el` went to `destination` after all (a later line
        changed what it is)."""
        lines = self.lines.get(el)
        if not lines:
            return
        old = lines[-1]
        lines[-1] = Line(old.text, destination, reason)
        for index in range(len(self.walk_order) - 1, -1, -1):
            if self.walk_order[index] is old:
                self.walk_order[index] = lines[-1]
                break
