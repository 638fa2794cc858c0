"""Casualty figures from sentences: one CasualtyFigure per figure the text states.

Per sentence: numbers that count people (`candidates.py`, `heads.py`), the outcome phrases
around them (`outcomes.py`), which outcome each number takes (`attachment.py`), then the
sentence's context — reporting window, source, background — and the group a bare number
inherits ("ten civilians were killed and 34 wounded"). A figure that lumps outcomes
together ("86 killed and wounded") or counts things rather than people gives nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from typing import Final

from services.extraction.attribution.background import background_cue_pair
from services.extraction.attribution.comparison import baselines, comparisons, in_baseline
from services.extraction.attribution.ended_wars import tells_a_war_ended, war_named_again
from services.extraction.attribution.figure_dating import is_background, present_markers
from services.extraction.attribution.named_years import latest_year_in, may_name_a_year
from services.extraction.attribution.period import in_window, period_window
from services.extraction.attribution.source import find_source
from services.extraction.attribution.tense import pluperfect_cues, told_in_pluperfect
from services.extraction.attribution.truce_descriptions import cues_outside_truce_descriptions
from services.extraction.figures import cues as lx
from services.extraction.figures.attachment import ArticleMemory, attach_outcomes, parent_of
from services.extraction.figures.candidate import Candidate, Tokens, tokenize
from services.extraction.figures.candidates import BODY_NOUNS, candidates
from services.extraction.figures.head_words import group_at
from services.extraction.figures.outcomes import Toll, find_outcomes, find_toll_phrases, find_tolls
from services.extraction.lexicon import lexicons
from services.extraction.text.gate import Keys, concept, keys_of
from services.extraction.text.numbers import find_numbers
from services.extraction.text.sentences import Sentence, lead_end
from streams.events import CasualtyFigure

_ROMANCE: Final = frozenset({"pt", "es", "fr"})
_ONE_ARTICLE: Final = re.compile(r"\b(?:um|uma|un|una|une|uno)\b")
# "…fewer than 10 had died and that all were rebel fighters": a later clause names the group of
# the whole figure.
# "…, all of them civilians", "todas ellas civiles": the same with the verb elided.
_ALL_VERB: Final = r" (?:were|was|are|eram|são|foram|eran|son|fueron|étaient|sont|ont été)"
_ALL_WERE: Final = re.compile(
    r"(?<!\w)(?:all|both|todos|todas|tous|toutes|ambos|ambas)"
    rf"(?:(?: of them| deles| delas| eles| elas| ellos| ellas| d'entre eux| d'entre elles| des)(?:{_ALL_VERB})?|{_ALL_VERB})(?: \w+){{0,3}}? "
)
_ALL_WORDS: Final = concept("grammar.all", ("all ", "both ", "todos ", "todas ", "tous ", "toutes ", "ambos ", "ambas "))
_GROUP_REACH: Final = 40  # characters after "all were" in which the group noun must start
# A reporting verb between two figures starts a second source's statement: every language's
# reporting verbs, by their last word ("a dit" → "dit").
_REPORTING: Final = frozenset(phrase.split()[-1] for phrase in lexicons.words("reporting_verbs"))
_ADJACENT_GAP: Final = 4  # characters between two sentences with none between them (spaces, a paragraph break)
_INDEFINITE: Final = frozenset(lexicons.words("grammar", "indefinite_articles"))
_MAX_SENTENCE: Final = 5000  # longer "sentences" are markup or lists, not prose


def find_casualties(
    sentences: Sequence[Sentence],
    language: str,
    published_at: datetime | None = None,
    lead: int | None = None,
    keys: Sequence[Keys] | None = None,
) -> list[CasualtyFigure]:
    """Every casualty figure stated in the sentences, in text order.

    `lead`: where the article's headline and lead end (sentences.lead_end of the whole article);
    by default, of the sentences given. `keys`: each sentence's keys from the article's keyword
    pass (gate.keys_within); by default each sentence gets its own pass.
    """
    lead_stop = lead_end(list(sentences)) if lead is None else lead
    memory = ArticleMemory()
    # Without a publication time, the latest year the article names stands for "now" (read in the
    # sentences where the keyword pass found a year's first digits: 18, 19, 20).
    current_year = None
    if published_at is None:
        current_year = latest_year_in(
            sentence.text for index, sentence in enumerate(sentences) if keys is None or may_name_a_year(keys[index])
        )
    figures: list[CasualtyFigure] = []
    war_ended_at = -_ADJACENT_GAP - 1  # where the last sentence telling a war ended ends
    for index, sentence in enumerate(sentences):
        if len(sentence.text) > _MAX_SENTENCE:
            continue
        in_lead = sentence.end <= lead_stop
        sentence_keys = keys_of(sentence.text) if keys is None else keys[index]
        after_an_ending = 0 <= sentence.start - war_ended_at <= _ADJACENT_GAP
        figures.extend(
            _read_sentence(sentence, language, published_at, memory, current_year, in_lead, sentence_keys, after_an_ending)
        )
        if tells_a_war_ended(sentence.text, sentence_keys):
            war_ended_at = sentence.end
    return figures


def _read_sentence(
    sentence: Sentence,
    language: str,
    published_at: datetime | None,
    memory: ArticleMemory,
    current_year: int | None = None,
    in_lead: bool = False,
    keys: Keys | None = None,
    after_an_ending: bool = False,
) -> list[CasualtyFigure]:
    """`after_an_ending`: the sentence right before told that a war ended (attribution/ended_wars.py)."""
    # no sentence stands between this one and the last figure's: their gap is whitespace at most
    memory.follows_main = 0 <= sentence.start - memory.main_end <= _ADJACENT_GAP
    text = sentence.text
    keys = keys_of(text) if keys is None else keys  # the rules below run only where their words occur
    low = keys.low
    mentions = find_numbers(text, language, keys)
    if not mentions and (language not in _ROMANCE or not _ONE_ARTICLE.search(low)):
        return []  # no number, no figure (a Romance article may still count one: "um morto")
    outcome_words = list(lx.OUTCOME_SCANNER.finditer(low)) if lx.may_hold_an_outcome(keys) else []
    tolls = find_toll_phrases(keys)
    if not _may_take_an_outcome(low, outcome_words, tolls, memory) and not _counts_bodies(low, language):
        return []  # nothing in the sentence can give a number an outcome: no tokens, no candidates
    tokens = tokenize(text, low)
    found = [c for c in candidates(text, low, tokens, language, mentions) if not c.rejected]
    if not found:
        return []
    outcomes = find_outcomes(low, tokens, tolls, language, outcome_words)
    attach_outcomes(low, tokens, found, outcomes, find_tolls(tokens, tolls), memory)
    figures: list[CasualtyFigure] = []
    if all(candidate.outcome is None for candidate in found):
        return figures  # numbers, but none of them a casualty figure: skip the context work
    window = period_window(text, language, keys)
    source = find_source(text, keys)
    cues, cues_after, resumptions = background_cue_pair(text, published_at, current_year, in_lead, keys)
    if cues or cues_after:  # "violating the ceasefire agreed last month, after shelling killed five"
        opening = [c.start for c in found if c.outcome is not None]
        cues, cues_after = cues_outside_truce_descriptions(text, cues, cues_after, opening)
    named_again = war_named_again(text, keys) if after_an_ending else []
    if named_again:  # "… ended two years of war. That conflict killed about 600,000 people."
        cues, cues_after = sorted(cues + named_again), sorted(cues_after + named_again)
    present = sorted(present_markers(text, keys) + resumptions) if cues else []
    compared = comparisons(text, keys)
    if compared:  # "up from 1,100 killed": only where a figure's number follows the comparison word
        opening = [tokens.start[c.qualifier_first] for c in found if c.outcome is not None]
        compared = baselines(compared, opening, text, cues + cues_after)
    pluperfect = pluperfect_cues(text, keys, tokens.low, published_at)
    main: Candidate | None = None
    for candidate in found:
        if candidate.outcome is None:
            continue
        group = candidate.group
        if candidate.inherits_group and group is None:
            # "…13 civilians had died, while Cambodia reported 13 deaths": a new clause, a new whole
            main_here = main if main is not None and not _clause_break(tokens, main.tail, candidate.first) else None
            parent = main_here if not candidate.subgroup else parent_of(found, candidate)
            singular = _singular_group_before(low, tokens, candidate) if parent is None else None
            if parent is None and candidate.head == "partitive" and candidate.head_outcome is not None:
                parent = memory.last_by_outcome.get(candidate.head_outcome)  # "21 of the wounded"
            elif parent is None and candidate.head != "outcome" and singular is None:
                parent = memory.last_main
            group = parent.group if parent is not None else singular
            candidate.group = group
        if not candidate.subgroup and candidate.head != "partitive":
            main = candidate
        figures.append(
            CasualtyFigure(
                sentence=text,
                start=sentence.start,
                end=sentence.end,
                outcome=candidate.outcome,
                count=candidate.value,
                qualifier=candidate.qualifier,
                group=group,
                period_hours=window[0] if window and in_window(text, window, candidate.start, candidate.end) else None,
                source=source,
                background=is_background(cues, cues_after, candidate.start, candidate.end, present, text, compared)
                or told_in_pluperfect(pluperfect, text, candidate.start, candidate.end)
                or in_baseline(compared, tokens.start[candidate.qualifier_first]),
            )
        )
    if main is not None:
        memory.last_main, memory.main_end = main, sentence.end
    for candidate in found:
        if candidate.outcome is not None and not candidate.subgroup and candidate.head != "partitive":
            memory.last_by_outcome[candidate.outcome] = candidate
    if keys.holds(_ALL_WORDS):
        _group_from_all_were(low, found, figures)
    return figures


def _may_take_an_outcome(low: str, outcome_words: list[re.Match[str]], tolls: list[Toll], memory: ArticleMemory) -> bool:
    """Whether a number of the sentence can take an outcome at all: a necessary condition, tested
    before its tokens and candidates are built. From an outcome word or a toll in it; from a subgroup
    cue that names its victims ("Unter den Todesopfern seien 3 Kinder"); or from the figure of a
    sentence before, after a subgroup cue that opens the sentence ("Among them were two children.")
    or a correction ("up from an earlier toll of 49")."""
    if outcome_words or tolls or lx.VICTIMS.search(low) or any(cue in low for cue in lx.CUES_OPENING_AN_OUTCOME):
        return True
    if memory.last_main is None:
        return False  # every other route passes an outcome from a figure of this sentence
    return (
        low.lstrip().startswith(lx.SUBGROUP_CUE_OPENINGS)
        or any(word in low for word in lx.CORRECTION_WORDS)
        or (memory.follows_main and lx.PART_OF_THEM_OPENING.match(low) is not None)
    )


def _counts_bodies(low: str, language: str) -> bool:
    """Whether the sentence names a count of bodies in its language's own noun ("26 corps")."""
    return any(noun in low for noun in BODY_NOUNS.get(language, ()))


def _singular_group_before(low: str, tokens: Tokens, candidate: Candidate) -> str | None:
    """ "A soldier was killed and two others were wounded", "Ein Soldat wurde getötet, zwei weitere
    …": "others" after one person named in the singular (no figure of its own) are of that
    person's group; not after a source ("a police spokesman said 14 others were injured")."""
    if lx.INHERIT_HEADS.isdisjoint(tokens.low[candidate.first : candidate.tail]):
        return None
    for index in range(candidate.qualifier_first - 2, -1, -1):
        if tokens.low[index] in _INDEFINITE:
            group = group_at(low, tokens.start[index + 1])
            if group is not None and not _clause_break(tokens, index, candidate.first):
                return group[0]
    return None


def _clause_break(tokens: Tokens, start: int, end: int) -> bool:
    """A reporting verb between two figures ("…, while Cambodia reported 13 deaths"): a second
    source's statement, not a part of the first figure. "…, while 16 were missing" goes on."""
    return not _REPORTING.isdisjoint(tokens.low[start:end])


def _group_from_all_were(low: str, found: list[Candidate], figures: list[CasualtyFigure]) -> None:
    """Give "all were <group>" to the figure right before it, when that figure has no group."""
    for match in _ALL_WERE.finditer(low):
        group = None
        for word in re.finditer(r"\w+", low[match.start() : match.end() + _GROUP_REACH]):
            group = group_at(low, match.start() + word.start())
            if group is not None:
                break
        scored = [c for c in found if c.outcome is not None]  # one figure each, in the same order
        index = max((i for i, c in enumerate(scored) if c.end <= match.start()), default=None)
        if group is None or index is None or figures[index].group is not None:
            continue
        figures[index] = figures[index].model_copy(update={"group": group[0]})
