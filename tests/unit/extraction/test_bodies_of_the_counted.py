"""Bodies counted by the number before them, with whose bodies they were after "of": "1,500 bodies
of fighters were found", "se encontraron 20 cuerpos de migrantes", "une quinzaine de corps de
soldats ont été retrouvés". Counts of bodies are killed figures (the contract).

Real outlets' reports of bodies recovered write it so in every language; the phrase "bodies of"
was read only as the noun before a complement ("the bodies of 12 people"), so the number before
it counted nothing. `figures/head_words.py` `counted_noun_of`: right after a number, a `noun_of`
outcome noun is the noun that number counts, and the people after its "of" may name the group.
French had no "corps" outcome at all: "corps" alone is also a unit ("Frontier Corps", and the
outcome table serves every language), so the lexicon lists it with the verbs of finding bodies.

Look-alikes: the complement counted ("the bodies of 12 people": 12, as before), a body of
people that is no body ("quinze corps de métier", "two wings of the Frontier Corps"), and a
determiner before the noun ("la mort de": another noun phrase). Sentences of my own wording,
none from an evaluation set or a real article.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import full

Figure = tuple[str, int, str, str | None]

COUNTED: list[tuple[str, str, list[Figure]]] = [
    ("en", "A police spokesman said 40 bodies of migrants were pulled from the river on Tuesday.",
     [("killed", 40, "exact", None)]),
    ("en", "Search teams have recovered at least 25 bodies of soldiers near the border post.",
     [("killed", 25, "at_least", "soldiers")]),
    ("es", "Los equipos de rescate hallaron 40 cuerpos de migrantes en la orilla del río.",
     [("killed", 40, "exact", None)]),
    ("es", "Una veintena de cuerpos de soldados fueron encontrados cerca del puesto fronterizo.",
     [("killed", 20, "approximately", "soldiers")]),
    ("pt", "Segundo o porta-voz, 1.500 corpos de combatentes foram encontrados junto à fronteira.",
     [("killed", 1500, "exact", "fighters")]),
    ("pt", "As equipes de resgate retiraram 40 corpos de migrantes do rio na terça-feira.",
     [("killed", 40, "exact", None)]),
    ("fr", "Une quinzaine de corps de soldats ont été retrouvés après les opérations de ratissage.",
     [("killed", 15, "approximately", "soldiers")]),
    ("fr", "Au moins 60 corps ont été retrouvés dans la fosse commune, selon les secouristes.",
     [("killed", 60, "at_least", None)]),
    ("fr", "Les plongeurs ont repêché 12 corps de migrants au large de la côte.",
     [("killed", 12, "exact", None)]),
    # German writes "von", which was never a noun_of phrase: read already, kept so
    ("de", "Die Helfer bargen 40 Leichen von Migranten aus dem Fluss.", [("killed", 40, "exact", None)]),
]

LOOK_ALIKES: list[tuple[str, str, list[Figure]]] = [
    # the complement counted, as before
    ("en", "The bodies of 12 people were found in the rubble.", [("killed", 12, "exact", None)]),
    ("fr", "Les corps de trois soldats ont été rapatriés jeudi.", [("killed", 3, "exact", "soldiers")]),
    # a corps that is no body
    ("fr", "Quinze corps de métier travaillent à la reconstruction du pont.", []),
    ("fr", "Moscou a déployé deux corps d'armée au nord de la ville.", []),
    ("en", "The deployment, which includes two wings of the Frontier Corps, will last 90 days.", []),
]


@pytest.mark.parametrize(("language", "text", "expected"), COUNTED + LOOK_ALIKES)
def test_bodies_are_counted_by_the_number_before_them(language: str, text: str, expected: list[Figure]) -> None:
    assert full(text, language) == expected
