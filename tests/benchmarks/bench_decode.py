"""Decoding cost on the worker's hot path: what each way of turning a record value into the
contract's `ReportsExtracted` costs per event, against `json.loads` alone in the same run.

    python -m tests.benchmarks.bench_decode [--count 20000]

Ways measured (the "only" ones build no models and are for comparison; the others end in the
contract's pydantic models, equal to what `decode` builds):
  json.loads only               the floor of any JSON consumer (the baseline, 1.00)
  orjson.loads only             a faster floor
  msgspec.json.decode only      another parser, to a dict
  msgspec mirror only           msgspec validating into a Struct mirror of the contract (msgspec_mirror.py)
  msgspec mirror + construct    … then the models through pydantic's `model_construct`
  msgspec mirror + by hand      … then the models built directly (object.__new__ + __dict__)
  json + 2 pydantic passes      json.loads → CloudEvent.model_validate → SitmonEvent.validate_python
  orjson + validate_python      the same models, orjson for the parse
  envelope validate_json        one pydantic pass from bytes: an envelope model whose data is the union
  … strict                      the same in pydantic's strict mode
  report envelope validate_json one pass into an envelope whose data is `ReportsExtracted` (no union)
  decode / decode_report        `streams.envelope.decode` and `decode_report` as shipped
Times are CPU time (process_time), the least of --rounds interleaved passes, so a loaded machine
inflates them less.
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
from streams.envelope import CloudEvent, ReportCloudEvent, TypedCloudEvent, decode, decode_report
from tests.benchmarks.bench_worker import records
from tests.benchmarks.msgspec_mirror import decode_by_hand, decode_constructed, decoder

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


def envelope_strict(raw: bytes) -> Any:
    return TypedCloudEvent.model_validate_json(raw, strict=True).data


def report_envelope(raw: bytes) -> Any:
    return ReportCloudEvent.model_validate_json(raw).data


def cpu_us(fn: Callable[[bytes], Any], values: list[bytes]) -> float:
    started = time.process_time()
    for value in values:
        fn(value)
    return (time.process_time() - started) / len(values) * 1e6


def timed(ways: list[tuple[str, Callable[[bytes], Any]]], values: list[bytes], rounds: int) -> dict[str, float]:
    """The least CPU µs per value of each way over `rounds` passes, the ways interleaved in every
    pass so that a load change on a shared machine hits them alike."""
    best: dict[str, float] = {}
    for _ in range(rounds):
        for name, fn in ways:
            best[name] = min(best.get(name, float("inf")), cpu_us(fn, values))
    return best


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    values = [value for _, value, _ in records(args.count, 200)]
    built = [way(values[0]) for way in (old_decode, orjson_decode, envelope_json, envelope_strict, report_envelope)]
    built += [decode_constructed(values[0]), decode_by_hand(values[0]), decode_report(values[0])]
    assert all(model == decode(values[0]) for model in built)
    ways: list[tuple[str, Callable[[bytes], Any]]] = [
        ("json.loads only", json.loads),
        ("orjson.loads only", orjson.loads),
        ("msgspec.json.decode only", msgspec.json.decode),
        ("msgspec mirror only (no models)", decoder.decode),
        ("msgspec mirror + model_construct", decode_constructed),
        ("msgspec mirror + models by hand", decode_by_hand),
        ("json + 2 pydantic passes", old_decode),
        ("orjson + validate_python", orjson_decode),
        ("envelope validate_json (1 pass)", envelope_json),
        ("envelope validate_json strict", envelope_strict),
        ("report envelope validate_json", report_envelope),
        ("streams.envelope.decode as shipped", decode),
        ("streams.envelope.decode_report as shipped", decode_report),
    ]
    costs = timed(ways, values, args.rounds)
    base = costs["json.loads only"]
    print(f"{args.count} report events of ~{statistics.mean(map(len, values)):.0f} B (CPU µs per event)")
    for name, cost in costs.items():
        print(f"  {name:45s} {cost:7.2f} µs/event  ({cost / base:5.2f}× json.loads)")
    ratio = costs["streams.envelope.decode_report as shipped"] / costs["streams.envelope.decode as shipped"]
    print(f"decode_report ÷ decode: {ratio:.2f}")


if __name__ == "__main__":
    main()
