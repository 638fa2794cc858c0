"""The extractor's output over every gold and blind set equals its stored snapshot, line by line.

The snapshot (tests/unit/extraction/snapshots/) was taken before the speed work on the
extractor began; speed work must leave it untouched. A quality fix that changes output on
purpose regenerates it in the same commit (`python -m tests.unit.extraction.output_snapshot`),
so the diff of the snapshot shows exactly what the fix changed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.unit.extraction.output_snapshot import current_output, gold_sets, snapshot_path


@pytest.mark.parametrize("gold", gold_sets(), ids=lambda path: path.stem)
def test_output_over_the_set_equals_its_snapshot(gold: Path) -> None:
    stored = snapshot_path(gold)
    if not stored.is_file():
        pytest.skip(f"{gold.name}: no snapshot yet — run `python -m tests.unit.extraction.output_snapshot`")
    expected = stored.read_text("utf-8").splitlines()
    actual = current_output(gold)
    assert len(actual) == len(expected), f"{gold.name}: {len(actual)} output lines, the snapshot has {len(expected)}"
    changed = [
        f"{json.loads(old)['id']}:\n  was {old}\n  now {new}"
        for old, new in zip(expected, actual, strict=True)
        if old != new
    ]
    assert not changed, f"{gold.name}: {len(changed)} articles' output changed\n" + "\n".join(changed[:3])


def test_the_comparison_sees_a_changed_figure(tmp_path: Path) -> None:
    """The snapshot test can fail: one article whose toll differs gives a differing line."""
    gold = gold_sets()[0]
    first = json.loads(gold.read_text("utf-8").splitlines()[0])
    article = {"id": first["id"], "language": "en", "text": "At least 12 people were killed, police said."}
    changed = {**article, "text": "At least 13 people were killed, police said."}
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    one.write_text(json.dumps(article) + "\n", encoding="utf-8")
    two.write_text(json.dumps(changed) + "\n", encoding="utf-8")
    assert current_output(one) != current_output(two)
