"""`compile_lazily`: a pattern that compiles on first use and then behaves as `re.compile`."""

from __future__ import annotations

import re

import pytest

from newsextract.support.lazyre import compile_lazily


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
