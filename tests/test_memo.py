"""`_memo.BoundedMemo`: remembered results, forgotten all at once past the limit."""

from __future__ import annotations

from newsextract.support.memo import BoundedMemo


def test_each_key_is_worked_out_once() -> None:
    calls: list[str] = []

    def shout(word: str) -> str:
        calls.append(word)
        return word.upper()

    memo = BoundedMemo(shout, limit=10)
    assert [memo["a"], memo["b"], memo["a"]] == ["A", "B", "A"]
    assert calls == ["a", "b"]


def test_past_the_limit_the_memo_starts_afresh() -> None:
    memo = BoundedMemo(len, limit=3)
    for word in ("a", "bb", "ccc"):
        assert memo[word] == len(word)
    assert len(memo) == 3
    assert memo["dddd"] == 4
    assert dict(memo) == {"dddd": 4}
