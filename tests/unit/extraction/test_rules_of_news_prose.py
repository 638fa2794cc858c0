"""General rules of news prose, each tested with sentences of my own wording in several languages.

None of these sentences comes from an evaluation set. Ceasefire cases expect the set of
(status, background) pairs the text states; casualty cases the (outcome, count) pairs.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences
from tests.unit.extraction.casualty_helpers import pairs

Expected = set[tuple[str, bool]]

# A negation before a cue denies it, in every language: "not respected" is a violation, a
# negated violation states nothing, a negated agreement is still only proposed.
NEGATIONS: list[tuple[str, str, Expected]] = [
    ("de", "Die Feuerpause wurde am Wochenende nicht eingehalten.", {("violated", False)}),
    ("de", "Die Waffenruhe sei in der Nacht nicht gebrochen worden, sagte ein Armeesprecher.", set()),
    ("de", "Auf eine Waffenruhe haben sich die Parteien bislang nicht geeinigt.", {("proposed", False)}),
    ("en", "The truce in the north has not been respected by either militia.", {("violated", False)}),
    ("es", "La tregua no fue respetada por las milicias del norte.", {("violated", False)}),
    ("fr", "La trêve n'a pas été respectée par les milices du nord.", {("violated", False)}),
    ("pt", "A trégua não foi respeitada pelas milícias do norte.", {("violated", False)}),
]

# Announcing, settling on or striving for a truce, in German as in the other languages.
GERMAN_STATEMENTS: list[tuple[str, str, Expected]] = [
    ("de", "Der Präsident kündigte am Samstag eine dreitägige Feuerpause an.", {("agreed", False)}),
    ("de", "Die Regierung hat eine Waffenruhe für die Feiertage angekündigt.", {("agreed", False)}),
    ("de", "Armee und Miliz verständigten sich in der Nacht auf eine Waffenruhe.", {("agreed", False)}),
    # "kündigte an, …" announces what follows the comma, not a truce
    ("de", "Die Miliz kündigte an, trotz der Feuerpause weiterzukämpfen.", {("violated", False)}),
    ("de", "Die Nachbarstaaten bemühen sich seit Wochen um eine Feuerpause.", {("proposed", False)}),
    ("de", "Diplomaten ringen in Genf um eine Waffenruhe für die Region.", {("proposed", False)}),
    ("de", "Die Waffenruhe im Süden scheint zu halten.", {("in_effect", False)}),
    # "since the truce began": it is in effect; "before it began" says nothing of today
    ("de", "Seit Beginn der Feuerpause sind Hunderte Familien zurückgekehrt.", {("in_effect", False)}),
    ("de", "Seit dem Inkrafttreten der Waffenruhe ist es in der Stadt ruhig.", {("in_effect", False)}),
    ("de", "Noch kurz vor Beginn der Waffenruhe wurde die Stadt beschossen.", set()),
]


@pytest.mark.parametrize(
    ("language", "text", "expected"), NEGATIONS + GERMAN_STATEMENTS, ids=[c[1][:60] for c in NEGATIONS + GERMAN_STATEMENTS]
)
def test_ceasefire_rule(language: str, text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {(s.status, s.background) for s in statements} == expected


# A verb before its number may be separated from it by an attribution ("according to …"), or
# stand first with a copula between ("Getötet wurden 4 Soldaten").
VERB_ATTRIBUTION_NUMBER: list[tuple[str, str, list[tuple[str, int]]]] = [
    ("de", "Bei dem Unglück starben nach Angaben der Feuerwehr 6 Menschen, darunter zwei Kinder.", [("killed", 6), ("killed", 2)]),
    ("de", "In dem Dorf starben laut Augenzeugen mindestens 11 Menschen.", [("killed", 11)]),
    ("de", "Verletzt wurden nach Angaben des Roten Kreuzes 23 Menschen.", [("injured", 23)]),
    ("de", "Zwei Kinder starben, verletzt wurden 9 weitere Menschen.", [("killed", 2), ("injured", 9)]),
    ("en", "The shelling killed, according to the regional governor, at least 7 people.", [("killed", 7)]),
    ("es", "Murieron, según el hospital de la ciudad, al menos 13 personas.", [("killed", 13)]),
    ("fr", "Ont été blessées, selon les secours, 17 personnes.", [("injured", 17)]),
    # the attribution's own number is not counted
    ("de", "Dabei starben laut Polizei 2024 nach dem Krieg viele Menschen.", []),
]


@pytest.mark.parametrize(
    ("language", "text", "expected"), VERB_ATTRIBUTION_NUMBER, ids=[c[1][:60] for c in VERB_ATTRIBUTION_NUMBER]
)
def test_a_verb_reaches_its_number_over_an_attribution(language: str, text: str, expected: list[tuple[str, int]]) -> None:
    assert pairs(text, language) == expected
