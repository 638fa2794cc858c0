"""A group noun in quotation marks right after its number: '23 « terroristes » ont été abattus',
'15 "militants" were killed'. Reporters quote the word a ministry or an army chose for the dead;
the reader stopped the noun phrase at the opening mark, so the figure had no noun and its outcome
after the closing mark was out of reach (`figures/heads.py` `_quoted_noun`).

Look-alikes: a quoted phrase that is no noun of people, and a quoted number (read before). Sentences
of my own wording, none from an evaluation set or a real article.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import full

CASES: list[tuple[str, str, list[tuple[str, int, str, str | None]]]] = [
    ("fr", "L'armée affirme que 17 « terroristes » ont été neutralisés pendant l'opération.",
     [("killed", 17, "exact", "fighters")]),
    ("es", "El ministerio dijo que 12 «terroristas» fueron abatidos en la frontera.",
     [("killed", 12, "exact", "fighters")]),
    ("pt", "O comando informou que 9 \"insurgentes\" foram abatidos durante a perseguição.",
     [("killed", 9, "exact", "fighters")]),
    ("en", "The ministry said 15 \"militants\" were killed in the overnight raid.",
     [("killed", 15, "exact", "fighters")]),
    # look-alikes: things in quotes
    ("fr", "Les assaillants ont incendié 30 « maisons » du village, selon les habitants.", []),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_quoted_group_nouns(language: str, text: str, expected: list[tuple[str, int, str, str | None]]) -> None:
    assert full(text, language) == expected
