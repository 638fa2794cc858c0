"""`sitmon up [--demo]`: the whole local stack in one command.

Starts a broker when none answers at SITMON_KAFKA_BOOTSTRAP, creates the topics, and runs the
stream worker, the alerting service and the feed follower as child processes (the same commands an operator
runs one by one). With --demo it also subscribes a local verifying webhook receiver, ingests
`seeds/articles/` and prints each alert as it arrives. Ctrl-C (or --exit-after) stops what it
started, in reverse order. A composition root: it may wire services/, streams/ and alerts/.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from services.broker.jars import cache_dir
from services.broker.local import LocalBroker, free_port
from services.cli.ingest import extract_article
from services.cli.output import die
from services.extraction.extractor import EXTRACTOR_VERSION
from services.ingest.pipeline import ExtractionStep, ingest, read_all
from services.ingest.sources import IncomingArticle, Limits
from services.kafka.admin import create_topics
from services.kafka.probe import cluster_id_sync
from services.kafka.producer import EventProducer
from services.keyring_source import KeySettings, demo_key_file, require_keyring
from services.settings import KafkaSettings
from services.subscription_writer import SubscriptionWriter
from services.webhook_console import WebhookConsole
from streams import subscriptions as subs
from streams.sealing import Keyring
from streams.subscription_commands import Rejected, SubscriptionCommand
from streams.topics import Catalogue

console = Console(highlight=False)
REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds" / "articles"

# The demo shows alerts within seconds: Alertmanager's 30 s group_wait would look like a hang.
DEMO_ENV = {"SITMON_ALERTS_GROUP_WAIT": "1", "SITMON_ALERTS_GROUP_INTERVAL": "5"}


@contextlib.contextmanager
def broker_for(settings: KafkaSettings) -> Iterator[str]:
    """The broker to use: the one answering at the bootstrap address, else a local one we start and stop."""
    if cluster_id_sync(settings.kafka_bootstrap, timeout_s=3) is not None:
        console.print(f"[dim]using the broker at {settings.kafka_bootstrap}[/dim]")
        yield settings.kafka_bootstrap
        return
    host, _, port = settings.kafka_bootstrap.rpartition(":")
    if host not in ("127.0.0.1", "localhost"):
        die(f"no Kafka broker answers at {settings.kafka_bootstrap}, and only a local one can be started")
    broker = LocalBroker(port=int(port))
    console.print("[dim]starting a local Kafka broker (the first run fetches its jars with Maven)…[/dim]")
    state = broker.start()
    console.print(f"[dim]broker up at {state.bootstrap} in {state.startup_seconds:.1f}s[/dim]")
    try:
        yield state.bootstrap
    finally:
        broker.stop()
        console.print("[dim]broker stopped[/dim]")


# One shared grace period for all children, not one each: stopping used to wait up to 20 s per
# child in turn, so a loaded machine saw `sitmon up` take a minute to exit after SIGTERM.
STOP_GRACE_S = 20.0


class Children:
    """The stack's `sitmon …` child processes. Stopping sends SIGTERM to all of them at once,
    waits one shared grace period, and kills (with a line saying so) any that is still running."""

    def __init__(self, env: dict[str, str], program: tuple[str, ...] = (sys.executable, "-m", "services.cli")) -> None:
        self._env = env
        self._program = program
        self._started: list[tuple[str, Path, subprocess.Popen[bytes]]] = []

    def start(self, name: str, args: list[str], log: Path) -> subprocess.Popen[bytes]:
        with log.open("ab") as out:
            process = subprocess.Popen(
                [*self._program, *args],
                env=self._env,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=out,
            )
        self._started.append((name, log, process))
        console.print(f"[dim]{name} started (pid {process.pid}, log {log})[/dim]", soft_wrap=True)  # paths unbroken
        return process

    def stop(self, grace_s: float = STOP_GRACE_S) -> None:
        """Last started first asked to stop; all are asked before any is waited for."""
        for name, log, process in reversed(self._started):
            if process.poll() is not None and process.returncode not in (0, -signal.SIGTERM):
                console.print(f"[red]{name} exited with {process.returncode}; see {log}[/red]")
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + grace_s
        try:
            for name, _, process in reversed(self._started):
                try:
                    process.wait(timeout=max(0.0, deadline - time.monotonic()))
                except subprocess.TimeoutExpired:
                    console.print(
                        f"[yellow]{name} (pid {process.pid}) did not stop within {grace_s:.0f}s "
                        "of SIGTERM; killing it[/yellow]"
                    )
                    process.kill()
                    process.wait()
                console.print(f"[dim]{name} stopped[/dim]")
        finally:  # asked again (a second Ctrl-C) while waiting: nothing may outlive `sitmon up`
            for name, _, process in self._started:
                if process.poll() is None:
                    console.print(f"[yellow]killing {name} (pid {process.pid})[/yellow]")
                    process.kill()
                    process.wait()


def subscribe_console(
    bootstrap: str, catalogue: Catalogue, keyring: Keyring, stack: contextlib.ExitStack
) -> WebhookConsole:
    """A verifying receiver on loopback, subscribed to every region and kind — and unsubscribed when
    `up` stops, so a long-running broker keeps no subscription to a receiver that is gone."""
    now = datetime.now(UTC)
    secret = subs.new_secret(now)
    receiver = WebhookConsole(secret.secret, console=console).start()
    new = subs.create(url=receiver.url, now=now, secret=secret).subscription
    writer = SubscriptionWriter(bootstrap, catalogue, keyring, lambda: datetime.now(UTC))
    command = SubscriptionCommand(action="create", subscription_id=new.subscription_id, actor="sitmon-up", new=new)
    decision = asyncio.run(writer.submit(command))
    if isinstance(decision, Rejected):
        die(f"demo subscription refused: {decision.reason}")
    stack.callback(receiver.close)
    stack.callback(_unsubscribe, writer, new.subscription_id)  # runs first: before the receiver closes
    console.print(f"[dim]demo subscriber {new.subscription_id} listening at {receiver.url}[/dim]")
    return receiver


def _unsubscribe(writer: SubscriptionWriter, subscription_id: str) -> None:
    command = SubscriptionCommand(action="delete", subscription_id=subscription_id, actor="sitmon-up")
    try:
        decision = asyncio.run(writer.submit(command))
    except Exception as exc:  # the broker may be gone already; say so rather than fail the shutdown
        console.print(f"[yellow]could not remove the demo subscription {subscription_id}: {exc}[/yellow]")
        return
    if isinstance(decision, Rejected):
        console.print(f"[yellow]demo subscription {subscription_id} not removed: {decision.reason}[/yellow]")
    else:
        console.print(f"[dim]demo subscription {subscription_id} removed[/dim]")


def log_dir() -> Path:
    """Where this run's logs go: kept after exit (the paths printed must stay valid)."""
    folder = cache_dir() / "up" / f"{datetime.now(UTC):%Y%m%dT%H%M%SZ}-{os.getpid()}"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def keys_for(demo: bool, env: dict[str, str]) -> Keyring:
    """The keyring the services will use; the demo makes a local key file (0600) when none is set."""
    if demo and not env.get("SITMON_SECRET_KEYS") and not env.get("SITMON_SECRET_KEY_FILE"):
        path, made = demo_key_file()
        env["SITMON_SECRET_KEY_FILE"] = str(path)
        said = "made a demo key file" if made else "using the demo key file"
        console.print(f"[dim]{said} {path} (mode 0600): it seals the webhook signing secrets[/dim]")
    settings = KeySettings(
        secret_keys=env.get("SITMON_SECRET_KEYS") or None,
        secret_key_file=env.get("SITMON_SECRET_KEY_FILE") or None,
    )
    return require_keyring("sitmon up", settings)


def up_command(
    demo: Annotated[
        bool, typer.Option(help="subscribe a local receiver, ingest the seed articles, print alerts")
    ] = False,
    exit_after: Annotated[float | None, typer.Option(help="stop after this many seconds (for scripts)")] = None,
    data_dir: Annotated[Path | None, typer.Option(help="the worker's table store (default: a temporary one)")] = None,
    pace: Annotated[float, typer.Option(help="demo: seconds between seed articles, so alerts arrive one by one")] = 6.0,
) -> None:
    """Run the whole local stack: broker (if none answers), topics, stream worker, alerting service."""
    signal.signal(signal.SIGTERM, _interrupt)  # SIGTERM unwinds like Ctrl-C: children and broker stop too
    settings = KafkaSettings()
    key_env = {name: value for name, value in os.environ.items() if name.startswith("SITMON_SECRET_KEY")}
    keyring = keys_for(demo, key_env)  # before anything starts: without a key the services would refuse
    with contextlib.ExitStack() as stack:
        bootstrap = stack.enter_context(broker_for(settings))
        catalogue = settings.catalogue()
        asyncio.run(create_topics(bootstrap, catalogue))
        env = {**os.environ, **key_env, "SITMON_KAFKA_BOOTSTRAP": bootstrap}
        if demo:
            env.setdefault("SITMON_WEBHOOK_ALLOWED_NETWORKS", "127.0.0.0/8")
            env.update({k: v for k, v in DEMO_ENV.items() if k not in os.environ})
        logs = log_dir()
        stack.callback(lambda: console.print(f"[dim]logs kept in {logs}[/dim]", soft_wrap=True))
        tables = data_dir or Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="sitmon-up-"))) / "worker"
        worker_port, alerts_port, poll_port = free_port(), free_port(), free_port()
        children = Children(env)
        stack.callback(children.stop)
        worker_args = ["worker", "--web-port", str(worker_port), "--data-dir", str(tables)]
        children.start("stream worker", worker_args, logs / "worker.log")
        children.start("alerting service", ["alerts", "--metrics-port", str(alerts_port)], logs / "alerts.log")
        children.start("feed follower", ["poll", "--metrics-port", str(poll_port)], logs / "poll.log")
        if demo:
            subscribe_console(bootstrap, catalogue, keyring, stack)
            asyncio.run(ingest_paced(bootstrap, catalogue, pace))
        console.print(
            f"sitmon is up — metrics: worker http://127.0.0.1:{worker_port}/metrics, "
            f"alerts http://127.0.0.1:{alerts_port}/metrics, feeds http://127.0.0.1:{poll_port}/metrics "
            "(`sitmon feeds add URL` to follow a feed). Ctrl-C stops it."
        )
        with contextlib.suppress(KeyboardInterrupt):
            asyncio.run(_wait(exit_after))


async def ingest_paced(bootstrap: str, catalogue: Catalogue, pace: float) -> None:
    """The seed articles in publication order, one every `pace` seconds: a story unfolding."""
    articles = [item for item in read_all([SEEDS], Limits()) if isinstance(item, IncomingArticle)]
    articles.sort(key=lambda a: (a.published_at or datetime.min.replace(tzinfo=UTC), a.origin))
    step = ExtractionStep(extract_article, EXTRACTOR_VERSION)
    async with EventProducer(bootstrap, source="/sitmon/up") as producer:
        for number, article in enumerate(articles, start=1):
            when = article.published_at.strftime("%Y-%m-%d %H:%M") if article.published_at else "undated"
            console.print(f"[b]▶ article {number}/{len(articles)}[/b] {when} · {article.source} · {article.title}")
            await ingest([article], producer=producer, catalogue=catalogue, extraction=step)
            if number < len(articles):
                await asyncio.sleep(pace)  # demo pacing, so each alert can be seen arriving


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


async def _wait(seconds: float | None) -> None:
    stop = asyncio.Event()
    if seconds is not None:
        asyncio.get_running_loop().call_later(seconds, stop.set)
    await stop.wait()


def register(app: typer.Typer) -> None:
    app.command("up")(up_command)
