"""The article folded once (text/folded.py) and handed to the ceasefire reader and the region
resolver gives what each of them finds folding the text itself: the same statements and the
same places, on any text — prose, odd whitespace between sentences, and characters whose
lowercase is longer ("İ"), where offsets only hold sentence by sentence."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.region.resolve import resolve_region
from services.extraction.text.folded import fold_article
from services.extraction.text.sentences import split_sentences
from tests.unit.extraction.test_extract_properties import NEWS_WORDS
from tests.unit.extraction.test_stage_properties import STATUS_WORDS

ODD = ["İ", "ı", "ſ", "\u00a0", "\u2028", "\t", "  ", "\n\n", "’", "–", "Nagorno-Karabakh", "Gaza City", "Kharkiv"]
PROSE = st.lists(st.sampled_from(NEWS_WORDS + STATUS_WORDS + ODD), max_size=80).map(" ".join)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

STORY = (
    "Armenia and Azerbaijan agreed to a ceasefire brokered by Russia on Tuesday.  The truce took effect at noon in "
    "Nagorno-Karabakh.\n\nBy evening it was violated by shelling near Stepanakert. İSTANBUL talks on extending the "
    "truce collapsed."
)


@SETTINGS
@given(st.one_of(PROSE, st.text()), st.sampled_from(["en", "es", "fr", "pt", "de"]))
def test_the_shared_article_gives_the_statements_of_the_sentences_alone(text: str, language: str) -> None:
    sentences = split_sentences(text)
    assert find_ceasefire(sentences, language, fold_article(text)) == find_ceasefire(sentences, language)


@SETTINGS
@given(st.one_of(PROSE, st.text()))
def test_the_shared_article_gives_the_places_of_the_text_alone(text: str) -> None:
    assert resolve_region(text, None, article=fold_article(text)) == resolve_region(text, None)


def test_a_story_reads_the_same_with_the_shared_article() -> None:
    sentences = split_sentences(STORY)
    shared = find_ceasefire(sentences, "en", fold_article(STORY))
    assert [s.status for s in shared] == [s.status for s in find_ceasefire(sentences, "en")]
    assert {"agreed", "in_effect", "violated"} <= {s.status for s in shared}  # the comparison compares something
    region = resolve_region(STORY, None, article=fold_article(STORY))
    assert region == resolve_region(STORY, None) and region.region != "unknown"
