"""Ceasefire statements: what an article says a ceasefire did (see tests/eval/EXTRACTION.md).

A statement needs a ceasefire TERM and a status CUE on the right side of it, close by
(cues), with no clause break between them. Each cue is then read in its
context (context: negation, conditions, aims, reporting verbs), and dated to an
earlier episode or not (background). Parties and mediators come from the same
sentence (parties). One statement per sentence and status.

Most sentences are passed over after one word split: the stems of the words (stems)
tell which terms and cues can occur at all, and where to try them. The work per sentence is
linear in its length.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

from services.extraction.ceasefire.background import background_cue, is_current_verb
from services.extraction.ceasefire.context import Hit, fold_cues, read_in_context
from services.extraction.ceasefire.cues import (
    AGREEMENT_CUES,
    ALWAYS_TRIED,
    COMPOUND_HEAD,
    CUE_SET,
    CUES,
    CUES_BY_STEM,
    NAMING_STEMS,
    PLUPERFECT,
    PREPOSITION_BEFORE,
    STEMS,
    TERM_SET,
    Cue,
)
from services.extraction.ceasefire.parties import find_mediators, find_parties
from services.extraction.ceasefire.terms import HALT_TERM, PRONOUN_TERM, STRONG_TERM, WEAK_TERM, Term, TermKind
from services.extraction.figures.nouns import GROUP_ORDER
from services.extraction.lexicon import lexicons
from services.extraction.text.fold import fold
from services.extraction.text.keywords import trie_pattern
from services.extraction.text.sentences import Sentence
from streams.events import CeasefireStatement, CeasefireStatus

# Words that end a clause: a cue on the far side of one says something else ("… , but it collapsed").
_BARRIER = re.compile(
    r";|,\s*(?:"
    + "|".join(lexicons.patterns("ceasefire", "comma_breaks"))
    + r")\b|\b(?:"
    + "|".join(lexicons.patterns("ceasefire", "clause_breaks"))
    + r")\b"
)
# A term inside a relative clause describes a party, not what a cue before the clause acts on:
# "called on France, which sponsors the agreement, to intervene" calls for no truce.
_RELATIVE = re.compile(r",\s*(?:which|who|whose|que|qui|quien|quienes|cuyo|cuya|lequel|laquelle|dont)\b")
_RELATIVE_WORDS = (", which", ", who", ", que", ", qui", ", cuy", ", lequel", ", laquelle", ", dont")
# "During the truce five people were wounded", "Während der Waffenruhe wurden fünf Menschen
# verletzt": a verb after a counted noun phrase has those people for its subject, not the truce
# before them (German "verletzt" is both a violated truce and injured people).
_PEOPLE_WORDS = sorted(
    {fold(word) for word in lexicons.words("people")}
    | {fold(word) for group in GROUP_ORDER for word in lexicons.words("groups", group)}
)
_NUMBER_WORDS = sorted(
    {fold(word) for code in lexicons.LANGUAGES for word in lexicons.entry(code, "numbers", "words") or []}
)
_COUNTED_PEOPLE = re.compile(
    rf"(?<!\w)(?:\d[\d.,]*|(?:{trie_pattern(_NUMBER_WORDS)})+)\s+(?:\w+\s+)?(?:{trie_pattern(_PEOPLE_WORDS)})(?!\w)",
    re.IGNORECASE,
)
_PRONOUN_GAP = 14  # "violating it", "it took effect": a pronoun must sit right by its cue
# A language that puts the verb at the end of its clause (German: "Die Waffenruhe zwischen den
# Milizen in der Hauptstadt ist um 60 Tage verlängert worden") sets the whole middle of the
# clause between the truce and the verb that says what it did: a cue after the term may reach
# this far there (a clause break still stops it).
_VERB_FINAL_REACH = 130
# "trotz der in Doha ausgehandelten Waffenruhe", "despite a Qatari-brokered truce": "despite" may
# reach over a description of the truce, up to this far.
_DESPITE_OVER_DESCRIPTION = 60
# Between a describing participle and its truce: an adjective at most ("ausgehandelten humanitären Waffenruhe").
_DESCRIBES_NEXT = re.compile(r"\s*(?:[^\W\d_]+\s+)?")
# A relative clause in the pluperfect after a truce tells its history ("eine Feuerpause, die im
# Oktober unter Vermittlung der USA zustande gekommen war", "the ceasefire it had declared"): the
# agreement in it is a description, not news, when the sentence says what the truce does now.
_RELATIVE_AFTER_TERM = re.compile(
    r"^(?:\s*,\s*(?:which|that|die|der|das|den|que|qui|quien|lequel|laquelle)\b|\s+(?:that|which|que|qui)\b|"
    r"\s+(?:it|they|he|she|we)\b)",
    re.IGNORECASE,
)
_HISTORY_REACH = 90  # characters of the relative clause read for its tense
_MAX_HITS = 64  # a real sentence holds a handful of cues; junk must not make the pairwise folding quadratic


@dataclass(frozen=True, slots=True)
class _Term:
    start: int
    end: int
    kind: TermKind


def find_ceasefire(sentences: Sequence[Sentence], language: str) -> list[CeasefireStatement]:
    """Every ceasefire statement in the article, in reading order.

    `language` is a hint only: every language's patterns are always applied.
    """
    folded, located = _located(sentences)
    if located is None:
        return []  # most articles: one Aho-Corasick pass and done
    named = any(
        _may_hold(STRONG_TERM, stems) and STRONG_TERM.pattern.search(text)
        for text, stems in zip(folded, located, strict=True)
    )
    if not named and not any(_may_hold(HALT_TERM, stems) for stems in located):
        return []
    statements: list[CeasefireStatement] = []
    previous_background: bool | None = None  # background flag of the previous sentence's statements
    reach_after = _VERB_FINAL_REACH if _verb_final(language) else 0
    for sentence, text, stems in zip(sentences, folded, located, strict=True):
        hits = _read_sentence(text, stems, named, reach_after, language) if stems else None  # no stem: no term, no cue
        if not hits:
            previous_background = None
            continue
        cue = background_cue(text)
        if (
            cue is None
            and previous_background is True
            and not STRONG_TERM.pattern.search(text)
            and not _has_today(text)
        ):
            cue = "earlier"  # "The pact, however, was violated several times." after a dated truce
        parties = find_parties(sentence.text, text)
        mediators = find_mediators(sentence.text, text)
        flags: list[bool] = []
        seen: set[CeasefireStatus] = set()
        for hit in hits:
            if hit.status in seen:
                continue
            seen.add(hit.status)
            # "fighting went on despite a truce agreed in November": the violation is today's news
            dated = (
                cue == "dated"
                and hit.cue.name != "despite"
                and not is_current_verb(text, hit.start, lasting=hit.status == "in_effect")
                # "the truce that ended the 2020 war collapsed on Tuesday": the day dates this verb
                and not _dated_today(text, hit.end)
            )
            background = cue == "earlier" or dated
            flags.append(background)
            statements.append(
                CeasefireStatement(
                    status=hit.status,
                    parties=parties,
                    mediators=mediators,
                    background=background,
                    sentence=sentence.text,
                    start=sentence.start,
                    end=sentence.end,
                )
            )
        previous_background = all(flags)
    return statements


def _located(sentences: Sequence[Sentence]) -> tuple[list[str], list[dict[str, list[int]]] | None]:
    """Each sentence accent-folded, and where the stems of terms and cues are in it (None: the
    article names no ceasefire). The article is folded, lowercased and scanned once; folding
    keeps every character in place, so each sentence is a slice of the whole."""
    joined = fold("\n".join(sentence.text for sentence in sentences))
    low = joined.lower()
    if not NAMING_STEMS.occurs(low):
        return [], None
    starts = list(accumulate((len(sentence.text) + 1 for sentence in sentences[:-1]), initial=0))
    folded = [joined[start : start + len(sentence.text)] for start, sentence in zip(starts, sentences, strict=True)]
    if len(low) != len(joined):  # a lowercase of another length ("İ"): offsets only hold sentence by sentence
        return folded, [STEMS.locate(text.lower()) for text in folded]
    return folded, STEMS.locate_each(low, starts)


_TODAY = re.compile(
    r"\b(?:today|tonight|yesterday|overnight|this\s+(?:week|morning|evening)|on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"hoje|ontem|hoy|ayer|aujourd'hui|hier|"
    r"(?:el|este|no|na|neste|nesta)\s+(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo|segunda-feira|terca-feira|"
    r"quarta-feira|quinta-feira|sexta-feira)|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b",
    re.IGNORECASE,
)


_TODAY_REACH = 30  # characters after a cue in which "on Tuesday" dates it


def _dated_today(text: str, cue_end: int) -> bool:
    """ "…collapsed on Tuesday": a day named right after the cue, with no other date between them."""
    today = _TODAY.search(text, cue_end, cue_end + _TODAY_REACH)
    return today is not None and not any(char.isdigit() for char in text[cue_end : today.start()])


def _has_today(text: str) -> bool:
    return _TODAY.search(text) is not None


def _may_hold(pattern: Term | Cue, present: dict[str, list[int]]) -> bool:
    """False when the sentence holds none of the pattern's stems, so the regex cannot match."""
    return pattern.stem_texts is None or not present.keys().isdisjoint(pattern.stem_texts)


_TERM_KINDS: tuple[TermKind, ...] = ("strong", "halt", "weak")  # the patterns of TERM_SET
_NAMING = (0, 1)  # "the deal", "it" stand for a ceasefire only in an article that names one
_NAMED = (0, 1, 2)


def _terms(text: str, present: dict[str, list[int]], named: bool, pronouns: bool) -> list[_Term]:
    wanted = _NAMED if named else _NAMING
    found = TERM_SET.spans(text, present, wanted)
    terms = [_Term(start, end, _TERM_KINDS[index]) for index in wanted for start, end in found.get(index, ())]
    if pronouns:
        terms += [_Term(m.start(), m.end(), "pronoun") for m in PRONOUN_TERM.finditer(text)]
    terms.sort(key=lambda term: term.start)
    return terms


def _verb_final(language: str) -> bool:
    """Does the language put its verbs at the end of the clause (its lexicon's grammar.verb_final)?"""
    return str(lexicons.entry(language, "grammar", "verb_final")).lower() == "true" if language in lexicons.LANGUAGES else False


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


def _read_sentence(
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
    barriers = [m.start() for m in _BARRIER.finditer(text)]
    relatives = [m.start() for m in _RELATIVE.finditer(text)] if any(r in text for r in _RELATIVE_WORDS) else []
    starts = [term.start for term in terms]
    raw: list[Hit] = []
    for cue, (start, end) in candidates:
        if cue.side == "alone" and not alone:
            continue
        if len(raw) >= _MAX_HITS:
            break  # junk, not news: keep the work linear
        if _attached(text, cue, start, end, terms, starts, barriers, relatives, named, reach_after):
            raw.append(Hit(cue.status, cue, start, end))
    hits = _drop_overlaps(raw)
    hits = [hit for hit in (read_in_context(text, hit, language) for hit in hits) if hit is not None]
    hits = _without_descriptions(text, fold_cues(hits), terms)
    hits = _without_despite_objects(hits, terms)
    return sorted(hits, key=lambda hit: hit.start)


def _without_despite_objects(hits: list[Hit], terms: list[_Term]) -> list[Hit]:
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


def _without_descriptions(text: str, hits: list[Hit], terms: list[_Term]) -> list[Hit]:
    """An agreement that only describes the truce ("the truce brokered by Qatar has held", "die
    vereinbarte Waffenruhe wurde verletzt") is no news when the sentence says what the truce did."""
    if not any(hit.status != "agreed" for hit in hits):
        return hits
    return [hit for hit in hits if hit.status != "agreed" or not _describes_a_term(text, hit, terms)]


def _describes_a_term(text: str, hit: Hit, terms: list[_Term]) -> bool:
    """Is the agreement cue inside a pluperfect relative clause that follows a truce?"""
    before = [term for term in terms if term.kind != "pronoun" and term.end <= hit.start]
    if not before:
        return False
    gap = text[before[-1].end : hit.start]
    clause = text[before[-1].end : before[-1].end + _HISTORY_REACH].split(";")[0]
    return _RELATIVE_AFTER_TERM.match(gap) is not None and PLUPERFECT.search(clause) is not None


def _attached(
    text: str,
    cue: Cue,
    start: int,
    end: int,
    terms: list[_Term],
    starts: list[int],
    barriers: list[int],
    relatives: list[int],
    named: bool,
    reach_after: int = 0,
) -> bool:
    """Does a term sit on the cue's side, close enough, with no clause break in between?

    `reach_after`: how far a cue after its term may stand in a verb-final language (0: as the cue says).
    """
    if cue.side == "alone":
        return named
    index = bisect.bisect_left(starts, end)
    if cue.side in ("before", "any"):
        for term in terms[index : index + 3]:  # the nearest terms after the cue
            if (
                (_usable(cue, term, term.start - end) or _despite_a_description(text, cue, term, end))
                and not _blocked(barriers, end, term.start)
                and not _blocked(relatives, end, term.start)
            ):
                return True
    if cue.side in ("after", "any"):
        for term in reversed(terms[max(0, index - 4) : index]):  # the nearest terms before it
            if (
                term.end <= start
                and (_usable(cue, term, start - term.end) or _verb_final_reach(cue, term, start - term.end, reach_after))
                and not _blocked(barriers, term.end, start)
                and not (term.kind != "pronoun" and _heads_a_compound(text, term, start))
                and not PREPOSITION_BEFORE.search(text, max(0, term.start - 24), term.start)
                and not _COUNTED_PEOPLE.search(text, term.end, start)
            ):
                return True
    return False


def _heads_a_compound(text: str, term: _Term, cue_start: int) -> bool:
    """ "Truce talks collapsed": the cue after "truce talks" speaks of the talks, not the truce."""
    head = COMPOUND_HEAD.match(text, term.end)
    return head is not None and cue_start >= head.end()


def _verb_final_reach(cue: Cue, term: _Term, distance: int, reach_after: int) -> bool:
    """A verb at the end of a verb-final clause still speaks of the truce that opened it (talks and
    proposals are nouns, not the closing verb)."""
    return (
        term.kind != "pronoun"
        and cue.status != "proposed"
        and cue.side in ("after", "any")
        and 0 <= distance <= reach_after
    )


def _despite_a_description(text: str, cue: Cue, term: _Term, end: int) -> bool:
    """ "trotz der in Doha ausgehandelten Waffenruhe": the words between describe the truce."""
    if cue.name != "despite" or term.kind == "pronoun" or not 0 <= term.start - end <= _DESPITE_OVER_DESCRIPTION:
        return False
    gap = text[end : term.start]
    return any(
        match.end() >= len(gap.rstrip()) - 1 and _DESCRIBES_NEXT.fullmatch(gap[match.end() :]) is not None
        for agreement in AGREEMENT_CUES
        for match in agreement.pattern.finditer(gap)
    )


def _usable(cue: Cue, term: _Term, distance: int) -> bool:
    if distance < 0:
        return False
    if term.kind == "pronoun":
        return cue.pronoun and distance <= _PRONOUN_GAP
    return distance <= cue.gap


def _blocked(barriers: list[int], left: int, right: int) -> bool:
    index = bisect.bisect_left(barriers, left)
    return index < len(barriers) and barriers[index] < right


def _drop_overlaps(hits: list[Hit]) -> list[Hit]:
    """Where cues overlap ("due to take effect" holds "take effect"), the longer one speaks."""
    kept: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (h.start - h.end, h.start)):
        if all(hit.end <= other.start or hit.start >= other.end for other in kept):
            kept.append(hit)
    return kept
