"""One sentence's ceasefire hits: its terms, the cues attached to them, each read in context.

Split from `statements` (which walks the article, dates each hit and builds the statements)
because finding what one sentence says is a rule family of its own: which terms it names (and
which weak terms name a peace deal instead), which cues may stand alone or attach to a pronoun,
and the filters of `cue_choice` that keep the cues that speak.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from services.extraction.ceasefire.absorption import fold_cues
from services.extraction.ceasefire.attachment import TermSpan, attached, clause_breaks
from services.extraction.ceasefire.conceded_attacks import with_conceded_attacks
from services.extraction.ceasefire.context import Hit, read_in_context
from services.extraction.ceasefire.cue_choice import (
    drop_overlaps,
    held_before_the_story,
    in_force_until_the_end,
    object_end,
    without_descriptions,
    without_despite_objects,
)
from services.extraction.ceasefire.cues import ALWAYS_TRIED, CUE_SET, CUES, CUES_BY_STEM, TERM_SET, Cue
from services.extraction.ceasefire.terms import (
    HALT_TERM,
    PARTIES_AFTER,
    PRONOUNS,
    STRONG_TERM,
    WEAK_TERM,
    Term,
    TermKind,
    after_a_reduced_relative,
)
from services.extraction.lexicon import lexicons

_MAX_HITS = 64  # a real sentence holds a handful of cues; junk must not make the pairwise folding quadratic

_TERM_KINDS: tuple[TermKind, ...] = ("strong", "halt", "weak")  # the patterns of TERM_SET
_NAMING = (0, 1)  # "the deal", "it" stand for a ceasefire only in an article that names one
_NAMED = (0, 1, 2)


def _terms(text: str, present: dict[str, list[int]], named: bool, pronouns: bool) -> list[TermSpan]:
    wanted = _NAMED if named else _NAMING
    found = TERM_SET.spans(text, present, wanted)
    terms = [
        TermSpan(start, _with_its_parties(text, end), _TERM_KINDS[index])
        for index in wanted
        for start, end in found.get(index, ())
    ]
    if any(term.kind == "weak" for term in terms):
        terms = [term for term in terms if term.kind != "weak" or not _a_peace_deal(text, term)]
    if pronouns:
        terms += [
            TermSpan(start, end, "pronoun")
            for start, end in PRONOUNS.spans(text)
            if not after_a_reduced_relative(text, end)
        ]
    terms.sort(key=lambda term: term.start)
    return terms


# "négocier un accord de paix global", "the peace agreement still has to be signed": a weak term that
# names a peace deal is not the truce (ceasefire.peace_before, .peace_after), which the strong terms name.
_PEACE_BEFORE = re.compile(r"\b(?:" + "|".join(lexicons.patterns("ceasefire", "peace_before")) + r")\s+$", re.IGNORECASE)
_PEACE_AFTER = re.compile(r"\s+(?:" + "|".join(lexicons.patterns("ceasefire", "peace_after")) + r")\b", re.IGNORECASE)
_PEACE_REACH = 8  # "peace " right before the term


def _a_peace_deal(text: str, term: TermSpan) -> bool:
    return (
        _PEACE_BEFORE.search(text, max(0, term.start - _PEACE_REACH), term.start) is not None
        or _PEACE_AFTER.match(text, term.end) is not None
    )


def _with_its_parties(text: str, end: int) -> int:
    """Where a term's noun phrase ends: after the "and" of a "between A and B" that follows it."""
    parties = PARTIES_AFTER.match(text, end)
    return end if parties is None else parties.end() - 1


def _stems_of(patterns: Sequence[Term | Cue]) -> frozenset[str] | None:
    """Every stem of the patterns; None if one of them has none (it must always be tried)."""
    stems: set[str] = set()
    for pattern in patterns:
        if pattern.stem_texts is None:
            return None
        stems |= pattern.stem_texts
    return frozenset(stems)


# A cue states something only next to a term, except a cue that may stand alone or attach to a
# pronoun (both only in an article that names a ceasefire): a sentence holding none of these
# stems holds no statement, whatever cues it holds.
_TERM_STEMS = _stems_of((STRONG_TERM, HALT_TERM))
_NAMED_TERM_STEMS = _stems_of((STRONG_TERM, HALT_TERM, WEAK_TERM, *(c for c in CUES if c.side == "alone" or c.pronoun)))


def read_sentence(
    text: str, located: dict[str, list[int]], named: bool, reach_after: int = 0, language: str | None = None
) -> list[Hit]:
    needed = _NAMED_TERM_STEMS if named else _TERM_STEMS
    if needed is not None and needed.isdisjoint(located):
        return []
    indices = set(ALWAYS_TRIED)
    for stem in located:
        indices.update(CUES_BY_STEM.get(stem, ()))
    if not indices:
        return []  # most sentences: no cue word at all
    alone = named and any(CUES[index].side == "alone" for index in indices)
    pronouns = named and any(CUES[index].pronoun for index in indices)
    terms = _terms(text, located, named, pronouns)
    if not any(term.kind != "pronoun" for term in terms):
        # no ceasefire word here: only "violating it", "it collapsed" or "accusations of violations"
        indices = {i for i in indices if (CUES[i].pronoun and terms) or (CUES[i].side == "alone" and alone)}
        if not indices:
            return []
    order = sorted(indices)
    found = CUE_SET.spans(text, located, indices)
    candidates = [(CUES[index], span) for index in order for span in found.get(index, ())]
    if not candidates:
        return []
    barriers, relatives = clause_breaks(text)
    starts = [term.start for term in terms]
    raw: list[Hit] = []
    for cue, (start, end) in candidates:
        if cue.side == "alone" and not alone:
            continue
        if cue.pronoun and after_a_reduced_relative(text, start):
            continue  # "withdrew from the cities it holds": the verb's subject is no truce
        if len(raw) >= _MAX_HITS:
            break  # junk, not news: keep the work linear
        if attached(text, cue, start, end, terms, starts, barriers, relatives, named, reach_after):
            raw.append(Hit(cue.status, cue, start, end))
    hits = drop_overlaps(raw)
    hits = [
        read
        for read in (read_in_context(text, hit, language, object_end(hit, terms)) for hit in hits)
        if read is not None
    ]
    truces = [(term.start, term.end) for term in terms if term.kind != "pronoun"]
    hits = without_descriptions(text, fold_cues(hits, text, truces, barriers), terms)
    hits = without_despite_objects(hits, terms)
    hits = in_force_until_the_end(hits, terms, barriers)
    hits = held_before_the_story(text, hits, language)
    hits = with_conceded_attacks(text, hits)  # "has largely held, though a soldier was killed"
    return sorted(hits, key=lambda hit: hit.start)
