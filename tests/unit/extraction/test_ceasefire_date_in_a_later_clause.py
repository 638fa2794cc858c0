"""A date that stands only in a clause after the cue's own, past a clause break ("while", "alors
que", "mientras", "enquanto", "während", ", but"), dates what that later clause says, not the cue:
"The two armies accused each other on Tuesday of breaching the truce, while their ministers
initialled a draft peace accord in August" reports a violation today (`ceasefire/background.py`
`dated_only_after`). Look-alikes: a year or a month in the cue's own clause keeps the sentence's
reading, also one that starts a state ("had respected a truce from May 2022, but …"), and a truce
described by its year stays an earlier one. Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

import pytest

from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.text.sentences import split_sentences

Expected = set[tuple[str, bool]]

NEWS: list[tuple[str, str, Expected]] = [
    ("en", "The two armies accused each other of breaching the ceasefire, while their foreign ministers initialled a draft peace accord in August.", {("violated", False)}),
    ("en", "The mutual accusations of truce violations are the first in weeks, whereas the two governments resumed talks in March.", {("violated", False)}),
    ("fr", "Les deux armées se sont accusées de violer le cessez-le-feu, alors que leurs ministres ont paraphé en août un projet d'accord de paix.", {("violated", False)}),
    ("es", "Los dos ejércitos se acusaron de violar el alto el fuego, mientras que sus ministros rubricaron en agosto un borrador de acuerdo de paz.", {("violated", False)}),
    ("pt", "Os dois exércitos acusaram-se de violar o cessar-fogo, enquanto os seus ministros rubricaram em agosto um projeto de acordo de paz.", {("violated", False)}),
    ("de", "Die beiden Armeen warfen sich vor, die Waffenruhe verletzt zu haben, während ihre Außenminister im August einen Entwurf für ein Friedensabkommen paraphiert hatten.", {("violated", False)}),
]

STILL_EARLIER: list[tuple[str, str, Expected]] = [
    # the year in the cue's own clause
    ("en", "The truce signed in 2020 collapsed, while talks went on.", {("agreed", True), ("collapsed", True)}),
    ("es", "La tregua firmada en 2020 se rompió, mientras las conversaciones seguían.", {("agreed", True), ("collapsed", True)}),
    # a state started by a date in the cue's own clause, in the pluperfect, and its end dated after "but"
    ("en", "The rebels had respected a ceasefire from May 2022, but the truce lapsed in June 2023 and was not renewed.", {("in_effect", True), ("collapsed", True)}),
]

CASES = NEWS + STILL_EARLIER


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:70] for case in CASES])
def test_a_date_in_a_later_clause_dates_that_clause(language: str, text: str, expected: Expected) -> None:
    statements = find_ceasefire(split_sentences(text), language)
    assert {(statement.status, statement.background) for statement in statements} == expected
