"""German, read only through its lexicon (services/extraction/lexicon/lang/de.yaml) and general capabilities."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from services.extraction.extractor import extract
from services.extraction.text.numbers import find_numbers


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("dreiundzwanzig", 23),
        ("einundvierzig", 41),
        ("dreihundertzwölf", 312),
        ("zwei Dutzend", 24),
        ("2,5 Millionen", 2_500_000),
    ],
)
def test_compound_and_collective_number_words(text: str, value: int) -> None:
    assert [number.value for number in find_numbers(text, "de")] == [value]


def test_a_number_word_glued_to_another_word_is_no_number() -> None:
    assert find_numbers("die Achtzigerjahre", "de") == []


def rows(text: str, published: datetime | None = None) -> list[tuple[object, ...]]:
    result = extract(text, language="de", published_at=published)
    return [(c.outcome, c.count, c.qualifier, c.group, c.period_hours, c.background) for c in result.casualties]


def test_figures_outcomes_groups_and_qualifiers() -> None:
    text = (
        "Bei dem Luftangriff wurden mindestens 27 Menschen getötet und rund 60 verletzt, darunter neun Kinder. "
        "Vier Soldaten gelten als vermisst."
    )
    assert rows(text) == [
        ("killed", 27, "at_least", None, None, False),
        ("injured", 60, "approximately", None, None, False),
        ("injured", 9, "exact", "children", None, False),
        ("missing", 4, "exact", "soldiers", None, False),
    ]


def test_a_toll_a_window_and_background() -> None:
    text = (
        "Die Zahl der Todesopfer stieg auf 31. In den vergangenen 48 Stunden kamen 12 Zivilisten ums Leben. "
        "Im vergangenen Jahr waren bei einem Anschlag 40 Menschen getötet worden."
    )
    assert rows(text, datetime(2024, 6, 1, tzinfo=UTC)) == [
        ("killed", 31, "exact", None, None, False),
        ("killed", 12, "exact", "civilians", 48, False),
        ("killed", 40, "exact", None, None, True),
    ]


def test_times_dates_and_counts_of_things_are_no_figures() -> None:
    text = "Am 4. März um 15 Uhr schlugen 12 Raketen ein. Die Miliz hat die Waffenruhe 80 Mal verletzt."
    assert rows(text) == []


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Israel und die Hamas haben sich auf eine Waffenruhe geeinigt.", "agreed"),
        ("Die Feuerpause trat am Sonntagmorgen in Kraft.", "in_effect"),
        ("Die Waffenruhe hält seit drei Tagen.", "in_effect"),
        ("Die Waffenruhe wurde in der Nacht mehrfach verletzt.", "violated"),
        ("Beide Seiten warfen sich Verstöße gegen die Waffenruhe vor.", "violated"),
        ("Der Waffenstillstand ist gescheitert.", "collapsed"),
        ("Die Waffenruhe wurde um 30 Tage verlängert.", "extended"),
        ("Der UN-Generalsekretär forderte eine sofortige Waffenruhe.", "proposed"),
    ],
)
def test_ceasefire_statuses(text: str, status: str) -> None:
    assert [statement.status for statement in extract(text, language="de").ceasefire] == [status]


def test_verletzt_is_injured_people_when_a_count_of_people_stands_before_it() -> None:
    text = "Während der Waffenruhe wurden in Rafah fünf Menschen verletzt."
    result = extract(text, language="de")
    assert [(c.outcome, c.count) for c in result.casualties] == [("injured", 5)]
    assert result.ceasefire == ()


def test_a_compound_naming_the_truce_and_its_talks_is_a_proposal() -> None:
    text = "Es geht um eine Waffenruhe. Die Waffenstillstandsverhandlungen in Doha wurden am Dienstag fortgesetzt."
    assert [statement.status for statement in extract(text, language="de").ceasefire] == ["proposed"]
