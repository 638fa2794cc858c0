"""The local broker manager against a real JVM: start, recognise, refuse a taken port, stop."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.broker.errors import PortTaken
from services.broker.local import LocalBroker, pid_alive
from services.kafka.probe import cluster_id_sync

pytestmark = pytest.mark.integration


def test_start_answers_with_its_own_cluster_id_and_stop_removes_it(tmp_path: Path) -> None:
    broker = LocalBroker(port=0, state_path=tmp_path / "state.json")
    state = broker.start()
    try:
        assert cluster_id_sync(state.bootstrap) == state.cluster_id
        assert broker.running() == state
        assert broker.start() == state  # a second start recognises the running broker
    finally:
        stopped = broker.stop()
    assert stopped is not None and stopped.pid == state.pid
    assert not pid_alive(state.pid)
    assert not Path(state.data_dir).exists()  # the temporary data directory is gone
    assert broker.running() is None


def test_a_port_held_by_another_broker_is_refused_with_its_cluster_id(bootstrap: str, tmp_path: Path) -> None:
    host, _, port = bootstrap.rpartition(":")
    other = LocalBroker(host=host, port=int(port), state_path=tmp_path / "state.json")
    with pytest.raises(PortTaken, match=r"another Kafka broker \(cluster "):
        other.start()


def test_a_kept_data_dir_restarts_with_the_same_cluster(tmp_path: Path) -> None:
    data = tmp_path / "kafka"
    broker = LocalBroker(port=0, data_dir=data, state_path=tmp_path / "state.json")
    first = broker.start()
    broker.stop()
    assert data.exists()  # --data-dir is kept
    again = LocalBroker(port=0, data_dir=data, state_path=tmp_path / "state.json")
    second = again.start()
    try:
        assert second.cluster_id == first.cluster_id
    finally:
        again.stop()


def test_brokers_on_different_ports_keep_separate_state() -> None:
    first, second = LocalBroker(port=0), LocalBroker(port=0)  # default state files, one per port
    assert first.state_path != second.state_path
    first_state = first.start()
    try:
        second_state = second.start()
        try:
            # Starting the second must not make the first unmanageable (one shared file did).
            assert LocalBroker(port=first.port).running() == first_state
            assert LocalBroker(port=second.port).running() == second_state
        finally:
            assert LocalBroker(port=second.port).stop() == second_state
    finally:
        assert LocalBroker(port=first.port).stop() == first_state
    assert not pid_alive(first_state.pid) and not pid_alive(second_state.pid)
