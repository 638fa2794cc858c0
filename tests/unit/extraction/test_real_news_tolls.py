"""Toll phrasings of real outlets' prose that the reader missed (found by reading real news,
issue 10; the sentences here are my own wording, none from a page or an evaluation set):

- an outcome noun with a complement after it is still the noun the number counts: "21 dead of
  both sexes", "21 muertos de la comunidad", "21 morts de tous âges", "21 mortos de ambos os sexos"
  (`figures/heads.py` `outcome_head` refused any outcome word followed by "of"/"de");
- fatal victims are the dead: "vítimas mortais", "vítimas fatais", "víctimas fatales"
  (lexicon `outcomes.killed.post`);
- a French noun of death before an elided "de": "causant la mort d'au moins quatre civils"
  (`figures/cues.py` `OUTCOME_SCANNER` lets a phrase that ends in an elision run into the next word);
- wounds received: "received injuries", "receberam ferimentos", "ont reçu des blessures";
- "146 mortes, sendo 53 civis e 43 soldados": Portuguese "sendo" opens the breakdown of the figure
  before it (lexicon `grammar.subgroup_cues`);
- a toll that changed: "has risen from 59 to 69", "subió de 10 a 14", "est passé de 10 à 14",
  "passou de 10 a 14" is the new count, exact, not a range (lexicon `grammar.change_verbs`;
  `figures/candidates.py` `_changed`); a range with no verb of change before it stays a range.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import full

Figure = tuple[str, int, str, str | None]

OUTCOME_NOUN_WITH_A_COMPLEMENT: list[tuple[str, str, list[Figure]]] = [
    ("en", "The raid left 21 dead of all ages in the market town.", [("killed", 21, "exact", None)]),
    ("es", "El asalto dejó 21 muertos de la misma comunidad y cuatro heridos.",
     [("killed", 21, "exact", None), ("injured", 4, "exact", None)]),
    ("es", "Hubo además 17 lesionados de ambos sexos, según la fiscalía.", [("injured", 17, "exact", None)]),
    ("fr", "L'incursion a fait 21 morts de tous âges dans le village.", [("killed", 21, "exact", None)]),
    ("pt", "O ataque deixou 21 mortos de ambos os sexos na aldeia.", [("killed", 21, "exact", None)]),
]

FATAL_VICTIMS: list[tuple[str, str, list[Figure]]] = [
    ("pt", "Do ataque à aldeia resultaram pelo menos 12 vítimas mortais.", [("killed", 12, "at_least", None)]),
    ("pt", "As incursões já provocaram mais de mil vítimas mortais na província.",
     [("killed", 1000, "at_least", None)]),
    ("pt", "O bombardeamento fez nove vítimas fatais, disse a polícia.", [("killed", 9, "exact", None)]),
    ("es", "El atentado dejó 12 víctimas fatales en el mercado.", [("killed", 12, "exact", None)]),
    # victims without "fatal" lump outcomes together and stay no figure
    ("pt", "O ataque fez 12 vítimas na aldeia.", []),
]

DEATH_OF_AN_ELIDED_COMPLEMENT: list[tuple[str, str, list[Figure]]] = [
    ("fr", "Les frappes ont repris, causant la mort d'au moins quatre civils.", [("killed", 4, "at_least", "civilians")]),
    ("fr", "L'explosion a entraîné la mort d’onze personnes.", [("killed", 11, "exact", None)]),
    ("fr", "Le décès d'une dizaine de soldats a été confirmé mardi.", [("killed", 10, "approximately", "soldiers")]),
    # a death in the singular with no number is no figure
    ("fr", "La mort d'un soldat a été confirmée mardi.", []),
]

WOUNDS_RECEIVED: list[tuple[str, str, list[Figure]]] = [
    ("en", "Seven policemen received injuries when the station was stormed.", [("injured", 7, "exact", "police")]),
    ("pt", "Na investida, seis polícias receberam ferimentos ligeiros.", [("injured", 6, "exact", "police")]),
    ("fr", "Sept gendarmes ont reçu des blessures lors de l'assaut.", [("injured", 7, "exact", "police")]),
]

BREAKDOWN_AFTER_SENDO: list[tuple[str, str, list[Figure]]] = [
    ("pt", "A organização contou 90 mortes, sendo 40 civis, 30 rebeldes e 20 soldados.",
     [("killed", 90, "exact", None), ("killed", 40, "exact", "civilians"), ("killed", 30, "exact", "fighters"),
      ("killed", 20, "exact", "soldiers")]),
    ("pt", "Os confrontos deixaram 25 mortos, sendo 15 militares e dez civis.",
     [("killed", 25, "exact", None), ("killed", 15, "exact", "soldiers"), ("killed", 10, "exact", "civilians")]),
    # "sendo" that breaks nothing down leaves the figure alone
    ("pt", "O ataque, sendo o terceiro do mês, deixou 20 mortos.", [("killed", 20, "exact", None)]),
]

CHANGED_TOLLS: list[tuple[str, str, list[Figure]]] = [
    ("en", "The death toll from the raid has risen from 41 to 52, a local official said.",
     [("killed", 52, "exact", None)]),
    ("en", "The number of wounded climbed sharply from 30 to 75 overnight.", [("injured", 75, "exact", None)]),
    ("es", "El número de muertos subió de 10 a 14 tras el hallazgo de más cuerpos.", [("killed", 14, "exact", None)]),
    ("fr", "Le bilan est passé de 10 à 14 morts dans la nuit.", [("killed", 14, "exact", None)]),
    ("pt", "O número de mortos passou de 10 a 14, segundo a polícia.", [("killed", 14, "exact", None)]),
    # look-alikes: a range with no verb of change stays a range
    ("en", "From 10 to 15 people were killed in the ambush.", [("killed", 10, "at_least", None)]),
    ("es", "Murieron de 10 a 15 personas en la emboscada.", [("killed", 10, "at_least", None)]),
    ("fr", "De 40 à 50 soldats auraient péri dans l'embuscade.", [("killed", 40, "at_least", "soldiers")]),
    ("pt", "Entre os mortos estarão de 10 a 15 guerrilheiros.", [("killed", 10, "at_least", "fighters")]),
]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    OUTCOME_NOUN_WITH_A_COMPLEMENT + FATAL_VICTIMS + DEATH_OF_AN_ELIDED_COMPLEMENT + WOUNDS_RECEIVED,
)
def test_toll_phrasings_of_real_news(language: str, text: str, expected: list[Figure]) -> None:
    assert full(text, language) == expected


@pytest.mark.parametrize(("language", "text", "expected"), BREAKDOWN_AFTER_SENDO)
def test_sendo_opens_a_breakdown(language: str, text: str, expected: list[Figure]) -> None:
    assert full(text, language) == expected


@pytest.mark.parametrize(("language", "text", "expected"), CHANGED_TOLLS)
def test_a_toll_that_changed_is_its_new_count(language: str, text: str, expected: list[Figure]) -> None:
    assert full(text, language) == expected
