"""`sitmon feeds …` on a real broker, as a user would type it (in-process through Typer)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from services.cli.main import app
from streams.topics import Catalogue

pytestmark = pytest.mark.integration


def test_feeds_import_list_show_pause_resume_remove(catalogue: Catalogue, bootstrap: str, tmp_path: Path) -> None:
    env = {
        "SITMON_KAFKA_BOOTSTRAP": bootstrap,
        "SITMON_TOPIC_PREFIX": catalogue.prefix,
        "SITMON_FETCH_ALLOWED_NETWORKS": "127.0.0.0/8",
    }
    runner = CliRunner()

    def sitmon(*args: str) -> str:
        result = runner.invoke(app, list(args), env=env)
        assert result.exit_code == 0, (result.output, result.exception)
        return result.output

    listing = tmp_path / "feeds.yaml"
    listing.write_text(
        "- {url: 'http://127.0.0.1:9/a.xml', name: Alpha, language: en, every: 10m}\n"
        "- {url: 'http://127.0.0.1:9/b.json', name: Beta}\n"
    )
    assert "following 2 feed(s)" in sitmon("feeds", "import", str(listing))
    sitmon("feeds", "add", "http://127.0.0.1:9/c.atom", "--name", "Gamma", "--every", "1h")
    feeds = [json.loads(line) for line in sitmon("feeds", "list", "--json").splitlines()]
    assert {(f["name"], f["every_s"], f["state"]) for f in feeds} == {
        ("Alpha", 600, "active"),
        ("Beta", 300, "active"),
        ("Gamma", 3600, "active"),
    }
    sitmon("feeds", "pause", "Beta")
    assert json.loads(sitmon("feeds", "show", "Beta"))["state"] == "paused"
    sitmon("feeds", "resume", "http://127.0.0.1:9/b.json")  # by URL too
    assert json.loads(sitmon("feeds", "show", "Beta"))["state"] == "active"
    sitmon("feeds", "remove", "Alpha")
    names = [json.loads(line)["name"] for line in sitmon("feeds", "list", "--json").splitlines()]
    assert sorted(names) == ["Beta", "Gamma"]
    missing = runner.invoke(app, ["feeds", "show", "Alpha"], env=env)
    assert "no feed 'Alpha'" in str(missing.exception)
