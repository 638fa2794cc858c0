"""German ceasefire news as German wires write it (lexicon data in lang/de.yaml, and two general
capabilities in `ceasefire/reported_speech.py` and `ceasefire/attachment.py`):

- a separable call in the preterite has the truce after "zu" for its object, whatever the
  addressee between: "forderte die Parteien im Osten zu einer Waffenruhe auf" proposes one (its
  perfect, "hat zu einem Waffenstillstand aufgerufen", is `proposal_after`; checked here too);
- wanting a truce asks for one ("Die Miliz will eine Feuerpause"; an indefinite truce only);
- a modal before its truce with the verb of starting after it schedules the truce: "Ab
  Mitternacht soll eine Waffenruhe gelten" (agreed); a clause about how long it lasts does not;
- reported speech takes the subjunctive: "Sie gelte ab sofort" (the truce as a pronoun);
- "nach Inkrafttreten einer Waffenruhe" (indefinite too), and over a participle that describes
  the truce ("nach dem Inkrafttreten der von Moskau angekündigten Feuerpause", as "trotz" reaches);
- a reporting verb that a comma closes reports the clause after it, in any language
  ("Die Armee erklärte, sie halte sich an die Waffenruhe": no announcement of a truce), but not
  a relative clause describing its object ("eine Waffenruhe verkündet, die … in Kraft trat");
- a truce declared over ("für beendet erklärt") is ended, not declared.

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.extractor import extract
from services.extraction.text.sentences import split_sentences

CASES: list[tuple[str, str, set[str]]] = [
    # a separable call with its "zu"
    ("de", "Die Kanzlerin hat Moskau und Kiew zu einer sofortigen Feuerpause aufgefordert.", {"proposed"}),
    ("de", "Die Außenminister haben zu einem dauerhaften Waffenstillstand im Jemen aufgerufen.", {"proposed"}),
    ("de", "Der Gesandte forderte die Milizen im Osten des Landes zu einer sofortigen und bedingungslosen Waffenruhe auf.",
     {"proposed"}),
    ("de", "Das Rote Kreuz rief zu einer humanitären Feuerpause in der umkämpften Stadt am Fluss auf, um Hilfsgüter zu liefern.",
     {"proposed"}),
    ("de", "Die Regierung wird die Milizen erneut zu einer Waffenruhe aufzufordern versuchen.", {"proposed"}),
    ("de", "Der Bischof rief die Gläubigen zur Einhaltung der Waffenruhe auf.", set()),
    ("de", "Die Bundesregierung hat beide Seiten aufgefordert, die Feuerpause einzuhalten.", set()),
    # wanting a truce asks for one
    ("de", "Die Miliz will eine Feuerpause.", {"proposed"}),
    ("de", "Die Rebellen wollen einen Waffenstillstand, aber nur zu ihren Bedingungen.", {"proposed"}),
    ("de", "Die Regierung will die Feuerpause respektieren.", set()),
    # a modal before its truce
    ("de", "Ab Mitternacht soll im Norden eine Feuerpause gelten.", {"agreed"}),
    ("de", "Am Sonntag sollte eine dreitägige Waffenruhe in Kraft treten.", {"agreed"}),
    ("de", "Wie lange die Feuerpause gelten soll, blieb offen.", set()),
    ("de", "Die Lastwagen sollen während der Waffenruhe die Grenze passieren.", set()),
    # the truce as a pronoun in reported speech
    ("de", "Die Junta verkündete eine Feuerpause. Sie gelte bis Ende des Monats, hieß es im Staatsfernsehen.",
     {"agreed", "in_effect"}),
    # the entry into force of a truce
    ("de", "Drei Tage nach Inkrafttreten einer Feuerpause ist die Lage in der Stadt wieder angespannt.", {"in_effect"}),
    ("de", "Seit dem Inkrafttreten der von Katar vermittelten Waffenruhe blieb es an der Front ruhig.",
     {"agreed", "in_effect"}),
    ("de", "Kurz nach dem Inkrafttreten der vom Kreml angekündigten Weihnachts-Waffenruhe meldeten beide Seiten Angriffe.",
     {"agreed", "in_effect"}),
    # a reporting verb closed by a comma
    ("de", "Die Miliz erklärte, sie halte sich an die Feuerpause.", {"in_effect"}),
    ("de", "Der Außenminister erklärte am Montag, ein Waffenstillstandsabkommen dürfe keine Seite bevorzugen.", set()),
    ("de", "Der Rat hat eine Feuerpause verkündet, die am Abend in Kraft trat.", {"agreed", "in_effect"}),
    ("pt", "As duas partes acusaram-se de violar a trégua horas depois de o acordo ter sido anunciado, com tiros ouvidos na capital.",
     {"agreed", "violated"}),
    # declared over
    ("de", "Die Armee hat die Feuerpause für die gesamte Provinz nach wenigen Tagen für beendet erklärt.", {"collapsed"}),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_german_calls_and_reported_clauses(language: str, text: str, expected: set[str]) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {statement.status for statement in statements if not statement.background} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "umkamen": the verb of dying in a subordinate or inverted clause
        ("Nach Angaben der Behörden ist unklar, wie viele der mindestens 14 Menschen im Feuer umkamen.", [("killed", 14, None)]),
        # employees are people: a group before them does not carry over to them
        ("Bei dem Anschlag wurden vier Polizisten und drei städtische Angestellte verletzt.",
         [("injured", 4, "police"), ("injured", 3, None)]),
    ],
)
def test_german_casualty_words(text: str, expected: list[tuple[str, int, str | None]]) -> None:
    result = extract(text, language="de")
    assert [(c.outcome, c.count, c.group) for c in result.casualties if not c.background] == expected
