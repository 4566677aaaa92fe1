"""Photo-credit separators: how the parts of a credit are set apart and joined.

`fields.credits` uses them; its label tables (by language group) still sit beside its
patterns there.
"""

from __future__ import annotations

from newsextract.support.lazyre import compile_lazily

# Between the parts of a credit set as sibling spans or printed as "Agency | Photographer":
# a display separator. The printed convention between credit parts is " / " (the form the
# credit is written in everywhere else), so the parts are joined with that instead.
CREDIT_PART_SEPARATOR = compile_lazily(r"\s+\|\s+")
CREDIT_PART_JOINER = " / "
