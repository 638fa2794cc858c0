"""A word of calling or demanding that calls for no truce: it names something, or the truce itself is
what demands. Read by `context.read_in_context` for the proposal cues.

- "call" with two objects names the second: "called the assault a flagrant violation of the truce";
- "call" whose object stands before it as a free relative names it: "condemned what he called a
  breach of the truce", "lo que llamó una violación", "ce qu'il a appelé une violation";
- a call addressed to those who hold the truce asks them something else: "urged the committee
  overseeing the ceasefire to press Israel", "a appelé les parrains de l'accord à prendre leurs
  responsabilités";
- a demand whose subject is the truce, set after it by "as": "como exige el acuerdo", "comme l'exige
  l'accord", "wie es das Abkommen verlangt" — the deal's terms, no call for a deal.
"""

from __future__ import annotations

import re

from services.extraction.ceasefire.cues import Cue
from services.extraction.ceasefire.terms import TRUCE_ALTERNATION
from services.extraction.lexicon import lexicons

_FLAGS = re.IGNORECASE

# "called the assault a flagrant violation of the truce", "called it a breach": "call" with two
# objects names something; it calls for nothing (English alone gives "call" both senses).
NAMING_CALL = re.compile(
    r"\s+(?:the|this|that|these|those|its|their|his|her|it|them)\b"
    r"(?:\s+(?!(?:to|for|on|in|at|with|upon)\b)[^\W\d_]+){0,3}?\s+(?:an?|the)\s",
    _FLAGS,
)

# "what he called a breach of the truce", "lo que llamó una violación", "ce qu'il a appelé une violation": the
# object of "call" stands before it as a free relative, so the call names that object and calls for nothing
# (ceasefire.naming_relatives) — unless a preposition of calling follows ("which called for a truce", "lo que
# llamó a …"; ceasefire.call_prepositions).
NAMING_RELATIVE = re.compile(
    r"\b(?:" + "|".join(lexicons.patterns("ceasefire", "naming_relatives")) + r")\s*(?:[^\s,;.]+\s+){0,3}$", _FLAGS
)
# Per language: Romance "a" ("llamó a una tregua") is the English article ("called a breach").
_CALL_PREPOSITION_BY_LANGUAGE = {
    code: re.compile(r"\s+(?:" + "|".join(words) + r")\b", _FLAGS)
    for code, words in lexicons.per_language("ceasefire", "call_prepositions").items()
}

# "como exige el acuerdo", "comme l'exige l'accord", "conforme exige o acordo", "wie es das Abkommen
# verlangt": "as" right before a demand whose subject, the truce, follows it (ceasefire.as_required).
# "as" per language: Portuguese "as" is an article ("retomar as negociações"); English, whose verb
# follows its subject ("as the deal demands"), has none.
_AS_BY_LANGUAGE = {
    code: (
        re.compile(r"\b(?:" + "|".join(words) + r")\s*$", _FLAGS),
        # …and, where the verb closes its clause, the truce between "as" and the demand: "wie es das Abkommen verlangt"
        re.compile(r"\b(?:" + "|".join(words) + r")\s+(?:[^\W\d_]+\s+)?" + TRUCE_ALTERNATION + r"\s+$", _FLAGS),
    )
    for code, words in lexicons.per_language("ceasefire", "as_required").items()
}
# "urged the committee overseeing the ceasefire, which includes …, to press Israel", "a appelé mardi les
# parrains de l'accord à « prendre leurs responsabilités »": the truce is the complement of the call's
# addressee (a definite noun joined to it by ceasefire.addressee_links), and what the call asks comes
# in its infinitive after it (ceasefire.call_infinitive) — the call is for something else.
_ADDRESSEE_LINKS = "|".join(lexicons.patterns("ceasefire", "addressee_links"))
_CALL_INFINITIVE = "|".join(lexicons.patterns("ceasefire", "call_infinitive"))
_DEFINITES = "|".join(lexicons.patterns("ceasefire", "definite"))
ADDRESSEE_HOLDS_THE_TRUCE = re.compile(
    rf"\s+(?:[^\W\d_]+\s+)?(?:{_DEFINITES}|les|los|las|os|as|aux|aos|a\s+los|a\s+las)\s+[^\W\d_]+\s+"
    rf"(?:{_ADDRESSEE_LINKS})(?:\s+|(?<='))(?:[^\W\d_]+(?:\s+|'))?{TRUCE_ALTERNATION}(?:\s+[^\W\d_]+)?"
    rf"(?:\s*,[^,;.]{{0,90}},)?\s+(?:{_CALL_INFINITIVE})",
    _FLAGS,
)
# …or an apposition that names the addressee as the truce's keeper: "a appelé les États-Unis et la France,
# garants de l'accord, à faire pression", "instó a Washington y París, garantes del acuerdo, a presionar"
ADDRESSEE_IN_APPOSITION = re.compile(
    rf"\s+[^,;.]{{1,60}},\s*(?:(?:{_DEFINITES}|les|los|las|os|as)\s+)?[^\W\d_]+\s+(?:{_ADDRESSEE_LINKS})(?:\s+|(?<='))"
    rf"(?:[^\W\d_]+(?:\s+|'))?{TRUCE_ALTERNATION}(?:\s+[^\W\d_]+)?\s*,\s+(?:{_CALL_INFINITIVE})",
    _FLAGS,
)
# "instó a los mediadores del alto el fuego a presionar", "exortou os garantes do acordo a", "a appelé aux
# parrains de la trêve à": the Romance "a" before a definite noun that a link joins to the truce marks the
# addressee (a person), not what is called for
_PERSONAL_A = re.compile(
    rf"\s+(?:a\s+(?:los|las|la)|al|aos|ao|as|aux)\s+[^\W\d_]+\s+(?:{_ADDRESSEE_LINKS})(?:\s+|(?<='))", _FLAGS
)
_TRUCE_RIGHT_AFTER = re.compile(r"\s+(?:[^\W\d_]+(?:\s+|'))?" + TRUCE_ALTERNATION, _FLAGS)  # "el acuerdo", "l'accord"


def calls_for_nothing(text: str, cue: Cue, start: int, end: int, before: str, language: str | None) -> bool:
    """Does the proposal cue at `start`–`end` (with `before`, the words before it) call for no truce?"""
    if cue.name == "calls" and NAMING_CALL.match(text, end):
        return True  # "called the attack a violation of the truce": a name, not a call for a truce
    if cue.name == "calls" and NAMING_RELATIVE.search(before) and not _calls_for(text, end, language):
        return True  # "what he called a breach of the truce": the relative is what is named
    if (
        cue.name in ("calls", "proposed")
        and (ADDRESSEE_HOLDS_THE_TRUCE.match(text, end) or ADDRESSEE_IN_APPOSITION.match(text, end))
        # "called for the resumption of the truce to allow aid"; a Romance "a" before its addressee is personal
        and (not _calls_for(text, end, language) or _PERSONAL_A.match(text, end) is not None)
    ):
        return True  # "urged the committee overseeing the ceasefire to press …": a call to its keepers
    return _the_truce_demands(text, cue, end, before, language)


def _the_truce_demands(text: str, cue: Cue, end: int, before: str, language: str | None) -> bool:
    """ "como exige el acuerdo", "wie es das Abkommen verlangt": the truce is the demand's subject."""
    if cue.name == "talks":
        return False  # "as truce talks stall": talks are no demand
    patterns = _AS_BY_LANGUAGE.get(language or "")
    for as_before, as_truce_before in [patterns] if patterns else list(_AS_BY_LANGUAGE.values()):
        if cue.side in ("before", "any") and as_before.search(before) and _TRUCE_RIGHT_AFTER.match(text, end):
            return True
        if cue.side in ("after", "any") and as_truce_before.search(before):
            return True
    return False


def _calls_for(text: str, end: int, language: str | None) -> bool:
    """A preposition of calling right after a "call" cue ending at `end` ("called for", "llamó a")."""
    preposition = _CALL_PREPOSITION_BY_LANGUAGE.get(language or "")
    if preposition is not None:
        return preposition.match(text, end) is not None
    return any(pattern.match(text, end) for pattern in _CALL_PREPOSITION_BY_LANGUAGE.values())
