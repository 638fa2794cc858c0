"""A call addressed to those who hold a truce asks them something else; "the so-called truce" names one.

- "urged the committee overseeing the ceasefire, which includes …, to press Israel", "a appelé les
  parrains de l'accord à « prendre leurs responsabilités »", "apelou aos mediadores do cessar-fogo
  para pressionar": the truce is the complement of the call's addressee (a definite noun joined to it
  by lexicon `ceasefire.addressee_links`) and the call's infinitive follows (`call_infinitive`), so no
  truce is proposed (`ceasefire/naming.py`). A call for something ("called for the resumption of
  the truce to allow aid") still proposes one.
- "so-called" names a truce; it calls for none (English `ceasefire.cues.calls`).

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

CASES: list[tuple[str, str, bool]] = [
    ("en", "The prime minister on Monday urged the panel monitoring the truce, which includes two foreign generals, to stop the raids.", False),
    ("en", "The rebels called on the guarantors of the ceasefire agreement to restrain the army.", False),
    ("fr", "Le Premier ministre a appelé lundi les garants de l'accord à « faire pression » sur l'armée.", False),
    ("pt", "O primeiro-ministro apelou aos garantes do cessar-fogo para pressionar o exército.", False),
    ("en", "Villagers say the militia kept raiding farms throughout the so-called truce.", False),
    # look-alikes: a call for a truce, or for its resumption, with an infinitive of purpose
    ("en", "The UN called for the resumption of the truce to allow aid into the valley.", True),
    ("fr", "L'ONU a appelé à la reprise de la trêve pour permettre l'entrée de l'aide.", True),
    ("en", "The bishops urged the two militias to agree a truce before the harvest.", True),
    ("en", "The council called the truce a sham.", False),
]


@pytest.mark.parametrize(("language", "text", "proposes"), CASES, ids=[c[1][:60] for c in CASES])
def test_a_call_to_the_keepers_of_a_truce_proposes_none(language: str, text: str, proposes: bool) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert ("proposed" in {statement.status for statement in statements if not statement.background}) is proposes
