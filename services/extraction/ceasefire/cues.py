"""How ceasefire news is read: the cue table. The words are in each language's lexicon
(lang/<code>.yaml, under ceasefire.cues), one key per row of the table below.

Patterns run on accent-folded text (see text/fold.py), case-insensitively, and every
language is always on: the language hint may be wrong, and wire copy mixes languages.

A CUE states something about a ceasefire ("took effect", "violated", "rejected") and must
sit on the right side of a TERM (terms) within a few characters — "ceasefire" in a
sentence is not a statement.

Every pattern starts with a literal word and has no nested unbounded quantifier, so
matching stays linear in the length of the text (a 1 MB article of junk is fed to it in tests).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from services.extraction.ceasefire.stem_index import StemIndex
from services.extraction.ceasefire.stemmed_pattern import PatternSet, StemmedPattern
from services.extraction.ceasefire.stems import Stem
from services.extraction.ceasefire.terms import (
    HALT_TERM,
    STEM_AFTER,
    STEM_BEFORE,
    STRONG_TERM,
    WEAK_TERM,
    Term,
    pattern_stems,
    words_pattern,
)
from services.extraction.lexicon import lexicons
from streams.events import CeasefireStatus

_FLAGS = re.IGNORECASE

Side = Literal["before", "after", "any", "alone"]


# --- cues -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Cue:
    """A phrase that states `status` when it stands on `side` of a term within `gap` characters.

    side "before": the cue precedes the term ("agreed to a truce"); "after": it follows
    ("the truce took effect"); "any": either; "alone": the cue needs no term in its sentence
    (only in an article that names a ceasefire: "accused each other of violations").
    """

    status: CeasefireStatus
    pattern: re.Pattern[str]
    scan: StemmedPattern  # the same alternatives, matched where their stems are
    side: Side
    gap: int
    pronoun: bool = False  # may attach to "it"/"them" ("violating it", "it collapsed")
    name: str = ""
    stems: tuple[Stem, ...] | None = None  # one is in every match; None: no cheap test, always look
    stem_texts: frozenset[str] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # The set the sentence's stems are tested against, built once rather than per sentence.
        texts = None if self.stems is None else frozenset(stem.text for stem in self.stems)
        object.__setattr__(self, "stem_texts", texts)


def _cue(status: CeasefireStatus, side: Side, gap: int, key: str, pronoun: bool = False, name: str = "") -> Cue:
    """The cue `key` of every language's lexicon (ceasefire.cues.<key>: regex alternatives)."""
    parts = lexicons.patterns("ceasefire", "cues", key)
    scan = StemmedPattern(parts, _FLAGS, STEM_BEFORE, STEM_AFTER)
    pattern = re.compile(words_pattern(*parts), _FLAGS)
    return Cue(status, pattern, scan, side, gap, pronoun, name or status, pattern_stems(parts))


# The cue table: (status, side of the term, largest gap in characters, words). A gap is how far
# a cue of that kind reaches in news prose: a call reaches over its addressee ("called on both
# sides to respect a truce", 90); a verb after its subject over a short clause ("the truce,
# brokered by Qatar, took effect", 110); a preposition only over an article ("despite the
# truce", 16).
CUES: tuple[Cue, ...] = (
    _cue("proposed", "before", 45, "urging"),
    _cue("proposed", "before", 70, "calling_on"),
    _cue("proposed", "before", 90, "calls", name="calls"),
    _cue("proposed", "any", 35, "proposal_noun", name="proposal"),
    _cue("proposed", "before", 35, "proposal_verb", name="proposal"),
    _cue("proposed", "after", 40, "proposed_by", name="proposal"),
    # …and in a relative clause: "the truce that Kyiv has pushed for", "la trêve que Kiev réclame"
    _cue("proposed", "after", 40, "proposed_in_relative", name="called_for"),
    # a verb-final clause closes on its proposal: "hatte eine Feuerpause angeboten"
    _cue("proposed", "after", 40, "proposal_after", name="proposal"),
    _cue("proposed", "any", 40, "talks", name="talks"),
    # a party ready for a truce offers one: "Ukraine is ready for a 30-day ceasefire", "prête à un cessez-le-feu"
    # (an article and an adjective or two between), and a verb-final clause closing on it ("zu einer Waffenruhe bereit")
    _cue("proposed", "before", 45, "ready", name="ready"),
    _cue("proposed", "after", 40, "ready_after", name="ready_after"),
    # languages that compound write the truce and its talks as one word; in an article naming a truce
    _cue("proposed", "alone", 0, "talks_compound", name="talks"),
    _cue("proposed", "any", 45, "rejected", name="rejected"),
    _cue("agreed", "any", 45, "agreed"),
    _cue("agreed", "before", 30, "brokered_before", name="brokered"),
    # a document of agreement that provides for the truce ("an accord providing for a truce", over an adjective or two)
    _cue("agreed", "before", 30, "provides_for", name="provides_for"),
    _cue("agreed", "after", 100, "brokered_after", name="brokered"),
    _cue("agreed", "alone", 0, "its_approval", name="its_approval"),
    _cue("agreed", "alone", 0, "accepted_proposal", name="accepted_proposal"),
    _cue("agreed", "before", 45, "reached_before", name="reached"),
    _cue("agreed", "after", 60, "reached_after", name="reached"),
    _cue("agreed", "before", 25, "will_observe", name="scheduled"),
    _cue("agreed", "before", 30, "committed"),
    _cue("agreed", "after", 100, "scheduled", name="scheduled"),
    # the truce's own modal right after it, in a verb-second language: "Die Waffenruhe im Norden soll am Montag beginnen"
    _cue("agreed", "after", 30, "scheduled_next", name="scheduled"),
    # a passive infinitive has the subject of its clause, the truce, however far the clause's own verb
    # puts it: "The truce took effect on Tuesday, hours after being announced by …"
    _cue("agreed", "after", 110, "agreed_passive", name="agreed"),
    _cue("in_effect", "after", 110, "took_effect", pronoun=True, name="took_effect"),
    _cue("in_effect", "after", 70, "holding_after", pronoun=True, name="holding"),
    _cue("in_effect", "before", 20, "holding_before", name="holding"),
    # a verb-second clause puts the verb before its truce, over the adverbials between ("gilt seit … eine Waffenruhe")
    _cue("in_effect", "before", 60, "in_force_before", name="took_effect"),
    # a truce resumed is in effect again: "announced the resumption of the ceasefire", "voltou a aplicar a trégua"
    _cue("in_effect", "before", 25, "resumed", name="resumed"),
    _cue("in_effect", "before", 30, "began_before"),
    _cue("in_effect", "before", 12, "entry_into_force", name="entry_into_force"),
    _cue("in_effect", "after", 8, "began_after", pronoun=True),
    _cue("violated", "any", 100, "violated", pronoun=True),
    _cue("violated", "before", 16, "despite", name="despite"),
    # a truce that did not prevent new fighting was broken: "la tregua no impidió nuevos combates"
    _cue("violated", "after", 70, "not_prevented", pronoun=True, name="not_prevented"),
    # attacks told since the truce began: "the first strike since the ceasefire took effect", "des frappes
    # quasi quotidiennes depuis le début de la trêve" (the pattern holds the "since" between)
    _cue("violated", "before", 70, "attacks_since", name="attacks_since"),
    # "Under the deal, …", "en virtud del acuerdo": the terms of a truce being applied (an article at most between)
    _cue("in_effect", "before", 8, "under", name="under"),
    # "the fragile truce", "Die Waffenruhe ist brüchig": a copula at most between
    _cue("in_effect", "any", 12, "fragile", name="fragile"),
    _cue("violated", "alone", 0, "violations", name="violations"),
    # "acusó a Hamás de atacar a sus tropas": attacks alleged, where a truce exists (accusations.py)
    _cue("violated", "alone", 0, "accused_attacks", name="accused_attacks"),
    _cue("collapsed", "after", 110, "collapsed_after", pronoun=True),
    _cue("collapsed", "before", 30, "collapsed_before"),
    _cue("collapsed", "any", 40, "abandoned"),
    # "held for only a few hours", "n'a tenu que quelques heures": a truce that lasted only a while is over
    _cue("collapsed", "after", 70, "lasted_only", pronoun=True, name="lasted_only"),
    _cue("collapsed", "before", 30, "collapsed_before_verbs"),
    _cue("extended", "any", 50, "extended"),
    # the clause's passive verb reaches over what describes its truce, as a collapse does: "the truce in …, which
    # was due to expire on Sunday, has been extended"
    _cue("extended", "after", 110, "extended_after", name="extended"),
)

# The agreement cues: one of them describing a truce ("the truce brokered by Qatar", "die
# vereinbarte Waffenruhe") is no statement when the sentence says something else about it.
AGREEMENT_CUES: tuple[Cue, ...] = tuple(cue for cue in CUES if cue.status == "agreed" and cue.side != "alone")

# The talks cues: a participle after talks ("after talks in Istanbul mediated by Turkey") describes them.
TALKS_CUES: tuple[Cue, ...] = tuple(cue for cue in CUES if cue.name == "talks" and cue.side != "alone")

# What is still to come ("Under the deal, prisoners will be exchanged"): every language's future markers.
FUTURE_MARKERS = re.compile(words_pattern(*lexicons.patterns("ceasefire", "future")), _FLAGS)
# The tense of a truce's history ("the ceasefire it had declared", "die zustande gekommen war").
PLUPERFECT = re.compile(words_pattern(*lexicons.patterns("ceasefire", "pluperfect")), _FLAGS)
# …and each language's own, where a language is known: German "war" is English's noun "war".
PLUPERFECT_BY_LANGUAGE = {
    code: re.compile(words_pattern(*words), _FLAGS) for code, words in lexicons.per_language("ceasefire", "pluperfect").items()
}

# A sentence's stems name the terms and cues worth trying there, and where.
TERM_SET = PatternSet([term.scan for term in (STRONG_TERM, HALT_TERM, WEAK_TERM)])
CUE_SET = PatternSet([cue.scan for cue in CUES])

# One scan per article finds every stem of every term and cue.
_PATTERNS: tuple[Term | Cue, ...] = (STRONG_TERM, WEAK_TERM, HALT_TERM, *CUES)
# Every stem a scan looks for, including those of a pattern that also has stemless alternatives.
STEMS = StemIndex(stem for pattern in _PATTERNS for stem in pattern.scan.stems)
# An article none of whose words can start a strong term or a halt phrase states no ceasefire.
NAMING_STEMS = StemIndex(stem for pattern in (STRONG_TERM, HALT_TERM) for stem in pattern.stems or ())


def _cues_by_stem() -> dict[str, tuple[int, ...]]:
    by_stem: dict[str, tuple[int, ...]] = {}
    for index, cue in enumerate(CUES):
        for stem in cue.stems or ():
            by_stem[stem.text] = (*by_stem.get(stem.text, ()), index)
    return by_stem


# A sentence's stems name the cues worth trying; a cue without a stem is always tried.
CUES_BY_STEM = _cues_by_stem()
ALWAYS_TRIED: tuple[int, ...] = tuple(index for index, cue in enumerate(CUES) if cue.stems is None)

# "truce talks collapsed", "the ceasefire line": the term modifies another noun, which is what
# the verb after it speaks of.
# "Protests against the deal ended": a term after one of these prepositions complements another
# noun, which is what the verb after it speaks of.
PREPOSITION_BEFORE = re.compile(
    r"\b(?:against|over|about|contra|sobre|contre|acerca\s+de)\s+(?:the\s+|a\s+|an\s+|o\s+|a\s+|el\s+|la\s+|le\s+|l')?$",
    _FLAGS,
)
COMPOUND_HEAD = re.compile(
    r"\s+(?:talks|negotiations|proposals?|plans?|offers?|efforts|negotiators|lines?|monitors|zone|mediators|"
    r"process|framework|bid|push)\b",
    _FLAGS,
)
