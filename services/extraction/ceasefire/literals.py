"""The literal words one of which every match of a pattern holds, read from its parse tree, and
a test for them in one Aho-Corasick pass: a pattern is searched only in text that holds one.

A sentence of news prose is read by a few dozen case-insensitive patterns, most of which can
match in few sentences; Python's regex engine tries each at every position of the sentence,
while one pass of an automaton in C rules most of them out at a small part of that cost.
"""

from __future__ import annotations

import re
import re._constants as re_constants  # type: ignore[import-not-found]  # the regex parse tree: no stubs
import re._parser as re_parser  # type: ignore[import-not-found]
import sys
from collections.abc import Iterable, Iterator
from typing import Any

import ahocorasick

from services.extraction.ceasefire.word_anchored import WordAnchoredPattern
from services.extraction.text.keywords import gate_text


def required_words(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lowercased literals one of which every match of `pattern` contains, read from its parse
    tree (the most selective such set: its shortest literal longest); None if there is none."""
    return _required(re_parser.parse(pattern.pattern, pattern.flags).data)


def _required(items: Iterable[tuple[Any, Any]]) -> frozenset[str] | None:
    """The best literal set of a sequence: a run of literal characters, or the union of a
    branch's sets, or what a group or a repeat (at least once) requires."""
    best: frozenset[str] | None = None

    def consider(found: frozenset[str] | None) -> None:
        nonlocal best
        if found and (best is None or _selectivity(found) > _selectivity(best)):
            best = found

    run = ""
    for op, value in items:
        if op is re_constants.LITERAL:
            run += chr(value).lower()
            continue
        consider(frozenset({run}) if run else None)
        run = ""
        if op is re_constants.SUBPATTERN:
            consider(_required(value[3].data))
        elif op is re_constants.ATOMIC_GROUP:
            consider(_required(value.data))
        elif op is re_constants.BRANCH:
            branches = [_required(branch.data) for branch in value[1]]
            if all(branches):
                consider(frozenset().union(*branches))  # type: ignore[arg-type]
        elif op in (re_constants.MAX_REPEAT, re_constants.MIN_REPEAT, re_constants.POSSESSIVE_REPEAT):
            low, _, item = value
            if low >= 1:
                consider(_required(item.data))
        # anything else (classes, anchors, lookarounds, optional parts) requires no literal
    consider(frozenset({run}) if run else None)
    return best


def _selectivity(words: frozenset[str]) -> tuple[int, int]:
    return min(map(len, words)), -len(words)


class _AllLiterals:
    """The strings of every `Literals` in one automaton, read once per text.

    A sentence is tested by a dozen literal sets in a row (one per guarded pattern it is read
    with); one pass over it tells which sets occur in it, kept for the last text tested."""

    def __init__(self) -> None:
        self._sets: dict[str, set[int]] = {}  # a string → the literal sets holding it
        self._count = 0
        self._automaton: ahocorasick.Automaton | None = None
        self._last: tuple[str | None, frozenset[int]] = (None, frozenset())

    def add(self, words: set[str]) -> int:
        """Register a literal set (non-empty); its number."""
        number = self._count
        self._count += 1
        for word in words:
            self._sets.setdefault(word, set()).add(number)
        self._automaton = None
        self._last = (None, frozenset())
        return number

    def found(self, low: str) -> frozenset[int]:
        """The numbers of the literal sets one of whose strings occurs in `low`."""
        last, found = self._last
        if low == last:
            return found
        if self._automaton is None:
            automaton = ahocorasick.Automaton()
            for word, numbers in self._sets.items():
                automaton.add_word(word, frozenset(numbers))
            automaton.make_automaton()
            self._automaton = automaton
        found = frozenset().union(*(numbers for _, numbers in self._automaton.iter(low)))
        self._last = (low, found)
        return found


_ALL = _AllLiterals()


class Literals:
    """A set of lowercase strings, any of which is looked for in one Aho-Corasick pass (in C)
    shared with every other set (`_AllLiterals`)."""

    def __init__(self, words: Iterable[str]) -> None:
        listed = {word for word in words if word}
        self._empty = not listed  # an empty string is no string: it was never found
        self._number = -1 if self._empty else _ALL.add(listed)

    def found_in(self, low: str) -> bool:
        """Whether one of the strings occurs in `low`: `any(word in low for word in words)`."""
        return not self._empty and self._number in _ALL.found(low)


class GuardedPattern:
    """A case-insensitive pattern that is searched only in text holding one of its required
    literals (`required_words`); one without any is always searched.

    Where the lowercased text reads the same (see `gate_text`) and the pattern's letters are all
    lowercase, it is searched case-sensitively there, which Python's regex engine does faster:
    a match may then be on that lowercased copy, so use its offsets, not its groups."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        required = required_words(pattern)
        self._required = None if required is None else Literals(required)
        source = pattern.pattern
        caseless = pattern.flags & re.IGNORECASE and source == source.lower() and "(?-i" not in source
        self._caseless = re.compile(source, pattern.flags & ~re.IGNORECASE) if caseless else None
        # where it can, tried only at the words it can begin with: fewer positions than any scan
        anchored = WordAnchoredPattern(pattern)
        self._anchored = anchored if anchored.anchors else None

    def may_match(self, text: str, low: str | None = None) -> bool:
        """False only if no match can occur in `text`: it holds none of the required literals
        (lowercased; where a case oddity makes lowercasing unsafe, see `gate_text`, it may match).
        `low`, when given, is `gate_text(text)`."""
        if self._required is None:
            return True
        low = gate_text(text) if low is None else low
        return low is None or self._required.found_in(low)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        low = gate_text(text)
        if not self.may_match(text, low):
            return None
        if self._anchored is not None:
            return self._anchored.search(text, pos, endpos)
        if low is not None and self._caseless is not None:
            return self._caseless.search(low, pos, endpos)
        return self.pattern.search(text, pos, endpos)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if not self.may_match(text):
            return iter(())
        return self.pattern.finditer(text) if self._anchored is None else self._anchored.finditer(text)
