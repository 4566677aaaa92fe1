"""Captions and their credits read off whole pages: hand-written layouts, invented text."""

from __future__ import annotations

from newsextract import extract

PAGE_URL = "https://gazette.example/news/2024/03/05/ferry-terminal"


def _story() -> str:
    return "".join(
        f"<p>Story sentence {i} explains, in some detail, what the harbour commission decided"
        " about the new ferry terminal, and why it matters.</p>"
        for i in range(1, 5)
    )


def _page(figures: str) -> str:
    return (
        "<html><body><article><h1>Ferry terminal approved</h1>"
        + figures
        + _story()
        + "</article></body></html>"
    )


def _captions(figures: str) -> list[tuple[str, str | None]]:
    article = extract(_page(figures), url=PAGE_URL)
    return [(c.text, c.credit) for c in article.captions]


def _credit_of(figures: str) -> str | None:
    found = extract(_page(figures), url=PAGE_URL).captions
    assert len(found) == 1, found
    return found[0].credit


# --- credit parts -------------------------------------------------------------------------------


def test_credit_parts_set_apart_by_a_bar_are_joined_with_a_slash() -> None:
    # The agency field and the photographer field of one picture, printed "Agency | Name".
    figure = (
        '<figure><img src="/p/1.jpg"><figcaption><span>Ferries wait at the quay.</span>'
        "<span>&copy; Harbour Images | Lee Grant</span></figcaption></figure>"
    )
    assert _captions(figure) == [("Ferries wait at the quay.", "Harbour Images / Lee Grant")]


def test_a_credit_part_printed_twice_is_given_once() -> None:
    figure = (
        '<figure><img src="/p/1.jpg"><figcaption>Gulls over the pier. '
        "&copy; Mara Lind | Mara Lind</figcaption></figure>"
    )
    assert _credit_of(figure) == "Mara Lind"


def test_credit_parts_that_differ_in_case_are_both_kept() -> None:
    figure = (
        '<figure><img src="/p/1.jpg"><figcaption>Gulls over the pier. '
        "&copy; imago/Mara Lind | IMAGO/Mara Lind</figcaption></figure>"
    )
    assert _credit_of(figure) == "imago/Mara Lind / IMAGO/Mara Lind"


# --- captions that cleaning used to drop ----------------------------------------------------------


def test_an_aria_hidden_figcaption_is_still_a_caption() -> None:
    # The caption is printed under the photo; aria-hidden only spares screen readers the text
    # the image's alt already gives them.
    figure = (
        '<figure><img src="/p/1.jpg" alt="Cranes over the quay.">'
        '<figcaption aria-hidden="true">Cranes over the quay at dawn.</figcaption></figure>'
    )
    assert _captions(figure) == [("Cranes over the quay at dawn.", None)]


def test_a_figure_named_like_a_widget_keeps_its_caption() -> None:
    figure = (
        '<figure class="widget-picture-inline"><img src="/p/1.jpg">'
        "<figcaption>The mayor signs the contract. (Photo: Harbour Images)</figcaption></figure>"
    )
    assert _captions(figure) == [("The mayor signs the contract.", "Harbour Images")]


def test_a_credit_named_copyright_inside_the_figcaption_is_read() -> None:
    figure = (
        '<figure><img src="/p/1.jpg"><figcaption class="figure__caption">'
        '<span class="figure__text">Ferries wait at the quay.</span>'
        '<span class="figure__copyright">&copy; Lee Grant/Harbour Images</span>'
        "</figcaption></figure>"
    )
    assert _captions(figure) == [("Ferries wait at the quay.", "Lee Grant/Harbour Images")]


def test_a_slider_with_a_weak_furniture_class_keeps_its_captions() -> None:
    # `overflow-hidden` is a layout utility, read as the weak word "hidden".
    slides = "".join(
        f'<div class="slide relative overflow-hidden"><figure><img src="/p/{i}.jpg">'
        f"<figcaption><span>Slide {i} shows the old ferry shed.</span></figcaption></figure></div>"
        for i in (1, 2)
    )
    assert _captions(f'<div class="slider">{slides}</div>') == [
        ("Slide 1 shows the old ferry shed.", None),
        ("Slide 2 shows the old ferry shed.", None),
    ]


# --- credits beside or deep inside the caption ----------------------------------------------------


def test_a_footer_under_the_figcaption_is_the_credit() -> None:
    figure = (
        '<figure><img src="/p/1.jpg"><figcaption>Ferries wait at the quay.</figcaption>'
        "<footer>Lee Grant/Harbour Images</footer></figure>"
    )
    assert _captions(figure) == [("Ferries wait at the quay.", "Lee Grant/Harbour Images")]


def test_a_source_span_beside_the_caption_span_is_the_credit() -> None:
    figure = (
        '<div class="image-container"><img src="/p/1.jpg"><div class="image-container-text">'
        '<span class="image-container-caption">Ferries wait at the quay.</span>'
        '<span class="image-container-source">Lee Grant/dpa</span></div></div>'
    )
    article = extract(_page(figure), url=PAGE_URL)
    assert [(c.text, c.credit) for c in article.captions] == [
        ("Ferries wait at the quay.", "Lee Grant/dpa")
    ]
    assert "Lee Grant/dpa" not in article.paragraphs


def test_a_credit_nested_two_levels_down_is_read_and_left_out_of_the_text() -> None:
    figure = (
        '<figure><img src="/p/1.jpg"><figcaption><div class="media-caption-inner">'
        '<span class="media-description">Ferries wait at the quay.</span>'
        '<span class="media-source"><span class="media-author">AFP</span></span>'
        "</div></figcaption></figure>"
    )
    assert _captions(figure) == [("Ferries wait at the quay.", "AFP")]


def test_a_credit_named_line_in_a_larger_block_is_not_taken_as_a_credit() -> None:
    # A blog post's "Posted by" line beside a captioned table belongs to the post.
    block = (
        '<div class="post-body"><img src="/p/1.jpg">'
        '<div class="tr-caption">The new ferry shed.</div>'
        '<div class="post-author">Posted by Lee Grant, harbour editor</div>'
        "<p>More text of the post sits here, around the photo and the byline.</p></div>"
    )
    assert _captions(block) == [("The new ferry shed.", None)]


def test_a_caption_repeating_a_sentence_of_the_story_leaves_the_sentence_in_the_body() -> None:
    lead = "The harbour commission approved the ferry terminal on Tuesday night."
    page = (
        "<html><body><article><h1>Ferry terminal approved</h1>"
        f'<figure><img src="/p/1.jpg"><figcaption>{lead}</figcaption></figure>'
        f"<p>{lead}</p>" + _story() + "</article></body></html>"
    )
    article = extract(page, url=PAGE_URL)
    assert lead in article.paragraphs
    assert [c.text for c in article.captions] == []


def test_a_credit_element_loses_its_label_and_brackets_even_when_it_reads_as_sentences() -> None:
    figure = (
        '<figure><img src="/p/1.jpg"><figcaption>Ferries wait at the quay.'
        "<small>(Foto: Lee Grant. Styling: Mara Lind)</small></figcaption></figure>"
    )
    assert _captions(figure) == [("Ferries wait at the quay.", "Lee Grant. Styling: Mara Lind")]


def test_a_trailing_supplied_is_the_credit() -> None:
    figure = (
        '<figure><img src="/p/1.jpg"><figcaption>The new ferry shed opens in May. Supplied'
        "</figcaption></figure>"
    )
    assert _captions(figure) == [("The new ferry shed opens in May.", "Supplied")]
