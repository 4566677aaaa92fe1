"""Photo credits: split the credit off a caption, and tell a line that is only a credit.

Captions end with the photographer and agency in one of a few printed forms, and the
`Caption` record keeps the two apart:

    ... Photo by Jane Doe/EPA-EFE             a label, then the credit
    ... (Photo: Jane Doe)  ... Credit: X      labels in many languages: Foto:, Bild:, Crédit :
    ... Photograph: Jane Doe/Reuters          (and "Credit...Jane Doe")
    ... © Jane Doe  /  (c) Jane Doe           copyright signs
    ... (AP Photo/Jane Doe)                   a bracketed credit at the end
    ... (NASA/JPL-Caltech/ASU)
    ... Jane Doe/AFP via Getty Images         an unlabelled credit after the last sentence
    Above: ...                                a leading position label, dropped from the text

A credit is only ever looked for in the last `CREDIT_WINDOW_CHARS` characters of a caption
(`rules.credits` holds the limits, labels and photo sources), so the cost is bounded whatever
the caption's length, and only forms with clear evidence are split: a label, a copyright
sign, a known agency or picture library, or a "Name/Source" slash.
The plain-text segmenter also calls `split_credit` on lines that may be ordinary paragraphs,
so a line without such evidence must come back whole with no credit.
"""

from __future__ import annotations

import re
import unicodedata

from newsextract.fields.agencies import find_agency, normalise_agency
from newsextract.rules import credits as rules
from newsextract.rules.credits import BOUNDARY_RE as _BOUNDARY_RE
from newsextract.rules.credits import SENTENCE_BREAK_RE as _SENTENCE_BREAK_RE
from newsextract.rules.credits import TEXT_TRAILERS as _TEXT_TRAILERS
from newsextract.rules.credits import TRAILING_BRACKET_RE as _TRAILING_BRACKET_RE
from newsextract.rules.phrases import FULL_STOPS

__all__ = [
    "is_credit_line",
    "join_credit_parts",
    "split_credit",
    "strip_credit_label",
    "strip_leading_label",
]


def split_credit(caption: str) -> tuple[str, str | None]:
    """Split `caption` into its text and its credit (None when it has none).

    `Bridge at dusk. Photo by Jane Doe/EPA-EFE` gives
    `("Bridge at dusk.", "Jane Doe/EPA-EFE")`; `(AP Photo/Jane Doe)` keeps the `AP Photo/`;
    a leading `Above:` is dropped from the text.
    """
    text = caption.strip()
    leading = rules.LEADING_LABEL_RE.match(text)
    if leading is not None:
        text = text[leading.end() :]
    if not text:
        return "", None
    window = max(0, len(text) - rules.CREDIT_WINDOW_CHARS)
    for finder in (_labelled, _bracketed, _unlabelled, _east_asian_trailer):
        found = finder(text, window)
        if found is not None:
            cut, credit = found
            return text[:cut].rstrip(_TEXT_TRAILERS), credit
    return text, None


def strip_leading_label(text: str) -> str:
    """A caption's text without a leading position or caption label ("Above: ",
    "Legende: ")."""
    leading = rules.LEADING_LABEL_RE.match(text)
    return text[leading.end() :] if leading is not None else text


def strip_credit_label(credit: str) -> str:
    """A text already known to be a credit (set in its own element) without its brackets and
    its leading label: `(Foto: Jane Doe. Styling: John Roe)` gives `Jane Doe. Styling: John
    Roe`, where `split_credit` finds no credit (the text reads as sentences)."""
    text = credit.strip()
    if text[:1] in "([" and text[-1:] in ")]" and text.count("(") + text.count("[") == 1:
        text = text[1:-1].strip()
    label = rules.LABEL_RE.match(text)
    if label is not None and not label.group()[0].islower():
        rest = text[label.end() :].strip(" :")
        if rest:
            return rest
    return text


def join_credit_parts(credit: str) -> str:
    """A credit whose parts are set apart by " | " rejoined as printed, with " / ".

    A part printed twice in a row, letter for letter ("Jane Doe | Jane Doe": the agency field
    and the photographer field of the same picture), is given once; parts that differ, even
    only in case ("imago/Jane Doe | IMAGO/Jane Doe"), are the publisher's and are kept.
    """
    parts = rules.CREDIT_PART_SEPARATOR.split(credit)
    if len(parts) == 1:
        return credit
    kept = [part for i, part in enumerate(parts) if part and (i == 0 or part != parts[i - 1])]
    return rules.CREDIT_PART_JOINER.join(kept)


def is_credit_line(text: str) -> bool:
    """Whether `text` is a credit and nothing else: `Photo: Jane Doe`, `Getty Images`."""
    stripped = text.strip()
    if not stripped or len(stripped) > rules.MAX_CREDIT_LINE_CHARS:
        return False
    rest, credit = split_credit(stripped)
    return credit is not None and not rest.strip(" .,;:-()[]")


def _labelled(text: str, window: int) -> tuple[int, str] | None:
    for label in rules.LABEL_RE.finditer(text, window):
        word = label.group()
        if word[0].islower() and not _opens_brackets(text, label.start()):
            continue  # "the photo: ..." is a sentence, not a label; "(credit: X)" is one.
        credit = _clean_credit(text[label.end() :])
        if credit is None or _has_sentence_words(credit, rules.MAX_LOWER_WORDS_LABELLED):
            continue
        if label.group("guarded") and not _names_photo_source(credit):
            continue
        start = label.start()
        opener = text[:start].rstrip()
        if opener.endswith(("(", "[")):
            start = len(opener) - 1  # "(Photo: Jane Doe)": the bracket goes with the credit.
        return start, credit
    return None


def _opens_brackets(text: str, start: int) -> bool:
    """Whether the label at `start` opens the text or a bracket: "photo: Jane Doe" under a
    photo, "(credit: Jane Doe)" after a caption's last sentence."""
    before = text[:start].rstrip()
    return not before or before.endswith(("(", "["))


def _east_asian_trailer(text: str, window: int) -> tuple[int, str] | None:
    """A Japanese caption's source after "＝" (an agency or photo source only), or its
    photographer in "（…撮影）"."""
    shot = rules.TRAILING_SHOT_BY_RE.search(text, window)
    if shot is not None:
        return shot.start(), shot.group(1).strip()
    equals = rules.TRAILING_EQUALS_SOURCE_RE.search(text, window)
    if equals is not None and equals.start() > 0:
        credit = equals.group(1)
        if _names_photo_source(unicodedata.normalize("NFKC", credit)):
            return equals.start(), credit
    return None


def _bracketed(text: str, window: int) -> tuple[int, str] | None:
    match = _TRAILING_BRACKET_RE.search(text, window)
    if match is None:
        return None
    credit = _clean_credit(match.group(1))
    if credit is None or not credit[0].isupper():
        return None
    if not (
        _is_slash_credit(credit)
        or _names_photo_source(credit)
        or rules.COURTESY_RE.match(credit)
        or _closes_sentences(text[: match.start()], credit)
    ):
        return None
    return match.start(), _without_bare_label(credit)


def _closes_sentences(before: str, credit: str) -> bool:
    """A bracketed name after the caption's last sentence: "... sold for a record. (Sotheby's)",
    "... at dawn. (Supplied)". Only after a full stop, only a few capitalised words, and not a
    note on the kind of picture ("(Archivbild)", `PICTURE_NOTES`): a bracket inside a sentence
    is its aside ("the mayor (left) speaks", "Jane Doe (D)")."""
    words = credit.split()
    return (
        before.rstrip().endswith(FULL_STOPS)
        and credit.casefold() not in rules.PICTURE_NOTES
        and len(words) <= rules.MAX_NAME_TOKENS
        and all(word[0].isupper() for word in words)
        and not any(ch.isdigit() for ch in credit)
    )


def _without_bare_label(credit: str) -> str:
    """A credit without the photo label printed before it with no colon ("Photo AFP", "Foto
    ANSA", "PHOTO JANE DOE / AFP"): the label is no part of the source's name."""
    label = rules.BARE_LABEL_RE.match(credit)
    if label is None:
        return credit
    rest = credit[label.end() :]
    return rest if rest[:1].isupper() and _names_photo_source(rest) else credit


def _unlabelled(text: str, window: int) -> tuple[int, str] | None:
    starts = [window] if window == 0 else []
    starts.extend(boundary.end() for boundary in _BOUNDARY_RE.finditer(text, window))
    for start in starts:
        credit = _clean_credit(text[start:])
        if credit is None or not credit[0].isupper() or _has_sentence_words(credit, 0):
            continue
        if _names_photo_source(credit) or rules.COURTESY_RE.match(credit):
            return start, _without_bare_label(credit)
        if _is_slash_credit(credit) and _starts_with_name(credit):
            return start, credit
    return None


def _clean_credit(raw: str) -> str | None:
    credit = raw.strip()
    if credit.endswith((")", "]")) and credit.count("(") + credit.count("[") < (
        credit.count(")") + credit.count("]")
    ):
        credit = credit[:-1].rstrip()
    if credit.endswith(".") and not _keeps_dot(credit):
        credit = credit[:-1].rstrip()
    credit = credit.strip(" ,;:|")
    if not credit or len(credit) > rules.MAX_CREDIT_CHARS or _SENTENCE_BREAK_RE.search(credit):
        return None
    return credit


def _keeps_dot(credit: str) -> bool:
    words = credit[:-1].rsplit(None, 1)
    if not words:  # the credit is a lone dot (". ."): nothing to keep it for
        return False
    last = words[-1].rsplit("/", 1)[-1]
    return len(last) == 1 or last.casefold() in rules.KEEP_DOT


def _names_photo_source(credit: str) -> bool:
    return rules.PHOTO_SOURCE_RE.search(credit) is not None or find_agency(credit) is not None


def _is_slash_credit(credit: str) -> bool:
    """A "Name/Source" credit: two to four capitalised parts joined by slashes."""
    parts = [part.strip() for part in credit.split("/")]
    if not 2 <= len(parts) <= rules.MAX_SLASH_PARTS:
        return False
    return all(
        part and part[0].isupper() and len(part.split()) <= rules.MAX_PART_TOKENS for part in parts
    )


def _starts_with_name(credit: str) -> bool:
    tokens = credit.split("/", 1)[0].split()
    return rules.MIN_NAME_TOKENS <= len(tokens) <= rules.MAX_NAME_TOKENS and all(
        token[0].isupper() for token in tokens
    )


def _has_sentence_words(credit: str, allowed: int) -> bool:
    """Whether `credit` holds more than `allowed` lower-case words other than connectors
    ("via") and agency or library names ("dpa"). The count stops there: the rest of a long
    text (a caption's sentence read as a credit) is not looked up word by word."""
    count = 0
    for token in re.split(r"[\s/]+", credit):
        if not token or not token[0].islower():
            continue  # capitalised, or in a script without case (Hangul, kana, Han)
        folded = token.casefold()
        if folded in rules.CREDIT_CONNECTORS or folded in rules.SOURCE_WORDS:
            continue
        if normalise_agency(token) != token:  # "dpa" prints its name in lower case.
            count += 1
            if count > allowed:
                return True
    return False
