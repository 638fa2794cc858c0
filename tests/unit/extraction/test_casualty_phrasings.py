"""Casualty phrasings a blind evaluation found missing, each captured as a rule of news language
and tested with my own sentences in every language it applies to."""

from __future__ import annotations

import pytest

from tests.unit.extraction.casualty_helpers import full, read

Figure = tuple[str, int, str, str | None]


def check(text: str, language: str, expected: list[Figure]) -> None:
    assert full(text, language) == expected


# A subgroup clause with its verb elided: "…, four of them children", "dos de ellas policías".
@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Thirty people were wounded in the blast, six of them children.",
            "en",
            [("injured", 30, "exact", None), ("injured", 6, "exact", "children")],
        ),
        (
            "Nove pessoas morreram no ataque, duas delas mulheres.",
            "pt",
            [("killed", 9, "exact", None), ("killed", 2, "exact", "women")],
        ),
        (
            "Dos agentes y 11 civiles resultaron heridos; murieron siete personas, tres de ellas policías.",
            "es",
            [
                ("injured", 2, "exact", "police"),
                ("injured", 11, "exact", "civilians"),
                ("killed", 7, "exact", None),
                ("killed", 3, "exact", "police"),
            ],
        ),
        (
            "Quinze personnes ont été tuées, cinq d'entre elles des enfants.",
            "fr",
            [("killed", 15, "exact", None), ("killed", 5, "exact", "children")],
        ),
        # how badly, not who: the part keeps its parent's group
        (
            "More than 40 were wounded, 9 of them critically.",
            "en",
            [("injured", 40, "at_least", None), ("injured", 9, "exact", None)],
        ),
    ],
)
def test_elided_subgroup_clause(text: str, language: str, expected: list[Figure]) -> None:
    check(text, language, expected)


# Romance verbs with their auxiliary, before the subject: "han muerto al menos 60 personas".
@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Desde el jueves han muerto al menos 35 personas en los combates.", "es", [("killed", 35, "at_least", None)]),
        ("En la explosión han resultado heridas 18 personas.", "es", [("injured", 18, "exact", None)]),
        ("Desde segunda-feira já morreram 27 pessoas na região.", "pt", [("killed", 27, "exact", None)]),
        ("Durante la noche desaparecieron nueve pescadores en la costa.", "es", [("missing", 9, "exact", None)]),
        (
            "Murieron entre cinco y siete personas en el derrumbe del puente tras el bombardeo.",
            "es",
            [("killed", 5, "at_least", None)],
        ),
    ],
)
def test_auxiliary_verb_before_the_number(text: str, language: str, expected: list[Figure]) -> None:
    check(text, language, expected)


# A written range is two numbers, not one: "between six and eight", "entre cinq et huit".
@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Medics said between four and seven rebels were killed.", "en", [("killed", 4, "at_least", "fighters")]),
        ("Entre três e cinco soldados morreram na emboscada.", "pt", [("killed", 3, "at_least", "soldiers")]),
        ("Entre deux et quatre policiers ont été blessés.", "fr", [("injured", 2, "at_least", "police")]),
        # a compound number still reads as one
        ("Sixty-one people were killed.", "en", [("killed", 61, "exact", None)]),
    ],
)
def test_written_range(text: str, language: str, expected: list[Figure]) -> None:
    check(text, language, expected)


# The nominalised event: "la desaparición de 14 personas", "the disappearance of six men".
@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Families reported the disappearance of six fishermen off the coast.", "en", [("missing", 6, "exact", None)]),
        ("Os vizinhos denunciaram o desaparecimento de 4 jovens.", "pt", [("missing", 4, "exact", None)]),
        ("La fiscalía investiga la desaparición de 12 personas.", "es", [("missing", 12, "exact", None)]),
        ("La police enquête sur la disparition de 3 personnes.", "fr", [("missing", 3, "exact", None)]),
    ],
)
def test_nominalised_disappearance(text: str, language: str, expected: list[Figure]) -> None:
    check(text, language, expected)


# "Among those who lost their lives were …": a subgroup of the toll before.
@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Shelling killed 14 people. Among those who lost their lives were two journalists.",
            "en",
            [("killed", 14, "exact", None), ("killed", 2, "exact", "journalists")],
        ),
        (
            "El ataque dejó 20 muertos. Entre los que murieron hay cuatro niños.",
            "es",
            [("killed", 20, "exact", None), ("killed", 4, "exact", "children")],
        ),
    ],
)
def test_among_those_who_died(text: str, language: str, expected: list[Figure]) -> None:
    check(text, language, expected)


# Military communiqués: "eliminated" militants are killed.
@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "The army said its troops eliminated five insurgents near the border.",
            "en",
            [("killed", 5, "exact", "fighters")],
        ),
        ("O exército afirmou ter eliminado oito rebeldes.", "pt", []),  # the participle alone stays unread
        ("Las fuerzas armadas eliminaron a seis guerrilleros.", "es", [("killed", 6, "exact", "fighters")]),
        ("L'armée a éliminé 7 jihadistes dans le nord.", "fr", [("killed", 7, "exact", "fighters")]),
    ],
)
def test_eliminated_is_killed(text: str, language: str, expected: list[Figure]) -> None:
    check(text, language, expected)


# Portuguese "no"/"na" (in the) before a place is no negation of the verb after it.
@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Bombardeio no Sudão mata 31, diz ONG", "pt", [("killed", 31, "exact", None)]),
        ("Ataque na Ucrânia fere 12 civis", "pt", [("injured", 12, "exact", "civilians")]),
        ("El ataque no mató a nadie, pero hirió a 4 personas.", "es", [("injured", 4, "exact", None)]),
    ],
)
def test_portuguese_no_is_not_a_negation(text: str, language: str, expected: list[Figure]) -> None:
    check(text, language, expected)


# Quotation marks around a claimed figure do not cut the verb from it.
@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            'The group said its fighters killed "at least 30 enemy soldiers" in the raid.',
            "en",
            [("killed", 30, "at_least", "soldiers")],
        ),
        (
            "O grupo afirmou ter matado «mais de 20 militares» na emboscada.",
            "pt",
            [("killed", 20, "at_least", "soldiers")],
        ),
    ],
)
def test_quoted_figure(text: str, language: str, expected: list[Figure]) -> None:
    check(text, language, expected)


# "…to 52, from the 80 reported first": the superseded figure is stated too.
def test_correction_to_a_figure_from_an_earlier_one() -> None:
    text = "Officials lowered the toll from the landslide to 17, from the 25 announced on Sunday."
    assert [(f.outcome, f.count) for f in read(text, "en")] == [("killed", 17), ("killed", 25)]


# An additive phrase after the outcome adds members to its list: "…, as well as two civilians".
@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Four soldiers were wounded in the ambush, as well as two civilians.",
            "en",
            [("injured", 4, "exact", "soldiers"), ("injured", 2, "exact", "civilians")],
        ),
        (
            "Cinco policiais morreram, além de dois civis atingidos por estilhaços.",
            "pt",
            [("killed", 5, "exact", "police"), ("killed", 2, "exact", "civilians")],
        ),
        (
            "Tres militares resultaron heridos, además de cuatro civiles.",
            "es",
            [("injured", 3, "exact", "soldiers"), ("injured", 4, "exact", "civilians")],
        ),
        (
            "Deux soldats ont été tués, ainsi que trois civils.",
            "fr",
            [("killed", 2, "exact", "soldiers"), ("killed", 3, "exact", "civilians")],
        ),
        # animals are no casualties, wherever they are listed
        ("Nine villagers were killed, along with 60 cattle.", "en", [("killed", 9, "exact", None)]),
        ("Cuatro personas murieron y 200 ovejas.", "es", [("killed", 4, "exact", None)]),
    ],
)
def test_additive_list_member(text: str, language: str, expected: list[Figure]) -> None:
    check(text, language, expected)


# A toll that passed a mark is a lower bound: "climbed past 2,000", "supera los 90".
@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("The death toll has climbed past 2,000, the ministry said.", "en", [("killed", 2000, "at_least", None)]),
        ("O número de mortos ultrapassou os 450.", "pt", [("killed", 450, "at_least", None)]),
        ("La cifra de fallecidos supera los 90.", "es", [("killed", 90, "at_least", None)]),
    ],
)
def test_a_toll_past_a_mark(text: str, language: str, expected: list[Figure]) -> None:
    check(text, language, expected)


# Homicides counted by police or prosecutors are killings.
@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Prosecutors counted 31 homicides over the weekend.", "en", [("killed", 31, "exact", None)]),
        ("La fiscalía reportó 18 homicidios en el municipio.", "es", [("killed", 18, "exact", None)]),
        ("A polícia registou 7 homicídios na cidade.", "pt", [("killed", 7, "exact", None)]),
    ],
)
def test_homicides_are_killings(text: str, language: str, expected: list[Figure]) -> None:
    check(text, language, expected)


# A predicate verb after a bare number ends its noun phrase: "outros sete ficaram feridos" is
# seven more of the same people, "40 remained missing" is a state, not an act of their own.
@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Dois militares morreram e outros cinco ficaram feridos.",
            "pt",
            [("killed", 2, "exact", "soldiers"), ("injured", 5, "exact", "soldiers")],
        ),
        (
            "Murieron tres policías y otros seis resultaron heridos.",
            "es",
            [("killed", 3, "exact", "police"), ("injured", 6, "exact", "police")],
        ),
        (
            "Four fishermen died and 11 remained missing on Monday.",
            "en",
            [("killed", 4, "exact", None), ("missing", 11, "exact", None)],
        ),
    ],
)
def test_predicate_after_a_bare_number(text: str, language: str, expected: list[Figure]) -> None:
    check(text, language, expected)


# Drowning is a death: "migrants drowned", "morreram afogados", "se sont noyés".
@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("At least 27 migrants drowned off the coast.", "en", [("killed", 27, "at_least", None)]),
        ("Oito pessoas morreram afogadas no rio.", "pt", [("killed", 8, "exact", None)]),
        ("Al menos 14 migrantes murieron ahogados.", "es", [("killed", 14, "at_least", None)]),
        ("Six migrants se sont noyés dans la Manche.", "fr", [("killed", 6, "exact", None)]),
    ],
)
def test_drowned_is_killed(text: str, language: str, expected: list[Figure]) -> None:
    check(text, language, expected)
