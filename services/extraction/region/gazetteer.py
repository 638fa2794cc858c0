"""Find the places, regions and countries an article names, with their offsets.

The index maps a name, as a tuple of folded lowercase words, to what it stands for. It is
built once (seed file plus pycountry's country names in English, Portuguese, Spanish and
French). At each word that can start a name, the longest n-gram that is a known name wins.
Those words are found by one Aho-Corasick pass in C (an automaton of every name's first word,
or first two words, built once per gazetteer) over the text with its non-word characters as
spaces — not by a Python step per word — so the work in Python grows with the names found,
whatever the length of the text or the size of the gazetteer. Offsets are those of the
original text because words are found on the accent-folded copy, which has the same length.
"""

from __future__ import annotations

import gettext
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal, NamedTuple

import ahocorasick
import pycountry

from services.extraction.region.seed import DEFAULT_SEED, GazetteerSeed, load_seed
from services.extraction.text.fold import fold
from services.extraction.text.folded import FoldedArticle, fold_article

Kind = Literal["alias", "place", "actor", "country"]
_ACTOR_WEIGHT = 0.5
_WORD = re.compile(r"\w+")
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


class Mention(NamedTuple):  # built for every place named: a tuple is cheaper than a dataclass
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
        self._keys: ahocorasick.Automaton | None = None  # see _automaton

    def _add(self, name: str, entry: Entry) -> None:
        words = _key(name)
        if not words:
            return
        known = self._names.setdefault(words, entry)
        if known.needs_capital and not entry.needs_capital and known.region == entry.region:
            # listed both ways ("Houthis", "houthis"): lowercase in running text counts too
            self._names[words] = Entry(known.kind, known.region, known.country, known.weight, False)

    def mentions(self, text: str, article: FoldedArticle | None = None) -> list[Mention]:
        """Every name in `text`, longest match first, left to right, without overlaps.
        `article`, when given, is `fold_article(text)`, built once for every stage that reads it."""
        article = fold_article(text) if article is None else article
        low = article.low
        found: list[Mention] = []
        free = 0  # where the last match ended: a name starts at or after it
        for start, (length, alone) in self._starts(article.spaced):
            if start < free:
                continue
            if alone is not None:  # a word that starts only one-word names: that name, or none
                end = start + length
                if alone.needs_capital and not text[start].isupper():
                    continue
                found.append(Mention(text[start:end], start, end, alone))
                free = end
                continue
            match = self._longest(text, low, start)
            if match is not None:
                found.append(match)
                free = match.end
        return found

    def _longest(self, text: str, low: str, start: int) -> Mention | None:
        """The longest name starting with the word at `start`, or None. The words after it are read
        in one regex match, as far as they are joined as a name's words are (`_joined_words`) and as the
        longest name starting with that word needs: a name cannot run past a comma or a line."""
        sizes = self._sizes[_WORD_AT.match(low, start).group()]  # type: ignore[union-attr]
        run = _joined_words(sizes[0]).match(low, start)
        words = _WORD_AT.findall(run.group())  # type: ignore[union-attr]
        for size in sizes:  # longest first
            if size > len(words):
                continue  # the text ends first, or a separator no name has
            entry = self._names.get(tuple(words[:size]))
            if entry is None or (entry.needs_capital and not text[start].isupper()):
                continue
            end = run.end() if size == len(words) else _joined_words(size).match(low, start).end()  # type: ignore[union-attr]
            return Mention(text[start:end], start, end, entry)
        return None

    def _starts(self, spaced: str) -> list[tuple[int, tuple[int, Entry | None]]]:
        """Where a name may start in the lowercased text, in order: one Aho-Corasick pass (in C) over
        `spaced` (`FoldedArticle.spaced`: its non-word characters as spaces) for each name's first word,
        and its first two words with one to three characters between them (a name's words are joined
        by at most three). With each start, its word's length and, if that word starts only a one-word
        name, the name's entry."""
        starts: dict[int, tuple[int, Entry | None]] = {}
        for end, (length, word, alone) in self._automaton().iter(spaced):
            starts[end - length + 1] = (word, alone)
        return sorted(starts.items())

    def _automaton(self) -> ahocorasick.Automaton:
        """Built once: the first word of every one-word name, the first two of every longer one,
        each padded with spaces so it matches whole words only (a short name such as "us" or
        "al" would otherwise match inside most words)."""
        if self._keys is None:
            automaton = ahocorasick.Automaton()
            for words, entry in self._names.items():
                alone = entry if self._sizes[words[0]] == (1,) else None
                if len(words) == 1:
                    keys = [f" {words[0]} "]
                else:
                    keys = [f" {words[0]}{' ' * gap}{words[1]} " for gap in range(1, _MAX_JOIN + 1)]
                for key in keys:
                    automaton.add_word(key, (len(key), len(words[0]), alone))
            automaton.make_automaton()
            self._keys = automaton
        return self._keys


_WORD_AT = re.compile(r"\w+")


@cache
def _joined_words(size: int) -> re.Pattern[str]:
    """Up to `size` words, each joined to the one before as a name's words are: by one to three
    spaces, hyphens, apostrophes or dots (`_JOIN`), not by a comma or a line."""
    separator = "[" + re.escape("".join(sorted(_JOIN))) + f"]{{1,{_MAX_JOIN}}}"
    return re.compile(rf"\w+(?:{separator}\w+){{0,{size - 1}}}")


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
