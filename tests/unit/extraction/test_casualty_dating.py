"""Dating a figure to the reported events or to an earlier episode: rules a blind evaluation
showed were missing. Sentences are my own, in every language the rule applies to."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.unit.extraction.casualty_helpers import read

JULY = datetime(2025, 7, 6, 9, tzinfo=UTC)
AUGUST = datetime(2025, 8, 20, 9, tzinfo=UTC)


def killed(text: str, language: str, published_at: datetime) -> list[tuple[int, bool]]:
    return [(f.count, f.background) for f in read(text, language, published_at) if f.outcome == "killed"]


# A period that runs up to publication is the report's own period, however early it starts.
@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "From 3 January to 30 June, at least 412 people were killed in the region, the UN said.",
            "en",
            [(412, False)],
        ),
        ("Entre 2 de janeiro e 29 de junho, pelo menos 210 pessoas foram mortas no país.", "pt", [(210, False)]),
        ("Entre el 2 de enero y el 30 de junio murieron 98 personas en la provincia.", "es", [(98, False)]),
        ("Du 2 janvier au 28 juin, 75 personnes ont été tuées dans la région.", "fr", [(75, False)]),
        # a range that closed months ago is still an earlier period
        ("Between 2 January and 28 February, 50 people were killed in the province.", "en", [(50, True)]),
    ],
)
def test_a_range_is_dated_by_its_end(text: str, language: str, expected: list[tuple[int, bool]]) -> None:
    assert killed(text, language, JULY) == expected


# "Since <date>, when the war began": the clause dates the start of the running toll.
@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Since 15 April 2023, when the war broke out, more than 20,000 people have been killed.",
            "en",
            [(20000, False)],
        ),
        (
            "Desde 7 de outubro de 2023, quando começou a guerra, mais de 60.000 pessoas foram mortas.",
            "pt",
            [(60000, False)],
        ),
        (
            "Desde el 4 de marzo de 2024, cuando estalló la disputa, se cuentan más de 900 personas asesinadas.",
            "es",
            [(900, False)],
        ),
        (
            "Depuis le 15 avril 2023, quand la guerre a éclaté, plus de 20 000 personnes ont été tuées.",
            "fr",
            [(20000, False)],
        ),
        # the clause after "when" tells of an earlier episode, not an onset
        ("The town has been quiet since March 2019, when a bomber killed 40 people.", "en", [(40, True)]),
    ],
)
def test_since_when_the_episode_began_is_a_running_toll(
    text: str, language: str, expected: list[tuple[int, bool]]
) -> None:
    assert killed(text, language, JULY) == expected


# "The May riots", "los enfrentamientos de marzo": an episode named by an earlier month is finished.
@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("The May riots killed 45 people, according to rights groups.", "en", [(45, True)]),
        ("Os confrontos de abril deixaram 60 mortos na capital.", "pt", [(60, True)]),
        ("Los enfrentamientos de marzo dejaron 120 muertos en la sierra.", "es", [(120, True)]),
        ("Les affrontements de mai avaient fait 30 morts dans la ville.", "fr", [(30, True)]),
        # the month of publication is the news
        ("The August clashes have killed 12 people so far.", "en", [(12, False)]),
    ],
)
def test_an_episode_named_by_an_earlier_month_is_background(
    text: str, language: str, expected: list[tuple[int, bool]]
) -> None:
    assert killed(text, language, AUGUST) == expected


# The lead of a report released now about a dated strike states the news.
@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "A rocket strike on a school on 2 July killed 19 pupils, Amnesty International said on Tuesday.",
            "en",
            [(19, False)],
        ),
        ("Um ataque aéreo em 1 de julho matou 22 civis, denunciou hoje a Human Rights Watch.", "pt", [(22, False)]),
        ("Un ataque con drones el 3 de julio mató a 22 civiles, denunció hoy Human Rights Watch.", "es", [(22, False)]),
        # later in the article the same date marks context
        (
            "Shelling hit the city on Monday. A rocket strike on 2 July killed 19 pupils, Amnesty said on Tuesday.",
            "en",
            [(19, True)],
        ),
        # a lead without a fresh statement keeps its date as a cue
        ("The earthquake that struck on 2 July killed more than 3,700 people.", "en", [(3700, True)]),
    ],
)
def test_a_fresh_statement_in_the_lead_is_the_news(text: str, language: str, expected: list[tuple[int, bool]]) -> None:
    assert killed(text, language, AUGUST) == expected


# A running total named after the window ("the toll since the war began") is not counted over it.
@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Officials said 40 people were killed in the past 24 hours and that the toll since the war began "
            "had reached 9,500.",
            "en",
            [(40, 24), (9500, None)],
        ),
        (
            "Nas últimas 24 horas morreram 30 pessoas, elevando o total de mortos para 2.100.",
            "pt",
            [(30, 24), (2100, None)],
        ),
        (
            "Durante el fin de semana murieron 11 personas; desde enero suman 640 muertos.",
            "es",
            [(11, 48), (640, None)],
        ),
        ("Un week-end meurtrier à Marseille fait 3 morts.", "fr", [(3, 48)]),
    ],
)
def test_the_window_stops_at_a_running_total(text: str, language: str, expected: list[tuple[int, int | None]]) -> None:
    assert [(f.count, f.period_hours) for f in read(text, language) if f.outcome == "killed"] == expected


# "Last month", "years ago" in the Romance languages date an earlier episode as the English do;
# "há dois anos que …" is a duration still running.
@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("O bombardeio do mês passado matou 35 pessoas no mercado.", "pt", [(35, True)]),
        ("El atentado del mes pasado dejó 35 muertos.", "es", [(35, True)]),
        ("L'attentat du mois dernier avait fait 35 morts.", "fr", [(35, True)]),
        ("Hace tres años, una masacre similar dejó 60 muertos.", "es", [(60, True)]),
        ("Il y a trois ans, un massacre similaire avait fait 60 morts.", "fr", [(60, True)]),
        ("Há três anos que o conflito já matou 8.000 pessoas.", "pt", [(8000, False)]),
    ],
)
def test_romance_relative_pasts(text: str, language: str, expected: list[tuple[int, bool]]) -> None:
    assert killed(text, language, AUGUST) == expected


# A lead reporting a new report's findings about a dated attack states the news too.
@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("An air strike on a camp on 1 July killed 33 civilians, Amnesty said in a new report.", "en", [(33, False)]),
        ("Un bombardeo el 2 de julio mató a 14 civiles, según un nuevo informe de la ONU.", "es", [(14, False)]),
        ("Une frappe le 3 juillet a tué 9 civils, selon un nouveau rapport de l'ONU.", "fr", [(9, False)]),
    ],
)
def test_a_new_report_in_the_lead_is_the_news(text: str, language: str, expected: list[tuple[int, bool]]) -> None:
    assert killed(text, language, AUGUST) == expected
