"""Small CLI promises: a version, the topic catalogue as JSON for scripts."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from services.cli.main import app, installed_version
from services.errors import BadInput
from streams.topics import Catalogue


def test_version_prints_the_installed_version() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"sitmon {installed_version()}"


def test_topics_list_json_is_the_catalogue() -> None:
    result = CliRunner().invoke(app, ["topics", "list", "--json"], env={"SITMON_TOPIC_PREFIX": "t1."})
    assert result.exit_code == 0, result.output
    topics = json.loads(result.output)
    assert [t["name"] for t in topics] == [t.name for t in Catalogue("t1.")]
    articles = next(t for t in topics if t["name"] == "t1.sitmon.articles")
    assert articles["dead_letter"] == "t1.sitmon.dlq" and articles["partitions"] == 4


UNREACHABLE = {"SITMON_KAFKA_BOOTSTRAP": "127.0.0.1:1", "SITMON_FETCH_ALLOWED_NETWORKS": ""}


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["subscribe", "https://nowhere.invalid/hook", "--min-level", "purple"], "--min-level 'purple'"),
        (["subscribe", "https://nowhere.invalid/hook", "--kind", "weather"], "--kind 'weather'"),
        (["feeds", "add", "https://nowhere.invalid/rss", "--every", "5years"], "--every '5years'"),
        (["feeds", "add", "https://nowhere.invalid/rss", "--language", "english"], "--language 'english'"),
        # replay and history check --format/--output/--since/--until the same way, through one helper
        *(
            case
            for command in (["replay", "reports"], ["history", "nagorno-karabakh"])
            for case in (
                ([*command, "--format", "xlsx"], "--format 'xlsx'"),
                ([*command, "--format", "parquet"], "--format parquet writes a file"),
                ([*command, "-o", "/nonexistent-sitmon-dir/out.csv"], "--output /nonexistent-sitmon-dir/out.csv"),
                ([*command, "--since", "2026-12-07", "--until", "2026-12-06"], "--until is before --since"),
                ([*command, "--since", "yesterday"], "--since 'yesterday'"),
            )
        ),
    ],
)
def test_a_bad_option_is_named_before_any_network_call(args: list[str], named: str) -> None:
    # the host does not resolve and no broker answers: only the option may be what is reported
    result = CliRunner().invoke(app, args, env=UNREACHABLE)
    assert isinstance(result.exception, BadInput), result.output  # the CLI's entry point: one line, exit 2
    assert str(result.exception).startswith(named)


@pytest.mark.parametrize("args", [["feeds", "list"], ["topics", "create"]])
def test_with_the_broker_down_the_error_is_one_line(args: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "services.cli", *args],
        env={**os.environ, **UNREACHABLE},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [done.stderr.strip()], done.stderr  # aiokafka's own log stays out
    assert done.stderr.startswith("sitmon: cannot reach Kafka at 127.0.0.1:1")
