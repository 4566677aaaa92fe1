"""Stage 6 on segmented stories: where the dateline is looked for (past furniture lines
above the story, then the standfirst) and where it is not."""

from __future__ import annotations

import pytest

from newsextract import extract
from newsextract.pipeline.blocks import Segments
from newsextract.pipeline.metadata import Metadata
from newsextract.pipeline.newsfields import news_fields

STORY = "Die Stadt hat am Montag einen neuen Plan für den Hafen vorgestellt, hieß es."


def _dateline(
    paragraphs: tuple[str, ...], standfirst: str | None = None, language: str = "de"
) -> str | None:
    segments = Segments(paragraphs=paragraphs, standfirst=standfirst)
    metadata = Metadata(languages=(language,), language_sources=("html",))
    return news_fields(segments, metadata).dateline


@pytest.mark.parametrize(
    "furniture",
    [
        ("dpa", "12.03.2025 - 15:26 Uhr"),
        ("Hafenstreit", "Neuer Plan: Senat setzt sich durch"),
        ("Hafenstreit", "Neuer Plan", "3 Min. Lesezeit"),
    ],
)
def test_the_dateline_is_found_past_furniture_lines(furniture: tuple[str, ...]) -> None:
    assert _dateline((*furniture, f"Hamburg - {STORY}", STORY)) == "Hamburg"


def test_past_two_story_paragraphs_no_dateline_is_read() -> None:
    # A third paragraph that opens like a dateline is a quoted release, not the story's.
    paragraphs = (STORY, STORY, f"HAMBURG - {STORY}")
    assert _dateline(paragraphs) is None


def test_a_long_line_without_a_full_stop_is_text_not_furniture() -> None:
    long_line = "Die Stadt hat am Montag einen neuen Plan vorgestellt " * 4
    assert _dateline(("Hafenstreit", long_line, f"Hamburg - {STORY}")) is None


def test_the_standfirst_gives_the_dateline_when_the_story_does_not() -> None:
    assert _dateline((STORY, STORY), standfirst=f"Berlin. {STORY}") == "Berlin"
    assert _dateline((STORY,), standfirst=f"Berlin. {STORY}", language="en") is None


def test_a_label_in_capitals_opening_the_standfirst_is_no_dateline() -> None:
    assert _dateline((STORY,), standfirst=f"DER STAND DER DINGE - {STORY}") is None
    assert _dateline((STORY,), standfirst=f"BERLIN (dpa) - {STORY}") == "BERLIN"


# --- authors: bylines without an element of their own, and bylines that are not the story's ---

_PROSE = (
    "<p>The harbour council met for six hours on Tuesday evening and voted, after a long and"
    " heated debate, to approve the ferry terminal that residents have argued over for years.</p>"
)


def _story(inner: str, head: str = "") -> str:
    return (
        f"<html><head>{head}</head><body><article><h1>Council approves ferry terminal</h1>"
        f"{inner}</article></body></html>"
    )


def test_a_name_alone_in_bold_above_the_story_is_its_byline() -> None:
    page = _story("<p><strong>Marta Quintero/Olu Bankole</strong></p>" + _PROSE * 4)
    assert extract(page).authors == ("Marta Quintero", "Olu Bankole")


def test_a_sign_off_with_the_name_alone_is_the_byline() -> None:
    page = _story(_PROSE * 4 + "<p><strong>Marta Quintero</strong></p>")
    assert extract(page).authors == ("Marta Quintero",)


@pytest.mark.parametrize(
    "line",
    [
        "<p>\u2013 Marta Quintero</p>",  # en dash sign-off
        "<p>\u2014 Marta Quintero</p>",  # em dash
    ],
)
def test_a_dash_sign_off_in_plain_type_is_the_byline(line: str) -> None:
    assert extract(_story(_PROSE * 4 + line)).authors == ("Marta Quintero",)


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("<p>By Marta Quintero</p>", "Marta Quintero"),  # en
        ("<p>Von: Marta Quintero</p>", "Marta Quintero"),  # de
        ("<p>Auteur : Marta Quintero</p>", "Marta Quintero"),  # fr
        ("<p>Autore: Marta Quintero</p>", "Marta Quintero"),  # it
    ],
)
def test_a_lead_in_line_in_plain_type_above_the_story_is_the_byline(line: str, name: str) -> None:
    assert extract(_story(line + _PROSE * 4)).authors == (name,)


@pytest.mark.parametrize(
    "lines",
    [
        "<p>Photos by Marta Quintero</p>",  # the photographer
        "<p>\u2013 Marta Quintero</p>",  # a dash opening the story is no sign-off
        "<p>Name: Harbour ferry timetable</p><p>Author: Marta Quintero</p>",  # a list of fields
    ],
)
def test_plain_lines_that_credit_no_writer_of_the_story_give_no_author(lines: str) -> None:
    assert extract(_story(lines + _PROSE * 4)).authors == ()


# Han characters print twice as wide: the sentence is split to fit the line.
_ZH_PROSE = (
    "<p>市政府今天发布了新的城市规划方案，涉及交通和住房等多个领域，"  # the city's new plan
    "市民可以在网上查看详细信息。</p>"
)


@pytest.mark.parametrize(
    ("lines", "names"),
    [
        ("<p>记者：张三 李四</p>" + _ZH_PROSE * 4, ("张三", "李四")),  # opening the story
        (_ZH_PROSE * 4 + "<p>作者：张三</p>", ("张三",)),  # closing it
    ],
)
def test_a_chinese_byline_line_in_plain_type_is_the_byline(
    lines: str, names: tuple[str, ...]
) -> None:
    assert extract(_story(lines)).authors == names


_JA_PROSE = "<p>政府は来年度の予算案についても議論を続ける方針だ。野党は反発している。</p>"


@pytest.mark.parametrize(
    ("frame", "names"),
    [
        ("【ソウル＝山田太郎】", ("山田太郎",)),  # the paper's own correspondent
        ("【ワシントン共同】", ()),  # an agency's frame names no writer
        ("【ソウル＝山田太郎、東京＝鈴木花子】", ()),  # several: not read
    ],
)
def test_a_japanese_correspondent_frame_names_the_author(
    frame: str, names: tuple[str, ...]
) -> None:
    lines = f"<p>{frame}韓国政府は３日、新たな経済対策を発表した。</p>" + _JA_PROSE * 3
    assert extract(_story(lines)).authors == names


def test_a_dash_line_under_a_closing_quotation_is_its_speaker_not_the_author() -> None:
    lines = "<p>\u201cThe sea does not wait for the council.\u201d</p><p>\u2014 Marta Quintero</p>"
    assert extract(_story(_PROSE * 4 + lines)).authors == ()


def test_a_name_over_a_title_is_an_interviewee_not_the_byline() -> None:
    lines = "<p><b>Marta Quintero</b></p><p>Harbour engineer</p>"
    assert extract(_story(_PROSE + lines + _PROSE * 3)).authors == ()


def test_a_name_alone_in_plain_type_is_not_read_as_a_byline() -> None:
    assert extract(_story("<p>Marta Quintero</p>" + _PROSE * 4)).authors == ()


def test_a_photo_credit_in_a_figure_is_not_the_byline() -> None:
    figure = (
        '<figure><img src="/ferry.jpg"><figcaption>The new terminal.'
        ' <span class="byline">Marta Quintero</span></figcaption></figure>'
    )
    assert extract(_story(figure + _PROSE * 4)).authors == ()


def test_a_declared_author_printed_nowhere_is_left_out_when_another_is_printed() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "author": ['
        '{"@type": "Person", "name": "Marta Quintero"},'
        ' {"@type": "Person", "name": "Olu Bankole"}]}</script>'
    )
    page = _story('<p class="byline">By Marta Quintero</p>' + _PROSE * 4, head)
    assert extract(page).authors == ("Marta Quintero",)


def test_declared_authors_none_of_them_printed_are_all_kept() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "author": ['
        '{"@type": "Person", "name": "Marta Quintero"},'
        ' {"@type": "Person", "name": "Olu Bankole"}]}</script>'
    )
    assert extract(_story(_PROSE * 4, head)).authors == ("Marta Quintero", "Olu Bankole")


_DECLARED = (
    '<script type="application/ld+json">{"@type": "NewsArticle", "author":'
    ' {"@type": "Person", "name": "Marta Quintero"}}</script>'
)


@pytest.mark.parametrize(
    "byline", ["By Marta Quintero", "Von: Marta Quintero", "Par Marta Quintero", "Marta Quintero"]
)
def test_an_opening_line_naming_the_declared_author_alone_is_not_body(byline: str) -> None:
    article = extract(_story(f"<p>{byline}</p>" + _PROSE * 4, _DECLARED))
    assert article.authors == ("Marta Quintero",)
    assert article.paragraphs[0].startswith("The harbour council met")
    assert all(block.text != byline for block in article.blocks)


@pytest.mark.parametrize(
    "line",
    [
        "By Olu Bankole",  # another name than the page's author: a photographer, a contributor
        "By Marta Quintero and Olu Bankole",  # not exactly the authors
        "Written by Marta Quintero on Tuesday, March 4th, 2025",  # a date after the name
    ],
)
def test_an_opening_name_line_that_is_not_the_authors_alone_stays(line: str) -> None:
    article = extract(_story(f"<p>{line}</p>" + _PROSE * 4, _DECLARED))
    assert article.paragraphs[0] == line


def test_a_bold_name_line_read_as_the_byline_itself_stays_in_the_body() -> None:
    # The line is the only witness of the names (no declared author, no byline element): a bold
    # name is as often a subheading or a caption, so it is not taken out of the story.
    article = extract(_story("<p><strong>Marta Quintero</strong></p>" + _PROSE * 4))
    assert article.authors == ("Marta Quintero",)
    assert article.paragraphs[0] == "Marta Quintero"


def test_a_sign_off_repeating_the_opening_byline_stays() -> None:
    page = _story("<p>By Marta Quintero</p>" + _PROSE * 4 + "<p>Marta Quintero</p>", _DECLARED)
    paragraphs = extract(page).paragraphs
    assert paragraphs[0].startswith("The harbour council met")
    assert paragraphs[-1] == "Marta Quintero"


def test_an_opening_line_naming_the_story_agency_alone_is_not_body() -> None:
    article = extract(_story("<p>AFP</p>" + _PROSE * 4))
    assert article.agency == "AFP"
    assert article.paragraphs[0].startswith("The harbour council met")


def test_an_agency_line_naming_another_agency_than_the_story_stays() -> None:
    # The story is Reuters' (its dateline says so): a line naming AFP is something else, a
    # photo's credit or a partner's label.
    lead = "<p>LONDON (Reuters) - The harbour council met on Tuesday and voted again.</p>"
    article = extract(_story("<p>AFP</p>" + lead + _PROSE * 4))
    assert article.agency == "Reuters"
    assert article.paragraphs[0] == "AFP"


def test_an_opening_byline_set_as_a_list_item_is_not_body() -> None:
    meta = "<ul class='meta'><li>Von Marta Quintero</li><li>4 Min. Lesezeit</li></ul>"
    article = extract(_story(meta + _PROSE * 4, _DECLARED))
    assert article.authors == ("Marta Quintero",)
    assert "Von Marta Quintero" not in article.paragraphs
    assert all(block.text != "Von Marta Quintero" for block in article.blocks)
