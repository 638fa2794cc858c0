"""Spanish and Portuguese phrasings of the dead and wounded that read as something else.

- A relative partitive inside the subject ("otras 22 personas, de las que dos eran niños,
  murieron") is skipped on the way to the verb, as "including two children" is: the whole takes
  the verb, the part its group.
- "perecieron" / "pereceram" (perished) report the dead as "murieron" does.
- The cause after the wounded ("722 heridos a causa de la guerra", "a manos de", "a raíz de") is
  no "heridos a" before a number ("heridas a otras veintidós").

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import full

Figure = tuple[str, int, str, str | None]

CASES: list[tuple[str, str, list[Figure]]] = [
    ("es", "Otras 31 personas, de las que cuatro eran mujeres, murieron en el derrumbe del mercado.",
     [("killed", 31, "exact", None), ("killed", 4, "exact", "women")]),
    ("es", "Otras 31 personas, de las cuales cuatro eran mujeres, murieron en el derrumbe del mercado.",
     [("killed", 31, "exact", None), ("killed", 4, "exact", "women")]),
    ("es", "En el naufragio perecieron 31 migrantes, según la guardia costera.", [("killed", 31, "exact", None)]),
    ("pt", "Pelo menos 31 migrantes pereceram no naufrágio, segundo a guarda costeira.", [("killed", 31, "at_least", None)]),
    ("es", "La oficina registraba 1.450 muertos y 3.210 heridos a causa de los combates.",
     [("killed", 1450, "exact", None), ("injured", 3210, "exact", None)]),
    ("es", "Hubo nueve muertos y 26 heridos a manos de los asaltantes.",
     [("killed", 9, "exact", None), ("injured", 26, "exact", None)]),
    # look-alike: "heridas a" before its number still reports it
    ("es", "El ataque causó la muerte de cuatro y heridas a otras 19 personas.",
     [("killed", 4, "exact", None), ("injured", 19, "exact", None)]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_relative_parts_and_causes(language: str, text: str, expected: list[Figure]) -> None:
    assert full(text, language) == expected
