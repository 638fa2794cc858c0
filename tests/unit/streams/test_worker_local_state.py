"""After an unclean stop the worker's local tables are dropped (rebuilt from the changelog)."""

from __future__ import annotations

from pathlib import Path

from streams.worker.local_state import mark_clean, prepare, tables_dir


def make_tables(data_dir: Path) -> Path:
    tables = tables_dir(data_dir, 3)
    (tables / "regions-0.db").mkdir(parents=True)
    return tables


def test_tables_left_by_a_crash_are_dropped(tmp_path: Path) -> None:
    tables = make_tables(tmp_path)
    assert prepare(tmp_path, 3)
    assert not tables.exists()


def test_tables_left_by_a_clean_stop_are_kept_once(tmp_path: Path) -> None:
    tables = make_tables(tmp_path)
    mark_clean(tmp_path)
    assert not prepare(tmp_path, 3)
    assert tables.exists()
    # the marker is consumed at start: if that run crashes, the next start drops the tables
    assert prepare(tmp_path, 3)
    assert not tables.exists()


def test_a_first_start_has_nothing_to_drop(tmp_path: Path) -> None:
    assert not prepare(tmp_path, 1)
