"""The development data sets for body-text accuracy, and what each one's gold counts as body.

Each set lives at `../shared/datasets/<name>/` beside the repository's root, in the Zyte
benchmark's layout: `html/<id>.html.gz` (the page bytes as published) and `ground-truth.json`
(`{"<id>": {"articleBody": ..., "url": ...}}`); `fundus` also has `fields.json` (per page:
headline, standfirst, subheads, captions, language, country, publisher...).

What the gold counts as body differs from set to set. Measured on the sets themselves, by
finding each part's `\\w+` token run in the gold (for fundus the parts of its `fields.json`
and the datelines of its `newsfields.json`; for zyte and dragnet newsextract's own fields and
the page's dek and heading elements):

| part | zyte (181 pages) | fundus (121) | dragnet (1,379) |
| --- | --- | --- | --- |
| headline | out | out | usually in, first |
| standfirst (dek) | out | in, first | in |
| subheads | in | in | in |
| captions | out | out | often in |
| bylines | out | out | often in |
| dateline | in | in | in |

* headline: zyte 0 of 181 golds hold it; fundus 1 of 121; dragnet 972 of 1,379, 785 of them
  starting with it.
* standfirst: zyte leaves out all 13 deks that the page shows as its meta description, and
  the Vox and WSJ deks (2 pages keep theirs); fundus has 104 of 104 standfirst paragraphs,
  first on all 93 pages that have one; dragnet keeps the article deks (BBC, Guardian, Ars
  Technica, WSJ, msnbc), and the dek-like blocks it leaves out are promotions.
* subheads: zyte 277 and dragnet 1,481 page headings (h2-h4) are lines of the gold; fundus
  320 of 320.
* captions: zyte 5 of 121 (some are quoted in the text too); fundus 2 of 227; dragnet 148 of
  334.
* bylines: author names in zyte 5 of 167, fundus 8 of 147; a "By ..." line near the top of
  370 dragnet golds.
* dateline: in the first paragraph, zyte 23 of 23, fundus 15 of 16, dragnet 48 of 51.

Only the standfirst is acted on, through `Source.gold_has_standfirst`: the newsextract adapter
puts `Article.standfirst` in front of the paragraphs for those sets (see `_peers.py`). The
headline, captions and bylines that dragnet's gold keeps are left as they are for every tool:
a body extractor loses recall there, all tools alike, so compare tools within a set.

Pages are bytes and not all are UTF-8 (dragnet holds cp1252, cp1251 and UTF-8 pages with
invalid bytes; zyte and fundus are UTF-8): newsextract gets the bytes, the peers the text of
`decode_page`, which on the Zyte set is exactly what that benchmark's runners pass.
"""

from __future__ import annotations

import codecs
import gzip
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Final, Literal
from urllib.parse import urlsplit

__all__ = [
    "DATASETS",
    "DEFAULT_DATA",
    "SOURCES",
    "Page",
    "Source",
    "Split",
    "decode_page",
    "load_pages",
    "site_of",
    "source_for",
    "split_of",
]

# ../shared/datasets beside the repository's root.
DATASETS: Final = Path(__file__).resolve().parents[1].parent / "shared" / "datasets"
DEFAULT_DATA: Final = DATASETS / "zyte"
"""The Zyte set: the default of the scripts that read one set (speed, fields)."""

Split = Literal["A", "B"]


@dataclass(frozen=True, slots=True)
class Source:
    """One development set: where it is and what its gold counts as body."""

    name: str
    dir: Path
    gold_has_standfirst: bool
    """The gold's body starts with the standfirst (dek) where the page has one."""
    notes: str
    """The gold's conventions in a line (the module docstring has the measurements)."""

    def at(self, root: Path) -> Source:
        """The same set under another datasets directory."""
        return replace(self, dir=root / self.name)

    @property
    def available(self) -> bool:
        return (self.dir / "ground-truth.json").is_file()


SOURCES: Final = {
    source.name: source
    for source in (
        Source(
            "zyte",
            DATASETS / "zyte",
            gold_has_standfirst=False,
            notes="paragraphs and subheads; no headline, standfirst, captions or bylines",
        ),
        Source(
            "fundus",
            DATASETS / "fundus",
            gold_has_standfirst=True,
            notes="standfirst, subheads and paragraphs; no headline, captions or bylines",
        ),
        Source(
            "dragnet",
            DATASETS / "dragnet",
            gold_has_standfirst=True,
            notes="the article block as pasted from a browser: usually headline, standfirst, "
            "bylines, dates, captions, subheads and paragraphs; comments cut off",
        ),
    )
}
"""The development sets, in the order the accuracy script reports them."""


def source_for(data: Source | Path) -> Source:
    """A `Source` for a set given as a directory: the known set of that name, else a set
    with no conventions recorded (scored like zyte: no standfirst)."""
    if isinstance(data, Source):
        return data
    known = SOURCES.get(data.name)
    if known is not None:
        return replace(known, dir=data)
    return Source(data.name, data, gold_has_standfirst=False, notes="no conventions recorded")


def site_of(url: str | None) -> str:
    """The page's site: its lower-cased hostname without a leading `www.`."""
    host = (urlsplit(url).hostname or "") if url else ""
    return host.removeprefix("www.")


def split_of(url: str | None, page_id: str = "") -> Split:
    """The half a page belongs to: sha1 of its site (of its id when it has no URL), even -> A.

    Stable across runs and machines, and every page of one site lands in the same half, so
    that tuning on one half and checking on the other does not leak a site's template.
    """
    key = site_of(url) or page_id
    digest = hashlib.sha1(key.encode("utf-8")).digest()
    return "A" if digest[-1] % 2 == 0 else "B"


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a set: its raw HTML bytes and the labelled article body."""

    id: str
    url: str | None
    html: bytes
    truth: str
    source: Source
    language: str | None = None
    """The page's language where the set labels it (fundus), else None."""

    @property
    def site(self) -> str:
        return site_of(self.url)

    @property
    def split(self) -> Split:
        return split_of(self.url, self.id)

    @property
    def sha1(self) -> str:
        return hashlib.sha1(self.html).hexdigest()


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w.:]+)""", re.IGNORECASE)
# As browsers do (WHATWG), a page declaring Latin-1 or ASCII is read as windows-1252.
_AS_CP1252 = frozenset({"ascii", "latin-1", "iso8859-1"})


def decode_page(html: bytes) -> str:
    """The page as the peers get it: BOM, else strict UTF-8, else the declared charset
    (invalid bytes replaced), else windows-1252.

    Every Zyte page is strict UTF-8, so there this is exactly what that benchmark's runners
    pass to the libraries (`gzip.open(path, "rt", encoding="utf8")`).
    """
    for bom, codec in _BOMS:
        if html.startswith(bom):
            return html.decode(codec, errors="replace")
    try:
        return html.decode("utf-8")
    except UnicodeDecodeError:
        return html.decode(_declared_codec(html) or "cp1252", errors="replace")


def _declared_codec(html: bytes) -> str | None:
    """The codec of the page's `<meta charset>` (or http-equiv), if Python knows it."""
    match = _DECLARED_CHARSET.search(html[:8192])
    if match is None:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    return "cp1252" if name in _AS_CP1252 else name


def load_pages(data: Source | Path = DEFAULT_DATA, ids: Iterable[str] | None = None) -> list[Page]:
    """The pages of a set, sorted by id (only those in `ids`, when given).

    Raises FileNotFoundError when the set is not there, KeyError for an unknown id.
    """
    source = source_for(data)
    with (source.dir / "ground-truth.json").open(encoding="utf-8") as f:
        truth: dict[str, dict[str, str | None]] = json.load(f)
    languages = _languages(source.dir)
    wanted = sorted(truth) if ids is None else list(ids)
    return [_page(source, page_id, truth[page_id], languages.get(page_id)) for page_id in wanted]


def _page(source: Source, page_id: str, item: dict[str, str | None], language: str | None) -> Page:
    html = gzip.decompress((source.dir / "html" / f"{page_id}.html.gz").read_bytes())
    return Page(
        id=page_id,
        url=item.get("url"),
        html=html,
        truth=item.get("articleBody") or "",
        source=source,
        language=language,
    )


def _languages(data_dir: Path) -> dict[str, str]:
    """Page id -> language, from the set's `fields.json` where it has one (fundus)."""
    path = data_dir / "fields.json"
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8") as f:
        fields: dict[str, dict[str, object]] = json.load(f)
    return {
        page_id: language
        for page_id, item in fields.items()
        if isinstance(language := item.get("language"), str)
    }
