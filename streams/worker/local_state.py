"""The worker's local RocksDB tables are a cache of the changelog; after a crash they are dropped.

After `kill -9` the local store can disagree with the committed offsets (writes that reached
RocksDB but not the changelog, or the reverse), and the recovery test caught a report lost
that way on a reused disk. Like Kafka Streams under exactly-once after an unclean shutdown,
the worker then rebuilds its tables from the changelog topics instead of trusting the disk.
A clean stop leaves a marker file; a start without it wipes the tables first.
"""

from __future__ import annotations

import shutil
from pathlib import Path

CLEAN_MARKER = "clean-shutdown"


def tables_dir(data_dir: Path, version: int) -> Path:
    return data_dir / f"v{version}" / "tables"  # Faust's layout: <datadir>/v<version>/tables/<table>-<n>.db


def prepare(data_dir: Path, version: int) -> bool:
    """Before start: drop the tables unless the last run stopped cleanly. True when they were dropped."""
    marker = data_dir / CLEAN_MARKER
    tables = tables_dir(data_dir, version)
    wiped = False
    if tables.exists() and not marker.exists():
        shutil.rmtree(tables)
        wiped = True
    marker.unlink(missing_ok=True)  # a crash from here on leaves no marker
    return wiped


def mark_clean(data_dir: Path) -> None:
    """After a clean stop (Faust flushed the producer and committed): the disk can be trusted."""
    (data_dir / CLEAN_MARKER).touch()
