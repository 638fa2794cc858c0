"""Small CLI promises: a version, the topic catalogue as JSON for scripts."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from services.cli.main import app, installed_version
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
