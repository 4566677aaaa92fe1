"""Related boxes that sit in a furniture-named container beside the story (invented pages)."""

from __future__ import annotations

from newsextract import extract

_PARAGRAPHS = "".join(
    f"<p>The harbour council of Lindmark met on Tuesday evening to discuss plan number {i}, "
    "which would move the ferry landing closer to the old fish market, residents said.</p>"
    for i in range(1, 7)
)

FOOTER_PAGE = f"""<html><head><title>Ferry landing</title></head><body>
<article class="article-main"><h1>Lindmark weighs moving its ferry landing</h1>
<div class="entry-content">{_PARAGRAPHS}</div>
<div class="article-footer">
  <div class="share-tools"><a href="https://social.example/share">Share this story</a></div>
  <div class="related-wrap"><h3>More on this story</h3><ul>
    <li><a href="/harbour/ferry-timetable-changes">Ferry timetable changes from spring onwards</a>
    </li>
    <li><a href="/harbour/fish-market-renovation">Fish market renovation runs over its budget</a>
    </li>
  </ul></div>
</div></article></body></html>"""


def test_a_related_box_in_the_story_footer_is_read_and_kept_out_of_the_body() -> None:
    article = extract(FOOTER_PAGE, url="https://lindmark.example/harbour/ferry-landing")
    assert [r.text for r in article.related] == [
        "Ferry timetable changes from spring onwards",
        "Fish market renovation runs over its budget",
    ]
    assert article.related[0].url == "https://lindmark.example/harbour/ferry-timetable-changes"
    assert len(article.paragraphs) == 6
    assert not any("Share" in p or "More on this story" in p for p in article.paragraphs)


def test_a_most_read_rail_in_a_footer_does_not_keep_the_footer() -> None:
    page = FOOTER_PAGE.replace("related-wrap", "most-read").replace(
        "More on this story", "Most read"
    )
    article = extract(page, url="https://lindmark.example/harbour/ferry-landing")
    assert article.related == ()
    assert len(article.paragraphs) == 6


CARD_PAGE = f"""<html><head><title>Ferry landing</title></head><body>
<article><h1>Lindmark weighs moving its ferry landing</h1>
<div class="entry-content">{_PARAGRAPHS}
<div class="related-articles"><ul>
  <li><a href="/harbour/timetable"><span class="kicker">Timetable</span><span>Ferries run
  later from spring onwards</span></a></li>
  <li><a href="/harbour/market"><span class="kicker">Market</span><span>Fish market renovation
  runs over its budget</span></a></li>
</ul></div>
<p>The council will vote on the plan next month, after a second public hearing is held.</p>
</div></article></body></html>"""


def test_a_card_link_keeps_its_kicker_and_title_apart() -> None:
    # The kicker and the title are inline elements printed on lines of their own: joined as
    # written they would read "TimetableFerries run later".
    article = extract(CARD_PAGE, url="https://lindmark.example/harbour/ferry-landing")
    assert [r.text for r in article.related] == [
        "Timetable Ferries run later from spring onwards",
        "Market Fish market renovation runs over its budget",
    ]


def test_a_word_break_opportunity_in_a_related_title_does_not_split_the_word() -> None:
    # `<wbr>` says where a long word may break: the text on either side is one word.
    page = CARD_PAGE.replace("/harbour/timetable", "/harbour/ferry-2027").replace(
        "Ferries run\n  later", "Ferry-<wbr>2027 timetables run\n  later"
    )
    article = extract(page, url="https://lindmark.example/harbour/ferry-landing")
    assert (
        article.related[0].text == "Timetable Ferry-2027 timetables run later from spring onwards"
    )


# --- teasers with blurbs: the blurbs outweigh the titles, every item is still a teaser ------

_TEASERS = """
<div><a href="/harbour/ferry-fares-rise">Ferry fares to rise on every route in spring</a>
<p>Fares will go up by a tenth from April, the operator told passengers on Monday.</p></div>
<div><a href="/harbour/channel-dredging">Dredging of the main channel starts next week</a>
<p>The work will close the outer berths for three months, the port authority said.</p></div>
"""


def _teaser_page(box: str) -> str:
    return (
        "<html><head><title>Ferry landing</title></head><body><div class='page'><article>"
        f"<h1>Lindmark weighs moving its ferry landing</h1>{_PARAGRAPHS}{box}"
        "</article></div></body></html>"
    )


def _related_and_body(box: str) -> tuple[list[str], list[str]]:
    article = extract(_teaser_page(box), url="https://lindmark.example/harbour/ferry-landing")
    return [r.text for r in article.related], list(article.paragraphs)


def test_a_related_box_of_teasers_with_blurbs_is_related_not_body() -> None:
    related, body = _related_and_body(f'<section class="related">{_TEASERS}</section>')
    assert related == [
        "Ferry fares to rise on every route in spring",
        "Dredging of the main channel starts next week",
    ]
    assert len(body) == 6


def test_teasers_with_blurbs_under_a_related_heading_are_related_not_body() -> None:
    items = (
        "<ul><li><a href='/harbour/ferry-fares-rise'>Ferry fares to rise on every route</a>"
        " Fares will go up by a tenth from April, the operator told passengers on Monday.</li>"
        "<li><a href='/harbour/channel-dredging'>Dredging of the main channel starts</a>"
        " The work will close the outer berths for three months, the port authority said.</li>"
        "</ul>"
    )
    related, body = _related_and_body(f"<h3>Related stories</h3>{items}")
    assert len(related) == 2
    assert len(body) == 6


def test_a_paragraph_with_links_in_its_words_is_no_teaser_list() -> None:
    prose = (
        "<p>Related:</p><p><a href='/people/jo-muster'>Jo Muster of Lindmark</a> wrote this"
        " story; <a href='/harbour/ferry-archive'>the ferry archive pages</a> hold more.</p>"
    )
    _related, body = _related_and_body(prose)
    assert any(p.startswith("Jo Muster of Lindmark wrote this story") for p in body)
