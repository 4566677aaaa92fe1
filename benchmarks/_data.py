"""Loading the Zyte article-extraction benchmark pages and their ground truth.

The pages are gzip-compressed UTF-8 HTML (the benchmark's README says so, and all 181 decode
strictly). The benchmark's own runners read them with `gzip.open(path, "rt", encoding="utf8")`
and hand the decoded `str` to each library; `decode_like_benchmark` does the same here.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

__all__ = [
    "DEFAULT_DATA",
    "Page",
    "Split",
    "decode_like_benchmark",
    "load_pages",
    "site_of",
    "split_of",
]

# ../shared/datasets/zyte beside the repository's root.
DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "datasets" / "zyte"

Split = Literal["A", "B"]


def site_of(url: str | None) -> str:
    """The page's site: its lower-cased hostname without a leading `www.`."""
    host = (urlsplit(url).hostname or "") if url else ""
    return host.removeprefix("www.")


def split_of(url: str | None) -> Split:
    """The half a page belongs to: sha1 of its site, even -> A, odd -> B.

    Stable across runs and machines, and every page of one site lands in the same half, so
    that tuning on one half and checking on the other does not leak a site's template.
    """
    digest = hashlib.sha1(site_of(url).encode("utf-8")).digest()
    return "A" if digest[-1] % 2 == 0 else "B"


@dataclass(frozen=True, slots=True)
class Page:
    """One benchmark page: its raw HTML bytes and the labelled article body."""

    id: str
    url: str | None
    html: bytes
    truth: str

    @property
    def site(self) -> str:
        return site_of(self.url)

    @property
    def split(self) -> Split:
        return split_of(self.url)


def decode_like_benchmark(html: bytes) -> str:
    """The page as the benchmark's runners pass it to libraries: decoded as UTF-8.

    Strict UTF-8 works on every page of the set; other data falls back to replacement
    characters rather than failing.
    """
    try:
        return html.decode("utf-8")
    except UnicodeDecodeError:
        return html.decode("utf-8", errors="replace")


def load_pages(data_dir: Path = DEFAULT_DATA, ids: Iterable[str] | None = None) -> list[Page]:
    """The pages of the data set, sorted by id (only those in `ids`, when given).

    Raises FileNotFoundError when the data set is not there, KeyError for an unknown id.
    """
    truth_path = data_dir / "ground-truth.json"
    with truth_path.open(encoding="utf-8") as f:
        truth: dict[str, dict[str, str]] = json.load(f)
    wanted = sorted(truth) if ids is None else list(ids)
    pages: list[Page] = []
    for page_id in wanted:
        item = truth[page_id]
        html = gzip.decompress((data_dir / "html" / f"{page_id}.html.gz").read_bytes())
        pages.append(
            Page(id=page_id, url=item.get("url"), html=html, truth=item.get("articleBody", ""))
        )
    return pages
