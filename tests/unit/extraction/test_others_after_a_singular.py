""""Others" after one person named in the singular are of that person's group, in every language.

"A soldier was killed and two others were wounded": the singular gives no figure of its own
(the contract), but it tells whom "two others" counts. Not after a source: "a police
spokesman said 14 others were injured" says nothing of police among the injured. Sentences
of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import full

Figure = tuple[str, int, str, str | None]

CASES: list[tuple[str, str, list[Figure]]] = [
    ("en", "A journalist was killed and three others were wounded in the shelling.", [("injured", 3, "exact", "journalists")]),
    ("de", "Ein Journalist wurde getötet, drei weitere wurden bei dem Beschuss verletzt.", [("injured", 3, "exact", "journalists")]),
    ("fr", "Un journaliste a été tué et trois autres ont été blessés dans le bombardement.", [("injured", 3, "exact", "journalists")]),
    (
        "es",
        "Un periodista murió y otros tres resultaron heridos en el bombardeo.",
        [("killed", 1, "exact", "journalists"), ("injured", 3, "exact", "journalists")],
    ),
    (
        "pt",
        "Um jornalista morreu e outros três ficaram feridos no bombardeamento.",
        [("killed", 1, "exact", "journalists"), ("injured", 3, "exact", "journalists")],
    ),
    # a source named in the singular is no victim
    (
        "en",
        "Gunmen killed 12 villagers, a police spokesman said, adding that 5 others were wounded.",
        [("killed", 12, "exact", None), ("injured", 5, "exact", None)],
    ),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_others_after_a_singular_are_of_its_group(language: str, text: str, expected: list[Figure]) -> None:
    assert full(text, language) == expected
