"""A call to keep to a truce that exists proposes none: "urged both sides to respect the truce"
against "called for a truce". Each language's keeping verbs and definite articles are read in its
own text only (lexicon ceasefire.keeping, .definite, .keeping_after). Read by
`context.read_in_context` for the "calls" cues, and for a call that closes its clause after the
truce ("zur Einhaltung der Waffenruhe aufgerufen")."""

from __future__ import annotations

import re

from services.extraction.ceasefire.terms import TRUCE_ALTERNATION
from services.extraction.lexicon import lexicons

_FLAGS = re.IGNORECASE

# "urged both sides to respect the truce", "pidió respetar el alto el fuego", "forderte beide Seiten
# auf, die Waffenruhe einzuhalten": a call to keep to an existing truce (a definite one) proposes
# none; "called for a truce" does (ceasefire.keeping, .definite, .keeping_after).
def _keeping(code: str) -> re.Pattern[str]:
    """One language's pattern: its articles are read in its own text only (Portuguese "a" is "the",
    English "a" is not)."""
    definite = r"(?:" + "|".join(lexicons.entry(code, "ceasefire", "definite") or ["the"]) + r")(?:\s+|(?<=')\s*)"
    truce = definite + r"(?:[^\W\d_]+\s+)?" + TRUCE_ALTERNATION
    alternatives = [r"\b(?:" + "|".join(lexicons.entry(code, "ceasefire", "keeping") or ["respect"]) + r")\w*\s+(?:\S+\s+){0,2}?" + truce]
    after = lexicons.entry(code, "ceasefire", "keeping_after")
    if after:
        alternatives.append(r"\b" + truce + r"\s+(?:\S+\s+){0,2}?(?:" + "|".join(after) + r")\b")
    return re.compile("|".join(alternatives), _FLAGS)


_KEEPING_BY_LANGUAGE = {code: _keeping(code) for code in lexicons.LANGUAGES}
_KEEPING_REACH = 110  # a call reaches over its addressee to the truce (the "calls" cue's gap, and a verb)


def keeps_to_a_truce(text: str, end: int, language: str | None) -> bool:
    """Does the call ending at `end` ask to keep to a truce already there ("to respect the truce")?"""
    return _asks_to_keep(re.split(r"[;.]", text[end : end + _KEEPING_REACH])[0], language)


def kept_to_before(text: str, start: int, language: str | None) -> bool:
    """Does a call starting at `start`, which closes its clause after its truce, ask to keep to a truce
    already there ("hat zur Einhaltung der Waffenruhe aufgerufen")? Read over its sentence before it."""
    return _asks_to_keep(re.split(r"[;.]", text[max(0, start - _KEEPING_REACH) : start])[-1], language)


def _asks_to_keep(window: str, language: str | None) -> bool:
    """Read with the article's language's words; with every language's when it has no lexicon."""
    keeping = _KEEPING_BY_LANGUAGE.get(language or "")
    patterns = [keeping] if keeping is not None else list(_KEEPING_BY_LANGUAGE.values())
    return any(pattern.search(window) is not None for pattern in patterns)
