"""Stage 2: decoded HTML text in, one lxml tree out.

lxml's HTML parser is fast and lenient. It is set up so that page content can never reach the
network or the file system (no DTD loading, no entity resolution, no network).

libxml2 has limits of its own, and hostile or broken pages reach them. It stops parsing for
good at the 256th level of nesting (300 unclosed `<font>` or `<div>` tags) or at a single
token over 10 MB (an inline data URI, a script blob), and everything after that point would be
lost; and it takes time quadratic in the number of attributes of one tag (200,000 attributes
take minutes). So:

- a start tag longer than `LONG_TAG_CHARS` with more than `MAX_ATTRIBUTES` attributes keeps
  only the first ones, before libxml2 sees it (a long tag with few attributes, an SVG path
  or a JSON blob in one attribute, is harmless and left alone);
- when libxml2 stops early, the page is parsed again with its nesting capped below
  `MAX_DEPTH` levels (an element that would open deeper becomes a sibling of the innermost
  open one instead of its child, as browsers do past their own depth limits, so no text is
  lost) and without the 10 MB token limit.

libxml2 also silently drops everything after a `</html>` end tag, which pages that were
concatenated or had markup pasted after their end carry mid-page; browsers go on reading into
the body. `</html>` and `</body>` end tags are removed before parsing, to the same effect.

Every tree returned is at most `MAX_DEPTH` elements deep, the most libxml2 ever builds, so the
later stages never meet a deeper one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

from lxml import etree, html

from newsextract.rules.markup import (
    BLOCK_TAGS,
    DEFAULT_END_TAG_PRIORITY,
    END_TAG_PRIORITY,
    IMPLIED_END_TAGS,
    INERT_TAGS,
    LINE_BREAK_TAGS,
    NESTING_VOID_TAGS,
    RAW_TEXT_TAGS,
    SINGLETON_TAGS,
    VOID_TAGS,
)
from newsextract.rules.thresholds import (
    DEPTH_MARGIN,
    DEPTH_RETRIES,
    LONG_TAG_CHARS,
    MAX_ATTRIBUTES,
    MAX_DEPTH,
)
from newsextract.support.lazyre import compile_lazily


def _html_parser(*, huge_tree: bool, html_elements: bool) -> etree.HTMLParser:
    # The decoded text is handed to libxml2 as UTF-8 bytes with the encoding stated: that is
    # about twice as fast as handing it a str, and it makes libxml2 ignore whatever charset
    # the page declares (the decode stage has already decided) and any XML declaration.
    parser = etree.HTMLParser(
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        recover=True,
        default_doctype=False,
        collect_ids=False,
        huge_tree=huge_tree,
    )
    if html_elements:
        # Plain `HtmlElement`s (no per-tag form or label classes): lxml then picks the class
        # in C instead of calling back into Python for each element.
        lookup = etree.ElementDefaultClassLookup(element=html.HtmlElement)
        parser.set_element_class_lookup(lookup)
    return parser


# By (huge_tree, html_elements). The stages get lxml's plain `_Element`s, not `lxml.html`'s
# `HtmlElement`s: a Python subclass makes every element proxy lxml creates cost more (a
# sixth of a walk over the tree), and the stages use none of its methods (`drop_tree` and
# `drop_tag` are below). readability-lxml calls them, so its tree has them. The huge-tree
# parsers are for the second try only: no 10 MB limit on one token (their nesting limit is
# 2048 levels; `_tame` has already capped the page well below that).
_PARSERS = {
    (huge_tree, html_elements): _html_parser(huge_tree=huge_tree, html_elements=html_elements)
    for huge_tree in (False, True)
    for html_elements in (False, True)
}

_LONG_TAG = compile_lazily(rb"<[a-zA-Z][^<>]{%d}" % LONG_TAG_CHARS)
# Spelt out in both cases rather than with the ignore-case flag, so that the search can skip
# ahead to each `</` literal: twice as fast.
_DOCUMENT_END_TAG = compile_lazily(rb"</(?:[hH][tT][mM][lL]|[bB][oO][dD][yY])(?=[\s/>])[^>]*>")
_AT_MAX_DEPTH = etree.XPath("/" + "/".join(["*"] * MAX_DEPTH))


def parse(markup: str | bytes, *, html_elements: bool = False) -> etree._Element:
    """Parse page markup into an lxml tree rooted at `<html>`, at most `MAX_DEPTH` deep,
    without the markup that prints nothing (`INERT_TAGS`) and without the void tags libxml2
    nests text in (`NESTING_VOID_TAGS`).

    `markup` is text, or text encoded as UTF-8 (`Source.markup`), which saves a copy. With
    `html_elements`, the elements are `lxml.html.HtmlElement`s (for readability-lxml).
    """
    limit = MAX_DEPTH - DEPTH_MARGIN
    data = markup.encode("utf-8", "replace") if isinstance(markup, str) else markup
    if _has_crowded_long_tag(data):
        data = _tame(_as_text(markup), limit).encode("utf-8", "replace")
    data = _DOCUMENT_END_TAG.sub(b"", data)
    root, stopped_early = _parse_lxml(data, _PARSERS[False, html_elements])
    if stopped_early:
        # libxml2 gave up part-way (too deep, or one huge token): cap the nesting and lift the
        # token limit, so that the rest of the page is read too. Should libxml2 still find it
        # too deep, cap lower; in the end keep no nesting at all.
        text = _as_text(markup)
        for attempt in range(DEPTH_RETRIES + 1):
            cap = limit >> attempt if attempt < DEPTH_RETRIES else 0
            data = _DOCUMENT_END_TAG.sub(b"", _tame(text, cap).encode("utf-8", "replace"))
            root, stopped_early = _parse_lxml(data, _PARSERS[True, html_elements])
            if not stopped_early:
                break
        if root is not None:
            _flatten_below(root)
    if root is None:
        root = html.Element("html") if html_elements else etree.Element("html")
        etree.SubElement(root, "body")
    etree.strip_elements(root, *INERT_TAGS, with_tail=False)
    etree.strip_tags(root, *NESTING_VOID_TAGS)
    return root


def text_of(el: etree._Element) -> str:
    """All text inside `el`, as `el.text_content()` gives it, in half the time.

    lxml's `text_content()` evaluates an XPath `string()` through its Python XPath wrapper;
    serialising with the text method does the same walk in C. The later stages ask for the
    text of many elements, so this is one of the hottest calls in the package.
    """
    if not len(el):
        # A leaf's text is its `text`: no serialiser to set up (a link, a short paragraph;
        # about half the calls).
        return el.text or ""
    return etree.tostring(el, method="text", encoding=str, with_tail=False)


def drop_tree(el: etree._Element) -> None:
    """Take `el` and all it holds out of its parent. Its tail is the parent's text, not
    `el`'s: it stays where it was, after the previous sibling or in the parent's text."""
    parent = el.getparent()
    if parent is None:
        return
    _keep_in_place(el, parent, el.tail)
    parent.remove(el)


def drop_tag(el: etree._Element) -> None:
    """Replace `el` by what it holds: its text, its children and its tail stay in place."""
    parent = el.getparent()
    if parent is None:
        return
    _keep_in_place(el, parent, el.text)
    if el.tail:
        if len(el):
            last = el[-1]
            last.tail = (last.tail or "") + el.tail
        else:
            _keep_in_place(el, parent, el.tail)
    el.text = el.tail = None
    # Assigning the children to the slice moves them out of `el`, in order.
    index = parent.index(el)
    parent[index : index + 1] = list(el)


def _keep_in_place(el: etree._Element, parent: etree._Element, text: str | None) -> None:
    # Text that must outlive `el` joins what is printed just before it.
    if not text:
        return
    previous = el.getprevious()
    if previous is None:
        parent.text = (parent.text or "") + text
    else:
        previous.tail = (previous.tail or "") + text


def next_element(el: etree._Element) -> etree._Element | None:
    """The element after `el` among its siblings, past comments and processing instructions
    (`getnext()` returns those too), or None."""
    following = el.getnext()
    while following is not None and not isinstance(following.tag, str):
        following = following.getnext()
    return following


def spaced_text(el: etree._Element) -> str:
    """All text inside `el`, with a space where a block child begins or ends: two paragraphs,
    or a heading and the byline under it, read as two runs of words, not one glued at the
    seam (white space not collapsed)."""
    if not has_block_child(el):
        return text_of(el)
    parts = [el.text or ""]
    for child in el:
        if child.tag in BLOCK_TAGS:
            parts.append(f" {spaced_text(child)} ")
        elif isinstance(child.tag, str):
            parts.append(text_of(child))
        parts.append(child.tail or "")
    return "".join(parts)


def has_block_child(el: etree._Element) -> bool:
    """Whether a child of `el` is a block element (`markup.BLOCK_TAGS`): the body walk, the
    standfirst scan and `--explain` all cut text into blocks at such children."""
    # A comment's tag is a function, never in the set: no type test needed.
    return any(child.tag in BLOCK_TAGS for child in el)


def _as_text(markup: str | bytes) -> str:
    # Only the rare pages that need taming are handled as text.
    return markup if isinstance(markup, str) else markup.decode("utf-8", "replace")


def _long_tags(data: bytes) -> Iterator[int]:
    """Where `_LONG_TAG` matches in `data` (the starts `finditer` gives), reading a few bytes
    of a normal page.

    A long tag opens a run of more than `LONG_TAG_CHARS` bytes without `<`, and any run that
    long holds a multiple of `LONG_TAG_CHARS`. So only the runs around those offsets are
    looked at: the nearest `<` on each side is found by `find` at memory speed, and only a
    run long enough is matched against the pattern. Each byte is read a bounded number of
    times, and a normal page is answered after a few dozen short scans instead of a pass over
    every tag.
    """
    size = len(data)
    probe = LONG_TAG_CHARS
    while probe < size:
        start = data.rfind(b"<", 0, probe)
        end = data.find(b"<", probe)
        if end < 0:
            end = size
        if start >= 0 and end - start > LONG_TAG_CHARS and _LONG_TAG.match(data, start):
            yield start
        probe = (end // LONG_TAG_CHARS + 1) * LONG_TAG_CHARS


def _has_crowded_long_tag(data: bytes) -> bool:
    """Whether a long tag carries more than `MAX_ATTRIBUTES` attributes, as `_tame` counts
    them: the case that makes libxml2 crawl. Taming reads the whole page in Python, which is
    wasted on a long tag with few attributes (an SVG path, one long attribute value)."""
    for start in _long_tags(data):
        end = data.find(b">", start)
        attributes = _ATTRIBUTE_BYTES.finditer(data, start + 1, len(data) if end < 0 else end)
        # The tag's name is the first match.
        if sum(1 for _ in islice(attributes, MAX_ATTRIBUTES + 2)) > MAX_ATTRIBUTES + 1:
            return True
    return False


def _parse_lxml(data: bytes, parser: etree.HTMLParser) -> tuple[etree._Element | None, bool]:
    """The tree (None when there is none) and whether libxml2 stopped before the end."""
    try:
        doc = etree.fromstring(data, parser=parser)
    except (etree.LxmlError, ValueError):
        doc = None
    stopped_early = any(error.level == etree.ErrorLevels.FATAL for error in parser.error_log)
    return (doc if isinstance(doc, etree._Element) else None), stopped_early


def _flatten_below(root: etree._Element) -> None:
    # Only the second parse can nest deeper than libxml2's first: its elements at the deepest
    # level keep their text but lose their inner markup (a line break where a block ended).
    for element in _AT_MAX_DEPTH(root):
        if isinstance(element, etree._Element) and len(element):
            for inner in element.iterdescendants():
                if inner.tag in LINE_BREAK_TAGS or inner.tag == "br":
                    inner.tail = "\n" + (inner.tail or "")
            etree.strip_tags(element, "*")


# --- taming: a single linear pass over the markup that caps nesting and attribute counts -----

# One token of markup: a comment, a declaration or processing instruction, a raw-text element
# with its content, or a tag. Unclosed ones run to the end of the text, as in HTML.
_TOKEN = compile_lazily(
    r"<(?:!--.*?(?:--!?>|\Z)|[!?][^>]*>?"
    rf"|(?P<raw>{'|'.join(RAW_TEXT_TAGS)})(?=[\s/>]|\Z)[^>]*>?.*?(?:</(?P=raw)(?=[\s/>])|\Z)"
    r"|(?P<end>/?)(?P<name>[a-zA-Z][^\s/>]*)(?P<rest>[^>]*)>?)",
    re.DOTALL | re.IGNORECASE,
)
_START_TAG_NEXT = compile_lazily(r"\s*<[a-zA-Z]")
_ATTRIBUTE = compile_lazily(r"""[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"?|'[^']*'?|[^\s>]*))?""")
_ATTRIBUTE_BYTES = compile_lazily(_ATTRIBUTE.pattern.encode())


def _tame(text: str, max_depth: int) -> str:
    """`text` with nesting capped at `max_depth` open elements and attribute lists cut.

    A start tag that would open an element beyond `max_depth` first closes the innermost open
    one, so the new element becomes its sibling rather than its child, as browsers do past
    their own depth limits: no text and no paragraph break is lost. When it only wraps the
    next element (100,000 nested `<div>`s), it is dropped instead, which loses nothing and
    keeps the tree small. With `max_depth` 0 every start tag is dropped (a block's start
    becomes a line break): the last resort.

    Text, comments and end tags are kept. The open-element stack is a simple model of HTML's
    (implied end tags of `p`, `li`, table cells; end tags close the nearest open element of
    their name unless a higher-priority element is in the way), so the depth libxml2 sees
    stays close to the model's.
    """
    pieces: list[str] = []
    stack: list[str] = []
    kept_from = 0
    for match in _TOKEN.finditer(text):
        name = match.group("name")
        if name is None:
            continue  # A comment, a declaration or a raw-text element: kept as it is.
        name = name.lower()
        if match.group("end"):
            _close(stack, name)
            continue
        closes = IMPLIED_END_TAGS.get(name)
        while closes and stack and stack[-1] in closes:
            stack.pop()
        prefix = ""
        if name in VOID_TAGS or (name in SINGLETON_TAGS and name in stack):
            pass  # Opens nothing (libxml2 merges a second <body> into the first).
        elif max_depth <= 0:
            pieces.append(text[kept_from : match.start()])
            pieces.append("<br>" if name in LINE_BREAK_TAGS else "")
            kept_from = match.end()
            continue
        elif len(stack) >= max_depth and _START_TAG_NEXT.match(text, match.end()):
            # A wrapper of another element and no text of its own: dropping it loses nothing.
            pieces.append(text[kept_from : match.start()])
            kept_from = match.end()
            continue
        else:
            if len(stack) >= max_depth:
                prefix = f"</{stack.pop()}>"
            stack.append(name)
        rest = match.group("rest")
        if prefix or len(rest) >= LONG_TAG_CHARS // 2:
            pieces.append(text[kept_from : match.start()])
            pieces.append(prefix)
            if len(rest) >= LONG_TAG_CHARS // 2:
                pieces.append(f"<{match.group('name')} {_first_attributes(rest)}>")
                kept_from = match.end()
            else:
                kept_from = match.start()
    pieces.append(text[kept_from:])
    return "".join(pieces)


def _close(stack: list[str], name: str) -> None:
    priority = END_TAG_PRIORITY.get(name, DEFAULT_END_TAG_PRIORITY)
    for index in range(len(stack) - 1, -1, -1):
        if stack[index] == name:
            del stack[index:]
            return
        if END_TAG_PRIORITY.get(stack[index], DEFAULT_END_TAG_PRIORITY) > priority:
            return


def _first_attributes(rest: str) -> str:
    kept: list[str] = []
    for attribute in _ATTRIBUTE.finditer(rest):
        kept.append(attribute.group())
        if len(kept) >= MAX_ATTRIBUTES:
            break
    return " ".join(kept)
