"""Where the stems of ceasefire terms and cues (stems) occur in a text: a set lookup per word
of a sentence (`locate`), or one Aho-Corasick pass in C over a whole article, whose cost grows
with the stems found rather than with the words (`locate_each`, `occurs`)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import accumulate

import ahocorasick

from services.extraction.ceasefire.stems import MIN_STEM, Stem
from services.extraction.text.keywords import words_spaced

_SPLIT = re.compile(r"(\w+)")


class StemIndex:
    """Finds which stems occur in lowercased, accent-folded text, and where: one regex split
    into words, a set lookup per word for whole-word stems and a three-letter bucket for prefixes."""

    def __init__(self, stems: Iterable[Stem]) -> None:
        stems = list(stems)
        prefixes = {stem.text for stem in stems if not stem.whole}
        self._whole = frozenset(stem.text for stem in stems if stem.whole) - prefixes
        self._buckets: dict[str, tuple[str, ...]] = {}
        for prefix in sorted(prefixes):
            self._buckets[prefix[:MIN_STEM]] = (*self._buckets.get(prefix[:MIN_STEM], ()), prefix)
        # Every stem padded with spaces, for text whose non-word characters are spaces
        # (`words_spaced`): " stem" matches only where a word starts, " stem " only a whole word,
        # so no match is found inside a word only to be thrown away. A regex alternation of the
        # stems, tried at every position of every article, cost seven times a tokenizer's pass.
        self._padded: ahocorasick.Automaton | None = None
        if self._whole or prefixes:
            self._padded = ahocorasick.Automaton()
            for text, whole in [*((text, True) for text in self._whole), *((text, False) for text in prefixes)]:
                key = f" {text} " if whole else f" {text}"
                self._padded.add_word(key, (len(key), text))
            self._padded.make_automaton()

    def occurs(self, low: str, spaced: str | None = None) -> bool:
        """Whether any stem occurs in `low` (lowercased, accent-folded): `bool(self.locate(low))`.
        One call in C: the padded stems match only where a word starts. `spaced`, when given, is
        `" " + words_spaced(low) + " "`, already built."""
        if self._padded is None:
            return False
        spaced = " " + words_spaced(low) + " " if spaced is None else spaced
        return next(self._padded.iter(spaced), None) is not None

    def locate_each(self, low: str, starts: list[int], spaced: str | None = None) -> list[dict[str, list[int]]]:
        """`locate` for each piece of `low` that begins at one of `starts` (ascending; the pieces
        are separated by a non-word character, so no word spans two, and what lies between them
        holds no word), from one Aho-Corasick pass over all of it: the cost grows with the stems
        found, not with the words, and a piece holding none is an empty dict at no further cost.
        `spaced` as for `occurs`."""
        found: list[dict[str, list[int]]] = [{} for _ in starts]
        if self._padded is None:
            return found
        piece, following = 0, starts[1] if len(starts) > 1 else len(low) + 1
        # an offset in `low` is one less than in `spaced`
        spaced = " " + words_spaced(low) + " " if spaced is None else spaced
        for end, (length, stem) in self._padded.iter(spaced):  # in the order of their ends
            start = end - length + 1  # the padding space before the word, i.e. the word's start in `low`
            while start >= following:
                piece += 1
                following = starts[piece + 1] if piece + 1 < len(starts) else len(low) + 1
            found[piece].setdefault(stem, []).append(start - starts[piece])
        return found

    def locate(self, low: str) -> dict[str, list[int]]:
        """Each stem that occurs in `low`, with the offsets of the words it starts."""
        parts = _SPLIT.split(low)  # separator, word, separator, word, …: offsets by summing lengths
        words = parts[1::2]
        whole, buckets = self._whole, self._buckets
        hits = [i for i, word in enumerate(words) if word in whole or word[:MIN_STEM] in buckets]
        if not hits:
            return {}
        ends = list(accumulate(map(len, parts)))
        found: dict[str, list[int]] = {}
        for index in hits:
            word, position = words[index], ends[2 * index]
            if word in whole:
                found.setdefault(word, []).append(position)
            for prefix in buckets.get(word[:MIN_STEM], ()):
                if word.startswith(prefix):
                    found.setdefault(prefix, []).append(position)
        return found
