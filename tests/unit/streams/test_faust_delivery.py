"""How records reach the worker's stream (streams/worker/faust_delivery.py): the drain loop's copy
is Faust's but for one line, `deliver` behaves as the `wait_first` it replaces on both paths, and
`RawRecords` makes the events Faust's own decode makes."""

from __future__ import annotations

import asyncio
import difflib
import inspect
import re
import textwrap
from typing import Any

import faust
import pytest
from faust.transport.consumer import Consumer
from faust.types.tuples import Message
from mode import Service
from mode.utils.locks import Event

from streams.worker import faust_delivery


class FakeConsumer(Service):
    """What `deliver` uses of a Faust consumer: `wait_first` (mode's own) and `suspend_flow`."""

    def __init__(self) -> None:
        super().__init__()
        self.suspend_flow = Event()
        self.wait_first_calls = 0

    async def wait_first(self, *coros: Any, timeout: Any = None) -> Any:
        self.wait_first_calls += 1
        return await super().wait_first(*coros, timeout=timeout)


def test_the_copy_differs_from_fausts_drain_loop_only_in_the_delivery_line() -> None:
    original = textwrap.dedent(inspect.getsource(faust_delivery._original_drain_messages)).splitlines()
    copy = [
        re.sub(r"  # noqa: .*$", "", line)  # the linter's exemptions keep Faust's lines as they are
        for line in textwrap.dedent(inspect.getsource(faust_delivery._drain_messages)).splitlines()
    ]
    changed = [
        line
        for line in difflib.unified_diff(original, copy, lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    removed = [line[1:].strip() for line in changed if line.startswith("-")]
    added = [line[1:].strip() for line in changed if line.startswith("+")]
    # the signature (typed), the comment above the loop, the cast's type argument, the delivery
    assert "await self.wait_first(" in removed and "callback(message), self.suspend_flow.wait()" in removed
    assert "await deliver(self, callback, message)" in added
    assert len(added) == 4, added
    assert {line for line in removed if line.startswith("#")} == {
        "# This is the background thread started by Fetcher, used to",
        "# constantly read messages using Consumer.getmany.",
        "# It takes Fetcher as argument, because we must be able to",
        "# stop it using `await Fetcher.stop()`.",
    }


def test_install_replaces_the_drain_loop() -> None:
    faust_delivery.install()
    assert Consumer._drain_messages is faust_delivery._drain_messages


async def test_a_callback_that_does_not_wait_is_run_without_wait_first() -> None:
    consumer = FakeConsumer()
    delivered: list[str] = []

    async def callback(message: str) -> None:
        delivered.append(message)

    results = [await faust_delivery.deliver(consumer, callback, m) for m in ("a", "b", "c")]  # type: ignore[arg-type]
    assert results == [True, True, True]
    assert delivered == ["a", "b", "c"]
    assert consumer.wait_first_calls == 0


async def test_a_callback_that_waits_is_finished_through_wait_first() -> None:
    consumer = FakeConsumer()
    room = asyncio.Event()
    steps: list[str] = []

    async def callback(message: str) -> None:
        steps.append(f"decoded {message}")
        await room.wait()  # a full stream buffer
        await asyncio.sleep(0)  # and a bare yield on the way
        steps.append(f"queued {message}")

    delivery = asyncio.ensure_future(faust_delivery.deliver(consumer, callback, "a"))  # type: ignore[arg-type]
    while steps != ["decoded a"]:
        await asyncio.sleep(0)
    assert not delivery.done()
    room.set()
    assert await asyncio.wait_for(delivery, 10) is False
    assert steps == ["decoded a", "queued a"]
    assert consumer.wait_first_calls == 1


async def test_a_suspended_flow_abandons_a_waiting_callback_as_wait_first_did() -> None:
    consumer = FakeConsumer()
    never = asyncio.Event()
    outcome: list[str] = []

    async def callback(message: str) -> None:
        try:
            await never.wait()
            outcome.append("queued")
        except asyncio.CancelledError:
            outcome.append("cancelled")
            raise

    delivery = asyncio.ensure_future(faust_delivery.deliver(consumer, callback, "a"))  # type: ignore[arg-type]
    while consumer.wait_first_calls == 0:
        await asyncio.sleep(0)
    consumer.suspend_flow.set()  # a rebalance
    assert await asyncio.wait_for(delivery, 10) is False  # the drain loop goes on
    deadline = asyncio.get_running_loop().time() + 10
    while not outcome and asyncio.get_running_loop().time() < deadline:
        await asyncio.sleep(0)
    assert outcome == ["cancelled"]


async def test_errors_reach_the_drain_loop_on_both_paths() -> None:
    consumer = FakeConsumer()
    room = asyncio.Event()
    room.set()

    async def fails_at_once(message: str) -> None:
        raise ValueError(f"bad {message}")

    async def fails_after_waiting(message: str) -> None:
        await asyncio.sleep(0)
        await room.wait()
        raise ValueError(f"late {message}")

    with pytest.raises(ValueError, match="bad a"):
        await faust_delivery.deliver(consumer, fails_at_once, "a")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="late b"):
        await faust_delivery.deliver(consumer, fails_after_waiting, "b")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("key", "value", "headers"),
    [
        (b"region-1", b'{"specversion":"1.0"}', [("h", b"v")]),
        (None, b"\xff\x00not json", None),  # a key-less record: dead-lettered by the worker, not by Faust
        (b"region-1", None, []),  # a tombstone
        (b"", b"", None),
    ],
)
async def test_raw_records_make_the_event_fausts_own_decode_makes(key: Any, value: Any, headers: Any) -> None:
    app = faust.App("test-raw-records", autodiscover=False)
    message = Message("reports", 3, 17, 1_700_000_000.0, 0, headers, key, value, None)
    ours = await app.topic("reports", schema=faust_delivery.RawRecords()).decode(message, propagate=True)
    fausts = await app.topic(
        "reports", key_type=bytes, value_type=bytes, key_serializer="raw", value_serializer="raw"
    ).decode(message, propagate=True)
    assert type(ours) is type(fausts)
    for name in ("app", "key", "value", "headers", "message", "acked"):
        assert getattr(ours, name) == getattr(fausts, name), name
    assert ours.key is key and ours.value is value and ours.message is message


def test_the_lean_monitor_overrides_fausts_per_record_hooks_with_their_signatures() -> None:
    from faust.sensors import Monitor

    for name in ("on_message_in", "on_stream_event_in", "on_stream_event_out", "on_message_out"):
        ours = inspect.signature(getattr(faust_delivery.LeanMonitor, name))
        fausts = inspect.signature(getattr(Monitor, name))
        assert list(ours.parameters) == list(fausts.parameters), name


async def test_the_lean_monitor_keeps_only_the_stream_inbound_time() -> None:
    from faust.types import TP

    monitor = faust_delivery.LeanMonitor()
    tp = TP("reports", 3)
    message = Message("reports", 3, 17, 1_700_000_000.0, 0, None, b"k", b"v", None)
    monitor.on_message_in(tp, 17, message)
    state = monitor.on_stream_event_in(tp, 17, None, None)  # type: ignore[arg-type]
    monitor.on_stream_event_out(tp, 17, None, None, state)  # type: ignore[arg-type]
    monitor.on_message_out(tp, 17, message)
    assert tp in monitor.stream_inbound_time  # Faust's stalled-stream warning reads it
    assert (monitor.messages_received_total, monitor.events_total, monitor.messages_active) == (0, 0, 0)
    assert message.time_in is None


def test_the_worker_app_uses_the_lean_monitor(tmp_path: Any) -> None:
    from prometheus_client import CollectorRegistry

    from streams.topics import Catalogue
    from streams.worker.app import build_app
    from streams.worker.settings import WorkerSettings

    settings = WorkerSettings(data_dir=tmp_path, topic_prefix="lean.")
    app = build_app(settings, Catalogue("lean."), CollectorRegistry(), 4)
    assert type(app.monitor) is faust_delivery.LeanMonitor
    (agent,) = app.agents.values()
    reports = agent.channel
    assert reports.get_topic_name() == Catalogue("lean.").reports.name  # type: ignore[attr-defined]
    assert isinstance(reports.schema, faust_delivery.RawRecords)
