"""A ceasefire cue that is a speech tag, not a statement: "…, announced the ministry" reports a
clause ("announced that …", "verkündete, dass …", "erklärte die Armee, sie setze …") instead of
announcing the truce, unless the truce is the verb's own object ("declararon el lunes una tregua").
Read by `context.read_in_context` for the reporting verbs among the cues."""

from __future__ import annotations

import re

from services.extraction.ceasefire.terms import NAMES_A_TRUCE
from services.extraction.lexicon import lexicons
from services.extraction.text.fold import fold

_FLAGS = re.IGNORECASE
_OBJECT_REACH = 50  # "declararon el lunes una tregua humanitaria": the verb's object after it, over a day
_OBJECT_WORDS = 4  # words before the truce's noun: a day ("el lunes", "on Monday"), an article and an adjective

# "…, announced the ministry", "…, a annoncé le Qatar": a reporting verb, not an announcement of the truce.
REPORTING = re.compile(r",\s*(?:a|ont|has|have|had)?\s*$", _FLAGS)
REPORTING_VERB = re.compile(r"(?:announc|annonc|anunci|declar|said|dit|dijo|disse|verkund|erklar)", _FLAGS)
# "announced that …", "a annoncé avoir repris …", "verkündete, dass …": the verb reports something else.
REPORTING_CLAUSE = re.compile(r"\s+(?:that|que|avoir|etre|ter|haber|it|they|he|she)\b|,?\s+dass\b", _FLAGS)
# "anunció después que …", "a annoncé dimanche que …", "verkündete am Montag, dass …": a word or
# two (a day, "later") may stand between the verb and the clause it reports, so long as they name
# no truce (then it is the object: "announced a truce that …").
_REPORTED_CLAUSE_LATER = re.compile(r"(?:\s+[^\s,;.:]+){1,2}?(?:\s+(?:that|que)|,?\s+dass)\b", _FLAGS)
# "Am Morgen erklärte die Armee, sie setze die Waffenruhe wieder um": reported speech without a
# conjunction (German's subjunctive clause) — the verb, its speaker after it, then a comma and the
# reported clause's subject pronoun (every lexicon's `source_pronouns`). The speaker names no truce.
_SPEAKER_WORDS = 5  # "die israelische Armee", "das Militär am Abend": the speaker after the verb
_SUBJECT_PRONOUNS = "|".join(sorted({fold(word) for word in lexicons.words("source_pronouns")}))
_REPORTED_AFTER_SPEAKER = re.compile(
    rf"(?:\s+[^\s,;.:]+){{1,{_SPEAKER_WORDS}}}?,\s+(?:{_SUBJECT_PRONOUNS})\b",
    _FLAGS,
)
# "Die Armee erklärte, sie halte sich an die Waffenruhe", "Netanjahu erklärte am Sonntag, ein
# Abkommen müsse …": the speaker before the verb, which a comma closes (after a day at most) — the
# clause after the comma, naming the truce, is what it reports, whatever its subject; not a
# relative clause ("eine Waffenruhe verkündet, die am Mittwoch in Kraft trat") describing the
# verb's object (every lexicon's ceasefire.relatives).
_RELATIVES = "|".join(lexicons.patterns("ceasefire", "relatives"))
_REPORTED_AFTER_COMMA = re.compile(rf"(?:\s+[^\s,;.:]+){{0,2}}?,\s+(?!(?:{_RELATIVES})\b)", _FLAGS)
# …but a relative pronoun needs a noun to describe: where the verb's clause names no truce before the
# verb, a word after the comma that is also an article opens the reported clause ("Die Armee
# erklärte, die Miliz habe die Waffenruhe gebrochen").
_REPORTED_AFTER_ANY_COMMA = re.compile(r"(?:\s+[^\s,;.:]+){0,2}?,\s+", _FLAGS)
_CLAUSE_START = re.compile(r"[,;:.][^,;:.]*$")
# "…, anunciou hoje o Departamento de Estado": a time word may sit between the verb and its speaker.
# So may a day of the week with its article or demonstrative ("anunciou esta quarta-feira o ministério",
# "a annoncé ce jeudi le Qatar"): every language's words for today (background.present).
_TODAY = "|".join(fold(pattern) for pattern in lexicons.patterns("background", "present"))
REPORTING_SPEAKER = re.compile(
    r"\s+(?:(?:today|yesterday|tonight|hoje|ontem|hoy|ayer|aujourd'hui|hier|on\s+\w+day|" + _TODAY + r")\s+)?"
    # German's articles too: "…, erklärte die Hamas" (a speaker after the verb, as "…, said the army")
    r"(?:(?:the|le|la|les|l'|el|los|las|o|os|der|die|das)\b|(?:a|as)\s+(?-i:[A-Z])|(?-i:[A-Z]))",
    _FLAGS,
)


def reports_a_clause(text: str, end: int, start: int | None = None) -> bool:
    """Does a clause ("that …", "que …") follow the reporting verb ending at `end`, a word or two later
    at most? `start`: where the verb begins, to tell whether its clause names a truce before it."""
    if REPORTING_CLAUSE.match(text, end):
        return True
    later = _REPORTED_CLAUSE_LATER.match(text, end) or _REPORTED_AFTER_SPEAKER.match(text, end)
    if later is None:
        later = _REPORTED_AFTER_COMMA.match(text, end)
        if later is None and start is not None and not _truce_before(text, start):
            later = _REPORTED_AFTER_ANY_COMMA.match(text, end)
        if later is not None and NAMES_A_TRUCE.search(text, later.end()) is None:
            return False  # "…, announced, with explosions heard": nothing about the truce is reported
    return later is not None and not NAMES_A_TRUCE.search(text, end, later.end())


def object_is_a_truce(text: str, end: int) -> bool:
    """Is a truce named within a few words after the verb ending at `end`, in its clause? Then it
    is the verb's object, not a speech tag's speaker: "Los rebeldes, acorralados en el norte,
    declararon el lunes una tregua", "The rebels, cornered in the north, announced the ceasefire"
    (a subject with an apposition puts a comma before its verb, as a speech tag does)."""
    window = re.split(r"[,;:.]", text[end : end + _OBJECT_REACH], maxsplit=1)[0]
    truce = NAMES_A_TRUCE.search(window)
    return truce is not None and len(window[: truce.start()].split()) <= _OBJECT_WORDS


def _truce_before(text: str, start: int) -> bool:
    """Does the clause of the verb beginning at `start` name a truce before it?"""
    opening = _CLAUSE_START.search(text, 0, start)
    return NAMES_A_TRUCE.search(text, opening.end() if opening else 0, start) is not None
