"""Stage 2b, `_metadata.read_metadata`: what the page says about itself, as raw strings."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from typing import Any

from newsextract import extract
from newsextract.pipeline.metadata import Metadata, read_metadata
from newsextract.pipeline.parse import parse

STORY = "".join(
    f"<p>Paragraph {i} of the story tells readers, at some length, what the council decided"
    " about the ferry terminal, and why.</p>"
    for i in range(4)
)


def _read(head: str = "", body: str = "", html_attrs: str = "") -> Metadata:
    return read_metadata(parse(f"<html{html_attrs}><head>{head}</head><body>{body}</body></html>"))


def _json_ld(data: Any) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


NEWS_ARTICLE = {
    "@type": "NewsArticle",
    "headline": "Council approves new ferry terminal",
    "description": "The vote was seven to two.",
    "datePublished": "2024-03-05T09:30:00-05:00",
    "dateModified": "2024-03-05T11:00:00-05:00",
    "url": "https://gazette.example/news/2024/03/05/ferry-terminal",
    "inLanguage": "en-US",
    "image": {"@type": "ImageObject", "url": "https://gazette.example/img/ferry.jpg"},
    "author": [
        {"@type": "Person", "name": "Dana Whitfield"},
        {"@type": "Organization", "name": "Reuters"},
    ],
    "publisher": {"@type": "Organization", "name": "Harbor Gazette"},
    "keywords": ["ferries", "city council"],
}


# --- JSON-LD ----------------------------------------------------------------------------------


def test_json_ld_news_article_inside_graph() -> None:
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Not the site name", "url": "https://gazette.example/"},
            {"@type": "BreadcrumbList", "itemListElement": []},
            NEWS_ARTICLE,
        ],
    }
    meta = _read(head=_json_ld(graph))
    assert meta.titles == ("Council approves new ferry terminal",)
    assert meta.descriptions == ("The vote was seven to two.",)
    assert meta.published == ("2024-03-05T09:30:00-05:00",)
    assert meta.modified == ("2024-03-05T11:00:00-05:00",)
    assert meta.urls == ("https://gazette.example/news/2024/03/05/ferry-terminal",)
    assert meta.languages == ("en-US",)
    assert meta.images == ("https://gazette.example/img/ferry.jpg",)
    assert meta.site_names == ("Harbor Gazette",)
    assert meta.tags == ("ferries", "city council")


def test_json_ld_news_article_in_a_top_level_list() -> None:
    data = [
        {"@type": "BreadcrumbList"},
        {
            "@type": ["NewsArticle"],
            "headline": "Lighthouse keeper retires after forty years",
            "author": {"@type": "Person", "name": "Ann Lee"},
            "datePublished": "2023-05-01",
        },
    ]
    meta = _read(head=_json_ld(data))
    assert meta.titles == ("Lighthouse keeper retires after forty years",)
    assert meta.authors == ("Ann Lee",)
    assert meta.published == ("2023-05-01",)


def test_json_ld_author_person_vs_organization() -> None:
    meta = _read(head=_json_ld(NEWS_ARTICLE))
    assert meta.authors == ("Dana Whitfield",)
    assert meta.author_orgs == ("Reuters",)


def test_json_ld_author_as_plain_strings() -> None:
    data = {"@type": "Article", "headline": "H", "author": ["Ines Moreau", "Tom Baker"]}
    assert _read(head=_json_ld(data)).authors == ("Ines Moreau", "Tom Baker")


def test_json_ld_keywords_as_comma_separated_string() -> None:
    data = {"@type": "NewsArticle", "headline": "H", "keywords": "harbor, ferries ,  budget"}
    assert _read(head=_json_ld(data)).tags == ("harbor", "ferries", "budget")


def test_json_ld_that_is_not_an_article_is_ignored() -> None:
    data = {"@type": "Organization", "name": "Harbor Gazette", "url": "https://gazette.example/"}
    meta = _read(head=_json_ld(data))
    assert meta.titles == ()
    assert meta.urls == ()


def test_invalid_json_ld_is_skipped_and_the_rest_still_read() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>'
        + _json_ld({"@type": "NewsArticle", "headline": "Valid one"})
    )
    assert _read(head=head).titles == ("Valid one",)


def test_json_ld_wins_over_opengraph_in_order() -> None:
    head = _json_ld(NEWS_ARTICLE) + '<meta property="og:title" content="OG title of the story">'
    meta = _read(head=head)
    assert meta.titles == ("Council approves new ferry terminal", "OG title of the story")


# --- OpenGraph and meta tags ------------------------------------------------------------------


def test_opengraph_fields() -> None:
    head = (
        '<meta property="og:title" content="Tall ships arrive for the festival">'
        '<meta property="og:site_name" content="Coast Courier">'
        '<meta property="og:description" content="Twelve ships sailed in on Friday.">'
        '<meta property="og:image" content="https://courier.example/img/ships.jpg">'
        '<meta property="og:url" content="https://courier.example/2024/06/07/tall-ships">'
        '<meta property="og:locale" content="fr_FR">'
    )
    meta = _read(head=head)
    assert meta.titles == ("Tall ships arrive for the festival",)
    assert meta.site_names == ("Coast Courier",)
    assert meta.descriptions == ("Twelve ships sailed in on Friday.",)
    assert meta.images == ("https://courier.example/img/ships.jpg",)
    assert meta.urls == ("https://courier.example/2024/06/07/tall-ships",)
    assert meta.languages == ("fr_FR",)


def test_article_published_and_modified_time() -> None:
    head = (
        '<meta property="article:published_time" content="2024-06-07T08:15:00+02:00">'
        '<meta property="article:modified_time" content="2024-06-07T10:45:00+02:00">'
    )
    meta = _read(head=head)
    assert meta.published == ("2024-06-07T08:15:00+02:00",)
    assert meta.modified == ("2024-06-07T10:45:00+02:00",)


def test_time_datetime_is_a_published_candidate_after_meta() -> None:
    head = '<meta property="article:published_time" content="2024-06-07T08:15:00Z">'
    body = '<p>Posted <time datetime="2024-06-06T21:00:00-04:00">June 6</time></p>'
    meta = _read(head=head, body=body)
    assert meta.published == ("2024-06-07T08:15:00Z", "2024-06-06T21:00:00-04:00")


def test_time_without_datetime_attribute_is_not_read() -> None:
    assert _read(body="<time>June 6, 2024</time>").published == ()


def test_canonical_link() -> None:
    head = '<link rel="canonical" href="https://courier.example/2024/06/07/tall-ships">'
    assert _read(head=head).urls == ("https://courier.example/2024/06/07/tall-ships",)


def test_html_lang() -> None:
    assert _read(html_attrs=' lang="de-AT"').languages == ("de-AT",)


def test_keywords_meta_split_on_commas_and_deduplicated() -> None:
    head = (
        '<meta name="keywords" content="harbor, transport , ferries,">'
        '<meta name="news_keywords" content="ferries, budget">'
    )
    assert _read(head=head).tags == ("harbor", "transport", "ferries", "budget")


def test_article_tag_meta_repeated() -> None:
    head = (
        '<meta property="article:tag" content="Sailing">'
        '<meta property="article:tag" content="Events">'
    )
    assert _read(head=head).tags == ("Sailing", "Events")


def test_author_meta_and_printed_byline() -> None:
    meta = _read(
        head='<meta name="author" content="Jo March">',
        body='<div class="byline">By Sam Rivers</div>',
    )
    assert meta.authors == ("Jo March",)
    assert meta.bylines == ("By Sam Rivers",)


def test_base_href_h1_and_page_title() -> None:
    meta = _read(
        head='<title>Tall ships arrive | Coast Courier</title><base href="https://cdn.example/">',
        body="<h1>  Tall ships\n arrive  </h1>",
    )
    assert meta.base_href == "https://cdn.example/"
    assert meta.h1 == "Tall ships arrive"
    assert meta.titles == ("Tall ships arrive | Coast Courier",)


def test_values_are_whitespace_normalised() -> None:
    head = '<meta property="og:title" content="  Tall\n   ships   arrive ">'
    assert _read(head=head).titles == ("Tall ships arrive",)


def test_tags_and_attributes_of_one_field_keep_document_order() -> None:
    # Metadata tags and microdata attributes are found by different means; their values still
    # come in page order, and a <time> is read both as a tag and by its attributes.
    body = (
        '<span itemprop="datePublished" content="2024-06-05">x</span>'
        '<meta property="article:published_time" content="2024-06-06">'
        '<span itemprop="datePublished" content="2024-06-07">y</span>'
        '<time itemprop="dateModified" datetime="2024-06-08">June 8</time>'
    )
    meta = _read(body=body)
    assert meta.published == ("2024-06-05", "2024-06-06", "2024-06-07", "2024-06-08")
    assert meta.modified == ("2024-06-08",)


def test_class_words_are_matched_whatever_their_case() -> None:
    body = (
        '<div class="Post-AUTHOR">By Sam Rivers</div><div class="author-Bio">Sam writes.</div>'
        '<span class="Updated-Date" content="2024-06-08T10:00">x</span>'
        '<span class="PubDate">June 7, 2024</span>'
    )
    meta = _read(body=body)
    assert meta.bylines == ("By Sam Rivers",)
    assert meta.modified == ("2024-06-08T10:00",)
    assert meta.printed_dates == ("June 7, 2024",)


def test_page_without_metadata_gives_empty_metadata() -> None:
    assert _read(body="<p>Nothing declared here.</p>") == Metadata()


# --- through extract() ------------------------------------------------------------------------


def test_metadata_reaches_the_article() -> None:
    page = (
        '<html lang="en-GB"><head>'
        + _json_ld({"@graph": [NEWS_ARTICLE]})
        + '<meta name="keywords" content="harbor">'
        + '<link rel="canonical" href="https://gazette.example/canonical-ferry-terminal">'
        + "</head><body><article><h1>Council approves new ferry terminal</h1>"
        + STORY
        + "</article></body></html>"
    )
    article = extract(page)
    assert article.url == "https://gazette.example/news/2024/03/05/ferry-terminal"
    assert article.headline == "Council approves new ferry terminal"
    assert article.authors == ("Dana Whitfield",)
    assert article.agency == "Reuters"
    assert article.published == datetime(2024, 3, 5, 9, 30, tzinfo=timezone(timedelta(hours=-5)))
    assert article.modified == datetime(2024, 3, 5, 11, 0, tzinfo=timezone(timedelta(hours=-5)))
    assert article.site_name == "Harbor Gazette"
    assert article.language == "en"
    assert article.description == "The vote was seven to two."
    assert article.top_image == "https://gazette.example/img/ferry.jpg"
    assert article.tags == ("ferries", "city council", "harbor")


def test_canonical_url_is_the_article_url_when_none_given() -> None:
    page = (
        '<html><head><link rel="canonical" href="https://courier.example/2024/06/07/tall-ships">'
        "</head><body><article>" + STORY + "</article></body></html>"
    )
    assert extract(page).url == "https://courier.example/2024/06/07/tall-ships"
    assert extract(page, url="https://given.example/x").url == "https://given.example/x"


def test_language_from_html_lang_is_normalised() -> None:
    # The story is English: a region subtag is dropped, and the source is the attribute.
    page = '<html lang="en-GB"><body><article>' + STORY + "</article></body></html>"
    assert (extract(page).language, extract(page).language_source) == ("en", "html")


def test_a_byline_in_a_featured_teaser_holding_the_first_h1_is_not_the_story() -> None:
    # The page's first <h1> is a featured teaser's; the story is the longer <article> beside it
    # (no <h1> of its own), so its byline stands: a shorter <article> than the headline's is
    # a card, a longer one is not.
    story = "<p>" + "The council met again on Tuesday to weigh the harbour plan. " * 8 + "</p>"
    page = (
        "<html><body><article class='featured'><h1>Ferry fares to rise</h1>"
        "<span class='byline'>By Tom Reed</span></article>"
        f"<article class='story'><span class='byline'>By Ruth Ellison</span>{story}</article>"
        "</body></html>"
    )
    assert "By Ruth Ellison" in read_metadata(parse(page)).bylines


def test_bylines_in_teaser_cards_promos_quotes_and_comments_are_not_read() -> None:
    story = "<p>" + "The council met again on Tuesday to weigh the harbour plan. " * 8 + "</p>"
    page = (
        "<html><body><article><h1>Harbour plan approved</h1>"
        f"<span class='byline'>By Ruth Ellison</span>{story}"
        "<blockquote><p>We waited long enough.</p><cite class='quote-author'>Ann Lowe</cite>"
        "</blockquote><article><span class='author'>By Tom Reed</span></article></article>"
        "<div class='related-posts'><span class='author'>By Joe Marsh</span></div>"
        "<ol class='comment-list'><li><span class='comment-author'>Kay Dunn</span></li></ol>"
        "<div class='teaser'><h3><a href='/ferries'>Ferry fares</a></h3>"
        "<p class='author'>By Ann Marsh</p></div>"
        "<div class='promo-box'><span class='author'>By Lee Dunn</span></div>"
        "</body></html>"
    )
    assert read_metadata(parse(page)).bylines == ("By Ruth Ellison",)


def test_a_byline_element_is_a_byline() -> None:
    # `<byline>`: no class to name it, the tag says it.
    assert _read(body="<byline>By Ruth Ellison</byline>").bylines == ("By Ruth Ellison",)


def test_names_printed_as_sibling_elements_are_kept_apart() -> None:
    byline = (
        "<div class='article-byline'><span>Ruth Ellison</span> <span>Tom Reed</span>"
        " <span>Ann Marie Lowe</span></div>"
    )
    assert _read(body=byline).bylines == ("Ruth Ellison, Tom Reed, Ann Marie Lowe",)


def test_a_name_split_into_first_and_last_name_elements_stays_one() -> None:
    byline = "<div class='byline'><span class='given'>Ruth</span> <span>Ellison</span></div>"
    assert _read(body=byline).bylines == ("Ruth Ellison",)


def test_a_publication_beside_a_list_of_names_is_not_split_off() -> None:
    byline = (
        "<div class='byline'><span>Ruth Ellison and Tom Reed</span>"
        " <span>HARBOR GAZETTE</span></div>"
    )
    assert _read(body=byline).bylines == ("Ruth Ellison and Tom Reed HARBOR GAZETTE",)


def test_entities_escaped_twice_in_text_values_are_decoded() -> None:
    head = (
        '<meta property="og:title" content="K&amp;uuml;hlt&amp;uuml;rme gesprengt">'
        '<meta property="og:description" content="It&amp;#039;s done">'
        '<meta property="og:url" content="https://gazette.example/a?x=1&amp;copy=2">'
    )
    found = _read(head=head)
    assert found.titles == ("Kühltürme gesprengt",)
    assert found.descriptions == ("It's done",)
    assert found.urls == ("https://gazette.example/a?x=1&copy=2",)


def test_a_declared_author_the_copyright_notice_names_is_the_publisher() -> None:
    head = (
        '<meta name="author" content="Harbour Media Group">'
        '<meta name="copyright" content="Copyright (c) Harbour Media Group 2024">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "author":'
        ' {"@type": "Person", "name": "Marta Quintero"}}</script>'
    )
    assert _read(head=head).authors == ("Marta Quintero",)


def test_the_rights_holder_as_the_only_author_is_kept() -> None:
    head = (
        '<meta name="author" content="Marta Quintero">'
        '<meta name="copyright" content="© Marta Quintero 2024">'
    )
    assert _read(head=head).authors == ("Marta Quintero",)
