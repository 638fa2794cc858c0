"""Extraction speed: articles/s and MB/s of text per core, against a tokenizer baseline.

Corpus: the seed articles, the dev set (tests/eval) and tests/articles,
repeated to a few megabytes. Baseline, same text, same run: one pass of a plain regex
tokenizer, `re.findall(r"\\w+", text)`. Target: extraction within 15x the baseline's time (issue 10).

Also measured:
- `sitmon extract --jsonl` end to end, as a child process (CPU time of the child, so the
  interpreter start-up is included and visible);
- linearity: one article of N and 2N characters (real prose, and a sentence-free worst
  case); the CPU ratio should stay near 2.

    python tests/benchmarks/bench_extract.py [--megabytes 4]
"""

from __future__ import annotations

import argparse
import bisect
import json
import logging
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import structlog

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from services.extraction.extractor import extract  # noqa: E402

DEV_SET = REPO / "tests" / "eval" / "extraction-dev.jsonl"


def corpus_articles() -> list[dict[str, str]]:
    """The seed, dev and hand-written articles, each as {"id", "text", "language"?}."""
    articles: list[dict[str, str]] = []
    for path in sorted((REPO / "seeds" / "articles").glob("*")):
        if path.suffix == ".jsonl":
            articles += [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
        elif path.suffix in {".md", ".txt"}:
            articles.append({"id": path.stem, "text": path.read_text("utf-8")})
    for path in [DEV_SET, *sorted((REPO / "tests" / "articles").glob("*.jsonl"))]:
        if path.is_file():
            articles += [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    return [
        {key: str(article[key]) for key in ("id", "text", "language") if article.get(key)}
        for article in articles
        if isinstance(article.get("text"), str)
    ]


def repeated(articles: list[dict[str, str]], megabytes: float) -> list[dict[str, str]]:
    size = sum(len(a["text"].encode()) for a in articles)
    copies = max(1, round(megabytes * 1_000_000 / size))
    return [{**a, "id": f"{a['id']}#{n}"} for n in range(copies) for a in articles]


def cpu(run: object) -> float:
    started = time.process_time()
    run()  # type: ignore[operator]
    return time.process_time() - started


def in_process(articles: list[dict[str, str]]) -> None:
    text = "".join(a["text"] for a in articles)
    megabytes = len(text.encode()) / 1e6
    baseline = min(cpu(lambda: re.findall(r"\w+", text)) for _ in range(3))
    extraction = cpu(lambda: [extract(a["text"], language=a.get("language")) for a in articles])
    with_detection = cpu(lambda: [extract(a["text"]) for a in articles[: len(articles) // 4]]) * 4
    print(f"corpus              {len(articles)} articles, {megabytes:.2f} MB")
    print(f"baseline tokenizer  {baseline:.3f} s CPU   {megabytes / baseline:7.1f} MB/s")
    print(
        f"extract (in-proc)   {extraction:.3f} s CPU   {megabytes / extraction:7.1f} MB/s per core   "
        f"{len(articles) / extraction:8.0f} articles/s   ratio {extraction / baseline:.2f}x baseline"
    )
    print(f"  with language detection    {megabytes / with_detection:7.1f} MB/s per core")
    verdict = "within" if extraction <= 15 * baseline else "OVER"
    print(f"target: within 15x of the baseline's time -> {verdict} ({extraction / baseline:.2f}x)")
    stages(articles, baseline)


def stages(articles: list[dict[str, str]], baseline: float) -> None:
    """Where the time goes: each stage alone over the same corpus, as a multiple of the baseline."""
    from services.extraction.ceasefire.statements import find_ceasefire
    from services.extraction.extractor import _casualties
    from services.extraction.figures.casualties import find_casualties
    from services.extraction.figures.cues import casualty_keywords
    from services.extraction.region.resolve import resolve_region
    from services.extraction.text.folded import fold_article
    from services.extraction.text.gate import scan
    from services.extraction.text.sentences import split_sentences

    split = [(a["text"], split_sentences(a["text"]), a.get("language") or "en") for a in articles]
    folded = [fold_article(a["text"]) for a in articles]  # built once by the extractor, for both stages
    timings = {"split_sentences": cpu(lambda: [split_sentences(a["text"]) for a in articles])}
    timings["keyword gate (one pass)"] = cpu(lambda: [scan(a["text"].lower()) for a in articles])
    timings["casualties (gated sentences)"] = cpu(lambda: [_casualties(t, s, lang, None) for t, s, lang in split])
    timings["casualties (all sentences)"] = cpu(lambda: [find_casualties(s, lang) for _, s, lang in split])
    timings["fold (ceasefire and region)"] = cpu(lambda: [fold_article(a["text"]) for a in articles])
    timings["ceasefire"] = cpu(lambda: [find_ceasefire(s, lang, f) for (_, s, lang), f in zip(split, folded, strict=True)])
    timings["region"] = cpu(lambda: [resolve_region(a["text"], None, article=f) for a, f in zip(articles, folded, strict=True)])
    for name, seconds in timings.items():
        print(f"  stage {name:<28} {seconds:.3f} s CPU   {seconds / baseline:6.1f}x baseline")
    # How much the gate can spare depends on the text: in this corpus of casualty stories most
    # sentences hold a figure keyword (or follow one), so most are read.
    sentences = sum(len(s) for _, s, _ in split)
    selected = 0
    for text, found, lang in split:
        starts = [sentence.start for sentence in found]
        chosen: set[int] = set()
        for start, _, concepts in scan(text.lower()):
            if not casualty_keywords(lang).isdisjoint(concepts):
                index = bisect.bisect_right(starts, start) - 1
                chosen.update({index, index + 1} if index >= 0 else set())
        selected += len([i for i in chosen if i < len(found)])
    print(f"  the gate selects {selected} of {sentences} sentences ({selected / sentences:.0%}) for the casualty reader")


def end_to_end(articles: list[dict[str, str]]) -> None:
    """`sitmon extract --jsonl` as a child process, CPU time of the child."""
    payload = "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles)
    megabytes = len("".join(a["text"] for a in articles).encode()) / 1e6
    before = os.times()
    run = subprocess.run(
        [sys.executable, "-m", "services.cli", "extract", "--jsonl"],
        input=payload,
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        check=True,
    )
    after = os.times()
    child = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    lines = sum(1 for line in run.stdout.splitlines() if line.strip())
    print(
        f"sitmon extract      {child:.3f} s CPU   {megabytes / child:7.1f} MB/s per core   "
        f"{lines / child:8.0f} articles/s (start-up included, {lines} lines out)"
    )


def linearity(articles: list[dict[str, str]]) -> None:
    prose = "\n\n".join(a["text"] for a in articles)
    cases = {
        "real prose": prose,
        "no sentence breaks": "at least 12 people were killed and 30 wounded including 4 children " * 4000,
        "digits and commas": "1,200, 3 400, 56.789, " * 20000,
    }
    for name, unit in cases.items():
        single = unit[:500_000]
        double = single * 2
        one = min(cpu(lambda s=single: extract(s)) for _ in range(2))
        two = min(cpu(lambda d=double: extract(d)) for _ in range(2))
        print(f"linearity {name:<20} N={len(single):>8}: {one:.3f} s   2N: {two:.3f} s   ratio {two / one:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--megabytes", type=float, default=4.0, help="corpus size to build by repetition")
    args = parser.parse_args()
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.ERROR))
    base = corpus_articles()
    articles = repeated(base, args.megabytes)
    extract(base[0]["text"])  # warm the lazy imports and compiled patterns
    # The language model loads on its first use (0.8 s of CPU): load it before anything is timed,
    # or "with language detection" counts it four times over.
    import py3langid

    py3langid.classify("warm")
    in_process(articles)
    end_to_end(repeated(base, min(args.megabytes, 1.0)))
    linearity(base)


if __name__ == "__main__":
    main()
