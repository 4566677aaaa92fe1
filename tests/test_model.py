"""`_model`: the immutable `Article` and its JSON form."""

from __future__ import annotations

import dataclasses
import json
import re
from datetime import UTC, datetime, timedelta, timezone

import pytest

from newsextract import Article, Caption, RelatedLink

DOCUMENTED_KEYS = [
    "url",
    "headline",
    "standfirst",
    "dateline",
    "agency",
    "authors",
    "published",
    "modified",
    "site_name",
    "language",
    "description",
    "top_image",
    "captions",
    "paragraphs",
    "related",
    "tags",
    "language_source",
    "confident",
    "blocks",
]

FULL = Article(
    url="https://gazette.example/news/2024/03/05/ferry-terminal",
    headline="Council approves new ferry terminal",
    standfirst="The vote ends a decade of argument over the harbour front.",
    dateline="HARBORVILLE, March 5",
    agency="Reuters",
    authors=("Dana Whitfield", "Tomás Ortega"),
    published=datetime(2024, 3, 5, 9, 30, tzinfo=timezone(timedelta(hours=-5))),
    modified=datetime(2024, 3, 5, 15, 45, 10, tzinfo=UTC),
    site_name="Harbor Gazette",
    language="en",
    description="The vote was seven to two.",
    top_image="https://gazette.example/img/ferry.jpg",
    captions=(
        Caption("Commissioners vote on Tuesday.", "Lee Grant/Gazette", "https://g.example/1.jpg"),
        Caption("The old pier at dawn.", None, None),
    ),
    paragraphs=(
        "HARBORVILLE, March 5 (Reuters) - The council approved the terminal on Tuesday.",
        "“It took years,” said the mayor — in Spanish: «¡Por fin!»",
    ),
    related=(
        RelatedLink("Ferry fares to rise", "https://gazette.example/news/2024/03/01/fares"),
        RelatedLink("Text-only related title", None),
    ),
    tags=("ferries", "city council"),
)


def test_json_round_trip_of_a_full_article() -> None:
    again = Article.from_json(FULL.to_json())
    assert again == FULL
    assert again.published is not None
    assert again.published.utcoffset() == timedelta(hours=-5)
    assert again.modified is not None
    assert again.modified.utcoffset() == timedelta(0)


def test_json_round_trip_with_indent() -> None:
    assert Article.from_json(FULL.to_json(indent=2)) == FULL


def test_dict_round_trip() -> None:
    assert Article.from_dict(FULL.to_dict()) == FULL


def test_round_trip_of_an_empty_article() -> None:
    assert Article.from_json(Article().to_json()) == Article()


def test_round_trip_of_naive_datetimes() -> None:
    article = Article(published=datetime(2024, 3, 5))
    again = Article.from_json(article.to_json())
    assert again == article
    assert again.published is not None
    assert again.published.tzinfo is None


def test_to_dict_keys_are_exactly_the_documented_ones_in_order() -> None:
    assert list(FULL.to_dict()) == DOCUMENTED_KEYS
    assert list(Article().to_dict()) == DOCUMENTED_KEYS
    assert list(json.loads(FULL.to_json())) == DOCUMENTED_KEYS


def test_to_dict_keys_match_the_dataclass_fields() -> None:
    assert [f.name for f in dataclasses.fields(Article)] == DOCUMENTED_KEYS


def test_to_dict_values() -> None:
    data = FULL.to_dict()
    assert data["published"] == "2024-03-05T09:30:00-05:00"
    assert data["modified"] == "2024-03-05T15:45:10+00:00"
    assert data["authors"] == ["Dana Whitfield", "Tomás Ortega"]
    assert data["captions"] == [
        {
            "text": "Commissioners vote on Tuesday.",
            "credit": "Lee Grant/Gazette",
            "image_url": "https://g.example/1.jpg",
        },
        {"text": "The old pier at dawn.", "credit": None, "image_url": None},
    ]
    assert data["related"] == [
        {"text": "Ferry fares to rise", "url": "https://gazette.example/news/2024/03/01/fares"},
        {"text": "Text-only related title", "url": None},
    ]
    assert data["tags"] == ["ferries", "city council"]


def test_empty_article_dict() -> None:
    data = Article().to_dict()
    assert {k for k, v in data.items() if v is None} == {
        "url", "headline", "standfirst", "dateline", "agency", "published", "modified",
        "site_name", "language", "description", "top_image", "language_source",
    }  # fmt: skip
    assert {k for k, v in data.items() if v == []} == {
        "authors",
        "blocks",
        "captions",
        "paragraphs",
        "related",
        "tags",
    }


def test_to_json_keeps_non_ascii_characters() -> None:
    text = FULL.to_json()
    assert "Tomás" in text
    assert "«¡Por fin!»" in text
    assert "\\u" not in text


def test_from_json_rejects_non_object() -> None:
    with pytest.raises(TypeError):
        Article.from_json("[1, 2]")


def test_from_dict_tolerates_missing_keys() -> None:
    article = Article.from_dict({"headline": "Only a headline"})
    assert article == Article(headline="Only a headline")


@pytest.mark.parametrize("name", ["headline", "paragraphs", "published", "related"])
def test_article_is_frozen(name: str) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(FULL, name, None)


def test_caption_and_related_link_are_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        FULL.captions[0].text = "changed"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        FULL.related[0].url = None  # type: ignore[misc]


def test_sequences_are_tuples() -> None:
    for name in ("authors", "captions", "paragraphs", "related", "tags"):
        assert isinstance(getattr(FULL, name), tuple)
        assert isinstance(getattr(Article.from_json(FULL.to_json()), name), tuple)


def test_article_is_hashable_and_compares_by_value() -> None:
    copy = dataclasses.replace(FULL)
    assert copy == FULL
    assert hash(copy) == hash(FULL)
    assert dataclasses.replace(FULL, headline="Other") != FULL


def test_text_joins_paragraphs_with_a_blank_line() -> None:
    article = Article(paragraphs=("First paragraph.", "Second one.", "Third."))
    assert article.text == "First paragraph.\n\nSecond one.\n\nThird."


def test_text_of_one_and_of_no_paragraph() -> None:
    assert Article(paragraphs=("Only one.",)).text == "Only one."
    assert Article().text == ""


def test_article_dict_typed_dict_lists_every_field_in_order() -> None:
    # The TypedDict is the one place besides the dataclass that names the keys.
    from newsextract._model import ArticleDict

    assert list(ArticleDict.__annotations__) == DOCUMENTED_KEYS


@pytest.mark.parametrize(
    ("data", "error", "names"),
    [
        ({"headline": 3}, TypeError, "Article.headline: expected str, got int"),
        ({"authors": "Dana"}, TypeError, "Article.authors: expected a list, got str"),
        ({"authors": ["Dana", 7]}, TypeError, "Article.authors[1]: expected str, got int"),
        ({"published": 2024}, TypeError, "Article.published: expected an ISO 8601 string"),
        ({"published": "last Tuesday"}, ValueError, "Article.published: not an ISO 8601"),
        ({"captions": [{"credit": "x"}]}, ValueError, "Article.captions[0]: the key 'text'"),
        ({"captions": ["a caption"]}, TypeError, "Article.captions[0]: expected an object"),
        ({"related": [{"text": "t", "url": 5}]}, TypeError, "Article.related[0].url: expected"),
    ],
)
def test_from_dict_rejects_wrong_types_naming_the_key(
    data: dict[str, object], error: type[Exception], names: str
) -> None:
    with pytest.raises(error, match=re.escape(names)):
        Article.from_dict(data)


def test_from_dict_ignores_record_keys_beside_the_article() -> None:
    record = {"source": "a.html", "warc_date": None, "empty_body": True, **FULL.to_dict()}
    assert Article.from_dict(record) == FULL


def test_from_dict_reads_null_lists_as_empty() -> None:
    assert Article.from_dict({"authors": None, "published": ""}) == Article()


def test_repr_is_short_and_says_what_the_article_holds() -> None:
    long = dataclasses.replace(FULL, headline="Ferry " * 40, paragraphs=("word " * 400,) * 30)
    text = repr(long)
    assert len(text) < 400
    assert text.startswith("Article(headline='Ferry Ferry")
    assert "paragraphs=30" in text
    assert "captions=2" in text
    assert "url='https://gazette.example/news/2024/03/05/ferry-terminal'" in text


def test_from_dict_reads_the_language_source_and_rejects_an_unknown_one() -> None:
    assert Article.from_dict({"language_source": "detected"}).language_source == "detected"
    with pytest.raises(ValueError, match="language_source"):
        Article.from_dict({"language_source": "guessed"})
