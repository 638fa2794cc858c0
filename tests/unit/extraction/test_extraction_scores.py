"""The project's own scorer (tests/eval/score_extraction.py), run through `sitmon extract --jsonl`.

Everything needed lives in the repository — the contract (tests/eval/EXTRACTION.md), the
development set and the scorer — so a fresh clone runs these gates with nothing beside it.

Every gold set has a gate on casualty F1 and on ceasefire F1. A gate sits at the set's first
measurement and is never lowered: a guard against regressions, not a target to tune to.
A set written blind (tests/articles/blind*.jsonl) is measured once, its figure recorded
below, and only then may it be learnt from.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
EVAL = REPO / "tests" / "eval"
SCORER = EVAL / "score_extraction.py"
DEV_SET = EVAL / "extraction-dev.jsonl"
ARTICLES = sorted((REPO / "tests" / "articles").glob("*.jsonl"))

# (casualty F1, ceasefire F1) each set must keep. The development set holds the issue's
# thresholds; the hand-written sets were written while reading the extractor, so they hold a
# high bar; blind sets hold their first measurement.
GATES: dict[str, tuple[str, str]] = {
    "extraction-dev": ("0.95", "0.90"),
    "en": ("0.95", "0.95"),
    "es": ("0.95", "0.95"),
    "fr": ("0.95", "0.95"),
    "pt": ("0.95", "0.95"),
    # German articles written for development (with the lexicon); first measured at 1.000 / 1.000
    "de": ("0.95", "0.95"),
    "independent": ("0.95", "0.95"),
    "blind": ("0.94", "0.88"),  # first measured at casualty 0.94, ceasefire 0.88
    "blind2": ("0.94", "0.93"),  # first measured at casualty 0.944, ceasefire 0.937
    # first measured at casualty 0.942, ceasefire 0.857 (en 0.939/0.868, es 0.941/0.941, fr 0.906/0.917, pt 0.982/0.720)
    "blind3": ("0.94", "0.85"),
    # first measured at casualty 0.783, ceasefire 0.000: German had its lexicon for figures only
    "blind-de": ("0.78", "0.00"),
    # first measured at casualty 0.908, ceasefire 0.794 (de 0.870/0.526, en 0.857/0.880, es 0.947/0.857,
    # fr 1.000/0.909, pt 0.929/1.000), on the extractor of the stage-folder move, before any fix learnt from it
    "blind4": ("0.90", "0.79"),
    # first measured at casualty 0.929, ceasefire 0.878 (de 0.943/0.903, en 0.920/0.909, es 0.800/0.889,
    # fr 1.000/0.857, pt 0.963/0.769), on the extractor of session four's first German fixes, made before the
    # set was seen (main's extractor one commit earlier: 0.919 / 0.878, de 0.914/0.903), before any fix learnt from it
    "blind5": ("0.92", "0.87"),
    # first measured at casualty 0.956, ceasefire 0.857 (de 0.926/0.867, en 0.964/0.909, es 0.960/1.000,
    # fr 1.000/0.667, pt 0.963/0.857), on the extractor with session four's "die" gate and "provides for"
    # rules (made before the set was seen; without the "provides for" rule: the same), before any fix learnt from it
    "blind6": ("0.95", "0.85"),
    # first measured at casualty 0.940, ceasefire 0.860 (de 0.958/0.839, en 0.913/0.960, es 0.909/0.857,
    # fr 0.936/0.857, pt 0.979/0.783), on main's extractor at 76ee01f (session five's start), before any fix learnt from it
    "blind7": ("0.939", "0.859"),  # the exact first figures, 0.9397 and 0.8599, floored
    # first measured at casualty 0.985, ceasefire 0.857 (de 1.000/0.833, en 0.968/0.839, es 0.982/0.923,
    # fr 0.982/0.889, pt 1.000/0.824), on main's extractor at 3357ca9 (session six's start), before any fix learnt from it
    "blind8": ("0.985", "0.857"),
    # first measured at casualty 0.975, ceasefire 0.830 (de 0.986/0.880, en 0.966/0.625, es 0.972/0.700,
    # fr 0.966/0.923, pt 0.987/0.947), on main's extractor at 3357ca9 (session six's start), before any fix learnt from it
    "blind9": ("0.975", "0.830"),
    # Held back through session six (nobody opened them) and first measured on its final extractor (cab8809):
    # casualty 0.943, ceasefire 0.818 (de 0.871/0.700, en 0.982/0.900, es 0.945/0.769, fr 0.963/0.909,
    # pt 0.958/0.818); the session's start extractor (3357ca9) on it, for comparison: 0.946 / 0.796
    "blind10": ("0.942", "0.818"),  # the exact first figures, 0.9428 and 0.8182, floored
    # the same for blind11: 0.952 / 0.864 (de 1.000/0.900, en 0.979/0.778, es 0.846/0.778, fr 0.952/0.889,
    # pt 1.000/1.000); the session's start extractor on it: 0.947 / 0.864
    "blind11": ("0.951", "0.863"),  # the exact first figures, 0.9515 and 0.8636, floored
    # Held back through session seven (nobody opened them) and first measured on its final extractor (6e0b0c9):
    # blind12 casualty 0.934, ceasefire 0.835 (de 0.851/0.762, en 0.957/0.692, es 0.945/0.857, fr 0.955/0.957,
    # pt 0.947/0.947); the session's start extractor (df00d23) on it, for comparison: 0.934 / 0.796
    "blind12": ("0.933", "0.834"),  # the exact first figures, 0.9338 and 0.8349, floored
    # blind13: 0.957 / 0.905 (de 0.968/1.000, en 0.963/0.750, es 0.977/1.000, fr 0.914/0.750, pt 0.965/0.947);
    # the session's start extractor on it: 0.957 / 0.905 (the same)
    "blind13": ("0.957", "0.905"),  # the exact first figures, 0.9572 and 0.905, floored
    # Held back through session eight (nobody opened them) and first measured on its final extractor (b886824):
    # blind14 casualty 0.942, ceasefire 0.840 (de 0.947/0.667, en 0.943/0.889, es 0.960/0.824, fr 0.923/1.000,
    # pt 0.939/0.762); the session's start extractor (8090bf9) on it, for comparison: 0.936 / 0.828
    "blind14": ("0.942", "0.840"),  # the exact first figures, 0.9422 and 0.840, floored
    # blind15: 0.950 / 0.930 (de 0.935/0.966, en 0.901/0.800, es 0.970/0.933, fr 0.972/0.917, pt 0.970/1.000);
    # the session's start extractor on it: 0.946 / 0.913
    "blind15": ("0.949", "0.930"),  # the exact first figures, 0.9496 and 0.930, floored
    # Held back through session nine (written blind, gold reviewed by a second annotator, nobody opened
    # them otherwise) and first measured on its final extractor (c88741c): blind16 casualty 0.973,
    # ceasefire 0.864 (de 1.000/0.875, en 1.000/0.880, es 0.960/0.667, fr 0.947/0.917, pt 0.950/0.857);
    # the session's start extractor (22b50f0) on it, for comparison: 0.965 / 0.851
    "blind16": ("0.973", "0.863"),  # the exact first figures, 0.9735 and 0.8636, floored
    # blind17: 0.948 / 0.830 (de 0.969/0.615, en 0.935/0.833, es 0.947/0.842, fr 0.952/0.875, pt 0.939/0.909);
    # the session's start extractor on it: 0.942 / 0.830
    "blind17": ("0.948", "0.829"),  # the exact first figures, 0.948 and 0.8298, floored
    # Held back through session ten (written blind after reading real outlets' prose, gold reviewed by a
    # second annotator, nobody opened them otherwise) and first measured on its final extractor (252db50):
    # blind18 casualty 0.961, ceasefire 0.881 (de 0.933/0.824, en 0.967/0.889, es 1.000/0.941,
    # fr 0.933/0.800, pt 0.970/0.941); the session's start extractor (4423209) gave the same output
    "blind18": ("0.961", "0.880"),  # the exact first figures, 222/231 = 0.9610 and 0.8809, floored
    # blind19: 0.967 / 0.824 (de 0.985/0.857, en 0.944/0.800, es 0.952/0.875, fr 1.000/0.700, pt 0.958/0.900);
    # the session's start extractor on it: 0.970 / 0.812
    "blind19": ("0.966", "0.823"),  # the exact first figures, 320/331 = 0.9668 and 0.8239, floored
}

# `sitmon extract --jsonl`, run as `python -m services.cli` from this checkout: the `sitmon` on PATH may be
# an editable install of another clone, and the score must be of the code under test.
EXTRACTOR = [sys.executable, "-m", "services.cli", "extract", "--jsonl"]


def score(gold: Path, casualty_floor: str, ceasefire_floor: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    thresholds = ["--min-f1", casualty_floor, "--min-ceasefire-f1", ceasefire_floor]
    return subprocess.run(
        [sys.executable, str(SCORER), str(gold), *thresholds, "--", *EXTRACTOR],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=environment,
        timeout=300,
    )


def gold_sets() -> list[Path]:
    return [DEV_SET, *ARTICLES]


@pytest.mark.parametrize("gold", gold_sets(), ids=lambda path: path.stem)
def test_every_gold_set_holds_its_gate(gold: Path) -> None:
    if gold.stem not in GATES:
        pytest.skip(f"{gold.name}: no first measurement recorded in GATES yet — measure it once, then record it")
    casualty_floor, ceasefire_floor = GATES[gold.stem]
    run = score(gold, casualty_floor, ceasefire_floor)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "missing outputs 0" in run.stdout


def test_the_scorer_fails_an_extractor_that_finds_nothing(tmp_path: Path) -> None:
    """The gate can fail: an extractor that prints empty results falls short on the dev set."""
    silent = tmp_path / "silent.py"
    silent.write_text(
        "import json, sys\n"
        "for line in sys.stdin:\n"
        "    print(json.dumps({'id': json.loads(line)['id'], 'casualties': [], 'ceasefire': []}))\n",
        encoding="utf-8",
    )
    run = subprocess.run(
        [sys.executable, str(SCORER), str(DEV_SET), "--min-f1", "0.5", "--", sys.executable, str(silent)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 1
    assert "falls short" in run.stdout


def test_there_are_enough_hand_written_articles_in_every_language() -> None:
    languages = [json.loads(line)["language"] for path in ARTICLES for line in path.read_text("utf-8").splitlines()]
    assert len(languages) >= 25
    assert {"en", "pt", "es", "fr", "de"} <= set(languages)
