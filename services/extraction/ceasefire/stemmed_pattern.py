"""A set of regex alternatives matched where their stems (stems) are, not at every position."""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Sequence

from services.extraction.ceasefire.literals import GuardedPattern
from services.extraction.ceasefire.stems import Stem, stem_of

_LOOKBEHIND = re.compile(r"^\(\?<[!=][^)]*\)")


def _leads(alternative: str, stem: Stem) -> bool:
    """Does every match of `alternative` begin with its stem (after a lookbehind or an optional hyphen)?"""
    body = _LOOKBEHIND.sub("", alternative)
    body = body.removeprefix("-?")
    return body.startswith(stem.text)


class StemmedPattern:
    """A set of regex alternatives matched where their stems are, not by scanning every position.

    Alternatives that begin with their stem are tried once, anchored, at each word the stem
    starts; the others (stem inside: "has largely held") are searched in a window around it;
    alternatives without a stem are searched everywhere.
    """

    def __init__(self, alternatives: list[str], flags: re.RegexFlag, before: int, after: int) -> None:
        lead: list[str] = []
        rest: list[str] = []
        self.stems: list[Stem] = []  # what a StemIndex must find for this pattern
        self.lead_stems: set[str] = set()
        self.rest_stems: set[str] = set()
        self.unstemmed = False
        for alternative in alternatives:
            stem = stem_of(alternative)
            if stem is not None:
                self.stems.append(stem)
            if stem is not None and _leads(alternative, stem):
                lead.append(alternative)
                self.lead_stems.add(stem.text)
            else:
                rest.append(alternative)
                if stem is None:
                    self.unstemmed = True
                else:
                    self.rest_stems.add(stem.text)
        self._lead = re.compile(_words(lead), flags) if lead else None
        self._rest = re.compile(_words(rest), flags) if rest else None
        self._before, self._after = before, after
        # Searched everywhere for want of a stem, the rest still cannot match without one of these
        # (lowercased): "will take effect", "is to begin" and "entrará en vigor" all need a word
        # of {"effect", "begin", "vigor", …}. Tested first, they spare the scan of most sentences.
        self._everywhere = GuardedPattern(self._rest) if self._rest is not None and self.unstemmed else None

    def spans(self, text: str, located: dict[str, list[int]]) -> list[tuple[int, int]]:
        """(start, end) of every match in `text`, given where the stems are (see StemIndex.locate)."""
        found: list[tuple[int, int]] = []
        if self._lead is not None:
            for stem in self.lead_stems.intersection(located):
                self.match_at(text, located[stem], found)
        self.search_around(text, [located[stem] for stem in self.rest_stems.intersection(located)], found)
        return found

    def match_at(self, text: str, positions: list[int], found: list[tuple[int, int]]) -> None:
        """Add the matches of the alternatives that begin with their stem, at these stem positions."""
        lead = self._lead
        if lead is not None:
            for position in positions:
                match = lead.match(text, position)
                if match:
                    found.append(match.span())

    def search_around(self, text: str, positions: list[list[int]], found: list[tuple[int, int]]) -> None:
        """Add the matches of the other alternatives: around these stem positions, or everywhere
        for want of a stem (where the words they cannot match without occur)."""
        if self._rest is None:
            return
        if self._everywhere is not None:
            windows = [(0, len(text))] if self._everywhere.may_match(text) else []
        else:
            windows = _merge(
                (max(0, position - self._before), min(len(text), position + self._after))
                for group in positions
                for position in group
            )
        for start, end in windows:
            found.extend(match.span() for match in self._rest.finditer(text, start, _word_end(text, end)))


class PatternSet:
    """Stemmed patterns tried together over a sentence: the stems it holds name the patterns worth
    trying and where, so the work follows the stems found rather than the number of patterns."""

    def __init__(self, patterns: Sequence[StemmedPattern]) -> None:
        self.patterns = tuple(patterns)
        self._lead: dict[str, tuple[int, ...]] = {}
        self._rest: dict[str, tuple[int, ...]] = {}
        for index, pattern in enumerate(self.patterns):
            for stem in pattern.lead_stems:
                self._lead[stem] = (*self._lead.get(stem, ()), index)
            for stem in pattern.rest_stems:
                self._rest[stem] = (*self._rest.get(stem, ()), index)
        self.unstemmed = frozenset(index for index, pattern in enumerate(self.patterns) if pattern.unstemmed)

    def candidates(self, located: dict[str, list[int]]) -> set[int]:
        """The patterns that can match in a sentence holding these stems."""
        found = set(self.unstemmed)
        for stem in located:
            found.update(self._lead.get(stem, ()))
            found.update(self._rest.get(stem, ()))
        return found

    def spans(self, text: str, located: dict[str, list[int]], wanted: Container[int]) -> dict[int, list[tuple[int, int]]]:
        """For each wanted pattern, what `StemmedPattern.spans` gives (the same matches; in a
        pattern's list, those at its stems first, as there)."""
        found: dict[int, list[tuple[int, int]]] = {}
        around: dict[int, list[list[int]]] = {}
        for stem, positions in located.items():
            for index in self._lead.get(stem, ()):
                if index in wanted:
                    self.patterns[index].match_at(text, positions, found.setdefault(index, []))
            for index in self._rest.get(stem, ()):
                if index in wanted:
                    around.setdefault(index, []).append(positions)
        for index in self.unstemmed:
            if index in wanted:
                around.setdefault(index, [])
        for index, groups in around.items():
            self.patterns[index].search_around(text, groups, found.setdefault(index, []))
        return found


def _words(alternatives: list[str]) -> str:
    return r"\b(?:" + "|".join(alternatives) + r")\b"


def _merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _word_end(text: str, end: int) -> int:
    """Stretch a window's end to the end of the word it cuts, so a "\\b" never matches inside a word."""
    while end < len(text) and (text[end].isalnum() or text[end] in "-'"):
        end += 1
    return end
