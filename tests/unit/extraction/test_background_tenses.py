"""The pluperfect of a month gone by tells an earlier episode, in every language (attribution/tense.py).

A month alone dates no episode until two months have passed ("In July, 40 were killed" may be
the story's own fighting in an August story); told in the pluperfect, that month's toll is an
earlier episode's. Reported speech ("officials said … had been killed") and a clause dated to
the days reported keep it news, and so does a pluperfect that names no month ("the fighting
that the truce ended had killed 35"). Sentences of my own wording, none from an evaluation set.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.unit.extraction.casualty_helpers import read

PUBLISHED = datetime(2026, 9, 4, 12, 0, tzinfo=UTC)  # a September story: August is last month

# (language, text, the figure's count, whether it is background)
CASES: list[tuple[str, str, int, bool]] = [
    # the pluperfect with last month's name: an earlier episode
    ("en", "In August, a similar raid on the camp had killed 64 people.", 64, True),
    ("en", "A mortar attack on the same market had left 23 people dead in August.", 23, True),
    ("de", "Im August waren bei einem Angriff auf das Lager 64 Menschen getötet worden.", 64, True),
    ("de", "Bei einem ähnlichen Angriff im August hatten Milizen 23 Dorfbewohner getötet.", 23, True),
    ("es", "En agosto, un ataque similar contra el campamento había dejado 64 muertos.", 64, True),
    ("es", "En agosto habían muerto 23 personas en un bombardeo del mismo mercado.", 23, True),
    ("fr", "En août, une attaque semblable contre le camp avait fait 64 morts.", 64, True),
    ("fr", "Au mois d'août, 23 personnes avaient été tuées sur le même marché.", 23, True),
    ("pt", "Em agosto, um ataque semelhante contra o campo tinha deixado 64 mortos.", 64, True),
    ("pt", "Em agosto, 23 pessoas tinham sido mortas num bombardeamento do mesmo mercado.", 23, True),
    # the same in the simple past: last month may be the story's own fighting
    ("en", "In August, a raid on the camp killed 64 people.", 64, False),
    ("de", "Im August wurden bei einem Angriff auf das Lager 64 Menschen getötet.", 64, False),
    ("es", "En agosto, un ataque contra el campamento dejó 64 muertos.", 64, False),
    ("fr", "En août, une attaque contre le camp a fait 64 morts.", 64, False),
    ("pt", "Em agosto, um ataque contra o campo deixou 64 mortos.", 64, False),
    # reported speech shifts the tense back: the news
    ("en", "The army said in August that 64 soldiers had been killed in the offensive.", 64, False),
    ("en", "The group issued a statement in August, saying its fighters had killed 64 soldiers.", 64, False),
    ("es", "El ejército dijo en agosto que habían muerto 64 soldados en la ofensiva.", 64, False),
    ("fr", "L'armée a précisé en août que 64 soldats avaient été tués dans l'offensive.", 64, False),
    ("pt", "O exército disse em agosto que 64 soldados tinham morrido na ofensiva.", 64, False),
    # a clause dated to the days being reported
    (
        "de",
        "Am Mittwoch, vor Beginn der im August vereinbarten Feuerpause, waren 64 Menschen getötet worden.",
        64,
        False,
    ),
    (
        "de",
        "Am Mittwochmorgen, vor Beginn der im August vereinbarten Feuerpause, waren 64 Menschen getötet worden.",
        64,
        False,
    ),
    (
        "en",
        "On Tuesday, before the truce agreed in August took effect, 64 people had been killed in the south.",
        64,
        False,
    ),
    # the pluperfect with no month: the fighting a truce ended is the story's own
    ("de", "Bei den dreitägigen Gefechten waren nach Angaben beider Seiten 64 Menschen getötet worden.", 64, False),
    ("en", "The clashes that the truce ended had killed 64 people, officials on both sides said.", 64, False),
    ("fr", "Les combats avaient fait 64 morts avant la trêve.", 64, False),
]


@pytest.mark.parametrize(("language", "text", "count", "background"), CASES)
def test_pluperfect_of_a_month_gone_by_is_an_earlier_episode(
    language: str, text: str, count: int, background: bool
) -> None:
    figures = [f for f in read(text, language, PUBLISHED) if f.count == count]
    assert figures, f"no figure {count} read from {text!r}"
    assert [f.background for f in figures] == [background]


def test_the_publication_month_named_in_the_pluperfect_is_no_earlier_episode() -> None:
    text = "Anfang September waren bei Kämpfen im Norden 64 Menschen getötet worden."
    assert [f.background for f in read(text, "de", PUBLISHED)] == [False]


def test_a_subgroup_in_the_pluperfect_clause_is_background_with_its_whole() -> None:
    text = "En août, une attaque contre le camp avait fait 64 morts, dont 20 enfants."
    assert [(f.count, f.background) for f in read(text, "fr", PUBLISHED)] == [(64, True), (20, True)]


def test_without_a_publication_time_no_month_is_known_to_be_gone_by() -> None:
    text = "In August, a similar raid on the camp had killed 64 people."
    assert [f.background for f in read(text, "en")] == [False]
