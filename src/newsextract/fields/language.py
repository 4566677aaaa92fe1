"""The language of a page that declares none, detected from its headline and body.

The detector is py3langid (langid.py's model, 97 languages, shipped inside the package),
imported on the first page that needs it: `benchmarks/language.py` compares it with
langdetect on the fundus pages (README, "Language").
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

from newsextract.rules.function_words import FUNCTION_WORDS
from newsextract.support.lazyre import compile_lazily

DETECT_CHARS = 2_000
"""Text given to the detector, at most: a few paragraphs decide the language as well as the
whole body does, and the cost stays that of a short text on any page."""

MIN_DETECT_CHARS = 40
"""Below this much text (a caption, a one-line page) a detector's guess is mostly noise, so
the language stays unknown."""


DOUBT_CHARS = 600
"""Text the function-word check reads, at most: about a hundred words are plenty to tell a
quarter of function words from none, and the check runs on every page that declares a
listed language, so it stays at about 0.1 ms."""

MIN_WORDS_TO_DOUBT = 30
"""Words of text needed before a declaration is doubted: fewer say too little."""

MIN_FUNCTION_WORD_SHARE = 0.05
"""A declared language whose function words are under this share of the text's words is
doubted. Running text in the language has 0.2-0.35 of them; another language sharing a few
short words (`a`, `in`, `de`) stays well under 0.05."""

_WORD = compile_lazily(r"\w+")


def doubt_declared(language: str, text: str) -> bool:
    """Whether `text` reads unlike the declared `language` (checked for the languages of
    `rules/function_words.py` only; any other is trusted)."""
    words = FUNCTION_WORDS.get(language)
    if words is None:
        return False
    tokens = _WORD.findall(text[:DOUBT_CHARS].lower())
    if len(tokens) < MIN_WORDS_TO_DOUBT:
        return False
    return sum(token in words for token in tokens) < MIN_FUNCTION_WORD_SHARE * len(tokens)


def detection_text(headline: str | None, paragraphs: Sequence[str]) -> str:
    """The text detection reads: the headline and the body's first paragraphs, bounded."""
    parts: list[str] = [headline] if headline else []
    size = len(headline or "")
    for paragraph in paragraphs:
        if size >= DETECT_CHARS:
            break
        parts.append(paragraph)
        size += len(paragraph) + 1
    return "\n".join(parts)[:DETECT_CHARS]


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the language `text` is written in, or None for too little text."""
    if len(text.strip()) < MIN_DETECT_CHARS:
        return None
    return _classifier()(text[:DETECT_CHARS])


@functools.cache
def _classifier() -> Callable[[str], str]:
    # Imported on first use: loading the model (and numpy) takes about 0.4 s, and pages that
    # declare their language never need it.
    import py3langid

    def classify(text: str) -> str:
        language, _score = py3langid.classify(text)
        return str(language)

    return classify
