"""The worker's local RocksDB tables are a cache of the changelog topics, never the truth.

Each deployment has its own directory: `<data dir>/<app id>/v<version>/tables`, where the app
id carries the topic prefix. Two deployments (or two versions) on one machine and one data
directory therefore never open each other's tables — sharing them made Faust stop with a
`ConsistencyError` at start (the local offsets belonged to another app's changelog).

The local tables are dropped, and rebuilt from the changelogs, when they cannot be trusted:
- after an unclean stop (`kill -9`, a crash): the local store can disagree with the committed
  offsets (writes that reached RocksDB but not the changelog, or the reverse) — the recovery
  test caught a report lost that way on a reused disk. Like Kafka Streams under exactly-once
  after an unclean shutdown, the worker rebuilds instead of trusting the disk. A clean stop
  leaves a marker file; a start without it wipes the tables first.
- when a table partition remembers a changelog offset the broker's changelog does not have
  (a fresh or different broker, a changelog deleted and created again): Faust would stop with
  `ConsistencyError`, or silently keep state the log no longer backs.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from pathlib import Path

from rocksdict import AccessType, Options, Rdict

CLEAN_MARKER = "clean-shutdown"
# where Faust's RocksDB store keeps the last changelog offset it applied (faust/stores/rocksdb.py)
FAUST_OFFSET_KEY = b"__faust\0offset__"


def deployment_dir(data_dir: Path, app_id: str) -> Path:
    """Faust's `datadir` for one app id; Faust adds `v<version>/tables/<table>-<n>.db` below it."""
    return data_dir / app_id


def tables_dir(deployment: Path, version: int) -> Path:
    return deployment / f"v{version}" / "tables"


def _marker(deployment: Path, version: int) -> Path:
    return deployment / f"v{version}" / CLEAN_MARKER


def prepare(deployment: Path, version: int) -> bool:
    """Before start: drop the tables unless the last run stopped cleanly. True when they were dropped."""
    marker = _marker(deployment, version)
    tables = tables_dir(deployment, version)
    wiped = False
    if tables.exists() and not marker.exists():
        shutil.rmtree(tables)
        wiped = True
    marker.unlink(missing_ok=True)  # a crash from here on leaves no marker
    return wiped


def mark_clean(deployment: Path, version: int) -> None:
    """After a clean stop (Faust flushed the producer and committed): the disk can be trusted."""
    marker = _marker(deployment, version)
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.touch()


def partition_of(db_path: Path, table: str) -> int | None:
    """`regions-3.db` → 3 for table `regions`; None for anything else in the directory."""
    stem = db_path.name.removesuffix(".db")
    number = stem.removeprefix(f"{table}-")
    return int(number) if db_path.name.endswith(".db") and number != stem and number.isdigit() else None


def persisted_offsets(tables: Path, table: str) -> dict[int, int]:
    """The changelog offset each local partition of `table` last applied (partitions without one are left out)."""
    found: dict[int, int] = {}
    if not tables.exists():
        return found
    for path in sorted(tables.iterdir()):
        partition = partition_of(path, table)
        if partition is None:
            continue
        db = Rdict(str(path), Options(raw_mode=True), access_type=AccessType.read_only())
        try:
            offset = db.get(FAUST_OFFSET_KEY)
        finally:
            db.close()
        if offset is not None:
            found[partition] = int(offset)
    return found


def mismatched(persisted: Mapping[int, int], highwaters: Mapping[int, int]) -> dict[int, tuple[int, int]]:
    """Partitions whose local offset is past the end of the changelog: {partition: (local, changelog end)}.

    The offset Faust persists is that of the last changelog record applied, so a trustworthy
    partition has it below the changelog's end offset (a missing changelog partition ends at 0).
    """
    return {
        partition: (offset, highwaters.get(partition, 0))
        for partition, offset in persisted.items()
        if offset >= highwaters.get(partition, 0)
    }


def drop_tables(deployment: Path, version: int) -> None:
    shutil.rmtree(tables_dir(deployment, version), ignore_errors=True)
