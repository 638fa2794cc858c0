"""A cheap test of which ceasefire words a sentence can hold, before any costly regex runs.

Each pattern alternative carries a stem: a run of plain letters that starts a word in every
match ("violat" for `violat(?:e|ed|ion)`, "held" for `(?:has|have)\\s+held`). One scan of a
sentence with a single regex of all stems (longest first, anchored at word starts) tells
which stems occur; a pattern none of whose stems occur cannot match and is skipped. Most
sentences of most articles hold no ceasefire word, so they cost one scan.
"""

from __future__ import annotations

import re
import re._constants as re_constants  # type: ignore[import-not-found]  # the regex parse tree: no stubs
import re._parser as re_parser  # type: ignore[import-not-found]
from collections.abc import Iterable
from itertools import accumulate
from typing import Any, NamedTuple

import ahocorasick

from services.extraction.text.keywords import gate_text

_QUANTIFIERS = frozenset("?*+{")
_MIN_STEM = 3
_SPLIT = re.compile(r"(\w+)")
_WHOLE_BONUS = 3  # a whole word is a sharper test than a prefix of the same length
# Words too common to tell a sentence apart: a stem among them is used only when there is no other.
_COMMON = frozenset(
    str.split(
        "for from out into over would will was were been being have has had with that this the and are its their "
        "them they then than upon onto down off les des que del los las por para com"
    )
)


def required_literal(alternative: str) -> str | None:
    """The stem of `alternative` (see `Stem`) as text; None if it has none."""
    stem = stem_of(alternative)
    return None if stem is None else stem.text


class Stem(NamedTuple):
    """A run of letters that starts a word in every match; `whole` if it is that entire word."""

    text: str
    whole: bool


def stem_of(alternative: str) -> Stem | None:
    """The best stem of a regex alternative, read outside groups, classes and optional parts:
    a whole word beats a prefix, a longer run beats a shorter one. None if no run of 3+ letters
    surely starts a word."""
    runs: list[Stem] = []
    run = ""
    starts_word = True  # would a letter here begin a word?
    run_starts_word = False
    index = 0

    def close(ends_word: bool) -> None:
        nonlocal run
        if run_starts_word and len(run) >= _MIN_STEM:
            runs.append(Stem(run, ends_word))
        run = ""

    while index < len(alternative):
        char = alternative[index]
        if char == "|":
            return None  # a bare alternation: no single run is required
        if char == "\\":
            escaped = alternative[index + 1 : index + 2]
            index += 2
            quantifier = alternative[index : index + 1]
            space = escaped == "s" and quantifier not in ("?", "*")  # a space that must be there
            close(ends_word=space)
            while index < len(alternative) and alternative[index] in _QUANTIFIERS:
                index += 1
            starts_word = space  # after whitespace a word begins; after \\b, \\w: unknown
            continue
        if char in "([":
            opening = index
            lookaround = alternative.startswith(("(?<", "(?!", "(?="), index)
            index = _skip_group(alternative, index)
            optional = index < len(alternative) and alternative[index] in _QUANTIFIERS
            if optional:
                index += 1
            close(ends_word=lookaround and index >= len(alternative))
            ends_in_space = alternative[opening:index].rstrip("?*+").endswith(("\\s+)", "\\s*)"))
            if lookaround:
                pass  # matches nothing: a word may still begin here
            elif optional:
                starts_word = starts_word and ends_in_space  # "\\s+(?:largely\\s+)?held"
            else:
                starts_word = ends_in_space
            continue
        following = alternative[index + 1 : index + 2]
        if char.isalpha() and following not in _QUANTIFIERS:
            if not run:
                run_starts_word = starts_word
            run += char
            starts_word = False
        else:
            separator = char in "-'" and following not in _QUANTIFIERS  # "l'egide", not "cease-?fire"
            close(ends_word=separator)
            # after "-" a word begins; after an optional "-?" it begins if it did before
            starts_word = separator or (char in "-'" and starts_word)
            if following in _QUANTIFIERS:
                index += 1
        index += 1
    close(ends_word=True)
    useful = [stem for stem in runs if stem.text not in _COMMON] or runs
    return max(useful, key=lambda stem: len(stem.text) + (_WHOLE_BONUS if stem.whole else 0), default=None)


def _skip_group(pattern: str, index: int) -> int:
    """Index just past the group or class that opens at `index` (nested groups included)."""
    if pattern[index] == "[":
        index += 1
        while index < len(pattern) and pattern[index] != "]":
            index += 2 if pattern[index] == "\\" else 1
        return index + 1
    depth = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            index = _skip_group(pattern, index)
            continue
        depth += {"(": 1, ")": -1}.get(char, 0)
        index += 1
        if depth == 0:
            return index
    return index


class StemIndex:
    """Finds which stems occur in lowercased, accent-folded text, and where: one regex split
    into words, a set lookup per word for whole-word stems and a three-letter bucket for prefixes."""

    def __init__(self, stems: Iterable[Stem]) -> None:
        stems = list(stems)
        prefixes = {stem.text for stem in stems if not stem.whole}
        self._whole = frozenset(stem.text for stem in stems if stem.whole) - prefixes
        self._buckets: dict[str, tuple[str, ...]] = {}
        for prefix in sorted(prefixes):
            self._buckets[prefix[:_MIN_STEM]] = (*self._buckets.get(prefix[:_MIN_STEM], ()), prefix)
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
        hits = [i for i, word in enumerate(words) if word in whole or word[:_MIN_STEM] in buckets]
        if not hits:
            return {}
        ends = list(accumulate(map(len, parts)))
        found: dict[str, list[int]] = {}
        for index in hits:
            word, position = words[index], ends[2 * index]
            if word in whole:
                found.setdefault(word, []).append(position)
            for prefix in buckets.get(word[:_MIN_STEM], ()):
                if word.startswith(prefix):
                    found.setdefault(prefix, []).append(position)
        return found


def _is_word(char: str) -> bool:
    """Whether a regex's \\w matches `char` (a letter, a digit or "_")."""
    return char.isalnum() or char == "_"


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
        self._needles = required_words(self._rest) if self._rest is not None and self.unstemmed else None

    def spans(self, text: str, located: dict[str, list[int]]) -> list[tuple[int, int]]:
        """(start, end) of every match in `text`, given where the stems are (see StemIndex.locate)."""
        found: list[tuple[int, int]] = []
        if self._lead is not None:
            for stem in self.lead_stems.intersection(located):
                for position in located[stem]:
                    match = self._lead.match(text, position)
                    if match:
                        found.append(match.span())
        if self._rest is not None:
            if self.unstemmed:
                low = gate_text(text) if self._needles is not None else None
                absent = low is not None and not any(needle in low for needle in self._needles or ())
                windows = [] if absent else [(0, len(text))]
            else:
                windows = _merge(
                    (max(0, position - self._before), min(len(text), position + self._after))
                    for stem in self.rest_stems.intersection(located)
                    for position in located[stem]
                )
            for start, end in windows:
                found.extend(match.span() for match in self._rest.finditer(text, start, _word_end(text, end)))
        return found


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
