"""Stage 3, `_clean.clean`: page furniture removed from the tree before location."""

from __future__ import annotations

from lxml import etree

from newsextract import extract
from newsextract.pipeline.clean import clean
from newsextract.pipeline.parse import parse, text_of

SENTENCE = (
    "The harbor commission met on Tuesday evening, and members argued for hours about the"
    " budget, the schedule and the contractors."
)
STORY = "".join(f"<p>{SENTENCE}</p>" for _ in range(5))


def _clean(body: str) -> etree._Element:
    return clean(parse(f"<html><head><title>t</title></head><body>{body}</body></html>"))


def _text(root: etree._Element) -> str:
    return " ".join(text_of(root).split())


def _markup(root: etree._Element) -> str:
    return etree.tostring(root, encoding="unicode")


def test_returns_the_same_tree_mutated() -> None:
    root = parse("<html><body><script>x()</script><p>Text</p></body></html>")
    assert clean(root) is root
    assert root.find(".//script") is None


def test_scripts_styles_and_noscript_removed() -> None:
    root = _clean(
        '<script>var tracking = "SCRIPTTEXT";</script><style>.x{color:red}</style>'
        "<noscript>NOSCRIPTTEXT</noscript><p>Visible story text.</p>"
    )
    assert _text(root) == "Visible story text."
    for tag in ("script", "style", "noscript", "head"):
        assert root.find(f".//{tag}") is None


def test_nav_aside_footer_and_forms_removed() -> None:
    root = _clean(
        '<nav><a href="/">Home</a> <a href="/world">World</a></nav>'
        "<aside>ASIDETEXT</aside>"
        '<form><input name="q"><button>Search</button></form>'
        "<p>Visible story text.</p><footer>FOOTERTEXT</footer>"
    )
    assert _text(root) == "Visible story text."


def test_role_navigation_removed() -> None:
    root = _clean('<div role="navigation">NAVTEXT</div><p>Visible story text.</p>')
    assert _text(root) == "Visible story text."


def test_share_bar_removed() -> None:
    root = _clean(
        '<div class="share-bar"><a href="#">Facebook</a> <a href="#">Twitter</a></div>'
        '<ul class="social-links"><li>WhatsApp</li></ul><p>Visible story text.</p>'
    )
    assert _text(root) == "Visible story text."


def test_cookie_banner_removed() -> None:
    root = _clean(
        '<div id="cookie-banner">We use cookies to improve your experience. '
        "<a href='#'>Accept</a></div><p>Visible story text.</p>"
    )
    assert _text(root) == "Visible story text."


def test_newsletter_box_removed_even_with_prose() -> None:
    root = _clean(
        '<div class="newsletter-signup"><p>Get our daily newsletter in your inbox every '
        "morning, free of charge, with the best stories from the harbor and the city.</p>"
        "</div><p>Visible story text.</p>"
    )
    assert _text(root) == "Visible story text."


def test_ad_slots_removed() -> None:
    root = _clean(
        '<div class="ad-slot">ADTEXT</div><div class="ad">AD2</div><p>Visible story text.</p>'
    )
    assert _text(root) == "Visible story text."


def test_hidden_elements_removed() -> None:
    root = _clean(
        "<div hidden>HIDDEN1</div><div style='display: none'>HIDDEN2</div>"
        "<span aria-hidden='true'>HIDDEN3</span><p>Visible story text.</p>"
    )
    assert _text(root) == "Visible story text."


def test_story_container_with_furniture_class_but_many_paragraphs_is_kept() -> None:
    root = _clean(f'<div class="promo story-wrap">{STORY}</div>')
    container = root.find(".//div")
    assert container is not None
    assert container.get("class") == "promo story-wrap"
    assert len(container.findall("p")) == 5


def test_short_element_with_the_same_furniture_class_is_removed() -> None:
    root = _clean(f'<div class="promo story-wrap"><p>Try our app!</p></div><p>{SENTENCE}</p>')
    assert _text(root) == SENTENCE


def test_weak_furniture_class_with_prose_is_kept() -> None:
    # One paragraph of prose (over 150 characters) is enough for a weak word like "sidebar".
    prose = f"{SENTENCE} {SENTENCE}"
    root = _clean(f'<div class="post has-sidebar"><p>{prose}</p></div>')
    assert _text(root) == prose


def test_weak_furniture_class_without_prose_is_removed() -> None:
    root = _clean(f'<div class="sidebar"><p>Weather: sunny</p></div><p>{SENTENCE}</p>')
    assert _text(root) == SENTENCE


def test_body_marked_container_inside_share_class_is_kept() -> None:
    root = _clean(
        f'<div class="social-wrapper"><div itemprop="articleBody"><p>{SENTENCE}</p></div></div>'
    )
    assert _text(root) == SENTENCE


def test_reader_comments_removed_even_when_long() -> None:
    comments = "".join(
        f"<p>Reader {i} wrote: I agree with the council, and I have said so for years, "
        "at every single meeting.</p>"
        for i in range(6)
    )
    root = _clean(
        f'<div class="story">{STORY}</div><section id="comments">{comments}</section>'
        f'<div id="disqus_thread">{comments}</div>'
    )
    assert "Reader" not in _text(root)
    assert _text(root).count(SENTENCE) == 5


def test_html_comments_never_reach_the_text() -> None:
    root = _clean(f"<p>{SENTENCE}<!-- EDITOR NOTE: check the figures --></p>")
    assert "EDITOR NOTE" not in _markup(root)


def test_br_keeps_words_apart() -> None:
    root = _clean("<p>Tampa, FL<br>June 10</p>")
    paragraph = root.find(".//p")
    assert paragraph is not None
    assert text_of(paragraph).split() == ["Tampa,", "FL", "June", "10"]


def test_br_keeps_words_apart_through_extract() -> None:
    page = (
        "<html><body><article><h1>Storm</h1>"
        f"<p>{SENTENCE}</p><p>Harbor<br>Commission<br/>Office</p><p>{SENTENCE}</p>"
        "</article></body></html>"
    )
    assert "Harbor Commission Office" in extract(page).paragraphs


def test_captions_and_related_boxes_survive_cleaning() -> None:
    root = _clean(
        '<figure><img src="a.jpg"><figcaption class="photo-caption">A ship.</figcaption></figure>'
        '<div class="related-stories"><a href="/a">Other story</a></div>'
        f"<p>{SENTENCE}</p>"
    )
    assert root.find(".//figcaption") is not None
    assert root.find(".//div[@class='related-stories']") is not None


def test_furniture_is_kept_out_of_the_article_body() -> None:
    page = (
        "<html><body>"
        '<nav><a href="/">Home</a></nav>'
        '<div class="share-bar">Share on Facebook Share on Twitter</div>'
        '<div id="cookie-notice">We use cookies. Accept all cookies to continue reading.</div>'
        f"<article><h1>Harbor budget</h1>{STORY}</article>"
        '<div class="newsletter">Sign up for the Harbor Daily newsletter today.</div>'
        '<div class="comments"><p>First! This is such a long comment, really, it is.</p></div>'
        "</body></html>"
    )
    article = extract(page)
    assert article.paragraphs == (SENTENCE,) * 5


def test_an_embed_consent_placeholder_is_dropped_but_an_embed_is_kept() -> None:
    root = _clean(
        '<div class="embed-wrapper js-embed-consent"><p>External content. Show it with one'
        " click; you agree to the provider's data terms.</p></div>"
        '<blockquote class="twitter-tweet"><p>The ferry is late again, says a reader.</p>'
        "</blockquote>"
    )
    assert "External content" not in _text(root)
    assert "The ferry is late again" in _text(root)


_POST = (
    "<h3>Knitting through the heat wave</h3>"
    "<p>It was thirty-four degrees on the porch, and the sock still grew by an inch an hour,"
    " which says more about stubbornness than about wool.</p>"
    "<p>Tomorrow the pattern, as promised, with the heel turned the lazy way.</p>"
)
_COMMENTS = (
    '<div id="c1001"><p>Lovely colour, and I say that as someone who hates orange.</p>'
    '<p class="posted">Posted by: Reader One | Sep 10, 2012</p></div>'
    '<a id="c1002"></a><p>Is the lazy heel the one with the short rows? Asking for a friend.</p>'
    '<p class="posted">Posted by: Reader Two | Sep 10, 2012</p>'
)


def test_bare_comments_after_a_heading_named_as_the_comments_are_dropped() -> None:
    # Old blog templates print each comment as a bare <div> or <p> after the comments heading,
    # in the post's own container: the heading opens the comment section.
    root = _clean(f'<div class="content">{_POST}<h2 id="comments">Comments</h2>{_COMMENTS}</div>')
    text = _text(root)
    assert "thirty-four degrees" in text and "heel turned the lazy way" in text
    assert "hates orange" not in text
    assert "short rows" not in text


def test_comments_heading_named_by_its_anchor_opens_the_comment_section() -> None:
    root = _clean(
        f'<div class="content">{_POST}<h2><a id="comments"></a>Comments</h2>{_COMMENTS}</div>'
    )
    text = _text(root)
    assert "heel turned the lazy way" in text
    assert "hates orange" not in text and "short rows" not in text


def test_a_link_to_the_comments_in_a_heading_does_not_cut_the_story() -> None:
    # A heading that links to the comments (`href`) is not their heading: nothing after it goes.
    root = _clean(
        '<div class="content"><h2><a class="comments-link" href="#comments">4 Comments</a></h2>'
        f"{_POST}</div>"
    )
    assert "heel turned the lazy way" in _text(root)


def test_a_compound_furniture_word_matches_in_every_spelling() -> None:
    # Blog templates spell the author box `about-author`, `about_author` or `aboutAuthor`,
    # and `postmetadata` is the `post-meta` line of old themes.
    bio = (
        "Jane Doe writes about boats and harbours, and has sailed, rowed and paddled around"
        " three continents."
    )
    for names in ('class="about_author"', 'class="aboutAuthor"', 'id="author_info"'):
        root = _clean(f"{STORY}<div {names}><p>{bio}</p></div>")
        assert "sailed" not in _text(root), names
        assert "harbor commission" in _text(root)


def test_a_bio_box_is_dropped() -> None:
    bio = "Jane Doe covers the waterfront, the ferries and the port for the paper."
    root = _clean(f'{STORY}<div class="bio">{bio}</div><div class="editorBio">{bio}</div>')
    assert "ferries" not in _text(root)


def test_a_paragraph_named_as_meta_is_dropped_however_long_its_text() -> None:
    # An old blog theme's footer line is one long paragraph of filing and feed wording; a
    # container with such a weak name holding prose is still kept (Blogger's `widget Blog`).
    meta = (
        '<p class="postmetadata alt"><small>This item went up on a Tuesday morning in spring'
        " and was filed under harbours and ferries, and readers may follow the replies to it"
        " through the feed of the site.</small></p>"
    )
    root = _clean(f'<div class="widget Blog">{STORY}{meta}</div>')
    assert "filed under" not in _text(root)
    assert "harbor commission" in _text(root)


def test_the_blog_tagline_in_the_header_is_dropped() -> None:
    tagline = (
        "Notes on harbours, ferries, tides, boats, piers, ports, sailors, gulls, nets, ropes,"
        " knots, buoys, cranes, docks and the sea, written by a sailor, for sailors, since 2001"
    )
    root = _clean(f'<div id="header"><div id="blog-description">{tagline}</div></div>{STORY}')
    assert "gulls" not in _text(root)
    assert "harbor commission" in _text(root)


def test_a_post_author_box_is_dropped() -> None:
    bio = (
        "<h3>About the author</h3><p>Jane Doe is a chemist who works on harbour mud, sails on"
        " weekends and hosts a book club about the sea, the tides and the ferries.</p>"
    )
    root = _clean(f'{STORY}<div class="post-author">{bio}</div>')
    assert "chemist" not in _text(root)
    assert "harbor commission" in _text(root)


def test_an_upcoming_events_rail_is_dropped() -> None:
    events = "".join(
        f"<li><b>Harbour fair {i}</b> October {i}, at the pier, with boats and music</li>"
        for i in range(1, 4)
    )
    for names in ('id="featuredEvents"', 'class="module-upcoming-events"'):
        root = _clean(f"{STORY}<div {names}><h4>Featured events</h4><ul>{events}</ul></div>")
        assert "Harbour fair" not in _text(root), names


def test_a_widget_named_photo_box_with_its_caption_after_the_photo_is_kept() -> None:
    # A CMS that names every photo box of the story a widget, with the caption and its credit
    # as plain paragraphs after the photo: the caption pass reads the box.
    root = _clean(
        '<div class="image-widget"><span><img src="/p/1.jpg"></span>'
        "<p>Ferries wait at the quay at dawn</p><p>Image: Lee Grant</p></div>" + STORY
    )
    assert "Ferries wait at the quay at dawn" in _text(root)


def test_a_widget_named_photo_box_with_a_linked_title_is_still_dropped() -> None:
    # A sidebar widget holding a photo and a linked title is a teaser, not a figure.
    root = _clean(
        '<div class="promo-widget"><span><img src="/p/2.jpg"></span>'
        '<p><a href="/other-story">Read our guide to the harbour walks</a></p></div>' + STORY
    )
    assert "guide to the harbour" not in _text(root)


def test_shared_in_a_class_name_is_not_a_share_bar() -> None:
    # A CMS's shared component library names its parts `...-shared-...`; a share bar stays
    # `share-bar`, `sharebar`, `sharedaddy` (Jetpack's share box).
    kept = _clean(f'<div class="headers-shared-inner"><p>{SENTENCE}</p></div>' + STORY)
    assert _text(kept).count("harbor commission") == 6
    for name in ("share-bar", "sharebar", "sharedaddy sd-like"):
        dropped = _clean(f'<div class="{name}"><p>Share this story</p></div>' + STORY)
        assert "Share this story" not in _text(dropped)


def test_a_footer_named_strip_holding_the_caption_of_the_photo_before_it_is_kept() -> None:
    root = _clean(
        '<div class="featured-image"><img src="/p/1.jpg" alt="Clouds">'
        '<div class="featured-image-footer"><div class="featured-image-caption">'
        '<p>Picture: Lee Grant</p></div><div class="socials"><a href="/s">Share</a></div>'
        "</div></div>" + STORY
    )
    assert "Picture: Lee Grant" in _text(root)
    assert "Share" not in _text(root)


def test_a_footer_named_strip_holding_a_bare_figcaption_is_kept() -> None:
    # A `<figcaption>` is a caption container by its tag, with no class or id to name it.
    root = _clean(
        '<div class="featured-image"><img src="/p/1.jpg" alt="Clouds">'
        '<div class="featured-image-footer"><figcaption>Picture: Lee Grant</figcaption>'
        '<div class="socials"><a href="/s">Share</a></div></div></div>' + STORY
    )
    assert "Picture: Lee Grant" in _text(root)


def test_a_footer_after_several_photos_is_still_dropped() -> None:
    root = _clean(
        STORY + '<div><img src="/p/1.jpg"><img src="/p/2.jpg"><div class="site-footer">'
        '<div class="caption">Contact the newsroom</div></div></div>'
    )
    assert "Contact the newsroom" not in _text(root)
