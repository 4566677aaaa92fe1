"""Stage 2, `_parse.parse`: decoded text in, an lxml tree rooted at `<html>` out."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree, html

from newsextract import extract
from newsextract.pipeline.parse import (
    _LONG_TAG,
    _has_crowded_long_tag,
    _long_tags,
    drop_tag,
    drop_tree,
    parse,
    text_of,
)
from newsextract.rules.thresholds import LONG_TAG_CHARS, MAX_ATTRIBUTES


def _paragraphs(root: etree._Element) -> list[str]:
    return [text_of(p) for p in root.iter("p")]


def test_root_is_html_with_a_body() -> None:
    root = parse("<p>Only a paragraph.</p>")
    assert root.tag == "html"
    assert root.find("body") is not None
    assert _paragraphs(root) == ["Only a paragraph."]


def test_xml_declaration_in_a_str_is_accepted() -> None:
    # lxml alone refuses a str that carries an encoding declaration.
    text = '<?xml version="1.0" encoding="utf-8"?>\n<html><body><p>Grüße aus Köln</p></body></html>'
    root = parse(text)
    assert root.tag == "html"
    assert _paragraphs(root) == ["Grüße aus Köln"]


def test_xml_declaration_page_through_extract() -> None:
    text = (
        '<?xml version="1.0" encoding="iso-8859-1"?>\n'
        "<html><body><article><h1>Harbor news</h1>"
        "<p>The harbor reopened on Monday after a week of repairs, officials said.</p>"
        "</article></body></html>"
    )
    article = extract(text)
    assert article.headline == "Harbor news"
    assert article.paragraphs == (
        "The harbor reopened on Monday after a week of repairs, officials said.",
    )


def test_broken_markup_is_recovered() -> None:
    text = (
        "<html><body><div><p>First para <b>bold <i>both</b> after</i>"
        "<p>Second para</div></span></table><p>Third"
    )
    root = parse(text)
    assert _paragraphs(root) == ["First para bold both after", "Second para", "Third"]


def test_unclosed_tags_and_stray_end_tags_keep_all_text() -> None:
    root = parse("<body><article><h1>Title</h2><p>One<p>Two</li><p>Three</article></div>")
    assert root.findtext(".//h1") == "Title"
    assert _paragraphs(root) == ["One", "Two", "Three"]


def test_html_comments_are_dropped() -> None:
    root = parse("<body><p>Kept<!-- secret editor note --> text</p></body>")
    assert _paragraphs(root) == ["Kept text"]
    assert "secret editor note" not in etree.tostring(root, encoding="unicode")


def test_icons_and_style_sheets_leave_the_tree_with_their_text_only() -> None:
    # An icon's <title> is a tooltip, never printed: a link holding one reads as its words.
    root = parse(
        "<head><style>p { color: red }</style></head><body><p><a href='/x'>"
        "<svg><title>Subscribers only</title><path d='M0'/></svg>Harbour ferries return</a>"
        " today.</p></body>"
    )
    assert _paragraphs(root) == ["Harbour ferries return today."]
    assert next(root.iter("svg", "style", "path"), None) is None


def test_void_tags_libxml2_nests_text_in_leave_the_tree() -> None:
    # libxml2 reads `COVID-<wbr>19` as `<wbr>19</wbr>` and puts a picture's `<img>` inside its
    # `<source>`: the tags go, their text and photo stay where they were printed.
    root = parse(
        "<body><p>COVID-<wbr>19 cases rise</p><picture><source srcset='/a.webp'>"
        "<img src='/a.jpg'></picture></body>"
    )
    assert next(root.iter("wbr", "source"), None) is None
    assert [list(p.itertext()) for p in root.iter("p")] == [["COVID-19 cases rise"]]
    assert next(root.iter("picture"))[0].tag == "img"


def test_external_entity_is_not_expanded() -> None:
    text = (
        '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        "<html><body><p>Before &e; after</p></body></html>"
    )
    root = parse(text)
    serialized = etree.tostring(root, encoding="unicode")
    assert "root:" not in serialized
    assert "Before &e; after" in _paragraphs(root)


def test_external_entity_never_reads_a_file(tmp_path: Path) -> None:
    canary = tmp_path / "canary.txt"
    canary.write_text("CANARY-7f3a9c-SHOULD-NEVER-APPEAR", encoding="utf-8")
    text = (
        '<?xml version="1.0"?>\n'
        f'<!DOCTYPE x [<!ENTITY e SYSTEM "{canary.as_uri()}">]>\n'
        "<html><body><p>Before &e; after, a paragraph of the story.</p></body></html>"
    )
    root = parse(text)
    assert "CANARY" not in etree.tostring(root, encoding="unicode")
    article = extract(text.encode("utf-8"))
    assert "CANARY" not in article.to_json()
    assert "Before &e; after, a paragraph of the story." in article.paragraphs


def test_plain_text_becomes_body_text() -> None:
    root = parse("just text, no markup")
    assert root.findtext("body") == "just text, no markup"


def test_empty_text_gives_an_html_root() -> None:
    root = parse("")
    assert root.tag == "html"


def test_character_references_are_decoded() -> None:
    root = parse("<p>Fish &amp; chips &#8212; &eacute;t&eacute; &#x263A;</p>")
    assert _paragraphs(root) == ["Fish & chips — été ☺"]


# Runs of bytes whose lengths sit around the probe spacing, where an off-by-one would show.
_RUN_LENGTHS = (0, 1, LONG_TAG_CHARS - 1, LONG_TAG_CHARS, LONG_TAG_CHARS + 1, 2 * LONG_TAG_CHARS)
_PIECES = st.one_of(
    st.sampled_from([b"<p>", b">", b"<", b"</b>", b"<a href=x>"]),
    st.builds(
        lambda head, n: head + b"y" * n,
        st.sampled_from([b"", b"<a", b"<1", b"</", b"<Z "]),
        st.sampled_from(_RUN_LENGTHS),
    ),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=8))
def test_long_tag_probe_agrees_with_a_full_search(pieces: list[bytes]) -> None:
    data = b"".join(pieces)
    assert list(_long_tags(data)) == [match.start() for match in _LONG_TAG.finditer(data)]


def test_long_tag_is_found_anywhere_in_a_page() -> None:
    tag = b"<div " + b"a=1 " * LONG_TAG_CHARS + b">"
    # The tag starts right at the top, just before, at and just after a probe offset.
    for filler in (0, 1, 5000, LONG_TAG_CHARS - 4, LONG_TAG_CHARS - 3, 3 * LONG_TAG_CHARS + 7):
        page = b"<b>" + b"y" * filler + tag + b"<p>end</p>"
        assert list(_long_tags(page)) == [page.index(tag)]
        assert not list(_long_tags(page.replace(tag, b"<div a=1>")))


def test_only_a_long_tag_with_many_attributes_is_crowded() -> None:
    path = b'<svg><path d="' + b"M 1 2 L 3 4 " * LONG_TAG_CHARS + b'"/></svg>'
    bomb = b"<p " + b" ".join(b"a%d=1" % i for i in range(LONG_TAG_CHARS)) + b">x</p>"
    just_enough = b"<p " + b" ".join(b"a%d=%s" % (i, b"v" * 100) for i in range(MAX_ATTRIBUTES))
    for page, crowded in ((path, False), (bomb, True), (just_enough + b">x</p>", False)):
        assert list(_long_tags(page))
        assert _has_crowded_long_tag(page) is crowded


def test_a_long_attribute_reaches_the_tree_whole() -> None:
    value = "v" * (2 * LONG_TAG_CHARS)
    root = parse(f'<html><body><div data-props="{value}" id="x"><p>Text</p></div></body></html>')
    div = root.find(".//div")
    assert div is not None
    assert div.get("data-props") == value
    assert div.get("id") == "x"


def test_elements_are_plain_unless_asked_for_html_elements() -> None:
    # The stages get lxml's own elements (cheaper proxies); readability-lxml calls
    # `HtmlElement` methods on its tree, so its parse asks for them.
    page = "<html><body><p>One</p></body></html>"
    assert type(parse(page).find(".//p")) is etree._Element
    assert isinstance(parse(page, html_elements=True).find(".//p"), html.HtmlElement)


def _body_markup(root: etree._Element) -> str:
    body = root.find("body")
    assert body is not None
    return etree.tostring(body, encoding="unicode")


def test_drop_tree_keeps_the_tail_in_place() -> None:
    root = parse("<html><body><p>Lead <b>bold</b> middle <i>gone</i> tail.</p></body></html>")
    for el in root.iter("i"):
        drop_tree(el)
    assert _body_markup(root) == "<body><p>Lead <b>bold</b> middle  tail.</p></body>"


def test_drop_tree_of_a_first_child_moves_its_tail_to_the_parent_text() -> None:
    root = parse("<html><body><p><i>gone</i> kept <b>bold</b></p></body></html>")
    drop_tree(next(root.iter("i")))
    assert _body_markup(root) == "<body><p> kept <b>bold</b></p></body>"


def test_drop_tag_keeps_text_children_and_tail_in_order() -> None:
    root = parse(
        "<html><body><div>Before <button>inside <figure><img src='a.jpg'></figure>"
        " after figure</button> tail</div></body></html>"
    )
    drop_tag(next(root.iter("button")))
    assert _body_markup(root) == (
        '<body><div>Before inside <figure><img src="a.jpg"/></figure> after figure tail</div>'
        "</body>"
    )


def test_drop_tag_of_an_empty_first_child() -> None:
    root = parse("<html><body><div><span>text</span> tail <b>b</b></div></body></html>")
    drop_tag(next(root.iter("span")))
    assert _body_markup(root) == "<body><div>text tail <b>b</b></div></body>"


def test_dropping_a_detached_element_does_nothing() -> None:
    el = etree.Element("p")
    el.text, el.tail = "text", "tail"
    drop_tree(el)
    drop_tag(el)
    assert (el.text, el.tail) == ("text", "tail")


def test_text_of_a_leaf_and_of_a_nested_element() -> None:
    root = parse("<html><body><p>Caf&eacute; &amp; bar</p><div>One <b>two</b> three</div>x")
    leaf, nested = next(root.iter("p")), next(root.iter("div"))
    assert text_of(leaf) == "Café & bar"
    assert text_of(nested) == "One two three"  # no tail: "x" is the body's
    assert text_of(etree.Element("br")) == ""
