"""Stage 6 on segmented stories: where the dateline is looked for (past furniture lines
above the story, then the standfirst) and where it is not."""

from __future__ import annotations

import pytest

from newsextract.pipeline.blocks import Segments
from newsextract.pipeline.metadata import Metadata
from newsextract.pipeline.newsfields import news_fields

STORY = "Die Stadt hat am Montag einen neuen Plan für den Hafen vorgestellt, hieß es."


def _dateline(
    paragraphs: tuple[str, ...], standfirst: str | None = None, language: str = "de"
) -> str | None:
    segments = Segments(paragraphs=paragraphs, standfirst=standfirst)
    metadata = Metadata(languages=(language,), language_sources=("html",))
    return news_fields(segments, metadata).dateline


@pytest.mark.parametrize(
    "furniture",
    [
        ("dpa", "12.03.2025 - 15:26 Uhr"),
        ("Hafenstreit", "Neuer Plan: Senat setzt sich durch"),
        ("Hafenstreit", "Neuer Plan", "3 Min. Lesezeit"),
    ],
)
def test_the_dateline_is_found_past_furniture_lines(furniture: tuple[str, ...]) -> None:
    assert _dateline((*furniture, f"Hamburg - {STORY}", STORY)) == "Hamburg"


def test_past_two_story_paragraphs_no_dateline_is_read() -> None:
    # A third paragraph that opens like a dateline is a quoted release, not the story's.
    paragraphs = (STORY, STORY, f"HAMBURG - {STORY}")
    assert _dateline(paragraphs) is None


def test_a_long_line_without_a_full_stop_is_text_not_furniture() -> None:
    long_line = "Die Stadt hat am Montag einen neuen Plan vorgestellt " * 4
    assert _dateline(("Hafenstreit", long_line, f"Hamburg - {STORY}")) is None


def test_the_standfirst_gives_the_dateline_when_the_story_does_not() -> None:
    assert _dateline((STORY, STORY), standfirst=f"Berlin. {STORY}") == "Berlin"
    assert _dateline((STORY,), standfirst=f"Berlin. {STORY}", language="en") is None


def test_a_label_in_capitals_opening_the_standfirst_is_no_dateline() -> None:
    assert _dateline((STORY,), standfirst=f"DER STAND DER DINGE - {STORY}") is None
    assert _dateline((STORY,), standfirst=f"BERLIN (dpa) - {STORY}") == "BERLIN"
