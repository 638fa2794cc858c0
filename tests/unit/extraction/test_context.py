"""Period, attribution and background: the context the casualty reader attaches to a figure."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from services.extraction.attribution.period import period_hours
from services.extraction.attribution.source import find_source
from tests.unit.extraction.casualty_helpers import read


@pytest.mark.parametrize(
    ("sentence", "language", "hours"),
    [
        ("32 people were killed in less than 24 hours.", "en", 24),
        ("11 soldiers were killed in the past 24 hours.", "en", 24),
        ("Shelling over the weekend killed one woman.", "en", 48),
        ("At least 940 people were killed in a week of clashes.", "en", 168),
        ("Ten people died in the last 72 hours.", "en", 72),
        ("Morreram 46 pessoas nas últimas 24 horas.", "pt", 24),
        ("Murieron 12 personas en las últimas 48 horas.", "es", 48),
        ("Douze personnes ont été tuées en moins de 24 heures.", "fr", 24),
        ("Trois civils ont été tués ce week-end.", "fr", 48),
        ("A 30-hour truce ended after 15 months of war.", "en", None),
        ("Fighting continued during the day.", "en", None),
    ],
)
def test_period(sentence: str, language: str, hours: int | None) -> None:
    assert period_hours(sentence, language) == hours


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Armenian authorities said 32 people were killed.", "Armenian authorities"),
        (
            "The blast killed 68 people, the enclave's ethnic Armenian authorities said on Tuesday.",
            "enclave's ethnic Armenian authorities",
        ),
        ("According to the health ministry, 40 people died.", "health ministry"),
        ("Bombardeios mataram 19 pessoas, segundo a Defesa Civil de Gaza.", "Defesa Civil de Gaza"),
        ("Dos soldados murieron, informó el Ejército de Colombia.", "Ejército de Colombia"),
        ("Selon les Nations unies, les combats ont fait 900 morts.", "Nations unies"),
        ("It later said that six of those killed were militants.", None),
        ("Twelve people were killed on Sunday.", None),
    ],
)
def test_source(sentence: str, source: str | None) -> None:
    assert find_source(sentence) == source


PUBLISHED = datetime(2025, 4, 22, 12, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "background"),
    [
        ("The war in the early 1990s killed some 30,000 people.", True),
        ("The clashes were the deadliest since the six-week war in 2020, which killed more than 6,500 people.", True),
        ("It was the deadliest attack since a strike in Kramatorsk last April, which killed 61 people.", True),
        ("The crisis began with an attack in which gunmen killed 26 people.", True),
        ("That 34-day conflict killed about 1,200 people.", True),
        ("The earthquake that struck on 28 March killed more than 3,700 people.", True),
        ("Almost 5,500 people have been killed since the conflict began in April last year.", False),
        ("At least 192 journalists have been killed since the war began in October 2023.", False),
        ("A strike on Sunday killed 12 people in the village.", False),
        ("A bombing on 20 April killed 7 people.", False),
        ("O conflito de 2016 deixou 40 mortos.", True),
        ("Desde 2015, les violences ont fait plus de 17 000 morts.", False),
    ],
)
def test_background(text: str, background: bool) -> None:
    [figure] = [f for f in read(text, "en", PUBLISHED) if f.outcome == "killed"]
    assert figure.background is background


@pytest.mark.parametrize(
    ("text", "language", "current", "earlier"),
    [
        ("The 2006 war killed about 1,200 Lebanese. On Friday, an Israeli strike killed 4 people.", "en", [4], [1200]),
        ("Last year's attack on the market killed 30 people. Sunday's blast killed 9.", "en", [9], [30]),
        ("In 2014, an assault left 2,100 dead, but on Tuesday 17 soldiers were killed.", "en", [17], [2100]),
        ("Em 2023, um ataque semelhante deixou 40 mortos. Neste sábado, 12 pessoas morreram.", "pt", [12], [40]),
        ("La guerra de 2020 dejó más de 6.500 muertos. Este lunes murieron 7 soldados.", "es", [7], [6500]),
        ("La guerre de 2006 avait fait 1 200 morts. Vendredi, une frappe a tué 4 personnes.", "fr", [4], [1200]),
        ("Depuis 2012, le conflit a fait plus de 10 000 morts.", "fr", [10000], []),
    ],
)
def test_earlier_episodes_against_the_news(text: str, language: str, current: list[int], earlier: list[int]) -> None:
    figures = read(text, language, datetime(2024, 6, 15, tzinfo=UTC))
    assert [f.count for f in figures if not f.background] == current
    assert [f.count for f in figures if f.background] == earlier


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("At least 14 people were killed, local activists said.", "local activists"),
        ("Um ataque fez 23 mortos, anunciaram hoje as autoridades ucranianas.", "autoridades ucranianas"),
        ("Ataques mataram 27 palestinos, informou nesta quinta-feira o Ministério da Saúde.", "Ministério da Saúde"),
        ("Al menos 17 reos murieron, informó este miércoles el Servicio Nacional.", "Servicio Nacional"),
        ("La frappe a fait 12 morts, a indiqué un responsable local.", "responsable local"),
        ("The fighting went on, and the long night left 12 people dead.", None),
    ],
)
def test_source_in_every_language_without_the_time_words(sentence: str, source: str | None) -> None:
    assert find_source(sentence) == source


def test_without_a_publication_time_the_latest_year_named_stands_for_now() -> None:
    text = "On 3 March 2025, gunmen killed 12 people. The 2020 war killed 6,500. The 2025 offensive killed 40."
    figures = read(text, "en")
    assert [(f.count, f.background) for f in figures] == [(12, False), (6500, True), (40, True)]
