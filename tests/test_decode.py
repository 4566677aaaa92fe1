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
    assert "Caf\u00e9." in source.text  # The stray byte is the Windows-1252 letter it was.


# --- UTF-8 with Windows-1252 pasted in --------------------------------------------------------


def _pasted(
    utf8_part: str, pasted_part: str, head: str = '<meta charset="utf-8">', codec: str = "cp1252"
) -> bytes:
    """A page whose template and first paragraph are UTF-8 and whose second paragraph was
    pasted as `codec` (Windows-1252) bytes."""
    before, after = _page(utf8_part, head=head).split("</p>", 1)
    return (
        before.encode("utf-8")
        + b"</p><p>"
        + pasted_part.encode(codec)
        + b"</p>"
        + after.encode("utf-8")
    )


PASTED = "“We never stopped,” she said – and the café’s crème brûlée… Größe."


@pytest.mark.parametrize(
    "head",
    ['<meta charset="utf-8">', "", '<meta charset="iso-8859-1">', '<meta charset="windows-1252">'],
    ids=["declared-utf-8", "undeclared", "declared-latin-1", "declared-windows-1252"],
)
def test_windows_1252_pasted_into_utf8_reads_as_printed(head: str) -> None:
    # "é" before an ASCII byte looks like the lead byte of a UTF-8 sequence (detwingle's blind
    # spot), "ö" and "ß" side by side make a run of two stray bytes.
    # Without a UTF-8 declaration the page needs as much UTF-8 text as stray bytes.
    utf8 = "Caf\u00e9 owners in Z\u00fcrich, \u00a3400 a month, na\u00efve \u2018plans\u2019." * 2
    source = decode(_pasted(utf8, PASTED, head=head))
    assert source.encoding == "utf-8"
    assert f"<p>{utf8}</p><p>{PASTED}</p>" in source.text


def test_pasted_quotes_are_converted_as_detwingle_converts_them() -> None:
    from bs4 import UnicodeDammit

    raw = _pasted(
        "Z\u00fcrich caf\u00e9.", "\u201cQuoted\u201d \u2013 \u2018single\u2019 \u2026 \u20ac5."
    )
    assert decode(raw).text == UnicodeDammit.detwingle(raw).decode("utf-8")


def test_mostly_windows_1252_page_is_read_as_declared() -> None:
    # Declared Latin-1, one UTF-8 character in the template and a Windows-1252 story: too
    # little UTF-8 to call it a UTF-8 page, so the declaration is followed.
    raw = _pasted("\u00a9 2024", PASTED * 2, head='<meta charset="iso-8859-1">')
    source = decode(raw)
    assert source.encoding == "cp1252"
    assert PASTED * 2 in source.text


def test_page_without_utf8_text_is_not_repaired_as_windows_1252() -> None:
    # Czech in Windows-1250 has only short runs of non-UTF-8 bytes, like a paste, but no
    # UTF-8 character: it is left to detection, which reads it as Central European.
    czech = (
        "Vl\u00e1da v \u00fater\u00fd schv\u00e1lila nov\u00fd z\u00e1kon o ochran\u011b "
        "p\u0159\u00edrody, kter\u00fd za\u010dne platit od ledna. Ministr \u0159ekl, "
        "\u017ee zem\u011bd\u011blci dostanou v\u00edce pen\u011bz a \u0161koly nov\u00e9 "
        "zahrady. P\u0159\u00edli\u0161 \u017elu\u0165ou\u010dk\u00fd k\u016f\u0148 "
        "\u00fap\u011bl \u010f\u00e1belsk\u00e9 \u00f3dy."
    )
    page = _page(czech)
    assert decode(page.encode("cp1250")).text == page


def test_stray_bytes_under_another_legacy_declaration_are_not_windows_1252() -> None:
    # A page declared Windows-1250: its non-UTF-8 bytes are read in the declared encoding.
    raw = _pasted(
        "Z\u00fcrich.", "\u0159\u00edj\u00e9n", head='<meta charset="windows-1250">', codec="cp1250"
    )
    assert "\u0159\u00edj\u00e9n" in decode(raw).text


def test_long_runs_of_legacy_bytes_are_not_a_paste() -> None:
    # Russian in Windows-1251 with one UTF-8 character: words of stray bytes, not a paste.
    page = _page(f"{RUSSIAN} \u2116 5")
    raw = page.encode("utf-8").replace(RUSSIAN.encode("utf-8"), RUSSIAN.encode("cp1251"))
    assert RUSSIAN in decode(raw).text


def test_byte_undefined_in_windows_1252_is_not_a_paste() -> None:
    # Read as UTF-8 with a replacement character (enough UTF-8 around it), not as a paste.
    raw = _pasted("Z\u00fcrich caf\u00e9 \u00a3 na\u00efve \u00e9\u00e8\u00ea \u00e0 \u00e7a.", "x")
    raw = raw.replace(b"<p>x</p>", b"<p>x\x81y</p>")
    assert "x\ufffdy" in decode(raw).text


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
