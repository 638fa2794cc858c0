"""A toll counted since a month of the past year runs up to now: it is the news, whatever dated the
clause before it.

"The appeal came after fighting between the two groups left 80 people dead and forced 40,000 from
their homes since February": "came after" tells an earlier event, but "since February" makes the
toll a running one, as "so far" does (attribution/stale_dates.py, `SINCE_A_MONTH`). The comma inside
a number ("40,000") ends no clause. A month with its year ("since May 2019") is not read so.

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.unit.extraction.casualty_helpers import read

PUBLISHED = datetime(2026, 4, 14, 9, tzinfo=UTC)

CASES: list[tuple[str, str, list[tuple[int, bool]]]] = [
    ("en", "The bishops' appeal came after fighting between the two militias left 80 people dead and forced "
     "40,000 from their homes since February, local officials said.", [(80, False)]),
    ("en", "The call came two months after gunmen killed 80 people in a raid on a market.", [(80, True)]),
    ("es", "El llamamiento llegó dos meses después de que los combates dejaran 80 muertos desde febrero.", [(80, False)]),
    # look-alike: an old year after "since" keeps the earlier episode's toll in the past
    ("en", "The call came after militants killed 30 people in May 2024.", [(30, True)]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_a_toll_since_a_month_runs_on(language: str, text: str, expected: list[tuple[int, bool]]) -> None:
    figures = read(text, language, PUBLISHED)
    assert [(f.count, f.background) for f in figures if f.outcome == "killed"] == expected
