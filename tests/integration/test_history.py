"""`sitmon history` over the seed story, refolded from the real reports log, and its plots."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PIL import Image

from streams.topics import Catalogue

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]


def sitmon(catalogue: Catalogue, bootstrap: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SITMON_KAFKA_BOOTSTRAP": bootstrap, "SITMON_TOPIC_PREFIX": catalogue.prefix}
    return subprocess.run(
        [sys.executable, "-m", "services.cli", *args], capture_output=True, text=True, env=env, timeout=180, check=False
    )


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)


def test_history_of_the_seed_story_and_its_plots(catalogue: Catalogue, bootstrap: str, tmp_path: Path) -> None:
    ingested = sitmon(catalogue, bootstrap, "ingest", str(REPO / "seeds" / "articles"))
    assert ingested.returncode == 0, ingested.stderr
    png, page = tmp_path / "karabakh.png", tmp_path / "karabakh.html"
    done = sitmon(catalogue, bootstrap, "history", "nagorno-karabakh", "--format", "jsonl", "--plot", str(png))
    assert done.returncode == 0, done.stderr
    points = [json.loads(line) for line in done.stdout.splitlines()]
    last_of_day: dict[str, dict[str, object]] = {}
    for p in points:
        last_of_day[str(p["time"])[:10]] = p
    assert last_of_day["2023-09-20"]["killed_best"] == 32
    assert last_of_day["2023-09-21"]["killed_best"] == 200
    statuses = [p["ceasefire"] for p in points]
    assert "agreed" in statuses and "violated" in statuses
    assert statuses.index("agreed") < statuses.index("violated")
    with Image.open(png) as image:
        image.verify()  # a valid PNG, not just a file with the right name
        assert image.format == "PNG"

    daily = sitmon(
        catalogue,
        bootstrap,
        "history",
        "nagorno-karabakh",
        "--every",
        "1d",
        "--since",
        "2023-09-21",
        "--until",
        "2023-09-22",
        "--format",
        "csv",
        "--plot",
        str(page),
    )
    assert daily.returncode == 0, daily.stderr
    lines = daily.stdout.splitlines()
    assert lines[0].startswith("time,region,sequence,killed_low,killed_best")
    assert [line.split(",")[0] for line in lines[1:]] == ["2023-09-21T00:00:00+00:00", "2023-09-22T00:00:00+00:00"]
    assert [line.split(",")[4] for line in lines[1:]] == ["32", "200"]  # as of each midnight
    parser = Tags()
    parser.feed(page.read_text(encoding="utf-8"))
    assert {"html", "svg", "table"} <= set(parser.tags)


def test_bad_history_options_are_one_line_and_exit_2(catalogue: Catalogue, bootstrap: str, tmp_path: Path) -> None:
    for args in (
        ["nagorno-karabakh", "--every", "soon"],
        ["nagorno-karabakh", "--plot", str(tmp_path / "x.gif")],
        ["atlantis"],
    ):
        done = sitmon(catalogue, bootstrap, "history", *args)
        assert done.returncode == 2, (args, done.stderr)
        assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
