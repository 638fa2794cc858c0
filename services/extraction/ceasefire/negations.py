"""The negations a cue is read against: before it, after it (verb-second), and after its truce.

"has not held", "sin que lograran", "Die Waffenruhe hielt nicht", "legte keine der beiden Seiten
vor", "einen Zusammenbruch der Waffenruhe zu verhindern", and "declared the ceasefire over" (a
declared end). Built from each language's lexicon (ceasefire.negations*); kept apart from
`context`, which decides what a negated cue becomes, because the patterns are a family of their own.
"""

from __future__ import annotations

import re

from services.extraction.ceasefire.word_anchored import WordAnchoredPattern
from services.extraction.lexicon import lexicons


# Read in the few words before a cue: the negations (ceasefire.negations) of the article's language,
# or of every language when it has no lexicon. Per language, because one language's negation is
# another's preposition: Spanish and English "no", Portuguese "no" = "in the" ("a trégua no Iémen").
def _negation(alternatives: list[str]) -> WordAnchoredPattern:
    return WordAnchoredPattern(re.compile(r"\b(?:" + "|".join(alternatives) + r")\b[^,;]*$", re.IGNORECASE))


NEGATION = _negation(lexicons.patterns("ceasefire", "negations"))
NEGATION_BY_LANGUAGE = {
    code: _negation([re.sub(r"\s+", r"\\s+", word) for word in words])
    for code, words in lexicons.per_language("ceasefire", "negations").items()
}
# V2 languages put the negation after the finite verb: "Die Waffenruhe hielt nicht" (ceasefire.negations_after).
# A noun (capitalised) right after the cue makes it an attribute ("die vereinbarte Waffenruhe wurde nie …").
_NOBODY_AFTER = lexicons.patterns("ceasefire", "nobody_after")
# …within the cue's own clause: "ist ausgelaufen und wird nicht verlängert" denies the second verb only
_NOT_A_CONJUNCTION = r"(?!(?:" + "|".join(lexicons.patterns("ceasefire", "comma_breaks")) + r")\s)"
NEGATION_AFTER = re.compile(
    r"\s+(?!(?-i:[A-Z]))(?:" + _NOT_A_CONJUNCTION + r"[^\s,;.]+\s+){0,2}?(?:"
    + "|".join(lexicons.patterns("ceasefire", "negations_after") + _NOBODY_AFTER)
    + r")\b",
    re.IGNORECASE,
)
# …and a subject that is nobody after the verb that follows a truce the cue governs: "Einen Vorschlag
# für eine Waffenruhe legte keine der beiden Seiten vor" (ceasefire.nobody_after). Not a plain "nicht":
# "Der Vorschlag einer Waffenruhe wurde nicht angenommen" still proposed one.
NOBODY_AFTER_OBJECT = re.compile(
    r"\s+(?!(?-i:[A-Z]))(?:[^\s,;.]+\s+){1,2}?(?:" + "|".join(_NOBODY_AFTER) + r")\b", re.IGNORECASE
)
# …and a verb that keeps the cue from happening, after the truce it governs, where the verb closes its
# clause: "einen Zusammenbruch der Waffenruhe zu verhindern" (ceasefire.negations_after_object).
NEGATED_AFTER_OBJECT = re.compile(
    r"\s+(?:[^\s,;.]+\s+){0,3}?(?:" + "|".join(lexicons.patterns("ceasefire", "negations_after_object")) + r")\b", re.IGNORECASE
)
# "declared the ceasefire over", "a déclaré la trêve terminée", "erklärte die Waffenruhe für beendet": the
# verb of declaring has a complement of ending after the truce, and the truce is declared ended
# (ceasefire.declared_over).
DECLARED_OVER = re.compile(  # a day between in a verb-second clause: "erklärte die Waffenruhe am Montag für beendet"
    r"\s+(?:(?!(?:" + "|".join(lexicons.patterns("ceasefire", "relatives")) + r")\b)[^\s,;.]+\s+){0,3}?"
    r"(?:" + "|".join(lexicons.patterns("ceasefire", "declared_over")) + r")\b",
    re.IGNORECASE,
)
