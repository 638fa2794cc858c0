"""A truce named in one sentence is the subject of the next one's taking effect, however that
sentence refers to it: a pronoun ("It took effect at midnight", "Elle est entrée en vigueur"), a
demonstrative ("Esta entró en vigor", "Ela entrou em vigor"), no word at all where Spanish and
Portuguese drop the subject ("Entró en vigor a medianoche", "Entrou em vigor na quarta-feira"),
and in German a pronoun opening the sentence whose participle closes the clause after a long
middle field ("Sie sei am Abend um 20 Uhr Ortszeit in Kraft getreten, teilte … mit";
`ceasefire/attachment.py` `_opening_subject`). The forms are lexicon data (`ceasefire.pronouns`).

Look-alikes: a verb whose own subject follows it ("Entró en vigor la nueva ley"), a pronoun after
another word ("Ayer entró en vigor la ley"), and a German pronoun standing for a person
("Sie ist … schwer verletzt worden": only a truce's taking effect or holding reaches that far).
Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

Expected = set[tuple[str, bool]]

TAKES_EFFECT: list[tuple[str, str, Expected]] = [
    ("en", "The army and the rebels agreed a truce on Monday. It took effect at midnight, a spokesman said.", {("agreed", False), ("in_effect", False)}),
    ("fr", "L'armée et les rebelles ont conclu une trêve lundi. Elle est entrée en vigueur à minuit, selon un porte-parole.", {("agreed", False), ("in_effect", False)}),
    ("es", "El Ejército y los rebeldes pactaron una tregua el lunes. Entró en vigor a medianoche, según un portavoz.", {("agreed", False), ("in_effect", False)}),
    ("es", "El Ejército y los rebeldes pactaron una tregua el lunes. Esta entró en vigor el martes por la mañana.", {("agreed", False), ("in_effect", False)}),
    ("es", "Los dos bandos aceptaron un alto el fuego de tres días. Entró en vigor el domingo a las seis.", {("agreed", False), ("in_effect", False)}),
    ("pt", "O Exército e os rebeldes acordaram uma trégua na segunda-feira. Entrou em vigor à meia-noite, segundo um porta-voz.", {("agreed", False), ("in_effect", False)}),
    ("pt", "O Exército e os rebeldes acordaram uma trégua na segunda-feira. Ela entrou em vigor na terça-feira de manhã.", {("agreed", False), ("in_effect", False)}),
    ("de", "Armee und Rebellen haben am Montag eine Waffenruhe vereinbart. Sie sei am Abend um 20 Uhr Ortszeit in Kraft getreten, teilte ein Sprecher mit.", {("agreed", False), ("in_effect", False)}),
    ("de", "Armee und Rebellen haben am Montag eine Feuerpause vereinbart. Sie ist um Mitternacht in Kraft getreten.", {("agreed", False), ("in_effect", False)}),
    ("de", "Armee und Rebellen haben am Montag einen Waffenstillstand vereinbart. Er war nach Angaben beider Seiten am Morgen in Kraft getreten.", {("agreed", False), ("in_effect", False)}),
]

LOOK_ALIKES: list[tuple[str, str, Expected]] = [
    # the verb's own subject follows it
    ("es", "El Ejército y los rebeldes pactaron una tregua el lunes. Entró en vigor la nueva ley de amnistía.", {("agreed", False)}),
    ("pt", "O Exército e os rebeldes acordaram uma trégua na segunda-feira. Entrou em vigor a nova lei de amnistia.", {("agreed", False)}),
    # the verb after another word, its subject after it
    ("es", "El Ejército y los rebeldes pactaron una tregua el lunes. Ayer entró en vigor el nuevo reglamento.", {("agreed", False)}),
    # a German pronoun for a person: no truce's taking effect reaches that far, and no violation either
    ("de", "Seit Montag gilt eine Waffenruhe. Eine Frau wurde von Splittern getroffen. Sie ist bei dem Angriff schwer verletzt worden.", {("in_effect", False)}),
    # a pronoun after a comma opens reported speech about something else
    ("de", "Armee und Rebellen haben am Montag eine Waffenruhe vereinbart. Der Minister erklärte, sie habe die Lage im Griff.", {("agreed", False)}),
]

CASES = TAKES_EFFECT + LOOK_ALIKES


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:70] for case in CASES])
def test_the_truce_of_the_sentence_before_takes_effect(language: str, text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {(statement.status, statement.background) for statement in statements} == expected
