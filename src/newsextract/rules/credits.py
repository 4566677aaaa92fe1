"""Photo-credit wording: the labels, markers and separators of credits printed beside or
inside captions, grouped by language group with a comment per group.

`fields.credits` builds its patterns from these tables (its older label tables still sit
beside its patterns there).
"""

from __future__ import annotations

from newsextract.support.lazyre import compile_lazily

# Between the parts of a credit set as sibling spans or printed as "Agency | Photographer":
# a display separator. The printed convention between credit parts is " / " (the form the
# credit is written in everywhere else), so the parts are joined with that instead.
CREDIT_PART_SEPARATOR = compile_lazily(r"\s+\|\s+")
CREDIT_PART_JOINER = " / "
