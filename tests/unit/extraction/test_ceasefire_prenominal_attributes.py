"""German describes a truce before its noun, between the article and the noun: "die im März unter
katarischer Vermittlung vereinbarte Feuerpause". The dates in such an attribute date the truce's
making, not what the rest of the sentence says the truce does now ("gilt als brüchig", "sei
beendet"): the making is background, the present verb is news (`describing_clauses.describing_attributes`,
lexicon ceasefire.attribute_openers, attribute_participles, present_finites). A verb in the past
("hielt nur drei Tage", "war zusammengebrochen") tells the old truce's own story and stays history.
English, Spanish, French and Portuguese put such a description after the noun
(test_ceasefire_participle_dates.py). Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences


def statuses(text: str) -> dict[str, bool]:
    """Each status read, and whether it is background."""
    return {s.status: s.background for s in find_ceasefire(split_sentences(text), "de")}


NOW: list[tuple[str, str]] = [
    ("Die im März unter katarischer Vermittlung vereinbarte Feuerpause gilt inzwischen als äußerst brüchig.", "in_effect"),
    ("Die 2021 in Kairo unterzeichnete Waffenruhe sei mit dem Vorstoß der Miliz beendet, sagte ein Sprecher.", "collapsed"),
    ("Die damals ausgehandelte Waffenruhe wird nach Angaben beider Seiten um einen Monat verlängert.", "extended"),
]


@pytest.mark.parametrize(("text", "status"), NOW)
def test_a_date_in_the_attribute_dates_only_the_making(text: str, status: str) -> None:
    read = statuses(text)
    assert read.get(status) is False  # today's news
    assert read.get("agreed") is True  # the making, dated by the attribute


PAST: list[tuple[str, str]] = [
    ("Eine im Juni 2019 in Genf vereinbarte Waffenruhe hielt nur drei Tage.", "collapsed"),
    ("Die 2016 unterzeichnete Feuerpause war nach wenigen Wochen zusammengebrochen.", "collapsed"),
]


@pytest.mark.parametrize(("text", "status"), PAST)
def test_an_old_truce_told_in_the_past_stays_history(text: str, status: str) -> None:
    assert statuses(text).get(status) is True


def test_a_finite_verb_before_its_object_is_no_attribute() -> None:
    # "vereinbarten" is the verb here, "eine" its object's article: the year dates the agreement itself
    assert statuses("Die Parteien vereinbarten 2018 eine Waffenruhe, die bis heute gilt.").get("agreed") is True
