"""A cue read in its context: what news language does to a status word.

- negated ("has not held", "sin que lograran acordar su renovación"): nothing — except that a
  refused agreement is a proposal and a truce "not respected" is violated (negations.py);
- a condition ("if a truce took hold", "in return for extending the pause"): nothing yet;
- a modal or an aim ("could sign", "pressing both sides to accept", "com o objetivo de
  alcançar"): an agreement becomes a proposal, anything else is dropped;
- a reporting verb ("…, the ministry announced", "announced that …"): not an announcement
  (reported_speech.py);
- a call to keep to a truce that exists ("urged both sides to respect the truce"): no proposal
  (keeping.py);
- one cue serving another: absorbed by it (absorption.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from services.extraction.ceasefire.cues import FUTURE_MARKERS, PLUPERFECT, Cue
from services.extraction.ceasefire.ends_to_come import a_start_only_due, an_end_to_come
from services.extraction.ceasefire.keeping import keeps_to_a_truce, kept_to_before
from services.extraction.ceasefire.naming import calls_for_nothing
from services.extraction.ceasefire.negations import (
    DECLARED_OVER,
    NEGATED_AFTER_OBJECT,
    NEGATION,
    NEGATION_AFTER,
    NEGATION_BY_LANGUAGE,
    NOBODY_AFTER_OBJECT,
)
from services.extraction.ceasefire.readiness import readies_a_truce
from services.extraction.ceasefire.reported_speech import (
    REPORTING,
    REPORTING_SPEAKER,
    REPORTING_VERB,
    object_is_a_truce,
    reports_a_clause,
)
from services.extraction.ceasefire.word_anchored import WordAnchoredPattern
from services.extraction.lexicon import lexicons
from streams.events import CeasefireStatus

_FLAGS = re.IGNORECASE
_CONTEXT = 36  # characters before a cue read for negation, modality and "to"
_UNDER_CLAUSE = 80  # "Under the deal, Hamas is to release …": how far the clause after "under" is read for a future
_VIOLATIONS_OF_REACH = 30  # "human rights violations": the noun right before "violations"
_AFTER_TALKS_REACH = 40  # "reached after ten days of talks": "after" a few words before the talks
_HELD_SUBJECT_REACH = 22  # "talks were held": the noun right before "held"
_HELD_OBJECT_REACH = 16  # "held hostages": the noun right after "held"
_AGREED_TO_REACH = 45  # "agreed on Monday to": the verb that governs a "to" before the cue
_GOVERNING_VERB_REACH = 60  # "agreed on Monday to an immediate truce": the verb before a demand adjective


@dataclass(frozen=True, slots=True)
class Hit:
    """A cue that attached to a ceasefire term: its status and where it is in the sentence."""

    status: CeasefireStatus
    cue: Cue
    start: int
    end: int
    history: bool = False  # told as the past of a truce the sentence ends (cue_choice.in_force_until_the_end)


# A modal makes an agreement a possibility (a proposal); a condition makes it nothing yet.
HYPOTHETICAL = re.compile(
    r"\b(?:can|could|(?-i:may)|might|would\s+require|pode|poderia|podria|puede|pourrait|peut)\s+(?:\S+\s+){0,3}$",
    _FLAGS,  # "may" in lowercase only: "in May" is a month
)
# "Hamas said it would accept the deal", "will sign": an agreement still to come is a proposal.
FUTURE = re.compile(r"\b(?:will|would|shall|'ll)\s+(?:\S+\s+)?$", _FLAGS)
# every language's conditions (ceasefire.conditions): "if the truce holds", "ob die Waffenruhe hält"
CONDITIONAL = WordAnchoredPattern(re.compile(
    r"\b(?:" + "|".join(lexicons.patterns("ceasefire", "conditions")) + r")\s+(?:\S+\s+){0,6}$", _FLAGS
))  # tried only at its words (word_anchored.py): scanned, it cost more than the rest of the context
# Romance infinitives: "com o objetivo de alcançar um cessar-fogo", "à conclure un cessez-le-feu" — an aim.
ROMANCE_INFINITIVE = re.compile(
    r"(?:acordar|alcancar|alcanzar|firmar|assinar|concluir|conclure|signer|accepter|aceitar|aceptar|pactar|obtenir|"
    r"parvenir|negociar|negocier|arracher|obter|obtener|lograr)$",
    _FLAGS,
)
# …unless a decision or an announcement governs it: "le Hamas a annoncé accepter la proposition".
DECIDED_INFINITIVE = re.compile(
    r"\b(?:annonce|decide|anunciou|decidiu|anuncio|decidio|acordaron|acordaram|resolveu|resolvio)\s+$", _FLAGS
)
# "to <verb>" is a statement only after "agreed"/"decided" or "appeared to be"; otherwise it is an
# aim ("pressing … to accept", "expected to be announced").
INFINITIVE = re.compile(r"\bto\s+(?:be\s+)?$", _FLAGS)
AGREED_BEFORE_INFINITIVE = re.compile(
    r"\b(?:agree[sd]?|decided?|voted|appear(?:s|ed)?|seem(?:s|ed)?|acordaron|acordaram|"
    r"concordaram|decidiu|decidio)\b",
    _FLAGS,
)
# "talks" that already ended in the deal ("reached after ten days of talks") propose nothing.
AFTER_TALKS = re.compile(r"\b(?:after|following|at|apres|depois|apos|tras|tras\s+de|nach)\b", _FLAGS)
# "remained committed to the truce" restates an old commitment; it announces nothing.
RESTATED = re.compile(r"\b(?:remain(?:s|ed)?|still|stay(?:s|ed)?)\s+$", _FLAGS)
# "human rights violations" are not truce violations.
NOT_TRUCE_VIOLATIONS = re.compile(r"\b(?:rights|humanitarian\s+law|direitos|derechos|droits|sanctions)\b", _FLAGS)
# "violations of international law", "violações dos direitos humanos"
OF_SOMETHING_ELSE = re.compile(
    r"\s+(?:of|de|dos|das|del|des|du)\s+(?:the\s+|o\s+|la\s+|le\s+)?(?:international|humanitarian|human|rights|law|"
    r"direito|direitos|derecho|derechos|droit|droits|sanctions|airspace|sovereignty|soberania|souverainete)",
    _FLAGS,
)
# "renewed its call for a truce", "renovó su llamamiento a una tregua": what is renewed is the call.
RENEWED_CALL = re.compile(
    r"\s+(?:(?:its|their|his|her|the|a|an|o\s+seu|a\s+sua|os\s+seus|seu|sua|su|sus|son|sa|ses|leur|leurs|el|la|le|l')\s*)?"
    r"(?:calls?|appeals?|demands?|pleas?|requests?|push|offers?|proposals?|apelos?|pedidos?|chamados?|llamad[oa]s?|"
    r"llamamientos?|peticion(?:es)?|propuestas?|propostas?|appels?|demandes?|propositions?)\b",
    _FLAGS,
)
# "renewed his criticism of the deal", "renovó su apoyo al acuerdo": what is renewed is the
# noun after the verb; the truce is only its complement.
_TRUCE_NOUNS = (
    r"truce|truces|ceasefire|cease-fire|tregua|treguas|treve|cessar-fogo|cese|alto|cessez-le-feu|deal|agreement|"
    r"pause|acordo|acuerdo|accord|pact|pacto|pacte|mandate|mandato|mandat|armistice"
)
RENEWED_OTHER = re.compile(
    r"\s+(?:(?:its|their|his|her|the|o|a|os|as|seu|sua|seus|suas|su|sus|son|sa|ses|leur|leurs|el|la|le|los|las|les)\s+){1,2}"
    rf"(?!(?:{_TRUCE_NOUNS})\b)[a-z]+\s+(?:for|of|to|on|with|ao|a|al|de|do|da|du|des|del|pour|por|para|con|com|avec)\b",
    _FLAGS,
)
# "the operation ended after the deal", "terminou após o acordo", "a pris fin après l'accord"
ENDED_AFTER = re.compile(
    r"\s+(?:after|following|under|with|apos|depois\s+d[oae]|tras|despues\s+de|luego\s+de|apres|com|con|avec|sob|bajo|sous)\b",
    _FLAGS,
)
# "agreed to an immediate truce": the adjective that marks a demand takes the status of the verb
# that governs it — an agreement, not a proposal.
AGREEMENT_VERB = re.compile(
    r"\b(?:agree[sd]?|signed|declared|announced|accepted|reached|acordaron|acordaram|concordaram|anunci(?:ou|o|aron|aram)|"
    r"acuerdan?|acordam|pactan|conviennent|"
    r"declar(?:ou|o|aron|aram)|aceit(?:ou|aram)|acept(?:o|aron)|firm(?:o|aron)|assinaram|assinou|convenu|accepte|"
    r"annonce|decrete|sign[eé])\b",
    _FLAGS,
)
DEMAND_ADJECTIVE = re.compile(r"(?:immediate|inmediato|imediato|immediat)", _FLAGS)

# "punish any side that violates the truce", "cualquier parte que viole la tregua": a violator
# named only as whoever might be one (ceasefire.any_party) reports no violation.
ANY_PARTY = WordAnchoredPattern(
    re.compile(r"\b(?:" + "|".join(lexicons.patterns("ceasefire", "any_party")) + r")\b", _FLAGS)
)


# "The truce is part of a 20-point plan", "Die Waffenruhe ist Teil eines Plans": the plan is the
# truce's context, no proposal (ceasefire.part_of).
PART_OF = re.compile(r"\b(?:" + "|".join(lexicons.patterns("ceasefire", "part_of")) + r")\s+[^,;.]{0,25}$", _FLAGS)
_PART_OF_REACH = 40  # "part of a 20-point US", "Teil eines 20-Punkte-": the words before the plan

# Things that are "held" or "holding" without being a truce ("talks held in Doha", "hostages held").
NOT_A_TRUCE_HELD = re.compile(r"\b(?:talks|negotiations|meeting|hostages?|prisoners?|captives?|elections?)\b", _FLAGS)


def read_in_context(text: str, hit: Hit, language: str | None = None, object_end: int | None = None) -> Hit | None:
    """The hit as its context reads it: dropped if negated or hypothetical, a proposal if only urged.
    `object_end`: where the truce ends that the cue governs from before it, if it does."""
    before = words_before(text, hit.start, _CONTEXT)
    clause = before[max(before.rfind(","), before.rfind(";"), before.rfind(":")) + 1 :]  # re.split(r"[,;:]", before)[-1], without a regex call
    if hit.cue.name == "called_for":
        clause = ""  # the cue opens its own relative clause: "ended without agreement on the truce that Kyiv pushed for"
    negation = NEGATION_BY_LANGUAGE.get(language or "", NEGATION)
    if hit.status == "agreed" and REPORTING_VERB.match(text, hit.start) and reports_a_clause(text, hit.end, hit.start):
        # "announced that …": no announcement of a truce, and what the clause denies refuses none
        return None
    if (
        negation.search(clause)
        or NEGATION_AFTER.match(text, hit.end)
        or (object_end is not None and NOBODY_AFTER_OBJECT.match(text, object_end))
        or (object_end is not None and NEGATED_AFTER_OBJECT.match(text, object_end))
    ):
        if hit.status == "agreed":
            return Hit("proposed", hit.cue, hit.start, hit.end)  # "would not agree to a ceasefire": refused
        if hit.cue.name == "holding":
            return Hit("violated", hit.cue, hit.start, hit.end)  # "the truce has not been respected"
        if hit.cue.name in ("talks", "proposal"):
            return None  # "no talks on a truce are planned", "no ceasefire proposals were on the agenda": nothing proposed
        if hit.status != "proposed":  # a vetoed resolution calling for a truce was still proposed
            return None
    if (
        hit.status == "agreed"
        and object_end is not None
        and REPORTING_VERB.match(text, hit.start)
        and DECLARED_OVER.match(text, object_end)
    ):
        return Hit("collapsed", hit.cue, hit.start, hit.end)  # "declared the ceasefire over": ended
    if (
        hit.status == "agreed"
        and ROMANCE_INFINITIVE.search(text, hit.start, hit.end)
        and not DECIDED_INFINITIVE.search(before)
    ):
        return Hit("proposed", hit.cue, hit.start, hit.end)  # "com o objetivo de alcançar um cessar-fogo"
    if (
        hit.status == "agreed"
        and REPORTING.search(before)
        and REPORTING_VERB.match(text, hit.start)
        and REPORTING_SPEAKER.match(text, hit.end)
        and not object_is_a_truce(text, hit.end)
    ):
        return None  # "…, announced the ministry": a speech tag, not an announcement
    if hit.cue.name == "violations" and (
        NOT_TRUCE_VIOLATIONS.search(before[-_VIOLATIONS_OF_REACH:]) or OF_SOMETHING_ELSE.match(text, hit.end)
    ):
        return None
    if hit.status == "collapsed" and hit.cue.side == "before" and ENDED_AFTER.match(text, hit.end):
        return None  # "a operação terminou após o acordo": something else ended, after the truce
    if hit.status == "collapsed" and an_end_to_come(text, hit.start, hit.end, language):
        return None  # "que debía expirar el viernes", "wäre ausgelaufen": it has not ended
    if hit.status == "in_effect" and a_start_only_due(text, hit.start, hit.end, language):
        return None  # "aurait dû entrer en vigueur", "deveria ter entrado em vigor": not said to have
    if hit.status == "extended" and (RENEWED_CALL.match(text, hit.end) or RENEWED_OTHER.match(text, hit.end)):
        return None  # the call is renewed; the "calls" cue reads it as a proposal
    if (
        hit.cue.name == "proposal"
        and DEMAND_ADJECTIVE.match(text, hit.start)
        and _governed_by_agreement(text, hit.start)
    ):
        return Hit("agreed", hit.cue, hit.start, hit.end)
    if hit.cue.name == "talks" and AFTER_TALKS.search(before[-_AFTER_TALKS_REACH:]):
        return None
    if hit.cue.name == "holding" and (
        NOT_A_TRUCE_HELD.search(before[-_HELD_SUBJECT_REACH:])
        or NOT_A_TRUCE_HELD.match(text, hit.end + 1, hit.end + _HELD_OBJECT_REACH)
    ):
        return None
    if hit.cue.name == "under" and (
        FUTURE_MARKERS.search(_clause_after(text, hit.end)) or PLUPERFECT.search(clause + _clause_after(text, hit.end))
    ):
        return (
            None  # "Under the deal, prisoners will be exchanged", "had been freed under the deal": not its terms today
        )
    if hit.cue.name == "ready" and not readies_a_truce(text, hit.end):
        return None  # "ready for an offensive if the truce collapses": readiness for something else
    if hit.status == "proposed" and calls_for_nothing(text, hit.cue, hit.start, hit.end, before, language):
        return None  # "called the attack a violation", "what he called a breach", "como exige el acuerdo"
    if hit.status == "proposed" and hit.cue.name in ("proposed", "calls", "ready") and keeps_to_a_truce(text, hit.end, language):
        return None  # "urged both sides to respect the truce": it exists; nothing is proposed
    if hit.cue.name == "proposal" and hit.cue.side == "after" and kept_to_before(text, hit.start, language):
        return None  # "hat zur Einhaltung der Waffenruhe aufgerufen": a call closing its clause, to keep to the truce
    if hit.cue.name == "proposal" and PART_OF.search(text, max(0, hit.start - _PART_OF_REACH), hit.start):
        return None  # "the truce is part of a 20-point plan": the plan is context
    if hit.status == "violated" and ANY_PARTY.search(clause):
        return None  # "any side that violates the truce": no violation reported
    if CONDITIONAL.search(clause) or (hit.status == "agreed" and RESTATED.search(before)):
        return None
    wished = HYPOTHETICAL.search(clause) is not None
    if hit.status == "agreed" and hit.cue.name not in ("scheduled", "brokered") and FUTURE.search(clause):
        wished = True
    if INFINITIVE.search(before) and hit.status != "proposed":  # "racing to salvage the truce" is an effort still
        wished = wished or not AGREED_BEFORE_INFINITIVE.search(
            text[max(0, hit.start - _AGREED_TO_REACH) : hit.start - len(" to")]
        )
    if not wished:
        return hit
    if hit.status == "agreed" and hit.cue.name != "scheduled":
        return Hit("proposed", hit.cue, hit.start, hit.end)  # "urged both sides to sign a truce"
    return None



def _clause_after(text: str, end: int) -> str:
    """The rest of the clause after `end`, at most _UNDER_CLAUSE characters."""
    after = text[end : end + _UNDER_CLAUSE]
    stop = re.search(r"[;.]", after)
    return after if stop is None else after[: stop.start()]


def _governed_by_agreement(text: str, start: int) -> bool:
    """An agreement verb shortly before `start`, in the same clause ("agreed on Monday to an immediate …")."""
    window = max(0, start - _GOVERNING_VERB_REACH)
    verbs = list(AGREEMENT_VERB.finditer(text, window, start))
    if not verbs or any(mark in text[verbs[-1].end() : start] for mark in ",;:"):
        return False
    # "called on both militias to agree an immediate ceasefire": an agreement in the infinitive is
    # what a call asks for, and the demand stays a proposal
    return INFINITIVE.search(text, max(0, verbs[-1].start() - _CONTEXT), verbs[-1].start()) is None


def words_before(text: str, end: int, size: int) -> str:
    """Up to `size` characters before `end`, starting at a word: a cut "Yemen's" must not read as "n's"."""
    start = max(0, end - size)
    if start > 0 and text[start - 1].isalnum():
        space = text.find(" ", start, end)
        start = end if space < 0 else space + 1
    return text[start:end]
