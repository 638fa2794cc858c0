"""An adverb that adds to what was told leaves a verb governing its number: "In the clashes died
also four soldiers", "murieron también cuatro", "morreram também quatro", "starben außerdem
vier", "Among the wounded are additionally three …", "Entre as vítimas estão ainda nove …"
(`grammar.additive_adverbs`: a filler between an outcome verb and its number, and beside a
listing verb). And a negation before an outcome is read in the article's language: the
Portuguese "no" of "No ataque morreram" is "in the", not "no" (`grammar.outcome_negations`).
Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import full

Figure = tuple[str, int, str, str | None]

CASES: list[tuple[str, str, list[Figure]]] = [
    # an outcome verb, an additive adverb, then its number
    ("en", "The shelling killed also three medics.", [("killed", 3, "exact", None)]),
    ("es", "En el bombardeo de la madrugada murieron también cinco policías.", [("killed", 5, "exact", "police")]),
    ("es", "Durante el asalto fallecieron asimismo dos periodistas locales.", [("killed", 2, "exact", "journalists")]),
    ("pt", "No tiroteio morreram também seis soldados.", [("killed", 6, "exact", "soldiers")]),
    ("pt", "Na emboscada morreram ainda sete polícias.", [("killed", 7, "exact", "police")]),
    ("de", "Bei dem Überfall starben außerdem zwei Polizisten.", [("killed", 2, "exact", "police")]),
    ("de", "Verletzt wurden zudem acht Zivilisten.", [("injured", 8, "exact", "civilians")]),
    ("fr", "L'explosion a aussi tué quatre soldats.", [("killed", 4, "exact", "soldiers")]),
    # beside a listing verb
    ("en", "Among the wounded were additionally four reporters.", [("injured", 4, "exact", "journalists")]),
    ("es", "Entre los heridos hay además seis niños.", [("injured", 6, "exact", "children")]),
    ("pt", "Entre as vítimas mortais estão ainda três enfermeiros.", [("killed", 3, "exact", None)]),
    ("fr", "Parmi les blessés figurent encore deux enfants.", [("injured", 2, "exact", "children")]),
    ("de", "Unter den Toten sind ebenfalls fünf Soldaten.", [("killed", 5, "exact", "soldiers")]),
    # look-alikes: the adverb opens a clause whose number has its own outcome
    ("es", "Murieron tres personas y también cuatro resultaron heridas.",
     [("killed", 3, "exact", None), ("injured", 4, "exact", None)]),
    ("pt", "Morreram duas pessoas e ainda cinco ficaram feridas.",
     [("killed", 2, "exact", None), ("injured", 5, "exact", None)]),
    # Portuguese "no"/"na" is "in the": the verb after it is no negated outcome
    ("pt", "No ataque morreram onze pessoas.", [("killed", 11, "exact", None)]),
    ("pt", "Na explosão morreram nove pessoas.", [("killed", 9, "exact", None)]),
    # negations still deny the outcome, each in its language
    ("pt", "No ataque não morreram 12 pessoas, disse o governo.", []),
    ("pt", "Não houve mortos, mas 12 pessoas ficaram feridas.", [("injured", 12, "exact", None)]),
    ("es", "No hubo muertos, pero 15 personas resultaron heridas.", [("injured", 15, "exact", None)]),
    ("es", "No murieron 12 personas, como se dijo al principio.", []),
    ("en", "No deaths were reported, but 14 people were injured.", [("injured", 14, "exact", None)]),
    ("fr", "Aucun mort n'est à déplorer, mais 9 personnes ont été blessées.", [("injured", 9, "exact", None)]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_additive_adverbs_and_negations(language: str, text: str, expected: list[Figure]) -> None:
    assert full(text, language) == expected
