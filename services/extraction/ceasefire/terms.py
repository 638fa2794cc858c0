"""The words that name a ceasefire (from each language's lexicon, lang/<code>.yaml).

A strong TERM names one outright ("truce", "cessar-fogo", "cessez-le-feu", "cessation of
hostilities"); a weak one ("deal", "pause", "acuerdo") stands for one only in an article that
names a ceasefire outright; a halt phrase ("agreed to stop all firing", "a moratorium on
strikes") is a ceasefire without the word. Patterns run on accent-folded text, case-insensitively.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from services.extraction.ceasefire.stemmed_pattern import StemmedPattern
from services.extraction.ceasefire.stems import Stem, stem_of
from services.extraction.ceasefire.word_anchored import WordAnchoredPattern
from services.extraction.lexicon import lexicons

FLAGS = re.IGNORECASE

TermKind = Literal["strong", "weak", "halt", "pronoun"]


def words_pattern(*alternatives: str) -> str:
    return r"\b(?:" + "|".join(alternatives) + r")\b"


# A match starts at most this far before a stem inside it ("has largely held") and ends at most
# this far after it ("accepted a United Nations proposal").
STEM_BEFORE = 60
STEM_AFTER = 90


def pattern_stems(alternatives: list[str]) -> tuple[Stem, ...] | None:
    stems = [stem_of(alternative) for alternative in alternatives]
    return None if None in stems else tuple(sorted({stem for stem in stems if stem}))


# --- terms ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Term:
    """Words that name a ceasefire; `stems` as for cues (see stems.py)."""

    kind: TermKind
    pattern: re.Pattern[str]
    stems: tuple[Stem, ...] | None
    scan: StemmedPattern
    stem_texts: frozenset[str] | None = field(init=False, repr=False, compare=False)
    # `pattern`, searched over a whole sentence only at the words it can begin with (word_anchored.py)
    anchored: WordAnchoredPattern = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # The set the sentence's stems are tested against, built once rather than per sentence.
        texts = None if self.stems is None else frozenset(stem.text for stem in self.stems)
        object.__setattr__(self, "stem_texts", texts)
        object.__setattr__(self, "anchored", WordAnchoredPattern(self.pattern))


def _term(kind: TermKind, alternatives: str | list[str]) -> Term:
    """`alternatives`: a list of regexes, or one string of them separated by whitespace."""
    parts = alternatives.split() if isinstance(alternatives, str) else alternatives
    return Term(
        kind,
        re.compile(words_pattern(*parts), FLAGS),
        pattern_stems(parts),
        StemmedPattern(parts, FLAGS, STEM_BEFORE, STEM_AFTER),
    )


STRONG_TERM = _term("strong", lexicons.patterns("ceasefire", "terms", "strong"))

# Words that stand for a ceasefire only once the article has named one ("the deal").
WEAK_TERM = _term("weak", lexicons.patterns("ceasefire", "terms", "weak"))
# A truce named by a strong or a weak term: the alternation, for patterns that embed it, and compiled.
TRUCE_ALTERNATION = "(?:" + STRONG_TERM.pattern.pattern + "|" + WEAK_TERM.pattern.pattern + ")"
NAMES_A_TRUCE = re.compile(TRUCE_ALTERNATION, re.IGNORECASE)


def _halt_alternatives() -> list[str]:
    """ "agreed to stop all firing", "a moratorium on strikes": each language's halting verbs,
    with its verb endings, before its objects."""
    alternatives = lexicons.patterns("ceasefire", "halt", "phrases")
    for code in lexicons.LANGUAGES:
        halt = lexicons.entry(code, "ceasefire", "halt") or {}
        objects = "|".join(halt.get("objects") or [])
        if objects:
            endings = halt.get("verb_endings", "")
            alternatives += [rf"{verb}{endings}\s+(?:{objects})" for verb in halt.get("verbs") or []]
    return alternatives


HALT_TERM = _term("halt", _halt_alternatives())

# "it collapsed", "violating it", "elle n'a tenu que": each language's pronouns for a truce (ceasefire.pronouns).
PRONOUN_TERM = re.compile(words_pattern(*lexicons.patterns("ceasefire", "pronouns")), FLAGS)
# The same, tried only at the words it can begin with: opening with lookbehinds, it cannot skip
# ahead in C, and searching a sentence cost more than all its terms (word_anchored.py).
PRONOUNS = WordAnchoredPattern(PRONOUN_TERM)

# "withdraw from the cities it holds": a subject pronoun right after a determiner and one noun, with no
# comma or relative word between, opens a relative clause English writes without its "that"; the verb
# after it says what the pronoun's referent does to that noun, not what a truce does
# (ceasefire.reduced_relatives: the determiner, the noun and the pronoun).
_REDUCED_RELATIVES = lexicons.patterns("ceasefire", "reduced_relatives")
_REDUCED_RELATIVE = (
    re.compile(r"\b(?:" + "|".join(_REDUCED_RELATIVES) + r")\s*$", FLAGS) if _REDUCED_RELATIVES else None
)
_REDUCED_RELATIVE_REACH = 50  # a determiner, one noun and the pronoun


def after_a_reduced_relative(text: str, position: int) -> bool:
    """True if a relative clause without its relative word opens right before `position` ("the
    territory it| controls"): the pronoun there stands for no truce, and the verb at `position` is its own."""
    return _REDUCED_RELATIVE is not None and (
        _REDUCED_RELATIVE.search(text, max(0, position - _REDUCED_RELATIVE_REACH), position) is not None
    )


# "The ceasefire between the Kurdish-led SDF, backed by Washington, and the government in
# Damascus was extended": the parties named after a truce are part of its noun phrase, so the
# verb's distance is counted from their "and", and the ", and" that closes the pair breaks no clause.
_PARTIES_REACH = 110  # characters from "between" to the "and" of its pair (a name with a short description)
PARTIES_AFTER = re.compile(
    r"\s+(?:"
    + "|".join(lexicons.patterns("ceasefire", "between"))
    + rf")\s[^.;:]{{1,{_PARTIES_REACH}}}?[\s,](?:"
    + "|".join(re.escape(word) for word in lexicons.words("grammar", "connectors"))
    + r")\s",
    FLAGS,
)
