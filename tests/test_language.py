"""The record's language: declared (JSON-LD, meta, html lang) or detected, and its source."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsextract import Article, extract
from newsextract.fields.language import detect_language, detection_text, doubt_declared
from newsextract.rules.thresholds import DETECT_CHARS, MIN_DETECT_CHARS

ENGLISH = (
    "The harbour board voted on Tuesday to keep the old ferry pier open for two more years, "
    "after residents of the island said the new terminal was too far from the village. "
    "The board's chair said the decision was a compromise and that repairs would start in "
    "the spring, once the fishing season is over."
)
GERMAN = (
    "Der Gemeinderat hat am Dienstag beschlossen, den alten Fähranleger noch zwei Jahre "
    "offen zu halten, nachdem die Bewohner der Insel sich über den weiten Weg zum neuen "
    "Terminal beschwert hatten. Die Vorsitzende sagte, die Reparaturen sollen im Frühjahr "
    "beginnen, wenn die Fangsaison vorbei ist."
)
FUNDUS = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "fundus"
# The bar of issue 14: the record's language right on this share of the fundus pages.
FUNDUS_FLOOR = 0.97


def _page(body: str, html_attrs: str = "", head: str = "") -> str:
    return (
        f"<html{html_attrs}><head><title>Ferry pier</title>{head}</head>"
        f"<body><article><h1>Ferry pier stays open</h1><p>{body}</p></article></body></html>"
    )


@pytest.mark.parametrize(
    ("html_attrs", "head", "source"),
    [
        (' lang="de-AT"', "", "html"),
        ("", '<meta property="og:locale" content="de_DE">', "meta"),
        (
            ' lang="de"',
            '<script type="application/ld+json">{"@type": "NewsArticle",'
            ' "headline": "Ferry pier stays open", "inLanguage": "de"}</script>',
            "jsonld",
        ),
    ],
    ids=["html", "meta", "jsonld"],
)
def test_declared_language_and_its_source(html_attrs: str, head: str, source: str) -> None:
    article = extract(_page(GERMAN, html_attrs, head))
    assert (article.language, article.language_source) == ("de", source)


def test_undeclared_language_is_detected() -> None:
    article = extract(_page(GERMAN))
    assert (article.language, article.language_source) == ("de", "detected")


def test_plain_text_language_is_detected() -> None:
    article = extract(f"Ferry pier stays open\n\n{ENGLISH}\n\n{ENGLISH}")
    assert (article.language, article.language_source) == ("en", "detected")


def test_declaration_the_text_contradicts_is_replaced_by_detection() -> None:
    # A CMS's default lang="en" over a story in another language.
    article = extract(_page(GERMAN, ' lang="en"'))
    assert (article.language, article.language_source) == ("de", "detected")


def test_declaration_the_text_agrees_with_is_kept() -> None:
    assert not doubt_declared("en", ENGLISH)
    assert not doubt_declared("de", GERMAN)
    assert doubt_declared("en", GERMAN)
    assert not doubt_declared("ja", GERMAN)  # no function-word list: trusted as declared


def test_too_little_text_gives_no_language() -> None:
    assert detect_language("Ferry pier") is None
    assert detect_language("x" * (MIN_DETECT_CHARS - 1)) is None
    article = extract("<html><body><p>Ferry pier.</p></body></html>")
    assert (article.language, article.language_source) == (None, None)


def test_detection_text_is_bounded() -> None:
    text = detection_text("Ferry pier stays open", [ENGLISH] * 100)
    assert text.startswith("Ferry pier stays open\nThe harbour board")
    assert len(text) == DETECT_CHARS


def test_language_source_round_trips_through_json() -> None:
    article = extract(_page(GERMAN))
    assert Article.from_json(article.to_json()) == article
    assert article.to_dict()["language_source"] == "detected"
    assert Article.from_dict({"headline": "Old record"}).language_source is None


@pytest.mark.skipif(not (FUNDUS / "fields.json").is_file(), reason="../shared fundus data absent")
def test_language_is_right_on_the_fundus_pages() -> None:
    labels = json.loads((FUNDUS / "fields.json").read_text(encoding="utf-8"))
    right = total = 0
    for page_id, fields in labels.items():
        path = FUNDUS / "html" / f"{page_id}.html.gz"
        if not fields.get("language") or not path.is_file():
            continue
        total += 1
        right += extract(gzip.decompress(path.read_bytes())).language == fields["language"]
    assert total > 0
    assert right / total >= FUNDUS_FLOOR
