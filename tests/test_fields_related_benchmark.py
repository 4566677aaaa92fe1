"""The related-link scoring of `benchmarks/fields.py` (`benchmarks/_fields_related.py`), on
hand-made pages and links with exact expected counts, and the shape of the committed labels."""

from __future__ import annotations

import json

from benchmarks._fields_match import FieldResult, ItemCounts, Outcome
from benchmarks._fields_related import (
    DEFAULT_RELATED,
    RelatedLabel,
    load_related,
    related_label,
    related_measures,
    score_related,
    url_keys,
)

PAGE_URL = "https://news.example/world/2024/story-one"
PAGE = b"""<html><body><article><h1>Story</h1><p>Text.</p>
<aside><h3>Related</h3><ul>
<li><a href="/world/story-two"><img src="x.jpg"></a><a href="/world/story-two">Second story</a></li>
<li><a href="https://www.news.example/world/story-three/?utm=rel">Third story<script>
var x;</script></a></li>
</ul></aside></article></body></html>"""


def test_url_keys_resolve_and_ignore_scheme_www_fragment_and_trailing_slash() -> None:
    a = url_keys("/world/story-two/#top", PAGE_URL)
    b = url_keys("http://www.NEWS.example/world/story-two", None)
    assert a == b == ("news.example/world/story-two", "news.example/world/story-two")
    full, short = url_keys("/world/story-three?utm=rel", PAGE_URL)
    assert full == "news.example/world/story-three?utm=rel"
    assert short == "news.example/world/story-three"
    # A section path is too short to be matched without its query.
    assert url_keys("/?p=12", PAGE_URL) == ("news.example?p=12", None)
    assert url_keys(None, PAGE_URL) == ("", None)


def test_related_label_reads_the_longest_anchor_text_without_scripts() -> None:
    label = related_label(
        PAGE, ["/world/story-two", "https://www.news.example/world/story-three/?utm=rel", "/gone"]
    )
    assert label.texts == ("Second story", "Third story", "")


def test_score_related_matches_by_url_then_path_then_text() -> None:
    label = RelatedLabel(
        ("/world/story-two", "/world/story-three?utm=rel", "/world/story-four"),
        ("Second story", "Third story", "Fourth story"),
    )
    got = [
        ("Third story", "https://news.example/world/story-three"),  # path without query
        ("Second story", "https://news.example/world/story-two"),  # same URL
        ("fourth  STORY", None),  # text only
        ("Most read thing", "https://news.example/popular/thing"),  # not labelled
    ]
    result = score_related(got, label, PAGE_URL)
    assert result.items == ItemCounts(labelled=3, found=3, extra=1)
    assert result.outcome is Outcome.WRONG
    assert result.ours == ["Most read thing <https://news.example/popular/thing>"]
    assert result.label == []


def test_score_related_outcomes_on_pages_with_and_without_labels() -> None:
    none = RelatedLabel((), ())
    assert score_related([], none, PAGE_URL).outcome is Outcome.RIGHT
    false = score_related([("Trending", "https://news.example/t")], none, PAGE_URL)
    assert false.outcome is Outcome.FALSE_POS
    one = RelatedLabel(("/world/story-two",), ("Second story",))
    missed = score_related([], one, PAGE_URL)
    assert missed.outcome is Outcome.MISSED
    assert missed.label == ["Second story </world/story-two>"]
    # One link of ours matches one labelled link only.
    two = RelatedLabel(("/a/one", "/a/one-again"), ("Same", "Same"))
    assert score_related([("Same", None)], two, PAGE_URL).items == ItemCounts(2, 1, 0, 0, 0)


def test_related_measures_mean_share_false_pages_and_precision() -> None:
    def result(labelled: int, found: int, extra: int) -> FieldResult:
        return FieldResult(
            "related", Outcome.WRONG, [], [], items=ItemCounts(labelled, found, 0, extra, 0)
        )

    rows = dict(
        related_measures([result(4, 2, 0), result(2, 2, 1), result(0, 0, 3), result(0, 0, 0)])
    )
    assert rows["related found (mean share, pages with links)"] == "0.75 (4/6 links)"
    assert rows["related: pages with none labelled given some"] == "0.50 (1/2)"
    assert rows["related precision (ours that are labelled)"] == "0.50 (4/8)"


def test_committed_labels_are_urls_only() -> None:
    data = json.loads(DEFAULT_RELATED.read_text(encoding="utf-8"))
    assert set(data) == {"_about", "pages"}
    labels = load_related()
    assert len(labels) >= 64
    assert sum(1 for hrefs in labels.values() if hrefs) >= 30
    for key, hrefs in labels.items():
        source, _, page = key.partition(":")
        assert source in ("fundus", "zyte") and page
        assert len(set(hrefs)) == len(hrefs), key
        for href in hrefs:
            assert " " not in href.strip(), (key, href)
