"""The words an element's class and id say about it, as every stage reads them."""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from newsextract.rules import markup
from newsextract.support.lazyre import LazyPattern
from newsextract.support.memo import BoundedMemo

# Distinct (class, id) pairs whose names are remembered (see `BoundedMemo`).
MAX_REMEMBERED_PAIRS = 32768
# Distinct (class, id) pairs each `NamesTest` remembers its answer for: a dozen tests each hold
# their own, so each holds fewer (1,681 pages of many sites left about 16 MB of memos in all).
MAX_REMEMBERED_ANSWERS = 8192


def names_of(class_: str | None, id_: str | None) -> str:
    """`class` and `id`, lower-cased, without the tokens that only describe the element.

    A token such as `tag-harbour-ferries` or `has-comments` names the story's topic or a
    feature beside it; read as a vocabulary word it would make the story furniture.
    """
    # Every stage asks this of the same elements, and a site repeats its class strings on
    # every page: three calls in four are for a pair already seen.
    return _NAMES[class_, id_]


def _read_names(attributes: tuple[str | None, str | None]) -> str:
    class_, id_ = attributes
    names = f"{class_ or ''} {id_ or ''}".lower()
    if "-" not in names:  # most class strings: no descriptive token can be there
        return names
    return " ".join(token for token in names.split() if not _describes(token))


_NAMES = BoundedMemo(_read_names, MAX_REMEMBERED_PAIRS)


def _describes(token: str) -> bool:
    return token.startswith(
        markup.DESCRIPTIVE_TOKEN_PREFIXES
    ) and not markup.CLASS_VOCABULARY.match(token)


def is_credit_element(el: etree._Element) -> bool:
    """Set as a photo credit: a `<cite>`, `<small>` or `<footer>`, or named by its class or id
    (`credit`, `photographer`, `copyright`, `source`, ...)."""
    if el.tag in markup.CREDIT_TAGS:
        return True
    names = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
    return any(word in names for word in markup.CREDIT_CLASS_WORDS)


class NamesTest:
    """A yes-or-no question about an element's class and id words, asked of an element and
    answered once per (class, id) pair as written: the stages ask the same question of the
    same names again and again (a rail's every ancestor, a site's every page)."""

    __slots__ = ("_answers",)

    def __init__(self, question: Callable[[str], bool]) -> None:
        def answer(pair: tuple[str | None, str | None]) -> bool:
            return question(names_of(*pair))

        self._answers = BoundedMemo(answer, MAX_REMEMBERED_ANSWERS)

    def __call__(self, el: etree._Element) -> bool:
        return self._answers[el.get("class"), el.get("id")]


def names_match(pattern: LazyPattern[str], *, unless: LazyPattern[str] | None = None) -> NamesTest:
    """Whether `pattern` is found in an element's names (and `unless` is not)."""
    if unless is None:
        return NamesTest(lambda names: pattern.search(names) is not None)
    return NamesTest(
        lambda names: pattern.search(names) is not None and unless.search(names) is None
    )


# Named as a caption or a credit (`caption-source`): asked by the metadata and standfirst
# passes of an element's ancestors, with one memo for both.
is_named_caption = names_match(markup.CAPTION_ATTR)
