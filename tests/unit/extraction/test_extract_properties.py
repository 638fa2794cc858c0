"""Robustness: any text, HTML soup or a megabyte article gives a valid Extraction, never an exception.

Time linear in the input is guaranteed by construction (no nested quantifiers, bounded
windows) and measured in tests/benchmarks/bench_extract.py, not timed here.
"""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from services.extraction.extractor import extract
from streams.events import Extraction

NEWS_WORDS = [
    "killed",
    "wounded",
    "dead",
    "missing",
    "toll",
    "including",
    "among",
    "the",
    "dead",
    "were",
    "children",
    "civilians",
    "soldiers",
    "at",
    "least",
    "more",
    "than",
    "between",
    "and",
    "people",
    "mortos",
    "feridos",
    "muertos",
    "heridos",
    "tués",
    "blessés",
    "dont",
    "entre",
    "of",
    "them",
    "a",
    "dozen",
    "two",
    "thirty-two",
    "1,200",
    "2 900",
    "46.900",
    "2.5",
    "million",
    "20/09",
    "32-year-old",
    "2020",
    "$4",
    "%",
    "said",
    ",",
    ".",
    "ceasefire",
    "truce",
    "since",
    "last",
    "year",
    "on",
    "28",
    "March",
    "who",
    "one",
]
TAGS = ["<p>", "</p>", "<div class='x'>", "</div>", "<br/>", "<script>var a=1;</script>", "&nbsp;", "<a href='#'>"]


def check(text: str) -> Extraction:
    result = extract(text)
    assert isinstance(result, Extraction)
    for item in (*result.casualties, *result.ceasefire):
        assert 0 <= item.start <= item.end <= len(text)
        assert text[item.start : item.end] == item.sentence
    for figure in result.casualties:
        assert figure.count >= 0
    return result


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_any_unicode_string(text: str) -> None:
    check(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(NEWS_WORDS), max_size=80).map(" ".join))
def test_any_sequence_of_news_words(text: str) -> None:
    check(text)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(TAGS), st.sampled_from(NEWS_WORDS), st.text(max_size=12)), max_size=120))
def test_html_soup(parts: list[str]) -> None:
    check("".join(parts))


def test_a_megabyte_article_of_real_prose() -> None:
    seed = Path(__file__).parents[3] / "tests" / "articles" / "en.jsonl"
    prose = "\n\n".join(json.loads(line)["text"] for line in seed.read_text(encoding="utf-8").splitlines() if line)
    text = (prose + "\n\n") * (1_000_000 // len(prose) + 1)
    result = check(text)
    assert len(result.casualties) > 100


def test_a_megabyte_without_sentence_breaks() -> None:
    for text in ("1 killed " * 120_000, "x" * 1_000_000, "," * 1_000_000, "7" * 1_000_000, "among the dead " * 70_000):
        check(text)
