"""Datelines in scripts without capitals or spaces: the frames of `rules.script_datelines`.

    新华社北京5月3日电 ...        agency, place, date, "filed" (zh)
    （中央社記者王明台北3日電）...   the same in brackets, with a reporter (zh)
    【ワシントン共同】...            place and agency in brackets (ja)
    【ソウル＝山田太郎】...          place and the paper's correspondent (ja)
    (서울=연합뉴스) ...              place "=" agency in brackets (ko)

The frame is read first, then the agency in it must be one `normalise_agency` knows, so an
ordinary bracketed aside never counts. Only the head of a paragraph is read, and each pattern
is a bounded run of one character class.
"""

from __future__ import annotations

from newsextract.fields.agencies import normalise_agency
from newsextract.fields.bylines import is_person_name
from newsextract.rules import script_datelines as rules

__all__ = ["script_correspondent", "script_dateline"]


def script_dateline(head: str) -> tuple[str | None, str | None, int] | None:
    """The place and/or date, the agency (None for a paper's own correspondent) and where
    the story starts, when `head` opens with a frame of `rules.script_datelines`; else None."""
    return _filed(head) or _bracketed(head)


def script_correspondent(head: str) -> str | None:
    """The paper's own correspondent a Japanese frame names, when the name is a person's:
    `【ソウル＝山田太郎】` gives `山田太郎` (the story's author, printed where a wire prints
    its agency); else None. A frame naming several correspondents is not read."""
    frame = _frame(head)
    if frame is None or frame[0] not in rules.CORRESPONDENT_BRACKETS:
        return None
    split = _place_and_after(frame[1])
    if split is None:
        return None
    name = split[1].strip(rules.SPACES)
    return name if normalise_agency(name) is None and is_person_name(name) else None


def _filed(head: str) -> tuple[str | None, str, int] | None:
    found = rules.FILED_RE.match(head)
    if found is None:
        return None
    frame = found.group("frame")
    split = _agency_prefix(frame)
    if split is None:
        return None
    agency, rest = split
    date = rules.DATE_AT_END_RE.search(rest)
    if date is None:
        return None  # "电" closes a date; without one this is a word, not a frame.
    if rest.startswith(rules.REPORTER_WORDS):
        # The reporter's name runs into the place ("記者王明台北3日"): keep the date only.
        rest = date.group()
    return rest, agency, found.end()


def _bracketed(head: str) -> tuple[str | None, str | None, int] | None:
    frame = _frame(head)
    if frame is None:
        return None
    opener, inside, end = frame
    if not rules.WIDE_CHARS.search(inside):
        return None
    split = _place_and_after(inside)
    if split is not None:
        return _place_and_source(*split, opener, _story_start(head, end))
    suffix = _agency_suffix(inside)
    if suffix is None:
        return None
    place, agency = suffix
    return place or None, agency, _story_start(head, end)


def _frame(head: str) -> tuple[str, str, int] | None:
    """The opening bracket of the frame that opens `head`, what it holds, and where it ends."""
    found = rules.BRACKETED_RE.match(head)
    if found is None or rules.BRACKETS[found.group("open")] != found.group("close"):
        return None
    return found.group("open"), found.group("inside").strip(rules.SPACES), found.end()


def _place_and_after(inside: str) -> tuple[str, str] | None:
    """`place=source` split at its first separator (`rules.PLACE_AGENCY_SEPARATORS`)."""
    for separator in rules.PLACE_AGENCY_SEPARATORS:
        place, equals, after = inside.partition(separator)
        if equals:
            return place, after
    return None


def _place_and_source(
    place: str, after: str, opener: str, end: int
) -> tuple[str | None, str | None, int] | None:
    """`place=agency` (or, in a Japanese paper's frame, `place＝correspondent`)."""
    place = place.strip(rules.SPACES)
    if not place or place in rules.NOT_PLACES:
        return None
    agency = normalise_agency(after.strip(rules.SPACES))
    if agency is None and opener not in rules.CORRESPONDENT_BRACKETS:
        return None
    return place, agency, end


def _story_start(head: str, end: int) -> int:
    """Past the frame and a dash some services print after it ("[東京 ロイター] - ")."""
    dash = rules.AFTER_FRAME_RE.match(head, end)
    return end if dash is None else dash.end()


def _agency_prefix(frame: str) -> tuple[str, str] | None:
    """The longest start of `frame` that names an agency, and what follows it."""
    for end in range(len(frame) - 1, 0, -1):
        agency = normalise_agency(frame[:end])
        if agency is not None:
            return agency, frame[end:]
    return None


def _agency_suffix(inside: str) -> tuple[str, str] | None:
    """What precedes the longest end of `inside` that names an agency, and that agency."""
    for start in range(len(inside)):
        agency = normalise_agency(inside[start:])
        if agency is not None:
            return inside[:start].strip(rules.SPACES), agency
    return None
