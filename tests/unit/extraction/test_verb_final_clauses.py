"""A verb that closes a verb-final clause reports the number before it.

German puts the finite verb last in a subordinate or relative clause, and the participle last in
a perfect: "ein Anschlag, bei dem zwei Zivilisten ums Leben kamen", "ein Angriff, der zwölf
Menschen tötete", "Die Kämpfe hatten elf Menschen das Leben gekostet". Such a verb is listed under
`outcomes.<outcome>.closing` (figures/cues.py `Place.CLOSING`): where the clause ends right after it
(a punctuation mark, a connector, the sentence's end, or the auxiliary of a perfect before them) it
reports the number before it; where the clause goes on, the verb stands second and reports the
number after it ("Der Angriff tötete zwölf Menschen", "Ums Leben kamen nach Behördenangaben elf
Menschen"). The other four languages put the verb before its object in every clause, so only
German lists closing verbs; the capability is any verb-final language's.

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import full

Figure = tuple[str, int, str, str | None]

CASES: list[tuple[str, list[Figure]]] = [
    # relative and subordinate clauses closing on the verb
    ("Am Abend kam es zu einem Feuergefecht, bei dem drei Polizisten ums Leben kamen.",
     [("killed", 3, "exact", "police")]),
    ("Es war die Explosion, bei der ein Kind und zwei Frauen ums Leben kamen, die die Stadt erschütterte.",
     [("killed", 2, "exact", "women")]),
    ("Die Armee meldete einen Luftangriff, der 16 Kämpfer tötete.", [("killed", 16, "exact", "fighters")]),
    ("Der Raketenangriff, der mindestens neun Menschen das Leben kostete, wurde verurteilt.",
     [("killed", 9, "at_least", None)]),
    # a perfect closing on its participle, with or without its auxiliary after it
    ("Die Gefechte hatten nach Angaben von Ärzten mindestens 24 Menschen das Leben gekostet, darunter sieben Kinder.",
     [("killed", 24, "at_least", None), ("killed", 7, "exact", "children")]),
    ("Der Konflikt, der seit dem Frühjahr rund 800 Menschen das Leben gekostet hat, ist nicht beendet.",
     [("killed", 800, "approximately", None)]),
    ("Bei den Unruhen, bei denen 31 Demonstranten ums Leben kamen und 140 verletzt wurden, griff die Polizei ein.",
     [("killed", 31, "exact", None), ("injured", 140, "exact", None)]),
    # verb second: the verb reports the number after it, not the subject before it
    ("Der Drohnenangriff tötete in der Nacht elf Menschen.", [("killed", 11, "exact", None)]),
    ("Zwei Scharfschützen töteten 14 Dorfbewohner.", [("killed", 14, "exact", None)]),
    ("Ums Leben kamen nach Angaben der Rettungskräfte mindestens 19 Menschen.", [("killed", 19, "at_least", None)]),
    ("Der Beschuss kostete am Sonntag sechs Zivilisten das Leben.", [("killed", 6, "exact", "civilians")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[case[0][:60] for case in CASES])
def test_a_verb_closing_its_clause_reports_the_number_before_it(text: str, expected: list[Figure]) -> None:
    assert full(text, "de") == expected
