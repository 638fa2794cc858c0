"""A part of the figure before, told by a pronoun in the next sentence, in every language.

"Twelve of them were children.", "Zwölf von ihnen gehörten der Miliz an, acht waren Soldaten":
news breaks a toll down in the sentence after it. A number and a partitive pronoun opening
the sentence right after a figure's are a part of that figure when what follows tells whom
they are (a group, people, what they belonged to); a member joined to such a part is one too.
Another fate ("Twelve of them were arrested") and a pronoun that refers to something else are
no part. Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import full

Figure = tuple[str, int, str, str | None]

CASES: list[tuple[str, str, list[Figure]]] = [
    (
        "en",
        "A car bomb killed 31 people at a checkpoint. Nine of them were police officers.",
        [("killed", 31, "exact", None), ("killed", 9, "exact", "police")],
    ),
    (
        "en",
        "Fighting in the valley killed 25 people. Fifteen of them belonged to the rebel brigade, and ten were soldiers.",
        [("killed", 25, "exact", None), ("killed", 15, "exact", None), ("killed", 10, "exact", "soldiers")],
    ),
    (
        "de",
        "Bei dem Angriff auf den Markt wurden 31 Menschen verletzt. Neun von ihnen waren Kinder.",
        [("injured", 31, "exact", None), ("injured", 9, "exact", "children")],
    ),
    (
        "de",
        "Im Tal wurden 25 Menschen getötet. Fünfzehn von ihnen gehörten der Rebellenbrigade an, zehn waren Soldaten.",
        [("killed", 25, "exact", None), ("killed", 15, "exact", None), ("killed", 10, "exact", "soldiers")],
    ),
    (
        "es",
        "La explosión dejó 31 heridos en el mercado. Nueve de ellos eran niños.",
        [("injured", 31, "exact", None), ("injured", 9, "exact", "children")],
    ),
    (
        "es",
        "Los combates en el valle dejaron 25 muertos. Quince de ellos pertenecían a la brigada rebelde y diez eran soldados.",
        [("killed", 25, "exact", None), ("killed", 15, "exact", None), ("killed", 10, "exact", "soldiers")],
    ),
    (
        "fr",
        "L'explosion a fait 31 blessés sur le marché. Neuf d'entre eux étaient des enfants.",
        [("injured", 31, "exact", None), ("injured", 9, "exact", "children")],
    ),
    (
        "fr",
        "Les combats dans la vallée ont fait 25 morts. Quinze d'entre eux appartenaient à la brigade rebelle.",
        [("killed", 25, "exact", None), ("killed", 15, "exact", None)],
    ),
    (
        "pt",
        "A explosão deixou 31 feridos no mercado. Nove deles eram crianças.",
        [("injured", 31, "exact", None), ("injured", 9, "exact", "children")],
    ),
    (
        "pt",
        "Os combates no vale deixaram 25 mortos. Quinze deles pertenciam à brigada rebelde.",
        [("killed", 25, "exact", None), ("killed", 15, "exact", None)],
    ),
]

NOT_PARTS: list[tuple[str, str, list[Figure]]] = [
    # another fate
    (
        "en",
        "A car bomb killed 31 people at a checkpoint. Nine of them were arrested.",
        [("killed", 31, "exact", None)],
    ),
    (
        "es",
        "La explosión dejó 31 muertos en el mercado. Nueve de ellos fueron detenidos.",
        [("killed", 31, "exact", None)],
    ),
    # the pronoun refers to the sentence between, not to the figure
    (
        "en",
        "A car bomb killed 31 people at a checkpoint. The army sent 400 soldiers to the town. Nine of them were women.",
        [("killed", 31, "exact", None)],
    ),
    # a number with another fate joined to a part is no member of it
    (
        "en",
        "A car bomb killed 31 people at a checkpoint. Nine of them were children, and 40 were detained.",
        [("killed", 31, "exact", None), ("killed", 9, "exact", "children")],
    ),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES + NOT_PARTS)
def test_a_part_told_by_a_pronoun_in_the_next_sentence(language: str, text: str, expected: list[Figure]) -> None:
    assert full(text, language) == expected


def test_german_von_before_a_noun_is_an_agent_not_a_partitive() -> None:
    text = "Im Dorf wurden 14 von Milizionären getötet."
    assert full(text, "de") == [("killed", 14, "exact", None)]


# A condition only the wounded are in tells a part of the wounded ("in critical condition").
SEVERITY: list[tuple[str, str, list[Figure]]] = [
    (
        "en",
        "Medics said 40 people were wounded. Six of them are in critical condition.",
        [("injured", 40, "exact", None), ("injured", 6, "exact", None)],
    ),
    (
        "de",
        "Bei dem Anschlag wurden 40 Menschen verletzt. Sechs von ihnen schweben in Lebensgefahr.",
        [("injured", 40, "exact", None), ("injured", 6, "exact", None)],
    ),
    (
        "es",
        "El ataque dejó 40 heridos. Seis de ellos se encuentran en estado crítico.",
        [("injured", 40, "exact", None), ("injured", 6, "exact", None)],
    ),
    (
        "fr",
        "L'attaque a fait 40 blessés. Six d'entre eux sont dans un état critique.",
        [("injured", 40, "exact", None), ("injured", 6, "exact", None)],
    ),
    (
        "pt",
        "O ataque deixou 40 feridos. Seis deles estão em estado grave.",
        [("injured", 40, "exact", None), ("injured", 6, "exact", None)],
    ),
    # the dead are in no condition: no part
    (
        "en",
        "Medics said 40 people were killed. Six of them are in critical condition.",
        [("killed", 40, "exact", None)],
    ),
]


@pytest.mark.parametrize(("language", "text", "expected"), SEVERITY)
def test_a_condition_of_the_wounded_tells_a_part_of_them(language: str, text: str, expected: list[Figure]) -> None:
    assert full(text, language) == expected
