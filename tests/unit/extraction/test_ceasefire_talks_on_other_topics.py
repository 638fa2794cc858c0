"""Talks followed by a topic of their own are about that topic, not about a truce named before them:
"a permanent ceasefire and talks on a final peace accord", "l'ouverture de négociations en vue d'un
accord de paix", "negociaciones sobre el programa nuclear" propose no truce (lexicon
ceasefire.topic_prepositions and .talks_aims; `attachment._TALKS_TOPIC`). Talks whose topic is the
truce still propose it ("talks on a ceasefire"), and so do talks with no topic after the truce ("the
truce talks", "a truce … in talks in Cairo"). Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences


def statuses(text: str, language: str) -> list[str]:
    return sorted({s.status for s in find_ceasefire(split_sentences(text), language) if not s.background})


OTHER_TOPICS: list[tuple[str, str]] = [
    ("en", "The accord bound both armies to a lasting ceasefire and to talks on a final peace settlement."),
    ("en", "Officials hope the truce will open the way to negotiations about the disputed border."),
    ("en", "The envoy said the ceasefire should lead to talks towards a political transition."),
    ("es", "El enviado espera que la tregua abra paso a negociaciones sobre el trazado de la frontera."),
    ("es", "El texto une el alto el fuego a conversaciones con miras a una reforma constitucional."),
    ("fr", "Le médiateur espère que la trêve ouvrira la voie à des négociations sur le statut de la région."),
    ("fr", "Le texte lie le cessez-le-feu à l'ouverture de négociations en vue d'un règlement politique."),
    ("pt", "O mediador espera que a trégua abra caminho para negociações sobre a fronteira disputada."),
    ("pt", "O texto liga o cessar-fogo a conversas com vista a uma reforma da constituição."),
    ("de", "Der Vermittler hofft, dass die Waffenruhe den Weg für Verhandlungen über den Grenzverlauf ebnet."),
]


@pytest.mark.parametrize(("language", "text"), OTHER_TOPICS)
def test_talks_on_another_topic_propose_no_truce(language: str, text: str) -> None:
    assert "proposed" not in statuses(text, language)


TRUCE_TALKS: list[tuple[str, str]] = [
    ("en", "Talks on a ceasefire resumed in Cairo on Monday."),
    ("en", "Negotiators met again, but the truce talks stalled."),
    ("es", "Las negociaciones sobre una tregua se reanudaron en El Cairo."),
    ("fr", "Les négociations sur un cessez-le-feu ont repris au Caire."),
    ("pt", "As negociações sobre um cessar-fogo foram retomadas no Cairo."),
    ("de", "Die Verhandlungen über eine Waffenruhe wurden in Kairo fortgesetzt."),
]


@pytest.mark.parametrize(("language", "text"), TRUCE_TALKS)
def test_talks_on_a_truce_still_propose_it(language: str, text: str) -> None:
    assert statuses(text, language) == ["proposed"]
