"""Extraction speed in instructions, not seconds: the extractor against the `\\w+` tokenizer.

On a machine shared with other work the CPU-time ratio of `bench_extract.py` swings by a third
from run to run (the tokenizer's own time did: 0.064-0.150 s on the same text), more than most
speed steps gain. Valgrind's callgrind counts the instructions a pass executes, which load does
not change: the same code on the same articles gives nearly the same count run after run.

Each figure is one child process under callgrind with collection switched off, that warms the
extractor up (imports, compiled patterns, caches) on the articles and then runs the measured pass
inside `functools.reduce`; `--toggle-collect=functools_reduce` counts only what runs inside that
call. The articles are every `--step`th of bench_extract's corpus (one copy, no repetition).

    python tests/benchmarks/bench_extract_instructions.py [--step 5] [--tree OTHER_CHECKOUT]

`--tree` measures another checkout's code on this checkout's articles, in the same run (e.g. the
session-start code in a detached worktree), so two versions are compared on the same text.
Instructions are not time: the tokenizer's tight C loop runs more instructions per cycle than
the reader's Python, so CPU-time ratios run about twice the instruction ratios.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
_COLLECTED = re.compile(r"Collected : (\d+)")


def _child(step: int, what: str, articles_from: Path) -> None:
    """Inside valgrind: warm up, then the measured pass inside functools.reduce."""
    sys.path.insert(0, str(Path.cwd()))  # the code measured: the checkout the child runs in
    from services.extraction.extractor import extract

    sys.path.insert(0, str(articles_from))
    from tests.benchmarks.bench_extract import corpus_articles

    articles = corpus_articles()[::step]
    text = "".join(article["text"] for article in articles)
    for article in articles:
        extract(article["text"], language=article.get("language"))
    re.findall(r"\w+", text[:1000])
    if what == "extract":
        functools.reduce(lambda _, a: extract(a["text"], language=a.get("language")), articles, None)
    else:
        functools.reduce(lambda _, t: re.findall(r"\w+", t), [text], None)


def instructions(tree: Path, step: int, what: str) -> int:
    """Instructions of one measured pass (`what`: "extract" or "tokenizer") of `tree`'s code."""
    command = [
        "valgrind", "--tool=callgrind", "--collect-atstart=no", "--toggle-collect=functools_reduce",
        "--callgrind-out-file=/dev/null", sys.executable, str(Path(__file__).resolve()),
        "--child", what, "--step", str(step),
    ]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(tree), "PYTHONHASHSEED": "0"}
    run = subprocess.run(command, cwd=tree, env=env, capture_output=True, text=True, check=False)
    found = _COLLECTED.search(run.stderr)
    if run.returncode or found is None:  # the child's own traceback says why (a syntax error mid-edit, …)
        raise SystemExit(f"the {what} pass of {tree} under callgrind failed (exit {run.returncode}):\n{run.stderr[-2000:]}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--step", type=int, default=5, help="measure every STEP-th article of the corpus")
    parser.add_argument("--tree", type=Path, action="append", default=[], help="another checkout to measure too")
    parser.add_argument("--child", choices=("extract", "tokenizer"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.step, args.child, REPO)
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    tokenizer = instructions(REPO, args.step, "tokenizer")
    rows = {"tokenizer": tokenizer}
    for tree in [REPO, *args.tree]:
        rows[str(tree)] = instructions(tree.resolve(), args.step, "extract")
    for name, count in rows.items():
        print(f"{name:<40} {count / 1e6:9.1f} M instructions   {count / tokenizer:6.2f}x the tokenizer")
    print(json.dumps({name: count for name, count in rows.items()}))


if __name__ == "__main__":
    main()
