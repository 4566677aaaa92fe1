"""Work every worker would repeat, done once in the parent before the workers are forked.

The first page a process extracts compiles the large grammar patterns (they compile lazily,
to keep `import newsextract` fast) and fills the stages' memos: about 150 ms, against about
15 ms for each page after it. Forked workers share the parent's memory copy-on-write, so a
parent that has extracted one typical page hands every worker compiled patterns instead of
each worker paying for them on its first pages.
"""

from __future__ import annotations

import contextlib

from newsextract import extract

WARM_UP_PAGE = (
    "<!doctype html><html lang=en><head><meta charset=utf-8><title>Ferry terminal approved"
    " | The Gazette</title><meta property=og:title content='Ferry terminal approved'>"
    "<meta property=article:published_time content=2024-03-05T09:30:00Z>"
    "<meta name=author content='Jane Doe'><script type=application/ld+json>"
    '{"@type":"NewsArticle","headline":"Ferry terminal approved","datePublished":'
    '"2024-03-05T09:30:00Z","author":{"@type":"Person","name":"Jane Doe"}}</script></head>'
    "<body><header><nav class=main-nav><ul><li><a href=/news>News</a></li>"
    "<li><a href=/sport>Sport</a></li></ul></nav></header>"
    "<div class='ad ad-top'>Advertisement</div>"
    "<main><article><h1>Ferry terminal approved</h1><div class=byline>By Jane Doe and John"
    " Roe</div><time datetime=2024-03-05>March 5, 2024</time>"
    "<p>HARBOURTON, March 5 (Reuters) - The council approved the new ferry terminal on"
    " Tuesday after a long debate, officials said.</p>"
    "<figure><img src=/img/ferry.jpg><figcaption>The old pier at dawn. <span class=credit>"
    "Photo: Jane Doe/Gazette</span></figcaption></figure>"
    "<p>Construction starts in May and the project will cost about 40 million, the mayor"
    " told reporters at the harbour.</p><p>Residents who opposed the plan said they would"
    " appeal the decision before the transport minister.</p>"
    "<aside class=related-stories><h2>Related</h2><ul><li><a href=/news/2024/03/01/fares>"
    "Ferry fares to rise</a></li></ul></aside><div class=newsletter>Sign up for our"
    " newsletter</div></article></main><aside class=sidebar><h2>Most read</h2><ol><li>"
    "<a href=/news/2024/03/02/storm>Storm damages roads</a></li></ol></aside>"
    "<section class=comments><div class=comment><span class=author>reader1</span><p>Good"
    " news.</p></div></section><footer class=site-footer><a href=/about>About us</a>"
    "</footer></body></html>"
)
"""An invented article page with the parts most pages have (metadata and JSON-LD, menu,
headline, byline, dateline with an agency, a captioned photo with a credit, related links,
sidebar, comments, footer), so that extracting it compiles what most pages use."""


def warm_up() -> None:
    """Extract `WARM_UP_PAGE` once, for its side effects: compiled patterns, filled memos."""
    # A bug that this page hits is the pages' to report, as records: never the warm-up's.
    with contextlib.suppress(Exception):
        extract(WARM_UP_PAGE, url="https://gazette.example/news/2024/03/05/ferry")
