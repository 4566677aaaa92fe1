"""Stage 1, `_decode.decode`: bytes or text in, one `Source` out, or a typed error."""

from __future__ import annotations

import codecs
import gzip

import pytest

from newsextract import EmptyInput, InputTooLarge, NewsextractError, NotHTML, extract
from newsextract.pipeline.decode import decode, looks_like_html

# Several sentences per language, so that statistical detection has enough signal.
RUSSIAN = (
    "Правительство объявило сегодня о новых мерах поддержки для жителей северных районов. "
    "Министр сказал журналистам, что программа начнёт работать уже в следующем месяце. "
    "По его словам, деньги получат более двух тысяч семей, которые пострадали от наводнения. "
    "Местные власти уже подготовили списки и проверили документы."
)
JAPANESE = (
    "東京都は今日、新しい公園の計画を発表しました。公園は来年の春に開園する予定です。"
    "市民からは多くの意見が寄せられており、担当者は子どもたちが安全に遊べる場所にしたいと"
    "話しています。計画には図書館や小さな博物館も含まれています。"
)
CHINESE = (
    "市政府今天宣布了一项新的公共交通计划。该计划将在明年春天开始实施。"
    "官员表示，新的公交线路将连接城市的东部和西部，方便居民上下班。"
    "许多市民对此表示欢迎，认为这将减少交通拥堵。"
)
FRENCH = (
    "Le maire a annoncé mercredi la création d'un nouveau marché couvert près de la gare. "
    "Les travaux débuteront à la fin de l'été et dureront environ dix-huit mois. "
    "Selon la municipalité, le projet coûtera près de trois millions d'euros. "
    "Les commerçants du quartier se réjouissent déjà de cette décision très attendue."
)
LEGACY_TEXTS = [
    pytest.param(RUSSIAN, "cp1251", {"windows-1251", "cp1251"}, id="windows-1251"),
    pytest.param(JAPANESE, "shift_jis", {"shift_jis", "cp932", "shift-jis"}, id="shift_jis"),
    pytest.param(CHINESE, "gb18030", {"gb18030", "gb2312", "gbk"}, id="gb18030"),
    pytest.param(FRENCH, "iso-8859-1", {"iso-8859-1", "windows-1252", "cp1252"}, id="iso-8859-1"),
]

PAGE = (
    "<html><head><title>Ça va</title></head>"
    "<body><p>Café crème, naïve façade — “quoted” text.</p></body></html>"
)


def _page(body_text: str, head: str = "<title>Story</title>") -> str:
    return f"<html><head>{head}</head><body><p>{body_text}</p></body></html>"


# --- byte order marks -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ],
    ids=["utf-8", "utf-16-le", "utf-16-be"],
)
def test_bom_decides_the_encoding_and_is_not_in_the_text(bom: bytes, codec: str) -> None:
    source = decode(bom + PAGE.encode(codec))
    assert source.text == PAGE
    assert source.is_html is True
    assert source.encoding.startswith("utf-")


def test_bom_wins_over_a_contradicting_meta_charset() -> None:
    page = _page("Café crème.", head='<meta charset="windows-1251">')
    assert decode(codecs.BOM_UTF8 + page.encode("utf-8")).text == page


# --- declared charsets ------------------------------------------------------------------------


def test_meta_charset_is_used() -> None:
    page = _page("Café naïve “quoted” – dash.", head='<meta charset="windows-1252">')
    source = decode(page.encode("cp1252"))
    assert source.text == page
    assert source.encoding == "cp1252"


def test_http_equiv_content_type_charset_is_used() -> None:
    head = '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'
    page = _page("Привет, мир. Это тестовая страница.", head=head)
    source = decode(page.encode("koi8-r"))
    assert source.text == page
    assert source.encoding == "koi8-r"


def test_xml_declaration_encoding_is_used() -> None:
    page = '<?xml version="1.0" encoding="ISO-8859-15"?>\n' + _page("Prix: 20 €, déjà payé.")
    assert decode(page.encode("iso-8859-15")).text == page


def test_wrong_declared_charset_falls_back_to_the_real_encoding() -> None:
    # The page says UTF-8 but was saved as Windows-1251: the declaration cannot decode it.
    page = _page(RUSSIAN, head='<meta charset="utf-8">')
    source = decode(page.encode("cp1251"))
    assert source.text == page
    assert "Правительство" in source.text


def test_unknown_declared_charset_is_ignored() -> None:
    page = _page("Crème brûlée, s’il vous plaît.", head='<meta charset="x-no-such-charset">')
    source = decode(page.encode("utf-8"))
    assert source.text == page
    assert source.encoding == "utf-8"


def test_undeclared_utf8_is_decoded_as_utf8() -> None:
    source = decode(_page(RUSSIAN).encode("utf-8"))
    assert source.encoding == "utf-8"
    assert RUSSIAN in source.text


@pytest.mark.parametrize(("text", "codec", "accepted"), LEGACY_TEXTS)
def test_undeclared_legacy_html_is_detected(text: str, codec: str, accepted: set[str]) -> None:
    page = _page(text)
    source = decode(page.encode(codec))
    assert source.text == page
    assert source.encoding.lower() in accepted
    assert source.is_html is True


@pytest.mark.parametrize(("text", "codec", "accepted"), LEGACY_TEXTS)
def test_undeclared_legacy_plain_text_is_detected(
    text: str, codec: str, accepted: set[str]
) -> None:
    source = decode(text.encode(codec))
    assert source.text == text
    assert source.encoding.lower() in accepted
    assert source.is_html is False


def test_legacy_page_through_extract_keeps_its_words() -> None:
    page = f"<html><body><article><h1>Новости</h1><p>{RUSSIAN}</p></article></body></html>"
    article = extract(page.encode("cp1251"))
    assert article.headline == "Новости"
    assert article.paragraphs == (RUSSIAN,)


def test_utf8_page_with_one_stray_byte_stays_utf8() -> None:
    # A Windows-1252 "é" pasted into an otherwise UTF-8 page: browsers show the page as UTF-8
    # with one replacement character; every other character must survive.
    page = _page(f"{RUSSIAN} Caf\u00e9.", head='<meta charset="utf-8">')
    raw = page.encode("utf-8").replace("Caf\u00e9".encode(), b"Caf\xe9")
    source = decode(raw)
    assert RUSSIAN in source.text


# --- binary and empty input -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(64), "PNG"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF"),
        (gzip.compress(b"<html><body><p>Compressed page</p></body></html>"), "gzip"),
    ],
    ids=["png", "pdf", "gzip"],
)
def test_binary_signatures_raise_not_html_naming_the_kind(data: bytes, kind: str) -> None:
    with pytest.raises(NotHTML, match=kind) as info:
        decode(data)
    assert isinstance(info.value, NewsextractError)
    with pytest.raises(NotHTML, match=kind):
        extract(data)


def test_binary_junk_without_signature_raises_not_html() -> None:
    with pytest.raises(NotHTML, match="binary"):
        decode(bytes(range(32)) * 20)


@pytest.mark.parametrize("data", [b"", b"   \n\t \r\n", "", " \n\n\t "], ids=repr)
def test_empty_or_whitespace_raises_empty_input(data: bytes | str) -> None:
    with pytest.raises(EmptyInput):
        decode(data)
    with pytest.raises(EmptyInput):
        extract(data)


def test_whitespace_with_only_a_bom_is_empty() -> None:
    with pytest.raises(EmptyInput):
        decode(codecs.BOM_UTF8 + b"  \n ")


def test_non_text_type_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="str or bytes"):
        decode(12345)  # type: ignore[arg-type]


# --- size limit -------------------------------------------------------------------------------


def test_bytes_over_max_bytes_raise_input_too_large() -> None:
    data = _page("x" * 200).encode()
    with pytest.raises(InputTooLarge, match="max_bytes"):
        decode(data, max_bytes=100)
    with pytest.raises(InputTooLarge):
        extract(data, max_bytes=100)


def test_str_over_max_bytes_raises_input_too_large() -> None:
    with pytest.raises(InputTooLarge):
        decode("a" * 101, max_bytes=100)


def test_input_at_exactly_max_bytes_is_accepted() -> None:
    data = b"<p>" + b"y" * 93 + b"</p>"
    assert len(data) == 100
    assert decode(data, max_bytes=100).text == data.decode()


def test_larger_max_bytes_accepts_the_same_input() -> None:
    data = _page("z" * 200).encode()
    assert decode(data, max_bytes=10_000).is_html is True


# --- HTML or plain text -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "<!DOCTYPE html><title>Story</title>",
        "<html><body>Story</body></html>",
        "  \n<div class='story'><p>Text</p></div>",
        "<P>Upper-case markup</P>",
    ],
)
def test_markup_is_html(text: str) -> None:
    assert looks_like_html(text) is True
    assert decode(text).is_html is True


@pytest.mark.parametrize(
    "text",
    [
        "Headline of the story\n\nFirst paragraph of the story, as scraped.",
        "Prices rose 3% as 2 < 5 and 7 > 4, analysts said.",
        "He typed <brackets> and <spans of text> into the box.",
    ],
)
def test_plain_text_is_not_html(text: str) -> None:
    assert looks_like_html(text) is False
    assert decode(text).is_html is False


def test_str_input_is_kept_as_is() -> None:
    source = decode(PAGE)
    assert source.text == PAGE
    assert source.encoding == "unicode"


def test_control_characters_are_removed() -> None:
    text = "<p>A sentence long enough to dilute a stray bell\x07 and a null\x00 byte.</p>"
    assert (
        decode(text).text == "<p>A sentence long enough to dilute a stray bell and a null byte.</p>"
    )
