"""The substring gates that spare regex scans must never rule out a match the regex would find."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services.extraction.attribution import (
    background,
    comparison,
    earlier_events,
    figure_dating,
    named_years,
    period,
    source,
    tense,
)
from services.extraction.ceasefire.cues import ALWAYS_TRIED, CUES
from services.extraction.ceasefire.literals import required_words
from services.extraction.figures import cues as lexicon
from services.extraction.figures import outcomes
from services.extraction.text import numbers
from services.extraction.text.gate import Concept, Gate, keys_of, keys_within, scan
from services.extraction.text.keywords import gate_text, keyword_stems, lower_keeping_offsets, trie_pattern
from services.extraction.text.sentences import split_sentences

# (pattern, the concept that gates it): IGNORECASE scans of the text as written
GATED: list[tuple[re.Pattern[str], Concept]] = [
    (period._SPAN[0], period._SPAN_UNITS),
    (period._WEEKEND[0], period._WEEKEND_WORDS),
    (period._WEEK[0], period._WEEK_WORDS),
    (period._DAY[0], period._DAY_WORDS),
    (background._RELATIVE_PAST[0], background._RELATIVE_PAST_WORDS),
    (background._EPISODE[0], background._EPISODE_WORDS),
    (background._SINCE[0], background._SINCE_WORDS),
    (background._SINCE_WHEN[0], background._SINCE_WORDS),
    (background._DATE[0], background._MONTH_WORDS),
    (background._IN_MONTH[0], background._MONTH_WORDS),
    *([(earlier_events._EARLIER_BY[0], earlier_events.EARLIER_BY_WORDS)] if earlier_events._EARLIER_BY else []),
    (named_years._YEAR, named_years._YEAR_DIGITS),
    (comparison._COMPARISON[0], comparison._COMPARISON_WORDS),
    (tense._WAR, tense._WAR_WORDS),
    (numbers._ENGLISH_ARTICLE_SCALE, numbers._ARTICLE_SCALES),
    *(
        (numbers._collective_pattern(language), numbers._COLLECTIVE_WORDS[language])
        for language in ("en", "pt", "es", "fr", "de")
    ),
    *(
        (numbers._written_pattern(language), numbers._WRITTEN_WORDS[language])
        for language in ("en", "pt", "es", "fr", "de")
    ),
    *((pattern[0], source._SOURCE_WORDS) for pattern in (source._ACCORDING_TO, source._VERB, source._VERB_SUBJECT)),
    (source._ACCORDING_TO[0], source._ACCORDING_TO_WORDS),
    (source._VERB[0], source._VERB_WORDS),
    (source._VERB_SUBJECT[0], source._VERB_WORDS),
    *([(source._ACCORDING_AFTER[0], source._ACCORDING_AFTER_WORDS_FOUND)] if source._ACCORDING_AFTER else []),
]
# case-sensitive scans of the lowercased text
GATED_LOWERCASE: list[tuple[re.Pattern[str], Concept]] = [
    (outcomes._TOLL, outcomes._TOLL_WORDS),
    (outcomes._INJURY_TOLL, outcomes._INJURY_TOLL_WORDS),
]
# (IGNORECASE pattern for the text as written, case-sensitive pattern for the lowercased text)
TWINS: list[tuple[re.Pattern[str], re.Pattern[str]]] = [
    period._SPAN,
    period._WEEKEND,
    period._WEEK,
    period._DAY,
    source._ACCORDING_TO,
    source._VERB,
    source._VERB_SUBJECT,
    background._DATE,
    background._IN_MONTH,
    background._RELATIVE_PAST,
    background._EPISODE,
    background._SINCE_WHEN,
    background._MONTH_EPISODE,
    figure_dating.PRESENT,
    background._SINCE,
    *([earlier_events._EARLIER_BY] if earlier_events._EARLIER_BY else []),
    background._SINCE_A_DURATION,
    source._ROLE,
    comparison._COMPARISON,
    *(
        (numbers._written_pattern(language), numbers._written_pattern(language, True))
        for language in ("en", "pt", "es", "fr", "de")
    ),
]

PHRASES = [
    "in the past 24 hours", "NAS ÚLTIMAS 48 HORAS", "over the weekend", "Durante el fin de semana", "ce WEEK-END",
    "within a week", "en una semana", "au cours de la dernière semaine", "in a single day", "EN UNE JOURNÉE",
    "last year", "the 1990s", "two decades ago", "no ano passado", "el año pasado", "l’année dernière",
    "en marzo pasado", "triggered by", "the previous war", "that bloody war", "guerre précédente",
    "since May, when", "DESDE 2019, cuando", "on 3 March", "September 14", "in Janvier 2020", "em dezembro",
    "in a sİngle day", "ſince then, when", "the day after",
    "death toll", "número de vítimas mortales", "la cifra de heridos", "bilan des blessés", "nombre de morts",
    "a Hundred", "two DOZEN", "duas dezenas", "una docena", "une vingtaine", "uma DÚZIA", "un millier",
    "in den vergangenen 24 Stunden", "am Wochenende", "innerhalb einer Woche", "an einem einzigen Tag",
    "im vergangenen Jahr", "vor zwei Jahren", "im vorherigen Krieg", "seit März, als", "die Zahl der Toten",
    "Zahl der Verletzten", "ein Dutzend", "zwei Dutzend", "Todeszahl", "Twenty-Two", "vinte e seis", "ZWEIUNDZWANZIG",
    "veintiséis", "quatre-vingt-dix", "someone often", "dreizehn",
    "comes a WEEK after", "llega una semana después", "ocorre duas SEMANAS depois", "intervient un mois après",
    "erfolgte eine Woche nach", "depuis plus d'UN an", "seit mehr als einem Jahr", "ACCORDING TO the ministry", "officials said", ", said the army spokesman", "den Behörden zufolge",
]  # fmt: skip
# Upper case, accents, and the letters that match case-insensitively without lowercasing to them.
ALPHABET = st.sampled_from(list("abcdefghijklmnopqrstuvwxyz ABCDEIKLMNSTWZ'’-,0123456789éÉúÚíÍçİıſ") + PHRASES)


def gates_hold(text: str) -> None:
    keys = keys_of(text)
    for pattern, words in GATED:
        if pattern.search(text):
            assert keys.has(words), (pattern.pattern[:40], text)
    for pattern, words in GATED_LOWERCASE:
        if pattern.search(keys.low):
            assert keys.holds(words), (pattern.pattern[:40], text)
    if keys.caseless:  # the lowercased twin finds what the IGNORECASE pattern finds, where it is used
        for written, lowercased in TWINS:
            assert [m.span() for m in written.finditer(text)] == [m.span() for m in lowercased.finditer(keys.low)]


@pytest.mark.parametrize("phrase", PHRASES)
def test_every_listed_phrase_that_matches_passes_its_gates(phrase: str) -> None:
    gates_hold(phrase)


def test_the_listed_phrases_reach_the_gated_patterns() -> None:
    """The gates are tested where it matters: most gated patterns match some listed phrase."""
    matched = [pattern for pattern, _ in GATED + GATED_LOWERCASE if any(pattern.search(p.lower()) for p in PHRASES)]
    assert len(matched) >= len(GATED + GATED_LOWERCASE) - 4


def test_a_day_counts_only_where_a_word_begins() -> None:
    assert keys_of("killed in a single day").has(period._DAY_WORDS)
    assert not keys_of("killed on Sunday, today").has(period._DAY_WORDS)
    assert not keys_of("am Dienstag getötet").has(period._DAY_WORDS)


def test_a_case_oddity_turns_the_gate_off() -> None:
    assert gate_text("in a sİngle day") is None
    assert keys_of("in a sİngle day").has(period._DAY_WORDS)
    assert keys_of("ſince then").has(background._SINCE_WORDS)
    assert not keys_of("nothing here").has(period._DAY_WORDS)
    assert keys_of("the death toll rose").holds(outcomes._TOLL_WORDS)


def test_one_pass_finds_every_concept_whose_words_occur() -> None:
    keys = keys_of("According to the Health Ministry, 12 were killed in one day in 2024; the death toll rose.")
    assert keys.has(source._SOURCE_WORDS) and keys.has(period._DAY_WORDS) and keys.has(named_years._YEAR_DIGITS)
    assert keys.holds(outcomes._TOLL_WORDS)
    assert not keys.has(numbers._ARTICLE_SCALES) and not keys.has(background._EPISODE_WORDS)
    assert not keys_of("Troops moved north.").has(source._SOURCE_WORDS)


def test_a_concept_is_its_words_lowercased_and_an_empty_word_is_everywhere() -> None:
    gate = Gate()  # not the extractor's: a test must not add words to it
    shouting = gate.add("test.shouting", ("ALARM",))
    everywhere = gate.add("test.everywhere", ("",))
    assert gate.keys_of("an alarm rang").holds(shouting)
    assert not gate.keys_of("a bell rang").holds(shouting)
    assert gate.keys_of("").holds(everywhere)


@settings(max_examples=300, deadline=None)  # no timing: a loaded CI machine would flake
@given(st.lists(ALPHABET, max_size=30).map("".join))
def test_no_gate_rules_out_a_regex_match(text: str) -> None:
    gates_hold(text)


QUALIFIER_PIECES = [word for _, _, endings in lexicon.QUALIFIERS for word in endings] + [
    "at least",
    "plus d’",
    "more than a",
    "près de",
    "no máximo",
    " ",
    "\n",
    "\u00a0",
    "x",
    "s",
    "'",
    "é",
]


@settings(max_examples=500, deadline=None)  # no timing: a loaded CI machine would flake
@given(st.lists(st.sampled_from(QUALIFIER_PIECES), max_size=8).map("".join))
def test_a_qualifier_match_always_ends_with_one_of_its_endings(before: str) -> None:
    for _, pattern, endings in lexicon.QUALIFIERS:
        if pattern.search(before):
            assert before.rstrip().endswith(endings), before


FIGURE_PHRASES = [
    "killed", "Killed", "were wounded", "mortos", "heridos", "tués", "getötet", "verletzt", "death toll",
    "unkilled", "skilled", "dead", "among", "children", "_dead", "3dead", "-dead", "déad", "é", "ç",
]  # fmt: skip


@settings(max_examples=300, deadline=None)  # no timing: a loaded CI machine would flake
@given(st.lists(st.sampled_from(list("abcdekltsw .,\n-_3éİ") + FIGURE_PHRASES), max_size=25).map("".join))
def test_the_figure_keywords_start_where_the_prefix_tree_scan_found_them(text: str) -> None:
    """The article pass finds a figure keyword exactly where `\\b` + the keywords' prefix tree did."""
    low = lower_keeping_offsets(text)
    tree = re.compile(r"\b" + trie_pattern(keyword_stems(p for _, _, listed in lexicon._OUTCOMES for p in listed)))
    found = {start for start, _, concepts in scan(low) if lexicon.CASUALTY_KEYWORDS.key in concepts}
    assert found == {match.start() for match in tree.finditer(low)}


def test_a_sentence_has_the_same_keys_from_the_article_pass_as_from_its_own() -> None:
    article = (
        "Officials said 12 people were killed on Sunday. The death toll, according to medics, rose to 30.\n\n"
        "Since March, when the war began, 2,000 died. All of them were civilians; a dozen were children."
    )
    low = article.lower()
    hits = scan(low)
    sentences = split_sentences(article)
    from_article = keys_within(article, low, hits, [(sentence.start, sentence.end) for sentence in sentences])
    for sentence, whole in zip(sentences, from_article, strict=True):
        alone = keys_of(sentence.text)
        assert (whole.low, whole.caseless, whole._present) == (alone.low, alone.caseless, alone._present)


def test_the_article_pass_is_read_once_for_all_sentences() -> None:
    """Work grows with the words found, not words × sentences: the hits are read in one sweep
    (a one-shot iterator gives every sentence its keys, as the list does)."""
    article = " ".join(f"Officials said {n} people were killed in a day, according to medics." for n in range(40))
    low = article.lower()
    hits = scan(low)
    spans = [(sentence.start, sentence.end) for sentence in split_sentences(article)]
    once = keys_within(article, low, iter(hits), spans)  # type: ignore[arg-type]
    assert [keys._present for keys in once] == [keys._present for keys in keys_within(article, low, hits, spans)]
    assert all(keys.has(source._SOURCE_WORDS) and keys.has(period._DAY_WORDS) for keys in once)


CUE_PIECES = [
    "will ", "would ", "take effect", "begin", "come into force", "is to ", "are to start", "takes effect",
    "goes into force", " on Monday", " at midnight", "entrará en vigor", "entraria em vigor", "doit entrer en vigueur",
    "entre en vigueur", " lundi", "in Kraft treten", "soll ab Montag gelten", "sollte gelten", "wollen sich an",
    "werden einhalten", "wollten an", "BEGIN", "Force", " ", ", ", "x", "İ", "ſtart",
]  # fmt: skip


@settings(max_examples=400)
@given(st.lists(st.sampled_from(CUE_PIECES), max_size=8).map("".join))
def test_a_cue_searched_everywhere_matches_only_where_its_required_words_are(text: str) -> None:
    """The literals read from an unstemmed cue's parse tree are in every text it matches."""
    for index in ALWAYS_TRIED:
        scan = CUES[index].scan
        guard, rest = scan._everywhere, scan._rest
        assert guard is not None and rest is not None
        assert required_words(rest)  # the guard can rule a sentence out
        if rest.search(text):
            assert guard.may_match(text), (CUES[index].name, text)


def test_the_required_words_of_a_pattern() -> None:
    assert required_words(re.compile(r"\b(?:will|would)\s+(?:take\s+effect|begin)\b", re.I)) == {"effect", "begin"}
    assert required_words(re.compile(r"(?:a|b)?\d+")) is None  # nothing literal is certain
    assert required_words(re.compile(r"x(?:yz)+|Q")) == {"yz", "q"}  # the longer of "x" and "yz", or "q"


OUTCOME_PIECES = [*FIGURE_PHRASES, "die", "la vie de", "a coûté la vie à", "ont été tués", "wurden getötet", "Die"]


@settings(max_examples=300, deadline=None)  # no timing: a loaded CI machine would flake
@given(st.lists(st.sampled_from(list("abdeklstw .,\n-_3éİ") + OUTCOME_PIECES), max_size=25).map("".join))
def test_the_outcome_scan_is_spared_only_where_it_finds_nothing(text: str) -> None:
    keys = keys_of(text)
    if lexicon.OUTCOME_SCANNER.search(keys.low):
        assert lexicon.may_hold_an_outcome(keys), text


def test_every_outcome_phrase_passes_the_outcome_gate() -> None:
    for phrase in lexicon.OUTCOME_OF:
        assert lexicon.may_hold_an_outcome(keys_of(f"12 {phrase} x")), phrase
