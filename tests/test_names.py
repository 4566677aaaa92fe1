"""`pipeline.names`: class and id words, and questions about them answered once per pair."""

from __future__ import annotations

from lxml import html

from newsextract.pipeline.names import NamesTest, names_match, names_of
from newsextract.support.lazyre import compile_lazily

_RAIL = compile_lazily(r"\b(?:sidebar|rail)\b")
_CONTENT = compile_lazily(r"\bcontent\b")


def _element(markup: str) -> html.HtmlElement:
    return html.fragment_fromstring(markup)


def test_descriptive_tokens_are_not_names() -> None:
    # `tag-sidebar` names the story's topic, not a sidebar.
    assert names_of("post tag-sidebar Rail", "Main") == "post rail main"
    assert names_of(None, None) == " "


def test_a_match_reads_the_names_and_honours_unless() -> None:
    in_rail = names_match(_RAIL, unless=_CONTENT)
    assert in_rail(_element('<div class="sidebar widget"></div>'))
    assert not in_rail(_element('<div class="sidebar content"></div>'))
    assert not in_rail(_element('<div class="tag-sidebar"></div>'))
    assert in_rail(_element('<div id="rail"></div>'))


def test_each_pair_is_asked_once() -> None:
    asked: list[str] = []

    def question(names: str) -> bool:
        asked.append(names)
        return "promo" in names

    test = NamesTest(question)
    first, second = _element('<p class="promo"></p>'), _element('<p class="promo"></p>')
    assert test(first) and test(second)
    assert test(_element('<p class="promo" id="x"></p>'))
    assert asked == ["promo ", "promo x"]
