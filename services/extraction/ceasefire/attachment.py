"""Does a ceasefire cue speak of a term in its sentence? It must stand on its side of the term
("agreed to a truce", "the truce took effect"), close enough for its kind, with no clause break
or relative clause between them, and not be about something the term only qualifies ("truce
talks collapsed", "protests against the deal ended", "five people were wounded during the truce").
When a description of the truce may lengthen a cue's reach is told in over_descriptions.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from services.extraction.ceasefire.background import DAY_OF_THE_STORY
from services.extraction.ceasefire.cues import COMPOUND_HEAD, PREPOSITION_BEFORE, TALKS_CUES, Cue
from services.extraction.ceasefire.over_descriptions import after_a_description, despite_a_description
from services.extraction.ceasefire.terms import TermKind
from services.extraction.ceasefire.word_anchored import WordAnchoredPattern
from services.extraction.figures.nouns import GROUP_ORDER
from services.extraction.lexicon import lexicons
from services.extraction.text.fold import fold
from services.extraction.text.keywords import trie_pattern

# Words that end a clause: a cue on the far side of one says something else ("… , but it collapsed").
# Two patterns, for speed: the punctuation, which the regex engine skips to in C, and the words,
# tried only where they stand (word_anchored.py); one alternation of both was tried at every position.
# A quotation closed before its speech tag ("«La trêve tient», a déclaré le porte-parole, …") ends the
# quoted clause too: what the tag's clause dates ("… en référence à l'accord signé en mai 2021") is not the quote's.
_BARRIER_MARKS = re.compile(r";|[\"»“”]\s*,|,\s*(?:" + "|".join(lexicons.patterns("ceasefire", "comma_breaks")) + r")\b")
_BARRIER_WORDS = WordAnchoredPattern(re.compile(r"\b(?:" + "|".join(lexicons.patterns("ceasefire", "clause_breaks")) + r")\b"))
# A term inside a relative clause describes a party, not what a cue before the clause acts on:
# "called on France, which sponsors the agreement, to intervene" calls for no truce.
# So does a place's relative clause: "appealed for peace in Sudan, where a truce collapsed last week".
_RELATIVE = re.compile(
    r",\s*(?:which|who|whose|where|que|qui|quien|quienes|cuyo|cuya|lequel|laquelle|dont|donde|onde|wo)\b"
)
_RELATIVE_WORDS = (
    ", which", ", who", ", que", ", qui", ", cuy", ", lequel", ", laquelle", ", dont", ", where", ", donde", ", onde", ", wo"
)
# "During the truce five people were wounded", "Während der Waffenruhe wurden fünf Menschen
# verletzt": a verb after a counted noun phrase has those people for its subject, not the truce
# before them (German "verletzt" is both a violated truce and injured people).
_PEOPLE_WORDS = sorted(
    {fold(word) for word in lexicons.words("people")}
    | {fold(word) for group in GROUP_ORDER for word in lexicons.words("groups", group)}
)
_NUMBER_WORDS = sorted(
    {fold(word) for code in lexicons.LANGUAGES for word in lexicons.entry(code, "numbers", "words") or []}
)
# "um zwei weitere Tage verlängert": "others" followed by a noun of things (lexicon `things`) counts no people.
_THING_WORDS = sorted({fold(word) for word in lexicons.words("things")})
_COUNTED_PEOPLE = re.compile(
    rf"(?<!\w)(?:\d[\d.,]*|(?:{trie_pattern(_NUMBER_WORDS)})+)\s+(?:\w+\s+)?(?:{trie_pattern(_PEOPLE_WORDS)})(?!\w)"
    rf"(?!\s+(?:{trie_pattern(_THING_WORDS)})(?!\w))",
    re.IGNORECASE,
)
# "Das Treffen endete ohne …", "the meeting ended without any ceasefire proposal": a truce after
# "without" is absent, so a verb before "without" does nothing to it.
_WITHOUT = re.compile(r"\b(?:" + "|".join(lexicons.patterns("ceasefire", "without")) + r")\b", re.IGNORECASE)
_PRONOUN_GAP = 14  # "violating it", "it took effect": a pronoun must sit right by its cue
# A language that puts the verb at the end of its clause (German: "Die Waffenruhe zwischen den
# Milizen in der Hauptstadt ist um 60 Tage verlängert worden") sets the whole middle of the
# clause between the truce and the verb that says what it did: a cue after the term may reach
# this far there (a clause break still stops it).
VERB_FINAL_REACH = 130
@dataclass(frozen=True, slots=True)
class TermSpan:
    """Where a sentence names a ceasefire (or, for a cue that allows it, says "it")."""


    start: int
    end: int
    kind: TermKind


def clause_breaks(text: str) -> tuple[list[int], list[int]]:
    """Where the sentence's clause breaks and relative clauses begin (see `attached`)."""
    marks = [m.span() for m in _BARRIER_MARKS.finditer(text)]
    barriers = [start for start, _ in marks]
    words = [m.start() for m in _BARRIER_WORDS.finditer(text)]
    if words:  # as one alternation read them: a word inside a mark's match (", but") is part of it
        barriers = sorted(barriers + [w for w in words if not any(start <= w < end for start, end in marks)])
    relatives = [m.start() for m in _RELATIVE.finditer(text)] if any(r in text for r in _RELATIVE_WORDS) else []
    return barriers, relatives


def attached(
    text: str,
    cue: Cue,
    start: int,
    end: int,
    terms: list[TermSpan],
    starts: list[int],
    barriers: list[int],
    relatives: list[int],
    named: bool,
    reach_after: int = 0,
) -> bool:
    """Does a term sit on the cue's side, close enough, with no clause break in between?

    `reach_after`: how far a cue after its term may stand in a verb-final language (0: as the cue says).
    """
    if cue.side == "alone":
        return named
    index = bisect.bisect_left(starts, end)
    if cue.side in ("before", "any"):
        for term in terms[index : index + 3]:  # the nearest terms after the cue
            if (
                (
                    _usable(cue, term, _distance(text, _after_a_day(text, end), term.start))
                    or despite_a_description(text, cue, term, end)
                    or _talks_on_it(text, cue, end, term)
                )
                and not _blocked(barriers, end, term.start)
                and not _blocked(relatives, end, term.start)
                and not _WITHOUT.search(text, end, term.start)
            ):
                return True
    if cue.side in ("after", "any"):
        for term in reversed(terms[max(0, index - 4) : index]):  # the nearest terms before it
            if (
                term.end <= start
                and (
                    _usable(cue, term, _distance(text, term.end, start))
                    or _verb_final_reach(cue, term, start - term.end, reach_after)
                    or _opening_subject(text, cue, term, start - term.end, reach_after)
                    or after_a_description(text, cue, term, start)
                )
                and not _blocked(barriers, term.end, start)
                and not (term.kind != "pronoun" and _heads_a_compound(text, term, start))
                and (
                    _postnominal_participle(cue)
                    or not PREPOSITION_BEFORE.search(text, max(0, term.start - 24), term.start)
                )
                and not _COUNTED_PEOPLE.search(text, term.end, start)
                and not _describes_talks_between(text, cue, term, start)
                and not (cue.name == "talks" and _TALKS_TOPIC.match(text, end) is not None)
            ):
                return True
    return False


def _postnominal_participle(cue: Cue) -> bool:
    """ "no progress on the truce demanded by Kyiv", "sobre el alto el fuego exigido por Kiev": a
    participle right after the truce describes it, whatever noun the truce complements."""
    return cue.side == "after" and cue.name in ("proposal", "brokered")


def _describes_talks_between(text: str, cue: Cue, term: TermSpan, start: int) -> bool:
    """ "agreed to extend their ceasefire after talks in Istanbul mediated by Turkey": a participle
    after talks describes the talks, the nearer noun, not the truce before them. A prepositional
    phrase ("unter Vermittlung Lawrows vereinbart worden") may still belong to the clause's verb."""
    return (
        cue.name == "brokered"
        and _MEDIATION_PHRASE.match(text, start) is None
        and any(talks.pattern.search(text, term.end, start) for talks in TALKS_CUES)
    )


# "a permanent ceasefire and talks on a final peace accord", "négociations en vue d'un accord de paix",
# "negociações sobre o programa nuclear": talks followed by their own topic are about that topic, not
# about a truce named before them (ceasefire.topic_prepositions, .talks_aims). Talks on a truce after
# them attach to it from before ("talks on a ceasefire").
_TALKS_TOPIC = re.compile(
    r"\s+(?:"
    + "|".join(lexicons.patterns("ceasefire", "topic_prepositions") + lexicons.patterns("ceasefire", "talks_aims"))
    + r")\b",
    re.IGNORECASE,
)

# "retomaram conversações indiretas em Naqoura, sob mediação norte-americana, sobre a consolidação do
# cessar-fogo", "talks in Doha under Qatari mediation on a permanent ceasefire": talks reach their truce over
# where and under whom they are held when a topic preposition brings the truce in (ceasefire.topic_prepositions)
_TOPIC_PREPOSITION = re.compile(
    r"\b(?:" + "|".join(lexicons.patterns("ceasefire", "topic_prepositions")) + r")\s", re.IGNORECASE
)
_TALKS_TOPIC_REACH = 110  # the talks cue to its topic preposition: a place and a mediator between
_TOPIC_TO_TRUCE = 32  # the preposition to the truce: an article and a noun of what is discussed ("a consolidação do")


def _talks_on_it(text: str, cue: Cue, end: int, term: TermSpan) -> bool:
    if cue.name != "talks" or term.kind == "pronoun" or term.start - end > _TALKS_TOPIC_REACH + _TOPIC_TO_TRUCE:
        return False
    topics = list(_TOPIC_PREPOSITION.finditer(text, end, term.start))
    return bool(topics) and term.start - topics[-1].start() <= _TOPIC_TO_TRUCE and topics[-1].start() - end <= _TALKS_TOPIC_REACH


_MEDIATION_PHRASE = re.compile(r"(?:unter|under|sous|bajo|sob)\b", re.IGNORECASE)


# A parenthesis or a pair of dashes sets an aside into the sentence ("l'appel du Quartet — États-Unis,
# Arabie saoudite, Égypte et Émirats — à une trêve", "el Cuarteto —Estados Unidos, …— a una tregua",
# "the Rapid Support Forces (RSF) agreed to"): the aside is no part of the distance between a cue
# and its truce. Folding has made every dash "-"; a dash of an aside has a space on its outer side,
# a hyphen inside a word has none.
_ASIDE = re.compile(
    r"\([^()]{1,150}\)|\s-\s[^()]{1,150}?\s-(?=\s)|\s-(?=[^\W\d_])[^()]{1,150}?[^\W\d_]-(?=\s)"
)


def _distance(text: str, left: int, right: int) -> int:
    """Characters between `left` and `right`, the asides wholly between them left out."""
    distance = right - left
    if distance <= 0 or ("(" not in text[left:right] and " -" not in text[left:right]):
        return distance
    return distance - sum(len(aside.group()) for aside in _ASIDE.finditer(text, left, right))


def _after_a_day(text: str, end: int) -> int:
    """Where a verb's object may begin: after the day that follows the verb, an adverbial and no
    part of the distance ("firmaron este martes en Kunming un acuerdo", "ont signé samedi à Doha
    une déclaration", "signed on Saturday in Doha a declaration"), and after a named addressee that
    Romance languages set between a verb and its object ("propuso el lunes al Ejército de Liberación
    Nacional un alto el fuego", "a proposé aux Forces de soutien rapide une trêve")."""
    day = _DAY_RIGHT_AFTER.match(text, end)
    end = end if day is None else day.end()
    addressee = _NAMED_ADDRESSEE.match(text, end)
    return end if addressee is None else addressee.end()


_DAY_RIGHT_AFTER = re.compile(r"\s*(?:" + DAY_OF_THE_STORY.pattern + r")", re.IGNORECASE)
# "al Ejército de Liberación Nacional (ELN)", "aux Forces de soutien rapide", "ao Governo": the addressee,
# a capitalised name (its small connecting words and an acronym in brackets with it), case-sensitive
_NAMED_ADDRESSEE = re.compile(
    r"\s+(?:al|a\s+la|a\s+los|a\s+las|ao|aos|a|aux|au)\s+"
    r"[A-Z][\w-]*(?:\s+(?:(?:de|del|la|las|los|do|da|dos|das|du|des|et|y|e)\s+)?[A-Z][\w-]*){0,5}"
    r"(?:\s+de\s+[a-z]+(?:\s+[a-z]+)?)?(?:\s+\([A-Z][\w-]*\))?(?=\s)"
)


def _heads_a_compound(text: str, term: TermSpan, cue_start: int) -> bool:
    """ "Truce talks collapsed": the cue after "truce talks" speaks of the talks, not the truce."""
    head = COMPOUND_HEAD.match(text, term.end)
    return head is not None and cue_start >= head.end()


def _verb_final_reach(cue: Cue, term: TermSpan, distance: int, reach_after: int) -> bool:
    """A verb at the end of a verb-final clause still speaks of the truce that opened it (talks and
    proposals are nouns, not the closing verb)."""
    return (
        term.kind != "pronoun"
        and cue.status != "proposed"
        and cue.side in ("after", "any")
        and 0 <= distance <= reach_after
    )


def _opening_subject(text: str, cue: Cue, term: TermSpan, distance: int, reach_after: int) -> bool:
    """ "Beide Seiten vereinbarten eine Waffenruhe. Sie sei am Abend um 20 Uhr in Kraft getreten": the
    pronoun that opens a sentence of a verb-final language is the subject of the participle closing its
    clause, however long the middle field. Only for a truce's taking effect or holding: a pronoun may
    also stand for a person ("Sie ist … schwer verletzt worden"); a demonstrative rarely does, and
    takes up the truce before for whatever its participle says ("Diese wurde jedoch mehrfach gebrochen")."""
    return (
        term.kind == "pronoun"
        and (cue.status == "in_effect" or _DEMONSTRATIVE.match(text, term.start) is not None)
        and cue.pronoun
        and 0 <= distance <= reach_after
        and not text[: term.start].strip(_OPENING_MARKS)
    )


# the demonstratives that take up the truce of the sentence before (ceasefire.demonstratives)
_DEMONSTRATIVE = re.compile(r"(?:" + "|".join(lexicons.patterns("ceasefire", "demonstratives")) + r")\b", re.IGNORECASE)
_OPENING_MARKS = " \"'“”„«»‚‘’"  # quotation marks may open a sentence before its subject


def _usable(cue: Cue, term: TermSpan, distance: int) -> bool:
    if distance < 0:
        return False
    if term.kind == "pronoun":
        return cue.pronoun and distance <= _PRONOUN_GAP
    return distance <= cue.gap


def _blocked(barriers: list[int], left: int, right: int) -> bool:
    index = bisect.bisect_left(barriers, left)
    return index < len(barriers) and barriers[index] < right
