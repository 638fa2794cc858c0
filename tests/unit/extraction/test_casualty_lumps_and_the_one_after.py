"""Two outcomes joined as one count, and one person counted by the numeral alone.

"More than 400 people have been killed or were injured by mines" lumps two outcomes, as "killed
or injured" does: the contract gives no entry. The second outcome may keep its own auxiliary
("or were injured", "o resultado heridas", "oder wurden verletzt"; lexicon `grammar.lump_links`).

"Two deminers died and one was injured": after a clause with a count, the numeral alone and an
outcome right after it (perhaps after its auxiliary: `grammar.singular_links`) count one person
("y uno resultó herido", "et un a été blessé", "e um ficou ferido"). An article before a noun
("y una mujer resultó herida") stays a singular without a number.

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import full

Figure = tuple[str, int, str, str | None]

CASES: list[tuple[str, str, list[Figure]]] = [
    ("en", "Since the war ended, more than 300 farmers have been killed or were injured by mines.", []),
    ("es", "Desde el fin de la guerra, más de 300 agricultores han muerto o resultado heridos por minas.", []),
    ("de", "Seit Kriegsende wurden mehr als 300 Bauern durch Minen getötet oder wurden verletzt.", []),
    ("es", "Tres policías murieron y uno resultó herido en la emboscada.",
     [("killed", 3, "exact", "police"), ("injured", 1, "exact", "police")]),
    ("fr", "Trois policiers ont été tués et un a été blessé dans l'embuscade.",
     [("killed", 3, "exact", "police"), ("injured", 1, "exact", "police")]),
    ("pt", "Três policiais morreram e um ficou ferido na emboscada.",
     [("killed", 3, "exact", "police"), ("injured", 1, "exact", "police")]),
    ("en", "Three police officers were killed and one was wounded in the ambush.",
     [("killed", 3, "exact", "police"), ("injured", 1, "exact", "police")]),
    # look-alikes: an article before a noun, and a collective
    ("es", "Tres policías murieron y una vecina resultó herida en la emboscada.", [("killed", 3, "exact", "police")]),
    ("es", "Tres policías murieron y una decena de vecinos resultaron heridos.",
     [("killed", 3, "exact", "police"), ("injured", 10, "approximately", None)]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_lumps_and_the_one_after(language: str, text: str, expected: list[Figure]) -> None:
    assert full(text, language) == expected
