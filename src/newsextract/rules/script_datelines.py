"""How wire services that write Chinese, Japanese or Korean print the opening of a story.

These scripts put no spaces between words and have no capitals, so the Latin dateline grammar
(a place in capitals, an agency in brackets, a dash) cannot read them. Each service prints a
fixed frame instead, and the frame is what is listed here, by language group; the agency's
name inside it is looked up in `rules.agencies` like any other.
"""

from __future__ import annotations

import re
from typing import Final

from newsextract.support.lazyre import compile_lazily

# zh: Xinhua and China News Service open with the agency, the place, the date and "电"
# ("filed"): "新华社北京5月3日电", "中新社上海3日电"; Taiwan's CNA brackets the frame and may
# name the reporter in it: "（中央社記者王明台北3日電）".
FILED_MARKS: Final = "电電"
REPORTER_WORDS: Final = ("记者", "記者")
# A Chinese date: "5月3日" or the day alone, "3日" (digits may be full-width).
CHINESE_DATE: Final = r"(?:\d{1,2}月)?\d{1,2}日"
# The frame before "电": agency, reporter, place and date; no sentence is this short.
MAX_FILED_FRAME_CHARS: Final = 30

# ja: Kyodo and Jiji print the place and the agency in lenticular brackets, "【ワシントン共同】",
# Reuters' and AFP's Japanese services in square ones, "[東京 ロイター]", "【3月3日 AFP】".
# ko: Yonhap, Newsis and News1 print the place, "=", and the agency in round brackets,
# "(서울=연합뉴스)". Opening and closing brackets, each pair in either width.
BRACKETS: Final = {"【": "】", "[": "]", "［": "］", "(": ")", "（": "）", "〔": "〕"}
# Korean separates place and agency with "=" inside the brackets, Japanese papers place and
# their own correspondent with "＝": "【ソウル＝山田太郎】".
PLACE_AGENCY_SEPARATORS: Final = "=＝"
# Brackets in which the part after the separator may be a correspondent's name rather than an
# agency: the Japanese papers' lenticular frame. In round brackets it must be an agency, as
# "(사진=연합뉴스)" shows that other things are printed so.
CORRESPONDENT_BRACKETS: Final = frozenset({"【"})
# Characters of these scripts (kana, CJK ideographs, Hangul): a bracketed frame holds at
# least one, so that a Latin "(Reuters) -" is left to the Latin grammar.
SCRIPT_CHARS: Final = r"\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff"
# One character of those scripts, which says as much as a short Latin word (the body-size
# measure of `Article.confident` weighs them so).
WIDE_CHARS: Final = compile_lazily(f"[{SCRIPT_CHARS}]")
# ko: words that stand where the place would, in a photo or graphic credit rather than a
# dateline: "(사진=연합뉴스)" is "photo = Yonhap".
NOT_PLACES: Final = frozenset({"사진", "자료사진", "그래픽", "영상", "출처", "제공"})
# Place and agency inside one bracket: "ニューヨーク時事" is 7 characters, "3月3日 AFP" 8.
MAX_BRACKETED_CHARS: Final = 24

# --- patterns -----------------------------------------------------------------------------

# The frames above as `fields.script_dateline` matches them: a "filed" frame, optionally in
# brackets; a bracketed frame; a date closing a frame. (A character of these scripts is
# `WIDE_CHARS`.)
OPENERS: Final = "".join(re.escape(opener) for opener in BRACKETS)
CLOSERS: Final = "".join(re.escape(closer) for closer in BRACKETS.values())
FILED_RE: Final = compile_lazily(
    rf"[{OPENERS}]?(?P<frame>[^\s{OPENERS}{CLOSERS}]{{2,{MAX_FILED_FRAME_CHARS}}}?)"
    rf"[{FILED_MARKS}][{CLOSERS}]?"
)
BRACKETED_RE: Final = compile_lazily(
    rf"(?P<open>[{OPENERS}])(?P<inside>[^{OPENERS}{CLOSERS}]{{2,{MAX_BRACKETED_CHARS}}})"
    rf"(?P<close>[{CLOSERS}])"
)
DATE_AT_END_RE: Final = compile_lazily(rf"{CHINESE_DATE}$")
# The spaces these scripts print (ASCII and the ideographic space), and the dash some
# services put after the frame.
SPACES: Final = " \u3000"
AFTER_FRAME_RE: Final = compile_lazily(r"[ \u3000]{0,2}[-\u2013\u2014][ \u3000]{0,2}")
