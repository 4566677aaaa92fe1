"""Stage 3: drop page furniture from the tree, in place, before the content is located.

What is removed here can never reach the body: scripts and styles, navigation, forms, hidden
elements, and elements whose class, id or ARIA role names furniture (share bars, ads, cookie
banners, newsletter prompts, comments). Captions and related-story boxes are *not* removed
here: the segmenter reads them into `captions` and `related`, and keeps them out of the body.
"""

from __future__ import annotations

from lxml import html

from . import _tables as t

# An element named like furniture but holding this many paragraphs of real text is the story
# in a container with an unlucky class (`post has-sidebar`), so it is kept.
_GUARD_MIN_PARAGRAPHS = 4
_GUARD_MIN_TEXT = 600


def clean(root: html.HtmlElement) -> html.HtmlElement:
    """Remove furniture from `root` (mutating it) and return it."""
    _drop_by_tag(root)
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        if _is_furniture(el) and not _holds_story(el):
            el.drop_tree()
    return root


def _drop_by_tag(root: html.HtmlElement) -> None:
    for el in list(root.iter(*t.DROP_TAGS)):
        if el.getparent() is not None:
            el.drop_tree()
    for form in list(root.iter("form")):
        if form.getparent() is not None and len(form.text_content()) < t.FORM_MAX_TEXT:
            form.drop_tree()


def _is_furniture(el: html.HtmlElement) -> bool:
    attrib = el.attrib
    if not attrib or el.tag in ("html", "body"):
        return False
    if "hidden" in attrib or attrib.get("aria-hidden") == "true":
        return True
    style = attrib.get("style")
    if style and t.HIDDEN_STYLE.search(style):
        return True
    role = attrib.get("role")
    if role and role.lower() in t.BOILERPLATE_ROLES:
        return True
    names = f"{attrib.get('class', '')} {attrib.get('id', '')}".strip()
    if not names:
        return False
    if t.CONTENT_ATTR.search(names) or t.CAPTION_ATTR.search(names) or t.RELATED_ATTR.search(names):
        return False
    if t.BOILERPLATE_ATTR.search(names):
        return True
    return not t.BOILERPLATE_TOKENS.isdisjoint(names.lower().split())


def _holds_story(el: html.HtmlElement) -> bool:
    paragraphs = el.findall(".//p")
    if len(paragraphs) < _GUARD_MIN_PARAGRAPHS:
        return False
    return sum(len(p.text_content()) for p in paragraphs) >= _GUARD_MIN_TEXT
