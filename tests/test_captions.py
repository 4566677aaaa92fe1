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


# --- credit-only captions -------------------------------------------------------------------------


def test_a_photo_with_only_a_credit_gives_a_caption_with_no_text() -> None:
    figure = '<figure><img src="/p/1.jpg"><figcaption>&copy; Lee Grant</figcaption></figure>'
    assert _captions(figure) == [("", "Lee Grant")]


def test_photos_sharing_a_credit_each_keep_theirs_and_a_repeat_is_given_once() -> None:
    # Two photos by one photographer are two captions; the same photo printed twice is one.
    figures = "".join(
        f'<figure><img src="/p/{i}.jpg"><figcaption>&copy; Lee Grant</figcaption></figure>'
        for i in (1, 2, 2)
    )
    assert _captions(figures) == [("", "Lee Grant"), ("", "Lee Grant")]


def test_a_caption_that_is_only_a_source_line_is_a_credit() -> None:
    figure = '<figure><img src="/p/1.jpg"><figcaption>Bron: Belga</figcaption></figure>'
    assert _captions(figure) == [("", "Belga")]


# --- photos without caption markup ----------------------------------------------------------------


def _long_page(figures: str) -> str:
    # Long enough that the story keeps its text without the captions (a photo post's lines
    # stay its body: see the last test of this part).
    return _page(figures).replace("</article>", _story() + "</article>")


def _unmarked(figures: str) -> list[tuple[str, str | None]]:
    article = extract(_long_page(figures), url=PAGE_URL)
    return [(c.text, c.credit) for c in article.captions]


def test_the_short_text_under_a_photo_in_a_plain_box_is_its_caption() -> None:
    figure = (
        '<div class="media"><div class="pic"><picture><img src="/p/1.jpg"></picture></div>'
        '<div class="info"><p>Ferries wait at the quay at dawn.</p>'
        "<p>&copy; Lee Grant/Harbour Images</p></div></div>"
    )
    article = extract(_long_page(figure), url=PAGE_URL)
    assert [(c.text, c.credit) for c in article.captions] == [
        ("Ferries wait at the quay at dawn.", "Lee Grant/Harbour Images")
    ]
    assert "Ferries wait at the quay at dawn." not in article.paragraphs


def test_a_plain_box_takes_its_credit_from_the_photo_title() -> None:
    figure = (
        '<div><img src="/p/1.jpg" alt="Cranes" title="Cranes | Bildrechte: Lee Grant">'
        '<div><p class="info">Cranes over the quay at dawn.</p></div></div>'
    )
    assert _unmarked(figure) == [("Cranes over the quay at dawn.", "Lee Grant")]


def test_a_short_capitalised_line_under_the_caption_is_its_credit() -> None:
    figure = (
        '<div><div><img src="/p/1.jpg"><div>The new ferry leaves the quay</div>'
        "<div>Harbour Images</div></div></div>"
    )
    assert _unmarked(figure) == [("The new ferry leaves the quay", "Harbour Images")]


def test_teasers_badges_and_paragraphs_with_a_photo_are_no_figures() -> None:
    boxes = (
        # a teaser card: named so, and a summary ending in its "more" cue
        '<div class="teaser"><div><img src="/p/1.jpg"></div>'
        "<div><p>Council approves the new ferry timetable for spring.</p></div></div>"
        '<div><div><img src="/p/2.jpg"></div><div><p>Fares rise in the spring. mehr</p></div></div>'
        # a badge over a photo
        '<div><div><img src="/p/3.jpg"></div><div><span>1 min</span></div></div>'
        # a photo inside a paragraph of the story
        '<p><img src="/p/4.jpg"> The harbour master spoke to reporters after the vote.</p>'
        # a heading under a photo
        '<div><div><img src="/p/5.jpg"></div><h2>Ferry terminal plans</h2></div>'
    )
    assert _unmarked(boxes) == []


def test_a_plain_box_below_the_story_is_not_read() -> None:
    page = (
        "<html><body><article><h1>Ferry terminal approved</h1>"
        + _story()
        + '<div><div><img src="/p/1.jpg"></div><div><p>Other news: the bridge reopens.</p></div>'
        + "</div></article></body></html>"
    )
    assert extract(page, url=PAGE_URL).captions == ()


def test_a_photo_post_keeps_its_lines_as_body() -> None:
    # The story is a photo and two lines about it: those lines are its text, not a caption.
    page = (
        "<html><body><article><h1>Sculptures made of bread</h1>"
        '<div><div><img src="/p/1.jpg"></div><div><p>A baker in Lyon turns loaves into'
        " sculptures of the city's bridges.</p></div></div></article></body></html>"
    )
    article = extract(page, url=PAGE_URL)
    assert article.captions == ()
    assert article.paragraphs == (
        "A baker in Lyon turns loaves into sculptures of the city's bridges.",
    )


def test_a_video_card_or_a_portrait_byline_is_no_figure() -> None:
    boxes = (
        '<div><div><img src="/v/1.jpg"></div><div><p>Harbour strike explained 21.04.2024 |'
        " 3:18 min</p></div></div>"
        '<div><div><img src="/a/lee.jpg"></div><div><p>By Lee Grant and Mara Lind</p></div></div>'
        '<div><div><img src="/s/harbour-logo.png"></div><div><p>The Gazette, 1 Quay Street,'
        " Harbourtown</p></div></div>"
    )
    assert _unmarked(boxes) == []


def test_a_credit_element_beside_a_captioned_photo_is_not_a_second_caption() -> None:
    figure = (
        '<figure><img src="/p/1.jpg"><figcaption>Ferries wait at the quay.</figcaption>'
        '<span class="credit">Lee Grant/Harbour Images</span></figure>'
    )
    assert _captions(figure) == [("Ferries wait at the quay.", "Lee Grant/Harbour Images")]


def test_a_photo_set_in_a_lightbox_button_keeps_its_caption() -> None:
    figure = (
        '<button class="slide-viewer"><figure><img src="/p/1.jpg">'
        "<figcaption>Ferries wait at the quay. <span>Lee Grant/Harbour Images</span>"
        "</figcaption></figure></button>"
    )
    assert _captions(figure) == [("Ferries wait at the quay.", "Lee Grant/Harbour Images")]


def test_a_video_length_where_the_credit_would_be_is_no_credit() -> None:
    figure = (
        '<figure><img src="/p/1.jpg"><figcaption>Ferries wait at the quay.'
        "<small>21.04.2024 / 3:18 min</small></figcaption></figure>"
    )
    assert _captions(figure) == [("Ferries wait at the quay.", None)]


def test_the_photo_of_a_picture_with_sources_is_the_caption_image() -> None:
    # libxml2 nests the <img> inside the last <source>; cleaning must not drop it with it.
    figure = (
        '<figure><picture><source srcset="/p/1.webp" type="image/webp">'
        '<source srcset="/p/1-small.jpg"><img src="/p/1.jpg"></picture>'
        "<figcaption>Ferries wait at the quay. Photo: Lee Grant</figcaption></figure>"
    )
    captions = extract(_page(figure), url=PAGE_URL).captions
    assert [(c.text, c.credit, c.image_url) for c in captions] == [
        ("Ferries wait at the quay.", "Lee Grant", "https://gazette.example/p/1.jpg")
    ]


def test_a_slide_counter_and_its_bar_leave_the_caption() -> None:
    slides = "".join(
        f'<div class="slide"><div><picture><source srcset="/p/{i}.webp"><img src="/p/{i}.jpg">'
        f'</picture></div><div><span class="count">{i} of 2 | </span>'
        f"<span>Slide {i} shows the old ferry shed. (AP Photo/Lee Grant)</span></div></div>"
        for i in (1, 2)
    )
    assert _unmarked(f"<div>{slides}</div>") == [
        ("Slide 1 shows the old ferry shed.", "AP Photo/Lee Grant"),
        ("Slide 2 shows the old ferry shed.", "AP Photo/Lee Grant"),
    ]


def test_a_photo_with_no_caption_takes_its_credit_from_an_alt_then_credit_title() -> None:
    photos = (
        '<div class="lead"><img src="/p/1.jpg" alt="Cranes over the quay"'
        ' title="Cranes over the quay | Lee Grant"></div>'
        # a teaser's photo, and a title that is not "alt | credit"
        '<div class="teaser"><img src="/p/2.jpg" alt="Ferry" title="Ferry | Mara Lind"></div>'
        '<div><img src="/p/3.jpg" alt="Gulls" title="Gulls over the pier"></div>'
    )
    assert _unmarked(photos) == [("", "Lee Grant")]


def test_a_lead_photo_in_a_furniture_named_box_keeps_its_caption() -> None:
    # `masthead` names page furniture; a box that is one photo and its caption is the lead.
    lead = (
        '<div id="article-masthead"><img src="/p/1.jpg" width="578" height="385">'
        '<div class="wp-caption"><p class="wp-caption-text">Above: Ferries wait at the quay.</p>'
        '<div class="image-source">Image Credit: Harbour Images</div></div></div>'
        # an author's portrait and byline in a furniture box: not a captioned photo
        '<div class="masthead"><img src="/a/lee.jpg" width="60" height="60">'
        '<p class="caption">By Lee Grant, harbour reporter</p></div>'
    )
    assert _captions(lead) == [("Ferries wait at the quay.", "Harbour Images")]


# --- a caption in its own box after the photo's box --------------------------------------------


def test_a_box_after_the_photo_box_repeating_its_alt_is_its_caption() -> None:
    # The photo's box and the caption's box share no container but the story's (`_story()`
    # after them: a story long enough that a photo and its line are not the whole post).
    figures = (
        '<div class="p1"><picture><img src="/p/1.jpg" alt="Ferries wait at the quay"></picture>'
        '</div><div class="c1"><span>Ferries wait at the quay</span></div>'
    )
    assert _captions(figures + _story()) == [("Ferries wait at the quay", None)]


def test_an_alt_with_the_site_name_after_a_dash_still_names_the_caption() -> None:
    figures = (
        '<div><img src="/p/1.jpg" alt="Ferries wait at the quay - Harbour Gazette"></div>'
        "<div><span>Ferries wait at the quay</span></div>"
    )
    assert _captions(figures + _story()) == [("Ferries wait at the quay", None)]


def test_a_heading_or_a_link_repeating_the_alt_is_no_caption() -> None:
    heading = '<div><img src="/p/1.jpg" alt="The new terminal"></div><h2>The new terminal</h2>'
    link = (
        '<div><img src="/p/1.jpg" alt="The new terminal"></div>'
        '<div><a href="/terminal">The new terminal</a></div>'
    )
    assert _captions(heading + _story()) == []
    assert _captions(link + _story()) == []


def test_a_file_name_alt_repeated_under_a_thumbnail_is_no_caption() -> None:
    figures = '<div><img src="/p/pier_03-150x150.jpg" alt="pier_03"></div><div>pier_03</div>'
    assert _captions(figures + _story()) == []


# --- the lead photo between the headline and the story's <article> -----------------------------


def _lead_page(figures: str, story_headline: bool = False) -> str:
    # As news portals print it: the headline, the lead figure and the story's <article> in
    # sibling boxes of one section, the article beside a list of other stories.
    inner_h1 = "<h1>Ferry terminal approved</h1>" if story_headline else ""
    return (
        "<html><body><main><section><div><h1>Ferry terminal approved</h1></div>"
        f"<div>{figures}</div><div><div><article>{inner_h1}<div>{_story()}{_story()}</div>"
        '<div class="t1"><a href="/t/harbour">Harbour</a></div></article>'
        '<div class="t2"><a href="#discussion">Discussion</a></div></div>'
        '<div class="t3"><h2>Most read</h2><ul><li><a href="/a">Bridge repairs start</a></li>'
        '<li><a href="/b">Library hours extended</a></li><li><a href="/c">Tram depot grows</a>'
        "</li></ul></div></div></section></main></body></html>"
    )


def _figure(n: int) -> str:
    return (
        f'<figure><img src="/p/{n}.jpg"><figcaption>The new quay seen from the water,'
        f" picture {n}.</figcaption></figure>"
    )


def _lead_captions(html: str) -> list[str]:
    return [c.text for c in extract(html, url=PAGE_URL).captions]


def test_a_figure_between_the_headline_and_the_article_is_the_lead_photo() -> None:
    assert _lead_captions(_lead_page(_figure(1))) == [
        "The new quay seen from the water, picture 1."
    ]


def test_a_row_of_figures_above_the_article_is_a_carousel_not_the_lead_photo() -> None:
    assert _lead_captions(_lead_page(_figure(1) + _figure(2) + _figure(3))) == []


def test_an_article_printing_its_own_headline_takes_no_figure_from_above_it() -> None:
    assert _lead_captions(_lead_page(_figure(1), story_headline=True)) == []


# --- a credit elsewhere in the figure than beside the caption ----------------------------------


def test_a_credit_line_in_the_photo_box_of_the_figure_is_the_caption_credit() -> None:
    figure = (
        '<figure><div><div role="button"><img src="/p/1.jpg"></div><span><span>'
        "Foto: Lee Grant</span></span></div><figcaption><p><span>Gulls over the pier.</span></p>"
        "</figcaption></figure>"
    )
    assert _credit_of(figure) == "Lee Grant"


def test_two_credit_lines_in_one_figure_give_the_caption_no_credit() -> None:
    figure = (
        '<figure><div><img src="/p/1.jpg"><span>Foto: Lee Grant</span></div>'
        "<figcaption>Gulls over the pier.</figcaption><p>© Mara Lind</p></figure>"
    )
    assert _credit_of(figure) is None


# --- a credit block inside the caption --------------------------------------------------------


def test_a_credit_block_printed_before_the_caption_text_is_the_credit() -> None:
    figure = (
        '<figure><img src="/p/1.jpg"><figcaption><div>Bild: APA/Lea Gruber</div>'
        " Gulls over the pier at dawn </figcaption></figure>"
    )
    assert _captions(figure) == [("Gulls over the pier at dawn", "APA/Lea Gruber")]


def test_a_library_name_inline_in_the_caption_sentence_is_not_its_credit() -> None:
    figure = (
        '<figure><img src="/p/1.jpg"><figcaption>The view from a <a href="/nasa">NASA</a>'
        " camera over the bay.</figcaption></figure>"
    )
    assert _captions(figure) == [("The view from a NASA camera over the bay.", None)]


def test_a_sibling_credit_is_not_also_a_caption_of_its_own() -> None:
    figure = (
        '<figure><img src="/p/1.jpg"><div><div class="figure-caption">Gulls over the pier.</div>'
        '<div class="figure-credit">(Mara Lind)</div></div></figure>'
    )
    assert _captions(figure) == [("Gulls over the pier.", "Mara Lind")]


def test_a_credit_named_like_a_caption_does_not_take_the_caption_as_its_credit() -> None:
    # The credit box first, then the caption, both named as captions: the credit box is not
    # a caption whose credit is the real caption.
    figure = (
        '<figure><img src="/p/1.jpg"><div><span class="caption-credit">Lee Grant/Reuters</span>'
        '<span class="caption-text">Gulls over the pier at dawn.</span></div></figure>'
    )
    assert _captions(figure) == [("Gulls over the pier at dawn.", "Lee Grant/Reuters")]


# --- credits printed outside the figure -----------------------------------------------------


def test_a_credit_element_right_after_the_figure_is_its_credit() -> None:
    figure = (
        '<figure><img src="/quay.jpg"><figcaption>The new quay at dawn.</figcaption></figure>'
        '<span class="photo-credit">Jane Doe/Harbour Press</span>'
    )
    assert _captions(figure) == [("The new quay at dawn.", "Jane Doe/Harbour Press")]


def test_an_element_after_the_figure_not_named_as_a_credit_is_not_read() -> None:
    figure = (
        '<figure><img src="/quay.jpg"><figcaption>The new quay at dawn.</figcaption></figure>'
        "<span>Jane Doe/Harbour Press</span>"
    )
    assert _captions(figure) == [("The new quay at dawn.", None)]
