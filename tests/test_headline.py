"""The printed headline (`pipeline/headline.py`): the `<h1>` text without its kicker."""

from __future__ import annotations

from newsextract import extract

_STORY = "".join(
    f"<p>Story sentence {i} tells, at some length, what the inspectors found in the school"
    " dormitories and what the board decided to do about it.</p>"
    for i in range(6)
)
_TITLE = "Pupils charged after night raid on dormitory"


def _headline(h1: str) -> str | None:
    return extract(f"<html><body><article><h1>{h1}</h1>{_STORY}</article></body></html>").headline


def test_the_kicker_inside_the_h1_is_not_the_headline() -> None:
    assert (
        _headline(
            "<span class='article-heading__kicker'>Harbour works</span>"
            f"<span class='visually-hidden'>: </span><span class='heading__title'>{_TITLE}</span>"
        )
        == _TITLE
    )


def test_inline_markup_in_the_rest_is_not_spaced_apart() -> None:
    assert (
        _headline(
            f"<span class='overline'>Harbour works</span> Pupils <em>char</em>ged{_TITLE[14:]}"
        )
        == _TITLE
    )


def test_a_longer_part_named_like_a_kicker_stays_the_headline() -> None:
    # One CMS names its headline `topline` and its kicker `subline`.
    assert (
        _headline(
            f"<span class='reader__subline'>Harbour works</span> <span class='reader__topline'>"
            f"{_TITLE}</span>"
        )
        == f"Harbour works {_TITLE}"
    )
