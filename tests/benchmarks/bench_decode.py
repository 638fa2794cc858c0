"""Decoding cost on the worker's hot path: what each way of turning a record value into the
contract's `ReportsExtracted` costs per event, against `json.loads` alone in the same run.

    python -m tests.benchmarks.bench_decode [--count 20000]

Ways measured (all but msgspec end in the same pydantic models, so the contract is kept):
  json.loads only               the floor of any JSON consumer (the baseline, 1.00)
  orjson.loads only             a faster floor
  msgspec.json.decode only      another parser, to a dict (no models: for comparison only)
  current decode                json.loads → CloudEvent.model_validate → SitmonEvent.validate_python
  orjson + validate_python      the same models, orjson for the parse
  envelope validate_json        one pydantic pass from bytes: an envelope model whose data is the union
  decode (as shipped)           `streams.envelope.decode` as it is now
It also prints the rest of the worker's pure batch step per event (fold, table codec, snapshot).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from typing import Any

import msgspec
import orjson
from pydantic import TypeAdapter

from streams.any_event import SitmonEvent
from streams.envelope import CloudEvent, TypedCloudEvent, decode
from tests.benchmarks.bench_worker import records

ADAPTER: TypeAdapter[Any] = TypeAdapter(SitmonEvent)


def old_decode(raw: bytes) -> Any:
    document = json.loads(raw)
    envelope = CloudEvent.model_validate(document)
    return ADAPTER.validate_python(envelope.data)


def orjson_decode(raw: bytes) -> Any:
    envelope = CloudEvent.model_validate(orjson.loads(raw))
    return ADAPTER.validate_python(envelope.data)


def envelope_json(raw: bytes) -> Any:
    return TypedCloudEvent.model_validate_json(raw).data


def timed(fn: Callable[[bytes], Any], values: list[bytes], rounds: int = 5) -> float:
    """Median µs per value over `rounds` passes."""
    results = []
    for _ in range(rounds):
        started = time.perf_counter()
        for value in values:
            fn(value)
        results.append((time.perf_counter() - started) / len(values) * 1e6)
    return statistics.median(results)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=20_000)
    args = parser.parse_args()
    values = [value for _, value, _ in records(args.count, 200)]
    assert old_decode(values[0]) == decode(values[0]) == envelope_json(values[0]) == orjson_decode(values[0])
    ways: list[tuple[str, Callable[[bytes], Any]]] = [
        ("json.loads only", json.loads),
        ("orjson.loads only", orjson.loads),
        ("msgspec.json.decode only", msgspec.json.decode),
        ("current decode (json + 2 pydantic passes)", old_decode),
        ("orjson + validate_python", orjson_decode),
        ("envelope validate_json (1 pass)", envelope_json),
        ("streams.envelope.decode as shipped", decode),
    ]
    base = timed(json.loads, values)
    print(f"{args.count} report events of ~{statistics.mean(map(len, values)):.0f} B")
    for name, fn in ways:
        cost = timed(fn, values)
        print(f"  {name:45s} {cost:7.2f} µs/event  ({cost / base:5.2f}× json.loads)")


if __name__ == "__main__":
    main()
