"""A pattern that starts at a word, searched only at the words it can start with.

Python's regex engine skips quickly (in C) to where a pattern may begin only when the pattern
opens with a literal. A pattern of short words that opens with `\\b` and lookbehinds ("it",
"them", "(?<=\\bde\\s)(?:o|a)(?=\\s+violar…)") is tried at every position instead, at ~0.1 µs a
character: 38 µs for a sentence of 300. Its first literals, read from its parse tree, name the
words a match can begin with; one Aho-Corasick pass over the sentence with its non-word
characters as spaces finds those words, and the pattern is matched, anchored, only there —
the same matches as `finditer`, at a few µs.
"""

from __future__ import annotations

import re
import re._constants as re_constants  # type: ignore[import-not-found]  # the regex parse tree: no stubs
import re._parser as re_parser  # type: ignore[import-not-found]
import sys
from collections.abc import Iterator
from typing import Any

import ahocorasick

from services.extraction.text.keywords import gate_text, words_spaced

_MAX_PREFIXES = 256  # a pattern whose openings multiply past this is searched as it is
_OPEN, _WHOLE, _STOP = 0, 1, 2  # a literal may go on / ends a word / ends for an unknown reason
_LOOKAHEAD = 1  # the direction of a lookahead in the parse tree (-1: a lookbehind)


def opening_words(pattern: re.Pattern[str]) -> list[tuple[str, bool]] | None:
    """The lowercased literals one of which every match of `pattern` begins with, each with whether
    it is a whole word (a `\\b` or a lookahead of whitespace or of a non-word literal follows it);
    None if some match may begin otherwise, or not at the start of a word (the pattern must open
    with `\\b` and each literal with a word character)."""
    items = list(re_parser.parse(pattern.pattern, pattern.flags).data)
    if not items or items[0] != (re_constants.AT, re_constants.AT_BOUNDARY):
        return None
    found = _expand(items[1:], [("", _OPEN)])
    found = None if found is None else [(text, _STOP if state == _OPEN else state) for text, state in found]
    if found is None or any(not text or not (text[0].isalnum() or text[0] == "_") for text, _ in found):
        return None
    return sorted({(text, state == _WHOLE) for text, state in found})


def _expand(items: list[tuple[Any, Any]], partial: list[tuple[str, int]]) -> list[tuple[str, int]] | None:
    """Each literal opening `partial` may grow into over `items`, with its state (`_OPEN` if
    what follows `items` may still add to it)."""
    for op, value in items:
        if all(state != _OPEN for _, state in partial):
            break
        if op is re_constants.LITERAL:
            partial = [
                (text + chr(value).lower(), state) if state == _OPEN else (text, state) for text, state in partial
            ]
        elif op is re_constants.AT and value is re_constants.AT_BOUNDARY:
            partial = [(text, _boundary(text)) if state == _OPEN else (text, state) for text, state in partial]
        elif op in (re_constants.ASSERT, re_constants.ASSERT_NOT):
            direction, body = value
            ends = op is re_constants.ASSERT and direction == _LOOKAHEAD and _opens_with_a_break(list(body.data))
            # a lookbehind before any letter adds none; after some, an assertion ends the literal
            partial = [
                (text, (_WHOLE if ends else _STOP) if text else _OPEN) if state == _OPEN else (text, state)
                for text, state in partial
            ]
        elif op in (re_constants.SUBPATTERN, re_constants.BRANCH, re_constants.IN):
            branches = _branches(op, value)
            if branches is None:
                partial = [(text, _STOP if state == _OPEN else state) for text, state in partial]
                continue
            grown: list[tuple[str, int]] = []
            for text, state in partial:
                if state != _OPEN:
                    grown.append((text, state))
                    continue
                for branch in branches:
                    more = _expand(branch, [(text, _OPEN)])
                    if more is None:
                        return None
                    grown += more
            if len(grown) > _MAX_PREFIXES:
                return None
            partial = grown
        else:  # whitespace ends a word; a class, a repeat, a reference …: the literal ends here
            ends = _is_a_break((op, value))
            partial = [
                (text, (_boundary(text) if ends else _STOP) if state == _OPEN else state) for text, state in partial
            ]
    return partial


def _branches(op: Any, value: Any) -> list[list[tuple[Any, Any]]] | None:
    """The item sequences a group, an alternation or a set of literal characters may read."""
    if op is re_constants.SUBPATTERN:
        return [list(value[3].data)]
    if op is re_constants.BRANCH:
        return [list(branch.data) for branch in value[1]]
    if all(kind is re_constants.LITERAL for kind, _ in value):  # [oa]
        return [[(re_constants.LITERAL, code)] for _, code in value]
    return None


def _boundary(text: str) -> int:
    """After a word character a `\\b` ends the word; elsewhere it tells nothing we use."""
    return _WHOLE if text and (text[-1].isalnum() or text[-1] == "_") else _STOP


def _is_a_break(item: tuple[Any, Any]) -> bool:
    """Does the item match only whitespace, at least one character of it (`\\s`, `\\s+`)?"""
    op, value = item
    if op is re_constants.IN:
        return bool(value == [(re_constants.CATEGORY, re_constants.CATEGORY_SPACE)])
    if op in (re_constants.MAX_REPEAT, re_constants.MIN_REPEAT, re_constants.POSSESSIVE_REPEAT):
        low, _, repeated = value
        return bool(low >= 1 and len(repeated.data) == 1 and _is_a_break(repeated.data[0]))
    return False


def _opens_with_a_break(items: list[tuple[Any, Any]]) -> bool:
    """Does every match of a lookahead begin with whitespace or a non-word literal?"""
    if not items:
        return False
    op, value = items[0]
    if op is re_constants.LITERAL:
        return not (chr(value).isalnum() or chr(value) == "_")
    if op is re_constants.IN:
        return bool(value == [(re_constants.CATEGORY, re_constants.CATEGORY_SPACE)])
    if op in (re_constants.MAX_REPEAT, re_constants.MIN_REPEAT, re_constants.POSSESSIVE_REPEAT):
        low, _, item = value
        return bool(low >= 1 and _opens_with_a_break(list(item.data)))
    if op is re_constants.SUBPATTERN:
        return _opens_with_a_break(list(value[3].data))
    if op is re_constants.BRANCH:
        return all(_opens_with_a_break(list(branch.data)) for branch in value[1])
    return False


_last_spaced: tuple[str, str | None] = ("", "")  # the last sentence given to `spaced_sentence`, and its form


def spaced_sentence(text: str) -> str | None:
    """`words_spaced(gate_text(text))`, or None where that is None or may differ from its slices.

    A sentence is read by a dozen word-anchored patterns (terms, pronouns, negations, dates …),
    each of which lowercased and spaced it again; the last sentence's form is kept instead
    (a sentence is read pattern after pattern). Both steps map character to character, so a
    slice of the form is the form of the slice — except where `lower` reads a character's
    context (a capital sigma: "ς" at a word's end, else "σ"), where the caller forms its slice
    itself."""
    global _last_spaced
    last, spaced = _last_spaced
    if text is last:
        return spaced
    low = gate_text(text) if "\u03a3" not in text else None
    spaced = None if low is None else words_spaced(low)
    _last_spaced = (text, spaced)
    return spaced


class WordAnchoredPattern:
    """`pattern.finditer`, tried only at the words its matches can begin with (`opening_words`)."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        openings = opening_words(pattern)
        self._openings: ahocorasick.Automaton | None = None
        if openings is not None:
            self._openings = ahocorasick.Automaton()
            for text, whole in openings:
                key = " " + words_spaced(text) + (" " if whole else "")
                self._openings.add_word(key, len(key))
            self._openings.make_automaton()

    @property
    def anchors(self) -> bool:
        """Whether the pattern is tried only at its opening words (else it is searched as it is)."""
        return self._openings is not None

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        """(start, end) of each match of `finditer(text)`, in order."""
        return (match.span() for match in self.finditer(text))

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        """What `pattern.finditer(text, pos, endpos)` gives."""
        starts = self._starts(text, pos, endpos)
        if starts is None:
            yield from self.pattern.finditer(text, pos, endpos)
            return
        free = pos  # finditer goes on after the end of each match
        for start in starts:
            if start >= free:
                match = self.pattern.match(text, start, endpos)
                if match is not None:
                    yield match
                    free = match.end()

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """What `pattern.search(text, pos, endpos)` gives."""
        return next(self.finditer(text, pos, endpos), None)

    def _starts(self, text: str, pos: int, endpos: int) -> list[int] | None:
        """Where the opening words start in `text[pos:endpos]` (a word cut at `endpos` is read as
        it is cut, as the regex reads it), in order; None if the pattern must be searched as it is.
        The character before `pos` is read too: it tells whether a word starts at `pos`."""
        if self._openings is None:
            return None
        offset = max(0, min(pos, len(text)) - 1)
        whole = spaced_sentence(text)
        if whole is not None:  # the sentence's form, shared by every pattern read on it: a slice is the slice's form
            spaced = " " + (whole[offset:endpos] if offset or endpos < len(text) else whole) + " "
        else:
            low = gate_text(text[offset:endpos] if offset or endpos < len(text) else text)
            if low is None:  # a case oddity: lowercasing cannot stand for IGNORECASE
                return None
            spaced = " " + words_spaced(low) + " "
        # a start found twice (by a prefix and by a whole word) may be tried twice: same answer, cheaper than a set
        return sorted([offset + end - length + 1 for end, length in self._openings.iter(spaced)])
