"""The typed value between content location and assembly: the story cut into blocks.

HTML segmentation and plain-text segmentation both produce `Segments`, so that everything
after them (news fields, assembly) is shared. The line classifier lives here for the same
reason: a line of text is boilerplate, a related-story line or body by the same rules whether
it came from a `<p>` or from a line of scraped text.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from newsextract._model import Block, BlockKind
from newsextract.rules import phrases
from newsextract.rules.phrases import (
    LABEL_EDGE,
    LINE_END_STOPS,
    PROMPT_MAX_CHARS,
)
from newsextract.rules.script_datelines import WIDE_CHARS
from newsextract.rules.thresholds import MAX_KICKER_WORDS, MAX_LABEL_CHARS, WIDE_CHAR_WEIGHT
from newsextract.support.lazyre import compile_lazily


@dataclass(frozen=True, slots=True)
class RawCaption:
    """A caption as found, credit not yet split off."""

    text: str
    image_url: str | None = None
    credit: str | None = None


@dataclass(frozen=True, slots=True)
class RawLink:
    """A related story as found; the URL may still be relative."""

    text: str
    href: str | None = None


@dataclass(frozen=True, slots=True)
class Segments:
    """The story cut into its parts, in document order within each part."""

    paragraphs: tuple[str, ...] = ()
    # The body as typed blocks: the paragraphs with their kinds (a data table's row of cells,
    # several paragraphs, is one block).
    blocks: tuple[Block, ...] = ()
    captions: tuple[RawCaption, ...] = ()
    related: tuple[RawLink, ...] = ()
    headline: str | None = None
    standfirst: str | None = None


def paragraph_blocks(paragraphs: tuple[str, ...]) -> tuple[Block, ...]:
    """Paragraphs with no markup to tell their kinds: plain text, a published body."""
    return tuple(Block(BlockKind.PARAGRAPH, p) for p in paragraphs)


class LineKind(enum.Enum):
    BODY = "body"
    BOILERPLATE = "boilerplate"
    RELATED_HEADING = "related_heading"
    # A sitewide rail's heading ("Most read", "Latest headlines"): what follows is neither body
    # nor related.
    RAIL_HEADING = "rail_heading"
    RELATED_LINE = "related_line"
    STORY_END = "story_end"


def normalise_space(text: str) -> str:
    """Collapse every run of whitespace (including non-breaking spaces) to one space."""
    return " ".join(text.split())


# `\w` is exactly `str.isalnum()` or "_", and lower-casing never turns a character that is
# one into one that is not (nor the reverse), so the test can run before lower-casing.
_WORD_CHAR = compile_lazily(r"\w")
# Both date-line patterns need a digit: a line without one skips them.
_DIGIT = compile_lazily(r"\d")
# The longest line that can be a label: a table phrase or a related heading.
_MAX_LABEL_CHARS = max(
    phrases.RELATED_HEADING_MAX_CHARS,
    *map(len, phrases.RELATED_HEADINGS),
    *map(len, phrases.RAIL_HEADINGS),
    *map(len, phrases.BOILERPLATE_LINES),
)


# A letter or a digit: `\w` less "_" (`\w` is `str.isalnum()` or "_").
_LETTER_OR_DIGIT = compile_lazily(r"[^\W_]")


def is_separator(text: str) -> bool:
    """Whether a body line is a typed rule with no letter or digit (AP's "___", "* * *"):
    printed between two parts of a story, it is kept as the page prints it (the gold of a
    wire story keeps it); with nothing after it, see `without_closing_separators`."""
    return _LETTER_OR_DIGIT.search(text) is None


def without_closing_separators(
    paragraphs: tuple[str, ...], blocks: tuple[Block, ...]
) -> tuple[tuple[str, ...], tuple[Block, ...]]:
    """The body less the separator lines that end it: a rule printed after the story's last
    paragraph (a wire story's "___" above its notes or links, which the page then dropped or
    which are not the story) separates nothing in the text, and is no last paragraph."""
    cut = len(paragraphs)
    while cut and is_separator(paragraphs[cut - 1]):
        cut -= 1
    if cut == len(paragraphs):
        return paragraphs, blocks
    dropped = set(paragraphs[cut:])
    end = len(blocks)
    while end and blocks[end - 1].text in dropped:
        end -= 1
    return paragraphs[:cut], blocks[:end]


def is_label(text: str) -> bool:
    """A line that can be a kicker or a section's name: short, with no sentence stop."""
    return (
        len(text) <= MAX_LABEL_CHARS
        and len(text.split()) <= MAX_KICKER_WORDS
        and not text.endswith(LINE_END_STOPS)
    )


def label_key(text: str) -> str:
    """A line reduced to the form the phrase tables use: lower case, no edge punctuation."""
    return text.strip(LABEL_EDGE).lower()


def body_size(paragraphs: tuple[str, ...]) -> int:
    """The body's length in Latin-letter equivalents (see `WIDE_CHAR_WEIGHT`)."""
    text = "".join(paragraphs)
    return len(text) + (WIDE_CHAR_WEIGHT - 1) * len(WIDE_CHARS.findall(text))


def classify_line(text: str) -> LineKind:
    """Say what one line of page text is; `text` is whitespace-normalised."""
    return classify_line_why(text)[0]


def classify_line_why(text: str) -> tuple[LineKind, str]:
    """`classify_line`, with the rule that decided it (the table or pattern, for `--explain`)."""
    bare = text.strip(LABEL_EDGE)
    if _WORD_CHAR.search(bare) is None:
        # Ornaments ("* * *", "•") carry no words; AP's "___" separator is printed copy.
        return LineKind.BOILERPLATE, "an ornament: no word characters"
    # Lower-casing a long paragraph costs more than the rest of this function, and only a
    # short line can be a label (lower-casing never shortens a string).
    key = bare.lower() if len(bare) <= _MAX_LABEL_CHARS else None
    if key in phrases.RELATED_HEADINGS:
        return LineKind.RELATED_HEADING, f"related heading {key!r} (RELATED_HEADINGS)"
    if key in phrases.RAIL_HEADINGS:
        return LineKind.RAIL_HEADING, f"sitewide rail heading {key!r} (RAIL_HEADINGS)"
    if key in phrases.BOILERPLATE_LINES:
        return LineKind.BOILERPLATE, f"label {key!r} (BOILERPLATE_LINES)"
    # "RELATED Title" names one story; only a line that is not one can be a heading that
    # merely starts like one ("Most read in local sport").
    if len(text) <= phrases.RELATED_LINE_MAX_CHARS and phrases.RELATED_LINE.match(text):
        return LineKind.RELATED_LINE, "an inline related line (RELATED_LINE)"
    if key is not None and len(key) <= phrases.RELATED_HEADING_MAX_CHARS:
        if key.startswith(phrases.RELATED_HEADING_PREFIXES):
            why = "starts like a related heading (RELATED_HEADING_PREFIXES)"
            return LineKind.RELATED_HEADING, why
        if key.startswith(phrases.RAIL_HEADING_PREFIXES):
            return LineKind.RAIL_HEADING, "starts like a rail heading (RAIL_HEADING_PREFIXES)"
    if len(text) < PROMPT_MAX_CHARS and _is_prompt(text):
        return LineKind.BOILERPLATE, "a prompt to the reader (PROMPT_LINE)"
    if len(text) <= phrases.SHORT_COPYRIGHT_MAX_CHARS and phrases.SHORT_COPYRIGHT_LINE.match(text):
        return LineKind.BOILERPLATE, "a copyright line (SHORT_COPYRIGHT_LINE)"
    if len(text) <= phrases.STORY_END_LINE_MAX_CHARS and phrases.STORY_END_LINE.match(text):
        return LineKind.STORY_END, "opens the closing furniture (STORY_END_LINE)"
    if _is_consent_notice(text):
        return LineKind.BOILERPLATE, "an embed's consent notice (CONSENT_NOTICE)"
    if _is_widget_line(text):
        return LineKind.BOILERPLATE, "a share/follow widget line (SOCIAL_WORDS)"
    if _is_metadata_line(text):
        return LineKind.BOILERPLATE, "a metadata or label line (META_LINE, LABEL_LINE)"
    if _is_gallery_counter(text):
        return LineKind.BOILERPLATE, "a gallery counter (GALLERY_COUNTER)"
    if (
        len(text) <= phrases.TIME_LINE_MAX_CHARS
        and _DIGIT.search(text) is not None
        and phrases.READING_TIME_LINE.match(text) is not None
    ):
        return LineKind.BOILERPLATE, "a reading time (READING_TIME_LINE)"
    if len(text) <= phrases.TIME_LINE_MAX_CHARS and phrases.PLAYER_TIME_LINE.match(text):
        return LineKind.BOILERPLATE, "a media player's time readout (PLAYER_TIME_LINE)"
    if len(text) <= phrases.TIME_LINE_MAX_CHARS and phrases.RELATIVE_TIME_LINE.match(text):
        return LineKind.BOILERPLATE, "a time stamp relative to now (RELATIVE_TIME_LINE)"
    return LineKind.BODY, "a body line"


def _is_prompt(text: str) -> bool:
    if phrases.PROMPT_LINE.match(text) is not None:
        return True
    return phrases.SIGNUP_CUE in text.lower() and phrases.SIGNUP_PROMPT_LINE.match(text) is not None


def _is_consent_notice(text: str) -> bool:
    if len(text) > phrases.CONSENT_NOTICE_MAX_CHARS:
        return False
    lowered = text.lower()
    if not any(word in lowered for word in phrases.CONSENT_NOTICE_WORDS):
        return False
    return phrases.CONSENT_NOTICE.search(text) is not None


def _is_gallery_counter(text: str) -> bool:
    # A counter line starts with a counter: `match` fails at once on ordinary prose.
    if len(text) > phrases.GALLERY_LINE_MAX_CHARS or phrases.GALLERY_COUNTER.match(text) is None:
        return False
    return not phrases.GALLERY_COUNTER.sub("", text).strip()


def _is_widget_line(text: str) -> bool:
    if len(text) > phrases.SOCIAL_LINE_MAX_CHARS:
        return False
    words = text.lower().split()
    social = sum(1 for w in words if w.strip(".,:;!|·•") in phrases.SOCIAL_WORDS)
    return social >= len(words) * phrases.SOCIAL_LINE_MIN_SHARE


def _is_metadata_line(text: str) -> bool:
    if _is_plain_metadata_line(text):
        return True
    # A meta line may close with the reading time; the rest must be a meta line by itself.
    if len(text) > phrases.META_LINE_MAX_CHARS + phrases.TIME_LINE_MAX_CHARS:
        return False
    # The estimate and its separator fit in a time line's length: only the line's end is
    # searched, and only when it holds a digit (asked of most short lines of a page).
    window = max(0, len(text) - phrases.TIME_LINE_MAX_CHARS - 1)
    if _DIGIT.search(text, window) is None:
        return False
    reading = phrases.TRAILING_READING_TIME.search(text, window)
    return reading is not None and _is_plain_metadata_line(text[: reading.start()])


def _is_plain_metadata_line(text: str) -> bool:
    if (
        len(text) <= phrases.META_LINE_MAX_CHARS
        and _DIGIT.search(text) is not None
        and (
            phrases.META_LINE.match(text)
            or (
                len(text) <= phrases.DATE_ONLY_LINE_MAX_CHARS and phrases.DATE_ONLY_LINE.match(text)
            )
        )
    ):
        return True
    # A label line has its colon; most lines have none.
    return (
        len(text) <= phrases.LABEL_LINE_MAX_CHARS
        and ":" in text
        and phrases.LABEL_LINE.match(text) is not None
    )


def related_title(text: str) -> str:
    """The story title in an inline related line (`RELATED Title` -> `Title`)."""
    match = phrases.RELATED_LINE.match(text)
    if match is None:
        return text
    return (match.group("title") or match.group("title2") or text).strip()
