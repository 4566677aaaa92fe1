"""`Article.blocks`: the body's paragraphs with the kind of markup they were printed in."""

from __future__ import annotations

import json

import pytest

from newsextract import Article, Block, BlockKind, extract

PAGE = b"""<html><body><article><h1>Harbor plan</h1>
<p>The council approved the harbor plan on Tuesday, after a debate that ran past midnight.</p>
<h2>What changes</h2>
<ul><li>Two new ferry berths on the east quay.</li><li>A cycle lane along the water.</li></ul>
<blockquote><p>It is the biggest change to the waterfront in forty years, she said.</p></blockquote>
<pre>berth   depth
east    9.5 m</pre>
<table><tr><th>Berth</th><th>Depth</th></tr><tr><td>East</td><td>9.5 m</td></tr></table>
<table><tr><td><p>A layout table's cell holds the closing paragraph of the story here.</p></td>
<td><p>And a second column of prose that is also part of the story's text.</p></td></tr></table>
</article></body></html>"""


def test_kinds_follow_the_markup() -> None:
    article = extract(PAGE)
    assert [(b.kind, b.text) for b in article.blocks] == [
        (BlockKind.PARAGRAPH, article.paragraphs[0]),
        (BlockKind.HEADING, "What changes"),
        (BlockKind.LIST_ITEM, "Two new ferry berths on the east quay."),
        (BlockKind.LIST_ITEM, "A cycle lane along the water."),
        (BlockKind.QUOTE, "It is the biggest change to the waterfront in forty years, she said."),
        (BlockKind.PREFORMATTED, "berth depth east 9.5 m"),
        (BlockKind.TABLE_ROW, "Berth | Depth"),
        (BlockKind.TABLE_ROW, "East | 9.5 m"),
        (
            BlockKind.PARAGRAPH,
            "A layout table's cell holds the closing paragraph of the story here.",
        ),
        (
            BlockKind.PARAGRAPH,
            "And a second column of prose that is also part of the story's text.",
        ),
    ]
    # `paragraphs` is as before: a data row's cells are paragraphs of their own there.
    assert "Berth" in article.paragraphs and "9.5 m" in article.paragraphs


def test_plain_text_gives_paragraph_blocks() -> None:
    text = "Harbor plan approved\n\nThe council approved the plan on Tuesday, late at night.\n"
    article = extract(text)
    assert article.blocks == tuple(Block(BlockKind.PARAGRAPH, p) for p in article.paragraphs)
    assert article.blocks


def test_json_round_trip_and_checked_types() -> None:
    article = extract(PAGE)
    record = json.loads(article.to_json())
    assert record["blocks"][1] == {"kind": "heading", "text": "What changes"}
    assert list(record)[-1] == "blocks"  # a key added, the others in their old order
    assert Article.from_dict(record) == article
    with pytest.raises(ValueError, match=r"Article\.blocks\[0\]\.kind"):
        Article.from_dict({"blocks": [{"kind": "sidebar", "text": "x"}]})
    with pytest.raises(TypeError, match=r"Article\.blocks\[0\]\.kind"):
        Article.from_dict({"blocks": [{"kind": 3, "text": "x"}]})
    with pytest.raises(TypeError, match=r"Article\.blocks\[0\]\.text"):
        Article.from_dict({"blocks": [{"kind": "paragraph", "text": None}]})


def test_markdown_and_html_use_the_kinds() -> None:
    article = extract(PAGE)
    md = article.to_markdown()
    assert "\n## What changes\n" in md
    assert "- Two new ferry berths on the east quay.\n- A cycle lane along the water." in md
    assert "\n> It is the biggest change" in md
    assert "` berth depth east 9.5 m `" in md
    page = article.to_html()
    assert "<h2>What changes</h2>" in page
    assert "<ul>\n<li>Two new ferry berths on the east quay.</li>" in page
    assert "<blockquote>\n<p>It is the biggest" in page
    assert "<pre>berth depth east 9.5 m</pre>" in page


def test_a_record_without_blocks_renders_its_paragraphs() -> None:
    article = Article(paragraphs=("One.", "Two."))
    assert article.to_markdown() == "One.\n\nTwo.\n"
