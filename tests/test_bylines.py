"""Bylines into person names and agency; closing credit lines into an agency; name test."""

from __future__ import annotations

import pytest

from newsextract.fields.bylines import (
    agency_from_credit_line,
    cjk_byline,
    closing_bracket_agencies,
    is_person_name,
    lone_byline,
    parse_byline,
)
from tests._linear_time import COMMON_ADVERSARIAL, assert_linear

# (byline, expected names, expected agency)
BYLINES: list[tuple[str, tuple[str, ...], str | None]] = [
    ("By Jane Doe and John Roe", ("Jane Doe", "John Roe"), None),
    ("By Jane Doe, John Roe and Max Mustermann", ("Jane Doe", "John Roe", "Max Mustermann"), None),
    ("By Jane Doe & John Roe", ("Jane Doe", "John Roe"), None),
    ("By Jane Doe, Associated Press", ("Jane Doe",), "AP"),
    ("By JANE DOE and JOHN ROE, Associated Press", ("JANE DOE", "JOHN ROE"), "AP"),
    ("By JANE DOE, AP Business Writer", ("JANE DOE",), "AP"),
    ("By JANE DOE", ("JANE DOE",), None),
    ("By: Jane Doe", ("Jane Doe",), None),
    ("Von Anna Schmidt und Max Weber", ("Anna Schmidt", "Max Weber"), None),
    ("Por Ana López y Luis Pérez", ("Ana López", "Luis Pérez"), None),
    ("Par Jean Dupont et Marie Martin", ("Jean Dupont", "Marie Martin"), None),
    ("di Mario Rossi", ("Mario Rossi",), None),
    ("Door Jan Jansen en Piet Pietersen", ("Jan Jansen", "Piet Pietersen"), None),
    ("Por Ana López en Madrid", ("Ana López",), None),
    # Roles after the name.
    ("By Jane Doe, Staff Writer", ("Jane Doe",), None),
    ("By Jane Doe, Senior Political Correspondent", ("Jane Doe",), None),
    ("Jane Doe Staff Reporter", ("Jane Doe",), None),
    ("Von Anna Schmidt, Korrespondentin", ("Anna Schmidt",), None),
    # Contact details, time stamps and dates after the name.
    ("Jane Doe jane.doe@example.com", ("Jane Doe",), None),
    ("Jane Doe @janedoe", ("Jane Doe",), None),
    ("By Jane Doe | Updated 10:30 a.m. ET, Jan. 5, 2024", ("Jane Doe",), None),
    ("By Jane Doe January 5, 2024", ("Jane Doe",), None),
    ("By Jane Doe Monday, Jan. 5", ("Jane Doe",), None),
    ("Jane Doe, Reuters | Published 3 hours ago", ("Jane Doe",), "Reuters"),
    ("By Jane Doe Follow on X", ("Jane Doe",), None),
    # Agencies: alone, after a name, possessive, with a preposition.
    ("By Reuters", (), "Reuters"),
    ("Reuters", (), "Reuters"),
    ("AFP", (), "AFP"),
    ("By The Associated Press", (), "AP"),
    ("Agence France-Presse", (), "AFP"),
    ("Mit Material von dpa", (), "dpa"),
    ("By CNN's Jane Doe", ("Jane Doe",), "CNN"),
    ("By Jane Doe of Press Trust of India", ("Jane Doe",), "PTI"),
    ("By Jane Doe with AFP", ("Jane Doe",), "AFP"),
    ("Jane Doe / Reuters", ("Jane Doe",), "Reuters"),
    ("Jane Doe (dpa)", ("Jane Doe",), "dpa"),
    # Places and outlets after the name are not part of it.
    ("Jane Doe in London", ("Jane Doe",), None),
    ("Jane Doe for The Guardian", ("Jane Doe",), None),
    # Names that look like something else.
    ("By Sunday Alamba", ("Sunday Alamba",), None),
    ("By Antara Dev", ("Antara Dev",), None),
    ("By Ursula von der Leyen", ("Ursula von der Leyen",), None),
    ("By Jane Doe and Jane Doe", ("Jane Doe",), None),
    # An agency and where it filed from.
    ("Associated Press in Lisbon", (), "AP"),
    ("Reuters in Kyiv", (), "Reuters"),
    ("AFP aus Paris", (), "AFP"),
    ("Jane Doe in Kyiv", ("Jane Doe",), None),
    ("Reuters in a statement", (), None),
    # Chinese and Japanese lead-ins, names apart by spaces after one.
    ("作者：张三", ("张三",), None),
    ("记者：张三 李四", ("张三", "李四"), None),
    ("本报记者：王五", ("王五",), None),
    ("取材・文／山田太郎", ("山田太郎",), None),
    ("记者会上表示", (), None),  # 记者会: a press conference, no lead-in
    # No person at all.
    ("By The Editorial Board", (), None),
    ("By Staff", (), None),
    ("", (), None),
]


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("作者：张三", ("张三",)),  # zh: author
        ("记者：张三 李四", ("张三", "李四")),  # zh: reporters
        ("记者 观察", ()),  # a column label: no colon after the lead-in
        ("本报记者获悉", ()),  # "our reporter learned": a sentence
        ("사진 기자", ()),  # ko: a desk ("photo") before the title, no name
        ("山田太郎 記者", ("山田太郎",)),  # ja: the title after the name
        ("홍길동 기자", ("홍길동",)),  # ko
        ("张三", ()),  # a Han run alone is as often a label
        ("市场部", ()),  # a desk, no name
        ("Jane Doe 기자", ()),  # names outside those scripts are lone_byline's
    ],
)
def test_cjk_byline_reads_lines_marked_by_their_words(line: str, names: tuple[str, ...]) -> None:
    assert cjk_byline(line) == names


def test_a_korean_byline_drops_the_reporter_word_and_the_address() -> None:
    assert parse_byline("김민수 기자 minsu@example.kr") == (("김민수",), None)
    assert parse_byline("By 김민수,이서연") == (("김민수", "이서연"), None)


@pytest.mark.parametrize(("byline", "names", "agency"), BYLINES)
def test_parse_byline(byline: str, names: tuple[str, ...], agency: str | None) -> None:
    assert parse_byline(byline) == (names, agency)


def test_enough_byline_cases() -> None:
    assert len(BYLINES) >= 25


@pytest.mark.parametrize(
    ("line", "agency"),
    [
        ("(Reporting by Jane Doe in London; Editing by John Roe)", "Reuters"),
        ("(Additional reporting by Jane Doe; Writing by John Roe)", "Reuters"),
        ("Reporting by Jane Doe; Editing by John Roe", "Reuters"),
        ("Copyright 2024 The Associated Press. All rights reserved.", "AP"),
        ("© 2024 Bloomberg L.P.", "Bloomberg"),
        ("© AFP", "AFP"),
        ("(c) 2023 Reuters", "Reuters"),
        ("— Associated Press", "AP"),
        ("-- Reuters", "Reuters"),
        ("(AFP)", "AFP"),
        ("(dpa/lby)", "dpa"),
        ("Associated Press writer Jane Doe contributed to this report.", "AP"),
        ("The Associated Press contributed to this report.", "AP"),
        ("Information from Reuters was used in this report.", "Reuters"),
        ("— With files from The Canadian Press", "CP"),
        ("Mit Material von dpa und AFP", "dpa"),
        ("Con información de EFE", "EFE"),
        ("Avec AFP", "AFP"),
        ("mit dpa", "dpa"),
        ("met Belga", "Belga"),
        ("con EFE", "EFE"),
        ("Com Lusa", "Lusa"),  # pt
        ("Com informações da Reuters", "Reuters"),
        ("To contact the reporter on this story: Jane Doe in London", "Bloomberg"),
        # Not credit lines.
        ("Reuters reported that shares fell on Monday.", None),
        ("With AP's help, officials found the boat near the coast on Monday.", None),
        ("Jane Doe contributed reporting from Kyiv.", None),
        ("Copyright 2024 Example Media Inc. All rights reserved.", None),
        ("The minister spoke to Spa residents.", None),
        ("Mit der Bahn ist es schneller als mit dem Auto.", None),
        ("Com a chegada do inverno, os preços subiram.", None),
        ("", None),
    ],
)
def test_agency_from_credit_line(line: str, agency: str | None) -> None:
    assert agency_from_credit_line(line) == agency


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jane Doe", True),
        ("JANE DOE", True),
        ("Ursula von der Leyen", True),
        ("J.K. Rowling", True),
        ("Martin Luther King Jr.", True),
        ("Mary-Kate O'Neil", True),
        ("María del Carmen García López", True),
        ("Jane", False),
        ("J. K.", False),
        ("Staff Writer", False),
        ("Reuters", False),
        ("The Associated Press", False),
        ("The Editorial Board", False),
        ("Washington Post", False),
        ("Example.com Staff", False),
        ("Jane Doe 2", False),
        ("jane doe", False),
        ("One Two Three Four Five Six", False),
        ("Updated Monday", False),
        # A publication's title in its own language.
        ("Motor Magazin", False),
        ("Diario Sur", False),
        ("Giornale Alpino", False),
        ("Harbour Nieuws", False),
        # Chinese, Japanese and Korean names: a short run of one script, no capitals.
        ("김민수", True),
        ("남궁민수", True),
        ("高橋健", True),
        ("長谷川 健太郎", True),
        ("王小明", True),
        ("김", False),
        ("김민수김민수", False),
        ("東海新聞", False),
        ("編集部", False),
        ("한빛뉴스", False),
        ("共同通信社", False),
        ("ハナコ", False),
    ],
)
def test_is_person_name(text: str, expected: bool) -> None:
    assert is_person_name(text) is expected


ADVERSARIAL = {
    **COMMON_ADVERSARIAL,
    "lead-ins": "By A and " * 100_000,
    "reporting": "(Reporting by " * 100_000,
    "dots": "A." * 500_000,
    "closing brackets": "erklärt. (dpa/abc" * 100_000,
}


@pytest.mark.perf
@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_adversarial_input_runs_in_linear_time(name: str) -> None:
    text = ADVERSARIAL[name]
    for function in (parse_byline, agency_from_credit_line, is_person_name):
        assert_linear(function, text)
    assert_linear(closing_bracket_agencies, text)
    assert agency_from_credit_line(text) is None
    assert is_person_name(text) is False


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Marta Quintero", ("Marta Quintero",)),
        ("Marta Quintero/Olu Bankole", ("Marta Quintero", "Olu Bankole")),
        ("– Marta Quintero", ("Marta Quintero",)),
        ("Marta Quintero |", ("Marta Quintero",)),
        ("MARTA QUINTERO", ()),  # capitals: a label as often as a name
        ("By Marta Quintero", ("Marta Quintero",)),
        ("Marta Quintero, harbour reporter", ()),
        ("Harbour Council", ()),
        ("A Decisive Victory", ()),
        ("Via Harbour News", ()),
        ("The council met on Tuesday.", ()),
        ("山田太郎", ()),  # a run of CJK characters alone is as often a label
    ],
)
def test_lone_byline(line: str, names: tuple[str, ...]) -> None:
    assert lone_byline(line) == names
