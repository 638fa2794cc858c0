"""Ceasefire statements: what an article says a ceasefire did (see tests/eval/EXTRACTION.md).

A statement needs a ceasefire TERM and a status CUE on the right side of it, close by
(cues), with no clause break between them (attachment). Each cue is then read in its
context (context: negation, conditions, aims, reporting verbs), and dated to an
earlier episode or not (background); cue_choice keeps the cues that speak. Parties and
mediators come from the same sentence (parties). One statement per sentence and status.
What one sentence says (its terms and the cues attached to them) is found in sentence_hits;
this module walks the article and dates each hit.

One Aho-Corasick pass over the article finds the stems of every term and cue (stems,
stem_index): an article naming no ceasefire ends there, a sentence holding no term stem costs
nothing more, and the others try only the terms and cues whose stems they hold, where those
stems are (stemmed_pattern). The work per sentence is linear in its length.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import accumulate

from pydantic import TypeAdapter

from services.extraction.ceasefire.accusations import ACCUSATION_CUE, without_unfounded_accusations
from services.extraction.ceasefire.attachment import VERB_FINAL_REACH, clause_breaks
from services.extraction.ceasefire.background import (
    background_cue,
    background_cue_outside,
    dated_only_after,
    dated_today,
    has_today,
    is_current_verb,
    told_later,
)
from services.extraction.ceasefire.cues import NAMING_STEMS, STEMS, Cue
from services.extraction.ceasefire.describing_clauses import (
    describing_attributes,
    describing_relatives,
    opens_a_relative,
    told_in_present,
)
from services.extraction.ceasefire.parties import find_mediators, find_parties
from services.extraction.ceasefire.sentence_hits import read_sentence
from services.extraction.ceasefire.since_clauses import dated_only_since, made_since_this_year
from services.extraction.ceasefire.terms import HALT_TERM, STRONG_TERM, Term
from services.extraction.lexicon import lexicons
from services.extraction.text.fold import fold
from services.extraction.text.folded import FoldedArticle
from services.extraction.text.sentences import Sentence
from streams.events import CeasefireStatement, CeasefireStatus

_STATEMENTS: TypeAdapter[tuple[CeasefireStatement, ...]] = TypeAdapter(tuple[CeasefireStatement, ...])


def find_ceasefire(
    sentences: Sequence[Sentence], language: str, article: FoldedArticle | None = None
) -> list[CeasefireStatement]:
    """Every ceasefire statement in the article, in reading order.

    `language` is a hint only: every language's patterns are always applied. `article`, when
    given, is `fold_article` of the text the sentences were split from (built once for every
    stage that reads it); without it, the sentences are folded here.
    """
    folded, located = _located(sentences) if article is None or not article.exact else _located_in(article, sentences)
    if located is None:
        return []  # most articles: one Aho-Corasick pass and done
    named = any(
        _may_hold(STRONG_TERM, stems) and STRONG_TERM.anchored.search(text)
        for text, stems in zip(folded, located, strict=True)
    )
    if not named and not any(_may_hold(HALT_TERM, stems) for stems in located):
        return []
    statements: list[dict[str, object]] = []
    accusations: set[int] = set()  # the statements an accusation of attacks made (accusations.py)
    previous_background: bool | None = None  # background flag of the previous sentence's statements
    reach_after = VERB_FINAL_REACH if language in _VERB_FINAL else 0
    for sentence, text, stems in zip(sentences, folded, located, strict=True):
        hits = read_sentence(text, stems, named, reach_after, language) if stems else None  # no stem: no term, no cue
        if not hits:
            previous_background = None
            continue
        cue = background_cue(text)
        # a date only in a clause after a cue's own dates that clause, not the cue (read per hit below)
        barriers = clause_breaks(text)[0] if cue is not None else []
        inherited = False  # "earlier" only because the sentence before told an earlier truce
        if (
            cue is None
            and previous_background is True
            and not has_today(text)
            and (not STRONG_TERM.anchored.search(text) or told_later(text))
        ):
            cue = "earlier"  # "The pact, however, was violated several times.", "The truce lapsed six months later."
            inherited = True
        # a date inside a relative clause that describes the truce dates only what that clause says,
        # when the rest of the sentence is dated today ("accused each other on Friday of violating
        # the truce that ended the 2020 war"); else it dates the truce, and the truce is an old one
        described = describing_relatives(text) if cue is not None else []
        cue_outside = background_cue_outside(text, described) if described else cue
        # an attribute between the article and the truce ("die im Januar vereinbarte Waffenruhe sei
        # beendet") is part of the noun phrase: its dates are the making's, never the main verb's
        # and only when that rest speaks in the present ("hielt nur wenige Tage" is the old truce's story)
        attributes = describing_attributes(text) if cue is not None and not described else []
        if attributes and (has_today(text) or told_in_present(text, attributes)):
            described = attributes
            cue_outside = background_cue_outside(text, attributes, before_them=True)
        parties = find_parties(sentence.text, text)
        mediators = find_mediators(sentence.text, text)
        flags: list[bool] = []
        # a status said twice in one sentence is news if either saying is: "The truce took effect in
        # August and has largely held since", "war im August in Kraft getreten und hat … gehalten"
        seen: dict[CeasefireStatus, int] = {}
        for hit in hits:
            if hit.status in seen and not flags[seen[hit.status]]:
                continue
            # "fighting went on despite a truce agreed in November": the violation is today's news
            hit_cue = cue if any(start <= hit.start < end for start, end in described) else cue_outside
            # what the sentence did to the truce before what describes it ("supone el fin de la tregua, que había
            # sido prorrogada en octubre"); not an agreement, which describes the truce too ("brokered truce, which")
            if (
                described
                and hit_cue is not None
                and hit.status != "agreed"
                and hit.end <= described[0][0]
                and opens_a_relative(text, described[0])
            ):
                hit_cue = background_cue_outside(text, described, before_them=True)
            if barriers and not inherited and hit_cue is not None and dated_only_after(text, hit.end, barriers):
                hit_cue = None
            dated = (
                hit_cue == "dated"
                # "despite the November 2024 truce": the date is the truce's, the violation today's
                and hit.cue.name != "despite"
                # "the first strike since the truce took effect in November", "the worst breach since it was
                # signed in 2019": so is a date after the violation's "since", not one before ("In 2021, raids since …")
                and (hit.cue.name != "attacks_since" or background_cue(text[: hit.end]) is not None)
                and not (hit.status == "violated" and dated_only_since(text, hit.end))
                # "since the ceasefire was reached in January": the making of the truce still running
                and not (hit.status == "agreed" and made_since_this_year(text, hit.start))
                and not is_current_verb(text, hit.start, lasting=hit.status == "in_effect")
                # "the truce that ended the 2020 war collapsed on Tuesday": the day dates this verb
                and not dated_today(text, hit.end)
            )
            # "It lapsed a year later, but an informal truce has held since": a truce holding in the
            # present or present perfect holds today, whatever episode the sentence before told (not
            # an agreement: "the fifth such deal the agency has negotiated" counts history)
            earlier = hit_cue == "earlier" and not (
                inherited and hit.status == "in_effect" and is_current_verb(text, hit.start, lasting=True)
            )
            background = earlier or dated or hit.history
            if hit.status in seen:
                if not background:  # the earlier saying was background, this one is news
                    flags[seen[hit.status]] = False
                    statements[len(statements) - len(flags) + seen[hit.status]]["background"] = False
                continue
            seen[hit.status] = len(flags)
            flags.append(background)
            if hit.cue.name == ACCUSATION_CUE:
                accusations.add(len(statements))
            statements.append(
                {
                    "status": hit.status,
                    "parties": parties,
                    "mediators": mediators,
                    "background": background,
                    "sentence": sentence.text,
                    "start": sentence.start,
                    "end": sentence.end,
                }
            )
        previous_background = all(flags)
    statements = without_unfounded_accusations(statements, accusations.__contains__)
    return list(_STATEMENTS.validate_python(statements))  # one call: cheaper than a model built per statement


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


def _located_in(
    article: FoldedArticle, sentences: Sequence[Sentence]
) -> tuple[list[str], list[dict[str, list[int]]] | None]:
    """`_located` from the article's folded forms: each sentence is a slice of the article, and
    what lies between two sentences is whitespace, so the stems found are those of the joined
    sentences, at the same offsets in each."""
    if not NAMING_STEMS.occurs(article.low, article.spaced):
        return [], None
    folded = [article.folded[sentence.start : sentence.end] for sentence in sentences]
    return folded, STEMS.locate_each(article.low, [sentence.start for sentence in sentences], article.spaced)


def _may_hold(pattern: Term | Cue, present: dict[str, list[int]]) -> bool:
    """False when the sentence holds none of the pattern's stems, so the regex cannot match."""
    return pattern.stem_texts is None or not present.keys().isdisjoint(pattern.stem_texts)


# The languages that put their verbs at the end of the clause (their lexicon's grammar.verb_final).
_VERB_FINAL = frozenset(
    code for code in lexicons.LANGUAGES if str(lexicons.entry(code, "grammar", "verb_final")).lower() == "true"
)
