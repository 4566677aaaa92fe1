"""Captions and their credits read off whole pages: hand-written layouts, invented text."""

from __future__ import annotations

from newsextract import extract

PAGE_URL = "https://gazette.example/news/2024/03/05/ferry-terminal"


def _story() -> str:
    return "".join(
        f"<p>Story sentence {i} explains, in some detail, what the harbour commission decided"
        " about the new ferry terminal, and why it matters.</p>"
        for i in range(1, 5)
    )


def _page(figures: str) -> str:
    return (
        "<html><body><article><h1>Ferry terminal approved</h1>"
        + figures
        + _story()
        + "</article></body></html>"
    )


def _captions(figures: str) -> list[tuple[str, str | None]]:
    article = extract(_page(figures), url=PAGE_URL)
    return [(c.text, c.credit) for c in article.captions]


def _credit_of(figures: str) -> str | None:
    found = extract(_page(figures), url=PAGE_URL).captions
    assert len(found) == 1, found
    return found[0].credit


# --- credit parts -------------------------------------------------------------------------------


def test_credit_parts_set_apart_by_a_bar_are_joined_with_a_slash() -> None:
    # The agency field and the photographer field of one picture, printed "Agency | Name".
    figure = (
        '<figure><img src="/p/1.jpg"><figcaption><span>Ferries wait at the quay.</span>'
        "<span>&copy; Harbour Images | Lee Grant</span></figcaption></figure>"
    )
    assert _captions(figure) == [("Ferries wait at the quay.", "Harbour Images / Lee Grant")]


def test_a_credit_part_printed_twice_is_given_once() -> None:
    figure = (
        '<figure><img src="/p/1.jpg"><figcaption>Gulls over the pier. '
        "&copy; Mara Lind | Mara Lind</figcaption></figure>"
    )
    assert _credit_of(figure) == "Mara Lind"


def test_credit_parts_that_differ_in_case_are_both_kept() -> None:
    figure = (
        '<figure><img src="/p/1.jpg"><figcaption>Gulls over the pier. '
        "&copy; imago/Mara Lind | IMAGO/Mara Lind</figcaption></figure>"
    )
    assert _credit_of(figure) == "imago/Mara Lind / IMAGO/Mara Lind"
