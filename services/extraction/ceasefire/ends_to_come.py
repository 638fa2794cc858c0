"""An end of a truce still to come, or one that never came, ends nothing yet; a start that should
have come, or was only due, starts nothing either.

"La tregua, que debía expirar el viernes, fue prorrogada", "a trégua deveria expirar na sexta",
"Die Feuerpause wäre in der Nacht zum Sonntag ausgelaufen", "soll am Montag auslaufen": the
collapse verb follows a marker of the future, of a schedule or of the unreal (the lexicon's
`ceasefire.ends_to_come`) in its clause; a verb-final clause puts the marker right after its participle
("die am Sonntag ausgelaufen wäre"). The truce still holds, or was extended; it did not collapse.
"La trêve aurait dû entrer en vigueur vendredi", "deveria ter entrado em vigor", "debía entrar en
vigor": the taking effect follows a marker of an obligation in the past (`ceasefire.should_have`);
whether the truce took effect, the sentence does not say.
"""

from __future__ import annotations

import re

from services.extraction.ceasefire.terms import words_pattern
from services.extraction.lexicon import lexicons

_FLAGS = re.IGNORECASE
# A verb-final middle field runs long ("wäre eigentlich in der Nacht zum Sonntag ausgelaufen"):
# the clause before the cue is read this far back, to its last comma.
_CLAUSE_REACH = 70
_VERB_FINAL = frozenset(
    code for code in lexicons.LANGUAGES if str(lexicons.entry(code, "grammar", "verb_final")).lower() == "true"
)


class _Markers:
    """One lexicon key's markers, per language: in the clause before a cue, or right after it."""

    def __init__(self, key: str) -> None:
        by_language = lexicons.per_language("ceasefire", key)
        self.before = {code: re.compile(words_pattern(*words), _FLAGS) for code, words in by_language.items()}
        self.any_before = re.compile(words_pattern(*lexicons.patterns("ceasefire", key)), _FLAGS)
        # the auxiliary right after the participle it closes: "ausgelaufen wäre", "auslaufen soll"
        self.after = {code: re.compile(r"\s+(?:" + "|".join(words) + r")\b", _FLAGS) for code, words in by_language.items()}

    def mark(self, text: str, start: int, end: int, language: str | None) -> bool:
        before = text[max(0, start - _CLAUSE_REACH) : start]
        clause = re.split(r"[,;:«»\"“”„()]", before)[-1]
        if self.before.get(language or "", self.any_before).search(clause):
            return True
        after = self.after.get(language or "")
        return language in _VERB_FINAL and after is not None and after.match(text, end) is not None


_ENDS_TO_COME = _Markers("ends_to_come")
_SHOULD_HAVE = _Markers("should_have")


def an_end_to_come(text: str, start: int, end: int, language: str | None) -> bool:
    """Whether the collapse cue at text[start:end] is an end still to come or one that never came."""
    return _ENDS_TO_COME.mark(text, start, end, language)


def a_start_only_due(text: str, start: int, end: int, language: str | None) -> bool:
    """Whether the taking effect at text[start:end] is one that should have come, or was only due."""
    return _SHOULD_HAVE.mark(text, start, end, language)
