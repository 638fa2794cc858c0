"""The extractor's entry point: one Extraction per text, evidence offsets, and the sibling stages."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import structlog
from structlog.testing import capture_logs

from services.extraction import extractor
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


def test_a_failing_stage_contributes_nothing_instead_of_raising(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_: object) -> list[object]:
        raise RuntimeError("boom")

    monkeypatch.setattr(extractor, "find_casualties", broken)
    # A fresh logger: the module's may be cached on a stdout another test captured and closed.
    monkeypatch.setattr(extractor, "log", structlog.get_logger("sitmon.extraction"))
    with capture_logs() as logs:
        result = extract(STORY)
    assert result.casualties == ()
    assert [entry["stage"] for entry in logs if entry["event"] == "extraction.stage_failed"] == ["casualties"]


def test_missing_sibling_modules_leave_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extractor, "_optional", lambda module, name: None)
    result = extract(STORY)
    assert result.ceasefire == () and result.region == "unknown" and result.country is None
    assert len(result.casualties) == 5


def test_sibling_modules_are_called_when_present(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    class Resolution:
        region, country, locations = "nagorno-karabakh", "AZ", ()

    def finder(sentences: object, language: str) -> list[object]:
        calls.append(f"ceasefire:{language}")
        return []

    def resolver(text: str, title: str | None) -> Resolution:
        calls.append(f"region:{title}")
        return Resolution()

    stages = {"find_ceasefire": finder, "resolve_region": resolver}
    monkeypatch.setattr(extractor, "_optional", lambda module, name: stages[name])
    result = extract(STORY, title="Karabakh", language="en")
    assert calls == ["ceasefire:en", "region:Karabakh"]
    assert (result.region, result.country) == ("nagorno-karabakh", "AZ")


def test_a_subgroup_sentence_without_a_keyword_is_still_read() -> None:
    text = "Shelling killed 14 people in the town. Among them were four children. The market reopened."
    assert [(c.count, c.group) for c in extract(text, language="en").casualties] == [(14, None), (4, "children")]
