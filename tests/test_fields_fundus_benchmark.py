"""The fundus scoring of `benchmarks/fields.py`: its quirk rules on invented labels, the
per-source table and the misses list, and (when the data set is present) that it loads."""

from __future__ import annotations

import pytest

from benchmarks._fields_fundus import (
    DEFAULT_FUNDUS,
    FundusLabel,
    credit_right,
    is_organisation,
    load_fundus,
    people,
    same_caption,
    same_credit_only,
    same_standfirst,
)
from benchmarks._fields_match import NEWSEXTRACT, Outcome, Record
from benchmarks._fields_runs import PageResult
from benchmarks._fields_score import misses, score_fundus, source_table


def _label(**changes: object) -> FundusLabel:
    base: dict[str, object] = {
        "id": "xx-Paper-2024_01_01",
        "publisher": "Tageblatt Nord",
        "language": "de",
        "headline": "Ein Kran fällt um",
        "standfirst": "Im Hafen stürzte ein Kran. Niemand wurde verletzt.",
        "authors": ("Erika Muster", "dpa"),
        "published": "2024-01-01 09:00:00+01:00",
        "captions": (("Der Kran am Morgen. Foto: Max Bild/dpa", None), ("Der Hafen", "Anna Licht")),
        "news": None,
    }
    base.update(changes)
    return FundusLabel(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "organisation"),
    [
        ("dpa", True),
        ("Redaktion tageblatt.de", True),
        ("Tageblatt Nord", True),
        ("Nord Staff", True),
        ("Erika Muster", False),
        ("Max Nordmann", False),
        ("北方新聞オンライン", True),  # a newspaper's name in a script without spaces
        ("山田太郎", False),
    ],
)
def test_is_organisation(name: str, organisation: bool) -> None:
    assert is_organisation(name, "Tageblatt Nord") is organisation


def test_people_keeps_order() -> None:
    assert people(["AFP", "Jo Beispiel", "tageblatt.de", "Ann Probe"], "X") == (
        "Jo Beispiel",
        "Ann Probe",
    )


def test_same_standfirst_and_caption_accept_prefixes() -> None:
    assert same_standfirst("Im Hafen stürzte ein Kran.", "Im  hafen stürzte ein Kran. Mehr.")
    assert not same_standfirst("Im Hafen", None)
    assert same_standfirst(None, None)
    # The gold glues a standfirst's paragraphs: "...verletzt.Mehr." is ours "...verletzt. Mehr."
    assert same_standfirst("Niemand wurde verletzt. Mehr.", "Niemand wurde verletzt.Mehr.")
    assert not same_standfirst("Niemand wurde verletzt.", "Niemand wurde gerettet.")
    assert same_caption("Der Kran am Morgen.", "Der Kran am Morgen. Foto: Max Bild/dpa")
    assert not same_caption("", "Der Kran")


def test_credit_right_with_a_credit_left_in_the_caption() -> None:
    text = "Der Kran am Morgen. Foto: Max Bild/dpa"
    assert credit_right("Max Bild/dpa", None, text)
    assert credit_right(None, None, text)
    assert not credit_right("Anna Licht", None, text)
    assert credit_right("anna  licht", "Anna Licht", "Der Hafen")


def test_score_fundus_exact_outcomes() -> None:
    record = Record(
        headline="Ein  Kran fällt um",
        standfirst="Im Hafen stürzte ein Kran.",
        authors=("Erika Muster",),
        published="2024-01-01T09:00:00+01:00",
        captions=(("Der Kran am Morgen.", "Max Bild/dpa"), ("Der Hafen", "Ben Falsch")),
    )
    results = {f.field: f for f in score_fundus(record, _label())}
    assert {k: f.outcome for k, f in results.items()} == {
        "headline": Outcome.RIGHT,
        "standfirst": Outcome.RIGHT,
        "authors": Outcome.RIGHT,
        "published": Outcome.RIGHT,
        "captions": Outcome.WRONG,
    }
    items = results["captions"].items
    assert items is not None and (items.found, items.credit_right) == (2, 1)


def test_a_credit_only_caption_is_found_only_by_a_textless_caption_with_its_credit() -> None:
    assert same_credit_only(("", "Max  Bild/DPA"), ("", "Max Bild/dpa"))
    assert not same_credit_only(("Der Kran", "Max Bild/dpa"), ("", "Max Bild/dpa"))
    assert not same_credit_only(("", "Anna Licht"), ("", "Max Bild/dpa"))
    assert not same_credit_only(("", None), ("", None))
    label = _label(captions=(("", "Max Bild/dpa"), ("", "Max Bild/dpa"), ("Der Hafen", None)))
    record = Record(captions=(("", "Max Bild/dpa"), ("Der Hafen", None), ("", "Anna Licht")))
    results = {f.field: f for f in score_fundus(record, label)}
    items = results["captions"].items
    # Two photos with the same credit need two captions of ours.
    assert items is not None and (items.found, items.credit_right) == (2, 2)


def test_source_table_and_misses() -> None:
    record = Record(headline="Anders", authors=("Tageblatt Nord",))
    label = _label(authors=("Tageblatt Nord",), captions=())
    page = PageResult("fundus", label.id, None, NEWSEXTRACT, tuple(score_fundus(record, label)))
    table = source_table({"fundus": [page]})
    assert "| headline right | 0.00 (0/1) |" in table
    assert "| author-less pages given a name | 0.00 (0/1) |" in table
    listed = misses([page], "headline")
    assert listed == [f"- `fundus:{label.id}` (wrong): got `Anders` — expected `Ein Kran fällt um`"]


@pytest.mark.skipif(not (DEFAULT_FUNDUS / "fields.json").is_file(), reason="no fundus data")
def test_fundus_labels_load() -> None:
    labels = load_fundus()
    assert len(labels) >= 100
    assert sum(1 for label in labels if label.news is not None) >= 100
