"""Stage 5 for page text, `_plaintext.segment_text`, and plain text through `extract()`."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsextract import Article, Caption, RelatedLink, extract
from newsextract.pipeline.blocks import RawCaption, RawLink
from newsextract.pipeline.plaintext import segment_text

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "upi-kazakhstan-mourning.txt"

KAZAKHSTAN_HEADLINE = (
    "Kazakhstan president declares day of mourning, says protests were 'coup attempt'"
)
KAZAKHSTAN_CAPTION = (
    "Kazakh President Kassym-Jomart Tokayev declared Monday a national day of mourning for the"
    " dozens of lives lost during recent clashes between activists and police."
)
KAZAKHSTAN_RELATED = (
    RelatedLink("In Kazakhstan, Russia follows a playbook it developed in Ukraine", None),
    RelatedLink("Ukraine the focus at new round of security talks between U.S., Russia", None),
    RelatedLink("U.S. details new offers and threats to Russia over Ukraine conflict", None),
)


@pytest.fixture(scope="module")
def seed_article() -> Article:
    if not SEED.is_file():
        pytest.skip(f"seed page not present: {SEED}")
    return extract(SEED.read_bytes())


def test_seed_headline(seed_article: Article) -> None:
    assert seed_article.headline == KAZAKHSTAN_HEADLINE


def test_seed_dateline_and_agency(seed_article: Article) -> None:
    assert seed_article.dateline == "Jan. 10"
    assert seed_article.agency == "UPI"


def test_seed_caption(seed_article: Article) -> None:
    assert seed_article.captions == (
        Caption(
            text=KAZAKHSTAN_CAPTION,
            credit="Kazakh Presidential Press Service/EPA-EFE",
            image_url=None,
        ),
    )


def test_seed_related(seed_article: Article) -> None:
    assert seed_article.related == KAZAKHSTAN_RELATED


def test_seed_body_paragraphs(seed_article: Article) -> None:
    paragraphs = seed_article.paragraphs
    assert len(paragraphs) == 10
    assert paragraphs[0].startswith(
        "Jan. 10 (UPI) -- The president of Kazakhstan said on Monday that protests last week"
    )
    assert paragraphs[1].startswith("President Kassym-Jormat Tokayev called the protesters")
    assert paragraphs[2].startswith("Tokayev invited Russian troops into the country")
    assert paragraphs[3].startswith("Kazakhstan authorities have taken almost 8,000 activists")
    assert paragraphs[4] == (
        "Tokayev declared Monday a national day of mourning for the lives lost during the clashes."
    )
    assert paragraphs[5].startswith("Last week, he declared a state of emergency")
    assert paragraphs[6].startswith("With the help of Russian troops, the Kazakhstan government")
    assert paragraphs[7].startswith('"All state institutions have been released')
    assert paragraphs[8].startswith("U.S. Secretary of State Antony Blinken says he has")
    assert paragraphs[9].startswith('"Well, we have real concerns about the state of emergency')
    assert paragraphs[9].endswith('It, of course, has a right to defend its institutions."')


def test_seed_body_is_the_printed_lines_verbatim(seed_article: Article) -> None:
    # Every story line of the seed from the dateline to the Blinken quote, as printed, and
    # nothing else: the lines between them that are labels or RELATED lines are left out.
    lines = [" ".join(line.split()) for line in SEED.read_text(encoding="utf-8").splitlines()]
    start = next(i for i, line in enumerate(lines) if line.startswith("Jan. 10 (UPI) --"))
    end = next(i for i, line in enumerate(lines) if line.startswith('"Well, we have real'))
    expected = tuple(
        line
        for line in lines[start : end + 1]
        if line and line != "Advertisement" and not line.startswith("RELATED ")
    )
    assert len(expected) == 10
    assert seed_article.paragraphs == expected


def test_seed_body_has_no_furniture(seed_article: Article) -> None:
    for paragraph in seed_article.paragraphs:
        assert paragraph not in ("Advertisement", "Latest Headlines", "Follow Us")
        assert not paragraph.startswith("RELATED")
        assert paragraph != KAZAKHSTAN_HEADLINE
        assert KAZAKHSTAN_CAPTION not in paragraph
        assert "Photo by" not in paragraph


def test_seed_has_no_page_metadata(seed_article: Article) -> None:
    assert seed_article.url is None
    assert seed_article.published is None
    assert seed_article.authors == ()
    assert seed_article.tags == ()


# --- a small story of our own -----------------------------------------------------------------

SOLAR_TEXT = """Advertisement

City opens floating solar farm on old reservoir

City opens floating solar farm on old reservoir
Workers anchor solar panels on the Millbrook reservoir on Wednesday.  \
Photo by Rosa Klein/Millbrook Courier

MILLBROOK, March 3 (Reuters) - The city of Millbrook switched on a floating solar farm on its \
disused reservoir on Wednesday, the first of its kind in the region.

The panels will supply about a tenth of the city's electricity, officials said.

Advertisement

RELATED Millbrook council votes to close the last coal plant by the end of 2027

Engineers said the water keeps the panels cool, which makes them work better in summer.

Latest Headlines

Storm closes mountain pass for a second day
School board approves new bus routes

Follow Us
"""

SOLAR_BODY = (
    "MILLBROOK, March 3 (Reuters) - The city of Millbrook switched on a floating solar farm on"
    " its disused reservoir on Wednesday, the first of its kind in the region.",
    "The panels will supply about a tenth of the city's electricity, officials said.",
    "Engineers said the water keeps the panels cool, which makes them work better in summer.",
)


def test_own_story_segments() -> None:
    segments = segment_text(SOLAR_TEXT)
    assert segments.headline == "City opens floating solar farm on old reservoir"
    assert segments.captions == (
        RawCaption(
            text="Workers anchor solar panels on the Millbrook reservoir on Wednesday.",
            credit="Rosa Klein/Millbrook Courier",
        ),
    )
    assert segments.paragraphs == SOLAR_BODY
    # The titles under "Latest Headlines" are the site's other stories: not related.
    assert segments.related == (
        RawLink("Millbrook council votes to close the last coal plant by the end of 2027"),
    )


def test_own_story_through_extract() -> None:
    article = extract(SOLAR_TEXT)
    assert article.headline == "City opens floating solar farm on old reservoir"
    assert article.dateline == "MILLBROOK, March 3"
    assert article.agency == "Reuters"
    assert article.paragraphs == SOLAR_BODY
    assert article.captions == (
        Caption(
            text="Workers anchor solar panels on the Millbrook reservoir on Wednesday.",
            credit="Rosa Klein/Millbrook Courier",
        ),
    )
    assert article.related[0] == RelatedLink(
        "Millbrook council votes to close the last coal plant by the end of 2027"
    )
    assert all(r.url is None for r in article.related)


def test_lines_under_latest_headlines_are_not_body() -> None:
    article = extract(SOLAR_TEXT)
    assert "Storm closes mountain pass for a second day" not in article.paragraphs
    assert "School board approves new bus routes" not in article.paragraphs


def test_short_related_line_does_not_swallow_the_next_paragraphs() -> None:
    text = (
        "Harbor town opens new ferry terminal\n\n"
        "HARBORVILLE, March 5 (Reuters) - The town of Harborville opened its new ferry terminal"
        " on Tuesday, two years after construction began.\n\n"
        "RELATED Ferry fares to rise next spring\n\n"
        "The mayor said the terminal would serve 3,000 passengers a day.\n\n"
        "Officials expect the number to double by the end of the decade.\n"
    )
    article = extract(text)
    assert article.related == (RelatedLink("Ferry fares to rise next spring"),)
    assert article.paragraphs[1:] == (
        "The mayor said the terminal would serve 3,000 passengers a day.",
        "Officials expect the number to double by the end of the decade.",
    )


def test_windows_line_endings_and_extra_spaces() -> None:
    text = (
        "Bridge reopens after repairs\r\n\r\n"
        "The   bridge reopened\u00a0on Monday, after a month.\r\n"
    )
    article = extract(text)
    assert article.headline == "Bridge reopens after repairs"
    assert article.paragraphs == ("The bridge reopened on Monday, after a month.",)


def test_text_without_a_title_line_has_no_headline() -> None:
    segments = segment_text("The bridge reopened on Monday.\nTraffic was light, officials said.")
    assert segments.headline is None
    assert segments.paragraphs == (
        "The bridge reopened on Monday.",
        "Traffic was light, officials said.",
    )


def test_question_headline_printed_twice() -> None:
    text = (
        "Can floating solar farms save old reservoirs?\n\n"
        "Can floating solar farms save old reservoirs?\n\n"
        "MILLBROOK, March 3 (Reuters) - The city of Millbrook switched on a floating solar farm"
        " on its disused reservoir on Wednesday.\n\n"
        "The panels will supply about a tenth of the city's electricity, officials said.\n"
    )
    article = extract(text)
    assert article.headline == "Can floating solar farms save old reservoirs?"
    assert article.dateline == "MILLBROOK, March 3"
    assert len(article.paragraphs) == 2
