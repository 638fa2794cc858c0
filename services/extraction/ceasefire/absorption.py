"""One cue serving another: "agreed to extend" is `extended`, "accepted a UN proposal" is
`agreed`, "proposed extending" is `proposed`. Within a sentence, once each cue has been read in
its context (context.py), the cue that only serves another is absorbed by it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from services.extraction.ceasefire.context import Hit
from services.extraction.lexicon import lexicons

_FLAGS = re.IGNORECASE
_FOLD_WINDOW = 60  # "agreed … to extend", "accepted a … proposal": how far one cue absorbs another
_OBJECT_BEFORE_EXTENSION = 6  # "the agreement to extend", "acuerdo para prorrogar": a truce this close heads the extension
_INFINITIVE_REACH = 70  # a proposal's infinitive at the end of a verb-final clause ("…, die Waffenruhe um 30 Tage zu verlängern")
_MARKER_REACH = 6  # the infinitive marker right before the extension ("zu ", "to ", "de ")
_RESUMPTION_REACH = 20  # "announced on Wednesday the resumption of": a day and an article between

# The word that makes the verb after it an infinitive (ceasefire.infinitive_markers): "zu verlängern", "to extend".
INFINITIVE_MARKER = re.compile(
    r"\b(?:" + "|".join(lexicons.patterns("ceasefire", "infinitive_markers")) + r")\s+$", _FLAGS
)

# "talks on an extension", "über eine Verlängerung der Waffenruhe wird verhandelt": an extension
# after one of these (and an article) is the topic of something else (ceasefire.topic_prepositions).
TOPIC_BEFORE = re.compile(
    r"\b(?:" + "|".join(lexicons.patterns("ceasefire", "topic_prepositions")) + r")\s+(?:[^\W\d_]+\s+)?$", _FLAGS
)
_TOPIC_REACH = 24  # the preposition and an article before the extension


def fold_cues(
    hits: list[Hit],
    text: str = "",
    truces: Sequence[tuple[int, int]] = (),
    barriers: Sequence[int] = (),
) -> list[Hit]:
    """Let one cue absorb another that only serves it. `truces`: where the sentence names a truce
    (start, end); `barriers`: where its clauses break."""

    def follows(first: Hit, second: Hit, reach: int = _FOLD_WINDOW) -> bool:
        return first.end <= second.start <= first.end + reach

    def own_truce(first: Hit, second: Hit) -> bool:
        """ "declared the truce on April 2 and said the extension …": the agreement has its own
        truce between them, not one that only heads the extension ("a truce extension", "the
        agreement to extend")."""
        return any(first.end <= start and end + _OBJECT_BEFORE_EXTENSION < second.start for start, end in truces)

    def infinitive_of(proposal: Hit, extension: Hit) -> bool:
        """ "Einen Vorschlag Selenskyjs, die Waffenruhe um 30 Tage zu verlängern": an extension in
        the infinitive, in the proposal's clause, however far a verb-final clause puts it."""
        return (
            follows(proposal, extension, _INFINITIVE_REACH)
            and INFINITIVE_MARKER.search(text, max(0, extension.start - _MARKER_REACH), extension.start) is not None
            and not any(proposal.end <= barrier < extension.start for barrier in barriers)
        )

    def topic_of(talks: Hit, extension: Hit) -> bool:
        """ "In Kairo wird über eine Verlängerung der Waffenruhe verhandelt": an extension that is
        the topic of talks or a proposal in its clause, on either side of it."""
        return (
            talks.cue.name in ("talks", "proposal")
            and TOPIC_BEFORE.search(text, max(0, extension.start - _TOPIC_REACH), extension.start) is not None
            and not any(min(talks.end, extension.end) <= b < max(talks.start, extension.start) for b in barriers)
        )

    kept: list[Hit] = []
    for hit in hits:
        others = [other for other in hits if other is not hit]
        if hit.status == "agreed" and any(
            o.status == "extended" and follows(hit, o) and not own_truce(hit, o) for o in others
        ):
            continue  # "agreed on Monday to extend the truce": an extension
        if hit.status == "agreed" and any(
            o.status == "extended" and follows(o, hit) and not any(o.end <= b < hit.start for b in barriers)
            for o in others
        ):
            continue  # "An extension of the truce was agreed", "sich auf eine Verlängerung … geeinigt": an extension
        if hit.status == "agreed" and any(
            o.cue.name == "resumed" and follows(hit, o, _RESUMPTION_REACH) and not own_truce(hit, o) for o in others
        ):
            continue  # "anunció la reanudación del alto el fuego": the truce is in effect again, not newly agreed
        if hit.cue.name == "resumed" and any(
            o.status == "proposed" and follows(o, hit, _RESUMPTION_REACH) for o in others
        ):
            continue  # "llamó a la reanudación de la tregua": the resumption is what is called for
        if hit.status == "agreed" and any(o.cue.name == "talks" and follows(hit, o, 25) for o in others):
            continue  # "agreed to talks on a truce": still a proposal
        if hit.cue.name in ("proposal", "talks") and any(
            o.status == "agreed" and o.cue.name != "brokered" and follows(o, hit, 30) for o in others
        ):
            continue  # "accepted a UN proposal": agreed
        if hit.status == "extended" and any(
            o.status == "proposed" and (follows(o, hit, 30) or infinitive_of(o, hit) or topic_of(o, hit)) for o in others
        ):
            continue  # "rejected a proposal to extend", "proposed extending the pause"
        if hit.cue.name == "fragile" and any(o.status == "collapsed" for o in others):
            continue  # "the fragile truce collapsed": it no longer stands
        if hit.status == "collapsed" and any(o.cue.name == "talks" and follows(o, hit, 45) for o in others):
            continue  # "les pourparlers en vue d'un cessez-le-feu ont échoué": the talks failed, not a truce
        kept.append(hit)
    return kept
