"""`compile_lazily`: a pattern that compiles on first use and then behaves as `re.compile`."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from newsextract.support.lazyre import compile_lazily

SRC = Path(__file__).resolve().parents[1] / "src"


def test_nothing_is_compiled_until_first_use() -> None:
    # An invalid pattern raises only when used: proof that import-time work is deferred.
    pattern = compile_lazily("(unclosed")
    with pytest.raises(re.error):
        pattern.search("text")


def test_matches_like_the_compiled_pattern() -> None:
    source, flags = r"(?P<word>b\w+)", re.IGNORECASE
    lazy, eager = compile_lazily(source, flags), re.compile(source, flags)
    text = "Alpha Beta gamma bravo"
    found, expected = lazy.search(text), eager.search(text)
    assert found is not None and expected is not None
    assert found.group("word") == expected.group("word") == "Beta"
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in eager.finditer(text)]
    assert lazy.sub("-", text) == eager.sub("-", text)
    assert lazy.findall(text) == eager.findall(text)
    assert lazy.fullmatch("bee") is not None
    assert lazy.groupindex == eager.groupindex
    assert lazy.pattern == source


def test_bytes_patterns() -> None:
    lazy = compile_lazily(rb"</(?:html|body)>")
    assert lazy.sub(b"", b"<p>a</body>b</html>") == b"<p>ab"


def test_the_type_checker_rejects_a_lazy_pattern_where_re_wants_a_pattern(tmp_path: Path) -> None:
    # At run time `re.sub(lazy, ...)` fails (a stand-in is not a `re.Pattern`); its type says so.
    pytest.importorskip("mypy")
    snippet = tmp_path / "snippet.py"
    snippet.write_text(
        "import re\n"
        "from newsextract.support.lazyre import compile_lazily\n"
        "LAZY = compile_lazily(r'a')\n"
        "re.sub(LAZY, 'b', 'abc')\n"
        "EAGER: re.Pattern[str] = LAZY\n"
        "TEXT: str = LAZY.sub('b', 'abc')\n",
        encoding="utf-8",
    )
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(snippet)],
        capture_output=True,
        text=True,
        env={**os.environ, "MYPYPATH": str(SRC)},
        check=False,
    )
    errors = [line for line in checked.stdout.splitlines() if ": error:" in line]
    assert [line.split(":")[1] for line in errors] == ["4", "5"], checked.stdout
    with pytest.raises(TypeError):
        re.sub(compile_lazily("a"), "b", "abc")  # type: ignore[call-overload]


def test_lookups_after_first_use_bypass_any_attribute_hook() -> None:
    # A class-level `__getattr__` sends every attribute lookup through Python's slow hook
    # and keeps the interpreter from specialising it; the patterns are asked hundreds of times
    # a page, so the stand-in must not have one.
    lazy = compile_lazily(r"a(b)")
    assert not hasattr(type(lazy), "__getattr__")
    assert lazy.search("xab") is not None
    assert isinstance(vars(lazy)["search"].__self__, re.Pattern)  # the compiled one's own
    assert lazy.groupindex == {} and lazy.groups == 1  # type: ignore[attr-defined]


def test_a_built_pattern_gives_its_source_before_any_match() -> None:
    built = compile_lazily(lambda: "x" + "y")
    assert built.pattern == "xy"
    assert built.fullmatch("xy") is not None
