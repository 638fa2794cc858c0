"""Attacks told against a truce break it, however the truce is named.

- Attacks since the truce began are a violation: "the first strike since the ceasefire took
  effect", "des frappes quasi quotidiennes depuis le début de la trêve", "ataques desde la entrada
  en vigor de la tregua", "ataques desde o início do cessar-fogo", "Luftangriffe seit Beginn der
  Waffenruhe" (lexicon `ceasefire.cues.attacks_since`: the attack noun, a few words, "since" and the
  truce). A date after the "since" dates the truce's start, not the attacks; one before them dates
  the attacks. So do attacks during it ("kept bombing villages throughout the truce", "tirs pendant
  la trêve", "ataques durante la tregua"; German "während" is also a clause break, left out), but
  not during the truce's talks.
- "despite" reaches over the date that names the truce: "despite the November 2024 ceasefire",
  "despite the Oct. 10 truce" (`ceasefire/attachment.py` `_NAMING_DATE`), and that date does not
  make the violation an earlier one.
- English "since the start of the truce" dates its being in force, as "depuis le début de la trêve"
  does (`ceasefire.cues.entry_into_force`); not "before the start of" it, nor the start of truce talks.
- A truce that "ended more than a year of fighting" ended the fighting, not itself (English
  `collapsed_after`).

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

Expected = set[tuple[str, bool]]

CASES: list[tuple[str, str, Expected]] = [
    ("en", "It was the deadliest strike on the town since the ceasefire took effect in November.", {("violated", False), ("in_effect", False)}),
    ("en", "Residents counted near-daily raids on the villages since the start of the truce.", {("violated", False), ("in_effect", False)}),
    ("fr", "L'armée a mené des frappes quasi quotidiennes dans la vallée depuis le début de la trêve.", {("violated", False), ("in_effect", False)}),
    ("es", "Los vecinos denuncian ataques casi diarios desde la entrada en vigor de la tregua.", {("violated", False), ("in_effect", False)}),
    ("pt", "Os moradores denunciam ataques quase diários desde o início do cessar-fogo.", {("violated", False), ("in_effect", False)}),
    ("de", "Die Bewohner zählten fast tägliche Luftangriffe seit Beginn der Waffenruhe.", {("violated", False), ("in_effect", False)}),
    ("en", "Villagers say the militia kept raiding farms and bombing roads throughout the truce.", {("violated", False)}),
    ("fr", "Des tirs ont été signalés pendant la trêve dans plusieurs villages du nord.", {("violated", False)}),
    ("es", "Los vecinos denunciaron ataques esporádicos durante la tregua en varias aldeas.", {("violated", False)}),
    ("pt", "Os moradores denunciaram ataques esporádicos durante a trégua em várias aldeias.", {("violated", False)}),
    ("en", "There were no attacks during the truce talks.", set()),
    # look-alikes: talks or a day since the truce are no attack; attacks dated before their "since"
    ("en", "It was the quietest day since the ceasefire took effect.", {("in_effect", False)}),
    ("en", "In 2021, the army carried out raids since the truce of 2019 had collapsed.", {("violated", True), ("collapsed", True)}),
    # "despite" over the date that names the truce
    ("en", "Artillery fire continued along the river despite the November 2024 ceasefire.", {("violated", False)}),
    ("en", "Militia fighters shelled two villages despite the Oct. 10 truce.", {("violated", False)}),
    ("fr", "Les tirs ont continué le long du fleuve malgré la trêve du 27 novembre.", {("violated", False)}),
    # the start of the truce: in force since
    ("en", "More than 200 people have been killed since the beginning of the ceasefire.", {("in_effect", False)}),
    ("en", "Shelling intensified hours before the start of the truce.", set()),
    ("en", "The start of the truce talks was delayed.", {("proposed", False)}),
    # a truce that ended a war ended the war
    ("en", "The truce, brokered by the elders, ended more than a year of fighting between the clans.", {("agreed", False)}),
    ("en", "The truce ended more than a year ago.", {("collapsed", True)}),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[c[1][:60] for c in CASES])
def test_attacks_since_or_despite_a_named_truce_violate_it(language: str, text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {(statement.status, statement.background) for statement in statements} == expected
