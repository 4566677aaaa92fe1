"""Stage 7, `_assemble.assemble`: headline, dates and absolute http(s) URLs reconciled."""

from __future__ import annotations

import pytest

from newsextract import Caption, NewsextractError, RelatedLink, extract
from newsextract.pipeline.assemble import absolute_url, assemble, site_host
from newsextract.pipeline.blocks import RawCaption, RawLink, Segments
from newsextract.pipeline.metadata import Metadata
from newsextract.pipeline.newsfields import NewsFields

PAGE_URL = "https://gazette.example/news/2024/03/05/ferry-terminal"
HEADLINE = "Council approves the new ferry terminal after a long debate"
STORY = "".join(
    f"<p>Paragraph {i} of the story tells readers, at some length, what the council decided"
    " about the ferry terminal, and why.</p>"
    for i in range(4)
)
NO_FIELDS = NewsFields(dateline=None, agency=None, authors=(), captions=())
UNSAFE = ("javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,hi", "file:///etc/passwd")


def _assemble(
    *,
    related: tuple[RawLink, ...] = (),
    captions: tuple[RawCaption, ...] = (),
    metadata: Metadata | None = None,
    url: str | None = PAGE_URL,
    headline: str | None = None,
) -> tuple[RelatedLink, ...]:
    fields = NewsFields(dateline=None, agency=None, authors=(), captions=captions)
    article = assemble(
        Segments(related=related, headline=headline), fields, metadata or Metadata(), url=url
    )
    return article.related


def _headline(title: str, site_name: str | None = None, printed: str | None = None) -> str | None:
    metadata = Metadata(titles=(title,), site_names=(site_name,) if site_name else ())
    segments = Segments(headline=printed)
    return assemble(segments, NO_FIELDS, metadata, url=None).headline


# --- headline ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        f"{HEADLINE} | Harbor Gazette",
        f"{HEADLINE} - Harbor Gazette Online",
        f"{HEADLINE} – Harbor Gazette",
        f"{HEADLINE} — The Gazette",
        f"Harbor Gazette | {HEADLINE}",
    ],
)
def test_site_name_suffix_is_stripped(title: str) -> None:
    assert _headline(title) == HEADLINE


def test_declared_site_name_is_stripped_even_when_long() -> None:
    title = "Ferry terminal approved - The Harbor Gazette and Evening Courier"
    assert (
        _headline(title, site_name="The Harbor Gazette and Evening Courier")
        == "Ferry terminal approved"
    )


def test_title_without_separator_is_kept() -> None:
    assert _headline(HEADLINE) == HEADLINE


def test_hyphen_inside_words_is_not_a_separator() -> None:
    title = "Cross-harbor ferry terminal gets a go-ahead from the council"
    assert _headline(title) == title


def test_printed_headline_wins_when_it_agrees_with_the_title() -> None:
    printed = "Council approves new ferry terminal"
    assert _headline(f"{printed} | Harbor Gazette", printed=printed) == printed


def test_unrelated_printed_heading_loses_to_the_declared_title() -> None:
    assert _headline(f"{HEADLINE} | Harbor Gazette", printed="Weather") == HEADLINE


@pytest.mark.parametrize(
    "head",
    [
        f"<title>{HEADLINE} | Harbor Gazette</title>",
        f'<meta property="og:title" content="{HEADLINE} - Harbor Gazette Online">',
    ],
)
def test_headline_site_name_stripped_through_extract(head: str) -> None:
    page = f"<html><head>{head}</head><body><div>{STORY}</div></body></html>"
    assert extract(page).headline == HEADLINE


def _h1_page(h1: str, title: str = "Ferry fares") -> str:
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{h1}</h1>"
        f"<div class='story'>{STORY}</div></article></body></html>"
    )


def test_soft_hyphens_are_not_in_the_headline() -> None:
    page = _h1_page("Commuters face steep&shy;er ferry fares from Septem&shy;ber", "Ferry fares")
    assert extract(page).headline == "Commuters face steeper ferry fares from September"


def test_a_colon_hidden_for_screen_readers_stays_in_the_headline() -> None:
    # No declared title repeats the headline: the colon comes from the <h1> as printed.
    h1 = (
        "<span>Ferry fares<span class='visually-hidden'>:</span></span>"
        " <span>Commuters face a twelve percent rise from May</span>"
    )
    headline = extract(_h1_page(h1, "Ferry fares rise")).headline
    assert headline == "Ferry fares: Commuters face a twelve percent rise from May"


# --- URLs -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("href", "base", "expected"),
    [
        ("/news/a-story", PAGE_URL, "https://gazette.example/news/a-story"),
        ("../../02/01/b-story", PAGE_URL, "https://gazette.example/news/2024/02/01/b-story"),
        ("//cdn.example/img.jpg", PAGE_URL, "https://cdn.example/img.jpg"),
        ("  https://other.example/x  ", None, "https://other.example/x"),
        ("http://other.example/x", PAGE_URL, "http://other.example/x"),
        ("/relative/without/base", None, None),
        ("mailto:desk@gazette.example", PAGE_URL, None),
        ("ftp://files.example/x", PAGE_URL, None),
        ("", PAGE_URL, None),
        (None, PAGE_URL, None),
        ("http://[bad", PAGE_URL, None),
        *((u, PAGE_URL, None) for u in UNSAFE),
    ],
)
def test_absolute_url(href: str | None, base: str | None, expected: str | None) -> None:
    assert absolute_url(href, base) == expected


def test_relative_related_urls_made_absolute_against_page_url() -> None:
    related = _assemble(
        related=(
            RawLink("Old pier closes after storm damage", "/news/2024/02/10/old-pier-closes"),
            RawLink("Harbor budget vote delayed again", "../2024/02/01/harbor-budget-vote"),
        )
    )
    assert related == (
        RelatedLink(
            "Old pier closes after storm damage",
            "https://gazette.example/news/2024/02/10/old-pier-closes",
        ),
        RelatedLink(
            "Harbor budget vote delayed again",
            "https://gazette.example/news/2024/03/2024/02/01/harbor-budget-vote",
        ),
    )


@pytest.mark.parametrize(
    ("base_href", "expected"),
    [
        ("https://archive.gazette.example/stories/", "https://archive.gazette.example/stories/"),
        ("/stories/", "https://gazette.example/stories/"),
        ("javascript:alert(1)", "https://gazette.example/news/2024/03/05/"),
    ],
)
def test_related_urls_resolved_against_base_href(base_href: str, expected: str) -> None:
    related = _assemble(
        related=(RawLink("Old pier closes after storm damage", "old-pier-closes-123"),),
        metadata=Metadata(base_href=base_href),
    )
    assert related == (
        RelatedLink("Old pier closes after storm damage", expected + "old-pier-closes-123"),
    )


def test_base_href_through_extract() -> None:
    page = (
        '<html><head><base href="https://archive.gazette.example/stories/"></head><body>'
        f"<article><h1>Ferry</h1>{STORY}"
        '<div class="related-stories"><a href="2024/old-pier-closes">'
        "Old pier closes after storm damage</a></div></article></body></html>"
    )
    article = extract(page, url=PAGE_URL)
    assert article.related == (
        RelatedLink(
            "Old pier closes after storm damage",
            "https://archive.gazette.example/stories/2024/old-pier-closes",
        ),
    )


def test_unsafe_urls_never_reach_related() -> None:
    related = _assemble(
        related=tuple(
            RawLink(f"Story number {i} with a long title", u) for i, u in enumerate(UNSAFE)
        )
    )
    assert related == ()


def test_unsafe_urls_never_reach_top_image_or_captions() -> None:
    metadata = Metadata(images=(*UNSAFE, "/img/ferry-card.jpg"))
    captions = tuple(RawCaption(text=f"Caption {i}.", image_url=u) for i, u in enumerate(UNSAFE))
    fields = NewsFields(dateline=None, agency=None, authors=(), captions=captions)
    article = assemble(Segments(), fields, metadata, url=PAGE_URL)
    assert article.top_image == "https://gazette.example/img/ferry-card.jpg"
    assert [c.image_url for c in article.captions] == [None] * len(UNSAFE)
    assert [c.text for c in article.captions] == [f"Caption {i}." for i in range(len(UNSAFE))]


def test_unsafe_urls_never_emitted_through_extract() -> None:
    page = (
        '<html><head><meta property="og:image" content="javascript:alert(2)">'
        '<meta name="twitter:image" content="data:image/png;base64,iVBORw0KGgo="></head><body>'
        "<article><h1>Ferry</h1>"
        '<figure><img src="javascript:void(0)"><figcaption>The terminal at night.</figcaption>'
        "</figure>"
        '<figure><img src="file:///etc/hosts"><figcaption>The old pier at dawn.</figcaption>'
        f"</figure>{STORY}"
        '<div class="related-stories"><ul>'
        '<li><a href="javascript:alert(1)">Click this javascript link now</a></li>'
        '<li><a href="data:text/html,hi">A data URL story link text</a></li>'
        '<li><a href="file:///etc/passwd">A file URL story link text</a></li>'
        "</ul></div></article></body></html>"
    )
    article = extract(page, url=PAGE_URL)
    assert article.top_image is None
    assert [(c.text, c.image_url) for c in article.captions] == [
        ("The terminal at night.", None),
        ("The old pier at dawn.", None),
    ]
    assert article.related == ()
    for scheme in ("javascript:", "data:", "file:"):
        assert scheme not in article.to_json().lower()


def test_duplicate_related_links_removed() -> None:
    related = _assemble(
        related=(
            RawLink("Old pier closes after storm damage", "/news/2024/02/10/old-pier-closes"),
            RawLink("Harbor budget vote delayed again", "/news/2024/02/01/harbor-budget"),
            RawLink("Old pier closes after storm damage", "/news/2024/02/10/old-pier-closes"),
            RawLink(
                "Old pier closes after storm damage",
                "https://gazette.example/news/2024/02/10/old-pier-closes",
            ),
            RawLink("Text-only related story title", None),
            RawLink("TEXT-ONLY related story title", None),
        )
    )
    assert [r.text for r in related] == [
        "Old pier closes after storm damage",
        "Harbor budget vote delayed again",
        "Text-only related story title",
    ]


def test_related_link_differing_only_by_fragment_is_a_duplicate() -> None:
    related = _assemble(
        related=(
            RawLink("Old pier closes after storm damage", "/news/2024/02/10/old-pier-closes"),
            RawLink("Old pier closes: read the comments", "/news/2024/02/10/old-pier-closes#c"),
        )
    )
    assert len(related) == 1


@pytest.mark.parametrize(
    "href",
    [
        PAGE_URL,
        PAGE_URL + "#comments",
        PAGE_URL + "/",
        "/news/2024/03/05/ferry-terminal",
        "ferry-terminal",
    ],
)
def test_the_articles_own_url_is_excluded(href: str) -> None:
    related = _assemble(
        related=(
            RawLink("This very story, linked from itself", href),
            RawLink("Old pier closes after storm damage", "/news/2024/02/10/old-pier-closes"),
        )
    )
    assert [r.text for r in related] == ["Old pier closes after storm damage"]


def test_section_and_home_links_are_not_related() -> None:
    related = _assemble(
        related=(
            RawLink("Back to the home page", "/"),
            RawLink("More world news here", "/world/"),
            RawLink("All stories tagged economy", "/tag/economy-and-business"),
            RawLink("Old pier closes after storm damage", "/news/2024/02/10/old-pier-closes"),
        )
    )
    assert [r.text for r in related] == ["Old pier closes after storm damage"]


def test_related_text_is_whitespace_normalised_and_empty_text_dropped() -> None:
    related = _assemble(
        related=(
            RawLink("  Old pier\n closes   after storm  ", "/news/2024/02/10/old-pier-closes"),
            RawLink("   ", "/news/2024/02/11/blank-title-story"),
        )
    )
    assert related == (
        RelatedLink(
            "Old pier closes after storm",
            "https://gazette.example/news/2024/02/10/old-pier-closes",
        ),
    )


def test_text_only_related_without_page_url() -> None:
    related = _assemble(related=(RawLink("Ferry fares to rise next spring"),), url=None)
    assert related == (RelatedLink("Ferry fares to rise next spring", None),)


def test_relative_related_link_without_any_base_is_dropped() -> None:
    related = _assemble(
        related=(RawLink("Old pier closes after storm damage", "/news/2024/02/10/old-pier"),),
        url=None,
    )
    assert related == ()


# --- page URL, captions, language -------------------------------------------------------------


def test_page_url_given_wins_and_canonical_is_the_fallback() -> None:
    metadata = Metadata(urls=("/relative-canonical", "https://gazette.example/canonical-story"))
    assert assemble(Segments(), NO_FIELDS, metadata, url=PAGE_URL).url == PAGE_URL
    assert (
        assemble(Segments(), NO_FIELDS, metadata, url=None).url
        == "https://gazette.example/canonical-story"
    )
    assert site_host(None, metadata) == "gazette.example"


def test_caption_with_neither_text_nor_credit_dropped() -> None:
    captions = (
        RawCaption(text="", image_url="/a.jpg"),
        RawCaption(text="", credit="AP Photo/Jo Lee"),
        RawCaption(text="The pier.", image_url="/b.jpg", credit="Jo Lee"),
    )
    fields = NewsFields(dateline=None, agency=None, authors=(), captions=captions)
    article = assemble(Segments(), fields, Metadata(), url=PAGE_URL)
    assert article.captions == (
        Caption(text="", credit="AP Photo/Jo Lee", image_url=None),
        Caption(text="The pier.", credit="Jo Lee", image_url="https://gazette.example/b.jpg"),
    )


@pytest.mark.parametrize(
    ("languages", "expected"),
    [
        (("en-US",), "en"),
        (("pt_BR",), "pt"),
        (("DE",), "de"),
        (("not a language", "fr"), "fr"),
        ((), None),
    ],
)
def test_language_normalised(languages: tuple[str, ...], expected: str | None) -> None:
    metadata = Metadata(languages=languages, language_sources=("meta",) * len(languages))
    article = assemble(Segments(), NO_FIELDS, metadata, url=None)
    assert article.language == expected


def test_malformed_page_url_is_not_a_crash() -> None:
    page = f"<html><body><article><h1>Ferry</h1>{STORY}</article></body></html>"
    try:
        article = extract(page, url="http://[bad")
    except NewsextractError:
        return
    assert article.paragraphs


# --- headline: agreement between the printed headline and the declared titles ----------------

_LEAD = (
    "<p>The harbour council met for six hours on Tuesday evening and, after a long and heated"
    " debate, voted to approve the ferry terminal that residents have argued over for years.</p>"
)


def _page(head: str, header: str) -> str:
    return f"<html><head>{head}</head><body><article>{header}{_LEAD}{STORY}</article></body></html>"


def test_kicker_printed_in_the_h1_and_declared_in_og_title_is_kept() -> None:
    # The kicker sits in an element of its own inside the <h1>, a hidden colon after it.
    head = '<meta property="og:title" content="Harbour vote: Council approves ferry terminal">'
    header = (
        '<h1><span class="headline-kicker">Harbour vote</span><span class="sr-only">: </span>'
        "<span>Council approves ferry terminal</span></h1>"
    )
    assert extract(_page(head, header)).headline == "Harbour vote: Council approves ferry terminal"


def test_kicker_printed_above_the_h1_and_declared_in_json_ld_is_kept() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline":'
        ' "After the long debate: Council approves ferry terminal"}</script>'
    )
    header = (
        '<div class="topic">After the long debate</div><h1>Council approves ferry terminal</h1>'
    )
    assert extract(_page(head, header)).headline == (
        "After the long debate: Council approves ferry terminal"
    )


def test_kicker_only_in_the_page_title_is_left_out() -> None:
    # `<title>` leads with the section's name; the page prints it in the menu above the h1.
    head = "<title>Harbour: Council approves ferry terminal | Gazette</title>"
    header = "<div>Harbour</div><h1>Council approves ferry terminal</h1>"
    assert extract(_page(head, header)).headline == "Council approves ferry terminal"


def test_kicker_not_printed_beside_the_headline_is_left_out() -> None:
    head = '<meta property="og:title" content="Harbour vote: Council approves ferry terminal">'
    header = "<h1>Council approves ferry terminal</h1>"
    assert extract(_page(head, header)).headline == "Council approves ferry terminal"


def test_declared_spelling_restores_a_hidden_colon() -> None:
    # Cleaning drops the screen-reader colon; og:title prints the same words with it.
    head = '<meta property="og:title" content="Harbour vote: “We will build it”">'
    header = (
        '<h1><span data-part="kicker">Harbour vote</span><span class="visually-hidden">:</span>'
        " <span>“We will build it”</span></h1>"
    )
    assert extract(_page(head, header)).headline == "Harbour vote: “We will build it”"


def test_printed_typography_wins_over_the_declared_one() -> None:
    head = '<meta property="og:title" content="Council\'s ferry terminal approved -- at last">'
    header = "<h1>Council’s ferry terminal approved — at last</h1>"
    assert extract(_page(head, header)).headline == "Council’s ferry terminal approved — at last"


def test_site_name_cut_does_not_hide_the_kicker() -> None:
    # " - and four more words" reads like a site name to the cut; the whole title agrees.
    head = (
        '<meta property="og:title" content="Harbour vote: Two resignations - and many open'
        ' questions">'
    )
    header = (
        '<h1><span class="topline">Harbour vote</span>'
        "<span>Two resignations - and many open questions</span></h1>"
    )
    assert extract(_page(head, header)).headline == (
        "Harbour vote: Two resignations - and many open questions"
    )


def test_a_paragraph_repeating_the_standfirst_leaves_the_body() -> None:
    # A body from the fallback reads the page again and takes the summary in with the story.
    standfirst = "Five pupils forced their way into two rooms at night, the charge says."
    segments = Segments(paragraphs=(standfirst, "Story sentence."), standfirst=standfirst)
    article = assemble(segments, NO_FIELDS, Metadata(), url=None)
    assert article.standfirst == standfirst
    assert article.paragraphs == ("Story sentence.",)


def test_a_body_line_repeating_the_headline_glued_at_its_colon_is_the_headline() -> None:
    h1 = "Ferry fares: Commuters face a twelve percent rise from May"
    glued = (
        "<h2><span>Ferry fares</span>"
        "<span>Commuters face a twelve percent rise from May</span></h2>"
    )
    page = (
        f"<html><head><title>Ferry fares rise</title></head><body><article><h1>{h1}</h1>"
        f"<div class='story'>{glued}{STORY}</div></article></body></html>"
    )
    article = extract(page)
    assert article.headline == h1
    assert not any("Commuters face" in p for p in article.paragraphs)


def test_labels_above_the_bodys_copy_of_the_headline_are_its_kicker() -> None:
    headline = "Lindmark waits for the ferry vote"
    segments = Segments(
        paragraphs=("Harbour", "Council", headline, "The council meets on Tuesday evening."),
        headline=headline,
    )
    article = assemble(segments, NO_FIELDS, Metadata(), url=None)
    assert article.paragraphs == ("The council meets on Tuesday evening.",)
    # A sentence above the copy is the story's own: nothing above it goes.
    segments = Segments(
        paragraphs=("The vote was delayed twice.", headline, "The council meets on Tuesday."),
        headline=headline,
    )
    article = assemble(segments, NO_FIELDS, Metadata(), url=None)
    assert article.paragraphs == ("The vote was delayed twice.", "The council meets on Tuesday.")
