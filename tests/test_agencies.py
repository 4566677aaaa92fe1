"""The agency table and the lookups built from it."""

from __future__ import annotations

import re

import pytest

from newsextract.fields.agencies import (
    AGENCIES,
    AGENCY_NAMES,
    AGENCY_RE,
    agency_in_print,
    agency_pattern,
    find_agency,
    normalise_agency,
)
from tests._linear_time import COMMON_ADVERSARIAL, assert_linear


@pytest.mark.parametrize(
    ("printed", "agency"),
    [
        ("AP", "AP"),
        ("The Associated Press", "AP"),
        ("Associated Press", "AP"),
        ("A.P.", "AP"),
        ("(AP)", "AP"),
        ("Reuters", "Reuters"),
        ("REUTERS", "Reuters"),
        ("(SID)", "SID"),
        ("新华社", "Xinhua"),
        ("연합뉴스", "Yonhap"),
        ("ТАСС", "TASS"),
        ("رويترز", "Reuters"),
        ("Thomson Reuters", "Reuters"),
        ("AFP", "AFP"),
        ("Agence France-Presse", "AFP"),
        ("Agence France Presse", "AFP"),
        ("agence  france - presse", "AFP"),
        ("United Press International", "UPI"),
        ("Deutsche Presse-Agentur", "dpa"),
        ("DPA", "dpa"),
        ("Agencia EFE", "EFE"),
        ("ANSA", "ANSA"),
        ("Kyodo News", "Kyodo"),
        ("Xinhua News Agency", "Xinhua"),
        ("Press Trust of India", "PTI"),
        ("Anadolu Agency", "Anadolu"),
        ("AA", "Anadolu"),
        ("The Canadian Press", "CP"),
        ("PA Media", "PA"),
        ("Press Association", "PA"),
        ("ITAR-TASS", "TASS"),
        ("RIA Novosti", "RIA Novosti"),
        ("/PRNewswire/", "PRNewswire"),
        ("PR Newswire", "PRNewswire"),
        ("GLOBE NEWSWIRE", "GlobeNewswire"),
        ("BUSINESS WIRE", "Business Wire"),
        ("Agencia Brasil", "Agência Brasil"),
        ("CTK", "ČTK"),
        ("Keystone-ATS", "Keystone-SDA"),
        ("AP Photo", None),
        ("Getty Images", None),
        ("The Guardian", None),
        ("", None),
        ("Reuters " * 20, None),
    ],
)
def test_normalise_agency(printed: str, agency: str | None) -> None:
    assert normalise_agency(printed) == agency


def test_table_has_at_least_thirty_agencies_with_unique_names() -> None:
    names = [agency.name for agency in AGENCIES]
    assert len(names) >= 30
    assert len(set(names)) == len(names)
    assert frozenset(names) == AGENCY_NAMES


def test_every_alias_normalises_to_its_own_agency() -> None:
    for agency in AGENCIES:
        for alias in (agency.name, *agency.aliases):
            assert normalise_agency(alias) == agency.name, alias


def test_every_alias_is_matched_whole_by_the_pattern() -> None:
    for agency in AGENCIES:
        for alias in (agency.name, *agency.aliases):
            match = AGENCY_RE.fullmatch(alias)
            assert match is not None, alias
            assert normalise_agency(match.group()) == agency.name


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("LONDON (Reuters) - Stocks", "Reuters"),
        ("said Agence France - Presse on Monday", "Agence France - Presse"),
        ("a Reuters Health report", "Reuters Health"),
        ("ANADOLU AJANSI", "ANADOLU AJANSI"),
        ("Agência Lusa", "Agência Lusa"),
        ("CAPE TOWN", None),
        ("AP1 and XAP", None),
        ("nothing here", None),
    ],
)
def test_pattern_matches_whole_words_only(text: str, match: str | None) -> None:
    found = AGENCY_RE.search(text)
    assert (found.group() if found else None) == match


def test_embeddable_pattern_matches_what_the_search_pattern_matches() -> None:
    # Two builds of one trie: they must agree on every alias in every case, at a word start
    # and not inside a word, and on first letters that only ignore-case would fold.
    embedded = re.compile(agency_pattern())
    texts = ["CAPE TOWN", "AP1", "ſpa", "\u212aYODO", "kyodo"]
    for agency in AGENCIES:
        for alias in (agency.name, *agency.aliases):
            for form in (alias, alias.upper(), alias.lower(), alias.swapcase()):
                texts += [form, f"({form}) -", f"x{form}", f"{form}s", f"\u00a9 {form}."]
    for text in texts:
        for position in range(min(len(text), 3)):
            ours, theirs = embedded.match(text, position), AGENCY_RE.match(text, position)
            assert (ours and ours.span()) == (theirs and theirs.span()), (text, position)


def test_pattern_embeds_without_groups() -> None:
    embedded = re.compile(rf"\((?P<agency>{agency_pattern()})\)")
    found = embedded.search("BERLIN (dpa) -")
    assert found is not None
    assert found.group("agency") == "dpa"
    assert embedded.groups == 1


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("Photo: Jane Doe/AFP", "AFP"),
        ("picture alliance/dpa", "dpa"),
        ("Jane Doe/Lusa", "Lusa"),
        ("A day at the Spa", None),
        ("Sana Khan", None),
        ("Saudi state media (SPA) said", "SPA"),
        ("", None),
    ],
)
def test_find_agency_ignores_short_aliases_in_lower_case(text: str, agency: str | None) -> None:
    assert find_agency(text) == agency


@pytest.mark.parametrize(
    ("printed", "agency"),
    [("Spa", None), ("SPA", "SPA"), ("dpa", "dpa"), ("Reuters", "Reuters"), ("Ria", None)],
)
def test_agency_in_print(printed: str, agency: str | None) -> None:
    assert agency_in_print(printed) == agency


# The alternation is one trie, so a search costs a bounded amount of work per character. It is
# slower per character than `str.split`, which only scans for spaces, hence the wider ratio.
MAX_RATIO_TO_SPLIT = 200
TIMING_FLOOR_SECONDS = 0.05

ADVERSARIAL = {
    **COMMON_ADVERSARIAL,
    "near alias": "Agence France " * 80_000,
    "prefixes": "AP" * 500_000,
}


@pytest.mark.perf
@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_adversarial_input_runs_in_linear_time(name: str) -> None:
    text = ADVERSARIAL[name]
    for function in (normalise_agency, AGENCY_RE.search):
        assert_linear(function, text, max_ratio=MAX_RATIO_TO_SPLIT, floor=TIMING_FLOOR_SECONDS)
    assert normalise_agency(text) is None
    assert AGENCY_RE.search(text) is None


def _story(first: str) -> str:
    sentences = "".join(
        f"<p>Paragraph {n} of the story, in which the minister spoke at length, said officials.</p>"
        for n in range(4)
    )
    return f"<html><body><article><h1>A plan</h1><p>{first}</p>{sentences}</article></body></html>"


@pytest.mark.parametrize(("line", "agency"), [("Anadolu Ajansı", "Anadolu"), ("AP", "AP")])
def test_a_lone_agency_line_above_the_story_names_its_agency(line: str, agency: str) -> None:
    from newsextract import extract

    assert extract(_story(line)).agency == agency


def test_an_agency_named_in_the_opening_sentence_is_not_the_story_s() -> None:
    from newsextract import extract

    opening = "The minister told Reuters on Monday that the plan would go ahead next year."
    assert extract(_story(opening)).agency is None
