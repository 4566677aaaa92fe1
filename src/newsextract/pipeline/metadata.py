"""Stage 2b: read what the page says about itself, before cleaning removes any of it.

Sources, most trusted first: schema.org JSON-LD (`NewsArticle` and its relatives), OpenGraph
and `article:` meta tags, other common meta names (Dublin Core, Parse.ly, Sailthru), microdata
`itemprop`, `<time datetime>`, `<html lang>`, `rel=canonical` and `rel=author`. The values stay
strings here; the assembly stage parses and reconciles them.
"""

from __future__ import annotations

import html as html_entities
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

from lxml import etree

from newsextract._model import LanguageSource
from newsextract.fields.bylines import is_person_name, parse_byline
from newsextract.pipeline.blocks import normalise_space
from newsextract.pipeline.headline import printed_context, printed_headline
from newsextract.pipeline.names import is_named_caption, names_match
from newsextract.pipeline.parse import text_of
from newsextract.rules import markup, phrases
from newsextract.rules.bylines import MAX_LONE_BYLINE_CHARS, MAX_SOURCE_LINE_CHARS
from newsextract.rules.calendar import MAX_PRINTED_DATE_CHARS
from newsextract.rules.markup import (
    ARTICLE_TYPES,
    META_NAMES,
    METADATA_TAGS,
    MODIFIED_CLASS,
    NOT_BYLINE_CLASS,
)
from newsextract.rules.thresholds import (
    MAX_BYLINE_CHARS,
    MAX_BYLINE_SCOPE_LEVELS,
    MAX_JSON_LD_CHARS,
    MAX_SEPARATE_NAMES,
    MAX_TAG_CHARS,
    MIN_NAME_WORDS,
    MIN_SEPARATE_NAMES,
    RELATED_HEADING_KEY_CHARS,
)
from newsextract.support.budget import CHECK_EVERY, check
from newsextract.support.lazyre import compile_lazily
from newsextract.support.memo import BoundedMemo

# Matched against lower-cased class strings (faster than ignore-case patterns).
_BYLINE_CLASS = compile_lazily("|".join(markup.BYLINE_CLASS_WORDS))
_DATE_CLASS = compile_lazily("|".join(markup.DATE_CLASS_WORDS))
_TAG_LIST_CLASS = compile_lazily("|".join(markup.TAG_LIST_CLASS_WORDS))
_SOURCE_CLASS = compile_lazily("|".join(markup.SOURCE_CLASS_WORDS))
# Related boxes and teasers (`pipeline.related` decides): collected in this pass, which reads
# every element's class anyway.
_BOX_CLASS = compile_lazily("|".join((*markup.RELATED_WORDS, *markup.INLINE_TEASER_WORDS)))
# What a class string says about its element, as the bits of one verdict.
_BYLINE = 1
_TAG_LIST = 2
_DATE = 4
_MODIFIED = 8
_SOURCE = 16
_BOX = 32
# Distinct class strings whose verdicts are remembered (see `BoundedMemo`).
MAX_REMEMBERED_CLASSES = 32768


def _by_first_letter(words: Iterable[str]) -> str:
    """The alternation of `words`, with the words that share a first letter in one branch.

    It matches where `"|".join(words)` does, faster: `re` tries an alternation's branches one
    after the other at every position of the string.
    """
    rests: dict[str, list[str]] = {}
    for word in words:
        rests.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(f"{re.escape(first)}(?:{'|'.join(rest)})" for first, rest in rests.items())


# Whether a class string names any of the words above, the first question for each new class
# string of a page, and most of them name none.
_ANY_CLASS_WORD = compile_lazily(
    _by_first_letter(
        (
            *markup.BYLINE_CLASS_WORDS,
            *markup.DATE_CLASS_WORDS,
            *markup.TAG_LIST_CLASS_WORDS,
            *markup.SOURCE_CLASS_WORDS,
            *markup.RELATED_WORDS,
            *markup.INLINE_TEASER_WORDS,
        )
    )
)

_META_LOOKUP = {name: field for field, names in META_NAMES.items() for name in names}


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the page declares about the article, as raw strings, most trusted first."""

    titles: tuple[str, ...] = ()
    site_names: tuple[str, ...] = ()
    descriptions: tuple[str, ...] = ()
    # JSON-LD `articleBody`, one paragraph a line: the publisher's own copy of the story.
    article_bodies: tuple[str, ...] = ()
    images: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    # Where each of `languages` was declared.
    language_sources: tuple[LanguageSource, ...] = ()
    published: tuple[str, ...] = ()
    printed_dates: tuple[str, ...] = ()
    modified: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    author_orgs: tuple[str, ...] = ()
    bylines: tuple[str, ...] = ()
    # Short texts of elements named as a source line (`markup.SOURCE_CLASS_WORDS`), outside
    # figures: "Quelle: ntv.de, ino/dpa" under the story.
    source_lines: tuple[str, ...] = ()
    # Elements whose class or id may name a related box or a teaser, and elements whose short
    # text starts like a related heading, in document order (for `pipeline.related`).
    box_elements: tuple[etree._Element, ...] = ()
    title_elements: tuple[etree._Element, ...] = ()
    tags: tuple[str, ...] = ()
    base_href: str | None = None
    h1: str | None = None
    # The text printed in and just above the first `<h1>`, kicker included (`printed_context`).
    h1_context: str | None = None
    # Short paragraphs printed wholly in bold: on a page with no byline element, a name alone
    # in bold is where the author is printed (`newsfields._lone_byline`).
    bold_lines: tuple[str, ...] = ()
    # The page's `<title>`, always the last of `titles` when the page has one.
    page_title: str | None = None

    def declared_language(self) -> tuple[str, LanguageSource] | None:
        """The first well-formed declared language's primary subtag (`de` for `de-AT`), and
        where it was declared."""
        for value, source in zip(self.languages, self.language_sources, strict=True):
            match = _LANGUAGE_TAG.match(value.strip())
            if match is not None:
                return match.group(1).lower(), source
        return None


# A BCP 47 tag as pages print it: "de", "de-AT", "pt_BR", "zh-Hant-TW".
_LANGUAGE_TAG = compile_lazily(r"^([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]{2,8})*$")


def read_metadata(root: etree._Element) -> Metadata:
    """Collect the page's own statements about the article."""
    reader = _Reader()
    verdicts = _CLASS_VERDICTS
    id_verdicts = _ID_VERDICTS
    # One pass over every element: metadata tags by name, microdata and bylines by attribute.
    # The pass is most of this stage's cost, so the common element takes a tag read, three
    # attribute reads and a few set and dict look-ups. Reading each tag here costs less than
    # a second walk of the tree in libxml2 for the tags wanted (each such walk costs about
    # as much as a sixth of this loop, however few elements it finds).
    bold_tags = markup.BOLD_TAGS
    for chunk in _checked_chunks(root.iter(etree.Element)):
        for el in chunk:
            tag = el.tag
            if tag in METADATA_TAGS:
                if reader.read_tag(el):
                    continue
            elif tag in bold_tags:
                reader.bold_elements.append(el)
            # Attribute names as bytes spare lxml an encoding per read.
            cls = el.get(b"class")
            verdict = verdicts[cls] if cls else 0
            prop = el.get(b"itemprop")
            rel = el.get(b"rel")
            if verdict or prop or rel:
                reader.read_attributes(el, verdict, prop, rel)
            # An id names a related box as often as a class does (`sidebar-moreStories`).
            ident = el.get(b"id")
            if ident and not verdict & _BOX and id_verdicts[ident]:
                reader.box_elements.append(el)
            # A box's heading may be any short text ("関連ニュース" in a `<div>`): the few that
            # start like one are kept for `pipeline.related`.
            text = el.text
            if (
                text
                and len(text) <= _MAX_HEADING_TEXT
                and not text.isspace()
                and text.lstrip()[:RELATED_HEADING_KEY_CHARS].lower() in _HEADING_KEYS
            ):
                reader.title_elements.append(el)
    return reader.metadata(root)


def _checked_chunks(
    elements: Iterator[etree._Element],
) -> Iterator[list[etree._Element]]:
    # A look at the clock per chunk rather than a counter per element keeps the loop tight.
    while chunk := list(islice(elements, CHECK_EVERY)):
        check()
        yield chunk


class _Reader:
    """The state of one pass over a page: values found so far and elements kept for later."""

    def __init__(self) -> None:
        # JSON-LD is the most deliberate statement a page makes, so its values rank first
        # whatever their place in the document.
        self.from_json_ld: dict[str, list[str]] = {}
        self.found: dict[str, list[str]] = {}
        self.add = _adder(self.found)
        self.add_json_ld = _adder(self.from_json_ld)
        self.h1: etree._Element | None = None
        self.title: str | None = None
        self.base_href: str | None = None
        self.tag_containers: list[etree._Element] = []
        self.tag_links: list[etree._Element] = []
        # Byline elements and their text, kept until the pass is over: whether one is the
        # story's depends on where the headline is (`_other_story_byline`).
        self.byline_elements: list[tuple[etree._Element, str]] = []
        self.box_elements: list[etree._Element] = []
        self.title_elements: list[etree._Element] = []
        self.bold_elements: list[etree._Element] = []

    def read_tag(self, el: etree._Element) -> bool:
        """Read a metadata tag; True when its attributes need no further look."""
        add, tag = self.add, el.tag
        if tag == "meta":
            _read_meta(el, add)
        elif tag == "script":
            if el.get("type", "").strip().lower() == "application/ld+json":
                for obj in _json_ld_articles(el.text or ""):
                    _read_json_ld(obj, self.add_json_ld)
        elif tag == "time":
            machine = el.get("datetime")
            add("time", machine)
            if not machine:
                add("printed_date", text_of(el))
            return False
        elif tag == "link":
            if el.get("rel", "").lower() == "canonical":
                add("url", el.get("href"))
        elif tag == "title":
            self.title = self.title or text_of(el)
        elif tag == "h1":
            if self.h1 is None:
                self.h1 = el
            return False
        elif tag == "base":
            self.base_href = self.base_href or el.get("href")
        elif tag == "byline":
            self.add_byline(el)
            return False
        return True

    def add_byline(self, el: etree._Element) -> None:
        text = _byline_text(el)
        if len(text) < MAX_BYLINE_CHARS:
            self.byline_elements.append((el, text))

    def read_attributes(
        self, el: etree._Element, verdict: int, prop: str | None, rel: str | None
    ) -> None:
        """Read an element whose class, `itemprop` or `rel` may say what it holds."""
        if prop and prop != "author":
            _read_itemprop(el, prop, self.add)
            return
        if prop == "author" or rel == "author" or verdict & _BYLINE:
            self.add_byline(el)
        elif rel and el.tag == "a" and "tag" in rel.split() and "category" not in rel:
            self.tag_links.append(el)
        elif verdict & _TAG_LIST:
            self.tag_containers.append(el)
        if verdict & _BOX:
            self.box_elements.append(el)
        if verdict & _SOURCE and not _in_figure(el):
            text = text_of(el)
            if len(text) <= MAX_SOURCE_LINE_CHARS:
                self.add("source_line", text)
        # A byline block often prints the date too ("author-name-date"), so this is no elif.
        if verdict & _DATE:
            _read_date_element(el, bool(verdict & _MODIFIED), self.add)

    def languages(self) -> tuple[tuple[str, ...], tuple[LanguageSource, ...]]:
        """The declared languages, most trusted first, each with where the page gave it."""
        languages: list[str] = []
        sources: list[LanguageSource] = []
        declared: tuple[tuple[LanguageSource, list[str]], ...] = (
            ("jsonld", self.from_json_ld.get("locale", [])),
            ("meta", self.found.get("locale", [])),
            ("html", self.found.get("html_lang", [])),
        )
        for source, values in declared:
            for value in values:
                if value not in languages:
                    languages.append(value)
                    sources.append(source)
        return tuple(languages), tuple(sources)

    def metadata(self, root: etree._Element) -> Metadata:
        """What the pass found, with the page-wide values read last."""
        found, from_json_ld, add = self.found, self.from_json_ld, self.add
        if not found.get("tags") and not from_json_ld.get("tags"):
            # Printed tag lists count only when the page declares no keywords itself.
            self.tag_links.extend(a for box in self.tag_containers for a in box.iter("a"))
            for link in self.tag_links:
                text = text_of(link)
                if len(text) <= MAX_TAG_CHARS:
                    add("tags", text)
        add("html_lang", root.get("lang") or root.get("xml:lang"))
        add("page_title", self.title)
        story = _story_article(self.h1)
        sizes: dict[etree._Element, int] = {}
        for el, text in self.byline_elements:
            if not _other_story_byline(el, story, sizes):
                add("byline", text)

        def get(field: str) -> tuple[str, ...]:
            first = from_json_ld.get(field, [])
            return tuple(first + [v for v in found.get(field, ()) if v not in first])

        languages, sources = self.languages()
        h1 = self.h1
        authors = _printed_authors(_without_rights_holder(get("author"), get("copyright")), root)
        bylines = get("byline")
        return Metadata(
            titles=get("title") + get("page_title"),
            site_names=get("site_name"),
            descriptions=get("description"),
            article_bodies=get("article_body"),
            images=get("image"),
            urls=get("url"),
            languages=languages,
            language_sources=sources,
            published=get("published") + get("time") + get("date_attr"),
            printed_dates=get("printed_date"),
            modified=get("modified") + get("modified_attr"),
            authors=authors,
            author_orgs=get("author_org"),
            bylines=bylines,
            bold_lines=_bold_lines(self.bold_elements),
            source_lines=get("source_line"),
            box_elements=tuple(self.box_elements),
            title_elements=tuple(self.title_elements),
            tags=get("tags"),
            base_href=self.base_href,
            h1=printed_headline(h1) or None if h1 is not None else None,
            h1_context=printed_context(h1) or None if h1 is not None else None,
            page_title=normalise_space(_unescaped(self.title)) or None if self.title else None,
        )


def _bold_lines(bolds: list[etree._Element]) -> tuple[str, ...]:
    """The texts of short `<p>`s whose whole text is one `<strong>` or `<b>` (of `bolds`,
    the page's bold elements)."""
    lines: list[str] = []
    for bold in bolds:
        paragraph = bold.getparent()
        if paragraph is None or paragraph.tag != "p" or len(paragraph) != 1:
            continue
        text = normalise_space(text_of(paragraph))
        if text and len(text) <= MAX_LONE_BYLINE_CHARS and normalise_space(text_of(bold)) == text:
            lines.append(text)
    return tuple(lines)


def _without_rights_holder(values: tuple[str, ...], rights: tuple[str, ...]) -> tuple[str, ...]:
    """The declared authors, less the one the page's copyright notice names, when others are
    left: a CMS that fills `<meta name="author">` with the publisher (`Copyright (c) Example
    Media 2024`) declares the story's writers elsewhere. A page whose only author is the
    rights holder (a personal blog) keeps it."""
    if len(values) < MIN_SEPARATE_NAMES or not rights:
        return values
    notice = " ".join(rights).casefold()
    kept = tuple(value for value in values if value.casefold() not in notice)
    return kept or values


def _printed_authors(values: tuple[str, ...], root: etree._Element) -> tuple[str, ...]:
    """The declared authors, less those the page prints nowhere when it prints the others.

    A page that prints one declared author's name and not another's declares more than its
    byline: a translator, an editor, the desk. With none of them printed (a byline rendered
    by a script), the declaration is all there is and stays whole.
    """
    if len(values) < MIN_SEPARATE_NAMES:
        return values
    body = next(root.iterchildren("body"), None)
    if body is None:
        return values
    text = _PrintedText(text_of(body))
    printed = {
        value: any(text.prints(name) for name in names)
        for value in values
        if (names := parse_byline(value)[0])
    }
    if not any(printed.values()):
        return values
    return tuple(value for value in values if printed.get(value, True))


class _PrintedText:
    """A page's text, asked whether it prints a name: as written first, and only for a name
    not found so its spacing and case set aside (folding a whole page's text costs more than
    all the rest of the question)."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._folded: str | None = None

    def prints(self, name: str) -> bool:
        if name in self._text:
            return True
        if self._folded is None:
            self._folded = normalise_space(self._text).casefold()
        return name.casefold() in self._folded


def _in_figure(el: etree._Element) -> bool:
    """In a figure or an element named as a caption or a credit (`caption-source`): a source
    there is the photo's. Asked of the few elements named as a source."""
    for node in (el, *el.iterancestors()):
        if node.tag in markup.FIGURE_TAGS:
            return True
        if node is not el and is_named_caption(node):
            return True
    return False


def _byline_text(el: etree._Element) -> str:
    """A byline element's text, its names kept apart when each is an element of its own.

    `<span>Jane Doe</span> <span>John Roe</span>` prints the names side by side with no
    separator, so the text reads as one long name; when every bit of text sits in a leaf
    element and each leaf reads as a whole person's name (two words or more), the leaves are
    joined with commas. A name split into a first-name and a last-name element keeps its
    space; a leaf naming the publication (`USA TODAY` reads as a name too) is left as it was
    only when another leaf is no name (`Jane Doe and John Roe`).
    """
    text = text_of(el)
    leaves = [node for node in el.iter(etree.Element) if len(node) == 0]
    if not MIN_SEPARATE_NAMES <= len(leaves) <= MAX_SEPARATE_NAMES:
        return text
    parts = [normalise_space(text_of(leaf)) for leaf in leaves]
    if any(len(part.split()) < MIN_NAME_WORDS or not is_person_name(part) for part in parts):
        return text  # a lead-in, a publication's name beside the names, a date
    if " ".join(parts) != normalise_space(text):
        return text  # text outside the leaves: "By ... and ...", a date, a lead-in
    return ", ".join(parts)


def _story_article(h1: etree._Element | None) -> etree._Element | None:
    """The `<article>` that holds the page's headline: the story's own, when it has one."""
    if h1 is None:
        return None
    return next(h1.iterancestors("article"), None)


def _other_story_byline(
    el: etree._Element, story: etree._Element | None, sizes: dict[etree._Element, int]
) -> bool:
    """Whether a byline element belongs to something else than the story.

    It does inside a teaser or comment box, an aside or a quote (`NOT_STORY_BYLINE_*`), and
    inside another `<article>` than the headline's that is nested in it (a teaser card in the
    story) or holds less text (a teaser card beside it). A longer `<article>` beside it is the
    story itself: a page's first `<h1>` can be a featured teaser's. With no `<article>` around
    the headline, an article around the byline says nothing. `sizes` remembers each
    article's text length for the page.
    """
    seen_article = False
    for level, node in enumerate(itertools.chain((el,), el.iterancestors())):
        if level >= MAX_BYLINE_SCOPE_LEVELS:
            break
        tag = node.tag
        if tag in markup.NOT_STORY_BYLINE_TAGS:
            return True
        if tag == "article" and not seen_article:
            seen_article = True
            if story is not None and node is not story and _smaller_article(node, story, sizes):
                return True
        if _NAMED_NOT_STORY_BYLINE(node):
            return True
    return False


_NAMED_NOT_STORY_BYLINE = names_match(markup.NOT_STORY_BYLINE_ATTR)


def _smaller_article(
    other: etree._Element, story: etree._Element, sizes: dict[etree._Element, int]
) -> bool:
    """Whether `other` is a card inside the story, or an `<article>` shorter than the story."""
    if any(node is story for node in other.iterancestors("article")):
        return True
    for node in (other, story):
        if node not in sizes:
            sizes[node] = len(text_of(node))
    return sizes[other] < sizes[story]


def _class_verdict(raw: str) -> int:
    """The verdict bits for a class string as written."""
    cls = raw.lower()
    if not _ANY_CLASS_WORD.search(cls):
        return 0
    verdict = 0
    if _BYLINE_CLASS.search(cls) and not NOT_BYLINE_CLASS.search(cls):
        verdict |= _BYLINE
    if _TAG_LIST_CLASS.search(cls):
        verdict |= _TAG_LIST
    if _SOURCE_CLASS.search(cls):
        verdict |= _SOURCE
    if _BOX_CLASS.search(cls):
        verdict |= _BOX

    if _DATE_CLASS.search(cls):
        verdict |= _DATE | (_MODIFIED if MODIFIED_CLASS.search(cls) else 0)
    return verdict


_CLASS_VERDICTS = BoundedMemo(_class_verdict, MAX_REMEMBERED_CLASSES)


def _id_verdict(raw: str) -> bool:
    """Whether an id may name a related box or a teaser."""
    return _BOX_CLASS.search(raw.lower()) is not None


_ID_VERDICTS = BoundedMemo(_id_verdict, MAX_REMEMBERED_CLASSES)

# A related heading's first characters (`phrases.RELATED_HEADINGS` and prefixes), looked up
# for short texts only; `pipeline.related` reads the whole heading.
_MAX_HEADING_TEXT = 2 * phrases.RELATED_HEADING_MAX_CHARS
_HEADING_KEYS = frozenset(
    h[:RELATED_HEADING_KEY_CHARS]
    for h in (*phrases.RELATED_HEADINGS, *phrases.RELATED_HEADING_PREFIXES)
)


def _read_date_element(
    el: etree._Element, modified: bool, add: Callable[[str, object], None]
) -> None:
    # A value in an attribute is machine-readable (`<input class="published_date"
    # value="2021-04-07 08:15:00">`); text is printed for readers and needs dateparser.
    value = el.get("datetime") or el.get("content") or el.get("value")
    if value:
        add("modified_attr" if modified else "date_attr", value)
        return
    text = text_of(el)
    if len(text) <= MAX_PRINTED_DATE_CHARS:
        add("printed_date", text)


def _read_itemprop(el: etree._Element, prop: str, add: Callable[[str, object], None]) -> None:
    value = el.get("content") or el.get("datetime")
    if prop in ("datePublished", "dateModified") and value:
        add("published" if prop == "datePublished" else "modified", value)
    elif prop == "headline":
        add("title", text_of(el))


# An entity the parser left in a value, written in full (with its `;`).
_ENTITY = compile_lazily(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")


def _unescaped(text: str) -> str:
    """`text` with the entities left in it decoded (twice over for `&amp;uuml;`)."""
    for _ in range(2):
        if "&" not in text:
            break
        text = _ENTITY.sub(lambda m: html_entities.unescape(m.group(0)), text)
    return text


def _adder(found: dict[str, list[str]]) -> Callable[[str, object], None]:
    def add(field: str, value: object) -> None:
        if isinstance(value, str):
            if field in markup.TEXT_META_FIELDS:
                value = _unescaped(value)
            if field in markup.MULTILINE_META_FIELDS:
                text = "\n".join(filter(None, map(normalise_space, value.splitlines())))
            else:
                text = normalise_space(value)
            if text and text not in found.setdefault(field, []):
                found[field].append(text)

    return add


def _read_meta(meta: etree._Element, add: Callable[[str, object], None]) -> None:
    content = meta.get("content")
    if content is None:
        return
    key = meta.get("property") or meta.get("name") or meta.get("itemprop")
    key = (key or meta.get("http-equiv") or "").strip().lower()
    field = _META_LOOKUP.get(key)
    if field == "tags":
        for tag in content.split(","):
            add("tags", tag)
    elif field is not None:
        add(field, content)


def _json_ld_articles(text: str) -> Iterator[dict[str, Any]]:
    if not text.strip() or len(text) > MAX_JSON_LD_CHARS:
        return
    import json  # deferred: a page without JSON-LD never needs it, and `import newsextract` less

    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return
    yield from _article_objects(data, depth=0)


def _article_objects(data: object, depth: int) -> Iterator[dict[str, Any]]:
    # Article objects hide in lists, `@graph` arrays and `mainEntity`; the depth bound keeps a
    # hostile, deeply nested JSON from costing more than it should.
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data:
            yield from _article_objects(item, depth + 1)
    elif isinstance(data, dict):
        types = data.get("@type")
        type_names = types if isinstance(types, list) else [types]
        if any(isinstance(n, str) and n.lower() in ARTICLE_TYPES for n in type_names):
            yield data
        for key in markup.JSON_LD_CONTAINER_KEYS:
            if key in data:
                yield from _article_objects(data[key], depth + 1)


def _read_json_ld(obj: dict[str, Any], add: Callable[[str, object], None]) -> None:
    is_webpage = str(obj.get("@type", "")).lower() == "webpage"
    add("title", obj.get("headline") if not is_webpage else None)
    add("description", obj.get("description"))
    add("article_body", obj.get("articleBody"))
    add("published", obj.get("datePublished"))
    add("modified", obj.get("dateModified"))
    add("url", obj.get("url") if not is_webpage else None)
    add("locale", obj.get("inLanguage"))
    for image in _as_list(obj.get("image")):
        add("image", image.get("url") if isinstance(image, dict) else image)
    for author in _as_list(obj.get("author")) + _as_list(obj.get("creator")):
        if isinstance(author, dict):
            kind = str(author.get("@type", "")).lower()
            add("author_org" if kind == "organization" else "author", author.get("name"))
        else:
            add("author", author)
    for org in _as_list(obj.get("sourceOrganization")):
        add("author_org", org.get("name") if isinstance(org, dict) else org)
    publisher = obj.get("publisher")
    if isinstance(publisher, dict):
        add("site_name", publisher.get("name"))
    keywords = obj.get("keywords")
    if isinstance(keywords, str):
        for tag in keywords.split(","):
            add("tags", tag)
    else:
        for tag in _as_list(keywords):
            add("tags", tag)


def _as_list(value: object) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
