"""The words that name a ceasefire, in English, Portuguese, Spanish and French.

A strong TERM names one outright ("truce", "cessar-fogo", "cessez-le-feu", "cessation of
hostilities"); a weak one ("deal", "pause", "acuerdo") stands for one only in an article that
names a ceasefire outright; a halt phrase ("agreed to stop all firing", "a moratorium on
strikes") is a ceasefire without the word. Patterns run on accent-folded text, case-insensitively.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from services.extraction.ceasefire_stems import Stem, StemmedPattern, stem_of

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
    """Words that name a ceasefire; `stems` as for cues (see ceasefire_stems)."""

    kind: TermKind
    pattern: re.Pattern[str]
    stems: tuple[Stem, ...] | None
    scan: StemmedPattern
    stem_texts: frozenset[str] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # The set the sentence's stems are tested against, built once rather than per sentence.
        texts = None if self.stems is None else frozenset(stem.text for stem in self.stems)
        object.__setattr__(self, "stem_texts", texts)


def _term(kind: TermKind, alternatives: str | list[str]) -> Term:
    """`alternatives`: a list of regexes, or one string of them separated by whitespace."""
    parts = alternatives.split() if isinstance(alternatives, str) else alternatives
    return Term(
        kind,
        re.compile(words_pattern(*parts), FLAGS),
        pattern_stems(parts),
        StemmedPattern(parts, FLAGS, STEM_BEFORE, STEM_AFTER),
    )


# fmt: off
STRONG_TERM = _term("strong", r"""
    cease-?\s?fires? truces? armistices? humanitarian\s+(?:pauses?|windows?)
    cessation\s+(?:of|to)\s+(?:the\s+|all\s+)?hostilities end\s+(?:of|to)\s+(?:the\s+|all\s+)?hostilities
    halt\s+(?:of|to)\s+(?:the\s+|all\s+)?hostilities
    cessar-?\s?(?:o\s+)?fogo treguas? armisticios? pausas?\s+humanitarias? cessac(?:ao|oes)\s+(?:das\s+)?hostilidades
    fim\s+das\s+hostilidades alto\s+(?:el|al)\s+fuego cese\s+(?:al|del|el)\s+fuego cese\s+de\s+(?:las\s+)?hostilidades
    fin\s+de\s+las\s+hostilidades cessez-le-feu cesser\s+le\s+feu treves? pauses?\s+humanitaires?
    cessation\s+des\s+(?:hostilites|combats) fin\s+des\s+(?:hostilites|combats) arret\s+des\s+(?:hostilites|combats)
""")

# Words that stand for a ceasefire only once the article has named one ("the deal").
WEAK_TERM = _term("weak", r"""
    deal agreement accords? pact arrangement understanding pledge pause lull de-escalation\s+(?:deal|agreement)
    acordo acuerdo cese pacto pausa entendimento entendimiento pacte entente
""")
# fmt: on

# "agreed to stop all firing", "called on both sides to stop fighting", "a moratorium on strikes".
_HALTED = (
    r"(?:all\s+|the\s+|its\s+|their\s+)?(?:firing|fighting|hostilities|attacks|strikes|shelling|bombing|"
    r"bombardments?|military\s+action|offensive\s+operations)"
)
_HALTED_ROMANCE = (
    r"(?:os\s+|as\s+|los\s+|las\s+|les\s+)?(?:combates|hostilidades|ataques|bombardeios|bombardeos|combats|"
    r"hostilites|attaques|frappes|bombardements)"
)
HALT_TERM = _term(
    "halt",
    [r"moratorium\s+on"]
    + [rf"{verb}(?:s|ed|ped|ping|ing)?\s+{_HALTED}" for verb in ("stop", "halt", "cease", "suspend", "pause")]
    + [
        rf"{verb}(?:am|em|ou|on|an|ont)?\s+{_HALTED_ROMANCE}"
        for verb in (
            "cessar",
            "suspender",
            "interromper",
            "parar",
            "cesar",
            "detener",
            "cesser",
            "suspendre",
            "arreter",
        )
    ],
)

PRONOUN_TERM = re.compile(r"\b(?:it|them)\b", FLAGS)
