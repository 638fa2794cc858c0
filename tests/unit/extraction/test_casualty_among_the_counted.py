"""A part of a toll named with the toll's count: "among the 40 wounded were two children".

Reports restate the whole with its number before naming a part of it: "unter den 40 Verletzten
zwei Kinder", "entre los 40 heridos hay dos niños", "parmi les 40 blessés figurent deux enfants",
"entre os 40 feridos estão duas crianças". The number between the determiner and the people of
the toll keeps the cue a cue; the restated whole is emitted again, as the contract says of a
figure repeated. And English reports the wounded in a gerund after "with": "with six soldiers
receiving wounds".

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import full

Figure = tuple[str, int, str, str | None]
WHOLE: Figure = ("injured", 35, "exact", None)
PART: Figure = ("injured", 3, "exact", "children")

CASES: list[tuple[str, str, list[Figure]]] = [
    ("en", "The blast wounded 35 people. Among the 35 wounded were three children.", [WHOLE, WHOLE, PART]),
    ("es", "La explosión hirió a 35 personas. Entre los 35 heridos hay tres niños.", [WHOLE, WHOLE, PART]),
    ("fr", "L'explosion a blessé 35 personnes. Parmi les 35 blessés figurent trois enfants.", [WHOLE, WHOLE, PART]),
    ("pt", "A explosão feriu 35 pessoas. Entre os 35 feridos estão três crianças.", [WHOLE, WHOLE, PART]),
    ("de", "Bei der Explosion wurden 35 Menschen verletzt. Unter den 35 Verletzten sind drei Kinder.", [WHOLE, WHOLE, PART]),
    ("en", "Shelling went on all night, with nine soldiers receiving wounds, the army said.", [("injured", 9, "exact", "soldiers")]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][-60:] for case in CASES])
def test_among_the_counted(language: str, text: str, expected: list[Figure]) -> None:
    assert full(text, language) == expected
