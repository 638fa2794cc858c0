"""The extractor's output over every gold and blind set, kept as a snapshot to compare against.

Speed work on the extractor must not change what it extracts. `snapshots/<set>.jsonl` holds,
for each article of a set, the line `sitmon extract --jsonl` prints for it — once as given
(with its language, title and publication time) and once as a bare text whose language must
be detected — so any change in output, however small, shows up as a differing line.

A change of output made on purpose (a quality fix) regenerates the snapshot in the same commit:

    python -m tests.unit.extraction.output_snapshot
"""

from __future__ import annotations

import io
import json
from pathlib import Path

from services.cli.extract import run_jsonl

REPO = Path(__file__).resolve().parents[3]
SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"


def gold_sets() -> list[Path]:
    """Every set the scorer grades: the development set and each file of tests/articles."""
    return [REPO / "tests" / "eval" / "extraction-dev.jsonl", *sorted((REPO / "tests" / "articles").glob("*.jsonl"))]


def snapshot_path(gold: Path) -> Path:
    return SNAPSHOTS / gold.name


def current_output(gold: Path) -> list[str]:
    """The lines `sitmon extract --jsonl` prints for the set: each article as given, then bare."""
    articles = [json.loads(line) for line in gold.read_text("utf-8").splitlines() if line.strip()]
    given = [
        {key: article[key] for key in ("id", "text", "title", "language", "published_at") if key in article}
        for article in articles
    ]
    bare = [{"id": f"{article['id']}/detected", "text": article["text"]} for article in articles]
    out, err = io.StringIO(), io.StringIO()
    run_jsonl((json.dumps(article, ensure_ascii=False) for article in given + bare), out, err)
    return out.getvalue().splitlines()


def write_all() -> None:
    SNAPSHOTS.mkdir(exist_ok=True)
    for gold in gold_sets():
        lines = current_output(gold)
        snapshot_path(gold).write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        print(f"{snapshot_path(gold).relative_to(REPO)}: {len(lines)} lines")


if __name__ == "__main__":
    write_all()
