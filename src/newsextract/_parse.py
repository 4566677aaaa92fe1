"""Stage 2: decoded HTML text in, one lxml tree out.

lxml's HTML parser is fast and lenient. It is set up so that page content can never reach the
network or the file system (no DTD loading, no entity resolution, no network). Where lxml
recovers so little that the body is empty although the text clearly holds markup, the page
is parsed again through BeautifulSoup's lenient parser, which copes with some broken markup
that libxml2 gives up on.
"""

from __future__ import annotations

from lxml import etree, html

# lxml gives up on some badly broken pages with an almost empty tree; below this many
# characters of body text, while the source has far more, BeautifulSoup gets a try.
_MIN_RECOVERED_SHARE = 0.05

# The decoded text is handed to libxml2 as UTF-8 bytes with the encoding stated: that is
# about twice as fast as handing it a str, and it makes libxml2 ignore whatever charset the
# page declares (the decode stage has already decided) and any XML declaration.
_PARSER = html.HTMLParser(
    encoding="utf-8",
    remove_comments=True,
    remove_pis=True,
    no_network=True,
    recover=True,
    default_doctype=False,
    collect_ids=False,
)


def parse(text: str) -> html.HtmlElement:
    """Parse page markup into an lxml tree rooted at `<html>`."""
    root = _parse_lxml(text)
    if root is None or _recovered_too_little(root, text):
        soup_root = _parse_soup(text)
        if soup_root is not None:
            root = soup_root
    if root is None:
        root = html.Element("html")
        etree.SubElement(root, "body")
    return root


def _parse_lxml(text: str) -> html.HtmlElement | None:
    try:
        doc = html.document_fromstring(text.encode("utf-8", "replace"), parser=_PARSER)
    except (etree.ParserError, ValueError):
        return None
    return doc if isinstance(doc, html.HtmlElement) else None


def _parse_soup(text: str) -> html.HtmlElement | None:
    from lxml.html import soupparser

    try:
        doc = soupparser.fromstring(text)
    except (ValueError, TypeError, RecursionError):
        return None
    if not isinstance(doc, html.HtmlElement):
        return None
    return doc


def _recovered_too_little(root: html.HtmlElement, text: str) -> bool:
    if len(text) < 2000:
        return False
    body_text = len(root.text_content())
    return body_text < len(text) * _MIN_RECOVERED_SHARE * 0.1
