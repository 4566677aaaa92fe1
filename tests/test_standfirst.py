"""The standfirst (`pipeline/standfirst.py`): the summary printed between headline and story."""

from __future__ import annotations

from newsextract import extract

_STORY = "".join(
    f"<p>Story sentence {i} tells, at some length, what the inspectors found in the school"
    " dormitories and what the board decided to do about it.</p>"
    for i in range(6)
)


def _page(header: str) -> str:
    return (
        "<html><body><main><article><div class='article__inner'>"
        "<h1>Pupils charged after night raid on dormitory</h1>"
        f"{header}<div class='article__body-text'>{_STORY}</div>"
        "</div></article></main></body></html>"
    )


def test_a_summary_container_beside_the_text_container_is_the_standfirst() -> None:
    # Printed as two paragraphs in its own container: located with the story's text, it is
    # still the summary, and its paragraphs read as two sentences, not glued at the stop.
    article = extract(
        _page(
            "<div class='article__preamble'><p>Five pupils forced their way into two rooms"
            " at night, the charge says.</p><p>They deny any crime.</p></div>"
        )
    )
    assert article.standfirst == (
        "Five pupils forced their way into two rooms at night, the charge says."
        " They deny any crime."
    )
    assert not any("Five pupils" in p or "deny" in p for p in article.paragraphs)
    assert article.paragraphs[0].startswith("Story sentence 0")


def test_a_lead_container_holding_the_photo_is_not_the_standfirst() -> None:
    article = extract(
        _page(
            "<div class='article__lead-content'><figure><img src='/a.jpg' alt=''>"
            "<figcaption>The school's main building seen from the lake shore</figcaption>"
            "</figure></div>"
        )
    )
    assert article.standfirst is None
    assert [c.text for c in article.captions] == [
        "The school's main building seen from the lake shore"
    ]


def test_a_summary_in_paragraphs_with_a_video_among_them_is_the_standfirst() -> None:
    # The video does not make the summary a lead image's block: its paragraphs are the
    # summary's, all of them, and none of them is body.
    article = extract(
        _page(
            "<div class='article__preamble'><p>Five pupils forced their way into two rooms"
            " at night, the charge says.</p><p>They deny any crime.</p>"
            "<figure class='rich-video'><div class='video-player'></div></figure></div>"
        )
    )
    assert article.standfirst == (
        "Five pupils forced their way into two rooms at night, the charge says."
        " They deny any crime."
    )
    assert article.paragraphs[0].startswith("Story sentence 0")


def test_a_summary_named_in_a_data_attribute_is_the_standfirst() -> None:
    # Component-built pages hash their classes and name the part in a data attribute,
    # in camelCase or with the Czech word for a standfirst.
    for attribute in ('data-manual="teaserText"', 'data-dot="ogm-article-perex"'):
        article = extract(
            _page(
                f'<p class="css-1x2y3z" {attribute}>Five pupils forced their way into two'
                " rooms at night, the charge says.</p>"
            )
        )
        assert article.standfirst == (
            "Five pupils forced their way into two rooms at night, the charge says."
        ), attribute


def test_a_data_attribute_holding_text_is_not_read_as_a_name() -> None:
    article = extract(
        _page(
            '<p data-title="A lead summary of the day">Five pupils forced their way into two'
            " rooms at night, the charge says.</p>"
        )
    )
    assert article.standfirst is None


_LEAD = (
    "Five pupils forced their way into two rooms at night; the board has now charged them and"
    " asks the parents to pay for the damage."
)


def _bold_lead_page(description: str, lead: str) -> str:
    return (
        f"<html><head><meta name='description' content='{description}'></head><body><main>"
        "<article><h1>Pupils charged after night raid on dormitory</h1>"
        f"<div class='copytext'><p><strong>{lead}</strong></p>{_STORY}</div>"
        "</article></main></body></html>"
    )


def test_a_bold_first_paragraph_the_page_declares_as_its_description_is_the_standfirst() -> None:
    # The description may carry the byline after the standfirst.
    article = extract(_bold_lead_page(f"{_LEAD} By Ann Lowe.", _LEAD))
    assert article.standfirst == _LEAD
    assert article.paragraphs[0].startswith("Story sentence 0")


def test_a_bold_first_paragraph_that_is_not_the_description_stays_body() -> None:
    article = extract(_bold_lead_page("The board met on Monday.", _LEAD))
    assert article.standfirst is None
    assert article.paragraphs[0] == _LEAD


def test_a_plain_first_paragraph_equal_to_the_description_stays_body() -> None:
    # Many sites copy the story's own first paragraph into their description.
    page = _bold_lead_page(_LEAD, _LEAD).replace("<strong>", "").replace("</strong>", "")
    article = extract(page)
    assert article.standfirst is None
    assert article.paragraphs[0] == _LEAD


_LONG_STORY = "".join(
    f"<p>Story sentence {i} tells, at some length, what the inspectors found in the school"
    f" dormitories on visit {i} and what the board decided to do about it afterwards.</p>"
    for i in range(12)
)


def _deep_page(h1: str, title: str) -> str:
    # The headline and the summary sit in the article's header; the body is nested four levels
    # further down in wrappers of its own, so the two meet the story well above it.
    summary = "Five pupils forced their way into two rooms at night, the board's charge says."
    return (
        f"<html><head><title>{title}</title>"
        f'<meta name="description" content="{summary}"></head><body><main><section>'
        f"<div class='sc-hd'><h1>{h1}</h1><div class='sc-a1'><div class='sc-b2'>"
        f"<div class='sc-c3'>{summary}</div></div></div></div>"
        "<div class='sc-d4'><div class='sc-e5'><div class='sc-f6'>"
        "<div class='sc-x9'>12 May 2024, 08:15</div><div class='sc-g7'>"
        f"<article class='sc-h8'>{_LONG_STORY}</article></div></div></div></div>"
        "</section></main></body></html>"
    )


def test_the_description_under_the_story_headline_is_found_above_a_deeply_nested_body() -> None:
    article = extract(
        _deep_page(
            "Pupils charged after night raid on dormitory",
            "Pupils charged after night raid on dormitory | The Lakeside Courier",
        )
    )
    assert article.standfirst == (
        "Five pupils forced their way into two rooms at night, the board's charge says."
    )


def test_a_site_name_in_the_h1_gives_a_far_description_no_reach() -> None:
    # The `<h1>` is the blog's name, not the post's title: a description box that meets the
    # post only at the page's top is the blog's tagline, not the post's summary.
    article = extract(
        _deep_page("The Lakeside Courier", "The Lakeside Courier › Pupils charged after raid")
    )
    assert article.standfirst is None


def test_a_named_wrapper_gives_its_named_standfirst_not_the_caption_beside_it() -> None:
    # The intro wrapper holds the lead photo's description (a caption, not in a <figure>)
    # and the intro text: only the intro text is the standfirst.
    article = extract(
        _page(
            "<div class='story-Intro'><div class='story-ImageDescription'><p><span>The"
            " dormitory wing after the raid, seen from the yard.</span> <span>Photo: Ana Ruiz"
            "</span></p></div><p class='story-IntroText'>Five pupils forced their way into two"
            " rooms at night, the charge says. They deny any crime.</p></div>"
        )
    )
    assert article.standfirst == (
        "Five pupils forced their way into two rooms at night, the charge says."
        " They deny any crime."
    )


def test_a_located_story_that_is_a_named_lead_is_the_standfirst() -> None:
    # The lead, set in a container of its own, is the page's densest text: the locator takes
    # it for the story (the story itself is split into many small boxes). It is the standfirst.
    boxes = "".join(
        f"<div class='box-{i}'><span>Sentence {i} of the story, short.</span></div>"
        for i in range(4)
    )
    page = (
        "<html><body><main><h1>Pupils charged after night raid on dormitory</h1>"
        "<div class='article-lead'>Five pupils forced their way into two rooms at night, the"
        " charge says, and the board has met twice since to decide what the school should do"
        " about the dormitories, the locks and the night staff. They deny any crime.</div>"
        f"<div class='rest'>{boxes}</div></main></body></html>"
    )
    assert extract(page).standfirst == (
        "Five pupils forced their way into two rooms at night, the charge says, and the board"
        " has met twice since to decide what the school should do about the dormitories, the"
        " locks and the night staff. They deny any crime."
    )


def test_a_site_tagline_located_as_the_story_is_no_standfirst() -> None:
    page = (
        "<html><body><div id='header'><h1>Harbour Notes</h1><div id='blog-description'>"
        "Notes on the harbour, its ferries and its council, written by a retired pilot who"
        " has watched the quays for forty years.</div></div></body></html>"
    )
    assert extract(page).standfirst is None
