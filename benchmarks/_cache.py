"""The peers' extracted text, kept between runs of the accuracy script.

The peers are slow (newspaper4k and goose3 take about 140 ms a page) and do not change from
one run to the next, so their output is stored per (tool, tool version, adapter, set, page):
`results/cache/<tool>/<version>-<adapter>/<set>.json` maps a page id to the sha1 of the page's
bytes, the text, the error and the seconds the call took. An entry counts only while the page's
sha1 matches; a new release of the library or an edit of its adapter code (`_peers.py`, the
decoding of `_data.py`) gives a new directory. A missing optional module (newspaper4k's
Korean and Hindi tokenisers) is a fault of this environment, not the tool's output, so such
an `ImportError` is never cached. newsextract is never cached.

The stored seconds are those of the run that computed the text, so a cached tool's pages/s
stays meaningful, but it was measured then, not now: the report marks it.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import inspect
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Final

from benchmarks._data import Page, decode_page
from benchmarks._peers import PEERS, html_to_text

__all__ = ["CACHE_DIR", "CachedText", "PeerCache", "tool_version"]

CACHE_DIR: Final = Path(__file__).resolve().parent / "results" / "cache"

_DISTRIBUTIONS: Final = {
    "trafilatura": "trafilatura",
    "trafilatura-precision": "trafilatura",
    "readability-lxml": "readability-lxml",
    "newspaper4k": "newspaper4k",
    "goose3": "goose3",
}


def tool_version(tool: str) -> str:
    """The installed version of the library behind a peer ("unknown" if not installed)."""
    try:
        return importlib.metadata.version(_DISTRIBUTIONS[tool])
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def _adapter_digest(tool: str) -> str:
    """A short hash of the code between the page and the library: the adapter, the decoding
    and the HTML-to-text step."""
    code = "".join(inspect.getsource(f) for f in (PEERS[tool], decode_page, html_to_text))
    return hashlib.sha1(code.encode("utf-8")).hexdigest()[:10]


@dataclass(frozen=True, slots=True)
class CachedText:
    """One peer's output on one page, as a run computed it."""

    sha1: str
    text: str
    error: str | None
    seconds: float


class PeerCache:
    """One peer's cached outputs, across sets; `save()` writes what `put()` added."""

    def __init__(self, tool: str, root: Path = CACHE_DIR) -> None:
        if tool not in PEERS:
            raise ValueError(f"only peers are cached, not {tool!r}")
        self.tool = tool
        self.dir = root / tool / f"{tool_version(tool)}-{_adapter_digest(tool)}"
        self._sets: dict[str, dict[str, CachedText]] = {}
        self._changed: set[str] = set()

    def get(self, page: Page) -> CachedText | None:
        """The stored output for this page, if it was computed from the same bytes."""
        entry = self._entries(page.source.name).get(page.id)
        if entry is None or entry.sha1 != page.sha1 or _missing_module(entry.error):
            return None
        return entry

    def put(self, page: Page, text: str, error: str | None, seconds: float) -> None:
        if _missing_module(error):
            return
        self._entries(page.source.name)[page.id] = CachedText(page.sha1, text, error, seconds)
        self._changed.add(page.source.name)

    def save(self) -> None:
        """Write every set that changed, atomically (a run stopped midway keeps its pages)."""
        for name in sorted(self._changed):
            path = self._path(name)
            path.parent.mkdir(parents=True, exist_ok=True)
            entries = {page_id: asdict(e) for page_id, e in sorted(self._sets[name].items())}
            partial = path.with_suffix(f".{os.getpid()}.tmp")
            partial.write_text(json.dumps(entries, ensure_ascii=False), encoding="utf-8")
            partial.replace(path)
        self._changed.clear()

    def _path(self, source_name: str) -> Path:
        return self.dir / f"{source_name}.json"

    def _entries(self, source_name: str) -> dict[str, CachedText]:
        if source_name not in self._sets:
            self._sets[source_name] = _read(self._path(source_name))
        return self._sets[source_name]


def _missing_module(error: str | None) -> bool:
    return error is not None and error.startswith(("ImportError", "ModuleNotFoundError"))


def _read(path: Path) -> dict[str, CachedText]:
    """A set's cache file; a missing or unreadable one is an empty cache."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return {page_id: CachedText(**fields) for page_id, fields in raw.items()}
    except (OSError, ValueError, TypeError, AttributeError):
        return {}
