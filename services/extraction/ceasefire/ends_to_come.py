"""An end of a truce still to come, or one that never came, ends nothing yet.

"La tregua, que debía expirar el viernes, fue prorrogada", "a trégua deveria expirar na sexta",
"Die Feuerpause wäre in der Nacht zum Sonntag ausgelaufen", "soll am Montag auslaufen": the
collapse verb follows a marker of the future, of a schedule or of the unreal (the lexicon's
`ceasefire.ends_to_come`) in its clause; a verb-final clause puts the marker right after its participle
("die am Sonntag ausgelaufen wäre"). The truce still holds, or was extended; it did not collapse.
"""

from __future__ import annotations

import re

from services.extraction.ceasefire.terms import words_pattern
from services.extraction.lexicon import lexicons

_FLAGS = re.IGNORECASE
# A verb-final middle field runs long ("wäre eigentlich in der Nacht zum Sonntag ausgelaufen"):
# the clause before the cue is read this far back, to its last comma.
_CLAUSE_REACH = 70

_MARKERS = {
    code: re.compile(words_pattern(*words), _FLAGS) for code, words in lexicons.per_language("ceasefire", "ends_to_come").items()
}
_ANY_MARKER = re.compile(words_pattern(*lexicons.patterns("ceasefire", "ends_to_come")), _FLAGS)
# the auxiliary right after the participle it closes: "ausgelaufen wäre", "auslaufen soll"
_MARKER_AFTER = {
    code: re.compile(r"\s+(?:" + "|".join(words) + r")\b", _FLAGS)
    for code, words in lexicons.per_language("ceasefire", "ends_to_come").items()
}
_VERB_FINAL = frozenset(
    code for code in lexicons.LANGUAGES if str(lexicons.entry(code, "grammar", "verb_final")).lower() == "true"
)


def an_end_to_come(text: str, start: int, end: int, language: str | None) -> bool:
    """Whether the collapse cue at text[start:end] is an end still to come or one that never came."""
    before = text[max(0, start - _CLAUSE_REACH) : start]
    clause = re.split(r"[,;:«»\"“”„()]", before)[-1]
    markers = _MARKERS.get(language or "", _ANY_MARKER)
    if markers.search(clause):
        return True
    after = _MARKER_AFTER.get(language or "")
    return language in _VERB_FINAL and after is not None and after.match(text, end) is not None
