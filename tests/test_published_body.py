"""JSON-LD `articleBody` as the body of last resort, before readability's guess."""

from __future__ import annotations

import json

from newsextract import extract

_BODY = (
    "The ferry company said on Monday that the new terminal would open in the spring.\n\n"
    "Engineers finished the last tests of the ramp, the company said, and the first crossings"
    " would carry cars as well as foot passengers."
)


def _page(body: object) -> str:
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Terminal"}
    data["articleBody"] = body
    return (
        "<html><head><script type='application/ld+json'>"
        + json.dumps(data)
        + "</script></head><body><h1>Terminal</h1><div id='app'></div>"
        "<script>render()</script></body></html>"
    )


def test_a_script_rendered_page_takes_its_declared_body() -> None:
    article = extract(_page(_BODY))
    assert article.paragraphs == tuple(p for p in _BODY.split("\n") if p)


def test_a_declared_body_in_markup_or_too_short_is_not_taken() -> None:
    assert extract(_page("<p>" + _BODY + "</p>")).paragraphs == ()
    assert extract(_page("Too short.")).paragraphs == ()
