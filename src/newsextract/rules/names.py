"""How a person's name is written in scripts without capital letters, for the byline reader.

`fields.bylines.is_person_name` tells a name from other words by capitals and word counts in
Latin, Cyrillic and Greek script. Chinese, Japanese and Korean names have no capitals and are
usually written without a space: a name there is a short run of one script, checked against
the words that make it an organisation or a job instead.
"""

from __future__ import annotations

from typing import Final

# (first, last) code points of a script's letters, and how many characters a full name in it
# has. Korean (Hangul syllables): a one- or two-syllable family name and a one- or
# two-syllable given name, 2 to 4 in all. Chinese and Japanese (Han ideographs, the unified
# block and extension A): Chinese names are 2 to 4 characters, Japanese ones up to 6
# (three-character family names with three-character given names).
NAME_SCRIPTS: Final[tuple[tuple[int, int, int, int], ...]] = (
    (0xAC00, 0xD7A3, 2, 4),
    (0x4E00, 0x9FFF, 2, 6),
    (0x3400, 0x4DBF, 2, 6),
)

# Parts that make a run of Han or Hangul an organisation, a desk or a job, not a person:
# Japanese/Chinese 新聞/新闻 (newspaper), 日報/日报 (daily), 通信 (news agency), 編集/编辑
# (editing), 記者/记者 (reporter), 社 (company), 部 (department), 局 (bureau), 網/网 (web),
# 電視/电视 (television), 放送 (broadcasting), 報道/报道 (reporting); Korean 기자 (reporter),
# 뉴스 (news), 일보 (daily), 신문 (newspaper), 방송 (broadcasting), 편집 (editing), 통신 (agency).
CJK_NOT_NAME_PARTS: Final[tuple[str, ...]] = (
    "新聞", "新闻", "日報", "日报", "通信", "編集", "编辑", "記者", "记者", "社", "部", "局",
    "網", "网", "電視", "电视", "放送", "報道", "报道",
    "기자", "뉴스", "일보", "신문", "방송", "편집", "통신",
    "사진", "취재", "영상",  # ko: photo, coverage, video (a desk before 기자, not a name)
)  # fmt: skip

# Job words printed after a name in these languages, a word of their own: Korean 기자
# (reporter), 특파원 (correspondent); Japanese/Chinese 記者/记者 (reporter), 特派員/特派员.
CJK_ROLE_WORDS: Final[frozenset[str]] = frozenset(
    {"기자", "특파원", "記者", "记者", "特派員", "特派员"}
)
