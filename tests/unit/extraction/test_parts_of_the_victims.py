"""Parts and ranges news writes around a toll, in every language that writes them so.

- "Seven of the victims were children": the victims are the figure before, as "of them" is; the
  part takes its outcome, killed or injured, and the group its predicate names ("Siete de las
  víctimas", "Sept des victimes", "Sete das vítimas"; lexicon `grammar.part_of_them`, the nouns of
  `grammar.victims`). Another fate ("were identified") is no part. German writes the
  genitive ("Sieben der Opfer") and is left out: it has no genitive partitive yet.
- "Entre os feridos contam-se três crianças": a verb of counting after a subgroup cue is a
  filler, as "se cuentan", "on compte" and "befinden sich" are (`grammar.subgroup_fillers`).
- "hablaron de entre 15 y 20 muertos", "falaram de entre 15 e 20 mortos": "de entre" opens a
  range of people; an age range is rejected by its "años"/"anos", as before.
Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import full

Figure = tuple[str, int, str, str | None]

CASES: list[tuple[str, str, list[Figure]]] = [
    ("en", "A rocket hit the market, killing 23 people. Seven of the victims were children.",
     [("killed", 23, "exact", None), ("killed", 7, "exact", "children")]),
    ("es", "Un cohete alcanzó el mercado y mató a 23 personas. Siete de las víctimas eran niños.",
     [("killed", 23, "exact", None), ("killed", 7, "exact", "children")]),
    ("fr", "Une roquette a frappé le marché, tuant 23 personnes. Sept des victimes étaient des enfants.",
     [("killed", 23, "exact", None), ("killed", 7, "exact", "children")]),
    ("pt", "Um foguete atingiu o mercado e matou 23 pessoas. Sete das vítimas eram crianças.",
     [("killed", 23, "exact", None), ("killed", 7, "exact", "children")]),
    ("en", "The blast wounded 30 people. Twelve of the victims were women.",
     [("injured", 30, "exact", None), ("injured", 12, "exact", "women")]),
    ("en", "A rocket hit the market, killing 23 people, seven of the victims children.",
     [("killed", 23, "exact", None), ("killed", 7, "exact", "children")]),
    ("en", "A rocket hit the market, killing 23 people. Seven of the victims were identified by their families.",
     [("killed", 23, "exact", None)]),
    ("es", "El ataque dejó 23 muertos. Siete de las víctimas fueron identificadas.", [("killed", 23, "exact", None)]),
    # a verb of counting after a subgroup cue
    ("pt", "O bombardeio feriu 23 pessoas. Entre os feridos contam-se três crianças, uma das quais em estado grave.",
     [("injured", 23, "exact", None), ("injured", 3, "exact", "children")]),
    ("es", "El bombardeo hirió a 23 personas. Entre los heridos se cuentan tres niños.",
     [("injured", 23, "exact", None), ("injured", 3, "exact", "children")]),
    ("fr", "Le bombardement a blessé 23 personnes. Parmi les blessés, on compte trois enfants.",
     [("injured", 23, "exact", None), ("injured", 3, "exact", "children")]),
    ("de", "Der Beschuss verletzte 23 Menschen. Unter den Verletzten befinden sich drei Kinder.",
     [("injured", 23, "exact", None), ("injured", 3, "exact", "children")]),
    # "de entre" opens a range of people, not only of ages
    ("es", "Testigos hablaron de entre 15 y 20 muertos.", [("killed", 15, "at_least", None)]),
    ("pt", "Testemunhas falaram de entre 15 e 20 mortos.", [("killed", 15, "at_least", None)]),
    ("fr", "Des témoins ont fait état d'entre 15 et 20 morts.", [("killed", 15, "at_least", None)]),
    ("en", "Witnesses spoke of between 15 and 20 dead.", [("killed", 15, "at_least", None)]),
    ("de", "Zeugen sprachen von 15 bis 20 Toten.", [("killed", 15, "at_least", None)]),
    ("es", "Murieron tres niños de entre 5 y 10 años.", [("killed", 3, "exact", "children")]),
    ("pt", "Morreram três crianças de entre 5 e 10 anos.", [("killed", 3, "exact", "children")]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_parts_and_ranges_around_a_toll(language: str, text: str, expected: list[Figure]) -> None:
    assert full(text, language) == expected
