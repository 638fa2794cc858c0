"""A German source named after its verb ends before the day it spoke: "…, erklärte das Militär am Freitag".

Wire copy closes with who said it and when; the day is no part of the source (lexicon
`source_trailing`, as English "…, the ministry said Friday" and French "…, a indiqué l'armée samedi").
A place after the source ("ein Sprecher des Krankenhauses am Stadtrand") stays part of it.

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import read

CASES: list[tuple[str, str | None]] = [
    ("Mindestens 14 Zivilisten seien getötet worden, erklärte das Militärbündnis am Freitag.", "das Militärbündnis"),
    ("Mindestens 14 Menschen seien verletzt worden, teilte die Polizei gestern mit.", "die Polizei"),
    ("Mindestens 14 Menschen seien verletzt worden, sagte ein Sprecher des Krankenhauses am Stadtrand.",
     "ein Sprecher des Krankenhauses am Stadtrand"),
]


@pytest.mark.parametrize(("text", "source"), CASES, ids=[case[0][:60] for case in CASES])
def test_the_source_ends_before_its_day(text: str, source: str | None) -> None:
    assert [figure.source for figure in read(text, "de")] == [source]
