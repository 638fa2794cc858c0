"""The worker's local tables: one directory per deployment, dropped after an unclean stop or when the
changelog does not back them (rebuilt from the changelog then)."""

from __future__ import annotations

from pathlib import Path

from rocksdict import Options, Rdict

from streams.worker.local_state import (
    FAUST_OFFSET_KEY,
    deployment_dir,
    mark_clean,
    mismatched,
    partition_of,
    persisted_offsets,
    prepare,
    tables_dir,
)


def make_tables(deployment: Path) -> Path:
    tables = tables_dir(deployment, 3)
    (tables / "regions-0.db").mkdir(parents=True)
    return tables


def test_tables_left_by_a_crash_are_dropped(tmp_path: Path) -> None:
    tables = make_tables(tmp_path)
    assert prepare(tmp_path, 3)
    assert not tables.exists()


def test_tables_left_by_a_clean_stop_are_kept_once(tmp_path: Path) -> None:
    tables = make_tables(tmp_path)
    mark_clean(tmp_path, 3)
    assert not prepare(tmp_path, 3)
    assert tables.exists()
    # the marker is consumed at start: if that run crashes, the next start drops the tables
    assert prepare(tmp_path, 3)
    assert not tables.exists()


def test_a_first_start_has_nothing_to_drop(tmp_path: Path) -> None:
    assert not prepare(tmp_path, 1)


def test_each_deployment_and_version_has_its_own_tables_and_marker(tmp_path: Path) -> None:
    first, second = deployment_dir(tmp_path, "a.sitmon-worker"), deployment_dir(tmp_path, "b.sitmon-worker")
    assert first != second and tables_dir(first, 1) != tables_dir(first, 2)
    make_tables(first)
    make_tables(second)
    mark_clean(first, 3)
    assert not prepare(first, 3)  # the first stopped cleanly ...
    assert prepare(second, 3)  # ... its marker says nothing about the second
    assert tables_dir(first, 3).exists() and not tables_dir(second, 3).exists()


def test_partition_numbers_come_from_the_table_files_only() -> None:
    assert partition_of(Path("regions-3.db"), "regions") == 3
    assert partition_of(Path("regions-x.db"), "regions") is None
    assert partition_of(Path("other-3.db"), "regions") is None
    assert partition_of(Path("regions-3"), "regions") is None


def test_persisted_offsets_are_read_from_faust_rocksdb_files(tmp_path: Path) -> None:
    tables = tmp_path / "tables"
    tables.mkdir()
    for partition, offset in ((0, 41), (2, 7)):
        db = Rdict(str(tables / f"regions-{partition}.db"), Options(raw_mode=True))
        db.put(FAUST_OFFSET_KEY, str(offset).encode())
        db.put(b"gaza", b"{}")
        db.close()
    empty = Rdict(str(tables / "regions-1.db"), Options(raw_mode=True))  # no changelog record applied yet
    empty.close()
    assert persisted_offsets(tables, "regions") == {0: 41, 2: 7}
    assert persisted_offsets(tmp_path / "missing", "regions") == {}


def test_a_partition_ahead_of_its_changelog_does_not_match() -> None:
    # offset 41 applied needs a changelog ending after it; a fresh broker's changelog ends at 0
    assert mismatched({0: 41, 2: 7}, {0: 42, 1: 0, 2: 8}) == {}
    assert mismatched({0: 41, 2: 7}, {0: 41, 2: 100}) == {0: (41, 41)}
    assert mismatched({0: 41}, {}) == {0: (41, 0)}
