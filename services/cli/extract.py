"""`sitmon extract [FILE|-] [--jsonl]`: extraction only, no Kafka (contract: tests/eval/EXTRACTION.md).

With --jsonl each input line is an article `{"id", "text", "title"?, "published_at"?,
"language"?}` and each output line is `{"id", **extraction}` in input order. A bad line
(invalid JSON, no text) is reported on stderr with its line number, and an
`{"id": …, "error": …}` line keeps the output aligned with the input; the rest carries on.
The exit status is 2 only when no line could be read at all: one bad line in a batch must
not make a pipeline (or the scorer) throw away every good article. An article on which a stage
of extraction fails gets `{"id": …, "error": …, "stage": …}` and a line on stderr, never
an empty result that would pass for "nothing found". Without --jsonl the whole input is one
plain-text article and one object is printed.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Annotated, Any

import typer

from services.errors import BadInput, SitmonError
from services.extraction.errors import StageFailed
from services.extraction.extractor import extract
from services.extraction.text.language import is_supported
from streams.events import Extraction


class BadLine(ValueError):
    """One JSONL line that is not an article; the message says what is wrong with it."""


def extract_command(
    source: Annotated[str, typer.Argument(help="a file, or - for standard input")] = "-",
    jsonl: Annotated[bool, typer.Option("--jsonl", help="one JSON article per line (id, text, …)")] = False,
) -> None:
    """Print the casualty figures, ceasefire statements and region of articles, as JSON."""
    handle = _open(source)
    try:
        if jsonl:
            tally = run_jsonl(handle, sys.stdout, sys.stderr)
            if tally.bad and not tally.good:
                raise typer.Exit(2)  # nothing could be read: the input is wrong, not a line of it
        else:
            text = handle.read()
            try:
                extraction = extract(text)
            except StageFailed as exc:
                raise SitmonError(f"{source}: {exc}") from None
            sys.stdout.write(json.dumps(printed(_plain_id(source), extraction)) + "\n")
    finally:
        if handle is not sys.stdin:
            handle.close()


@dataclass
class Tally:
    good: int = 0
    bad: int = 0
    failed: int = 0  # read, but a stage of extraction failed on it


def run_jsonl(lines: Iterable[str], out: IO[str], err: IO[str]) -> Tally:
    """Extract every article of a JSONL stream; counts the good and the bad lines."""
    tally = Tally()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            article = parse_line(line)
        except BadLine as exc:
            tally.bad += 1
            err.write(f"sitmon: line {number}: {exc}\n")
            out.write(json.dumps({"id": _salvage_id(line), "error": str(exc)}) + "\n")
            continue
        tally.good += 1
        try:
            extraction = extract(
                article["text"],
                title=article.get("title"),
                language=article.get("language"),
                published_at=article.get("published_at"),
            )
        except StageFailed as exc:  # the article's facts are unknown: say so, keep the output aligned
            tally.failed += 1
            err.write(f"sitmon: line {number}: {exc}\n")
            out.write(json.dumps({"id": article["id"], "error": str(exc), "stage": exc.stage}) + "\n")
            continue
        out.write(json.dumps(printed(article["id"], extraction), ensure_ascii=False) + "\n")
    out.flush()
    return tally


def printed(article_id: object, extraction: Extraction) -> dict[str, Any]:
    """The output object: the id, the extraction, and whether its language has a lexicon."""
    return {"id": article_id, **extraction.model_dump(mode="json"), "supported": is_supported(extraction.language)}


def parse_line(line: str) -> dict[str, Any]:
    """A JSONL line as an article, or BadLine saying what is wrong."""
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as exc:
        raise BadLine(f"not valid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(raw, dict):
        raise BadLine(f"expected a JSON object, got {type(raw).__name__}")
    text = raw.get("text")
    if not isinstance(text, str):
        raise BadLine('missing "text" (a string)')  # an empty text is an article with nothing in it, not an error
    article: dict[str, Any] = {"id": raw.get("id"), "text": text}
    for key in ("title", "language"):
        value = raw.get(key)
        article[key] = value if isinstance(value, str) else None
    article["published_at"] = _parse_time(raw.get("published_at"))
    return article


def _parse_time(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None  # a bad timestamp only loses date reasoning, not the article
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _salvage_id(line: str) -> object:
    try:
        raw = json.loads(line)
    except json.JSONDecodeError:
        return None
    return raw.get("id") if isinstance(raw, dict) else None


def _open(source: str) -> IO[str]:
    if source == "-":
        return sys.stdin
    path = Path(source)
    if not path.is_file():
        raise BadInput(f"{source}: no such file (give a text or JSONL file, or - for standard input)")
    return path.open(encoding="utf-8", errors="replace")


def _plain_id(source: str) -> str:
    return "stdin" if source == "-" else Path(source).stem


def register(app: typer.Typer) -> None:
    app.command("extract")(extract_command)
