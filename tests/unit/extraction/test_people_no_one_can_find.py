"""People no one can find are missing: "quatre personnes restent introuvables", "manquent à
l'appel", "40 siguen en paradero desconocido", Mexican "personas no localizadas", "40 continuam em
paradeiro desconhecido". News in French, Spanish and Portuguese tells the missing so as often as with
"disparus"/"desaparecidos"; the lexicon had only the latter (`outcomes.missing.post`).

Look-alikes: a place or a thing no one can find is no person ("le lieu reste introuvable", singular
and no number), and a count of things before the words. Sentences of my own wording, none from an
evaluation set or a real article.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import pairs

CASES: list[tuple[str, str, list[tuple[str, int]]]] = [
    ("fr", "Après l'effondrement du pont, six ouvriers restent introuvables, selon les pompiers.", [("missing", 6)]),
    ("fr", "Deux jours après l'embuscade, trois gendarmes manquent à l'appel.", [("missing", 3)]),
    ("es", "Tras la inundación, 15 vecinos siguen en paradero desconocido, informó la alcaldía.", [("missing", 15)]),
    ("es", "La fiscalía abrió carpetas por 22 personas no localizadas en el municipio.", [("missing", 22)]),
    ("pt", "Segundo a polícia, 12 pescadores continuam em paradeiro desconhecido.", [("missing", 12)]),
    # look-alikes
    ("fr", "Le lieu du crash reste introuvable pour les secouristes.", []),
    ("es", "Las autoridades buscan 12 vehículos no localizados tras el robo.", []),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_people_no_one_can_find(language: str, text: str, expected: list[tuple[str, int]]) -> None:
    assert pairs(text, language) == expected
