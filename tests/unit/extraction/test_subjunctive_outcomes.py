"""An outcome verb in the subjunctive is an outcome: news tells what led to an event with "after
… died" in a subordinate clause, which Spanish and Portuguese put in the subjunctive ("después de
que murieran 22 personas", "depois que morressem 9"), before or after its subject. Portuguese
"faleceram"/"falecidos" are the dead, as Spanish "fallecieron" are. Only verbs whose stem is a
keyword already are listed, so the keyword gate opens for no new sentences. Sentences of my own
wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import full

Figure = tuple[str, int, str, str | None]

CASES: list[tuple[str, str, list[Figure]]] = [
    ("es", "La tregua llegó dos días después de que al menos 31 personas murieran en los bombardeos.",
     [("killed", 31, "at_least", None)]),
    ("es", "Las protestas estallaron después de que murieran 7 manifestantes.", [("killed", 7, "exact", None)]),
    ("es", "El gobernador pidió calma después de que 16 personas fallecieran y 45 resultaran heridas.",
     [("killed", 16, "exact", None), ("injured", 45, "exact", None)]),
    ("es", "La búsqueda empezó después de que desaparecieran 11 pescadores.", [("missing", 11, "exact", None)]),
    ("pt", "O cessar-fogo chegou um dia depois de que 27 pessoas morressem nos bombardeios.",
     [("killed", 27, "exact", None)]),
    ("pt", "Os protestos começaram depois que morressem 6 manifestantes.", [("killed", 6, "exact", None)]),
    ("pt", "Doze pessoas faleceram no incêndio do mercado.", [("killed", 12, "exact", None)]),
    ("pt", "Segundo os bombeiros, faleceram 4 pessoas.", [("killed", 4, "exact", None)]),
    ("pt", "Entre os falecidos estão dois bombeiros.", [("killed", 2, "exact", None)]),
    # the indicative, as before
    ("es", "Al menos 31 personas murieron en los bombardeos.", [("killed", 31, "at_least", None)]),
    # look-alike: a subjunctive of another verb names no outcome
    ("es", "Pidieron que 200 familias fueran realojadas.", []),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_subjunctive_outcomes(language: str, text: str, expected: list[Figure]) -> None:
    assert full(text, language) == expected
