"""Stage 5, `_segment.segment`: located content cut into paragraphs, captions, related links."""

from __future__ import annotations

import pytest

from newsextract import Caption, RelatedLink, extract
from newsextract.pipeline.blocks import RawCaption, RawLink, Segments
from newsextract.pipeline.clean import clean
from newsextract.pipeline.locate import locate
from newsextract.pipeline.parse import parse
from newsextract.pipeline.segment import segment

PAGE_URL = "https://gazette.example/news/2024/03/05/ferry-terminal"


def _sentence(i: int) -> str:
    return (
        f"Story sentence {i} explains, in some detail, what the harbor commission decided"
        " about the new ferry terminal, and why it matters."
    )


def _p(i: int) -> str:
    return f"<p>{_sentence(i)}</p>"


def _segment(article_html: str, site_host: str | None = "gazette.example") -> Segments:
    root = parse(f"<html><body><article>{article_html}</article></body></html>")
    return segment(locate(clean(root)), site_host=site_host)


# --- captions ---------------------------------------------------------------------------------


def test_figure_caption_with_image_url() -> None:
    segments = _segment(
        "<h1>Ferry terminal approved</h1>"
        '<figure><img src="/photos/ferry.jpg" alt="">'
        "<figcaption>Commissioners vote on the terminal plan on Tuesday.</figcaption></figure>"
        + _p(1)
        + _p(2)
        + _p(3)
    )
    assert segments.captions == (
        RawCaption(
            text="Commissioners vote on the terminal plan on Tuesday.",
            image_url="/photos/ferry.jpg",
        ),
    )
    assert segments.paragraphs == (_sentence(1), _sentence(2), _sentence(3))
    assert segments.headline == "Ferry terminal approved"


@pytest.mark.parametrize("story_class", ["story has-caption", "credit", "photo-caption-wrap"])
def test_story_container_named_like_a_caption_stays_the_body(story_class: str) -> None:
    # The story's own container carries a caption or credit word: its paragraphs are the
    # body, and only the real figure caption inside is a caption.
    root = parse(
        f'<html><body><article class="{story_class}"><h1>Ferry terminal approved</h1>'
        + "".join(_p(i) for i in range(1, 6))
        + '<figure><img src="/photos/ferry.jpg"><figcaption>The terminal site.'
        "</figcaption></figure></article></body></html>"
    )
    segments = segment(locate(clean(root)), site_host="gazette.example")
    assert segments.paragraphs == tuple(_sentence(i) for i in range(1, 6))
    assert [c.text for c in segments.captions] == ["The terminal site."]


def test_caption_credit_element_is_split_off() -> None:
    segments = _segment(
        '<figure><img data-src="/photos/pier.jpg" src="data:image/gif;base64,R0lGOD">'
        '<figcaption>The old pier at dawn. <span class="credit">Lee Grant/Gazette</span>'
        "</figcaption></figure>" + _p(1) + _p(2) + _p(3)
    )
    assert segments.captions == (
        RawCaption(
            text="The old pier at dawn.", image_url="/photos/pier.jpg", credit="Lee Grant/Gazette"
        ),
    )


def test_caption_credit_in_text_and_absolute_image_url_in_article() -> None:
    page = (
        "<html><body><article><h1>Ferry terminal approved</h1>"
        '<figure><img src="/photos/ferry.jpg" alt="">'
        "<figcaption>Commissioners vote on the terminal plan on Tuesday. "
        "Photo by Lee Grant/Harbor Gazette</figcaption></figure>"
        + _p(1)
        + _p(2)
        + _p(3)
        + "</article></body></html>"
    )
    article = extract(page, url=PAGE_URL)
    assert article.captions == (
        Caption(
            text="Commissioners vote on the terminal plan on Tuesday.",
            credit="Lee Grant/Harbor Gazette",
            image_url="https://gazette.example/photos/ferry.jpg",
        ),
    )
    assert all("Commissioners vote" not in p for p in article.paragraphs)


def test_image_without_caption_gives_no_caption() -> None:
    segments = _segment('<figure><img src="/photos/x.jpg"></figure>' + _p(1) + _p(2) + _p(3))
    assert segments.captions == ()


# --- labels and related lines -----------------------------------------------------------------


@pytest.mark.parametrize("label", ["Advertisement", "ADVERTISEMENT", "Anzeige", "Follow Us"])
def test_label_lines_are_dropped(label: str) -> None:
    segments = _segment(_p(1) + f"<p>{label}</p>" + _p(2) + f"<div>{label}</div>" + _p(3))
    assert segments.paragraphs == (_sentence(1), _sentence(2), _sentence(3))


def test_inline_related_line_goes_to_related() -> None:
    segments = _segment(
        _p(1)
        + "<p>RELATED Ferry fares will rise for commuters next spring, the harbor board says</p>"
        + _p(2)
        + _p(3)
    )
    assert segments.paragraphs == (_sentence(1), _sentence(2), _sentence(3))
    assert segments.related == (
        RawLink("Ferry fares will rise for commuters next spring, the harbor board says"),
    )


def test_inline_read_more_line_with_link_keeps_the_href() -> None:
    segments = _segment(
        _p(1)
        + '<p>Read more: <a href="/news/2024/03/01/ferry-fares">Ferry fares will rise</a></p>'
        + _p(2)
        + _p(3)
    )
    assert segments.paragraphs == (_sentence(1), _sentence(2), _sentence(3))
    assert segments.related == (RawLink("Ferry fares will rise", "/news/2024/03/01/ferry-fares"),)


def test_short_inline_related_line_goes_to_related() -> None:
    segments = _segment(_p(1) + "<p>RELATED Ferry fares to rise next spring</p>" + _p(2) + _p(3))
    assert segments.related == (RawLink("Ferry fares to rise next spring"),)
    assert segments.paragraphs == (_sentence(1), _sentence(2), _sentence(3))


def test_paragraph_opening_with_related_stays_in_the_body() -> None:
    # A blogger's aside labelled "RELATED:" that runs on as prose (several sentences, longer
    # than any headline) is a paragraph of the story, not a link to another one.
    aside = (
        "RELATED: The harbor board's own candidates did not fare well at the polls. Aside from"
        " the two members in safe seats, most of the slate it backed lost by wide margins, and"
        " the board's chair said on Wednesday that the terminal vote would wait for the new"
        " members."
    )
    segments = _segment(_p(1) + f"<p>{aside}</p>" + _p(2) + _p(3))
    assert segments.paragraphs == (_sentence(1), aside, _sentence(2), _sentence(3))
    assert segments.related == ()


def test_related_heading_followed_by_link_list() -> None:
    segments = _segment(
        _p(1)
        + _p(2)
        + _p(3)
        + "<h3>Related</h3><ul>"
        + '<li><a href="/news/2024/02/10/old-pier-closes">'
        + "Old pier closes after storm damage</a></li>"
        + '<li><a href="/news/2024/02/01/harbor-budget">Harbor budget vote delayed again</a></li>'
        + "</ul>"
    )
    assert segments.paragraphs == (_sentence(1), _sentence(2), _sentence(3))
    assert segments.related == (
        RawLink("Old pier closes after storm damage", "/news/2024/02/10/old-pier-closes"),
        RawLink("Harbor budget vote delayed again", "/news/2024/02/01/harbor-budget"),
    )


def test_related_heading_followed_by_link_paragraphs() -> None:
    segments = _segment(
        _p(1)
        + _p(2)
        + "<p><strong>Related coverage</strong></p>"
        + '<p><a href="/news/2024/02/10/old-pier-closes">Old pier closes after storm damage</a></p>'
        + _p(3)
    )
    assert segments.paragraphs == (_sentence(1), _sentence(2), _sentence(3))
    assert segments.related == (
        RawLink("Old pier closes after storm damage", "/news/2024/02/10/old-pier-closes"),
    )


def test_related_box_by_class_goes_to_related() -> None:
    segments = _segment(
        _p(1)
        + '<div class="related-stories"><h4>More</h4>'
        + '<a href="/news/2024/02/10/old-pier-closes">Old pier closes after storm damage</a>'
        + "</div>"
        + _p(2)
        + _p(3)
    )
    assert segments.paragraphs == (_sentence(1), _sentence(2), _sentence(3))
    assert segments.related == (
        RawLink("Old pier closes after storm damage", "/news/2024/02/10/old-pier-closes"),
    )


# --- structure inside the story ---------------------------------------------------------------


def test_lists_and_subheadings_inside_the_story_are_paragraphs() -> None:
    segments = _segment(
        _p(1)
        + "<h2>What happens next</h2>"
        + _p(2)
        + "<ul><li>Construction starts in May, weather permitting.</li>"
        + "<li>The terminal opens in 2026, if all goes to plan.</li></ul>"
        + "<blockquote>We waited a long time for this, said one commuter.</blockquote>"
        + _p(3)
    )
    assert segments.paragraphs == (
        _sentence(1),
        "What happens next",
        _sentence(2),
        "Construction starts in May, weather permitting.",
        "The terminal opens in 2026, if all goes to plan.",
        "We waited a long time for this, said one commuter.",
        _sentence(3),
    )


def test_text_loose_in_a_div_with_br_is_split_into_paragraphs() -> None:
    segments = _segment(
        f'<div class="story-text">{_sentence(1)}<br><br>{_sentence(2)}<br>{_sentence(3)}</div>'
    )
    assert segments.paragraphs == (_sentence(1), _sentence(2), _sentence(3))


def test_inline_markup_is_flattened() -> None:
    segments = _segment(
        "<p>The <b>harbor</b> <a href='https://elsewhere.example/x'>commission</a> "
        "met <em>again</em> on Tuesday, and again on Wednesday, for hours.</p>" + _p(2) + _p(3)
    )
    assert segments.paragraphs[0] == (
        "The harbor commission met again on Tuesday, and again on Wednesday, for hours."
    )


# --- lone links -------------------------------------------------------------------------------


def test_lone_same_site_link_goes_to_related_and_external_link_stays_body() -> None:
    segments = _segment(
        _p(1)
        + '<p><a href="https://gazette.example/news/2024/03/01/ferry-fares-rise">'
        + "Ferry fares will rise for commuters next spring</a></p>"
        + '<p><a href="https://www.state.example/documents/ferry-report-2024.pdf">'
        + "Read the full state report on ferry safety</a></p>"
        + _p(2)
        + _p(3)
    )
    assert segments.related == (
        RawLink(
            "Ferry fares will rise for commuters next spring",
            "https://gazette.example/news/2024/03/01/ferry-fares-rise",
        ),
    )
    assert segments.paragraphs == (
        _sentence(1),
        "Read the full state report on ferry safety",
        _sentence(2),
        _sentence(3),
    )


def test_lone_link_to_a_subdomain_of_the_site_is_related() -> None:
    segments = _segment(
        _p(1)
        + '<p><a href="https://video.gazette.example/watch/ferry-launch">'
        + "Watch the first ferry leave the new terminal</a></p>"
        + _p(2)
        + _p(3),
        site_host="www.gazette.example",
    )
    assert [r.text for r in segments.related] == ["Watch the first ferry leave the new terminal"]


def test_lone_relative_link_is_related() -> None:
    segments = _segment(
        _p(1)
        + '<p><a href="/news/2024/03/01/ferry-fares-rise">Ferry fares will rise next spring</a></p>'
        + _p(2),
        site_host=None,
    )
    assert segments.related == (
        RawLink("Ferry fares will rise next spring", "/news/2024/03/01/ferry-fares-rise"),
    )
    assert segments.paragraphs == (_sentence(1), _sentence(2))


def test_short_lone_link_stays_body() -> None:
    # Fewer than four words is a label or a name, not another story's headline.
    segments = _segment(_p(1) + '<p><a href="/about">Harbor Commission</a></p>' + _p(2))
    assert segments.paragraphs == (_sentence(1), "Harbor Commission", _sentence(2))
    assert segments.related == ()


def test_lone_link_through_extract_is_absolute_related() -> None:
    page = (
        "<html><body><article><h1>Ferry terminal approved</h1>"
        + _p(1)
        + '<p><a href="/news/2024/03/01/ferry-fares-rise">'
        + "Ferry fares will rise for commuters next spring</a></p>"
        + _p(2)
        + "</article></body></html>"
    )
    article = extract(page, url=PAGE_URL)
    assert article.related == (
        RelatedLink(
            "Ferry fares will rise for commuters next spring",
            "https://gazette.example/news/2024/03/01/ferry-fares-rise",
        ),
    )
    assert article.paragraphs == (_sentence(1), _sentence(2))


_PROSE = (
    "The council met on Tuesday evening to weigh the harbour plan, and members argued for"
    " hours about the cost, the noise and the view from the old pier."
)


def test_a_gallery_embedded_in_a_long_story_is_not_body() -> None:
    slides = "".join(
        f"<li><p>Slide {n}: the harbour at dusk, with boats, gulls and lights.</p></li>"
        for n in range(12)
    )
    page = (
        "<article><h1>Harbour plan approved</h1>"
        + "".join(f"<p>{_PROSE} Part {n}.</p>" for n in range(6))
        + f'<div class="slideshow-wrapper"><ul class="story-slideshow">{slides}</ul></div>'
        + f"<p>{_PROSE} The end.</p></article>"
    )
    paragraphs = _segment(page).paragraphs
    assert not any(p.startswith("Slide") for p in paragraphs)
    assert paragraphs[-1].endswith("The end.")
    assert len(paragraphs) == 7


def test_a_slideshow_page_keeps_its_slides() -> None:
    slides = "".join(
        f"<li><p>Slide {n}: the harbour at dusk, with boats, gulls, lights and a ferry.</p></li>"
        for n in range(8)
    )
    page = f'<article><h1>The harbour in pictures</h1><ul class="gallery">{slides}</ul></article>'
    paragraphs = _segment(page).paragraphs
    assert sum(p.startswith("Slide") for p in paragraphs) == 8


@pytest.mark.parametrize("more", ["mehr", "Read more...", "lire la suite", "Leia mais"])
def test_a_teaser_ending_in_a_more_link_is_related_not_body(more: str) -> None:
    page = (
        "<article><h1>Harbour plan approved</h1>"
        + "".join(f"<p>{_PROSE} Part {n}.</p>" for n in range(3))
        + "<p>The ferry company had doubts about the plan from the start, it said."
        f' <a href="https://gazette.example/news/ferry">{more}</a></p></article>'
    )
    segments = _segment(page)
    assert len(segments.paragraphs) == 3
    assert [r.href for r in segments.related] == ["https://gazette.example/news/ferry"]


def test_a_sentence_ending_in_the_word_more_stays_body() -> None:
    page = (
        f"<article><h1>Harbour</h1><p>{_PROSE}</p>"
        '<p>The council said it would <a href="/budget">spend</a> much more</p></article>'
    )
    assert _segment(page).paragraphs[-1].endswith("much more")


def test_a_german_as_of_stamp_is_not_body() -> None:
    page = f"<article><h1>Harbour</h1><p>Stand: 17.06.2025 18:24 Uhr</p><p>{_PROSE}</p></article>"
    assert _segment(page).paragraphs == (_PROSE,)


# --- teaser cards -----------------------------------------------------------------------------

_CARD = (
    '<div class="card"><h3><a href="/news/ferry-timetable">New ferry timetable from May</a></h3>'
    "<p>Two more crossings a day, the operator says.</p></div>"
)


def test_a_teaser_card_inside_a_long_story_is_related_not_body() -> None:
    page = (
        "<h1>Harbour plan approved</h1>"
        + "".join(f"<p>{_PROSE} Part {n}.</p>" for n in range(3))
        + _CARD
        + f"<p>{_PROSE} The end.</p>"
    )
    segments = _segment(page)
    assert not any("ferry" in p or "crossings" in p for p in segments.paragraphs)
    assert len(segments.paragraphs) == 4
    assert "/news/ferry-timetable" in [r.href for r in segments.related]


def test_a_heading_inside_a_link_makes_a_teaser_card_too() -> None:
    card = (
        '<div><a href="/news/ferry-timetable"><h3>New ferry timetable from May</h3></a>'
        "<p>Two more crossings a day, the operator says.</p></div>"
    )
    page = "".join(f"<p>{_PROSE} Part {n}.</p>" for n in range(3)) + card + f"<p>{_PROSE}</p>"
    assert not any("crossings" in p for p in _segment(page).paragraphs)


def test_a_linked_heading_that_opens_the_story_is_its_own_header() -> None:
    # A blog post's title links to the post itself, with its byline beside it.
    page = (
        '<div class="post-header"><h2><a href="/2024/05/harbour-plan">Harbour plan approved'
        "</a></h2><p>Posted by the editor on May 2</p></div>"
        + "".join(f"<p>{_PROSE} Part {n}.</p>" for n in range(6))
    )
    assert _segment(page).paragraphs[:2] == (
        "Harbour plan approved",
        "Posted by the editor on May 2",
    )


def test_a_listing_of_teaser_cards_keeps_its_cards() -> None:
    page = "<p>Latest from the harbour desk, updated every morning.</p>" + _CARD * 3
    paragraphs = _segment(page).paragraphs
    assert sum("crossings" in p for p in paragraphs) == 3


def _page_with_related(link_inner: str) -> str:
    story = "".join(
        f"<p>Paragraph {n} of the story about the harbour, as the council said on Monday.</p>"
        for n in range(6)
    )
    return (
        "<html><body><article><h1>The harbour plan</h1>"
        f'{story}<aside class="related"><h2>Related</h2><ul><li>'
        f'<a href="https://example.com/news/2024/other-story-1234">{link_inner}</a>'
        "</li></ul></aside></article></body></html>"
    )


def test_a_related_card_link_is_titled_by_its_one_heading() -> None:
    from newsextract import extract

    inner = "<h3>Ferry timetable changes next month</h3><span>By Jane Doe, 3 May</span>"
    related = extract(_page_with_related(inner)).related
    assert [link.text for link in related] == ["Ferry timetable changes next month"]


def test_a_related_link_with_several_headings_keeps_all_its_text() -> None:
    from newsextract import extract

    inner = "<h3>Harbour Band</h3><h4>Songs of the Quay</h4><h5>By Jane Doe</h5>"
    related = extract(_page_with_related(inner)).related
    assert [link.text for link in related] == ["Harbour Band Songs of the Quay By Jane Doe"]


def test_a_teaser_whose_more_cue_is_an_element_of_its_own_is_related() -> None:
    page = (
        "".join(f"<p>{_PROSE} Part {n}.</p>" for n in range(3))
        + '<p class="shorttext">The ferry company had doubts about the plan, it said.'
        ' <span class="link-extend">mehr</span></p>' + f"<p>{_PROSE} The end.</p>"
    )
    segments = _segment(page)
    assert len(segments.paragraphs) == 4
    assert "The ferry company had doubts about the plan, it said" in [
        r.text for r in segments.related
    ]


def test_a_more_cue_alone_is_not_a_teaser() -> None:
    page = f"<p>{_PROSE}</p><p><strong>More:</strong></p><p>{_PROSE} The end.</p>"
    assert not _segment(page).related


# --- the story's end -------------------------------------------------------------------------


def test_a_broadcasters_programme_line_closes_the_story() -> None:
    # German public broadcasters close a story with its broadcast slot, the tag list and the
    # print address, all inside the story's container.
    footer = (
        "<p>Dieses Thema im Programm:</p><h3>Radio Nord | Nachrichten | 05.03.2024 | 13:00 Uhr</h3>"
        "<h3>Schlagwörter zu diesem Artikel</h3><h3>Hafen</h3>"
        "<p>Dieser Artikel wurde ausgedruckt unter der Adresse: https://gazette.example/a1</p>"
    )
    segments = _segment(_p(1) + _p(2) + _p(3) + _p(4) + footer)
    assert segments.paragraphs == tuple(_sentence(i) for i in (1, 2, 3, 4))


def test_a_programme_line_above_the_story_ends_nothing() -> None:
    # Above a story's first paragraphs the line is a box's, not the story's end.
    segments = _segment("<p>Dieses Thema im Programm: Radio Nord, 13 Uhr</p>" + _p(1) + _p(2))
    assert segments.paragraphs == (_sentence(1), _sentence(2))


def test_a_paywall_notice_closes_the_story() -> None:
    offer = "<p>Jetzt abonnieren und alle Artikel lesen.</p><ul><li>Erster Monat gratis</li></ul>"
    for notice in (
        "La suite est réservée aux abonnés. Déjà abonné ? Se connecter",
        "Weiterlesen mit Gazette Plus",
    ):
        segments = _segment(_p(1) + _p(2) + _p(3) + _p(4) + f"<p>{notice}</p>" + offer)
        assert segments.paragraphs == tuple(_sentence(i) for i in (1, 2, 3, 4)), notice


def test_a_japanese_paywall_notice_closes_a_short_story() -> None:
    # Two Japanese paragraphs of 80 characters each are a story's opening (counted in
    # Latin-letter equivalents), so the members-only notice below them ends it.
    lead = (
        "港湾委員会は火曜日、北の桟橋を建て直すことを決めた。嵐の被害で漁船が使えなくなっていた。"
        * 2
    )
    notice = "<p>この記事は会員限定です。 紙の新聞の定期購読者の方は、無料で会員登録できます。</p>"
    segments = _segment(f"<p>{lead}</p><p>{lead}</p>{notice}<p>会員登録する</p>")
    assert segments.paragraphs == (lead, lead)


def test_a_section_head_styled_as_a_widget_title_stays_above_its_paragraph() -> None:
    # The CMS reuses its widget-title style for the story's own section heads; a widget's
    # title over a list of links, and a byline set in a heading, are still not body.
    segments = _segment(
        "<h3 class='byline widget-title'>By Jane Doe</h3>"
        + _p(1)
        + "<h2 class='widget-title'>HARBOR FIRE</h2>"
        + _p(2)
        + "<h2 class='widget-title'>Most read</h2><ul><li>One</li><li>Two</li></ul>"
    )
    assert segments.paragraphs[:3] == (_sentence(1), "HARBOR FIRE", _sentence(2))
    assert "By Jane Doe" not in segments.paragraphs
    assert "Most read" not in segments.paragraphs


def test_the_heading_of_a_teaser_card_leaves_the_body_with_its_blurb() -> None:
    # A list of news cards under the story: each an unlinked title, a blurb ending in a
    # "Read more..." link and a date. A subhead of the story itself stays.
    cards = "".join(
        f"<li><h3>Harbor board news number {i} of the week</h3>"
        f'<p>The board met again. <a href="/news/{i}">Read more...</a></p>'
        "<p>2024-03-0{i}</p></li>"
        for i in range(1, 4)
    )
    segments = _segment(
        f"{_p(1)}<h2>What the terminal costs</h2>{_p(2)}{_p(3)}{_p(4)}<ul>{cards}</ul>"
    )
    body = " ".join(segments.paragraphs)
    assert "What the terminal costs" in body
    assert "Harbor board news" not in body
    assert "The board met again" not in body


def test_a_blog_engine_comment_form_label_is_not_body() -> None:
    segments = _segment(f"{_p(1)}{_p(2)}<p>No comments yet.</p><h3>Leave a Reply</h3>")
    assert segments.paragraphs == (_sentence(1), _sentence(2))
