"""The language files (services/extraction/lexicon/lang/<code>.yaml): well-formed, and the only place the words are."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from services.extraction.lexicon import lexicons
from services.extraction.text.language import SUPPORTED

REQUIRED = ("detect", "numbers", "months", "outcomes", "qualifiers", "groups", "people", "reporting_verbs", "ceasefire")
REGEX_CONCEPTS = (
    ("ceasefire", "terms", "strong"),
    ("ceasefire", "terms", "weak"),
    ("tolls", "killed"),
    ("tolls", "injured"),
    ("units_after",),
    ("background", "relative_past"),
    ("background", "episode"),
    ("period", "weekend"),
    ("period", "week"),
    ("period", "day"),
)


def test_a_language_is_supported_exactly_when_it_has_a_file() -> None:
    assert set(SUPPORTED) == {"en", "pt", "es", "fr", "de"}
    assert SUPPORTED[0] == "en"  # read first: it decides a word two languages list


@pytest.mark.parametrize("code", SUPPORTED)
def test_every_file_names_its_language_and_holds_the_core_concepts(code: str) -> None:
    lexicon = lexicons.language(code)
    assert lexicon["language"] == code
    missing = [concept for concept in REQUIRED if concept not in lexicon]
    assert not missing, f"{code}.yaml lacks {missing}"


@pytest.mark.parametrize("code", SUPPORTED)
def test_every_regex_of_a_file_compiles(code: str) -> None:
    for path in REGEX_CONCEPTS:
        for alternative in lexicons.entry(code, *path) or []:
            re.compile(alternative.replace("{month}", "may"))
    for key, alternatives in (lexicons.entry(code, "ceasefire", "cues") or {}).items():
        for alternative in alternatives:
            assert re.compile(alternative), (code, key)


# Listed so that a run of number words holding them is found; text2num reads the accented forms.
SPELLINGS_TEXT2NUM_REJECTS = {"veintiún", "veintidos", "veintitres"}


@pytest.mark.parametrize("code", SUPPORTED)
def test_number_words_are_read_by_text2num_in_their_language(code: str) -> None:
    from text_to_num import text2num

    for word in lexicons.entry(code, "numbers", "words"):
        if word not in SPELLINGS_TEXT2NUM_REJECTS:
            assert text2num(word, code) >= 0, (code, word)


def test_every_cue_key_of_a_file_is_a_row_of_the_cue_table() -> None:
    from services.extraction.ceasefire import cues as ceasefire_lexicon

    source = Path(ceasefire_lexicon.__file__).read_text(encoding="utf-8")
    for code in SUPPORTED:
        for key in lexicons.entry(code, "ceasefire", "cues") or {}:
            assert f'"{key}"' in source, f"{code}.yaml: ceasefire.cues.{key} is read by no row of the cue table"


def test_yaml_words_that_look_like_booleans_stay_words() -> None:
    assert "on" in lexicons.per_language("detect")["en"]
