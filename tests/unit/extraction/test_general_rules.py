"""General rules of news language, each with new sentences in every language (never an evaluation set's).

The failure classes of issue 10: "may" is not a month; a bare range is its lower bound, at least;
renewed fighting does not extend a truce; army officers are soldiers and civil defence workers
aid workers; a singular member of a subgroup list does not hide the counted one after it.
"""

from __future__ import annotations

import pytest

from services.extraction.extractor import extract


def figures(text: str, language: str) -> list[tuple[str, int, str, str | None]]:
    return [(c.outcome, c.count, c.qualifier, c.group) for c in extract(text, language=language).casualties]


def statuses(text: str, language: str) -> list[str]:
    return [statement.status for statement in extract(text, language=language).ceasefire]


@pytest.mark.parametrize(
    "text",
    [
        "Rescuers fear 140 may have drowned when the ferry capsized.",
        "As many as 75 may have been killed in the raid, a local official said.",
        "Officials said 60 may still be missing after the landslide.",
    ],
)
def test_the_modal_may_is_not_a_month(text: str) -> None:
    assert figures(text, "en"), text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On 12 May, 14 people were killed.", "en"),
        ("El 12 de mayo murieron 14 personas.", "es"),
        ("Em 12 de maio morreram 14 pessoas.", "pt"),
        ("Le 12 mai, 14 personnes ont été tuées.", "fr"),
        ("Am 12. Mai wurden 14 Menschen getötet.", "de"),
    ],
)
def test_a_day_before_a_month_is_still_a_date(text: str, language: str) -> None:
    assert [count for _, count, _, _ in figures(text, language)] == [14]


@pytest.mark.parametrize(
    ("text", "language", "lower"),
    [
        ("Between 8 and 11 soldiers died in the crossfire.", "en", 8),
        ("Some 25 to 30 villagers were killed overnight.", "en", 25),
        ("Militants killed 6 to 9 people at the checkpoint.", "en", 6),
        ("De 30 a 40 personas murieron en el ataque.", "es", 30),
        ("Entre 12 y 15 civiles resultaron heridos.", "es", 12),
        ("De 20 a 25 pessoas morreram no bombardeio.", "pt", 20),
        ("Entre 7 e 9 soldados ficaram feridos.", "pt", 7),
        ("De 50 à 60 personnes ont été tuées.", "fr", 50),
        ("Zwischen 18 und 22 Menschen wurden getötet.", "de", 18),
        ("Bei dem Angriff starben 30 bis 35 Zivilisten.", "de", 30),
    ],
)
def test_a_range_is_its_lower_bound_at_least(text: str, language: str, lower: int) -> None:
    [(_, count, qualifier, _)] = figures(text, language)
    assert (count, qualifier) == (lower, "at_least")


def test_a_year_before_a_bare_to_is_no_range() -> None:
    text = "The ministry put the toll since October 2023 to 44,100 on Monday."
    assert (44100, "exact") in [(count, qualifier) for _, count, qualifier, _ in figures(text, "en")]


@pytest.mark.parametrize(
    "text",
    [
        "The truce was shattered by renewed shelling of the port.",
        "The ceasefire held on Friday despite renewed clashes near the border.",
        "Renewed air strikes broke the truce overnight.",
    ],
)
def test_renewed_fighting_does_not_extend_a_truce(text: str) -> None:
    assert "extended" not in statuses(text, "en")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The warring parties renewed the truce for another month.", "en"),
        ("Las partes prorrogaron la tregua por otros 30 días.", "es"),
        ("O governo e os rebeldes prorrogaram o cessar-fogo por mais 60 dias.", "pt"),
        ("Les belligérants ont prolongé le cessez-le-feu d'une semaine.", "fr"),
        ("Die Konfliktparteien verlängerten die Waffenruhe um zwei Wochen.", "de"),
    ],
)
def test_an_extension_is_still_extended(text: str, language: str) -> None:
    assert statuses(text, language) == ["extended"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Five army officers were killed when their convoy hit a mine.", "en"),
        ("Cinco oficiales del ejército murieron en la emboscada.", "es"),
        ("Cinco oficiais do exército morreram na emboscada.", "pt"),
        ("Cinq officiers de l'armée ont été tués dans l'embuscade.", "fr"),
        ("Fünf Offiziere wurden bei dem Hinterhalt getötet.", "de"),
    ],
)
def test_army_officers_are_soldiers(text: str, language: str) -> None:
    assert [group for _, _, _, group in figures(text, language)] == ["soldiers"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Three civil defence workers were killed while searching the rubble.", "en"),
        ("Tres miembros de defensa civil murieron mientras buscaban sobrevivientes.", "es"),
        ("Três agentes da defesa civil morreram durante o resgate.", "pt"),
        ("Trois agents de la protection civile ont été tués pendant les secours.", "fr"),
        ("Drei Zivilschutzhelfer wurden bei den Bergungsarbeiten getötet.", "de"),
    ],
)
def test_civil_defence_workers_are_aid_workers(text: str, language: str) -> None:
    assert [group for _, _, _, group in figures(text, language)] == ["aid_workers"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Nineteen people died in the blast. Among the dead were a nurse and four children.", "en"),
        ("Neunzehn Menschen starben. Unter den Toten sind eine Krankenschwester und vier Kinder.", "de"),
    ],
)
def test_a_singular_member_of_a_subgroup_list_does_not_hide_the_next(text: str, language: str) -> None:
    assert (4, "children") in [(count, group) for _, count, _, group in figures(text, language)]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The two sides agreed on a truce that takes effect on Saturday at noon.", "en"),
        ("The ceasefire is to take effect at midnight.", "en"),
        ("El alto el fuego entra en vigor el sábado a mediodía.", "es"),
        ("A trégua entra em vigor no sábado ao meio-dia.", "pt"),
        ("La trêve entre en vigueur samedi à midi.", "fr"),
        ("Die Feuerpause tritt am Samstag um zwölf Uhr in Kraft.", "de"),
    ],
)
def test_a_truce_taking_effect_at_a_time_to_come_is_agreed_not_in_effect(text: str, language: str) -> None:
    assert statuses(text, language) == ["agreed"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The truce took effect at noon on Saturday.", "en"),
        ("La trêve est entrée en vigueur samedi à midi.", "fr"),
        ("Die Feuerpause trat am Samstag in Kraft.", "de"),
    ],
)
def test_a_truce_that_took_effect_is_in_effect(text: str, language: str) -> None:
    assert statuses(text, language) == ["in_effect"]
