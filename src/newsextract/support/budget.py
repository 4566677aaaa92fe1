"""A per-call time budget, checked inside the loops whose length grows with the page.

Every stage is linear in the page, but a linear stage on a pathological 50 MB page can still
take longer than a batch can afford. The budget is a deadline kept in a context variable (so
that it needs no parameter threaded through every function and is safe across threads), and
the loops over elements call `check()` every few hundred steps.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from newsextract._errors import ExtractionTimeout

CHECK_EVERY = 256
"""Loop steps between two looks at the clock (each costs about 50 ns)."""

_deadline: ContextVar[float | None] = ContextVar("newsextract_deadline", default=None)


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Run the block under a deadline `seconds` from now (None: no deadline)."""
    token = _deadline.set(time.monotonic() + seconds if seconds is not None else None)
    try:
        yield
    finally:
        _deadline.reset(token)


def check() -> None:
    """Raise `ExtractionTimeout` when the current call's deadline has passed."""
    deadline = _deadline.get()
    if deadline is not None and time.monotonic() > deadline:
        raise ExtractionTimeout(
            "the page took longer than the time budget; pass a larger time_budget to"
            " extract() (or None for no limit) to let it finish"
        )
