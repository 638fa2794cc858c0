"""A truce said to hold or to have taken effect, conceding a killing or an attack in the same
sentence, was violated: "The truce has largely held, though a soldier was killed by sniper fire",
"Die Waffenruhe hält weitgehend, auch wenn am Freitag zwei Soldaten erschossen wurden". The
concession (ceasefire.concessions) must follow the holding cue in its sentence, and an act of
violence (ceasefire.conceded_acts) must follow the concession: incidents, tensions or complaints
conceded ("auch wenn es immer wieder zu Zwischenfällen kommt") break nothing, nor does an act of
armed groups outside the truce ("although five soldiers were killed in a clash with militants":
a truce between states or armies does not bind jihadists or gunmen; ceasefire.conceded_non_parties),
nor one only threatened ("but warned it would resume attacks"; ceasefire.conceded_hypotheticals).
As "despite the truce" reads an attack against it, so does "held, though …".
"""

from __future__ import annotations

import re

from services.extraction.ceasefire.context import Hit
from services.extraction.lexicon import lexicons

_HOLDING = frozenset(("holding", "took_effect"))
_CONCESSIONS = lexicons.patterns("ceasefire", "concessions")
_ACTS = lexicons.patterns("ceasefire", "conceded_acts")
_NON_PARTIES = lexicons.patterns("ceasefire", "conceded_non_parties")
# an attack only threatened or feared is none yet: "but Israel warned it would resume attacks"
_HYPOTHETICALS = lexicons.patterns("ceasefire", "conceded_hypotheticals")
_CONCESSION_REACH = 120  # "has largely held along the Line of Control, officials said on Friday, though"
_ACT_REACH = 100  # "though a soldier on patrol near the border was killed"
_CONCEDED = re.compile(
    rf"[^.;:!?]{{0,{_CONCESSION_REACH}}}?,\s*(?:{'|'.join(_CONCESSIONS)})\s"
    rf"[^.;:!?]{{0,{_ACT_REACH}}}?\b(?:{'|'.join(_ACTS)})\b",
    re.IGNORECASE,
)
_NON_PARTY = re.compile(rf"\b(?:{'|'.join(_NON_PARTIES)})\b", re.IGNORECASE)
_HYPOTHETICAL = re.compile(rf"\b(?:{'|'.join(_HYPOTHETICALS)})\b", re.IGNORECASE)
_AGENT_REACH = 60  # "killed in a clash with militants near the border": who did it, after the act


def with_conceded_attacks(text: str, hits: list[Hit]) -> list[Hit]:
    """The hits, and a violation for each holding one that concedes an attack after it."""
    if any(hit.status == "violated" for hit in hits):
        return hits
    for hit in hits:
        if hit.status == "in_effect" and hit.cue.name in _HOLDING:
            conceded = _CONCEDED.match(text, hit.end)
            if (
                conceded is not None
                and not _NON_PARTY.search(text, conceded.start(), conceded.end() + _AGENT_REACH)
                and not _HYPOTHETICAL.search(text, conceded.start(), conceded.end())
            ):
                return [*hits, Hit("violated", hit.cue, hit.start, hit.end)]
    return hits
