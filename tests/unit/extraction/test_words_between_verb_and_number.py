"""Words between an outcome verb and its number that leave the verb governing it:

- an attribution of one or two words: a compound holding its source ("starben nach
  Polizeiangaben sechs Menschen", "laut Klinikangaben", "Unter den Verletzten sind nach
  Krankenhausangaben 14 Kinder"; lexicon `grammar.attribution_heads`, after a preposition of
  `according_to`), or an adverb referring back to it ("Getötet wurden demnach vier Polizisten";
  `grammar.attribution_adverbs`) — a capability of any language that compounds its nouns;
- a place after a preposition ("starben in Gaza 63 Menschen", "murieron en Gaza 63 personas",
  "morreram em Gaza 63 pessoas"; `grammar.place_prepositions`, the name written with a capital);
- German deaths told inversely or of soldiers: "Ums Leben kamen …", "gefallen", "fielen", and
  "erlitten lebensgefährliche Verletzungen"; two bombs that fell are no people (`things`).

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import full

CASES: list[tuple[str, str, list[tuple[str, int, str, str | None]]]] = [
    ("de", "Bei dem Anschlag starben nach Polizeiangaben fünf Menschen, 23 wurden verletzt.",
     [("killed", 5, "exact", None), ("injured", 23, "exact", None)]),
    ("de", "Dabei wurden laut Klinikangaben mindestens neun Menschen verletzt.", [("injured", 9, "at_least", None)]),
    ("de", "Der Angriff tötete nach Armeeangaben 18 Dorfbewohner.", [("killed", 18, "exact", None)]),
    ("de", "Bei dem Beschuss starben zwölf Menschen. Unter den Toten sind nach Krankenhausangaben vier Kinder.",
     [("killed", 12, "exact", None), ("killed", 4, "exact", "children")]),
    ("de", "Getötet wurden demnach drei Soldaten und ein Zivilist.", [("killed", 3, "exact", "soldiers")]),
    ("de", "Ums Leben kamen nach Behördenangaben mindestens 14 Menschen.", [("killed", 14, "at_least", None)]),
    ("de", "Am Montag starben in Chan Junis 21 Menschen.", [("killed", 21, "exact", None)]),
    ("es", "El lunes murieron en Gaza 63 personas.", [("killed", 63, "exact", None)]),
    ("pt", "Na segunda-feira morreram em Gaza 63 pessoas.", [("killed", 63, "exact", None)]),
    ("de", "Nach Angaben der Armee sind zwei Soldaten bei Gefechten im Süden gefallen.", [("killed", 2, "exact", "soldiers")]),
    ("de", "Vier Soldaten fielen bei dem Angriff.", [("killed", 4, "exact", "soldiers")]),
    ("de", "Sechs weitere Menschen erlitten lebensgefährliche Verletzungen.", [("injured", 6, "exact", None)]),
    ("de", "Zwei Bomben fielen auf das Viertel.", []),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_words_between_a_verb_and_its_number(
    language: str, text: str, expected: list[tuple[str, int, str, str | None]]
) -> None:
    assert full(text, language) == expected
