"""`--explain`: every text block of a page, where it went and the rule that sent it there."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsextract import extract
from newsextract.explain import explain
from tests._cli import run_cli

PAGES = Path(__file__).resolve().parent.parent / "fixtures" / "pages"
DESTINATIONS = {"body", "standfirst", "caption", "related", "headline", "dropped"}
# A reason names its stage and then its rule: `clean: ...`, `locate: ...`, `segment: ...`.
STAGES = ("clean: ", "locate: ", "segment: ", "assemble: ", "run: ", "plain text: ")


@pytest.mark.parametrize("page", sorted(PAGES.iterdir()), ids=lambda p: p.name)
def test_every_fixture_explained(page: Path) -> None:
    found = explain(page.read_bytes())
    assert found.article == extract(page.read_bytes())  # explaining changes nothing
    for block in found.blocks:
        assert block.destination in DESTINATIONS, block
        assert block.reason.startswith(STAGES), block
        assert "unmatched" not in block.reason, block
    body = [b.text for b in found.blocks if b.destination == "body"]
    assert body == list(found.article.paragraphs)


PAGE = b"""<html><head><title>Ferry fares rise</title></head><body>
<nav><a href="/">Home</a></nav>
<div class="box-weather">
<p>Weather: a sunny week ahead across the whole county, forecasters say.</p></div>
<article><h1>Ferry fares rise</h1>
<p>The ferry company raised its fares on Monday, the first rise in six years, citing fuel.</p>
<p>Advertisement</p>
<p>Commuters said the rise, of twelve percent, would hit those who cross every day hardest.</p>
<div class="share-bar">Share this</div>
<p>Fares for children and pensioners stay as they are until the end of the year, it said.</p>
</article></body></html>"""


def _by_text(text: str) -> tuple[str, str]:
    for block in explain(PAGE).blocks:
        if block.text.startswith(text):
            return block.destination, block.reason
    raise AssertionError(f"no block {text!r}")


def test_reasons_name_the_rule() -> None:
    assert _by_text("Home") == ("dropped", "clean: <nav> is never the story (DROP_TAGS)")
    where, why = _by_text("Advertisement")
    assert where == "dropped" and "BOILERPLATE_LINES" in why and "'advertisement'" in why
    where, why = _by_text("Share this")
    assert where == "dropped" and why.startswith("clean: class/id 'share-bar'")
    where, why = _by_text("Weather")
    assert where == "dropped" and why.startswith("locate: outside the located story")
    assert "scores" in why and "vs the winner article" in why
    assert _by_text("Ferry fares rise")[0] == "headline"
    assert _by_text("The ferry company")[0] == "body"


def test_command_text_and_json() -> None:
    page = str(PAGES / "upi-peru-landslide.html")
    result = run_cli("--explain", page)
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode("utf-8")
    assert text.startswith(f"==> {page} <==\nbody: ")
    assert "\nfields:\n" in text
    result = run_cli("--explain", "--format", "json", page)
    record = json.loads(result.stdout)
    assert record["source"] == page
    assert {"related", "caption", "body", "dropped"} <= {b["destination"] for b in record["blocks"]}
    assert record["fields"]["agency"].startswith("the dateline")


def test_command_reports_a_corrupt_gzip_page_and_goes_on(tmp_path: Path) -> None:
    broken = tmp_path / "broken.html.gz"
    broken.write_bytes(b"\x1f\x8b\x08\x00" + b"not deflate data" * 4)
    page = str(PAGES / "upi-peru-landslide.html")
    result = run_cli("--explain", str(broken), page)
    assert result.returncode != 0
    assert result.stderr.decode("utf-8").startswith(f"newsextract: {broken}: ")
    assert f"==> {page} <==" in result.stdout.decode("utf-8")


def test_an_opening_byline_line_is_explained_as_the_authors() -> None:
    found = explain((PAGES / "it-byline-line-funivia.html").read_bytes())
    (block,) = [b for b in found.blocks if b.text == "di Giulia Ferrante"]
    assert block.destination == "dropped"
    assert block.reason.startswith("assemble: a byline or agency credit")
