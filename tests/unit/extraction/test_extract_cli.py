"""`sitmon extract`: JSONL in, one JSON object a line out, bad lines reported and skipped."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from services.cli.extract import parse_line, run_jsonl
from services.cli.main import app
from services.extraction import extractor

ARTICLE = {"id": "a1", "text": "Officials said 12 people were killed and 30 wounded.", "language": "en"}


def test_jsonl_prints_one_object_per_article_in_input_order() -> None:
    lines = [json.dumps(ARTICLE), json.dumps({"id": "a2", "text": "Calm returned to the city."})]
    out, err = io.StringIO(), io.StringIO()
    assert run_jsonl(lines, out, err).bad == 0
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [row["id"] for row in rows] == ["a1", "a2"]
    assert [(c["outcome"], c["count"]) for c in rows[0]["casualties"]] == [("killed", 12), ("injured", 30)]
    assert rows[1]["casualties"] == [] and "region" in rows[1] and "ceasefire" in rows[1]
    assert err.getvalue() == ""


def test_bad_lines_are_named_on_stderr_and_the_rest_carries_on() -> None:
    lines = ["{not json", json.dumps({"id": "x", "title": "no text"}), "[1, 2]", json.dumps(ARTICLE), "   "]
    out, err = io.StringIO(), io.StringIO()
    tally = run_jsonl(lines, out, err)
    assert (tally.good, tally.bad) == (1, 3)
    messages = err.getvalue().splitlines()
    assert [m.split(":")[1].strip() for m in messages] == ["line 1", "line 2", "line 3"]
    assert "not valid JSON" in messages[0] and 'missing "text"' in messages[1] and "JSON object" in messages[2]
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [row.get("id") for row in rows] == [None, "x", None, "a1"]
    assert "error" in rows[1] and rows[3]["casualties"]


def test_optional_fields_are_checked_not_trusted() -> None:
    article = parse_line(json.dumps({"id": 7, "text": "x", "language": 12, "published_at": "yesterday"}))
    assert article["language"] is None and article["published_at"] is None
    dated = parse_line(json.dumps({"id": 7, "text": "x", "published_at": "2023-09-20T18:00:00Z"}))
    assert dated["published_at"].year == 2023


def test_command_reads_stdin_jsonl_and_exits_2_only_when_nothing_could_be_read() -> None:
    runner = CliRunner()
    good = runner.invoke(app, ["extract", "--jsonl"], input=json.dumps(ARTICLE) + "\n")
    assert good.exit_code == 0
    assert json.loads(good.stdout)["id"] == "a1"
    mixed = runner.invoke(app, ["extract", "--jsonl"], input="{oops\n" + json.dumps(ARTICLE) + "\n")
    assert mixed.exit_code == 0
    assert [json.loads(line)["id"] for line in mixed.stdout.splitlines() if line.startswith("{")] == [None, "a1"]
    hopeless = runner.invoke(app, ["extract", "--jsonl"], input="{oops\nnot json either\n")
    assert hopeless.exit_code == 2


def test_plain_text_file_gives_one_object(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Armenian authorities said 32 people were killed.", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(path)])
    assert result.exit_code == 0
    row = json.loads(result.stdout)
    assert row["id"] == "story" and row["casualties"][0]["count"] == 32


def test_a_missing_file_is_bad_input() -> None:
    result = CliRunner().invoke(app, ["extract", "/nonexistent/story.txt"])
    assert result.exit_code != 0


def test_an_empty_text_is_an_article_with_nothing_in_it() -> None:
    out, err = io.StringIO(), io.StringIO()
    assert run_jsonl([json.dumps({"id": "e", "text": ""})], out, err).bad == 0
    assert json.loads(out.getvalue())["casualties"] == []


def test_a_failing_stage_is_an_error_line_for_that_article_and_the_rest_carries_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = extractor.find_ceasefire

    def fragile(sentences: object, language: str, article: object = None) -> object:
        if any("truce" in sentence.text for sentence in sentences):  # type: ignore[attr-defined]
            raise ValueError("cannot read this")
        return real(sentences, language, article)  # type: ignore[arg-type]

    monkeypatch.setattr(extractor, "find_ceasefire", fragile)
    lines = [json.dumps({"id": "t", "text": "The truce held."}), json.dumps(ARTICLE)]
    out, err = io.StringIO(), io.StringIO()
    tally = run_jsonl(lines, out, err)
    assert (tally.good, tally.bad, tally.failed) == (2, 0, 1)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert rows[0] == {
        "id": "t",
        "stage": "ceasefire",
        "error": "extraction stage 'ceasefire' failed: ValueError: cannot read this",
    }
    assert "casualties" not in rows[0]  # unknown, not an empty list that reads as "nothing found"
    assert rows[1]["id"] == "a1" and rows[1]["casualties"]
    assert err.getvalue() == "sitmon: line 1: extraction stage 'ceasefire' failed: ValueError: cannot read this\n"


def test_an_article_in_a_language_without_a_lexicon_gives_nothing_and_says_so() -> None:
    italian = (
        "Almeno dodici persone sono morte e altre trenta sono rimaste ferite in un attacco aereo contro il mercato "
        "della città, secondo quanto riferito dalle autorità locali. Il cessate il fuoco è stato violato più volte."
    )
    lines = [
        json.dumps({"id": "it-hint", "text": "12 people were killed and 30 injured.", "language": "it"}),
        json.dumps({"id": "it-detected", "text": italian}),
        json.dumps({"id": "de", "text": "Mindestens 12 Menschen wurden getötet.", "language": "de"}),
    ]
    out, err = io.StringIO(), io.StringIO()
    run_jsonl(lines, out, err)
    rows = {row["id"]: row for row in map(json.loads, out.getvalue().splitlines())}
    for name in ("it-hint", "it-detected"):
        assert (rows[name]["language"], rows[name]["supported"]) == ("it", False)
        assert rows[name]["casualties"] == [] and rows[name]["ceasefire"] == []
    assert rows["de"]["supported"] is True
    assert [(c["outcome"], c["count"]) for c in rows["de"]["casualties"]] == [("killed", 12)]
