"""Helpers for the casualty tests: read one text, compare figures as plain tuples."""

from __future__ import annotations

from datetime import datetime

from services.extraction.figures.casualties import find_casualties
from services.extraction.text.sentences import split_sentences
from streams.events import CasualtyFigure


def read(text: str, language: str, published_at: datetime | None = None) -> list[CasualtyFigure]:
    return find_casualties(split_sentences(text), language, published_at)


def pairs(text: str, language: str) -> list[tuple[str, int]]:
    """(outcome, count) of every non-background figure, in text order."""
    return [(f.outcome, f.count) for f in read(text, language) if not f.background]


def full(text: str, language: str) -> list[tuple[str, int, str, str | None]]:
    """(outcome, count, qualifier, group) of every non-background figure."""
    return [(f.outcome, f.count, f.qualifier, f.group) for f in read(text, language) if not f.background]
