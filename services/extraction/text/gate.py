"""One keyword pass per article: which concepts' words occur in which sentence, so a rule whose
words are absent never runs.

Whether a sentence can hold a casualty figure at all (a word starting like an outcome word),
and most rules of the casualty reader, cannot match without one of a few words: a toll needs
"toll", "número", "bilan"…; a reporting window a time unit; a source a reporting verb or
"according to"; a background cue "since", a month or an episode noun. Each such rule declares
those words once, as a `Concept` built from the lexicon files (so a new language needs no code
here). One Aho-Corasick pass over the lowercased article (pyahocorasick, in C) finds every
concept's words at once; each sentence then gets the `Keys` of the words wholly inside it, and
a rule asks `keys.has(concept)`, a set lookup, instead of testing its words against the
sentence one by one: its regex runs only where it can match.

A concept's words are substrings, never patterns (or, for a `word_start` concept, substrings
that begin a word): `holds` is true exactly when one of them occurs in the lowercased
sentence, the test the rules made before. `has` answers the same for a case-insensitive scan
of the text as written, except where lowercasing cannot stand in for such a match (see
`keywords.gate_text`): there every concept counts as present.
"""
from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from typing import Final, NamedTuple

import ahocorasick

from services.extraction.text.keywords import caseless, lower_keeping_offsets


class Concept(NamedTuple):
    """A named set of words (lowercased), one of which any match of a rule must contain."""

    key: int  # its place in the registry
    name: str


class Keys:
    """The concepts whose words occur in one sentence, and the sentence lowercased (offsets kept)."""

    __slots__ = ("_present", "caseless", "low")

    def __init__(self, low: str, caseless: bool, present: frozenset[int]) -> None:
        self.low = low
        self.caseless = caseless  # matching `low` case-sensitively is matching the text case-insensitively
        self._present = present

    def holds(self, concept: Concept) -> bool:
        """Whether one of the concept's words occurs in `low`: for scans of the lowercased text."""
        return concept.key in self._present

    def has(self, concept: Concept) -> bool:
        """False only when no case-insensitive match holding one of the concept's words can occur
        in the text: for IGNORECASE scans of the text as written."""
        return not self.caseless or concept.key in self._present


Hit = tuple[int, int, frozenset[int]]  # start, end (offsets in the text scanned) and the concepts found there


class Gate:
    """Every concept declared so far, and one automaton over all their words (rebuilt when one is added)."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.words: dict[str, tuple[set[int], set[int]]] = {}  # word → its concepts: anywhere, at a word start
        self.always: frozenset[int] = frozenset()  # concepts with an empty word: present in every text
        self._automaton: ahocorasick.Automaton | None = None

    def add(self, name: str, words: Iterable[str], word_start: bool = False) -> Concept:
        """A concept whose words count anywhere, or with `word_start` only where they begin a word."""
        concept = Concept(len(self.names), name)
        self.names.append(name)
        for word in (word.lower() for word in words):  # the gate tests lowercased text
            if word:
                self.words.setdefault(word, (set(), set()))[word_start].add(concept.key)
            else:
                self.always |= {concept.key}
        self._automaton = None
        return concept

    def automaton(self) -> ahocorasick.Automaton:
        if self._automaton is None:
            automaton = ahocorasick.Automaton()
            for word, (anywhere, at_start) in self.words.items():
                # (length, concepts inside a word, concepts at a word's start); a word of no
                # `word_start` concept needs no look at the character before it
                inside = frozenset(anywhere)
                automaton.add_word(word, (len(word), inside, frozenset(anywhere | at_start) if at_start else None))
            automaton.make_automaton()
            self._automaton = automaton
        return self._automaton

    def scan(self, low: str) -> list[Hit]:
        """Every word of every concept in `low` (lowercased), in the order their ends come."""
        if not low or not self.words:
            return []
        hits: list[Hit] = []
        append = hits.append
        for end, (length, anywhere, at_start) in self.automaton().iter(low):
            start = end + 1 - length
            if at_start is not None and (start == 0 or not _is_word(low[start - 1])):
                append((start, end + 1, at_start))
            elif anywhere:
                append((start, end + 1, anywhere))
        return hits

    def keys_of(self, text: str) -> Keys:
        """One pass over `text`: the concepts whose words it holds."""
        low = lower_keeping_offsets(text)
        return self.keys_within(text, low, self.scan(low), [(0, len(text))])[0]

    def keys_within(self, text: str, low: str, hits: list[Hit], spans: Sequence[tuple[int, int]]) -> list[Keys]:
        """The keys of each span `text[start:end]` (in text order, not overlapping) from one scan of
        all of `low` (`lower_keeping_offsets(text)`): the words found wholly inside that span.
        Each hit is placed by a binary search, so the work grows with the hits, not hits × spans."""
        starts = [start for start, _ in spans]
        present: list[set[int]] = [set(self.always) for _ in spans]
        for first, last, concepts in hits:
            index = bisect.bisect_right(starts, first) - 1
            if index >= 0 and last <= spans[index][1]:
                present[index].update(concepts)
        everywhere = caseless(text)  # then every part of it is too
        return [
            Keys(low[start:end], everywhere or caseless(text[start:end]), frozenset(found))
            for (start, end), found in zip(spans, present, strict=True)
        ]


def _is_word(char: str) -> bool:
    """Whether a regex's \\w matches `char` (a letter, a digit or "_")."""
    return char.isalnum() or char == "_"


_GATE: Final = Gate()  # the extractor's: every rule's concepts


def concept(name: str, words: Iterable[str], word_start: bool = False) -> Concept:
    """Declare a concept of the extractor's gate (at import time, once): the words a rule cannot match without."""
    return _GATE.add(name, words, word_start)


def keys_of(text: str) -> Keys:
    """The extractor's keyword pass over `text`: the concepts whose words it holds."""
    return _GATE.keys_of(text)


def scan(low: str) -> list[Hit]:
    """The extractor's keyword pass over a whole article (lowercased, see `lower_keeping_offsets`)."""
    return _GATE.scan(low)


def keys_within(text: str, low: str, hits: list[Hit], spans: Sequence[tuple[int, int]]) -> list[Keys]:
    """The keys of each sentence (`spans`: their offsets) from the article's pass (`scan`)."""
    return _GATE.keys_within(text, low, hits, spans)
