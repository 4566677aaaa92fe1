"""Related boxes found before cleaning (`pipeline.related`): beside the story they give
related links, inside it they leave the body, far from it or named as a rail they give none."""

from __future__ import annotations

from newsextract import extract
from newsextract.pipeline.decode import decode
from newsextract.pipeline.parse import parse
from newsextract.pipeline.related import candidates

STORY = (
    "<p>The council approved the new cycle lanes on Tuesday after a debate of three hours,"
    " with nine votes in favour and two against.</p>"
    "<p>Work on the first stretch along the river starts in May and should take about six"
    " weeks, the council's transport office said.</p>"
    "<p>Shopkeepers on the high street had asked for the parking spaces to stay, and some of"
    " them will be moved to the side streets.</p>"
)
BOX = (
    '<div class="{cls}"><h3>{heading}</h3>'
    '<a href="/news/cycle-lanes-first-plans-shown">First plans for the cycle lanes shown</a>'
    '<a href="/news/river-path-reopens-after-floods">River path reopens after the floods</a>'
    "</div>"
)


def _page(*, inside: str = "", beside: str = "", far: str = "") -> str:
    return (
        "<html><head><title>Cycle lanes approved</title></head><body>"
        f"<div class='layout'><div class='col'><main><article><h1>Cycle lanes approved</h1>"
        f"<div class='text'>{STORY}{inside}</div></article></main>"
        f"<div role='complementary'>{beside}</div></div></div>{far}</body></html>"
    )


def _related(page: str) -> list[str]:
    return [r.text for r in extract(page, url="https://paper.example/news/cycle-lanes").related]


def _box(heading: str = "Related stories", cls: str = "box") -> str:
    return BOX.format(cls=cls, heading=heading)


def test_a_box_beside_the_story_gives_related_links_and_no_body() -> None:
    article = extract(_page(beside=_box()), url="https://paper.example/news/cycle-lanes")
    assert [r.text for r in article.related] == [
        "First plans for the cycle lanes shown",
        "River path reopens after the floods",
    ]
    assert not any("River path" in p for p in article.paragraphs)


def test_a_box_named_related_beside_the_story_counts_without_a_heading() -> None:
    assert len(_related(_page(beside=_box(heading="", cls="related-links")))) == 2


def test_a_box_far_from_the_story_is_the_page_s() -> None:
    # Below <body> only: its nearest common ancestor with the story is the page itself.
    assert _related(_page(far=_box())) == []


def test_a_sitewide_rail_beside_the_story_is_not_related() -> None:
    assert _related(_page(beside=_box(heading="Most read"))) == []
    assert _related(_page(beside=_box(heading="", cls="related most-popular"))) == []


def test_a_related_heading_over_a_tag_list_is_not_a_box() -> None:
    tags = f'<ul class="tags"><li>{_box(heading="More on this topic")}</li></ul>'
    assert _related(_page(beside=tags)) == []


def test_a_box_inside_the_story_leaves_the_body() -> None:
    box = '<div class="teaser-frame"><div><span>Mehr zum Thema</span></div>' + _box("") + "</div>"
    article = extract(_page(inside=box), url="https://paper.example/news/cycle-lanes")
    assert len(article.related) == 2
    assert not any("First plans" in p for p in article.paragraphs)
    assert len(article.paragraphs) == 3


def test_candidates_skip_the_site_header_and_footer() -> None:
    page = (
        f"<html><body><header>{_box()}</header><article>{STORY}</article>"
        f"<footer>{_box()}</footer></body></html>"
    )
    assert candidates(parse(decode(page).markup)) == []
