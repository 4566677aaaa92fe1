"""The line tables: each phrase in the one table that decides it."""

from __future__ import annotations

from newsextract.pipeline.blocks import LineKind, classify_line
from newsextract.rules import phrases


def test_no_phrase_is_both_a_label_and_a_related_heading() -> None:
    # `classify_line` tries RELATED_HEADINGS first: a phrase in both tables would be dead in
    # BOILERPLATE_LINES.
    assert not phrases.BOILERPLATE_LINES & phrases.RELATED_HEADINGS
    assert not phrases.BOILERPLATE_LINES & phrases.RAIL_HEADINGS
    assert not phrases.RELATED_HEADINGS & phrases.RAIL_HEADINGS


def test_a_related_heading_opens_a_related_block_and_a_label_is_dropped() -> None:
    assert classify_line("Read more:") is LineKind.RELATED_HEADING
    assert classify_line("Lesen Sie auch") is LineKind.RELATED_HEADING
    assert classify_line("Read also:") is LineKind.RELATED_HEADING  # en (India, Africa)
    assert classify_line("Advertisement") is LineKind.BOILERPLATE


def test_a_sitewide_rail_heading_is_not_a_related_heading() -> None:
    # The product rule: related stories are the ones linked as related to this story, not the
    # site's latest, most read or trending ones.
    for heading in ("Most read", "Latest Headlines", "Trending now", "Meistgelesen"):
        assert classify_line(heading) is LineKind.RAIL_HEADING
    assert classify_line("Most read in world news") is LineKind.RAIL_HEADING
    assert classify_line("Mehr zum Thema Nahost") is LineKind.RELATED_HEADING
    assert classify_line("Advertisement") is LineKind.BOILERPLATE


def test_an_embeds_consent_notice_is_dropped_and_a_story_about_data_stays() -> None:
    for notice in (
        "Ich bin damit einverstanden, dass mir der Inhalt des Kartendienstes angezeigt wird.",
        "Hier finden Sie einen von der Redaktion gewählten externen Inhalt zum Thema.",
        "Personenbezogene Daten können an Drittplattformen übermittelt werden.",
        "Empfohlener redaktioneller Inhalt",
        "Erst wenn Sie hier klicken, werden die Karten des Anbieters nachgeladen.",
        "Následuje obsah vložený z jiného webu. Zde jej můžete přeskočit.",
        "You need to accept social media cookies to view this post.",
    ):
        assert classify_line(notice) is LineKind.BOILERPLATE, notice
    for prose in (
        "Die Behörde prüft, ob personenbezogene Daten der Kunden an Dritte gingen.",
        "Sie sei damit einverstanden, sagte die Bürgermeisterin am Montag.",
        "The regulator said the site must ask users to accept cookies before tracking them.",
    ):
        assert classify_line(prose) is LineKind.BODY, prose


def test_ad_labels_in_more_languages_are_dropped() -> None:
    for label in ("REKLAM", "Reklame", "Mainos", "Inzerce", "Iklan", "[PR]", "광고", "Quảng cáo"):
        assert classify_line(label) is LineKind.BOILERPLATE, label
    assert classify_line("PR firms were hired to run the campaign.") is LineKind.BODY


def test_platform_follow_and_inbox_prompts_are_dropped() -> None:
    for prompt in (
        "Follow The Gazette on Google News and add us as a preferred source.",
        "Get daily harbour news delivered to your inbox so you never miss a sailing.",
        "Read more of our latest travel stories by signing up to our free weekly newsletter",
    ):
        assert classify_line(prompt) is LineKind.BOILERPLATE, prompt
    for prose in (
        "Follow the river on foot and you reach the old mill in an hour.",
        "Get the ferry early: the parcels are delivered to your door by noon.",
    ):
        assert classify_line(prose) is LineKind.BODY, prose


def test_a_date_and_time_stamp_alone_is_dropped_in_more_forms() -> None:
    # The time after a bar or a dash, German "Uhr", a zone as an offset in brackets, a weekday
    # of two words; a time of day alone only with the word that says it is one.
    for stamp in (
        "14.03.2025 | 09:40 Uhr",
        "14.03.2025 - 09:40 Uhr",
        "March 14, 2025 - 9:40 AMT",
        "Thứ sáu, 14/3/2025, 09:40 (GMT+7)",
        "09:40 Uhr",
    ):
        assert classify_line(stamp) is LineKind.BOILERPLATE, stamp
    for line in ("09:40", "Kiel - Flensburg 2:1", "In 2025, 40 ferries ran"):
        assert classify_line(line) is LineKind.BODY, line


def test_a_reading_time_line_is_dropped() -> None:
    for line in ("5 min read", "Lesezeit: 4 Min.", "Lecture 4 min.", "Tempo de leitura: 2 minutos"):
        assert classify_line(line) is LineKind.BOILERPLATE, line
    assert classify_line("3 Min") is LineKind.BOILERPLATE
    # A number of minutes alone in full words can be a heading; prose stays prose.
    for line in ("90 minutes", "In 3 min the ferry had left the harbour."):
        assert classify_line(line) is LineKind.BODY, line


def test_a_date_stamp_closed_by_its_reading_time_is_dropped() -> None:
    # Pages print the date stamp and the reading time on one line; the part before the
    # reading time must be a meta line by itself.
    for line in (
        "12.05.2025, 08:30 4 Min.",
        "Von Jana Beispiel, 12.05.2025, 08.30 Uhr 6 min",
        "14 March 2025 · 5 min read",
        "Aktualisiert 12.05.2025 | Lesezeit: 3 Min.",
    ):
        assert classify_line(line) is LineKind.BOILERPLATE, line
    for line in ("Die Fähre am 12.05.2025 brauchte 7 min", "Der Lauf dauerte 7 min"):
        assert classify_line(line) is LineKind.BODY, line


def test_a_media_players_time_readout_is_dropped() -> None:
    for line in ("00:00 / 03:15", "0:00 / 1:02:41"):
        assert classify_line(line) is LineKind.BOILERPLATE, line
    assert classify_line("Kiel - Flensburg 3:2 / 1:1") is LineKind.BODY


def test_a_time_stamp_relative_to_now_is_dropped() -> None:
    for line in ("1 day ago", "Published 4 hours ago", "vor 2 Stunden", "il y a 3 heures"):
        assert classify_line(line) is LineKind.BOILERPLATE, line
    for line in ("Ten years ago", "Two days ago, the council voted to close the pool."):
        assert classify_line(line) is LineKind.BODY, line
