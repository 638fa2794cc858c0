"""Work counted, not timed: complexity guards that a loaded CI machine cannot flake.

`calls(fn)` counts the function calls (Python and C) made while `fn` runs — a measure of work
that is the same on a quiet and a loaded machine, so "ten times the input, not a hundred times
the work" can be asserted without a clock.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


def calls(fn: Callable[[], T]) -> tuple[T, int]:
    """`fn()`'s result and the number of calls it made."""
    count = 0

    def profile(frame: Any, event: str, arg: Any) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    previous = sys.getprofile()
    sys.setprofile(profile)
    try:
        result = fn()
    finally:
        sys.setprofile(previous)
    return result, count
