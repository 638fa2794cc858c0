"""Each stage of extraction fuzzed on its own, not only through the guarded whole.

Since a failing stage now raises `StageFailed` (the article's facts become unknown, and are
dead-lettered), every stage must hold on any input: these tests call the stages directly
with arbitrary text and news-like word soup, in every supported language.
"""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from services.extraction.attribution.period import period_hours
from services.extraction.attribution.source import find_source
from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.figures.casualties import find_casualties
from services.extraction.region.resolve import resolve_region
from services.extraction.text.language import SUPPORTED, normalise_language
from services.extraction.text.numbers import find_numbers
from services.extraction.text.sentences import split_sentences
from tests.unit.extraction.test_extract_properties import NEWS_WORDS

LANGUAGES = st.sampled_from([*SUPPORTED, None, "pt-BR", "xx", ""])
STATUS_WORDS = [
    "ceasefire", "truce", "agreed", "violated", "collapsed", "extended", "proposed", "took", "effect", "holding",
    "accord", "cessez-le-feu", "alto", "el", "fuego", "cessar-fogo", "trégua", "rompu", "violó", "Russia", "Ukraine",
    "Gaza", "Israel", "Hamas", "Qatar", "brokered", "by", "despite", "not", "may", "will", "\n", ".", "!", "?",
]  # fmt: skip
PROSE = st.lists(st.sampled_from(NEWS_WORDS + STATUS_WORDS), max_size=60).map(" ".join)
ANY_TEXT = st.one_of(st.text(), PROSE)
WHEN = st.one_of(st.none(), st.datetimes(timezones=st.just(UTC), min_value=datetime(1900, 1, 1)))
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(ANY_TEXT, LANGUAGES)
def test_language_is_always_a_two_letter_code(text: str, hint: str | None) -> None:
    code = normalise_language(hint, text)
    assert len(code) == 2 and code.isalpha() and code.islower()


@SETTINGS
@given(ANY_TEXT)
def test_sentences_point_into_the_text_in_order(text: str) -> None:
    sentences = split_sentences(text)
    previous_end = 0
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        assert previous_end <= sentence.start <= sentence.end
        previous_end = sentence.end


@SETTINGS
@given(ANY_TEXT, st.sampled_from(SUPPORTED))
def test_numbers_are_non_negative_and_point_into_the_sentence(sentence: str, language: str) -> None:
    for number in find_numbers(sentence, language):
        assert number.value >= 0
        assert 0 <= number.start < number.end <= len(sentence)


@SETTINGS
@given(ANY_TEXT, st.sampled_from(SUPPORTED), WHEN)
def test_casualty_figures_quote_their_sentence(text: str, language: str, published: datetime | None) -> None:
    for figure in find_casualties(split_sentences(text), language, published):
        assert figure.count >= 0
        assert text[figure.start : figure.end] == figure.sentence


@SETTINGS
@given(ANY_TEXT, st.sampled_from(SUPPORTED))
def test_ceasefire_statements_quote_their_sentence(text: str, language: str) -> None:
    for statement in find_ceasefire(split_sentences(text), language):
        assert text[statement.start : statement.end] == statement.sentence


@SETTINGS
@given(ANY_TEXT, st.one_of(st.none(), ANY_TEXT))
def test_a_region_is_always_named_and_its_places_point_into_the_text(text: str, title: str | None) -> None:
    resolution = resolve_region(text, title)
    assert resolution.region
    for place in resolution.locations:
        assert 0 <= place.start < place.end <= len(text)


@SETTINGS
@given(ANY_TEXT)
def test_attribution_and_period_answer_on_any_sentence(sentence: str) -> None:
    source = find_source(sentence)
    assert source is None or source.strip()
    for language in SUPPORTED:
        hours = period_hours(sentence, language)
        assert hours is None or hours > 0
