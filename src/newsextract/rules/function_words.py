"""The commonest function words of languages written with spaces between words.

`fields/language.py` uses them to doubt a declared language cheaply: running text in a
language is about a quarter to a third these words, while text in another language (or a
CMS's default `lang="en"` over a page in isiZulu) has almost none of them. Only then does the
page pay for the statistical detector. A language not listed here (Chinese, Japanese, Thai,
which are not written with spaces, and the many others) is trusted as declared.
Each list: the language's ISO 639-1 code, its most frequent articles, prepositions,
conjunctions and pronouns, lower case.
"""

from __future__ import annotations

_LISTS: dict[str, str] = {
    # Germanic
    "en": (
        "the and of to in is that for it was on with "
        "as he she said at by an this are be has have"
    ),
    "de": (
        "der die das und ist nicht den von zu mit sich des "
        "auf für im dem ein eine es auch als an nach wie"
    ),
    "nl": "de het een en van in is dat op te zijn voor met niet er aan die ook als",
    "sv": "och i att det som en på är av för med till den har inte om ett var de",
    "no": "og i er det som på en til av for med at har ikke den de et om var",
    "nb": "og i er det som på en til av for med at har ikke den de et om var",
    "da": "og i at det er en til på som de med for af ikke den har et var",
    # Romance
    "fr": (
        "le la les de des et un une du en est que "
        "qui dans pour pas sur au il elle par plus ne se"
    ),
    "es": "el la los las de y que en un una del por con para es se no al lo como su más",
    "it": "il la di che e un una per in del della non è con si le gli da al dei sono",
    "pt": "o a os as de do da que e em um uma para com não no na por se dos das",
    # Malay and Indonesian
    "ms": "dan yang di ini itu untuk dengan dari tidak ke pada akan dalam oleh",
    "id": "dan yang di ini itu untuk dengan dari tidak ke pada akan dalam oleh",
}  # fmt: skip

FUNCTION_WORDS: dict[str, frozenset[str]] = {
    language: frozenset(words.split()) for language, words in _LISTS.items()
}
