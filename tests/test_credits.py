"""Splitting photo credits off captions, and telling a line that is only a credit."""

from __future__ import annotations

import pytest

from newsextract.fields.credits import is_credit_line, join_credit_parts, split_credit
from tests._linear_time import COMMON_ADVERSARIAL, assert_linear

# (caption, expected text, expected credit)
SPLITS: list[tuple[str, str, str | None]] = [
    # Labels followed by the credit.
    (
        "The president greets delegates in the capital. "
        "Photo by Presidential Press Service/EPA-EFE",
        "The president greets delegates in the capital.",
        "Presidential Press Service/EPA-EFE",
    ),
    ("A crowd outside the station (Photo: Jane Doe)", "A crowd outside the station", "Jane Doe"),
    (
        "Volunteers fill sandbags. Photo: Jane Doe/Reuters",
        "Volunteers fill sandbags.",
        "Jane Doe/Reuters",
    ),
    ("A bridge at dusk. Credit: Jane Doe", "A bridge at dusk.", "Jane Doe"),
    ("A flooded road. Image Credit: City of Leeds", "A flooded road.", "City of Leeds"),
    ("A flooded road. Image: Jane Doe", "A flooded road.", "Jane Doe"),
    (
        "A farmer checks his crop. Photograph: Jane Doe/The Guardian",
        "A farmer checks his crop.",
        "Jane Doe/The Guardian",
    ),
    ("A koala in a tree. Picture: Supplied", "A koala in a tree.", "Supplied"),
    (
        "Grandma on her 90th birthday. Photo: courtesy of the family",
        "Grandma on her 90th birthday.",
        "courtesy of the family",
    ),
    ("A worker at the plant. Photo by Jane Doe.", "A worker at the plant.", "Jane Doe"),
    (
        "A commuter waits.CreditCredit...Jane Doe for The New York Times",
        "A commuter waits.",
        "Jane Doe for The New York Times",
    ),
    # Other languages.
    (
        "Der Kanzler im Bundestag. Foto: Jana Weiss/dpa",
        "Der Kanzler im Bundestag.",
        "Jana Weiss/dpa",
    ),
    ("Die Altstadt im Winter. Bild: Jana Weiss", "Die Altstadt im Winter.", "Jana Weiss"),
    (
        "Merz im Bundestag. Foto: picture alliance/dpa",
        "Merz im Bundestag.",
        "picture alliance/dpa",
    ),
    (
        "Le Premier ministre à Matignon. Crédit photo : Jean Dupont/AFP",
        "Le Premier ministre à Matignon.",
        "Jean Dupont/AFP",
    ),
    ("El presidente en Lima. Foto: EFE/Juan Pérez", "El presidente en Lima.", "EFE/Juan Pérez"),
    (
        "Il premier a Palazzo Chigi. Foto di Mario Rossi/ANSA",
        "Il premier a Palazzo Chigi.",
        "Mario Rossi/ANSA",
    ),
    (
        "O presidente em Brasília. Foto: Marcelo Souza/Agência Brasil",
        "O presidente em Brasília.",
        "Marcelo Souza/Agência Brasil",
    ),
    ("Het Binnenhof in Den Haag. Foto: ANP", "Het Binnenhof in Den Haag.", "ANP"),
    # Copyright signs.
    ("Sunrise over the harbour © Jane Doe", "Sunrise over the harbour", "Jane Doe"),
    ("Sunrise over the harbour (c) 2023 Jane Doe", "Sunrise over the harbour", "Jane Doe"),
    # Bracketed credits at the end.
    (
        "Senators leave the chamber. (AP Photo/J. Scott Smith)",
        "Senators leave the chamber.",
        "AP Photo/J. Scott Smith",
    ),
    (
        "Children play outside. (AP Photo/Jane Doe, File)",
        "Children play outside.",
        "AP Photo/Jane Doe, File",
    ),
    (
        "The crater rim seen from orbit (NASA/JPL-Caltech/ASU)",
        "The crater rim seen from orbit",
        "NASA/JPL-Caltech/ASU",
    ),
    ("A fire near the plant (Reuters)", "A fire near the plant", "Reuters"),
    # Unlabelled credits after the last sentence.
    (
        "Firefighters on the ridge. Jim Lo/AFP via Getty Images",
        "Firefighters on the ridge.",
        "Jim Lo/AFP via Getty Images",
    ),
    (
        "Rescue workers search the rubble. Reuters",
        "Rescue workers search the rubble.",
        "Reuters",
    ),
    # Guarded source labels: only a photo source counts.
    ("Oil output by month. Source: Reuters Graphics", "Oil output by month.", "Reuters Graphics"),
    (
        "Unemployment by region. Source: Eurostat",
        "Unemployment by region. Source: Eurostat",
        None,
    ),
    # A leading position label is dropped from the text.
    (
        "Above: Protesters march in Paris. Photo: Jane Doe",
        "Protesters march in Paris.",
        "Jane Doe",
    ),
    ("Left: The old town hall in spring", "The old town hall in spring", None),
    # Lines that are only a credit.
    ("Getty Images", "", "Getty Images"),
    ("Photo: Reuters", "", "Reuters"),
    ("Jane Doe/AP", "", "Jane Doe/AP"),
    # No credit: brackets, bars and slashes that are not credits, sentences with "photo".
    ("The winning team (left to right)", "The winning team (left to right)", None),
    ("The squad in 2019 (file)", "The squad in 2019 (file)", None),
    ("Stocks fall | Reuters", "Stocks fall | Reuters", None),
    ("Home / News / World", "Home / News / World", None),
    (
        "Sales rose 5% in 2024/2025 (and/or more)",
        "Sales rose 5% in 2024/2025 (and/or more)",
        None,
    ),
    (
        "The photo by Smith won a prize in 2019.",
        "The photo by Smith won a prize in 2019.",
        None,
    ),
    (
        "Credit: the bank said rates would rise",
        "Credit: the bank said rates would rise",
        None,
    ),
    (
        "LONDON (Reuters) - Sterling slipped on Monday, traders said.",
        "LONDON (Reuters) - Sterling slipped on Monday, traders said.",
        None,
    ),
    ("", "", None),
    # A lower-case label opening a bracket, or the whole caption, is a label all the same.
    (
        "The core stage after its engines were installed. (credit: NASA/Jo Lee)",
        "The core stage after its engines were installed.",
        "NASA/Jo Lee",
    ),
    ("photo: Flickr user Jo Lee", "", "Flickr user Jo Lee"),
    # ko: "[사진 = Name]", "[사진 출처 = Source]" at the end.
    (
        "부두에서 기다리는 여객선들. [사진 = 김하나 기자]",
        "부두에서 기다리는 여객선들.",
        "김하나 기자",
    ),
    ("부두의 여객선 [사진 출처 = 항만공사 홍보팀]", "부두의 여객선", "항만공사 홍보팀"),
    # ja: the source after "＝" (an agency only), the photographer in "（…撮影）".
    ("港で待つフェリー（神戸で、３日）＝ＡＰ", "港で待つフェリー（神戸で、３日）", "ＡＰ"),
    ("港で開かれた式典＝３日午前１０時（代表撮影）", "港で開かれた式典＝３日午前１０時", "代表"),
    ("港で開かれた式典＝３日午前１０時", "港で開かれた式典＝３日午前１０時", None),
    # de-CH "zvg." keeps its full stop; a caption label is dropped from the text.
    ("Der neue Vorstand. Foto: zvg.", "Der neue Vorstand.", "zvg."),
    ("Legende: Der neue Vorstand am Hafen.", "Der neue Vorstand am Hafen.", None),
    # A bracketed name after the last sentence is the credit; a note on the picture is not.
    (
        "A vase sold for a record sum. (Auction House)",
        "A vase sold for a record sum.",
        "Auction House",
    ),
    ("The quay at dawn. (Supplied)", "The quay at dawn.", "Supplied"),
    ("Der Hafen am Morgen. (Archivbild)", "Der Hafen am Morgen. (Archivbild)", None),
    ("The mayor (Left) opens the quay.", "The mayor (Left) opens the quay.", None),
    ("The quay in 2019. (Harbour Board 2019)", "The quay in 2019. (Harbour Board 2019)", None),
    # fr, it: a photo label with no colon is not part of the credit.
    ("Le maire sur le quai. Photo AFP", "Le maire sur le quai.", "AFP"),
    ("Il sindaco sulla banchina. (Foto ANSA)", "Il sindaco sulla banchina.", "ANSA"),
    ("Le maire sur le quai. PHOTO JEAN DUPONT / AFP", "Le maire sur le quai.", "JEAN DUPONT / AFP"),
]


@pytest.mark.parametrize(("caption", "text", "credit"), SPLITS)
def test_split_credit(caption: str, text: str, credit: str | None) -> None:
    assert split_credit(caption) == (text, credit)


def test_enough_cases() -> None:
    assert len(SPLITS) >= 25


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Photo: Jane Doe", True),
        ("(Photo: Jane Doe)", True),
        ("Getty Images", True),
        ("AP Photo/Jane Doe", True),
        ("© Reuters", True),
        ("Foto: dpa", True),
        ("Protesters march in Paris.", False),
        ("Jane Doe", False),
        ("Photo: Jane Doe. Protesters marched through the city.", False),
        ("Protesters march in Paris. Photo: Jane Doe", False),
        ("", False),
        ("Photo: " + "Jane Doe " * 40, False),
    ],
)
def test_is_credit_line(line: str, expected: bool) -> None:
    assert is_credit_line(line) is expected


def test_credit_is_only_looked_for_at_the_end() -> None:
    caption = "Photo: Jane Doe. " + "The river rose all night and the town flooded. " * 10
    assert split_credit(caption) == (caption.strip(), None)


ADVERSARIAL = {
    **COMMON_ADVERSARIAL,
    "labels": "Photo: " * 100_000,
    "slashes": "A/" * 100_000,
    "copyright signs": "© " * 100_000,
    "sentences": "A. " * 100_000,
}


@pytest.mark.perf
@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_adversarial_input_runs_in_linear_time(name: str) -> None:
    text = ADVERSARIAL[name]
    for function in (split_credit, is_credit_line):
        assert_linear(function, text)
    assert is_credit_line(text) is False


@pytest.mark.parametrize(
    ("credit", "joined"),
    [
        ("Harbour Images | Lee Grant", "Harbour Images / Lee Grant"),
        ("Lee Grant | Lee Grant", "Lee Grant"),
        ("Lee Grant/dpa | Lee Grant", "Lee Grant/dpa / Lee Grant"),
        ("Lee Grant", "Lee Grant"),
        ("Lee Grant|Gazette", "Lee Grant|Gazette"),  # no spaced bar: not two parts
    ],
)
def test_join_credit_parts(credit: str, joined: str) -> None:
    assert join_credit_parts(credit) == joined
