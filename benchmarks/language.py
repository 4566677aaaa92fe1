#!/usr/bin/env python3
"""Language detectors on the fundus pages, whose language is known, for accuracy and cost.

    PYTHONPATH=src python benchmarks/language.py
    PYTHONPATH=src python benchmarks/language.py --detectors py3langid --rounds 5

Each page is extracted once; each detector is then given the text newsextract detects on
(`newsextract.fields.language.detection_text`: headline and body, bounded), so the page's
declared language (html lang, meta, JSON-LD, og:locale) plays no part in "detected alone".
"declared + detected" is the record's `language` as `extract()` gives it: the declaration
when there is one, detection otherwise. A language is right when its primary subtag equals
the page's (Norwegian Bokmål and Nynorsk, `nb` and `nn`, count as `no`). Time is per page,
the best of `--rounds`, after a first call that loads the model (its load time is reported
apart).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the `benchmarks` package importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._data import DEFAULT_DATA
from newsextract import NewsextractError, extract
from newsextract.fields.language import detection_text

FUNDUS = DEFAULT_DATA.parent / "fundus"
# Macrolanguage members a detector may name instead of the label's code.
SAME_LANGUAGE = {"nb": "no", "nn": "no"}

Detector = Callable[[str], str | None]


@dataclass(frozen=True, slots=True)
class Page:
    id: str
    language: str
    text: str
    record_language: str | None
    record_source: str | None


def _primary(code: str | None) -> str | None:
    if not code:
        return None
    primary = code.replace("_", "-").split("-")[0].lower()
    return SAME_LANGUAGE.get(primary, primary)


def load(data: Path) -> list[Page]:
    fields = json.loads((data / "fields.json").read_text(encoding="utf-8"))
    pages = []
    for page_id, labels in sorted(fields.items()):
        path = data / "html" / f"{page_id}.html.gz"
        if not labels.get("language") or not path.is_file():
            continue
        try:
            article = extract(gzip.decompress(path.read_bytes()))
        except NewsextractError:
            continue
        pages.append(
            Page(
                page_id,
                labels["language"],
                detection_text(article.headline, article.paragraphs),
                article.language,
                article.language_source,
            )
        )
    return pages


def _py3langid() -> Detector:
    import py3langid

    def detect(text: str) -> str | None:
        language, _score = py3langid.classify(text)
        return str(language)

    return detect


def _langdetect() -> Detector:
    from langdetect import DetectorFactory, LangDetectException, detect_langs

    DetectorFactory.seed = 0  # langdetect samples at random: fixed, so runs repeat

    def detect(text: str) -> str | None:
        try:
            return str(detect_langs(text)[0].lang)
        except LangDetectException:
            return None

    return detect


def _newsextract() -> Detector:
    from newsextract.fields.language import detect_language

    return detect_language


DETECTORS: dict[str, Callable[[], Detector]] = {
    "newsextract": _newsextract,
    "py3langid": _py3langid,
    "langdetect": _langdetect,
}


def run(name: str, pages: list[Page], rounds: int) -> dict[str, object]:
    start = time.perf_counter()
    detect = DETECTORS[name]()
    detect("A first call loads the model.")
    load_s = time.perf_counter() - start
    best = float("inf")
    guesses: list[str | None] = []
    for _ in range(rounds):
        start = time.perf_counter()
        guesses = [detect(page.text) for page in pages]
        best = min(best, time.perf_counter() - start)
    right = sum(_primary(g) == _primary(p.language) for g, p in zip(guesses, pages, strict=True))
    wrong = [
        f"{p.id}: {p.language} -> {g}"
        for g, p in zip(guesses, pages, strict=True)
        if _primary(g) != _primary(p.language)
    ]
    return {
        "detector": name,
        "right": right,
        "pages": len(pages),
        "ms_per_page": 1000 * best / max(1, len(pages)),
        "load_s": load_s,
        "wrong": wrong,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=FUNDUS)
    parser.add_argument("--detectors", default=",".join(DETECTORS))
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    if not (args.data / "fields.json").is_file():
        print(f"no fundus data at {args.data}", file=sys.stderr)
        return 2
    pages = load(args.data)
    record_right = sum(_primary(p.record_language) == _primary(p.language) for p in pages)
    declared = [p for p in pages if p.record_source not in (None, "detected")]
    declared_right = sum(_primary(p.record_language) == _primary(p.language) for p in declared)
    print(f"{len(pages)} pages with a known language")
    print(
        f"record (declared + detected): {record_right}/{len(pages)}"
        f" = {record_right / max(1, len(pages)):.3f};"
        f" declared on {len(declared)} pages, right on {declared_right}"
    )
    for p in pages:
        if _primary(p.record_language) != _primary(p.language):
            print(
                f"  record wrong: {p.id}: {p.language} -> {p.record_language} ({p.record_source})"
            )
    print()
    print("| detector (alone) | right | share | ms/page | model load s |")
    print("| --- | ---: | ---: | ---: | ---: |")
    results = [run(name, pages, args.rounds) for name in args.detectors.split(",")]
    for r in results:
        share = int(r["right"]) / max(1, int(r["pages"]))  # type: ignore[call-overload]
        print(
            f"| {r['detector']} | {r['right']}/{r['pages']} | {share:.3f}"
            f" | {r['ms_per_page']:.2f} | {r['load_s']:.2f} |"
        )
    for r in results:
        for line in r["wrong"]:  # type: ignore[attr-defined]
            print(f"  {r['detector']} wrong: {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
