"""A cue that reaches over a description of its truce: "trotz der in Doha ausgehandelten Waffenruhe",
"La tregua de 72 horas acordada por … con la mediación de … expiró".

`attachment` lets a cue speak of a term only within its reach; a participial description of the
truce (of its making or its taking effect) or a date naming it may stand between them and lengthen
that reach. These rules, split from `attachment`, say when.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from services.extraction.ceasefire.cues import AGREEMENT_CUES, CUES, Cue
from services.extraction.text import months

if TYPE_CHECKING:
    from services.extraction.ceasefire.attachment import TermSpan

# "trotz der in Doha ausgehandelten Waffenruhe", "despite a Qatari-brokered truce": "despite" may
# reach over a description of the truce, up to this far.
_DESPITE_OVER_DESCRIPTION = 60
# A verb after a truce and its participial description ("acordada por … con la mediación de …"):
# how far it may stand, and where the description's participle must begin ("de 72 horas acordada").
_DESCRIBED_REACH = 220
_DESCRIPTION_OPENING = 30
_MAIN_VERB_GAP = 60  # the cues that reach this far are the verbs of their clause ("expired", "took effect")
# Between a describing participle and its truce: an adjective at most ("ausgehandelten humanitären Waffenruhe"),
# and the first half of a compound ("verkündeten Oster-Waffenruhe").
_DESCRIBES_NEXT = re.compile(r"\s*(?:[^\W\d_]+\s+)?(?:[^\W\d_]+-)?")


# What may open a truce's description: the participle of its making ("acordada por …") or of its taking
# effect ("La trêve entrée en vigueur le 24 novembre entre … et …, …, a été prolongée").
_DESCRIPTION_OPENERS: tuple[Cue, ...] = (
    *AGREEMENT_CUES,
    *(cue for cue in CUES if cue.status == "in_effect" and cue.name == "took_effect" and cue.side == "after"),
)


def after_a_description(text: str, cue: Cue, term: TermSpan, start: int) -> bool:
    """ "La tregua de 72 horas acordada por … con la mediación de … expiró": the verb after a long
    participial description of the truce (a participle of its making or taking effect right after the
    term, or after its duration) still speaks of the truce; the caller checks that no clause break
    stands between."""
    if cue.status in ("agreed", "proposed") or cue.gap < _MAIN_VERB_GAP or term.kind == "pronoun":
        return False  # (a cue of short reach, "began", "fragile", is no main verb)
    if not cue.gap < start - term.end <= _DESCRIBED_REACH:
        return False
    opening = text[term.end : min(start, term.end + _DESCRIPTION_OPENING)]
    return any(participle.pattern.search(opening) for participle in _DESCRIPTION_OPENERS)


# The participles that describe a truce before its noun: an agreement's ("ausgehandelten") and one
# of a truce in force ("trotz der seit Oktober geltenden Waffenruhe").
_DESCRIBING_CUES: tuple[Cue, ...] = (
    *AGREEMENT_CUES,
    *(cue for cue in CUES if cue.status == "in_effect" and cue.name == "took_effect" and cue.side == "before"),
)


# A date before the truce's noun names it: a determiner, a month (abbreviated or not), a day, a year.
_NAMING_DATE = re.compile(
    r"\s+(?:[^\W\d_]+\s+)?(?:(?:" + months.alternation(folded=True) + r"|[a-z]{3,4}\.)\s+)?(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?"
    r"(?:(?:19|20)\d\d\s+)?",
    re.IGNORECASE,
)

# The cues of short reach that govern the truce as a preposition or a noun does ("despite", "seit
# Inkrafttreten der"): a description of the truce may stand between them and its noun.
_OVER_A_DESCRIPTION = ("despite", "entry_into_force")


def despite_a_description(text: str, cue: Cue, term: TermSpan, end: int) -> bool:
    """ "trotz der in Doha ausgehandelten Waffenruhe", "trotz der seit Oktober geltenden Waffenruhe",
    "nach dem Inkrafttreten der von Moskau angekündigten Feuerpause": the words between describe the truce;
    so does the date that names it ("despite the November 2024 ceasefire", "despite the Oct. 10 truce")."""
    if cue.name not in _OVER_A_DESCRIPTION or term.kind == "pronoun" or not 0 <= term.start - end <= _DESPITE_OVER_DESCRIPTION:
        return False
    gap = text[end : term.start]
    if _NAMING_DATE.fullmatch(gap) is not None and any(char.isdigit() for char in gap):
        return True
    return any(
        _DESCRIBES_NEXT.fullmatch(gap[match.end() :]) is not None
        for agreement in _DESCRIBING_CUES
        for match in agreement.pattern.finditer(gap)
    )
