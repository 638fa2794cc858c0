"""The parties named after a truce belong to its noun phrase, in every language.

"The ceasefire between the army, backed by Russia, and the rebels was extended": news names the
two sides right after the truce, often with a short description of one of them, before the verb
that says what the truce did. The verb's reach is counted from the "and" of that pair, and the
", and" that closes the pair ends no clause. A speech tag after the statement with a day between
the verb and its speaker (", announced on Thursday the ministry", "anunciou nesta quinta-feira o
governo") reports; it announces no agreement. Sentences of my own wording, none from an
evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences


def statuses(text: str, language: str) -> list[str]:
    return [s.status for s in find_ceasefire(split_sentences(text), language) if not s.background]


CASES: list[tuple[str, str, list[str]]] = [
    (
        "en",
        "The truce between the Kurdish-led militia, which controls the north-east, and the central government "
        "was extended by another fortnight.",
        ["extended"],
    ),
    (
        "en",
        "The ceasefire between the mountain tribes and the federal army based in the valley collapsed overnight.",
        ["collapsed"],
    ),
    (
        "es",
        "La tregua entre la milicia kurda, que controla el noreste, y el Gobierno central fue prorrogada "
        "por otras dos semanas.",
        ["extended"],
    ),
    (
        "es",
        "El alto el fuego entre las tribus de la montaña y el ejército federal acantonado en el valle "
        "se derrumbó durante la noche.",
        ["collapsed"],
    ),
    (
        "fr",
        "La trêve entre la milice kurde, qui contrôle le nord-est, et le gouvernement central a été prolongée "
        "de deux semaines.",
        ["extended"],
    ),
    (
        "pt",
        "A trégua entre a milícia curda, que controla o nordeste, e o governo central foi prorrogada "
        "por mais duas semanas.",
        ["extended"],
    ),
    (
        "pt",
        "O cessar-fogo entre as tribos das montanhas e o exército federal estacionado no vale "
        "foi prolongado até ao fim do mês.",
        ["extended"],
    ),
    (
        "de",
        "Die Feuerpause zwischen der kurdischen Miliz, die den Nordosten kontrolliert, und der Zentralregierung "
        "ist um zwei Wochen verlängert worden.",
        ["extended"],
    ),
]

# A speech tag with a day before its speaker reports the statement; it announces no agreement.
SPEECH_TAGS: list[tuple[str, str, list[str]]] = [
    ("pt", "A trégua entre a milícia e o governo foi prorrogada por mais um mês, anunciou nesta terça-feira o mediador.",
     ["extended"]),
    ("pt", "O cessar-fogo foi prolongado por mais uma semana, anunciou esta sexta-feira o governo.", ["extended"]),
    ("es", "La tregua entre la milicia y el Gobierno fue prorrogada un mes más, anunció este martes el mediador.",
     ["extended"]),
    ("fr", "La trêve entre la milice et le gouvernement a été prolongée d'un mois, a annoncé ce mardi le médiateur.",
     ["extended"]),
    ("en", "The truce between the militia and the government was extended by a month, announced on Tuesday the mediator.",
     ["extended"]),
]

# The pair still ends where the sentence's own clause breaks do: a cue after a later break speaks
# of something else.
NOT_REACHED: list[tuple[str, str, list[str]]] = [
    ("en", "The truce between the two clans was respected, but the prisoner exchange collapsed.", ["in_effect"]),
    ("pt", "A trégua entre os dois clãs foi respeitada, mas as conversas sobre os presos fracassaram.", ["in_effect"]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES + SPEECH_TAGS + NOT_REACHED)
def test_parties_after_a_truce(language: str, text: str, expected: list[str]) -> None:
    assert statuses(text, language) == expected
