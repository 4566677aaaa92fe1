"""`Article.confident`: False where the body is likely not the story, or not all of it."""

from __future__ import annotations

import json

from newsextract import extract
from newsextract.pipeline.fallback import needs_second_opinion

_SENTENCE = (
    "The harbour board voted on Tuesday to rebuild the north pier, after two winters of storm"
    " damage closed it to fishing boats, and work is to start in the spring."
)


def _page(body: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body><h1>Pier to be rebuilt</h1>{body}</body></html>"


def test_a_story_of_some_length_is_confident() -> None:
    article = extract(_page("<article>" + f"<p>{_SENTENCE}</p>" * 4 + "</article>"))
    assert article.confident is True


def test_a_body_of_one_short_paragraph_is_not() -> None:
    article = extract(_page("<article><p>The north pier reopens on Monday at noon.</p></article>"))
    assert article.paragraphs == ("The north pier reopens on Monday at noon.",)
    assert article.confident is False


def test_wide_characters_count_as_words() -> None:
    # 160 Hangul syllables say as much as 400 Latin letters: a full short story, not a teaser.
    sentence = "항만 위원회는 화요일 북쪽 부두를 다시 짓기로 의결했다. "
    article = extract(_page(f"<article><p>{sentence * 5}</p></article>"))
    assert len(article.text) < 300
    assert article.confident is True


def test_a_body_taken_from_json_ld_is_not() -> None:
    data = {"@type": "NewsArticle", "headline": "Pier", "articleBody": _SENTENCE * 3}
    head = f"<script type='application/ld+json'>{json.dumps(data)}</script>"
    article = extract(_page("<div id='app'></div>", head))
    assert article.paragraphs == (_SENTENCE * 3,)
    assert article.confident is False


def test_a_page_without_prose_is_not() -> None:
    assert extract(_page("<div>Menu</div><div>Contact</div>")).confident is False


def test_a_short_wide_script_story_is_not_too_thin_for_our_own_reading() -> None:
    # 120 Hangul characters are a whole short story (about 360 Latin letters' worth), not a
    # thin body that the JSON-LD copy or readability should be asked to replace.
    story = "항만 위원회는 화요일 북쪽 부두를 다시 짓기로 의결했다. " * 4
    assert len(story) < 200
    assert not needs_second_opinion((story,))
    assert needs_second_opinion(("The north pier reopens on Monday at noon.",))
    article = extract(_page(f"<article><p>{story}</p></article>"))
    assert article.paragraphs == (story.strip(),)
    assert article.confident is True
