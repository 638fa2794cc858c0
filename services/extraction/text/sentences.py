"""Split article text into sentences that keep their character offsets.

Evidence quotes a sentence and points at it (start, end) in the article, so splitting
never rewrites text. A regex over sentence-final punctuation, guarded against common
abbreviations and decimals, is enough for wire copy and runs in linear time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from services.extraction.lexicon import lexicons
from services.extraction.text import months


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    start: int
    end: int


# A boundary: ., ! or ? (optionally followed by closing quotes/brackets), then whitespace,
# or a line break (headlines and paragraphs end without punctuation).
_BOUNDARY = re.compile(r"""[.!?…]+["'”’»)\]]*\s+|\n\s*""")
_ABBREVIATIONS = lexicons.patterns("abbreviations")  # as written: case matters
_ABBREVIATION = re.compile(r"(?:\b(?:" + "|".join(map(re.escape, _ABBREVIATIONS)) + r")\.|\b[A-Z]\.)$")
_ABBREVIATION_REACH = max(map(len, _ABBREVIATIONS)) + 4  # the longest abbreviation, its dot and a margin
# "am 3. März": a day's ordinal dot before a month name ends no sentence.
_ORDINAL_DAY = re.compile(r"(?<![\d.])\d{1,2}$")
_MONTH_NEXT = re.compile(r"(?:" + months.alternation(months.FULL_NAMES) + r")\b", re.IGNORECASE)


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        # The sentence so far ends with the boundary's first character (".", "!", "?" or "…");
        # an abbreviation is at most 7 characters before it, so only that tail is searched
        # (\b sees the character before the window, which at `start` is always whitespace).
        stop = match.start() + 1
        if "\n" not in match.group() and _ABBREVIATION.search(text, max(start, stop - _ABBREVIATION_REACH), stop):
            continue  # "Gen. Smith", "U.S. forces": not the end of a sentence
        ordinal = match.group().startswith(". ") and _ORDINAL_DAY.search(text, max(start, stop - 4), stop - 1)
        if ordinal and _MONTH_NEXT.match(text, end):
            continue  # "am 3. März"
        _append(sentences, text, start, end)
        start = end
    _append(sentences, text, start, len(text))
    return sentences


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    left = start + (len(piece) - len(piece.lstrip()))
    sentences.append(Sentence(stripped, left, left + len(stripped)))


_TERMINAL = (".", "!", "?", "…", '"', "”", "»", "'", ")")


def lead_end(sentences: list[Sentence]) -> int:
    """Where the article's lead ends: the first sentence that ends like prose (a headline has no
    full stop). The headline and the lead state the news being reported."""
    for sentence in sentences:
        if sentence.text.endswith(_TERMINAL):
            return sentence.end
    return sentences[0].end if sentences else 0
