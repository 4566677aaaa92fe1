"""The language of a page that declares none, detected from its headline and body.

The detector is py3langid (langid.py's model, 97 languages, shipped inside the package),
imported on the first page that needs it: `benchmarks/language.py` compares it with
langdetect on the fundus pages (README, "Language").
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

from newsextract.rules.function_words import FUNCTION_WORDS
from newsextract.rules.thresholds import (
    DETECT_CHARS,
    DOUBT_CHARS,
    MIN_DETECT_CHARS,
    MIN_FUNCTION_WORD_SHARE,
    MIN_WORDS_TO_DOUBT,
)
from newsextract.support.lazyre import compile_lazily

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
    # `map` over the set's own membership test counts in C: asked of nearly every page.
    return sum(map(words.__contains__, tokens)) < MIN_FUNCTION_WORD_SHARE * len(tokens)


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
