"""A war that a deal ended is an earlier episode, and so is the toll its relative clause tells.

"The accord ended a five-year civil war that killed some 400,000 people", "puso fin a una guerra civil
de cinco años que causó unos 400.000 muertos", "pôs fim à guerra no norte, que terá causado até 600 mil
mortos", "a mis fin à une guerre civile qui avait fait 400 000 morts", "das den Bürgerkrieg beendete, in
dem 400.000 Menschen starben": lexicon `background.episode`, the verb of ending, the war, then a relative
pronoun (English has long read "which/that ended" so). Without the relative the deal's clause dates
nothing after it ("El acuerdo que puso fin a la guerra fue violado; los ataques mataron a 33"), and a
war named inside a since-phrase opens the running toll's window, as a date there does ("Since the truce
that ended the war took effect, 280 have been killed"; `attribution/background.py`).

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.unit.extraction.casualty_helpers import read

PUBLISHED = datetime(2025, 11, 20, 12, 0, tzinfo=UTC)

# (language, text, [(count, background)] in text order)
CASES: list[tuple[str, str, list[tuple[int, bool]]]] = [
    ("en", "The accord ended a five-year civil war that killed some 400,000 people.", [(400000, True)]),
    ("es", "Aquel pacto puso fin a una guerra civil de cinco años que causó unos 400.000 muertos.", [(400000, True)]),
    ("es", "El acuerdo puso fin a ese conflicto de dos años, en el que murieron unas 600.000 personas.",
     [(600000, True)]),
    ("pt", "O tratado pôs fim à guerra no norte, que terá causado até 600 mil mortos.", [(600000, True)]),
    ("pt", "O pacto pôs fim a uma guerra civil de cinco anos que fez cerca de 400 mil mortos.", [(400000, True)]),
    ("fr", "L'accord a mis fin à une guerre civile de cinq ans qui a fait quelque 400 000 morts.", [(400000, True)]),
    ("de", "Der Vertrag beendete einen fünfjährigen Bürgerkrieg, in dem rund 400.000 Menschen starben.",
     [(400000, True)]),
    ("de", "Das Abkommen, das den Bürgerkrieg beendete, bei dem rund 400.000 Menschen starben, gilt als brüchig.",
     [(400000, True)]),
    # look-alikes: no relative after the war, or the war inside a since-phrase: today's toll
    ("es", "El acuerdo que puso fin a la guerra fue violado de nuevo; los bombardeos mataron a 33 personas.",
     [(33, False)]),
    ("pt", "O acordo que pôs fim à guerra voltou a ser violado e os bombardeamentos mataram 33 pessoas.",
     [(33, False)]),
    ("en", "Since the truce that ended the war took effect, 280 Palestinians have been killed.", [(280, False)]),
    ("es", "Desde el alto el fuego que puso fin a la guerra, han muerto 280 palestinos.", [(280, False)]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_a_war_a_deal_ended(language: str, text: str, expected: list[tuple[int, bool]]) -> None:
    got = [(figure.count, figure.background) for figure in read(text, language, PUBLISHED)]
    assert got == expected
