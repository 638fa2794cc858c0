"""Every language's words, loaded once from services/extraction/lexicon/lang/<code>.yaml.

One file per language, keyed by concept (detect, numbers, months, outcomes, qualifiers,
groups, people, reporting verbs …), in the manner of spaCy's `spacy/lang/<code>/` folders:
the code holds the method, the files hold the words. A language is supported exactly when
it has a file; adding one is writing that file (README, "Adding a language").

Most concepts are read as the union over all languages, in the order of LANGUAGES: a
mislabelled or mixed-language article still reads correctly, and the forms hardly collide
("muertos", "mortos", "morts", "Tote"). Number words are per language, because their grammar
(joiner, compounds) is.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any, Final

import yaml

_FOLDER: Final = Path(__file__).with_name("lang")
# The order the languages are read in: the first language listing a word decides a tie.
_PREFERRED_ORDER: Final = ("en", "pt", "es", "fr", "de")


@cache
def _load(code: str) -> dict[str, Any]:
    # BaseLoader reads every scalar as a string: in YAML 1.1 "on", "no" and "yes" would be booleans,
    # and they are words here. Numbers are converted where they are read.
    loaded = yaml.load((_FOLDER / f"{code}.yaml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    if not isinstance(loaded, dict) or loaded.get("language") != code:
        raise ValueError(f"{_FOLDER / code}.yaml: expected a mapping with language: {code}")
    return loaded


def _codes() -> tuple[str, ...]:
    found = sorted(path.stem for path in _FOLDER.glob("*.yaml"))
    known = [code for code in _PREFERRED_ORDER if code in found]
    return (*known, *(code for code in found if code not in known))


LANGUAGES: Final = _codes()


def language(code: str) -> dict[str, Any]:
    """The whole lexicon of one language."""
    return _load(code)


def entry(code: str, *path: str | int) -> Any:
    """One language's value at a concept path ("outcomes", "killed", "post"), or None."""
    node: Any = _load(code)
    for key in path:
        if not isinstance(node, dict) or key not in node:
            return None
        node = node[key]
    return node


def words(*path: str | int) -> list[str]:
    """The phrases at a concept path, over every language, in order, without repeats."""
    seen: dict[str, None] = {}
    for code in LANGUAGES:
        for phrase in _listed(code, path):
            seen.setdefault(phrase, None)
    return list(seen)


def patterns(*path: str | int) -> list[str]:
    """The regex alternatives at a concept path, over every language, in order, as written."""
    seen: dict[str, None] = {}
    for code in LANGUAGES:
        for alternative in _listed(code, path, raw=True):
            seen.setdefault(alternative, None)
    return list(seen)


def per_language(*path: str | int) -> dict[str, list[str]]:
    """The phrases at a concept path, by language (languages without any are left out)."""
    return {code: listed for code in LANGUAGES if (listed := list(_listed(code, path)))}


def _listed(code: str, path: tuple[str | int, ...], raw: bool = False) -> Iterator[str]:
    value = entry(code, *path)
    if value is None:
        return
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError(f"{_FOLDER / code}.yaml: {'.'.join(map(str, path))} must be a list of phrases")
    for phrase in value:
        yield phrase if raw else " ".join(phrase.lower().split())
