"""A German call in the perfect closes its clause after the truce it calls for: "hat die Parteien zu
einer sofortigen Waffenruhe aufgefordert", "haben zu einer Feuerpause aufgerufen" propose one, as
"forderte … auf" and "rief zu … auf" do (lexicon ceasefire.cues.proposal_after). A call closing its
clause so to keep to a truce that exists ("zur Einhaltung der Waffenruhe aufgerufen") proposes none,
as "urged both sides to respect the truce" does not (`keeping.kept_to_before`). German only: the
other languages put the call before its truce. Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences


def statuses(text: str) -> list[str]:
    return sorted({s.status for s in find_ceasefire(split_sentences(text), "de") if not s.background})


CALLS = [
    "Die Außenministerin hat die Kriegsparteien im Jemen zu einer sofortigen Waffenruhe aufgefordert.",
    "Die Afrikanische Union hat die Konfliktparteien zu einer humanitären Feuerpause in der Region aufgerufen.",
    "Der Papst hatte am Sonntag zu einem Waffenstillstand über die Feiertage aufgerufen.",
    "Mehrere Regierungen haben auf eine Waffenruhe gedrängt.",
    "Der Generalsekretär hat an beide Seiten für eine Waffenruhe appelliert.",
]


@pytest.mark.parametrize("text", CALLS)
def test_a_call_in_the_perfect_proposes_a_truce(text: str) -> None:
    assert statuses(text) == ["proposed"]


KEEPING = [
    "Die Vereinten Nationen haben zur Einhaltung der Waffenruhe aufgerufen.",
    "Die EU hat beide Seiten zur Einhaltung der Feuerpause aufgefordert.",
    "Die Regierung hatte die Wahrung der Waffenruhe gefordert.",
]


@pytest.mark.parametrize("text", KEEPING)
def test_a_call_to_keep_to_the_truce_proposes_none(text: str) -> None:
    assert statuses(text) == []
