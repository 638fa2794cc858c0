"""Month names, in one place: every language's `months` (and English abbreviations) from its lexicon.

"May" is also a modal verb ("Officials fear 200 may have been killed"), so the month patterns
built here read "may" as a month only when no verb follows it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from services.extraction.lexicon import lexicons, wordlists
from services.extraction.text.fold import fold


def _numbered(concept: str) -> dict[str, int]:
    names: dict[str, int] = {}
    for code in lexicons.LANGUAGES:
        for number, listed in (lexicons.entry(code, concept) or {}).items():
            for name in listed:
                names.setdefault(name.lower(), int(number))
    return names


# Full names, every language: "march", "março", "marzo", "mars", "märz".
FULL_NAMES: Final[dict[str, int]] = _numbered("months")
# Full names and abbreviations ("jan", "sept").
MONTHS: Final[dict[str, int]] = {**FULL_NAMES, **_numbered("month_abbreviations")}
_MODAL_FOLLOWERS: Final = lexicons.words("modal_followers")
_MODAL: Final = "may"


def names_of(code: str) -> list[str]:
    """One language's month names and abbreviations."""
    return [
        name.lower()
        for concept in ("months", "month_abbreviations")
        for listed in (lexicons.entry(code, concept) or {}).values()
        for name in listed
    ]


def alternation(names: Iterable[str] = (), folded: bool = False) -> str:
    """A regex alternation of month names (longest first; all of MONTHS unless `names` are given),
    in which "may" stands only where it is no modal."""
    chosen = {fold(name) if folded else name for name in (names or MONTHS)}
    guard = r"(?!\s+(?:" + "|".join(_MODAL_FOLLOWERS) + r")\b)"
    modal = [re.escape(_MODAL) + guard] if _MODAL in chosen else []
    others = chosen - {_MODAL}
    if any(" " in name or _MODAL.startswith(name) for name in others):
        ordered = sorted(chosen, key=len, reverse=True)
        return "|".join(re.escape(name) + (guard if name == _MODAL else "") for name in ordered)
    # As a prefix tree, then "may": the same names tried in the same order (longest first; no
    # other name is a prefix of "may"), with each character read once instead of once per name.
    return "|".join([wordlists.alternation(*others), *modal] if others else modal)
