"""A cue whose subject is nobody is denied, in every language.

"Neither side proposed a truce", "ninguna de las partes propuso una tregua", "nenhuma das partes
propôs", "aucune des parties n'a proposé", "keine der beiden Seiten schlug … vor": no truce was
proposed (lexicon `ceasefire.negations`). German puts the subject after the finite verb, and
after a fronted object: "Einen Vorschlag für eine Waffenruhe legte keine der beiden Seiten vor"
(`ceasefire.nobody_after`, read after the truce the cue governs). A plain "nicht" there denies the
verb, not the proposal: "Der Vorschlag … wurde nicht angenommen" still proposed a truce.
Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences


def statuses(text: str, language: str) -> list[str]:
    return sorted({s.status for s in find_ceasefire(split_sentences(text), language) if not s.background})


NOBODY: list[tuple[str, str]] = [
    ("en", "Neither side put forward a proposal for a truce at the meeting in Geneva."),
    ("en", "None of the parties offered a ceasefire at the meeting."),
    ("es", "Ninguna de las partes presentó una propuesta de alto el fuego en la reunión."),
    ("es", "Nadie propuso una tregua durante la reunión en Ginebra."),
    ("pt", "Nenhuma das partes apresentou uma proposta de cessar-fogo na reunião."),
    ("pt", "Ninguém propôs uma trégua durante a reunião em Genebra."),
    ("fr", "Aucune des parties n'a présenté de proposition de cessez-le-feu lors de la réunion."),
    ("de", "Keine der beiden Seiten legte einen Vorschlag für eine Waffenruhe vor."),
    ("de", "Einen Vorschlag für eine Waffenruhe legte keine der beiden Seiten vor."),
    ("de", "Einen Vorschlag für eine Feuerpause machte keine Seite."),
    ("de", "Niemand schlug bei dem Treffen eine Feuerpause vor."),
]


@pytest.mark.parametrize(("language", "text"), NOBODY)
def test_a_proposal_by_nobody_proposes_nothing(language: str, text: str) -> None:
    assert statuses(text, language) == []


STILL_PROPOSED: list[tuple[str, str]] = [
    ("de", "Der Vorschlag für eine Waffenruhe wurde nicht angenommen."),
    ("en", "The United States proposed a truce, but neither side has accepted it."),
    ("es", "Estados Unidos propuso una tregua, pero ninguna de las partes la aceptó."),
]


@pytest.mark.parametrize(("language", "text"), STILL_PROPOSED)
def test_a_proposal_nobody_accepted_was_still_made(language: str, text: str) -> None:
    assert statuses(text, language) == ["proposed"]


def test_a_truce_nobody_respects_is_violated() -> None:
    assert statuses("Neither side has respected the truce.", "en") == ["violated"]
