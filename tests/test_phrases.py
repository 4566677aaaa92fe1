"""The line tables: each phrase in the one table that decides it."""

from __future__ import annotations

from newsextract.pipeline.blocks import LineKind, classify_line
from newsextract.rules import phrases


def test_no_phrase_is_both_a_label_and_a_related_heading() -> None:
    # `classify_line` tries RELATED_HEADINGS first: a phrase in both tables would be dead in
    # BOILERPLATE_LINES.
    assert not phrases.BOILERPLATE_LINES & phrases.RELATED_HEADINGS


def test_a_related_heading_opens_a_related_block_and_a_label_is_dropped() -> None:
    assert classify_line("Read more:") is LineKind.RELATED_HEADING
    assert classify_line("Lesen Sie auch") is LineKind.RELATED_HEADING
    assert classify_line("Most read") is LineKind.BOILERPLATE
    assert classify_line("Advertisement") is LineKind.BOILERPLATE
