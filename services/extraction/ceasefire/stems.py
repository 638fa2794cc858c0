"""The stem of a regex alternative: what a cheap test of which ceasefire words a sentence can
hold looks for, before any costly regex runs.

Each pattern alternative carries a stem: a run of plain letters that starts a word in every
match ("violat" for `violat(?:e|ed|ion)`, "held" for `(?:has|have)\\s+held`). One pass over
the article finds every stem (stem_index); a pattern none of whose stems occur in a sentence
cannot match there and is skipped, and the others are tried only where their stems are
(stemmed_pattern). Most sentences of most articles hold no ceasefire word, so they cost nothing.
"""

from __future__ import annotations

from typing import NamedTuple

_QUANTIFIERS = frozenset("?*+{")
MIN_STEM = 3  # shorter runs ("for", "de") start too many words to tell a sentence apart
_WHOLE_BONUS = 3  # a whole word is a sharper test than a prefix of the same length
# Words too common to tell a sentence apart: a stem among them is used only when there is no other.
_COMMON = frozenset(
    str.split(
        "for from out into over would will was were been being have has had with that this the and are its their "
        "them they then than upon onto down off les des que del los las por para com"
    )
)


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
        if run_starts_word and len(run) >= MIN_STEM:
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
