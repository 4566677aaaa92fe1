"""Teaser cards and boxes embedded in the story (`pipeline.related`, inline candidates): a
card named as a teaser or preview (also one in the ARIA role `complementary`, which the
cleaner drops), a box under a "Lesen Sie mehr" rubric: related links, never body; outside the
story a teaser list is the site's."""

from __future__ import annotations

from newsextract import extract

STORY = (
    "<p>Die Stadt hat am Montag den Plan für die neue Radbrücke über den Fluss vorgestellt,"
    " die bis zum Herbst nächsten Jahres fertig sein soll.</p>"
    "<p>Die Brücke kostet nach Angaben der Verwaltung rund acht Millionen Euro, von denen das"
    " Land etwa die Hälfte übernimmt.</p>"
    "<p>Anwohner hatten lange eine sichere Verbindung zwischen den beiden Ufern gefordert, weil"
    " die alte Brücke für Radfahrer zu schmal ist.</p>"
    "<p>Der Bauausschuss soll im nächsten Monat über die Ausschreibung entscheiden, danach"
    " können die ersten Arbeiten an den Fundamenten am Westufer beginnen.</p>"
    "<p>Während der Bauzeit bleibt der Uferweg offen, nur an einzelnen Tagen wird er für"
    " Lieferungen kurz gesperrt, teilte die Verwaltung mit.</p>"
)
URL = "https://zeitung.example/lokales/radbruecke-plan"


def _card(cls: str = "article-preview", role: str = "") -> str:
    role_attr = f' role="{role}"' if role else ""
    return (
        f'<div class="{cls}"{role_attr}><a href="/lokales/bruecke-gesperrt-100.html">'
        "<h3>Alte Brücke wird im Sommer für Monate gesperrt</h3></a></div>"
    )


def _page(inside: str = "", beside: str = "") -> str:
    return (
        "<html lang='de'><head><title>Radbrücke</title></head><body><main><article>"
        f"<h1>Plan für die Radbrücke vorgestellt</h1><div class='text'>{STORY[:150]}"
        f"{STORY[150:]}{inside}</div></article><section>{beside}</section></main></body></html>"
    )


def test_a_teaser_card_in_the_story_is_related_and_not_body() -> None:
    article = extract(_page(inside=_card()), url=URL)
    assert [r.text for r in article.related] == ["Alte Brücke wird im Sommer für Monate gesperrt"]
    assert not any("Alte Brücke" in p for p in article.paragraphs)


def test_a_teaser_in_the_role_complementary_is_related_though_the_cleaner_drops_it() -> None:
    article = extract(_page(inside=_card(cls="teaser-info", role="complementary")), url=URL)
    assert len(article.related) == 1
    assert not any("Alte Brücke" in p for p in article.paragraphs)


def test_a_read_more_rubric_opens_a_related_box() -> None:
    box = (
        '<div class="embed-wrapper"><div>Lesen Sie mehr</div>'
        '<a href="/lokales/bruecke-gesperrt-100.html">Alte Brücke wird im Sommer für Monate'
        " gesperrt</a></div>"
    )
    assert len(extract(_page(inside=box), url=URL).related) == 1


def test_a_teaser_list_outside_the_story_is_the_site_s() -> None:
    assert extract(_page(beside=_card()), url=URL).related == ()
