"""`sitmon situation [REGION] [--json] [--as-of TIME]`: a region's casualty and ceasefire picture.

Without --as-of: the worker's current picture from its tables (its web view at --worker,
SITMON_WORKER_URL), else the latest record per region on the situation topic (what the worker
last published) — the same answer. With --as-of: the reports log folded up to that event time by the same pure fold.
The JSON is a stable interface: one object for a region, an array when no region is given.
"""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from services.errors import BadInput, SitmonError
from services.settings import KafkaSettings
from services.situation_query.query import as_of, current
from streams.situation import SituationChanged, Tally

console = Console(highlight=False)


def parse_moment(text: str) -> datetime:
    """ISO 8601 (`2023-09-21T12:00:00Z`, `2023-09-21`); a time without a zone is UTC."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise BadInput(f"--as-of {text!r}: expected an ISO 8601 time such as 2023-09-21T12:00:00Z") from None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def as_json(picture: SituationChanged) -> dict[str, Any]:
    return picture.model_dump(mode="json", exclude={"type", "schema_version"})


def _cell(tally: Tally | None) -> str:
    if tally is None or tally.high == 0:
        return "–"
    spread = f" ({tally.low}–{tally.high})" if tally.low != tally.high else ""
    return f"{tally.best}{spread}" + (" ⚠" if tally.disputed else "")


def render(picture: SituationChanged) -> Table:
    ceasefire = picture.ceasefire
    since = f" since {ceasefire.since:%Y-%m-%d %H:%M}Z" if ceasefire.since else ""
    table = Table(
        title=f"{picture.region} as of {picture.as_of:%Y-%m-%d %H:%M}Z",
        caption=f"ceasefire: {ceasefire.status}{since}"
        + (f" · parties {', '.join(ceasefire.parties)}" if ceasefire.parties else "")
        + (f" · mediators {', '.join(ceasefire.mediators)}" if ceasefire.mediators else "")
        + "\nbest (low–high); ⚠ sources differ by more than 1.5×",
        caption_justify="left",
    )
    for column in ("outcome", "group", "24 h", "7 days", "all", "sources", "incidents"):
        table.add_column(column, justify="right" if column not in ("outcome", "group") else "left")
    rows: dict[tuple[str, str | None], dict[str, Tally]] = {}
    for tally in picture.casualties:
        rows.setdefault((tally.outcome, tally.group), {})[tally.window] = tally
    for (outcome, group), windows in rows.items():
        everything = windows.get("all")
        table.add_row(
            outcome,
            group or "everyone",
            _cell(windows.get("24h")),
            _cell(windows.get("7d")),
            _cell(everything),
            str(everything.sources if everything else 0),
            str(everything.incidents if everything else 0),
        )
    return table


def situation_command(
    region: Annotated[
        str | None, typer.Argument(help="region id, e.g. nagorno-karabakh; all regions when omitted")
    ] = None,
    json_output: Annotated[bool, typer.Option("--json", help="print the stable JSON interface")] = False,
    as_of_time: Annotated[
        str | None, typer.Option("--as-of", help="the picture at this past event time (ISO 8601), refolded")
    ] = None,
    worker_url: Annotated[
        str,
        typer.Option(
            "--worker",
            envvar="SITMON_WORKER_URL",
            help="the worker's web view to ask first; empty: read the situation topic",
        ),
    ] = "http://127.0.0.1:6066",
) -> None:
    """Print the current (or a past) casualty and ceasefire picture of a region."""
    settings = KafkaSettings()
    catalogue = settings.catalogue()
    moment = parse_moment(as_of_time) if as_of_time is not None else None
    if moment is None:
        pictures = asyncio.run(current(settings.kafka_bootstrap, catalogue, region, worker_url))
    else:
        pictures = asyncio.run(as_of(settings.kafka_bootstrap, catalogue, moment, region))
    if region is not None and region not in pictures:
        when = f" up to {moment.isoformat()}" if moment else ""
        raise SitmonError(f"no picture for region {region!r}{when} (no report about it has been folded)")
    if json_output:
        documents = [as_json(picture) for picture in pictures.values()]
        payload: Any = documents[0] if region is not None else documents
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    if not pictures:
        console.print("no region has a picture yet")
    for picture in pictures.values():
        console.print(render(picture))


def register(app: typer.Typer) -> None:
    app.command("situation")(situation_command)
