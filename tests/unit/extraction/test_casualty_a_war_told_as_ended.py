"""A war the article has just told as ended, named again in the next sentence: its toll is background.

"The accord ended two years of war in the north. That conflict killed about 300,000 people": the
first sentence ends the war (`background.war_ended`), the second names it again by a demonstrative
or the definite article (`background.war_named_again`), and its toll is that finished war's. The
same in French ("a mis fin à … d'hostilités. … pendant ce conflit"), Spanish ("puso fin a … Ese
conflicto causó"), Portuguese ("pôs fim a … Esse conflito fez") and German ("beendete … Dieser
Krieg forderte"). Without the ending sentence right before, a war named so is the running one;
a present marker between the war and the figure still tells today's news.

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import read

CASES: list[tuple[str, str, list[tuple[str, int, bool]]]] = [
    ("en", "The accord ended two years of war in the north. That conflict killed about 300,000 people.",
     [("killed", 300000, True)]),
    ("fr", "La trêve a mis fin à deux ans d'hostilités dans le nord. Près de 300 000 personnes ont péri pendant ce conflit.",
     [("killed", 300000, True)]),
    ("es", "El acuerdo puso fin a dos años de guerra en el norte. Ese conflicto causó unos 300.000 muertos.",
     [("killed", 300000, True)]),
    ("pt", "O acordo pôs fim a dois anos de guerra no norte. Esse conflito fez cerca de 300 mil mortos.",
     [("killed", 300000, True)]),
    ("de", "Das Abkommen beendete zwei Jahre Krieg im Norden. Dieser Krieg forderte rund 300.000 Todesopfer.",
     [("killed", 300000, True)]),
    # look-alikes: no ending told right before; a present marker between the war and the figure
    ("en", "Talks resumed in the capital. The conflict has killed about 30,000 people since it began.",
     [("killed", 30000, False)]),
    ("es", "Las conversaciones se reanudaron en la capital. Ese conflicto ha causado unos 30.000 muertos.",
     [("killed", 30000, False)]),
    ("en", "The accord ended two years of war in the north. But the conflict flared again on Tuesday, when 12 people were killed.",
     [("killed", 12, False)]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][-60:] for case in CASES])
def test_a_war_told_as_ended(language: str, text: str, expected: list[tuple[str, int, bool]]) -> None:
    assert [(f.outcome, f.count, f.background) for f in read(text, language)] == expected
