"""Importing the package stays cheap: heavy optional modules are imported lazily."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"


def _python(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(SRC)},
        timeout=120,
        check=True,
    )
    return result.stdout.strip()


def test_import_loads_neither_lxml_nor_the_pipeline() -> None:
    # The import-cost guard, in modules rather than milliseconds (a busy machine cannot fail
    # it): `import newsextract` loads the error classes and two constants, and nothing that
    # made it cost 130 ms (lxml, the stages and rules, the record dataclasses, `typing`).
    code = (
        "import sys\n"
        "before = set(sys.modules)\n"
        "import newsextract\n"
        "from newsextract import NewsextractError, extract\n"
        "new = set(sys.modules) - before\n"
        "print(sorted(m for m in new if m.startswith('newsextract')))\n"
        "print(sorted(m for m in new if m.split('.')[0] in"
        " {'lxml', 'dataclasses', 'typing', 're', 'json', 'datetime', 'inspect'}))\n"
    )
    assert _python(code).splitlines() == [
        "['newsextract', 'newsextract._errors', 'newsextract.rules',"
        " 'newsextract.rules.thresholds']",
        "[]",
    ]


def test_the_pipeline_and_the_record_types_load_when_first_used() -> None:
    code = (
        "import newsextract, sys\n"
        "from newsextract import Article, extract\n"
        "print('newsextract._model' in sys.modules, 'lxml' in sys.modules)\n"
        "a = extract('<html><body><p>The ferry sailed at dawn.</p></body></html>')\n"
        "print(isinstance(a, Article), 'newsextract.pipeline.run' in sys.modules)\n"
        "print(newsextract.Article is sys.modules['newsextract._model'].Article)\n"
    )
    assert _python(code).splitlines() == ["True False", "True True", "True"]


def test_import_does_not_load_dateparser() -> None:
    assert _python("import newsextract, sys; print('dateparser' in sys.modules)") == "False"


def test_extracting_a_page_with_machine_dates_does_not_load_dateparser() -> None:
    code = (
        "import newsextract, sys\n"
        "page = ('<html><head><meta property=\"article:published_time\" '\n"
        "        'content=\"2024-03-05T09:30:00Z\"></head><body><article><h1>Ferry</h1>'\n"
        "        '<p>The council approved the terminal on Tuesday, after a long debate.</p>'\n"
        "        '</article></body></html>')\n"
        "a = newsextract.extract(page)\n"
        "print(a.published.isoformat(), 'dateparser' in sys.modules)\n"
    )
    assert _python(code) == "2024-03-05T09:30:00+00:00 False"


def test_import_and_clean_pages_do_not_load_beautifulsoup() -> None:
    # bs4 is loaded only to repair a UTF-8 page with Windows-1252 bytes pasted in (its import
    # takes about half a second); webencodings only once a page declares a charset.
    code = (
        "import newsextract, sys\n"
        "print('bs4' in sys.modules, 'webencodings' in sys.modules)\n"
        "page = '<html><head><meta charset=\"utf-8\"></head>'\n"
        "page += '<body><p>Caf\u00e9.</p></body></html>'\n"
        "newsextract.extract(page.encode())\n"
        "print('bs4' in sys.modules)\n"
        "newsextract.extract(page.encode().replace(b'.<', b' \\x93quoted\\x94.<'))\n"
        "print('bs4' in sys.modules)\n"
    )
    assert _python(code).splitlines() == ["False False", "False", "True"]


def test_language_detector_loads_only_for_pages_without_a_language() -> None:
    code = (
        "import newsextract, sys\n"
        "body = '<p>' + 'The harbour board voted to keep the old ferry pier open. ' * 5 + '</p>'\n"
        "print('py3langid' in sys.modules)\n"
        "a = newsextract.extract('<html lang=\"en\"><body>' + body + '</body></html>')\n"
        "print(a.language, a.language_source, 'py3langid' in sys.modules)\n"
        "a = newsextract.extract('<html><body>' + body + '</body></html>')\n"
        "print(a.language, a.language_source, 'py3langid' in sys.modules)\n"
    )
    assert _python(code).splitlines() == ["False", "en html False", "en detected True"]


def test_import_does_not_load_the_progress_bar() -> None:
    assert _python("import newsextract.cli, sys; print('tqdm' in sys.modules)") == "False"


def test_printed_date_parsing_loads_dateparser_on_demand() -> None:
    code = (
        "import sys\n"
        "from newsextract.fields.dates import parse_printed_date\n"
        "english = parse_printed_date('March 5, 2024 9:02 AM EST')\n"
        "after_english = 'dateparser' in sys.modules\n"
        "german = parse_printed_date('3. M\u00e4rz 2024', ('de',))\n"
        "print(english.isoformat(), after_english, german.date().isoformat(),\n"
        "      'dateparser' in sys.modules)\n"
    )
    assert _python(code) == "2024-03-05T09:02:00-05:00 False 2024-03-03 True"


def test_public_api() -> None:
    code = (
        "import newsextract\n"
        "print(sorted(newsextract.__all__))\n"
        "print(all(hasattr(newsextract, n) for n in newsextract.__all__))\n"
        "print(issubclass(newsextract.EmptyInput, newsextract.NewsextractError),"
        " issubclass(newsextract.NotHTML, newsextract.NewsextractError),"
        " issubclass(newsextract.InputTooLarge, newsextract.NewsextractError),"
        " issubclass(newsextract.ExtractionTimeout, newsextract.NewsextractError),"
        " issubclass(newsextract.FetchError, newsextract.NewsextractError))\n"
    )
    assert _python(code).splitlines() == [
        "['Article', 'Block', 'BlockKind', 'Caption', 'EmptyInput', 'ExtractionTimeout',"
        " 'FetchError', 'InputTooLarge', 'NewsextractError', 'NotHTML', 'RelatedLink',"
        " '__version__', 'extract', 'extract_url']",
        "True",
        "True True True True True",
    ]


def test_import_defers_fetching_and_the_agency_trie() -> None:
    # The fetch machinery loads on first access to `extract_url`; the agency trie is built
    # when a pattern that embeds it is first used.
    code = (
        "import newsextract, sys\n"
        "from newsextract.fields import agencies\n"
        "print('newsextract.io.fetch' in sys.modules, 'httpx' in sys.modules,\n"
        "      agencies._cached_root_branches.cache_info().currsize)\n"
        "newsextract.extract('<html><body><p>HARBOUR CITY (AP) \\u2014 The ferry sailed.</p>'\n"
        "                    '</body></html>')\n"
        "print(agencies._cached_root_branches.cache_info().currsize)\n"
        "newsextract.extract_url\n"
        "print('newsextract.io.fetch' in sys.modules)\n"
    )
    assert _python(code).splitlines() == ["False False 0", "1", "True"]


def test_import_defers_json_to_the_first_json_ld_block() -> None:
    code = (
        "import newsextract, sys\n"
        "print('json' in sys.modules)\n"
        "newsextract.extract('<html><body><p>The ferry sailed at dawn.</p></body></html>')\n"
        "print('json' in sys.modules)\n"
        "newsextract.extract('<html><head><script type=\"application/ld+json\">'\n"
        '                    \'{"@type": "NewsArticle", "headline": "Ferry"}</script>\'\n'
        "                    '</head><body><p>The ferry sailed at dawn.</p></body></html>')\n"
        "print('json' in sys.modules)\n"
    )
    assert _python(code).splitlines() == ["False", "False", "True"]


def test_only_explain_loads_the_trace() -> None:
    # The stages name `Trace` in their signatures only: `extract()` never makes one.
    code = (
        "import newsextract, sys\n"
        "newsextract.extract('<html><body><p>The ferry sailed at dawn.</p></body></html>')\n"
        "print('newsextract.pipeline.trace' in sys.modules)\n"
        "import newsextract.explain\n"
        "print('newsextract.pipeline.trace' in sys.modules)\n"
    )
    assert _python(code).splitlines() == ["False", "True"]
