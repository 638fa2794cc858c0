"""The official scorer, run through `sitmon extract --jsonl`, on the dev set and on tests/articles.

shared/ (the contract, the dev set and score_extraction.py) lives beside the repository, as
in CI's checkout; when it is absent these tests skip and say so.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
SHARED = REPO.parent / "shared"
SCORER = SHARED / "eval" / "score_extraction.py"
ARTICLES = sorted((REPO / "tests" / "articles").glob("*.jsonl"))
# Sets written without reading the extractor, to measure how it generalises. Each is held
# at the score it had when first measured (casualty F1, ceasefire F1): a guard against
# regressions, not a target to tune to (blind.jsonl was later used to fix general causes).
BLIND_FLOORS = {"blind": ("0.94", "0.88"), "blind2": ("0.94", "0.93")}

needs_shared = pytest.mark.skipif(
    not SCORER.is_file(), reason=f"{SCORER} not found: shared/ must sit beside the repository (../shared)"
)


# `sitmon extract --jsonl`, run as `python -m services.cli` from this checkout: the `sitmon` on PATH may be
# an editable install of another clone, and the score must be of the code under test.
EXTRACTOR = [sys.executable, "-m", "services.cli", "extract", "--jsonl"]


def score(gold: Path, *thresholds: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, str(SCORER), str(gold), *thresholds, "--", *EXTRACTOR],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=environment,
        timeout=300,
    )


@needs_shared
def test_dev_set_meets_the_issue_thresholds() -> None:
    run = score(SHARED / "eval" / "extraction-dev.jsonl", "--min-f1", "0.95", "--min-ceasefire-f1", "0.90")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "missing outputs 0" in run.stdout


@needs_shared
@pytest.mark.parametrize("gold", [a for a in ARTICLES if a.stem not in BLIND_FLOORS], ids=lambda path: path.stem)
def test_hand_written_articles_score_well(gold: Path) -> None:
    run = score(gold, "--min-f1", "0.95")
    assert run.returncode == 0, run.stdout + run.stderr


@needs_shared
@pytest.mark.parametrize("name", sorted(BLIND_FLOORS))
def test_a_blind_set_does_not_fall_below_its_first_measurement(name: str) -> None:
    casualty_floor, ceasefire_floor = BLIND_FLOORS[name]
    gold = REPO / "tests" / "articles" / f"{name}.jsonl"
    run = score(gold, "--min-f1", casualty_floor, "--min-ceasefire-f1", ceasefire_floor)
    assert run.returncode == 0, run.stdout + run.stderr


def test_there_are_enough_hand_written_articles_in_every_language() -> None:
    languages = [json.loads(line)["language"] for path in ARTICLES for line in path.read_text("utf-8").splitlines()]
    assert len(languages) >= 25
    assert {"en", "pt", "es", "fr"} <= set(languages)
