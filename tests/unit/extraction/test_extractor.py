"""The extractor's entry point: one Extraction per text, evidence offsets, and the sibling stages."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from services.extraction import extractor
from services.extraction.errors import StageFailed
from services.extraction.extractor import EXTRACTOR_VERSION, extract
from streams.events import Extraction

STORY = (
    "Armenia and Azerbaijan agree ceasefire\n\n"
    "Armenian authorities said 32 people were killed and more than 200 injured in less than 24 hours. "
    "Among the dead are seven civilians, including two children. The 2020 war killed more than 6,500 people."
)


def test_extract_returns_figures_with_evidence_in_the_article() -> None:
    result = extract(STORY, language="en", published_at=datetime(2023, 9, 20, tzinfo=UTC))
    assert isinstance(result, Extraction)
    assert result.language == "en"
    rows = [(c.outcome, c.count, c.qualifier, c.group, c.period_hours, c.background) for c in result.casualties]
    assert rows == [
        ("killed", 32, "exact", None, 24, False),
        ("injured", 200, "at_least", None, 24, False),
        ("killed", 7, "exact", "civilians", None, False),
        ("killed", 2, "exact", "children", None, False),
        ("killed", 6500, "at_least", None, None, True),
    ]
    for figure in result.casualties:
        assert STORY[figure.start : figure.end] == figure.sentence
    assert result.casualties[0].source == "Armenian authorities"


def test_language_is_detected_when_not_given() -> None:
    assert extract("Os bombardeios mataram 19 pessoas, segundo a Defesa Civil.").language == "pt"


def test_the_version_names_the_extractor() -> None:
    assert EXTRACTOR_VERSION.startswith("sitmon-extract/")


@pytest.mark.parametrize(
    ("stage", "function"),
    [
        ("language", "normalise_language"),
        ("sentences", "split_sentences"),
        ("casualties", "find_casualties"),
        ("ceasefire", "find_ceasefire"),
        ("region", "resolve_region"),
    ],
)
def test_a_failing_stage_is_named_not_turned_into_an_empty_result(
    monkeypatch: pytest.MonkeyPatch, stage: str, function: str
) -> None:
    def broken(*_: object, **__: object) -> list[object]:
        raise RuntimeError("boom " + "x" * 1000)

    monkeypatch.setattr(extractor, function, broken)
    with pytest.raises(StageFailed) as failure:
        extract(STORY)
    assert failure.value.stage == stage
    assert failure.value.reason.startswith("RuntimeError: boom")
    assert len(failure.value.reason) < 400  # a dead letter's reason, not the whole message
    assert f"extraction stage '{stage}' failed" in str(failure.value)


def test_a_subgroup_sentence_without_a_keyword_is_still_read() -> None:
    text = "Shelling killed 14 people in the town. Among them were four children. The market reopened."
    assert [(c.count, c.group) for c in extract(text, language="en").casualties] == [(14, None), (4, "children")]
