"""Number parsing: digits with every thousands separator, scale words, written numbers, dozens."""

from __future__ import annotations

import pytest

from services.extraction.text.numbers import find_numbers


def values(text: str, language: str = "en") -> list[int]:
    return [m.value for m in find_numbers(text, language)]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("1,200 people", "en", [1200]),
        ("1.200 pessoas", "pt", [1200]),
        ("1 200 personnes", "fr", [1200]),
        ("1\u202f200 personnes", "fr", [1200]),
        ("2.5 million people", "en", [2_500_000]),
        ("1,5 millones de personas", "es", [1_500_000]),
        ("46 mil mortos", "pt", [46_000]),
        ("thirty-two", "en", [32]),
        ("one hundred and five", "en", [105]),
        ("vinte e seis", "pt", [26]),
        ("veintiséis", "es", [26]),
        ("treinta y dos", "es", [32]),
        ("vingt-six", "fr", [26]),
        ("quatre-vingt-dix", "fr", [90]),
        ("a dozen", "en", [12]),
        ("two dozen", "en", [24]),
        ("una docena", "es", [12]),
        ("une douzaine", "fr", [12]),
        ("une vingtaine", "fr", [20]),
        ("duas dezenas", "pt", [20]),
        ("una decena", "es", [10]),
    ],
)
def test_numbers(text: str, language: str, expected: list[int]) -> None:
    assert values(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("dozens of people", "en"),
        ("hundreds of thousands", "en"),
        ("several scores", "en"),
        ("um soldado", "pt"),
        ("un soldado", "es"),
        ("des dizaines", "fr"),
        ("dezenas de corpos", "pt"),
        ("at 01:00 on 20/09", "en"),
        ("Kh-101", "en"),
        ("a 7.7 magnitude quake", "en"),
    ],
)
def test_vague_words_articles_times_and_labels_are_not_numbers(text: str, language: str) -> None:
    assert values(text, language) == []


def test_offsets_point_at_the_written_number() -> None:
    text = "Officials said thirty-two people and 1,339 soldiers"
    spans = [text[m.start : m.end] for m in find_numbers(text)]
    assert spans == ["thirty-two", "1,339"]


def test_a_number_glued_to_a_word_by_a_hyphen_is_a_modifier() -> None:
    [age] = find_numbers("a 32-year-old man")
    assert age.value == 32 and age.modifier
    [toll] = find_numbers("32 people")
    assert not toll.modifier


def test_collective_numerals_other_than_the_dozen_are_approximate() -> None:
    [score] = find_numbers("une vingtaine de blessés", "fr")
    assert score.approximate
    [dozen] = find_numbers("a dozen children", "en")
    assert not dozen.approximate
