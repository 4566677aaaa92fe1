"""A story located inside its frame: a slideshow told in its caption, a standfirst printed after
its place (invented pages modelled on real layouts)."""

from __future__ import annotations

from newsextract import extract

_CAPTION = (
    "Ferry crews in Lindmark rehearsed the winter timetable on Sunday, when the first boat left "
    "the old fish market at six in the morning. Passengers will need a new pass from March."
)


def test_a_photo_story_told_in_its_caption_has_that_caption_as_its_body() -> None:
    # A gallery page of one photo: its caption is all the story prints. It stays a caption,
    # and is the body too, rather than no body at all.
    page = (
        "<html><head><title>Winter ferries</title></head><body><article><figure>"
        f"<img src='/img/ferry-1.jpg' alt='A ferry'><figcaption>{_CAPTION}</figcaption>"
        "</figure></article></body></html>"
    )
    article = extract(page)
    assert article.paragraphs == (_CAPTION,)
    assert [c.text for c in article.captions] == [_CAPTION]
    assert not article.confident


def test_a_label_set_as_the_only_caption_is_no_body() -> None:
    # An ad slot's label in a caption-named box, and nothing else: no story, no body line.
    article = extract('<div class="caption">Advertisement</div>')
    assert article.paragraphs == ()


_LEAD = "Die Fähren fahren im Winter seltener. Der neue Fahrplan gilt ab März für alle Linien."
_STORY = "".join(
    f"<p>Der Stadtrat von Lindmark hat am Dienstagabend den Plan Nummer {i} beraten, der den "
    "Fähranleger näher an den alten Fischmarkt verlegen würde, sagten Anwohner.</p>"
    for i in range(1, 7)
)


def test_a_place_printed_before_the_standfirst_is_part_of_it_and_its_dateline() -> None:
    page = (
        "<html lang='de'><head><title>Winterfahrplan</title>"
        f"<meta name='description' content='{_LEAD}'></head><body><main>"
        "<div class='header'><h1>Winterfahrplan für die Fähren</h1>"
        f"<div class='copy-lg mb-7'><span class='place'>Lindmark.</span> <span>{_LEAD}</span>"
        f"</div></div><article><div class='text'>{_STORY}</div></article></main></body></html>"
    )
    article = extract(page)
    assert article.standfirst == f"Lindmark. {_LEAD}"
    assert article.dateline == "Lindmark"


_PARAGRAPHS = "".join(
    f"<p>The harbour council of Lindmark met on Tuesday evening to discuss plan number {i}, "
    "which would move the ferry landing closer to the old fish market, residents said.</p>"
    for i in range(1, 7)
)


def test_related_links_in_the_frame_below_the_located_text_are_read() -> None:
    # The text sits five only-child wrappers deep; a list of story links is in the frame
    # around them, outside the located text, where the body walk no longer goes.
    page = (
        "<html><head><title>Ferry landing</title></head><body><div id='page'>"
        f"<div id='shell'><div><div><div><div><div class='story'>{_PARAGRAPHS}"
        "</div></div></div></div></div></div>"
        "<div><ul>"
        "<li><a href='/harbour/ferry-timetable'>Ferry timetable changes from spring onwards</a>"
        "</li><li><a href='/harbour/fish-market'>Fish market renovation runs over its budget</a>"
        "</li></ul></div></div></body></html>"
    )
    article = extract(page, url="https://lindmark.example/harbour/ferry-landing")
    assert [r.text for r in article.related] == [
        "Ferry timetable changes from spring onwards",
        "Fish market renovation runs over its budget",
    ]
    assert len(article.paragraphs) == 6
