"""`sitmon topics create|list`: the topic catalogue on the broker."""

from __future__ import annotations

import asyncio
import json
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from services.kafka.admin import create_topics
from services.settings import KafkaSettings
from streams.topics import DAY_MS, FOREVER, Catalogue, Topic, TopicSpec

console = Console(highlight=False)
topics_app = typer.Typer(help="The topic catalogue (streams/topics.py) on the broker.", no_args_is_help=True)


@topics_app.command()
def create() -> None:
    """Create every topic of the catalogue; an existing topic gets the catalogue's retention and cleanup policy."""
    settings = KafkaSettings()
    outcome = asyncio.run(create_topics(settings.kafka_bootstrap, settings.catalogue()))
    for name, what in outcome.items():
        console.print(f"{name}: {what}")


@topics_app.command("list")
def list_topics(
    as_json: Annotated[bool, typer.Option("--json", help="one JSON array of the topics, for scripts")] = False,
) -> None:
    """Show the catalogue: each topic's key, value, partitions, retention and dead-letter topic."""
    catalogue = KafkaSettings().catalogue()
    if as_json:
        typer.echo(json.dumps([topic_document(catalogue, topic) for topic in catalogue], indent=2))
        return
    table = Table("topic", "key", "value", "partitions", "cleanup", "retention", "dead letters")
    for topic in catalogue:
        spec = topic.spec
        dead = catalogue.get(spec.dead_letter).name if spec.dead_letter else "-"
        table.add_row(
            topic.name, spec.key, spec.value, str(spec.partitions), spec.cleanup_policy, _retention(spec), dead
        )
    console.print(table)


def topic_document(catalogue: Catalogue, topic: Topic) -> dict[str, object]:
    spec = topic.spec
    return {
        "name": topic.name,
        "key": spec.key,
        "value": spec.value,
        "partitions": spec.partitions,
        "cleanup_policy": spec.cleanup_policy,
        "retention_ms": spec.retention_ms if spec.cleanup_policy == "delete" else None,
        "timestamp_type": spec.timestamp_type,
        "dead_letter": catalogue.get(spec.dead_letter).name if spec.dead_letter else None,
    }


def _retention(spec: TopicSpec) -> str:
    if spec.cleanup_policy != "delete":
        return "latest per key"
    if spec.retention_ms == FOREVER:
        return "forever"
    clock = "broker time" if spec.timestamp_type == "LogAppendTime" else "record time"
    return f"{spec.retention_ms // DAY_MS} days ({clock})"


def register(app: typer.Typer) -> None:
    app.add_typer(topics_app, name="topics")
