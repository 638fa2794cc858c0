"""Where the stems of ceasefire terms and cues (stems) occur in a text: a set lookup per word
of a sentence (`locate`), or one Aho-Corasick pass in C over a whole article, whose cost grows
with the stems found rather than with the words (`locate_each`, `occurs`)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import accumulate

import ahocorasick

from services.extraction.ceasefire.stems import MIN_STEM, Stem

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
        # The same test as "does `locate` find anything", as one Aho-Corasick pass in C: every
        # occurrence of every stem, of which the first that starts a word (and, for a whole-word
        # stem, ends one) answers. A regex alternation of the stems, tried at every position of
        # every article, cost seven times a tokenizer's pass.
        self._any: ahocorasick.Automaton | None = None
        if self._whole or prefixes:
            self._any = ahocorasick.Automaton()
            for text, whole in [*((text, True) for text in self._whole), *((text, False) for text in prefixes)]:
                self._any.add_word(text, (len(text), whole))
            self._any.make_automaton()

    def occurs(self, low: str) -> bool:
        """Whether any stem occurs in `low` (lowercased, accent-folded): `bool(self.locate(low))`."""
        if self._any is None:
            return False
        for end, (length, whole) in self._any.iter(low):
            start = end - length + 1
            if start > 0 and _is_word(low[start - 1]):
                continue  # inside a word
            if whole and end + 1 < len(low) and _is_word(low[end + 1]):
                continue  # the start of a longer word
            return True
        return False

    def locate_each(self, low: str, starts: list[int]) -> list[dict[str, list[int]]]:
        """`locate` for each piece of `low` that begins at one of `starts` (ascending; the pieces
        are separated by a non-word character, so no word spans two), from one Aho-Corasick pass
        over all of it: the cost grows with the stems found, not with the words, and a piece
        holding none is an empty dict at no further cost."""
        found: list[dict[str, list[int]]] = [{} for _ in starts]
        if self._any is None:
            return found
        piece, following = 0, starts[1] if len(starts) > 1 else len(low) + 1
        for end, (length, whole) in self._any.iter(low):  # in the order of their ends
            start = end - length + 1
            if start > 0 and _is_word(low[start - 1]):
                continue  # inside a word
            if whole and end + 1 < len(low) and _is_word(low[end + 1]):
                continue  # the start of a longer word
            while start >= following:
                piece += 1
                following = starts[piece + 1] if piece + 1 < len(starts) else len(low) + 1
            found[piece].setdefault(low[start : end + 1], []).append(start - starts[piece])
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


def _is_word(char: str) -> bool:
    """Whether a regex's \\w matches `char` (a letter, a digit or "_")."""
    return char.isalnum() or char == "_"
