"""The bad inputs that tests/test_robustness.py checks and benchmarks/robustness.py times.

One module for both, so that the benchmark runs the inputs the tests hold to their contract:
the story text and page builder, binary headers, legacy-encoded texts, the entity bomb, and the
adversarial strings aimed at every regular expression that reads page text (with the page and
text they are put in). Inputs that only one of them needs stay beside it.
"""

from __future__ import annotations

import html as htmllib
from typing import Final

P: Final = "Officials said on Tuesday that the bridge would reopen next month, after repairs."
Q: Final = "The work cost about three million euros, the city council said in a statement."
HEADLINE: Final = "Bridge to reopen after repairs"


def page(*body: str, title: str = HEADLINE, head: str = "") -> str:
    """A news page with `body` as its story, headed by `HEADLINE`."""
    paragraphs = "".join(body)
    return (
        f"<html><head><title>{title}</title>{head}</head><body><article>"
        f"<h1>{HEADLINE}</h1>{paragraphs}</article></body></html>"
    )


# --- binary input -----------------------------------------------------------------------------

# The first bytes of binary formats, and the name `NotHTML` must give each.
BINARY_HEADERS: Final[dict[str, tuple[bytes, str]]] = {
    "png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    "pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n", "PDF"),
    "jpeg": (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01", "JPEG"),
    "gif": (b"GIF89a\x01\x00\x01\x00\x80\x00\x00", "GIF"),
    "zip": (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "ZIP"),
    "bzip2": (b"BZh91AY&SY", "bzip2"),
    "elf": (b"\x7fELF\x02\x01\x01\x00", "executable"),
    "webp": (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "RIFF"),
    "mp4": (b"\x00\x00\x00\x18ftypmp42", "MP4"),
}


# --- encodings --------------------------------------------------------------------------------

# Story text in scripts whose legacy encodings a page may use without declaring them; LEGACY
# gives each its codec and a headline.
RUSSIAN: Final = (
    "Правительство объявило сегодня о новых мерах поддержки для жителей северных районов. "
    "Министр сказал журналистам, что программа начнёт работать уже в следующем месяце. "
    "По его словам, деньги получат более двух тысяч семей."
)
JAPANESE: Final = (
    "東京都は今日、新しい公園の計画を発表しました。公園は来年の春に開園する予定です。"
    "市民からは多くの意見が寄せられており、担当者は子どもたちが安全に遊べる場所にしたいと"
    "話しています。"
)
CHINESE: Final = (
    "市政府今天宣布了一项新的公共交通计划。该计划将在明年春天开始实施。"
    "官员表示，新的公交线路将连接城市的东部和西部，方便居民上下班。许多市民对此表示欢迎。"
)
FRENCH: Final = (
    "Le maire a annoncé mercredi la création d'un nouveau marché couvert près de la gare. "
    "Les travaux débuteront à la fin de l'été et dureront environ dix-huit mois. "
    "Selon la municipalité, le projet coûtera près de trois millions d'euros."
)
LEGACY: Final[dict[str, tuple[str, str, str]]] = {
    "windows-1251": (RUSSIAN, "cp1251", "Новости"),
    "shift_jis": (JAPANESE, "shift_jis", "東京のニュース"),
    "gb18030": (CHINESE, "gb18030", "城市新闻"),
    "iso-8859-1": (FRENCH, "iso-8859-1", "Les nouvelles du marché"),
}


# --- entities ---------------------------------------------------------------------------------

# Ten levels of entities, each ten of the one below: a billion "lol"s if ever expanded.
_LAUGHS = "".join(
    f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' if i else '<!ENTITY lol0 "lol">' for i in range(10)
)
BILLION_LAUGHS: Final = (
    f'<?xml version="1.0"?>\n<!DOCTYPE lolz [{_LAUGHS}]>\n'
    f"<html><head><title>&lol9;</title></head><body><article><p>{P}</p>"
    "<p>&lol9; and the story goes on.</p></article></body></html>"
)


# --- adversarial strings for every regex that sees page text ----------------------------------
#
# Each string is aimed at one or more patterns of the rules and field grammars (phrases,
# dateline, credits, bylines, agencies, dates) and the stages that match text (assemble, locate,
# decode): long runs of what a pattern repeats, and near misses that match almost to the end.
# Each goes everywhere those patterns look (body paragraphs, first and last paragraph, byline,
# author meta, caption, dates, class, style, lang, JSON-LD) on one page (`stress_page`), and
# through the plain-text path (`stress_text`).

STRESS: Final[dict[str, str]] = {
    "commas": "A, " * 100_000,
    "open-parens": "(" * 100_000,
    "close-parens": ")" * 100_000,
    "nested-parens": "(" * 50_000 + ")" * 50_000,
    "bracket-parens": "[(" * 50_000,
    "digits": "1" * 100_000,
    "digit-dots": "1." * 50_000,
    "digit-slashes": "1/" * 50_000,
    "iso-date-prefixes": "2024-" * 20_000,
    "times": "12:30 " * 20_000,
    "by-initials": "By " + "A " * 50_000,
    "by-names": "By " + "Jane " * 50_000,
    "photo-by-slashes": "Photo by " + "Jane Doe/" * 20_000,
    "related-caps": "RELATED " * 30_000,
    "read-more": "READ MORE: " * 20_000,
    "gallery-near-miss": "Image 1 of " * 30_000 + "x",
    "updated-digits": "Updated " + "1" * 100_000,
    "datelines": "WASHINGTON (AP) — " * 10_000,
    "agency-words": "AP " * 50_000,
    "agency-prefix": "Associated " * 50_000 + "x",
    "agency-dots": "A.P." * 30_000,
    "agency-dashes": "A-" * 50_000,
    "copyright-signs": "© " * 50_000,
    "c-in-parens": "(c) " * 30_000,
    "copyright-words": "Copyright " * 20_000,
    "at-pairs": "a@" * 50_000,
    "at-signs": "@" * 100_000,
    "dotted": "x.y" * 50_000,
    "http-prefixes": "http://" * 20_000,
    "www-prefixes": "www." * 30_000,
    "tag-labels": "Tags: " + "a," * 50_000,
    "prompts": "sign up " * 30_000,
    "reporting-by": "Reporting by " + "A " * 50_000 + ";",
    "slash-credits": "Jane Doe/" * 30_000,
    "initials": "J. " * 50_000,
    "saint-dots": "St. " * 50_000,
    "sentence-breaks": "ab. C" * 30_000,
    "hyphens": "-" * 100_000,
    "em-dashes": "—" * 100_000,
    "spaced-dashes": " - " * 50_000,
    "colons": ":" * 100_000,
    "pipes": "|" * 100_000,
    "double-colons": " :: " * 30_000,
    "nbsp": "a\u00a0" * 50_000,
    "possessives": "’s " * 50_000,
    "particles": "de " * 50_000,
    "caps-words": "WASHINGTON " * 20_000,
    "caps-commas": "WASHINGTON, " * 20_000,
    "month-days": "Jan. 10, " * 20_000,
    "slash-agencies": "/AP/" * 30_000,
    "paren-agencies": "(AP) " * 30_000,
    "with-files-from": "With files from " * 10_000,
    "photo-words": "Photo " * 30_000,
    "ellipses": "…" * 100_000,
    "quotes": "\"'" * 50_000,
    "credit-credit": "CreditCredit" * 10_000,
    "accented": "é" * 100_000,
    "cjk": "中" * 100_000,
    "arabic": "ب " * 50_000,
    "zero-width": "\u200b" * 100_000,
    "mixed-whitespace": " \t\n\r\u2009" * 20_000,
    "lone-angles": "< " * 50_000,
    "ampersands": "&" * 100_000,
    "entities": "&amp;" * 30_000,
    "dateline-places": "SAN JOSE, Calif., " * 5_000 + "(AP) —",
    "contact-near-miss": "jane.doe" * 20_000 + "@",
    "date-segments": "3 de " * 30_000,
    "abbreviations": "U.S. " * 30_000,
    "weekday-digits": "Monday 1 " * 20_000,
    "charset-decl": "<meta charset=" * 10_000,
    "xml-decl": "<?xml encoding=" * 10_000,
}

# Strings that make the plain-text variant markup (an unclosed tag swallows the rest).
HTML_ONLY: Final = frozenset({"charset-decl"})
# Strings that once made a pattern backtrack exponentially (a near-miss of the gallery
# counter): they run in a subprocess, so that a regression fails instead of hanging the suite.
ONCE_HUNG: Final = frozenset({"gallery-counters"})
STRESS["dot-spaces"] = ". " * 100_000
STRESS["gallery-counters"] = "image 1 of 1 " * 20_000 + "x"


def stress_page(adversarial: str) -> str:
    text = htmllib.escape(adversarial, quote=True)
    short = text[:20_000]
    return (
        f"<html lang='{text[:5_000]}'><head><title>{HEADLINE}</title>"
        f"<meta property='article:published_time' content='{text}'>"
        f"<meta name='author' content='{text}'><meta name='keywords' content='{text}'>"
        f'<script type="application/ld+json">{{"@type": "NewsArticle", "author": '
        f'"{short}", "datePublished": "{short}"}}</script></head>'
        f"<body><div class='{short}' style='{short}'><nav>Home</nav></div><article>"
        f"<h1>{HEADLINE}</h1><div class='byline'>{text}</div>"
        f"<time datetime='{text}'>{text[:200]}</time><p>{text}</p><p>{P}</p>"
        f"<figure><img src='/a.jpg'><figcaption>{text}</figcaption></figure><p>{text}</p>"
        "</article></body></html>"
    )


def stress_text(adversarial: str) -> str:
    return f"{HEADLINE}\n\n{adversarial}\n\n{P}\n\n{adversarial}"
