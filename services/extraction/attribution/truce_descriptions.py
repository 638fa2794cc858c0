"""A date that describes the truce dates the truce, not the figures of the sentence.

"accused each other of violating the ceasefire agreed in Doha last month, after shelling that killed
five civilians", "le cessez-le-feu conclu à Doha le mois dernier", "die im vergangenen Monat in Doha
vereinbarte Waffenruhe": the time in the participle (or German prenominal attribute) of the truce's
making tells when the truce was made; the killing is today's news. The ceasefire reader finds
those descriptions already (ceasefire/describing_clauses.py); here a figure's background cues that
stand inside one are left out, unless a figure stands inside it too ("the ceasefire signed in 2022
after a war that killed 600,000" keeps its cues). Relative clauses ("the truce that ended the 2020
war") are left to the cues: their war is often the toll's.
"""

from __future__ import annotations

from typing import Final

from services.extraction.ceasefire.describing_clauses import (
    describing_attributes,
    describing_relatives,
    opens_a_relative,
)
from services.extraction.lexicon import lexicons
from services.extraction.text.fold import fold

# "The ceasefire was first agreed in Doha on October 19 after clashes in which 23 were killed": a
# finite verb before the participle makes it the sentence's own predicate, no description; its date
# dates the clashes it tells too.
_FINITE: Final = frozenset(
    word
    for name in ("copulas", "auxiliaries", "lump_links", "singular_links")
    for phrase in lexicons.words("grammar", name)
    for word in phrase.split()
) - {"a"}  # (French "a" is also an article and, folded, the preposition "à")
_LEAD_WORDS: Final = 3  # the span's first words, where a finite verb would stand ("was first agreed")


def cues_outside_truce_descriptions(
    sentence: str, cues: list[int], cues_after: list[int], figure_starts: list[int]
) -> tuple[list[int], list[int]]:
    """`cues` and `cues_after` without those inside a participle or attribute describing a truce
    that holds no figure."""
    folded = fold(sentence)
    spans = [
        span
        for span in describing_relatives(folded)
        if not opens_a_relative(folded, span) and _FINITE.isdisjoint(folded[span[0] : span[1]].lower().split()[:_LEAD_WORDS])
    ]
    spans += describing_attributes(folded)
    spans = [(a, b) for a, b in spans if not any(a <= start < b for start in figure_starts)]
    if not spans:
        return cues, cues_after

    def outside(cue: int) -> bool:
        return not any(a <= cue < b for a, b in spans)

    return [c for c in cues if outside(c)], [c for c in cues_after if outside(c)]
