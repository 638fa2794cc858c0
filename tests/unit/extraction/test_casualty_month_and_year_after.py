"""A month named with its year, well before publication, dates the figure before it in its clause.

Context paragraphs close a toll with when it happened: "More than 2,000 people died in the May 2024
floods", "… were killed between November 2023 and January 2024", "murieron en mayo de 2024". A
month with its year at least two months back dates that earlier episode, as a stale day does
(attribution/stale_dates.py, `stale_month_years`); a range is dated by its end, so a period that runs
up to the last weeks is the news.

Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.unit.extraction.casualty_helpers import read

PUBLISHED = datetime(2026, 3, 10, 9, tzinfo=UTC)

CASES: list[tuple[str, str, list[tuple[int, bool]]]] = [
    ("en", "More than 2,000 people died in the May 2025 floods in the north.", [(2000, True)]),
    ("en", "Rights groups say 900 people were killed in the region between November 2023 and January 2024.",
     [(900, True)]),
    ("es", "Más de 2.000 personas murieron en las inundaciones de mayo de 2025.", [(2000, True)]),
    ("pt", "Mais de 2.000 pessoas morreram nas cheias de maio de 2025.", [(2000, True)]),
    ("fr", "Plus de 2 000 personnes sont mortes lors des inondations de mai 2025.", [(2000, True)]),
    # look-alikes: a range that closes this winter is the news; a later clause's date is its own
    ("en", "At least 60 people were killed in the province between December 2025 and February 2026, the UN said.",
     [(60, False)]),
    ("en", "Nine people were killed on Monday, the worst day since the May 2025 floods.", [(9, False)]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[case[1][:60] for case in CASES])
def test_a_month_with_its_year_dates_the_figure_before(
    language: str, text: str, expected: list[tuple[int, bool]]
) -> None:
    figures = read(text, language, PUBLISHED)
    assert [(f.count, f.background) for f in figures if f.outcome == "killed"] == expected
