"""Stage 7: reconcile the segments, news fields and metadata into one `Article`.

This is where the page's many statements about itself are weighed: which headline, which
date, which URL. URLs are made absolute here and anything that is not http(s) is dropped, so
no `javascript:`, `data:` or `file:` URL from a page ever reaches a user.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from urllib.parse import parse_qsl, urljoin, urlsplit

from newsextract._model import Article, Block, Caption, LanguageSource, RelatedLink
from newsextract.fields.dates import date_from_url, parse_machine_date, parse_printed_date
from newsextract.fields.language import detect_language, detection_text, doubt_declared
from newsextract.pipeline.blocks import RawLink, Segments, is_label, normalise_space
from newsextract.pipeline.metadata import Metadata
from newsextract.pipeline.newsfields import NewsFields
from newsextract.rules.markup import (
    POST_ID_KEYS,
    SECTION_PATHS,
)
from newsextract.rules.phrases import (
    HEADLINE_KICKER_SEPARATORS,
    TITLE_SEPARATORS,
)
from newsextract.rules.thresholds import (
    MAX_KICKER_WORDS,
    MAX_LABELS_ABOVE_HEADLINE,
    MAX_PRINTED_DATES_TRIED,
    MAX_SITE_NAME_WORDS,
    MIN_STORY_PATH_CHARS,
)
from newsextract.support.lazyre import compile_lazily


def assemble(
    segments: Segments,
    fields: NewsFields,
    metadata: Metadata,
    *,
    url: str | None,
    confident: bool = False,
) -> Article:
    """Build the final record; every value is normalised and every URL absolute http(s).
    `confident` is the body's own verdict on itself (see `Article.confident`)."""
    page_url = _page_url(url, metadata)
    base = _base_url(page_url, metadata.base_href)
    site_name = metadata.site_names[0] if metadata.site_names else None
    headline = _headline(segments, metadata, site_name)
    language, language_source = _language(segments, metadata, headline)
    published = (
        _first_date(metadata.published)
        or _first_printed_date(metadata.printed_dates, language)
        or date_from_url(page_url)
    )
    modified = _first_date(metadata.modified)
    if modified is not None and published is not None and _before(modified, published):
        modified = None
    standfirst = segments.standfirst if segments.standfirst != headline else None
    # One test for the paragraphs and the blocks: they print the same lines, answered once.
    is_repeat = _repeat_test(headline, standfirst)
    return Article(
        url=page_url,
        headline=headline,
        standfirst=standfirst,
        dateline=fields.dateline,
        agency=fields.agency,
        authors=fields.authors,
        published=published,
        modified=modified,
        site_name=site_name,
        language=language,
        description=metadata.descriptions[0] if metadata.descriptions else None,
        top_image=next(filter(None, (absolute_url(i, base) for i in metadata.images)), None),
        captions=tuple(
            Caption(text=c.text, credit=c.credit, image_url=absolute_url(c.image_url, base))
            for c in fields.captions
            if c.text or c.credit
        ),
        paragraphs=_without_credits(
            _without_headline(segments.paragraphs, is_repeat), fields.credit_lines
        ),
        related=_related(segments.related, base, page_url),
        tags=metadata.tags,
        language_source=language_source,
        confident=confident,
        blocks=_blocks_without_credits(
            _blocks_without_headline(segments.blocks, is_repeat), fields.credit_lines
        ),
    )


def _without_credits(paragraphs: tuple[str, ...], credits: tuple[str, ...]) -> tuple[str, ...]:
    # A byline or an agency credit printed as an opening line of the story is that field, not
    # body (`newsfields.credit_lines`): the first line of each such text goes, a repeat further
    # down (a sign-off) stays.
    left = list(credits)
    kept: list[str] = []
    for paragraph in paragraphs:
        if paragraph in left:
            left.remove(paragraph)
        else:
            kept.append(paragraph)
    return tuple(kept)


def _blocks_without_credits(
    blocks: tuple[Block, ...], credits: tuple[str, ...]
) -> tuple[Block, ...]:
    # The same lines as in `_without_credits`, taken out of the typed blocks.
    left = list(credits)
    kept: list[Block] = []
    for block in blocks:
        if block.text in left:
            left.remove(block.text)
        else:
            kept.append(block)
    return tuple(kept)


def _without_headline(
    paragraphs: tuple[str, ...], is_repeat: Callable[[str], bool] | None
) -> tuple[str, ...]:
    # Story containers often repeat the headline (an <h2> in the body, a kicker): it is the
    # headline field's, not a paragraph. So is the standfirst in a body from the fallback,
    # which reads the page again and takes the summary in with the story. `is_repeat` is
    # `_repeat_test` of the two (None: neither is known).
    if is_repeat is None:
        return paragraphs
    start = _after_kicker(paragraphs, is_repeat)
    return tuple(p for p in paragraphs[start:] if not is_repeat(p))


def _after_kicker(lines: tuple[str, ...], is_repeat: Callable[[str], bool]) -> int:
    """Where the body starts when it prints the headline again in its first lines: the short
    labels above that copy (a kicker, the section's name: "Jetzt wartet Kiel") are the
    headline's, not the story's."""
    for index, line in enumerate(lines[: MAX_LABELS_ABOVE_HEADLINE + 1]):
        if is_repeat(line):
            return index if all(map(is_label, lines[:index])) else 0
    return 0


def _blocks_without_headline(
    blocks: tuple[Block, ...], is_repeat: Callable[[str], bool] | None
) -> tuple[Block, ...]:
    # The same repeats as in `_without_headline`.
    if is_repeat is None:
        return blocks
    start = _after_kicker(tuple(b.text for b in blocks), is_repeat)
    return tuple(b for b in blocks[start:] if not is_repeat(b.text))


def _repeat_test(*texts: str | None) -> Callable[[str], bool] | None:
    """Whether a line repeats one of `texts` (`_repeat_key`), or None when there is none.

    Only what cleaning can lose is ignored, colons and white space, so a line more than twice
    as long as the longest text is never a repeat and is not keyed (the body's paragraphs
    are long: keying each would cost more than the rest of assembly). The test remembers
    its answers: the paragraphs and the blocks are asked about the same lines."""
    given = [text for text in texts if text]
    if not given:
        return None
    keys = {_repeat_key(text) for text in given}
    limit = 2 * max(map(len, given))
    answers: dict[str, bool] = {}

    def is_repeat(line: str) -> bool:
        if len(line) > limit:
            return False
        answer = answers.get(line)
        if answer is None:
            answer = answers[line] = _repeat_key(line) in keys
        return answer

    return is_repeat


def _repeat_key(text: str) -> str:
    # A repeat is the same text but for case and what cleaning loses in a headline (a colon
    # hidden for screen readers between kicker and headline, the space after it): the body's
    # copy of a kicker and headline often comes glued ('"Quote"Headline').
    return _squashed(text.casefold())


def _squashed(text: str) -> str:
    """`text` without what cleaning can lose: white space and colons (split and joined, not
    substituted with a pattern: five times faster on a body line)."""
    return "".join(text.split()).replace(":", "")


def absolute_url(href: str | None, base: str | None) -> str | None:
    """`href` made absolute against `base`; None unless the result is http(s)."""
    if not href:
        return None
    href = href.strip()
    try:
        joined = urljoin(base, href) if base else href
        parts = urlsplit(joined)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return joined


def site_host(url: str | None, metadata: Metadata) -> str | None:
    """The page's host name, from the URL given or the page's own canonical URL."""
    page_url = _page_url(url, metadata)
    if not page_url:
        return None
    try:
        return urlsplit(page_url).hostname
    except ValueError:  # a malformed URL ("http://[bad") names no host
        return None


def _page_url(url: str | None, metadata: Metadata) -> str | None:
    if url:
        return url
    for candidate in metadata.urls:
        absolute = absolute_url(candidate, None)
        if absolute is not None:
            return absolute
    return None


def _base_url(page_url: str | None, base_href: str | None) -> str | None:
    if base_href:
        resolved = absolute_url(base_href, page_url)
        if resolved is not None:
            return resolved
    return page_url


def _headline(segments: Segments, metadata: Metadata, site_name: str | None) -> str | None:
    headline = _chosen_headline(segments, metadata, site_name)
    # A soft hyphen (U+00AD, `&shy;`) only says where a long word may break across lines: in
    # a one-line field it splits the word for every search and comparison, and no declared
    # title prints one. (Body text keeps them, as the pages and the benchmarks' golds do.)
    return headline.replace("\u00ad", "") if headline else headline


def _chosen_headline(segments: Segments, metadata: Metadata, site_name: str | None) -> str | None:
    printed = _uncleaned(segments.headline, metadata.h1) or metadata.h1
    if printed:
        printed = printed.replace("\u00ad", "")  # so that its words compare whole
    declared = [_strip_site_name(t, site_name) for t in metadata.titles]
    if printed:
        agreed = _agreed_title(printed, metadata, declared)
        if agreed is not None:
            return agreed
    if printed and (not declared or any(_similar(printed, d) for d in declared)):
        return printed
    if declared:
        return declared[0]
    return printed


def _uncleaned(located: str | None, first_h1: str | None) -> str | None:
    """The located story's headline, or the page's first `<h1>` as read before cleaning when
    that is the same text but for what cleaning lost (`_squashed`: a colon a CMS hides
    for screen readers between kicker and headline, the space after it). The page's own
    separator is kept even when no declared title repeats the headline to restore it from."""
    if (
        located
        and first_h1
        and len(first_h1) > len(located)
        and _squashed(first_h1) == _squashed(located)
    ):
        return first_h1
    return located


def _agreed_title(printed: str, metadata: Metadata, declared: list[str]) -> str | None:
    """A declared title that says what the printed headline says and what cleaning lost.

    Two agreements between the page's statements, each checked on the words alone:

    - the printed headline after a short lead-in that is printed beside it too (in the `<h1>`
      as a kicker, or just above it): the kicker is part of the headline the page declares.
      Only the page's declarations count (JSON-LD, og:title): `<title>` often leads with the
      section's name;
    - the same text but for colons and spaces: the declared spelling keeps what the printed
      text lost (a colon a CMS hides for screen readers between kicker and headline, the space
      after it). Any other difference (quotes, dashes, case) is the printed typography, kept.

    Titles are tried as declared and with the site's name cut off: the cut can take a part of
    the headline itself ("Zwei Rücktritte - und viele offene Fragen").
    """
    key = _word_key(printed)
    if not key:
        return None
    titles = metadata.titles
    from_page_title = bool(titles) and titles[-1] == metadata.page_title
    pairs = list(zip(titles, declared, strict=True))
    own = pairs[:-1] if from_page_title else pairs
    kicked = _with_kicker(key, [t for pair in own for t in pair], metadata.h1_context or printed)
    if kicked is not None:
        return kicked
    squashed = _squashed(printed)
    for title in (t for pair in zip(declared, titles, strict=True) for t in pair):
        if len(title) > len(printed) and _squashed(title) == squashed:
            return title
    return None


def _with_kicker(key: str, titles: list[str], context: str) -> str | None:
    # The kicker must be printed apart from the headline: words the headline itself holds
    # prove nothing.
    context_key = _word_key(context).replace(key, "", 1)
    for title in titles:
        for match in HEADLINE_KICKER_SEPARATORS.finditer(title):
            head, tail = title[: match.start()], title[match.end() :]
            head_key = _word_key(head)
            if (
                _word_key(tail) == key
                and head_key
                and len(head.split()) <= MAX_KICKER_WORDS
                and head_key in context_key
            ):
                return title
    return None


def _word_key(text: str) -> str:
    # The words of a text, in order, without punctuation, spacing or case: what two
    # statements of one headline share whatever their typography.
    return "".join(_WORDS.findall(text.casefold()))


_WORDS = compile_lazily(r"\w+")


def _strip_site_name(title: str, site_name: str | None) -> str:
    parts = TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    if site_name:
        kept = [p for p in parts if p.lower() != site_name.lower()]
        if kept and len(kept) < len(parts):
            return " - ".join(kept) if len(kept) > 1 else kept[0]
    last, first = parts[-1], parts[0]
    if len(last.split()) <= MAX_SITE_NAME_WORDS < len(" ".join(parts[:-1]).split()):
        return normalise_space(title[: title.rfind(last)]).rstrip(" |-–—:·•»/")
    if len(first.split()) <= MAX_SITE_NAME_WORDS < len(" ".join(parts[1:]).split()):
        return normalise_space(title[len(first) :]).lstrip(" |-–—:·•»/")
    return title


def _similar(a: str, b: str) -> bool:
    x, y = a.lower(), b.lower()
    if x in y or y in x:
        return True
    wa, wb = set(_WORDS.findall(x)), set(_WORDS.findall(y))
    return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) >= 0.6


def _first_date(values: tuple[str, ...]) -> datetime | None:
    return next((d for d in map(parse_machine_date, values) if d is not None), None)


def _first_printed_date(values: tuple[str, ...], language: str | None) -> datetime | None:
    # Only pages without any machine-readable date get here, so dateparser (slow to import)
    # is loaded for them alone.
    languages = (language,) if language else ()
    for value in values[:MAX_PRINTED_DATES_TRIED]:
        parsed = parse_printed_date(value, languages)
        if parsed is not None:
            return parsed
    return None


def _before(a: datetime, b: datetime) -> bool:
    if (a.tzinfo is None) != (b.tzinfo is None):
        return a.replace(tzinfo=None) < b.replace(tzinfo=None)
    return a < b


def _language(
    segments: Segments, metadata: Metadata, headline: str | None
) -> tuple[str | None, LanguageSource | None]:
    """The page's language and where it came from: the first well-formed declaration, unless
    the text plainly reads otherwise (a CMS's default `lang="en"` over a page in isiZulu);
    detected from the text when there is none or it is doubted."""
    found = metadata.declared_language()
    declared: tuple[str | None, LanguageSource | None] = found if found else (None, None)
    text = detection_text(headline, segments.paragraphs)
    if declared[0] is not None and not doubt_declared(declared[0], text):
        return declared
    detected = detect_language(text)
    if detected is None or detected == declared[0]:
        return declared
    return detected, "detected"


def _related(
    links: tuple[RawLink, ...], base: str | None, page_url: str | None
) -> tuple[RelatedLink, ...]:
    seen: set[str] = set()
    own = _without_fragment(page_url) if page_url else None
    result: list[RelatedLink] = []
    for link in links:
        text = normalise_space(link.text)
        if not text:
            continue
        url: str | None = None
        if link.href is not None:
            url = absolute_url(link.href, base)
            if url is None or not _looks_like_story(url) or _without_fragment(url) == own:
                continue
        key = _without_fragment(url) if url else text.lower()
        if key in seen:
            continue
        seen.add(key)
        result.append(RelatedLink(text=text, url=url))
    return tuple(result)


def _without_fragment(url: str) -> str:
    return url.split("#", 1)[0].rstrip("/")


def _looks_like_story(url: str) -> bool:
    # Story URLs carry a slug or an id; `/world/` and `/tag/economy` are sections. A bare
    # query on the site's root names a post by its id (WordPress's `/?p=1725228`).
    parts = urlsplit(url)
    path = parts.path.strip("/")
    if not path and any(key in POST_ID_KEYS for key, _ in parse_qsl(parts.query)):
        return True
    if not path or len(path) < MIN_STORY_PATH_CHARS:
        return False
    return path.split("/", 1)[0].lower() not in SECTION_PATHS
