"""A French count of bodies: the noun "corps" right after its number ("nous avons enterré 26 corps",
"17 corps calcinés", "les 16 corps se trouvaient à la morgue"). Counts of bodies are killed figures
(the contract); French had "corps" only with a verb of finding after it or a complement
("corps de soldats"). Read in French articles only: "corps" is a unit in English ("Frontier Corps"),
so it is no entry of the outcome table every language shares (lexicon `grammar.body_nouns`,
`figures/candidates.py` `_count_bodies`).

Look-alikes: a corps that is no body ("deux corps d'armée", "corps de métier", "corps d'élite"), and
English "corps". Sentences of my own wording, none from an evaluation set or a real article.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import pairs

CASES: list[tuple[str, str, list[tuple[str, int]]]] = [
    ("fr", "« Nous avons inhumé 31 corps ce matin », a déclaré le maire de la commune.", [("killed", 31)]),
    ("fr", "Les pompiers ont découvert neuf corps carbonisés dans l'entrepôt.", [("killed", 9)]),
    ("fr", "Selon l'hôpital, les 12 corps ont été transférés à la morgue régionale.", [("killed", 12)]),
    # look-alikes
    ("fr", "L'état-major a engagé trois corps d'élite dans l'offensive.", []),
    ("fr", "Quatre corps de métier participent au chantier.", []),
    ("en", "The army moved 2 corps to the front, officials said.", []),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_french_body_counts(language: str, text: str, expected: list[tuple[str, int]]) -> None:
    assert pairs(text, language) == expected
