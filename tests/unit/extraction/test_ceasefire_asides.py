"""An aside set into the sentence by a parenthesis or a pair of dashes is no part of the distance
between a cue and its truce: "rejected the call by the Quad — the United States, Saudi Arabia, Egypt
and the United Arab Emirates — for a three-month truce" still reports a call for a truce, in every
language and dash style ("—Estados Unidos, …—", "(Estados Unidos, …)", "– USA, … –"). Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences


def statuses(text: str, language: str) -> list[str]:
    return sorted({s.status for s in find_ceasefire(split_sentences(text), language) if not s.background})


ASIDES: list[tuple[str, str]] = [
    ("fr", "L'armée a rejeté mardi l'appel du Quartet — États-Unis, Arabie saoudite, Égypte et Émirats arabes unis — à une trêve humanitaire de trois mois."),
    ("en", "The army rejected the call by the Quad — the United States, Saudi Arabia, Egypt and the United Arab Emirates — for a three-month humanitarian truce."),
    ("es", "El ejército rechazó el llamado del Cuarteto —Estados Unidos, Arabia Saudí, Egipto y Emiratos Árabes Unidos— a una tregua humanitaria."),
    ("pt", "O exército rejeitou o apelo do Quarteto (Estados Unidos, Arábia Saudita, Egito e Emirados Árabes Unidos) a uma trégua humanitária de três meses."),
    ("de", "Die Armee lehnte den Aufruf des Quartetts – USA, Saudi-Arabien, Ägypten und Vereinigte Arabische Emirate – zu einer dreimonatigen Waffenruhe ab."),
]


@pytest.mark.parametrize(("language", "text"), ASIDES)
def test_an_aside_does_not_part_a_call_from_its_truce(language: str, text: str) -> None:
    assert statuses(text, language) == ["proposed"]

