"""Ceasefire rules of news language that a blind evaluation showed were missing.

Each rule is tested with sentences of my own wording in every language it applies to; the
expected value is the set of (status, background) pairs the text states.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

Expected = set[tuple[str, bool]]

# A renewed call, appeal or demand is the call renewed: a proposal, not an extension.
RENEWED_CALLS: list[tuple[str, str, Expected]] = [
    ("en", "The envoy on Tuesday renewed his appeal for a truce in the besieged city.", {("proposed", False)}),
    ("en", "Aid groups renewed their calls for a humanitarian pause in the north.", {("proposed", False)}),
    ("pt", "O papa renovou o seu apelo a um cessar-fogo imediato no Sudão.", {("proposed", False)}),
    ("es", "La ONU renovó su llamamiento a una tregua en la región de Kordofán.", {("proposed", False)}),
    ("fr", "Le Vatican a renouvelé son appel à une trêve dans l'est du pays.", {("proposed", False)}),
    ("es", "Cáritas renovó su petición de una tregua navideña.", {("proposed", False)}),
    ("es", "La tregua entró en vigor. El Gobierno renovó su compromiso con la tregua.", {("in_effect", False)}),
    # the truce itself renewed is still an extension
    ("en", "The two factions renewed the truce for another month on Sunday.", {("extended", False)}),
]

# "called on X, which backs the deal, to act": the ceasefire word sits in a relative clause
# describing the addressee; the call is for something else.
RELATIVE_CLAUSES: list[tuple[str, str, Expected]] = [
    (
        "en",
        "The ceasefire took effect last week. The mayor urged Qatar, which guarantees the truce, to send food.",
        {("in_effect", False)},
    ),
    (
        "es",
        "La tregua entró en vigor el lunes. El alcalde pidió a Egipto, que medió en la tregua, enviar ayuda.",
        {("in_effect", False)},
    ),
    (
        "fr",
        "La trêve est en vigueur. Le maire a appelé la Turquie, qui parraine la trêve, à envoyer des vivres.",
        {("in_effect", False)},
    ),
    # without the relative clause the call is a proposal
    ("en", "The mayor urged both armies to respect a truce during the harvest.", {("proposed", False)}),
]

# "agreed to an immediate ceasefire": the adjective of a demand takes the status of its verb.
AGREED_IMMEDIATE: list[tuple[str, str, Expected]] = [
    (
        "en",
        'The two governments agreed late on Sunday to an "immediate and lasting" ceasefire along the border.',
        {("agreed", False)},
    ),
    ("pt", "As milícias acordaram ontem à noite um imediato cessar-fogo em Trípoli.", {("agreed", False)}),
    ("es", "Ambos bandos acordaron el viernes un inmediato alto el fuego en la frontera.", {("agreed", False)}),
    # the same adjective after a call stays a proposal
    ("en", "The council demanded an immediate ceasefire in the province.", {("proposed", False)}),
]

# "…, announced today the ministry": a reporting verb after the clause, even with a time word.
REPORTING_WITH_TIME: list[tuple[str, str, Expected]] = [
    ("pt", "As partes aceitaram estender a trégua por mais dez dias, anunciou ontem o governo.", {("extended", False)}),
    ("es", "Las partes acordaron ampliar la tregua, anunció hoy la cancillería.", {("extended", False)}),
    ("fr", "Les belligérants ont prolongé la trêve, a annoncé hier le médiateur.", {("extended", False)}),
]

# "taken effect" is the participle of "take effect".
TAKEN_EFFECT: list[tuple[str, str, Expected]] = [
    ("en", "Officials said the truce had taken effect shortly after dawn.", {("in_effect", False)}),
    ("en", "By noon the ceasefire appeared to have taken hold across the valley.", {("in_effect", False)}),
]

# In an article that names a "cese al fuego", "el cese" alone refers to it.
CESE_ALONE: list[tuple[str, str, Expected]] = [
    (
        "es",
        "El Gobierno y la guerrilla pactaron un cese al fuego. El cese, en vigor desde el domingo, se mantiene.",
        {("agreed", False), ("in_effect", False)},
    ),
    ("es", "El ministro anunció su cese el lunes tras la polémica.", set()),
]

# Operations, measures or fighting that ended after a deal did not collapse a ceasefire.
ENDED_AFTER: list[tuple[str, str, Expected]] = [
    (
        "en",
        "A truce was signed on Monday. The army said its security operation had ended after the deal.",
        {("agreed", False)},
    ),
    ("pt", "A trégua entrou em vigor. A operação policial terminou após o acordo.", {("in_effect", False)}),
    ("es", "La tregua entró en vigor. El asedio terminó tras el acuerdo.", {("in_effect", False)}),
    ("pt", "A trégua terminou na sexta-feira com novos bombardeios.", {("collapsed", False)}),
    ("en", "The truce ended on Friday when shelling resumed.", {("collapsed", False)}),
]

# A truce named by the month it began ("the March truce", "la tregua de marzo") is an earlier one.
NAMED_BY_MONTH: list[tuple[str, str, Expected]] = [
    ("en", "The March truce broke down within weeks as raids resumed.", {("collapsed", True)}),
    ("pt", "A trégua de fevereiro desmoronou em abril com novos ataques.", {("collapsed", True)}),
    ("es", "La tregua de marzo se rompió en mayo con nuevos bombardeos.", {("collapsed", True)}),
    ("fr", "Le cessez-le-feu de février a volé en éclats au printemps.", {("collapsed", True)}),
    # still running: the present perfect keeps it current
    ("en", "The March truce has largely held, monitors said.", {("in_effect", False)}),
]

# What is renewed is the noun after the verb: "renewed her support for the deal" extends nothing.
RENEWED_OTHER: list[tuple[str, str, Expected]] = [
    (
        "en",
        "The truce took effect on Monday. The senator renewed her support for the agreement.",
        {("in_effect", False)},
    ),
    ("pt", "A trégua entrou em vigor. A oposição renovou as críticas ao acordo.", {("in_effect", False)}),
    ("es", "La tregua entró en vigor. El obispo renovó su respaldo al acuerdo.", {("in_effect", False)}),
    (
        "fr",
        "La trêve est entrée en vigueur. Le ministre a renouvelé ses critiques de l'accord.",
        {("in_effect", False)},
    ),
]

# A truce word after "against/over/about" complements another noun: "protests against the deal ended".
PREPOSITIONAL: list[tuple[str, str, Expected]] = [
    (
        "en",
        "The ceasefire was holding overnight. Demonstrations against the truce ended without violence.",
        {("in_effect", False)},
    ),
    ("es", "La tregua entró en vigor. Las protestas contra el acuerdo terminaron el lunes.", {("in_effect", False)}),
    # the truce itself as the subject still collapses
    ("en", "The truce between the clans ended on Friday when fighting resumed.", {("collapsed", False)}),
]

# "expires on Friday" schedules an end; only "expired" reports one.
EXPIRY: list[tuple[str, str, Expected]] = [
    ("en", "Mediators are racing to extend the truce, which expires on Sunday.", set()),
    ("en", "The truce expired on Sunday and shelling resumed.", {("collapsed", False)}),
]

# A day named right after a cue dates that verb to the news, whatever year the sentence names
# for an earlier act: "a truce signed in 2019 broke down on Sunday".
DAY_AFTER_CUE: list[tuple[str, str, Expected]] = [
    (
        "en",
        "A truce signed in 2019 broke down on Sunday after heavy shelling.",
        {("agreed", True), ("collapsed", False)},
    ),
    ("es", "La tregua firmada en 2023 se rompió el lunes.", {("agreed", True), ("collapsed", False)}),
    ("pt", "A trégua assinada em 2022 foi violada na sexta-feira.", {("agreed", True), ("violated", False)}),
    # no day: the year dates both
    ("en", "A ceasefire signed in 2019 collapsed within weeks.", {("agreed", True), ("collapsed", True)}),
]

ALL = (
    RENEWED_CALLS
    + RELATIVE_CLAUSES
    + AGREED_IMMEDIATE
    + REPORTING_WITH_TIME
    + TAKEN_EFFECT
    + CESE_ALONE
    + ENDED_AFTER
    + NAMED_BY_MONTH
    + RENEWED_OTHER
    + PREPOSITIONAL
    + EXPIRY
    + DAY_AFTER_CUE
)


@pytest.mark.parametrize(("language", "text", "expected"), ALL, ids=[case[1][:60] for case in ALL])
def test_ceasefire_rule(language: str, text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {(s.status, s.background) for s in statements} == expected
