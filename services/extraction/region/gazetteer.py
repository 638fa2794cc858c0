"""Find the places, regions and countries an article names, with their offsets.

The index maps a name, as a tuple of folded lowercase words, to what it stands for. It is
built once (seed file plus pycountry's country names in English, Portuguese, Spanish and
French) and looked up word by word: at each word that can start a name, the longest
n-gram that is a known name wins. That is a dictionary lookup per word — linear in the
text, whatever the size of the gazetteer — and it reports offsets in the original text
because words are found on the accent-folded copy, which has the same length.
"""

from __future__ import annotations

import gettext
import re
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from pathlib import Path
from typing import Literal

import pycountry

from services.extraction.region.seed import DEFAULT_SEED, GazetteerSeed, load_seed
from services.extraction.text.fold import fold

Kind = Literal["alias", "place", "actor", "country"]
_ACTOR_WEIGHT = 0.5
_WORD = re.compile(r"\w+")
_SPLIT = re.compile(r"(\w+)")
# What may sit between two words of one name: "Nagorno-Karabakh", "Be'eri", "U.S.", "Gaza City".
_JOIN = frozenset(" -'.\t")
_MAX_JOIN = 3
_LANGUAGES = ("pt", "es", "fr")


@dataclass(frozen=True, slots=True)
class Entry:
    """What a name stands for: a region (with its country) or only a country."""

    kind: Kind
    region: str | None
    country: str | None
    weight: float
    needs_capital: bool  # written with a capital in the gazetteer: "Chad", not "chad"


@dataclass(frozen=True, slots=True)
class Mention:
    name: str
    start: int
    end: int
    entry: Entry


def _key(name: str) -> tuple[str, ...]:
    return tuple(word.lower() for word in _WORD.findall(fold(name)))


class Gazetteer:
    """A name index over regions (from the seed) and countries (from pycountry and the seed)."""

    def __init__(self, seed: GazetteerSeed) -> None:
        self.seed = seed
        self._names: dict[tuple[str, ...], Entry] = {}
        self.whole_country: dict[str, str] = {
            region.country: key for key, region in seed.regions.items() if region.whole_country and region.country
        }
        for key, region in seed.regions.items():  # regions first: they win a name shared with a country
            for kind, names, weight in (
                ("alias", region.aliases, region.alias_weight),
                ("place", region.places, 1.0),
                ("actor", region.actors, _ACTOR_WEIGHT),
            ):
                for name in names:
                    self._add(name, Entry(kind, key, region.country, weight, name[:1].isupper()))  # type: ignore[arg-type]
        for code, names in seed.countries.items():
            for name in names:
                self._add(name, Entry("country", self.whole_country.get(code), code, 1.0, name[:1].isupper()))
        for code, name in _country_names():
            self._add(name, Entry("country", self.whole_country.get(code), code, 1.0, True))
        sizes: dict[str, set[int]] = {}
        for words in self._names:
            sizes.setdefault(words[0], set()).add(len(words))
        self._sizes = {first: tuple(sorted(found, reverse=True)) for first, found in sizes.items()}

    def _add(self, name: str, entry: Entry) -> None:
        words = _key(name)
        if not words:
            return
        known = self._names.setdefault(words, entry)
        if known.needs_capital and not entry.needs_capital and known.region == entry.region:
            # listed both ways ("Houthis", "houthis"): lowercase in running text counts too
            self._names[words] = Entry(known.kind, known.region, known.country, known.weight, False)

    def mentions(self, text: str) -> list[Mention]:
        """Every name in `text`, longest match first, left to right, without overlaps."""
        low = fold(text).lower()
        if len(low) != len(text):  # a lowercase form of another length ("İ"): keep offsets exact
            low = "".join(char if len(char.lower()) != 1 else char.lower() for char in fold(text))
        parts = _SPLIT.split(low)  # separator, word, separator, word, …, separator
        words = parts[1::2]
        ends = list(accumulate(map(len, parts)))  # word i spans ends[2i] .. ends[2i + 1]
        sizes, names = self._sizes, self._names
        found: list[Mention] = []
        free = 0  # the first word not yet inside a match
        for index in [i for i, word in enumerate(words) if word in sizes]:
            if index < free:
                continue
            for size in sizes[words[index]]:  # longest first
                if index + size > len(words):
                    continue
                entry = names.get(tuple(words[index : index + size]))
                if entry is None or not all(_joins(parts[2 * k + 2]) for k in range(index, index + size - 1)):
                    continue
                start, end = ends[2 * index], ends[2 * (index + size) - 1]
                if entry.needs_capital and not text[start].isupper():
                    continue
                found.append(Mention(text[start:end], start, end, entry))
                free = index + size
                break
        return found


def _joins(separator: str) -> bool:
    """The words of one name are separated by a space, hyphen or apostrophe, not by a comma or a line."""
    return len(separator) <= _MAX_JOIN and set(separator) <= _JOIN


def _country_names() -> list[tuple[str, str]]:
    """(ISO code, name) for every country: English short, common and official names, their
    form before a comma ("Iran" from "Iran, Islamic Republic of") and their pt/es/fr translations.
    A name that two countries share ("Congo", "Korea") stands for neither and is left out."""
    translators = [gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang]) for lang in _LANGUAGES]
    owners: dict[tuple[str, ...], set[str]] = {}
    spelled: dict[tuple[str, ...], str] = {}
    for country in pycountry.countries:
        english = [getattr(country, attr, None) for attr in ("name", "common_name", "official_name")]
        for name in [n for n in english if n]:
            for variant in [name, *(t.gettext(name) for t in translators)]:
                for form in {variant, variant.split(", ")[0]}:
                    key = _key(form)
                    owners.setdefault(key, set()).add(country.alpha_2)
                    spelled.setdefault(key, form)
    return [(next(iter(codes)), spelled[key]) for key, codes in owners.items() if len(codes) == 1]


@cache
def default_gazetteer(path: Path = DEFAULT_SEED) -> Gazetteer:
    """The gazetteer of the seed file, built once per process."""
    return Gazetteer(load_seed(path))
