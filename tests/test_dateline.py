"""The dateline grammar: wire-service and newspaper datelines in several languages, and the
ordinary openings that must not be read as one."""

from __future__ import annotations

import dataclasses

import pytest

from newsextract.fields.dateline import Dateline, parse_dateline, split_dateline
from tests._linear_time import COMMON_ADVERSARIAL, assert_linear

# (paragraph, expected dateline, expected agency)
Case = tuple[str, str | None, str | None]

ENGLISH: list[Case] = [
    ("WASHINGTON (AP) — The Senate voted late on Tuesday.", "WASHINGTON", "AP"),
    ("HAYWARD, Calif. (AP) — A small quake shook the bay.", "HAYWARD, Calif.", "AP"),
    ("NEW YORK (Reuters) - Wall Street opened lower.", "NEW YORK", "Reuters"),
    ("LONDON, March 3 (Reuters) - Sterling slipped.", "LONDON, March 3", "Reuters"),
    ("(Reuters) — Oil prices edged higher on Friday.", None, "Reuters"),
    ("(CNN) — A winter storm is moving east.", None, "CNN"),
    ("(CNN)A winter storm is moving east.", None, "CNN"),
    ("Jan. 10 (UPI) -- Rescuers reached the village.", "Jan. 10", "UPI"),
    ("WASHINGTON, Jan. 10 (UPI) -- The House adjourned.", "WASHINGTON, Jan. 10", "UPI"),
    ("TOKYO (Kyodo) -- The yen weakened again.", "TOKYO", "Kyodo"),
    ("BEIJING, Jan. 5 (Xinhua) -- Exports grew.", "BEIJING, Jan. 5", "Xinhua"),
    ("NEW DELHI (PTI) The cabinet met on Monday.", "NEW DELHI", "PTI"),
    ("Mumbai, Feb 14 (PTI) Shares of the lender rose.", "Mumbai, Feb 14", "PTI"),
    (
        "NEW YORK, May 2, 2024 /PRNewswire/ -- Acme Corp. announced results.",
        "NEW YORK, May 2, 2024",
        "PRNewswire",
    ),
    (
        "SAN JOSE, Calif., May 2, 2024 /PRNewswire/ -- Widget Inc. said.",
        "SAN JOSE, Calif., May 2, 2024",
        "PRNewswire",
    ),
    ("NEW YORK--(BUSINESS WIRE)--Acme Corp. reported.", "NEW YORK", "Business Wire"),
    (
        "AUSTIN, Texas, May 02, 2024 (GLOBE NEWSWIRE) -- Widget Inc. said.",
        "AUSTIN, Texas, May 02, 2024",
        "GlobeNewswire",
    ),
    ("MOSCOW, March 3. /TASS/. The ministry said.", "MOSCOW, March 3", "TASS"),
    ("ST. LOUIS (AP) — The river crested overnight.", "ST. LOUIS", "AP"),
    ("WINSTON-SALEM, N.C. (AP) — A plant will close.", "WINSTON-SALEM, N.C.", "AP"),
    ("O'FALLON, Mo. (AP) — Police said a man was held.", "O'FALLON, Mo.", "AP"),
    ("WASHINGTON, D.C. (AP) — Crowds gathered.", "WASHINGTON, D.C.", "AP"),
    ("UNITED NATIONS (AP) — The council met.", "UNITED NATIONS", "AP"),
    ("SYDNEY (AAP) - Bushfires burned overnight.", "SYDNEY", "AAP"),
    ("TORONTO (CP) — The Leafs won.", "TORONTO", "CP"),
    ("SEOUL, Jan. 7 (Yonhap) -- North Korea fired a missile.", "SEOUL, Jan. 7", "Yonhap"),
    ("ANKARA (AA) - The central bank held rates.", "ANKARA", "Anadolu"),
    ("KUALA LUMPUR, Jan 8 (Bernama) -- Ringgit firmer.", "KUALA LUMPUR, Jan 8", "Bernama"),
    ("LONDON, March 3 (Reuters Breakingviews) - Banks.", "LONDON, March 3", "Reuters"),
    ("NEW YORK (CNN Business) — Stocks slid.", "NEW YORK", "CNN"),
    ("\u00a0WASHINGTON\u00a0(AP) — Leading spaces do not matter.", "WASHINGTON", "AP"),
    ("MADRID — Spain's parliament met.", "MADRID", None),
    ("BUFFALO, N.Y. — A lake-effect storm dumped snow.", "BUFFALO, N.Y.", None),
    ("BERLIN -- The coalition talks resumed.", "BERLIN", None),
    ("WASHINGTON—The Senate adjourned.", "WASHINGTON", None),
    ("KYIV, Ukraine — Air raid sirens sounded.", "KYIV, Ukraine", None),
    ("NEW DELHI: The Supreme Court on Monday ruled.", "NEW DELHI", None),
]

SPANISH: list[Case] = [
    ("MADRID, 3 mar (EFE).- El Gobierno aprobó el plan.", "MADRID, 3 mar", "EFE"),
    (
        "Ciudad de México, 12 feb (EFE).- La presidenta habló.",
        "Ciudad de México, 12 feb",
        "EFE",
    ),
    ("BOGOTÁ (Reuters) - El presidente viajó a Quito.", "BOGOTÁ", "Reuters"),
    ("MADRID, 3 (EUROPA PRESS) El Congreso votó hoy.", "MADRID, 3", "Europa Press"),
    ("SEVILLA — La Junta presentó el presupuesto.", "SEVILLA", None),
    ("BUENOS AIRES, 5 ene (Télam) - El Senado sesionó.", "BUENOS AIRES, 5 ene", "Télam"),
    ("Santiago de Chile, 8 abr (EFE).- Llovió.", "Santiago de Chile, 8 abr", "EFE"),
]

FRENCH: list[Case] = [
    ("PARIS (AFP) - Le gouvernement a tranché.", "PARIS", "AFP"),
    ("Paris, 3 mars 2024 (AFP) - Les syndicats manifestent.", "Paris, 3 mars 2024", "AFP"),
    ("BRUXELLES (Belga) - Le Parlement a voté.", "BRUXELLES", "Belga"),
    ("Genève (Keystone-ATS) - La bourse a ouvert.", "Genève", "Keystone-SDA"),
    ("La Haye (AFP) - La Cour a rendu son avis.", "La Haye", "AFP"),
    ("LYON — La mairie a annoncé des travaux.", "LYON", None),
]

GERMAN: list[Case] = [
    ("Berlin (dpa) - Die Bundesregierung plant mehr.", "Berlin", "dpa"),
    ("BERLIN (dpa) \u2013 Die Koalition streitet.", "BERLIN", "dpa"),
    ("Frankfurt/Main (dpa/lhe) - Der Dax stieg.", "Frankfurt/Main", "dpa"),
    ("Wien (APA) - Die Regierung tagt.", "Wien", "APA"),
    ("Bonn (KNA) - Die Bischöfe beraten.", "Bonn", "KNA"),
    ("HAMBURG — Der Hafen meldet Rekorde.", "HAMBURG", None),
    ("Berlin (AFP/dpa) - Der Kanzler reist.", "Berlin", "AFP"),
    ("München, 3. März 2024 (dpa) - Es schneit.", "München, 3. März 2024", "dpa"),
]

ITALIAN: list[Case] = [
    ("ROMA, 12 GEN (ANSA) - Il governo ha varato.", "ROMA, 12 GEN", "ANSA"),
    ("(ANSA) - ROMA, 12 GEN - Il governo ha varato.", "ROMA, 12 GEN", "ANSA"),
    ("MILANO (Reuters) - La Borsa ha chiuso in rialzo.", "MILANO", "Reuters"),
    ("Napoli, 4 apr (Adnkronos) - Il sindaco ha detto.", "Napoli, 4 apr", "Adnkronos"),
    ("TORINO — Il sindaco ha firmato.", "TORINO", None),
    ("Roma, 5 mag (AGI) - Il Senato approva.", "Roma, 5 mag", "AGI"),
]

PORTUGUESE: list[Case] = [
    ("LISBOA, 3 mar (Lusa) - O Governo aprovou.", "LISBOA, 3 mar", "Lusa"),
    ("BRASÍLIA (Reuters) - O presidente sancionou.", "BRASÍLIA", "Reuters"),
    (
        "São Paulo, 3 de março (Agência Brasil) - A prefeitura.",
        "São Paulo, 3 de março",
        "Agência Brasil",
    ),
    ("RIO DE JANEIRO — A prefeitura decretou.", "RIO DE JANEIRO", None),
    ("PORTO (Lusa) \u2013 A câmara aprovou.", "PORTO", "Lusa"),
]

OTHER_LANGUAGES: list[Case] = [
    ("AMSTERDAM (ANP) - Het kabinet is gevallen.", "AMSTERDAM", "ANP"),
    ("DEN HAAG — Het kabinet vergadert.", "DEN HAAG", None),
    ("JAKARTA, KOMPAS.com - Presiden meresmikan.", "JAKARTA", None),
    ("Jakarta (ANTARA) - Pemerintah menyiapkan.", "Jakarta", "Antara"),
    ("OSLO (NTB) - Regjeringen la fram.", "OSLO", "NTB"),
    ("STOCKHOLM (TT) - Regeringen meddelade.", "STOCKHOLM", "TT"),
    ("WARSZAWA (PAP) - Sejm uchwalił ustawę.", "WARSZAWA", "PAP"),
    # Nordic wires in mixed case with no dash: after a known agency, a capital opens the story.
    ("København (Ritzau) Regeringen fremlægger et forslag.", "København", "Ritzau"),
    ("Stockholm (TT) Regeringen meddelade i dag.", "Stockholm", "TT"),
    ("Montréal (La Presse canadienne) — Le budget a été déposé.", "Montréal", "CP"),
    ("SÃO PAULO (Folhapress) - O governo anunciou o plano.", "SÃO PAULO", "Folhapress"),
]

# A correspondent's label before the place.
LABELLED: list[Case] = [
    ("DALLA NOSTRA CORRISPONDENTE NEW YORK - Il governo ha deciso.", "NEW YORK", None),
    ("DAL NOSTRO INVIATO KIEV — La città è al buio.", "KIEV", None),
    ("DE NOTRE CORRESPONDANT À BERLIN — Le gouvernement a voté.", "BERLIN", None),
    ("FROM OUR CORRESPONDENT IN NAIROBI — The vote was delayed.", "NAIROBI", None),
    ("DE NUESTRO CORRESPONSAL EN LIMA — El gobierno anunció un plan.", "LIMA", None),
]

# Scripts without capitals or spaces print a frame of their own (`rules.script_datelines`);
# Cyrillic and Arabic datelines follow the Latin grammar, with their months and agency names.
OTHER_SCRIPTS: list[Case] = [
    ("新华社上海5月3日电 市政府发布了新的规划。", "上海5月3日", "Xinhua"),
    ("新华社北京３日电（记者张三）国务院发布了新规。", "北京３日", "Xinhua"),
    ("中新社广州3日电 当地发布了新的规划。", "广州3日", "China News Service"),
    ("（中央社台北3日電）行政院宣布新的政策。", "台北3日", "CNA"),
    ("（中央社記者王明台北3日電）行政院宣布新的政策。", "3日", "CNA"),
    ("【ワシントン共同】米政府は新たな対策を発表した。", "ワシントン", "Kyodo"),
    ("【ニューヨーク時事】株価は続落した。", "ニューヨーク", "Jiji"),
    ("【3月3日 AFP】政府は新たな対策を発表した。", "3月3日", "AFP"),
    ("【ソウル＝山田太郎】韓国政府は新たな対策を発表した。", "ソウル", None),
    ("[東京 ロイター] - 日銀は金融政策を据え置いた。", "東京", "Reuters"),
    ("(서울=연합뉴스) 홍길동 기자 = 정부는 새 대책을 발표했다.", "서울", "Yonhap"),
    ("(부산=뉴스1) 홍길동 기자 = 시는 새 계획을 밝혔다.", "부산", "News1"),
    ("МОСКВА, 3 марта. /ТАСС/. Правительство объявило о плане.", "МОСКВА, 3 марта", "TASS"),
    ("КИЇВ, 3 березня (Укрінформ) - Уряд оголосив план.", "КИЇВ, 3 березня", "Ukrinform"),
    ("القاهرة (رويترز) - أعلنت الحكومة عن خطة جديدة.", "القاهرة", "Reuters"),
    ("باريس (أ ف ب) - أعلنت الحكومة عن خطة جديدة.", "باريس", "AFP"),
    ("ΑΘΗΝΑ (ΑΠΕ-ΜΠΕ) - Η κυβέρνηση ανακοίνωσε σχέδιο.", "ΑΘΗΝΑ", "ANA-MPA"),
    ("ירושלים (רויטרס) - הממשלה הודיעה על תוכנית.", "ירושלים", "Reuters"),
    ("تهران (ایرنا) - دولت برنامه جدیدی اعلام کرد.", "تهران", "IRNA"),
    ("中新网北京3日电 当地发布了新的规划。", "北京3日", "China News Service"),
]

# Generated cases of the forms read since the fundus labels: a bracketed source that is not an
# agency (the dateline stands, the agency is None unless a part of the marker names one), and a
# place in mixed case before a spaced dash. Per language group: places, a story sentence, and
# the unknown marker its press prints (a call sign, editor's initials, a site).
GROUPS: dict[str, tuple[tuple[str, ...], str, str]] = {
    "en": (("DALLAS", "DENVER, Colo."), "A storm knocked out power.", "WKXT"),
    "de": (("Hamburg", "Köln"), "Der Senat hat beschlossen.", "abc"),
    "es": (("Lima, 3 jun", "Quito, 12 mar"), "El gobierno anunció un plan.", "Diario.pe"),
    "fr": (("Lyon, 4 mai", "GENÈVE"), "La ville a voté le budget.", "xyz"),
    "it": (("ROMA", "Napoli, 5 giu"), "Il sindaco ha firmato.", "red"),
}


def _generated() -> list[Case]:
    cases: list[Case] = []
    for places, story, marker in GROUPS.values():
        for place in places:
            capitals_or_date = place.split(",")[0].isupper() or any(c.isdigit() for c in place)
            cases.append((f"{place} ({marker}). {story}", place, None))
            if capitals_or_date:  # A dash after a mixed-case place and a marker is a sentence.
                cases.append((f"{place} ({marker}) – {story}", place, None))
                cases.append((f"{place} ({marker}).- {story}", place, None))
            cases.append((f"{place} (Reuters/{marker}). {story}", place, "Reuters"))
            cases.append((f"{place} ({marker}, AFP) - {story}", place, "AFP"))
    return cases


MIXED_CASE: list[Case] = [
    ("Gundremmingen - Die Kühltürme wurden gesprengt.", "Gundremmingen", None),
    ("London/Teheran – Die Gespräche gehen weiter.", "London/Teheran", None),
    ("Frankfurt am Main - Der Index stieg leicht.", "Frankfurt am Main", None),
    ("Nendeln, 27.6.2025 – Der Verein hat gewählt.", "Nendeln, 27.6.2025", None),
    ("Madrid — El Gobierno aprobó el plan.", "Madrid", None),
    ("Indianapolis – Several thousand teachers rallied.", "Indianapolis", None),
    ("Madrid (CNN)The minister resigned.", "Madrid", "CNN"),
    ("Köln (KNA). Die Bischöfe beraten.", "Köln", "KNA"),
    ("Graz (APA/red) – Ein Unfall legte den Verkehr lahm.", "Graz", "APA"),
    # A country or region in brackets after the place, then a dash.
    ("Sotschi (Russland) - Die Spiele wurden eröffnet.", "Sotschi (Russland)", None),
    ("Kiel (Schleswig-Holstein) – Der Hafen wächst.", "Kiel (Schleswig-Holstein)", None),
    ("Valencia (Spain) – Floods closed the port.", "Valencia (Spain)", None),
]

GENERATED = _generated()

POSITIVES = (
    ENGLISH
    + SPANISH
    + FRENCH
    + GERMAN
    + ITALIAN
    + PORTUGUESE
    + OTHER_LANGUAGES
    + OTHER_SCRIPTS
    + LABELLED
) + (GENERATED + MIXED_CASE)

NEGATIVES: list[str] = [
    "The US (and Canada) said on Monday that talks would resume.",
    "WASHINGTON state lawmakers passed a budget on Friday.",
    '"We will not back down," the minister said.',
    "\u201cIt was chaos,\u201d one witness said.",
    "- Preheat the oven to 200C.",
    "1. Preheat the oven to 200C.",
    "\u2022 Turnout was 61 percent.",
    "NASA said on Monday that the launch was delayed.",
    "BREAKING: Parliament has been dissolved",
    "UPDATE 2-Oil prices rise as supply worries mount",
    "EXCLUSIVE-Carmaker weighs plant closure",
    "(AP Photo/Jane Doe)",
    "ATLANTA (AP Photo) — A fan cheers.",
    "The Associated Press (AP) said the count was final.",
    "According to the agency (AFP), the talks failed.",
    "Officials in Berlin (dpa) say the plan is dead.",
    "WASHINGTON (AP), the news agency, reported the figure.",
    "FILE - In this photo, a man walks past a bank.",
    "EDITOR'S NOTE — This story contains graphic details.",
    "WATCH: The moment the bridge gave way",
    "LIVE UPDATES: Election night as it happened",
    "UN — Member states voted on the resolution.",
    "COVID-19 — What we know so far",
    "Apple Inc (AAPL) — Shares rose after the results.",
    "TEMPO.CO, Jakarta - Presiden meresmikan.",
    "El presidente (EFE) dijo que no habrá cambios.",
    "Le président (AFP) a déclaré qu'il partirait.",
    "Die Regierung (dpa) sagte am Montag zu.",
    # A name and an agency with no dash: a photo's credit line, not a place.
    "Jane Doe (AP) The photo shows the crowd.",
    # A script without case gives no capital to open the story by.
    "الرئيس (رويترز) قال إن الخطة جاهزة.",
    "Il governo (ANSA) ha deciso di rinviare.",
    "O presidente (Lusa) disse que vai vetar.",
    "Het kabinet (ANP) zegt dat het plan doorgaat.",
    "Q: What happens next?",
    "WHAT: A free concert in the park",
    "(and Canada) — the neighbours agreed.",
    # Brackets and mixed case that open sentences, titles or biographies, not datelines.
    "Angela Muster (SPD) sagte am Montag, der Plan sei tot.",
    "Jo Beispiel (Grüne) – das ist ihre Meinung.",
    "Jo Beispiel (Grüne) – Das ist ihre Meinung.",  # a person and her party
    "Apple Inc (Nasdaq) – shares rose after the results.",
    "Copywriter – the word brings an image to mind.",
    "Fractured Tale - Three new videos - May 2, 2024",
    "Jo Beispiel - Jo Beispiel is a writer based in Ohio.",
    "Finally. A video of some amazing airplanes.",
    "Gen. Jane Doe turned the tide in the war.",
    "Die Polizei – sie kam zu spät.",
    "Heute – Der Tag beginnt mit Regen.",
    "Seven-footer - He has had his share of big houses.",
    # Frames in other scripts that are not datelines: a label, a photo credit, an agency
    # named at the end, a word that contains the "filed" character.
    "【独自】政府が新たな対策を検討していることが分かった。",
    "(사진=연합뉴스) 정부는 새 대책을 발표했다.",
    "(서울=홍길동) 정부는 새 대책을 발표했다.",
    "Dalla nostra inviata a Roma, il racconto di una giornata.",
    "政府は新たな対策を発表した（共同）。",
    "国务院3日电视讲话中说，经济平稳。",
    "（记者张三）市政府发布了新的规划。",
    "",
    "   ",
]


@pytest.mark.parametrize(("paragraph", "dateline", "agency"), POSITIVES)
def test_parses_dateline(paragraph: str, dateline: str | None, agency: str | None) -> None:
    assert parse_dateline(paragraph) == Dateline(dateline=dateline, agency=agency)


@pytest.mark.parametrize("paragraph", NEGATIVES)
def test_ordinary_opening_is_not_a_dateline(paragraph: str) -> None:
    assert parse_dateline(paragraph) is None


def test_generated_cases_cover_every_language_group() -> None:
    assert len(GENERATED) >= 4 * len(GROUPS)
    for places, _, _ in GROUPS.values():
        assert all(any(c[1] == place for c in GENERATED) for place in places)


def test_case_counts_meet_the_brief() -> None:
    assert len(POSITIVES) + len(NEGATIVES) >= 70
    assert len(NEGATIVES) >= 18
    languages = [ENGLISH, SPANISH, FRENCH, GERMAN, ITALIAN, PORTUGUESE, OTHER_LANGUAGES]
    assert all(len(cases) >= 5 for cases in languages)


@pytest.mark.parametrize(
    ("paragraph", "dateline", "rest"),
    [
        ("WASHINGTON (AP) — The Senate voted.", Dateline("WASHINGTON", "AP"), "The Senate voted."),
        ("MADRID, 3 mar (EFE).- El Gobierno.", Dateline("MADRID, 3 mar", "EFE"), "El Gobierno."),
        ("(CNN)A storm hit.", Dateline(None, "CNN"), "A storm hit."),
        ("BUFFALO, N.Y. — Snow fell.", Dateline("BUFFALO, N.Y.", None), "Snow fell."),
        ("(ANSA) - ROMA, 12 GEN - Il governo.", Dateline("ROMA, 12 GEN", "ANSA"), "Il governo."),
        ("Nothing to see here.", None, "Nothing to see here."),
    ],
)
def test_split_dateline_returns_the_rest(
    paragraph: str, dateline: Dateline | None, rest: str
) -> None:
    assert split_dateline(paragraph) == (dateline, rest)


def test_dateline_is_frozen() -> None:
    found = Dateline("PARIS", "AFP")
    with pytest.raises(dataclasses.FrozenInstanceError):
        found.agency = "AP"  # type: ignore[misc]
    assert not hasattr(found, "__dict__")


def test_only_the_head_of_a_paragraph_is_read() -> None:
    late = "x" * 300 + " WASHINGTON (AP) — The Senate voted."
    assert parse_dateline(late) is None


ADVERSARIAL = {
    **COMMON_ADVERSARIAL,
    "repeated marker start": "WASHINGTON (AP " * 100_000,
    "repeated places": "WASHINGTON, " * 100_000,
    "dashes": "- " * 100_000,
    "unknown markers": "Hamburg (abc) " * 100_000,
    "open marker": "Hamburg (" + "a" * 1_000_000,
    "mixed-case places": "Hamburg/Köln " * 100_000,
    "mixed-case dashes": "Hamburg - " * 100_000,
    "filed frames": "新华社" * 100_000,
    "open frames": "【" + "共" * 1_000_000,
    "korean frames": "(서울=" * 100_000,
    "correspondent labels": "dal nostro inviato " * 50_000,
}


@pytest.mark.perf
@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_adversarial_input_runs_in_linear_time(name: str) -> None:
    text = ADVERSARIAL[name]
    assert_linear(parse_dateline, text)
    assert parse_dateline(text) is None


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("Duisburg. Erste Entwürfe zeigen die neue Brücke.", "Duisburg"),
        ("Frankfurt/Main. Die Messe öffnet am Montag.", "Frankfurt/Main"),
        ("Essen. „Wir sind bereit“, sagte die Sprecherin.", "Essen"),
    ],
)
def test_a_dotted_place_counts_where_the_press_prints_it(paragraph: str, expected: str) -> None:
    assert parse_dateline(paragraph, "de") == Dateline(expected, None)
    assert parse_dateline(paragraph) is None  # Undeclared or other languages: not read.
    assert parse_dateline(paragraph, "en") is None


@pytest.mark.parametrize(
    "paragraph",
    [
        "Endlich. Nach zwei Jahren öffnet das Bad wieder.",
        "Heute. Der Tag beginnt mit Regen.",
        "NATO. Das Bündnis tagt am Montag.",
        "Duisburg. ",
        "Duisburg. ohne Großbuchstaben geht es weiter.",
    ],
)
def test_a_one_word_sentence_is_not_a_dotted_place(paragraph: str) -> None:
    assert parse_dateline(paragraph, "de") is None
