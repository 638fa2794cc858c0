"""An attribution may stand between a figure's cue and its number, in every language.

News copy drops "according to …" right before the number it vouches for: after a verb ("Dabei
starben laut Polizei 5 Menschen", tested in test_casualty_phrasings.py) and after a cue that
names the people a part is counted among ("Among the dead were, according to police, six
officers"). The cue still reaches the number over it. Sentences of my own wording, none from
an evaluation set.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import full

CASES: list[tuple[str, str, list[tuple[str, int, str, str | None]]]] = [
    ("en", "Among the dead were, according to the governor, four firefighters.", [("killed", 4, "exact", None)]),
    ("en", "Among the wounded are, according to hospital staff, nine children.", [("injured", 9, "exact", "children")]),
    ("de", "Unter den Toten sind nach Angaben der Feuerwehr vier Kinder.", [("killed", 4, "exact", "children")]),
    ("de", "Unter den Verletzten seien laut Klinik auch neun Polizisten.", [("injured", 9, "exact", "police")]),
    ("es", "Entre los muertos hay, según el alcalde, cuatro niños.", [("killed", 4, "exact", "children")]),
    (
        "es",
        "Entre los heridos figuran, de acuerdo con la Cruz Roja, nueve periodistas.",
        [("injured", 9, "exact", "journalists")],
    ),
    ("fr", "Parmi les morts figurent, selon la préfecture, quatre enfants.", [("killed", 4, "exact", "children")]),
    ("fr", "Parmi les blessés, d'après les secours, neuf policiers.", [("injured", 9, "exact", "police")]),
    ("pt", "Entre os mortos estão, segundo o hospital, quatro crianças.", [("killed", 4, "exact", "children")]),
    ("pt", "Entre os feridos há, de acordo com os bombeiros, nove polícias.", [("injured", 9, "exact", "police")]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_a_subgroup_cue_reaches_its_number_over_an_attribution(
    language: str, text: str, expected: list[tuple[str, int, str, str | None]]
) -> None:
    assert full(text, language) == expected


def test_an_attribution_after_a_whole_clause_is_no_bridge() -> None:
    # the cue's clause ends with its own number; the attribution opens the next figure's clause
    text = "Among the dead were two children; according to police, 40 people were arrested."
    assert full(text, "en") == [("killed", 2, "exact", "children")]
