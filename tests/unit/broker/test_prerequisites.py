"""The broker's prerequisites fail with a message that says what to install, not a traceback."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from services.broker.config import BrokerConfig, new_cluster_id
from services.broker.errors import BrokerPrerequisiteMissing
from services.broker.jars import ensure_jars, java_binary


def fake_java(home: Path, version_line: str) -> None:
    binary = home / "bin" / "java"
    binary.parent.mkdir(parents=True)
    binary.write_text(f"#!/bin/sh\necho '{version_line}' >&2\n")
    binary.chmod(binary.stat().st_mode | stat.S_IEXEC)


def test_an_old_java_is_refused_with_its_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_java(tmp_path, 'openjdk version "11.0.22" 2024-01-16')
    monkeypatch.setenv("JAVA_HOME", str(tmp_path))
    with pytest.raises(BrokerPrerequisiteMissing, match=r"is Java 11; the Kafka 4\.0\.0 broker needs Java ≥ 17"):
        java_binary()


def test_java_8_style_versions_are_read_as_8(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_java(tmp_path, 'java version "1.8.0_392"')
    monkeypatch.setenv("JAVA_HOME", str(tmp_path))
    with pytest.raises(BrokerPrerequisiteMissing, match="is Java 8;"):
        java_binary()


def test_java_17_is_accepted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_java(tmp_path, 'openjdk version "17.0.15" 2025-04-15')
    monkeypatch.setenv("JAVA_HOME", str(tmp_path))
    assert java_binary() == str(tmp_path / "bin" / "java")


def test_no_java_at_all_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JAVA_HOME", str(tmp_path / "absent"))
    with pytest.raises(BrokerPrerequisiteMissing, match="no `java` found"):
        java_binary()


def test_no_cached_jars_and_no_maven_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITMON_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("PATH", str(tmp_path))  # nothing on it
    with pytest.raises(BrokerPrerequisiteMissing, match=r"no Kafka jars in .* and no `mvn` on PATH"):
        ensure_jars()


def test_cached_jars_are_used_without_maven(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    libs = tmp_path / "cache" / "kafka-4.0.0" / "libs"
    libs.mkdir(parents=True)
    (libs / "kafka_2.13-4.0.0.jar").write_bytes(b"")
    monkeypatch.setenv("SITMON_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("PATH", str(tmp_path))
    assert ensure_jars() == libs


def test_cluster_ids_follow_kafkas_rules() -> None:
    ids = {new_cluster_id() for _ in range(200)}
    assert len(ids) == 200
    assert all(len(i) == 22 and not i.startswith("-") and "=" not in i for i in ids)


def test_server_properties_bind_loopback_and_keep_test_brokers_small() -> None:
    text = BrokerConfig("127.0.0.1", 19092, 19093, Path("/data/log")).server_properties()
    settings = dict(line.split("=", 1) for line in text.splitlines())
    assert settings["listeners"] == "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093"
    assert settings["controller.quorum.voters"] == "1@127.0.0.1:19093"
    assert settings["offsets.topic.num.partitions"] == "1"
    assert settings["group.initial.rebalance.delay.ms"] == "0"
    assert settings["log.dirs"] == "/data/log"
    assert os.sep in settings["log.dirs"]
