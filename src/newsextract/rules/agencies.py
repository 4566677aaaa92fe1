"""The news agencies newsextract knows, as one data table.

Datelines, bylines, photo credits and closing lines all name the same few dozen wire services,
each printed in several ways; `fields.agencies` builds the lookups and patterns from this table,
so adding an agency is one line here. The limits and forms those lookups read sit below it.
"""

from __future__ import annotations

from typing import Final, NamedTuple


class Agency(NamedTuple):
    """One wire service: the short name newsextract reports, and every other printed form."""

    name: str
    aliases: tuple[str, ...] = ()


# The short name is what `Article.agency` holds: the form the agency itself prints in a
# dateline, so `dpa` stays lower-case and `Reuters` is not shortened. Aliases are other printed
# forms; the short name is always an alias too. Aliases that are ordinary words or common
# abbreviations of something else (`MAP`, `APP`, `NAN`, `ANA`, `EPA`) are left out on purpose:
# one false agency in a caption or a dateline costs more than one missed rare agency.
# Agencies that file in another script are listed with the form they print in it (`新华社`,
# `共同`, `연합뉴스`, `ТАСС`, `رويترز`), and so are the global wires' names in the scripts their
# foreign-language services print them in; short Arabic forms that are also common words or
# places (`وفا` "loyalty", `قنا` the city of Qena) are left out, as above.
AGENCIES: Final[tuple[Agency, ...]] = (
    # Global wires.
    Agency("AP", ("The Associated Press", "Associated Press", "美联社", "美聯社", "AP通信")),
    Agency(
        "Reuters",
        (
            "Thomson Reuters",
            "Reuters Health",
            "Reuters Breakingviews",
            *("路透社", "ロイター", "로이터", "رويترز", "Рейтер", "רויטרס"),
        ),
    ),
    Agency("AFP", ("Agence France-Presse", "Agence France Presse", "法新社", "فرانس برس", "أ ف ب")),
    Agency("UPI", ("United Press International",)),
    Agency("Bloomberg", ("Bloomberg News",)),
    Agency("CNN", ("CNN Business", "CNN Español", "CNN International")),
    # Europe.
    Agency("dpa", ("Deutsche Presse-Agentur", "dpa-AFX", "د ب أ")),
    Agency("KNA", ("Katholische Nachrichten-Agentur",)),
    Agency("SID", ("Sport-Informations-Dienst",)),  # German sports wire (with dpa, AFP)
    Agency("epd", ("Evangelischer Pressedienst",)),
    Agency("APA", ("Austria Presse Agentur", "APA-Austria Presse Agentur")),
    Agency("Keystone-SDA", ("Keystone-ATS", "SDA", "ATS", "Schweizerische Depeschenagentur")),
    Agency("EFE", ("Agencia EFE",)),
    Agency("Europa Press", ()),
    Agency("Servimedia", ()),
    Agency("ANSA", ("Agenzia Nazionale Stampa Associata",)),
    Agency("AGI", ("Agenzia Italia",)),
    Agency("Adnkronos", ()),
    Agency("LaPresse", ()),
    Agency("Lusa", ("Agência Lusa",)),
    Agency("Belga", ()),
    Agency("ANP", ("Algemeen Nederlands Persbureau",)),
    Agency("NTB", ("Norsk Telegrambyrå",)),
    Agency("TT", ("TT Nyhetsbyrån", "Tidningarnas Telegrambyrå")),
    Agency("Ritzau", ("Ritzaus Bureau",)),
    Agency("STT", ("Suomen Tietotoimisto",)),
    Agency("PA", ("PA Media", "Press Association", "PA Wire", "PA News Agency")),
    Agency("PAP", ("Polska Agencja Prasowa", "Polish Press Agency")),
    Agency("ČTK", ("Czech News Agency",)),
    Agency("TASR", ()),
    Agency("MTI", ("Magyar Távirati Iroda",)),
    Agency("Agerpres", ()),
    Agency("BTA", ("Bulgarian News Agency", "БТА")),
    Agency("HINA", ()),
    Agency("Tanjug", ("Танјуг",)),
    Agency("STA", ("Slovenian Press Agency",)),
    Agency("ANA-MPA", ("Athens-Macedonian News Agency", "ΑΠΕ-ΜΠΕ")),  # ΑΠΕ alone is renewables
    Agency("Ukrinform", ("Укрінформ",)),
    Agency("UNIAN", ("УНІАН",)),
    Agency("BelTA", ("БелТА",)),
    Agency("TASS", ("ITAR-TASS", "ТАСС", "ИТАР-ТАСС")),
    Agency("RIA Novosti", ("RIA", "РИА Новости")),
    Agency("Interfax", ("Интерфакс",)),
    Agency("Sputnik", ()),
    Agency("Anadolu", ("AA", "Anadolu Agency", "Anadolu Ajansı", "الأناضول")),
    # Middle East and Africa.
    Agency("WAFA", ()),
    Agency("MENA", ("Middle East News Agency", "أ ش أ")),
    Agency("IRNA", ("Islamic Republic News Agency", "إرنا", "ایرنا")),  # Arabic, Persian
    Agency("SPA", ("Saudi Press Agency", "واس")),
    Agency("KUNA", ("Kuwait News Agency", "كونا")),
    Agency("WAM", ("Emirates News Agency", "وام")),
    Agency("QNA", ("Qatar News Agency",)),
    Agency("SANA", ("Syrian Arab News Agency", "سانا")),
    # Asia and Oceania.
    Agency("Kyodo", ("Kyodo News", "共同", "共同通信")),
    Agency("Jiji", ("Jiji Press", "時事", "時事通信")),
    Agency("Yonhap", ("Yonhap News Agency", "연합뉴스", "聯合ニュース")),
    Agency("Newsis", ("뉴시스",)),
    Agency("News1", ("뉴스1",)),
    Agency("KCNA", ("Korean Central News Agency", "조선중앙통신", "朝鮮中央通信")),
    Agency("Xinhua", ("Xinhua News Agency", "Xinhuanet", "新华社", "新華社")),
    Agency("China News Service", ("中新社", "中新网", "中国新闻社", "中國新聞社")),
    Agency("CNA", ("Central News Agency", "中央社")),
    Agency("PTI", ("Press Trust of India",)),
    Agency("IANS", ("Indo-Asian News Service",)),
    Agency("ANI", ("Asian News International",)),
    Agency("UNI", ("United News of India",)),
    Agency("HT", ("Hindustan Times",)),
    Agency("Bernama", ()),
    Agency("Antara", ("Antara News",)),
    Agency("VNA", ("Vietnam News Agency", "TTXVN")),
    Agency("PNA", ("Philippine News Agency",)),
    Agency("AAP", ("Australian Associated Press",)),
    # The Americas.
    Agency("CP", ("The Canadian Press", "Canadian Press", "La Presse canadienne")),
    Agency("Notimex", ()),
    Agency("Prensa Latina", ()),
    Agency("Télam", ()),
    Agency("Andina", ()),
    Agency("Agência Brasil", ("ABr",)),
    Agency("Agência Estado", ("Estadão Conteúdo",)),
    Agency("Folhapress", ()),  # Folha de S.Paulo's wire, credited by other Brazilian papers
    # Faith and specialist services.
    Agency("CNS", ("Catholic News Service",)),
    Agency("RNS", ("Religion News Service",)),
    Agency("JTA", ("Jewish Telegraphic Agency",)),
    Agency("HealthDay", ("HealthDay News",)),
    # Press-release wires: their releases open with the same kind of dateline.
    Agency("PRNewswire", ("PR Newswire",)),
    Agency("Business Wire", ("BusinessWire",)),
    Agency("GlobeNewswire", ("Globe Newswire",)),
    Agency("CNW", ("Canada NewsWire",)),
    Agency("EIN Presswire", ()),
    Agency("ACCESSWIRE", ()),
)


# --- how the lookups read the table ---------------------------------------------------------

# A leading article is part of some printed names ("The Associated Press") but never of the
# comparison key (matched ignoring case).
LEADING_ARTICLE: Final = r"^the(?=[\W_])"
# Any run of separators inside an alias ("Agence France-Presse") may be printed as up to this
# many spaces, dots or dashes ("Agence France - Presse", "A. F. P." is not accepted: too loose).
MAX_ALIAS_SEPARATOR_CHARS: Final = 3
ALIAS_SEPARATOR_CLASS: Final = r"[\s.\-\u2010\u2011\u2013]"
# Longer inputs are not an agency name; they are not even looked at.
MAX_AGENCY_NAME_CHARS: Final = 80
# Short aliases are also words or names ("Spa", "Sana", "Ria", "Tt"): inside running text they
# count only when printed in capitals or exactly as the agency prints its name ("dpa").
MAX_AMBIGUOUS_ALIAS_CHARS: Final = 4
