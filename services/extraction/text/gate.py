"""One keyword pass per sentence: which concepts' words occur, so a rule whose words are absent never runs.

Most rules of the casualty reader cannot match without one of a few words: a toll needs
"toll", "número", "bilan"…; a reporting window a time unit; a source a reporting verb or
"according to"; a background cue "since", a month or an episode noun. Each such rule declares
those words once, as a `Concept` built from the lexicon files (so a new language needs no
code here). One Aho-Corasick pass over the lowercased sentence (pyahocorasick, in C) finds
every concept's words at once; a rule then asks `keys.has(concept)`, a set lookup, instead
of testing its words against the sentence one by one, and its regex runs only when it can match.

A concept's words are substrings, never patterns: `holds` is true exactly when one of them
occurs in the lowercased sentence, the test the rules made before. `has` answers the same for
a case-insensitive scan of the text as written, except where lowercasing cannot stand in for
such a match (see `keywords.gate_text`): there every concept counts as present.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final, NamedTuple

import ahocorasick

from services.extraction.text.keywords import gate_text, lower_keeping_offsets


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


class Gate:
    """Every concept declared so far, and one automaton over all their words (rebuilt when one is added)."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.words: dict[str, set[int]] = {}  # word → the concepts it belongs to
        self.always: set[int] = set()  # concepts with an empty word: present in every text
        self._automaton: ahocorasick.Automaton | None = None

    def add(self, name: str, words: Iterable[str]) -> Concept:
        concept = Concept(len(self.names), name)
        self.names.append(name)
        for word in (word.lower() for word in words):  # the gate tests lowercased text
            if word:
                self.words.setdefault(word, set()).add(concept.key)
            else:
                self.always.add(concept.key)
        self._automaton = None
        return concept

    def automaton(self) -> ahocorasick.Automaton:
        if self._automaton is None:
            automaton = ahocorasick.Automaton()
            for word, concepts in self.words.items():
                automaton.add_word(word, frozenset(concepts))
            automaton.make_automaton()
            self._automaton = automaton
        return self._automaton

    def keys_of(self, text: str) -> Keys:
        """One pass over `text`: the concepts whose words it holds."""
        low = lower_keeping_offsets(text)
        present: set[int] = set(self.always)
        if low and self.words:
            for _, concepts in self.automaton().iter(low):
                present.update(concepts)
        return Keys(low, gate_text(text) is not None, frozenset(present))


_GATE: Final = Gate()  # the extractor's: every rule's concepts


def concept(name: str, words: Iterable[str]) -> Concept:
    """Declare a concept of the extractor's gate (at import time, once): the words a rule cannot match without."""
    return _GATE.add(name, words)


def keys_of(text: str) -> Keys:
    """The extractor's keyword pass over `text`: the concepts whose words it holds."""
    return _GATE.keys_of(text)
