"""A set of regex alternatives matched where their stems (stems) are, not at every position."""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Sequence

from services.extraction.ceasefire.literals import GuardedPattern
from services.extraction.ceasefire.stems import Stem, stem_of
from services.extraction.ceasefire.word_anchored import WordAnchoredPattern
from services.extraction.text.keywords import gate_text

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
        # The same, matched case-sensitively on the lowercased sentence where that is the same
        # thing (see `_caseless`): Python's regex engine folds the case of every character it
        # tries under IGNORECASE, and finds a literal start faster without it.
        self._lead_low = _caseless(lead, flags)
        self._rest_low = _caseless(rest, flags)
        self._before, self._after = before, after
        # Searched everywhere for want of a stem, the rest still cannot match without one of these
        # (lowercased): "will take effect", "is to begin" and "entrará en vigor" all need a word
        # of {"effect", "begin", "vigor", …}. Tested first, they spare the scan of most sentences.
        self._everywhere = GuardedPattern(self._rest) if self._rest is not None and self.unstemmed else None
        # The other alternatives, where they can, tried only at the words they begin with
        # ("has" of "has largely held"): a long alternation scanned over a window cost ~100 µs.
        anchored = WordAnchoredPattern(self._rest) if self._rest is not None else None
        self._rest_anchored = anchored if anchored is not None and anchored.anchors else None

    def spans(self, text: str, located: dict[str, list[int]]) -> list[tuple[int, int]]:
        """(start, end) of every match in `text`, given where the stems are (see StemIndex.locate)."""
        found: list[tuple[int, int]] = []
        low = gate_text(text)
        if self._lead is not None:
            for stem in self.lead_stems.intersection(located):
                self.match_at(text, low, located[stem], found)
        self.search_around(text, low, [located[stem] for stem in self.rest_stems.intersection(located)], found)
        return found

    def match_at(self, text: str, low: str | None, positions: list[int], found: list[tuple[int, int]]) -> None:
        """Add the matches of the alternatives that begin with their stem, at these stem positions
        (`low`: `gate_text(text)`)."""
        lead, subject = (self._lead_low, low) if low is not None and self._lead_low is not None else (self._lead, text)
        if lead is not None:
            for position in positions:
                match = lead.match(subject, position)
                if match:
                    found.append(match.span())

    def search_around(
        self, text: str, low: str | None, positions: list[list[int]], found: list[tuple[int, int]]
    ) -> None:
        """Add the matches of the other alternatives: around these stem positions, or everywhere
        for want of a stem (where the words they cannot match without occur)."""
        if self._rest is None:
            return
        if self._everywhere is not None:
            windows = [(0, len(text))] if self._everywhere.may_match(text, low) else []
        else:
            windows = _merge(
                (max(0, position - self._before), min(len(text), position + self._after))
                for group in positions
                for position in group
            )
        if self._rest_anchored is not None:
            for start, end in windows:
                found.extend(match.span() for match in self._rest_anchored.finditer(text, start, _word_end(text, end)))
            return
        rest, subject = (self._rest_low, low) if low is not None and self._rest_low is not None else (self._rest, text)
        for start, end in windows:
            found.extend(match.span() for match in rest.finditer(subject, start, _word_end(text, end)))


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
        low = gate_text(text)
        for stem, positions in located.items():
            for index in self._lead.get(stem, ()):
                if index in wanted:
                    self.patterns[index].match_at(text, low, positions, found.setdefault(index, []))
            for index in self._rest.get(stem, ()):
                if index in wanted:
                    around.setdefault(index, []).append(positions)
        for index in self.unstemmed:
            if index in wanted:
                around.setdefault(index, [])
        for index, groups in around.items():
            self.patterns[index].search_around(text, low, groups, found.setdefault(index, []))
        return found


def _caseless(alternatives: list[str], flags: re.RegexFlag) -> re.Pattern[str] | None:
    """The alternatives without IGNORECASE, for lowercased text, where that matches the same: all
    their letters are lowercase (so are no class such as [A-Z], no escape such as \\S) and no
    part turns IGNORECASE off ("(?-i:may)" must not match "May")."""
    pattern = _words(alternatives)
    if not alternatives or not flags & re.IGNORECASE or pattern != pattern.lower() or "(?-i" in pattern:
        return None
    return re.compile(pattern, flags & ~re.IGNORECASE)


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
