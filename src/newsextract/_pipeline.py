"""`extract()`: the stages run in order, each a function from one typed value to the next.

    bytes | str --decode--> Source --parse--> tree --read_metadata--> Metadata
    tree --clean--> tree --locate--> Content --segment--> Segments
    Segments + Metadata --news_fields--> NewsFields --assemble--> Article

Plain page text skips the tree: `segment_text` turns it into `Segments` directly.
"""

from __future__ import annotations

from ._assemble import assemble, site_host
from ._clean import clean
from ._decode import DEFAULT_MAX_BYTES, decode
from ._locate import locate
from ._metadata import Metadata, read_metadata
from ._model import Article
from ._newsfields import news_fields
from ._parse import parse
from ._plaintext import segment_text
from ._segment import segment


def extract(
    source: str | bytes, *, url: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Article:
    """Extract the article from one page.

    `source` is the page's HTML, as bytes (the encoding is detected) or text, or the page's
    plain text as scraped. `url` is the page's address: it resolves relative links and is
    reported as the article's URL (otherwise the page's canonical URL is used).

    Raises `EmptyInput` for empty input, `NotHTML` for binary data and `InputTooLarge` above
    `max_bytes`; all three are `NewsextractError`s. Fields the page does not give are empty.
    """
    decoded = decode(source, max_bytes=max_bytes)
    if not decoded.is_html:
        segments = segment_text(decoded.text)
        metadata = Metadata()
    else:
        root = parse(decoded.text)
        metadata = read_metadata(root)
        segments = segment(locate(clean(root)), site_host=site_host(url, metadata))
    return assemble(segments, news_fields(segments, metadata), metadata, url=url)
