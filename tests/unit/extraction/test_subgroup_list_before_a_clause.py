"""The last member of a subgroup list belongs to the list, not to the clause after it, in every language.

"killed 18 people, including six children and two women, and wounded 27 others": the comma
and the conjunction after "two women" open a new predicate, so "wounded" counts the 27, and
the two women are among the dead, as the six children are. Sentences of my own wording, none
from an evaluation set.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import full

Figure = tuple[str, int, str, str | None]

CASES: list[tuple[str, str, list[Figure]]] = [
    ("en", "Shelling killed 14 people, including five children and three women, and injured 40 others.",
     [("killed", 14, "exact", None), ("killed", 5, "exact", "children"), ("killed", 3, "exact", "women"),
      ("injured", 40, "exact", None)]),
    ("fr", "Les bombardements ont tué 14 personnes, dont cinq enfants et trois femmes, et en ont blessé 40 autres.",
     [("killed", 14, "exact", None), ("killed", 5, "exact", "children"), ("killed", 3, "exact", "women"),
      ("injured", 40, "exact", None)]),
    ("de", "Der Beschuss tötete 14 Menschen, darunter fünf Kinder und drei Frauen, und verletzte 40 weitere.",
     [("killed", 14, "exact", None), ("killed", 5, "exact", "children"), ("killed", 3, "exact", "women"),
      ("injured", 40, "exact", None)]),
    ("es", "Los bombardeos mataron a 14 personas, entre ellas cinco niños y tres mujeres, e hirieron a otras 40.",
     [("killed", 14, "exact", None), ("killed", 5, "exact", "children"), ("killed", 3, "exact", "women"),
      ("injured", 40, "exact", None)]),
    ("pt", "Os bombardeios mataram 14 pessoas, incluindo cinco crianças e três mulheres, e feriram outras 40.",
     [("killed", 14, "exact", None), ("killed", 5, "exact", "children"), ("killed", 3, "exact", "women"),
      ("injured", 40, "exact", None)]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_last_member_of_a_subgroup_list(language: str, text: str, expected: list[Figure]) -> None:
    assert full(text, language) == expected
