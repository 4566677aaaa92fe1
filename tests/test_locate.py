"""Stage 4, `_locate.locate`: the element(s) that hold the story in a cleaned tree."""

from __future__ import annotations

from lxml import html

from newsextract import extract
from newsextract.pipeline.clean import clean
from newsextract.pipeline.locate import (
    Content,
    _prefer_headline_container,
    _Scores,
    _vote,
    link_density,
    locate,
    text_length,
)
from newsextract.pipeline.parse import parse, text_of


def _sentence(i: int) -> str:
    return (
        f"Story sentence {i} explains, in some detail, what the harbor commission decided"
        " about the new ferry terminal, and why it matters."
    )


def _story(*numbers: int) -> str:
    return "".join(f"<p>{_sentence(i)}</p>" for i in numbers)


def _locate(body: str) -> Content:
    return locate(clean(parse(f"<html><body>{body}</body></html>")))


def _texts(content: Content) -> list[str]:
    return [" ".join(text_of(el).split()) for el in content.elements]


def _all_text(content: Content) -> str:
    return " ".join(_texts(content))


def test_story_wins_over_sidebar_and_comment_like_list() -> None:
    sidebar = (
        '<div class="weather-box"><p>Weather today: sunny, with a light wind from the west,'
        " and a high of 21 degrees.</p><ul>"
        '<li><a href="/a">First link to another section of the site</a></li>'
        '<li><a href="/b">Second link to another section of the site</a></li></ul></div>'
    )
    replies = "".join(
        f"<li><p>Reader {n} says: I think this is wrong, and so do my neighbours, and so does"
        " everybody else on our street.</p></li>"
        for n in range(3)
    )
    content = _locate(
        f'{sidebar}<div id="story">{_story(*range(6))}</div><ol class="replies">{replies}</ol>'
    )
    assert [el.get("id") for el in content.elements] == ["story"]
    assert content.confident is True
    text = _all_text(content)
    assert _sentence(0) in text and _sentence(5) in text
    assert "Weather" not in text
    assert "Reader" not in text


def test_link_heavy_block_loses_to_prose() -> None:
    links = "".join(
        f'<p><a href="/s{i}">Link headline number {i}, with commas, and more, and more</a></p>'
        for i in range(10)
    )
    content = _locate(f'<div id="links">{links}</div><div id="story">{_story(1, 2, 3)}</div>')
    assert [el.get("id") for el in content.elements] == ["story"]


def test_item_prop_article_body_shortcut() -> None:
    teaser = "Teaser text, with commas, and more commas, and lots of them, here. " * 6
    body = "Marked body sentence that is the real story. " * 10
    content = _locate(
        f'<div class="wrap"><div class="lead"><p>{teaser}</p></div>'
        f'<div itemprop="articleBody" id="marked"><p>{body}</p></div></div>'
    )
    assert [el.get("id") for el in content.elements] == ["marked"]
    assert content.confident is True


def test_short_item_prop_article_body_is_not_trusted() -> None:
    content = _locate(
        f'<div itemprop="articleBody" id="marked"><p>Too short.</p></div>'
        f'<div id="story">{_story(1, 2, 3, 4)}</div>'
    )
    assert [el.get("id") for el in content.elements] == ["story"]


def test_marked_paragraph_is_one_part_of_the_story_not_the_body() -> None:
    # Some CMSs put `itemprop="articleBody"` on a single <p> of a story they split across
    # containers: taking that paragraph as the body would lose the rest.
    marked = (
        f'<p itemprop="articleBody">{_sentence(1)} {_sentence(2)} {_sentence(3)} {_sentence(4)}</p>'
    )
    content = _locate(f'<div id="story"><div class="intro">{marked}</div>{_story(5, 6, 7)}</div>')
    text = _all_text(content)
    for i in (1, 5, 6, 7):
        assert _sentence(i) in text


def test_story_split_in_same_class_chunks_around_an_ad() -> None:
    body = (
        '<div class="page">'
        '<div class="col-a"><div class="body__container">'
        f"{_story(1, 2, 3)}</div>"
        '<div class="inline-pic"><img src="/p.jpg" alt=""></div></div>'
        '<div class="ad-rail"><div class="ad-slot">ADVERT TEXT</div></div>'
        '<div class="col-b"><div class="body__container">'
        f"{_story(4, 5)}</div></div>"
        "</div>"
    )
    content = _locate(body)
    text = _all_text(content)
    for i in (1, 2, 3, 4, 5):
        assert _sentence(i) in text
    assert text.index(_sentence(3)) < text.index(_sentence(4))
    assert "ADVERT" not in text


def test_chunks_come_back_in_document_order_through_extract() -> None:
    page = (
        "<html><body><main>"
        f'<div class="rail"><div class="chunk">{_story(1, 2, 3)}</div></div>'
        '<div class="ad-rail"><div class="ad-slot">ADVERT</div></div>'
        f'<div class="rail"><div class="chunk">{_story(4, 5)}</div></div>'
        "</main></body></html>"
    )
    assert extract(page).paragraphs == tuple(_sentence(i) for i in (1, 2, 3, 4, 5))


def test_sibling_articles_are_not_merged() -> None:
    body = (
        '<div id="col">'
        f'<article id="main-story"><h1>Ferry terminal</h1>{_story(1, 2, 3, 4)}</article>'
        f'<article class="teaser">{_story(10, 11)}</article>'
        f'<article class="teaser">{_story(12)}</article>'
        "</div>"
    )
    content = _locate(body)
    assert [el.get("id") for el in content.elements] == ["main-story"]
    text = _all_text(content)
    assert _sentence(10) not in text
    assert _sentence(12) not in text


def test_loose_prose_sibling_paragraph_is_added() -> None:
    # A paragraph left outside the story's container (after an ad) is more of the story.
    body = (
        f'<div id="wrap"><div id="story">{_story(1, 2, 3, 4)}</div>'
        f"<p>{_sentence(5)}</p>"
        '<p><a href="/x">A link paragraph that is not part of the story at all</a></p></div>'
    )
    text = _all_text(_locate(body))
    assert _sentence(5) in text
    assert "A link paragraph" not in text


def test_page_without_prose_falls_back_to_body() -> None:
    content = _locate("<div>Short.</div><div>Also short.</div>")
    assert [el.tag for el in content.elements] == ["body"]
    assert content.confident is False


def test_text_length_and_link_density() -> None:
    el = html.fragment_fromstring("<div>Twelve chars <a href='/x'>link</a></div>")
    assert text_length(el) == len("Twelve chars link")
    assert link_density(el) == len("link") / len("Twelve chars link")
    assert link_density(html.fragment_fromstring("<div></div>")) == 0.0


def test_story_chunks_each_wrapped_in_a_bare_div_are_all_located() -> None:
    # Each chunk of the story sits in a bare layout <div> of its own, between photos and
    # ads: the winning chunk widens to its wrapper, and the other wrappers' chunks join.
    body = (
        "<section>"
        f'<div><div class="RichText RichText--first">{_story(1, 2, 3, 4, 5, 6)}</div></div>'
        '<div class="inline-ad"><span>Advertisement</span></div>'
        f'<div><div class="RichText RichText--wide">{_story(7)}</div></div>'
        '<figure><img src="/a.jpg"></figure>'
        f'<div><div class="RichText">{_story(9)}</div></div>'
        "</section>"
    )
    content = _locate(body)
    text = _all_text(content)
    assert "Story sentence 1 " in text
    assert "Story sentence 7 " in text
    assert "Story sentence 9 " in text
    # The chunks, not the section holding the ad between them.
    assert "Advertisement" not in text


def test_headline_container_wins_over_a_longer_promotion_beside_it() -> None:
    # A magazine page: the latest issue is promoted in a box with a well-named class and one
    # long paragraph; the story beside it, under the page's <h1>, has a plain wrapper. The
    # class bonus lets the promotion outvote the story, but the headline's container holds
    # more text: the story is that container.
    promo = (
        '<div class="content"><h4>Issue 40 | The Harbour Issue</h4><p>Inside, a long talk with'
        " the lighthouse keeper, a portfolio of harbour seals and an essay on fog, a guide to"
        " tide pools and a map of the wrecks off the point, with a tour of the old boatyards"
        " and our readers' letters, puzzles and listings.</p></div>"
    )
    paragraphs = "".join(
        f"<p>Paragraph {i} of the record review says the album is quiet and strange, and"
        " that its songs were taped in a disused boathouse over one long winter.</p>"
        for i in range(6)
    )
    story = f"<section><h1>A quiet record from the boathouse</h1>{paragraphs}</section>"
    content = _locate(f"<div>{promo}</div><div>{story}</div>")
    text = _all_text(content)
    assert "Paragraph 0 of the record review" in text
    assert "Paragraph 5 of the record review" in text
    assert "lighthouse keeper" not in text


def test_headline_header_beside_the_story_does_not_replace_it() -> None:
    # The header holding the <h1> and a byline sits beside the story's container, and its
    # class scores it well; but it holds less text than the story, so it does not take the
    # story's place as the winner.
    header = (
        '<div class="post-header"><h1>Harbour commission approves the ferry terminal</h1>'
        "<p>By Jane Doe, harbour reporter, with additional reporting from the docks</p></div>"
    )
    page = f'<div>{header}<div class="entry-content">{_story(*range(6))}</div></div>'
    root = clean(parse(f"<html><body>{page}</body></html>"))
    scores = _Scores(_vote(root))
    story = next(el for el in root.iter("div") if el.get("class") == "entry-content")
    assert _prefer_headline_container(root, story, scores) is story


def test_a_short_post_wins_over_an_about_me_box_in_the_side_rail() -> None:
    # A blog's rail keeps its "about me" box for holding prose (one long paragraph of a
    # list of likes, every comma a point); the post is a few lines of links and a sentence.
    likes = ", ".join(f"thing {i}" for i in range(60))
    rail = (
        '<div id="sidebar-wrapper"><div id="profile-box">'
        f"<p>I write about ferries and harbors. I like {likes}.</p></div></div>"
    )
    post = (
        '<div class="post"><h3>Five ferry stories of the week</h3>'
        '<div class="entry">'
        + "".join(
            f"<div>&bull; The harbor commission's ferry story number {i}, in brief.</div>"
            for i in range(5)
        )
        + "<p>Posted by the editor, with thanks to readers, writers and sailors.</p></div></div>"
    )
    content = _locate(f'<div id="main">{post}</div>{rail}')
    text = _all_text(content)
    assert "ferry story number 3" in text
    assert "thing 30" not in text


def test_widening_measures_each_wrapper_against_the_winner() -> None:
    # The story sits five wrappers deep, each an only child: past the levels that got votes,
    # a wrapper scores nothing, and "scores nearly as well" must not then hold of every
    # ancestor (nothing scores nearly as well as nothing), up to the page's own wrapper.
    content = _locate(
        "<div id='page'><div class='weather-strip'><div>Weather: sunny spells, 14 degrees</div>"
        "<div>Tides: high water at 06:12</div></div>"
        f"<div id='shell'><div><div><div><div><div class='story'>{_story(1, 2, 3, 4, 5)}"
        "</div></div></div></div></div></div></div>"
    )
    text = _all_text(content)
    assert _sentence(1) in text and _sentence(5) in text
    assert "Weather" not in text and "Tides" not in text
    # The frame the captions and related boxes are looked for in still reaches that far.
    assert content.frame is not None and content.frame.get("id") == "page"


def test_a_chunk_is_matched_where_its_text_is_not_at_a_wrapper_sharing_its_name() -> None:
    # Each chunk of the story sits in a wrapper; one chunk's wrapper chain passes a layout
    # box whose first class word is the chunk's (`text relative`) before the chunk itself.
    chunk = "<div class='section'><div class='text body'>{}</div></div>"
    layout = "<div class='text relative'><div><div>{}</div></div></div>"
    content = _locate(
        "<div id='post'>"
        f"<div class='part'>{layout.format(chunk.format(_story(1, 2, 3)))}</div>"
        f"<div class='part'>{chunk.format(_story(4, 5, 6, 7, 8))}</div>"
        "<div class='ad-slot'>Advertisement</div>"
        f"<div class='part'>{chunk.format(_story(9, 10, 11))}</div></div>"
    )
    text = _all_text(content)
    assert all(_sentence(i) in text for i in range(1, 12))
