"""Region resolution: places to regions, country fallback, unknown, offsets, and the seed file."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services.errors import SitmonError
from services.extraction.region.gazetteer import default_gazetteer
from services.extraction.region.resolve import resolve_region
from services.extraction.region.seed import DEFAULT_SEED, load_seed
from services.extraction.text.fold import fold
from tests.work_count import calls


@pytest.mark.parametrize(
    "text",
    [
        "Shelling hit Stepanakert overnight, local officials said.",
        "The Armenian government said residents of Artsakh were queuing for fuel.",
        "Traffic on the Lachin corridor was blocked for a third day.",
        "Azerbaijani forces entered Shushi, which they call Shusha.",
        "Officials in Khankendi said the water supply was cut.",
        "Heavy fighting was reported near Martakert.",
    ],
)
def test_nagorno_karabakh_places_resolve_to_the_region(text: str) -> None:
    resolution = resolve_region(text, None)
    assert (resolution.region, resolution.country) == ("nagorno-karabakh", "AZ")


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("Israeli strikes hit Khan Younis and Rafah on Tuesday.", "gaza"),
        ("Le cessez-le-feu est entré en vigueur dans la bande de Gaza.", "gaza"),
        ("Raids continued in Jenin and Tulkarm in the occupied West Bank.", "west-bank"),
        ("Bombardeios atingiram o sul do Líbano e os arredores de Beirute.", "lebanon"),
        ("Combates en Jartum y Omdurmán entre el Ejército y las Fuerzas de Apoyo Rápido.", "sudan"),
        ("M23 rebels advanced on Goma, the capital of North Kivu.", "drc-east"),
        ("A drone hit an apartment block in Dnipro; Kharkiv was also struck.", "ukraine"),
        ("Gunmen attacked tourists near Pahalgam in Indian-administered Kashmir.", "kashmir"),
        ("Insurgents attacked Mocímboa da Praia in Cabo Delgado province.", "mozambique-cabo-delgado"),
        ("Gangs of the Viv Ansanm coalition attacked Mirebalais, north of Port-au-Prince.", "haiti"),
    ],
)
def test_places_in_four_languages_resolve(text: str, region: str) -> None:
    assert resolve_region(text, None).region == region


def test_a_belligerent_named_often_does_not_outvote_the_place_of_the_story() -> None:
    text = "Israel said Israel would continue strikes. Israel's army struck Gaza City. Israel said Hamas fired rockets."
    assert resolve_region(text, None).region == "gaza"


def test_the_title_weighs_more_than_the_body() -> None:
    text = "Troops moved through Kharkiv. Officials in Belgorod reported drone debris."
    assert resolve_region(text, "Drones strike Belgorod and Kursk").region == "russia"


def test_country_without_a_region_falls_back_to_its_country_key() -> None:
    resolution = resolve_region("Protesters clashed with police in Armenia on Monday, Armenian media said.", None)
    assert (resolution.region, resolution.country) == ("country-am", "AM")


def test_country_named_in_another_language_falls_back_too() -> None:
    resolution = resolve_region("Manifestações no Chile deixaram dezenas de feridos.", None)
    assert (resolution.region, resolution.country) == ("country-cl", "CL")


def test_country_with_a_whole_country_region_resolves_to_the_region() -> None:
    resolution = resolve_region("Security forces were deployed across Yemen.", None)
    assert (resolution.region, resolution.country) == ("yemen", "YE")


def test_no_place_gives_unknown() -> None:
    resolution = resolve_region("Officials said talks would continue next week.", "Talks to continue")
    assert (resolution.region, resolution.country, resolution.locations) == ("unknown", None, ())


def test_lowercase_common_words_are_not_places() -> None:
    assert resolve_region("We ate turkey and talked to chad about the niger river.", None).region == "unknown"


def test_locations_carry_offsets_into_the_original_text() -> None:
    text = "Blast near Stepanakert; Nagorno‑Karabakh officials and Şuşa residents fled via the Lachin corridor."
    resolution = resolve_region(text, None)
    names = [(m.name, m.region, m.country) for m in resolution.locations]
    assert names == [
        ("Stepanakert", "nagorno-karabakh", "AZ"),
        ("Nagorno‑Karabakh", "nagorno-karabakh", "AZ"),
        ("Şuşa", "nagorno-karabakh", "AZ"),
        ("Lachin corridor", "nagorno-karabakh", "AZ"),
    ]
    for mention in resolution.locations:
        assert text[mention.start : mention.end] == mention.name


def test_a_comma_splits_a_name() -> None:
    names = [m.name for m in resolve_region("They left Gaza, City officials said.", None).locations]
    assert names == ["Gaza"]


@given(st.text(max_size=300), st.one_of(st.none(), st.text(max_size=60)))
@settings(max_examples=300, deadline=None)
def test_any_unicode_resolves_without_error(text: str, title: str | None) -> None:
    resolution = resolve_region(text, title)
    assert resolution.region
    for mention in resolution.locations:
        assert text[mention.start : mention.end] == mention.name


def test_the_seed_file_is_valid_and_covers_the_conflict_zones() -> None:
    seed = load_seed(DEFAULT_SEED)
    for key in ("nagorno-karabakh", "gaza", "west-bank", "lebanon", "syria", "ukraine", "sudan", "yemen", "myanmar"):
        assert key in seed.regions
    karabakh = seed.regions["nagorno-karabakh"]
    assert {"Stepanakert", "Lachin corridor", "Shusha", "Shushi", "Khankendi", "Martakert"} <= set(karabakh.places)
    assert "Artsakh" in karabakh.aliases


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ("regions:\n  gaza:\n    name: Gaza\n    country: XX\n    aliases: [Gaza]\n", "regions.gaza.country"),
        ("regions:\n  Bad Key:\n    name: X\n    country: null\n    aliases: [X]\n", "Bad Key"),
        ("regions:\n  gaza:\n    name: Gaza\n    country: PS\n    aliases: []\n", "regions.gaza.aliases"),
        (
            "regions:\n  a:\n    name: A\n    country: null\n    aliases: [Same]\n"
            "  b:\n    name: B\n    country: null\n    aliases: [Same]\n",
            "both 'a' and 'b'",
        ),
        ("regions:\n  gaza:\n    name: Gaza\n    country: PS\n    aliases: [Gaza]\n    typo: 1\n", "regions.gaza.typo"),
        ("regions: [unclosed\n", "not valid YAML"),
    ],
)
def test_a_bad_seed_fails_with_one_line_naming_the_entry(tmp_path: Path, body: str, fragment: str) -> None:
    path = tmp_path / "regions.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(SitmonError) as raised:
        load_seed(path)
    message = str(raised.value)
    assert fragment in message and str(path) in message and "\n" not in message


def test_a_country_named_only_by_its_cities_falls_back_to_it() -> None:
    resolution = resolve_region("A police raid in Rio de Janeiro left 64 dead, the state government said.", None)
    assert (resolution.region, resolution.country) == ("country-br", "BR")


def test_a_name_listed_in_lowercase_matches_in_running_text() -> None:
    text = "Des frappes ont visé Saná et les positions des rebelles houthis."
    resolution = resolve_region(text, None)
    assert resolution.region == "yemen"
    assert [m.name for m in resolution.locations] == ["Saná", "houthis"]


def test_place_names_resolve_in_linear_work() -> None:
    """A guard against quadratic blow-up, counted in calls (not timed): ten times the text, not a
    hundred times the work."""
    unit = "Shelling hit Stepanakert, Gaza City and Khan Younis; Nagorno-Karabakh of the the Democratic Republic. "
    work = []
    for repeat in (300, 3_000):
        resolution, made = calls(lambda repeat=repeat: resolve_region(unit * repeat, "Gaza"))
        work.append(made)
        assert resolution.region in {"gaza", "nagorno-karabakh"}
    assert work[1] < work[0] * 15, work


def _mentions_word_by_word(text: str) -> list[tuple[str, int, int, str | None, str | None]]:
    """The gazetteer's rule read literally: at each word, left to right, the longest run of words
    that is a name (its words joined by at most three spaces, hyphens, apostrophes or dots, and
    capitalised if the gazetteer writes it so) is a mention, and reading resumes after it."""
    gazetteer = default_gazetteer()
    low = fold(text).lower()
    if len(low) != len(text):
        low = "".join(char if len(char.lower()) != 1 else char.lower() for char in fold(text))
    words = list(re.finditer(r"\w+", low))
    longest = max(map(len, gazetteer._names))
    found: list[tuple[str, int, int, str | None, str | None]] = []
    index = 0
    while index < len(words):
        for size in range(min(len(words) - index, longest), 0, -1):
            run = words[index : index + size]
            entry = gazetteer._names.get(tuple(word.group() for word in run))
            gaps = [low[a.end() : b.start()] for a, b in pairwise(run)]
            if entry is None or not all(len(gap) <= 3 and set(gap) <= set(" -'.\t") for gap in gaps):
                continue
            start, end = run[0].start(), run[-1].end()
            if entry.needs_capital and not text[start].isupper():
                continue
            found.append((text[start:end], start, end, entry.region, entry.country))
            index += size - 1
            break
        index += 1
    return found


NAME_PIECES = [
    "Gaza", "gaza", " City", "-", " - ", ". ", ", ", "U.S.", "us", "the", "The", "State of", " Palestine", "al",
    "-Shifa", "El Fasher", "l'Est de la RDC", "İ", "“", "…", "é", "\t", "  ", "Nagorno", "Karabakh", "Kursk", "Sudan",
    "Rapid Support Forces", "'", "_", "9", "M23", "Chad", "chad", "Côte d'Ivoire", "\n", "x", " ",
    "\ud800",  # a lone surrogate: JSON lets an article hold one
    "Nagorno - Karabakh", "Gaza. City", "Gaza -City", "El. Fasher", "Rapid  Support  Forces", "Rapid Support, Forces",
]  # fmt: skip


@settings(max_examples=300)
@given(st.lists(st.sampled_from(NAME_PIECES), max_size=14).map("".join))
def test_the_one_pass_finds_what_reading_word_by_word_finds(text: str) -> None:
    """The gazetteer looks for names only where its Aho-Corasick pass saw one begin: it must find
    exactly what reading every word of the text would."""
    mentions = [(m.name, m.start, m.end, m.entry.region, m.entry.country) for m in default_gazetteer().mentions(text)]
    assert mentions == _mentions_word_by_word(text)
