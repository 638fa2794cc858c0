"""Three plain ways news states a truce, in every language that has them:

- an order of a truce declares it: "Putin ordered a 30-hour ceasefire", "ordenó este sábado un alto
  el fuego", "a ordonné samedi un cessez-le-feu", "ordenou um cessar-fogo" (agreed; lexicon
  ceasefire.cues.agreed, the order taking the truce as its direct object, a day between at most —
  "ordenó a las tropas respetar el alto el fuego" orders something else);
- a truce discussed is under negotiation: "os mediadores discutiam uma trégua", "discutían una
  tregua", "discutaient d'une trêve" (proposed; ceasefire.cues.talks);
- a pause named in quotation marks is still a pause: 'a daily "tactical pause" in fighting', "une
  « pause tactique » dans les combats" (ceasefire.halt.phrases).

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences


def statuses(text: str, language: str) -> list[str]:
    return sorted({s.status for s in find_ceasefire(split_sentences(text), language) if not s.background})


ORDERS: list[tuple[str, str]] = [
    ("en", "The president ordered a 48-hour ceasefire for the holiday."),
    ("es", "El presidente ordenó este domingo un alto el fuego de 48 horas por las fiestas."),
    ("es", "El mando militar ordenó una tregua unilateral en el frente sur."),
    ("fr", "Le président a ordonné dimanche un cessez-le-feu de 48 heures pour les fêtes."),
    ("pt", "O presidente ordenou neste domingo um cessar-fogo de 48 horas para as festas."),
]


@pytest.mark.parametrize(("language", "text"), ORDERS)
def test_an_ordered_truce_is_declared(language: str, text: str) -> None:
    assert statuses(text, language) == ["agreed"]


OTHER_ORDERS: list[tuple[str, str]] = [
    ("es", "El general ordenó a las tropas avanzar hacia el puerto pese a la tregua."),
    ("fr", "Le général a ordonné aux troupes d'avancer vers le port malgré la trêve."),
    ("pt", "O general ordenou às tropas avançar para o porto apesar da trégua."),
]


@pytest.mark.parametrize(("language", "text"), OTHER_ORDERS)
def test_an_order_of_something_else_declares_no_truce(language: str, text: str) -> None:
    assert "agreed" not in statuses(text, language)


DISCUSSED: list[tuple[str, str]] = [
    ("en", "The envoys discussed a two-month truce with both delegations."),
    ("es", "Los enviados discutían una tregua de dos meses con ambas delegaciones."),
    ("fr", "Les émissaires discutaient d'une trêve de deux mois avec les deux délégations."),
    ("pt", "Os enviados discutiam uma trégua de dois meses com as duas delegações."),
]


@pytest.mark.parametrize(("language", "text"), DISCUSSED)
def test_a_truce_discussed_is_proposed(language: str, text: str) -> None:
    assert statuses(text, language) == ["proposed"]


QUOTED_PAUSES: list[tuple[str, str]] = [
    ("en", 'The army said it would observe a daily "tactical pause" in fighting along the coast road.'),
    ("en", "The army announced a “humanitarian pause” in strikes on the city."),
    ("es", "El ejército anunció una “pausa táctica” en los combates a lo largo de la carretera."),
    ("fr", "L'armée a annoncé une « pause tactique » dans les combats le long de la route."),
    ("pt", "O exército anunciou uma “pausa tática” nos combates ao longo da estrada."),
]


@pytest.mark.parametrize(("language", "text"), QUOTED_PAUSES)
def test_a_pause_in_quotation_marks_is_a_pause(language: str, text: str) -> None:
    assert statuses(text, language) == ["agreed"]


# An attack that "struck a car" has its own object; only a truce or a deal after an article is struck.
STRUCK: list[tuple[str, list[str]]] = [
    ("Both armies traded accusations of violating the truce after a drone struck a van near the border.", ["violated"]),
    ("The ceasefire was broken when a shell struck the school.", ["violated"]),
    ("The two governments struck a 30-day truce on Monday.", ["agreed"]),
    ("The rival factions struck a humanitarian ceasefire in the capital.", ["agreed"]),
]


@pytest.mark.parametrize(("text", "expected"), STRUCK)
def test_struck_agrees_only_a_truce(text: str, expected: list[str]) -> None:
    assert statuses(text, "en") == expected
