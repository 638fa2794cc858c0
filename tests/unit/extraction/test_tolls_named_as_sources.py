"""A toll that an attribution governs names whose count follows, not its outcome, in every language.

"Selon un bilan de la mairie, 17 personnes ont été blessées", "According to the latest tally by
medics, …": news cites a toll as its source, and the figure after it has an outcome of its own.
A toll that governs its number ("the toll rose to 54", "el saldo ascendió a 54", "o balanço
subiu para 54") still gives it its outcome; Spanish "saldo"/"balance" and Portuguese "balanço"
alone are the toll of the dead, as French "bilan" and German "Bilanz" are. Sentences of my own
wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import pairs

CASES: list[tuple[str, str, list[tuple[str, int]]]] = [
    # a toll as a source: the figure's own verb tells its outcome
    ("en", "According to the latest toll from the health ministry, 23 people were wounded in the shelling.",
     [("injured", 23)]),
    ("fr", "Selon un bilan provisoire de la préfecture, 23 personnes ont été blessées dans le bombardement.",
     [("injured", 23)]),
    ("fr", "D'après le bilan des secours, 23 personnes ont aussi été blessées.", [("injured", 23)]),
    ("es", "Según el último balance de las autoridades, 23 personas resultaron heridas en el bombardeo.",
     [("injured", 23)]),
    ("pt", "Segundo um balanço das autoridades locais, 23 pessoas ficaram feridas no bombardeio.",
     [("injured", 23)]),
    ("de", "Laut einer Bilanz der Behörden wurden bei dem Beschuss 23 Menschen verletzt.", [("injured", 23)]),
    # a toll that governs its number
    ("en", "The toll from the shelling rose to 23 on Monday.", [("killed", 23)]),
    ("fr", "Le bilan du bombardement s'est alourdi lundi à 23.", [("killed", 23)]),
    ("es", "El saldo del bombardeo subió el lunes a 23, según las autoridades.", [("killed", 23)]),
    ("es", "El balance del bombardeo se elevó a 23.", [("killed", 23)]),
    ("pt", "O balanço do bombardeio subiu nesta segunda-feira para 23, segundo as autoridades.", [("killed", 23)]),
    ("es", "El saldo de heridos ascendió a 23.", [("injured", 23)]),
    ("pt", "O balanço de feridos subiu para 23.", [("injured", 23)]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_toll_as_source_or_value(language: str, text: str, expected: list[tuple[str, int]]) -> None:
    assert pairs(text, language) == expected
