"""`sitmon feeds add|list|show|pause|resume|remove|import`: the sources `sitmon poll` follows.

Every option is checked before the broker is contacted (a bad URL, schedule or language is
one line and exit 2); changes are events on the compacted feeds topic.
"""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from services.errors import BadInput
from services.feeds.book import publish_commands, read_book
from services.feeds.commands import FeedSpec, new_feed, read_feed_file
from services.feeds.settings import PollSettings
from services.settings import KafkaSettings
from streams import feeds
from streams.feeds import FeedBook, FeedEvent, FeedSource

console = Console(highlight=False)
feeds_app = typer.Typer(help="The feeds `sitmon poll` follows (events on the feeds topic).", no_args_is_help=True)


def _book() -> FeedBook:
    settings = KafkaSettings()
    return asyncio.run(read_book(settings.kafka_bootstrap, settings.catalogue()))


def _publish(events: list[FeedEvent]) -> None:
    settings = KafkaSettings()
    asyncio.run(publish_commands(settings.kafka_bootstrap, settings.catalogue(), events))


def _find(ref: str) -> FeedSource:
    found = _book().find(ref)
    if found is None:
        raise BadInput(f"no feed {ref!r} (give its id, name or URL; `sitmon feeds list` shows them)")
    return found


@feeds_app.command()
def add(
    url: Annotated[str, typer.Argument(help="the feed's URL: RSS, Atom or JSON Feed")],
    name: Annotated[str | None, typer.Option(help="the outlet (default: the host)")] = None,
    language: Annotated[str | None, typer.Option(help="ISO 639 code of its articles, e.g. en")] = None,
    every: Annotated[str, typer.Option(help="how often to poll: 30s … 7d")] = "5m",
) -> None:
    """Follow a feed (adding the same URL again changes it)."""
    event = new_feed(
        FeedSpec(url, name, language, every), datetime.now(UTC), allowed_networks=PollSettings().allowed_networks()
    )
    _publish([event])
    console.print(f"{event.feed.feed_id}  {event.feed.name}  every {event.feed.every_s}s")


@feeds_app.command("import")
def import_feeds(file: Annotated[Path, typer.Argument(help="a YAML list of {url, name, language, every}")]) -> None:
    """Follow every feed of a file (seeds/feeds.yaml); the whole file is checked before anything is added."""
    allowed = PollSettings().allowed_networks()
    now = datetime.now(UTC)
    events: list[FeedEvent] = []
    for number, spec in enumerate(read_feed_file(file), start=1):
        try:
            events.append(new_feed(spec, now, allowed_networks=allowed))
        except BadInput as exc:
            raise BadInput(f"{file}: feed {number}: {exc}") from None
    _publish(events)
    console.print(f"following {len(events)} feed(s) from {file}")


@feeds_app.command("list")
def list_feeds(
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines, for scripts")] = False,
) -> None:
    """Every feed with its state and the outcome of its last poll."""
    book = _book()
    if as_json:
        for source in book.sources.values():
            typer.echo(json.dumps(_document(book, source)))
        return
    table = Table("id", "name", "every", "state", "last poll", "outcome", "failures", "next poll")
    for source in book.sources.values():
        status = book.statuses.get(source.feed_id)
        table.add_row(
            source.feed_id,
            source.name,
            f"{source.every_s}s",
            source.state,
            status.polled_at.strftime("%Y-%m-%d %H:%M:%S") if status else "-",
            status.outcome if status else "-",
            str(status.failures) if status else "-",
            status.next_poll_at.strftime("%H:%M:%S") if status else "-",
        )
    console.print(table)


@feeds_app.command()
def show(ref: Annotated[str, typer.Argument(help="the feed's id, name or URL")]) -> None:
    """One feed, its status and the reason of its last outcome, as JSON."""
    book = _book()
    found = book.find(ref)
    if found is None:
        raise BadInput(f"no feed {ref!r} (give its id, name or URL; `sitmon feeds list` shows them)")
    typer.echo(json.dumps(_document(book, found), indent=2))


@feeds_app.command()
def pause(ref: Annotated[str, typer.Argument(help="the feed's id, name or URL")]) -> None:
    """Stop polling a feed (its status is kept)."""
    _publish([feeds.pause(_find(ref), datetime.now(UTC))])
    console.print(f"paused {ref}")


@feeds_app.command()
def resume(ref: Annotated[str, typer.Argument(help="the feed's id, name or URL")]) -> None:
    """Poll a paused feed again."""
    _publish([feeds.resume(_find(ref), datetime.now(UTC))])
    console.print(f"resumed {ref}")


@feeds_app.command()
def remove(ref: Annotated[str, typer.Argument(help="the feed's id, name or URL")]) -> None:
    """Stop following a feed and forget its status (its articles stay on the log)."""
    _publish([feeds.remove(_find(ref), datetime.now(UTC))])
    console.print(f"removed {ref}")


def _document(book: FeedBook, source: FeedSource) -> dict[str, object]:
    status = book.statuses.get(source.feed_id)
    document: dict[str, object] = source.model_dump(mode="json")
    document["status"] = status.model_dump(mode="json", exclude={"items"}) if status else None
    return document


def register(app: typer.Typer) -> None:
    app.add_typer(feeds_app, name="feeds")
