"""Which of a sentence's cues speak: where cues overlap the longer one does ("due to take effect"
holds "take effect"); a cue before "despite" speaks of something else than the truce after it; an
agreement that only describes the truce ("the truce brokered by Qatar has held") is no news when
the sentence says what the truce did. And the truce a cue before it governs ("a proposal for a
truce"), which its context reads as the cue's object. Used by `sentence_hits.read_sentence`."""

from __future__ import annotations

import re
from dataclasses import replace

from services.extraction.ceasefire.attachment import TermSpan
from services.extraction.ceasefire.background import has_today
from services.extraction.ceasefire.context import Hit
from services.extraction.ceasefire.cues import PLUPERFECT, PLUPERFECT_BY_LANGUAGE
from services.extraction.lexicon import lexicons
from services.extraction.text.fold import fold

# A relative clause in the pluperfect after a truce tells its history ("eine Feuerpause, die im
# Oktober unter Vermittlung der USA zustande gekommen war", "the ceasefire it had declared"): the
# agreement in it is a description, not news, when the sentence says what the truce does now.
_RELATIVE_AFTER_TERM = re.compile(
    r"^(?:\s*,\s*(?:which|that|die|der|das|den|que|qui|quien|lequel|laquelle)\b|\s+(?:that|which|que|qui)\b|"
    r"\s+(?:it|they|he|she|we)\b)",
    re.IGNORECASE,
)
_HISTORY_REACH = 90  # characters of the relative clause read for its tense


def object_end(hit: Hit, terms: list[TermSpan]) -> int | None:
    """Where the truce ends that a cue before it governs ("a proposal for a truce"), if one follows
    within the cue's reach."""
    if hit.cue.side not in ("before", "any"):
        return None
    for term in terms:
        if term.kind != "pronoun" and hit.end <= term.start <= hit.end + hit.cue.gap:
            return term.end
    return None


def without_despite_objects(hits: list[Hit], terms: list[TermSpan]) -> list[Hit]:
    """ "El anuncio se produjo después de que, pese al cese al fuego, …": the truce after "despite"
    is that word's object; a cue before "despite" speaks of something else."""
    despite = [hit for hit in hits if hit.cue.name == "despite"]
    if not despite:
        return hits

    def object_of_despite(hit: Hit) -> bool:
        after = [term.start for term in terms if term.kind != "pronoun" and term.start >= hit.end]
        return (
            hit.cue.side in ("before", "any")
            and bool(after)
            and not any(term.end <= hit.start for term in terms if term.kind != "pronoun")
            and any(hit.end <= other.start and other.end <= after[0] for other in despite)
        )

    return [hit for hit in hits if hit.cue.name == "despite" or not object_of_despite(hit)]


def without_descriptions(text: str, hits: list[Hit], terms: list[TermSpan]) -> list[Hit]:
    """An agreement that only describes the truce ("the truce brokered by Qatar has held", "die
    vereinbarte Waffenruhe wurde verletzt") is no news when the sentence says what the truce did."""
    if not any(hit.status != "agreed" for hit in hits):
        return hits
    return [hit for hit in hits if hit.status != "agreed" or not _describes_a_term(text, hit, terms)]


def _describes_a_term(text: str, hit: Hit, terms: list[TermSpan]) -> bool:
    """Is the agreement cue inside a pluperfect relative clause that follows a truce?"""
    before = [term for term in terms if term.kind != "pronoun" and term.end <= hit.start]
    if not before:
        return False
    gap = text[before[-1].end : hit.start]
    clause = text[before[-1].end : before[-1].end + _HISTORY_REACH].split(";")[0]
    if _RELATIVE_AFTER_TERM.match(gap) is None or PLUPERFECT.search(clause) is None:
        return False
    # "Die Feuerpause, die Bagdad und Erbil am Montag vereinbart hatten, endete am Mittwoch": a day of
    # the story's week in the relative clause makes its agreement this story's news, not history
    close = text.find(",", hit.end)
    return not has_today(text[before[-1].end : close if close >= 0 else len(text)])


def drop_overlaps(hits: list[Hit]) -> list[Hit]:
    """Where cues overlap ("due to take effect" holds "take effect"), the longer one speaks."""
    kept: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (h.start - h.end, h.start)):
        if all(hit.end <= other.start or hit.start >= other.end for other in kept):
            kept.append(hit)
    return kept


def in_force_until_the_end(hits: list[Hit], terms: list[TermSpan], barriers: list[int]) -> list[Hit]:
    """A truce that the sentence tells ending was in force until then: what it says of its being in
    force is that truce's history, not news ("collapsed less than a week after its entry into force",
    "hat die seit Januar geltende Waffenruhe beendet", "se rompió dos días después de su entrada en
    vigor"). Only where the sentence names one truce, and its end is in the same clause."""
    ends = [hit for hit in hits if hit.status == "collapsed"]
    if not ends or not any(hit.status == "in_effect" for hit in hits):
        return hits
    if sum(term.kind != "pronoun" for term in terms) != 1:
        return hits  # "held a day after a rival truce in the north collapsed": another truce's end

    def same_clause(hit: Hit, end: Hit) -> bool:
        low, high = min(hit.start, end.start), max(hit.end, end.end)
        return not any(low <= barrier < high for barrier in barriers)

    return [
        replace(hit, history=True) if hit.status == "in_effect" and any(same_clause(hit, end) for end in ends) else hit
        for hit in hits
    ]


# "The local arrangement, brokered by elders in the spring, had largely held for five months": a truce's
# holding told in the pluperfect is its history before the story's events, and so is the agreement
# that describes it there — unless a reporting verb before it shifted the tense back ("officials said
# the truce had largely held", every lexicon's reporting_verbs).
_PLUPERFECT_REACH = 24  # "had largely", "avait jusqu'ici": the auxiliary a few words before the holding verb
_REPORTED = re.compile(
    r"\b(?:" + "|".join(sorted({re.escape(fold(verb)) for verb in lexicons.words("reporting_verbs")}, key=len, reverse=True))
    + r"|says|told|according)\b",
    re.IGNORECASE,
)


def held_before_the_story(text: str, hits: list[Hit], language: str | None = None) -> list[Hit]:
    """Holding told in the pluperfect (and an agreement describing the truce beside it) as history.
    The article's own auxiliaries when its language is known: "the truce that ended the war has held"
    is no German pluperfect ("war")."""
    pluperfect = PLUPERFECT_BY_LANGUAGE.get(language or "", PLUPERFECT)
    held = [
        hit
        for hit in hits
        if hit.cue.name == "holding"
        and hit.status == "in_effect"
        and pluperfect.search(text, max(0, hit.start - _PLUPERFECT_REACH), hit.end) is not None
        and _REPORTED.search(text, 0, hit.start) is None
    ]
    if not held:
        return hits
    others = [hit for hit in hits if hit not in held and hit.status != "agreed" and not hit.history]
    return [
        replace(hit, history=True)
        if hit in held or (not others and hit.status == "agreed" and hit.cue.name == "brokered")
        else hit
        for hit in hits
    ]
