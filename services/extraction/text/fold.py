"""Accent and punctuation folding that keeps every character where it was.

Matching "Trégua", "tregua" and "TRÉGUA" with one pattern is easiest on folded text, but
evidence offsets must point into the original article. So folding maps each character to
exactly one character (never decomposes), and an offset in the folded text is the same
offset in the original. Case is left to `re.IGNORECASE`, since lowercasing can change
length ("İ" becomes two code points).
"""

from __future__ import annotations

import re
import unicodedata


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0xC0, 0x250):
        char = chr(code)
        base = unicodedata.normalize("NFD", char)[0]
        if base != char and base.isascii() and base.isalpha():
            table[code] = base
    table.update({ord(k): v for k, v in {"ß": "s", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L"}.items()})
    # Typographic apostrophes, quotes and dashes become their ASCII forms, so "Ta’ang" and
    # "cease‑fire" match the same patterns as "Ta'ang" and "cease-fire".
    for char in "’‘ʼ`´":
        table[ord(char)] = "'"
    for char in "‐‑‒–—":
        table[ord(char)] = "-"
    table[0xA0] = " "  # no-break space
    return table


_TABLE = _build_table()
_FOLDS = {chr(code): char for code, char in _TABLE.items()}
_ASCII_FOLDABLE = tuple(char for char in _FOLDS if char.isascii())  # the backtick
_FOLDABLE = re.compile("[" + "".join(re.escape(char) for char in sorted(_FOLDS)) + "]")


def _fold_one(match: re.Match[str]) -> str:
    return _FOLDS[match.group()]


def fold(text: str) -> str:
    """`text` without diacritics and with ASCII apostrophes/dashes; same length as `text`."""
    # str.translate looks every character up in the table (~40 ns each on non-ASCII text);
    # ASCII text has nothing to fold but the backtick, and a character class finds the few that do.
    if text.isascii() and not any(char in text for char in _ASCII_FOLDABLE):
        return text
    return _FOLDABLE.sub(_fold_one, text)
