"""Source lines ("Quelle: sid/dpa") and meta authors naming an agency: the story's agencies,
all of them, from a credit printed above or below the story or declared in its metadata."""

from __future__ import annotations

import pytest

from newsextract import extract
from newsextract.fields.bylines import closing_bracket_agencies, source_line_agencies
from newsextract.pipeline.blocks import Segments
from newsextract.pipeline.metadata import Metadata
from newsextract.pipeline.newsfields import news_fields

STORY = "Die Stadt hat am Montag einen neuen Plan für den Hafen vorgestellt, hieß es."


@pytest.mark.parametrize(
    ("line", "agencies"),
    [
        ("Quelle: sid/dpa", "SID/dpa"),
        ("(Quelle: KNA/epd)", "KNA/epd"),
        ("Quelle: zeitung.example, abc/dpa", "dpa"),
        ("Source: Reuters, AFP", "Reuters/AFP"),
        ("Fuente: EFE", "EFE"),
        ("Kaynak: AA", "Anadolu"),
        ("xyz/Reuters", "Reuters"),
        ("dpa/lby", "dpa"),
    ],
)
def test_a_source_line_gives_every_agency_it_names(line: str, agencies: str) -> None:
    assert source_line_agencies(line) == agencies


@pytest.mark.parametrize(
    "line",
    [
        "Quelle: Statistisches Bundesamt",  # a source, no agency
        "Quelle: Stadtwerke und dpa",  # a part that is neither agency nor initials
        "EU/US",  # no label and no agency
        "Die Zahlen nannte dpa am Montag.",  # a sentence
        "Quelle: " + "dpa/" * 30 + "afp",  # too long for a credit
    ],
)
def test_other_lines_are_no_source_line(line: str) -> None:
    assert source_line_agencies(line) is None


@pytest.mark.parametrize(
    ("paragraph", "agencies"),
    [
        ("Der Senat hat den Plan am Montag beschlossen. (dpa/abc)", "dpa"),  # de, initials
        ("Der Senat hat den Plan am Montag beschlossen(dpa)", "dpa"),  # glued to the word
        ("Le Conseil a adopté le projet lundi soir. (ats/xyz)", "Keystone-SDA"),  # fr-CH
        ("Die Bischöfe haben sich verständigt. (KNA, AB)", "KNA"),  # comma before initials
        ("Il governo ha approvato il decreto martedì. (ANSA).", "ANSA"),  # it
        ("Die Ministerin blieb bei ihrer Linie. (APA/dpa)", "APA/dpa"),  # two agencies
        ("(ats/xyz)", "Keystone-SDA"),  # the credit on a line of its own
        ("(KNA, AB)", "KNA"),
        ("(sda)", "Keystone-SDA"),
    ],
)
def test_a_closing_bracket_credit_gives_the_agencies(paragraph: str, agencies: str) -> None:
    assert closing_bracket_agencies(paragraph) == agencies


@pytest.mark.parametrize(
    "paragraph",
    [
        "Why the city cannot build its own bridge? It's complicated (Bloomberg)",  # a link's site
        "Der Senat hat den Plan beschlossen. [dpa]",  # square brackets: a link's source
        "Der Kanzler verteidigte den Plan. (AFP/Getty Images)",  # a photo credit
        "Das sagte am Montag Olaf Muster (SPD).",  # a party, no agency
        "Die Zahlen stammen aus dem Jahr 2024. (Stand: März)",  # a note
        "(Stand: März)",  # a note on a line of its own
        "Ein sehr langer Satz, der erst ganz am Ende des Absatzes in Klammern (Bild: privat)",
        "x" * 60 + " (dpa)",  # a long paragraph's tail that opens with the bracket
    ],
)
def test_other_closing_brackets_are_no_credit(paragraph: str) -> None:
    assert closing_bracket_agencies(paragraph) is None


def test_a_bracketed_credit_closing_the_story_names_its_agency() -> None:
    paragraphs = (STORY, STORY, "Der Senat will im Mai entscheiden. (dpa/xyz)")
    assert _agency(paragraphs) == "dpa"


def test_a_bracketed_credit_in_the_story_opening_is_not_read_as_its_close() -> None:
    paragraphs = ("Der Senat will im Mai entscheiden. (dpa/xyz)", *(STORY,) * 6)
    assert _agency(paragraphs) is None


@pytest.mark.parametrize(
    ("line", "agency"),
    [
        ("Agencia EFE 12.03.2023", "EFE"),  # es
        ("AFP | 03.03.2024, 14:05", "AFP"),  # fr/de: a bar and a time
        ("dpa \u00b7 2024-03-03", "dpa"),  # a middle dot, ISO date
    ],
)
def test_an_agency_and_a_date_over_the_story_give_the_agency(line: str, agency: str) -> None:
    assert _agency((line, STORY, STORY)) == agency


def test_a_date_after_a_name_that_is_no_agency_gives_none() -> None:
    assert _agency(("Stadtwerke 12.03.2023", STORY, STORY)) is None


def _agency(
    paragraphs: tuple[str, ...],
    *,
    bylines: tuple[str, ...] = (),
    source_lines: tuple[str, ...] = (),
    authors: tuple[str, ...] = (),
) -> str | None:
    metadata = Metadata(bylines=bylines, source_lines=source_lines, authors=authors)
    return news_fields(Segments(paragraphs=paragraphs), metadata).agency


def test_a_source_byline_gives_all_its_agencies_not_the_first_one() -> None:
    assert _agency((STORY, STORY), bylines=("Quelle: sid/dpa",)) == "SID/dpa"


def test_a_closing_source_line_names_the_agencies() -> None:
    assert _agency((STORY, STORY, "(Quelle: KNA/epd)")) == "KNA/epd"


def test_an_element_named_as_source_may_hold_one_agency_alone() -> None:
    assert _agency((STORY,), source_lines=("APA",)) == "APA"


def test_a_source_line_opening_the_story_is_a_photo_credit() -> None:
    # Under the lead photo, "Quelle: AFP" credits the picture, not the story.
    assert _agency(("Der Hafen am Morgen.", "Quelle: AFP", *(STORY,) * 6)) is None


PAGE = """<html lang="{lang}"><head><title>T</title>{head}</head><body><article>
<h1>Neuer Plan für den Hafen vorgestellt</h1>
<p>{story}</p><p>{story}</p><p>{story}</p>
<figure><img src="/a.jpg"><figcaption>Der Hafen. <span class="image-source">Quelle: afp</span>
</figcaption></figure>
</article>{foot}</body></html>"""


def _page_agency(head: str = "", foot: str = "", lang: str = "de") -> str | None:
    page = PAGE.format(head=head, foot=foot, lang=lang, story=STORY)
    return extract(page, url="https://zeitung.example/a/hafen-plan").agency


def test_a_source_element_below_the_story_names_the_agencies() -> None:
    foot = '<div><p class="article-footer_source">Quelle: zeitung.example, abc/dpa</p></div>'
    assert _page_agency(foot=foot) == "dpa"


def test_a_source_element_in_a_figure_is_the_photo_credit() -> None:
    assert _page_agency() is None


def test_a_meta_article_author_naming_an_agency_gives_it() -> None:
    head = '<meta name="articleAuthor" content="Anadolu Ajansı">'
    assert _page_agency(head=head, lang="tr") == "Anadolu"


def test_a_source_element_in_a_caption_outside_a_figure_is_the_photo_credit() -> None:
    foot = (
        '<div class="image"><img src="/b.jpg"><span class="caption-source">Der Hafen am'
        ' Abend. <span class="source">Reuters</span></span></div>'
    )
    assert _page_agency(foot=foot) is None
