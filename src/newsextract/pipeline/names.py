"""The words an element's class and id say about it, as every stage reads them."""

from __future__ import annotations

from lxml import html

from newsextract.rules import markup


def names_of(class_: str | None, id_: str | None) -> str:
    """`class` and `id`, lower-cased, without the tokens that only describe the element.

    A token such as `tag-harbour-ferries` or `has-comments` names the story's topic or a
    feature beside it; read as a vocabulary word it would make the story furniture.
    """
    names = f"{class_ or ''} {id_ or ''}".lower()
    if "-" not in names:  # most class strings: no descriptive token can be there
        return names
    return " ".join(token for token in names.split() if not _describes(token))


def _describes(token: str) -> bool:
    return token.startswith(
        markup.DESCRIPTIVE_TOKEN_PREFIXES
    ) and not markup.CLASS_VOCABULARY.match(token)


def is_credit_element(el: html.HtmlElement) -> bool:
    """Set as a photo credit: a `<cite>`, `<small>` or `<footer>`, or named by its class or id
    (`credit`, `photographer`, `copyright`, `source`, ...)."""
    if el.tag in markup.CREDIT_TAGS:
        return True
    names = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
    return any(word in names for word in markup.CREDIT_CLASS_WORDS)
