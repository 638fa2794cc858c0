"""A list member's noun may carry a complement that says whose it is, and the list goes on after it:
"six soldiers of the national army and three civilians", "doce soldados del ejército regular,
cinco milicianos y tres civiles", "des forces armées …", "do Exército nacional", "der nationalen
Armee" (`figures/lists.py` `_joined_after_complement`: a partitive or genitive word, then at most
four plain words, then the list glue). Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import full

Figure = tuple[str, int, str, str | None]

CASES: list[tuple[str, str, list[Figure]]] = [
    ("en", "Among the dead were five soldiers of the border guard and two civilians.",
     [("killed", 5, "exact", "soldiers"), ("killed", 2, "exact", "civilians")]),
    ("en", "Seven soldiers of the national army and four civilians were wounded.",
     [("injured", 7, "exact", "soldiers"), ("injured", 4, "exact", "civilians")]),
    ("es", "Entre los fallecidos figuran doce soldados del ejército regular, cinco milicianos y tres civiles.",
     [("killed", 12, "exact", "soldiers"), ("killed", 5, "exact", "fighters"), ("killed", 3, "exact", "civilians")]),
    ("es", "Entre los heridos hay seis policías de la guardia municipal y dos niños.",
     [("injured", 6, "exact", "police"), ("injured", 2, "exact", "children")]),
    ("pt", "Entre os mortos estão oito soldados do Exército nacional e três civis.",
     [("killed", 8, "exact", "soldiers"), ("killed", 3, "exact", "civilians")]),
    ("fr", "Parmi les morts figurent quatre soldats de l'armée nationale et deux civils.",
     [("killed", 4, "exact", "soldiers"), ("killed", 2, "exact", "civilians")]),
    ("fr", "Parmi les blessés figurent cinq soldats des forces armées maliennes et trois civils.",
     [("injured", 5, "exact", "soldiers"), ("injured", 3, "exact", "civilians")]),
    ("de", "Unter den Toten sind sechs Soldaten der regulären Armee und drei Zivilisten.",
     [("killed", 6, "exact", "soldiers"), ("killed", 3, "exact", "civilians")]),
    # look-alikes: the second number has its own verb, or no list follows the complement
    ("en", "The strike killed four fighters of the group and wounded two civilians.",
     [("killed", 4, "exact", "fighters"), ("injured", 2, "exact", "civilians")]),
    ("en", "Police detained five members of the gang and two civilians were killed.", [("killed", 2, "exact", "civilians")]),
    ("es", "Murieron nueve soldados de la 5 brigada y dos horas después llegaron refuerzos.",
     [("killed", 9, "exact", "soldiers")]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_a_list_goes_on_after_a_members_complement(language: str, text: str, expected: list[Figure]) -> None:
    assert full(text, language) == expected
