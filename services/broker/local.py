"""Start, stop and describe the local single-node Kafka broker.

The JVM is started directly (no Kafka shell scripts, which are not on Maven Central), so its
pid is ours to stop. A small JSON state file remembers what runs where, so `sitmon broker
stop` and `status` work from another shell, and a second `start` is recognised.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from services.broker.config import LOG4J2_PROPERTIES, BrokerConfig, new_cluster_id
from services.broker.errors import BrokerError, PortTaken
from services.broker.jars import cache_dir, ensure_jars, java_binary
from services.kafka.probe import cluster_id_sync, port_open

JVM_OPTIONS = (
    "-Xms256m",
    "-Xmx512m",
    "-XX:+UseG1GC",
    "-XX:MaxGCPauseMillis=20",
    "-XX:+ExitOnOutOfMemoryError",
    "-Djava.awt.headless=true",
)


@dataclass(frozen=True)
class BrokerState:
    pid: int
    cluster_id: str
    bootstrap: str
    data_dir: str
    temporary: bool
    started_at: float
    startup_seconds: float

    @property
    def log_file(self) -> Path:
        return Path(self.data_dir) / "broker.log"


def default_state_path(port: int) -> Path:
    """One state file per client port, so brokers on different ports never forget each other."""
    return cache_dir() / "broker" / f"state-{port}.json"


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class LocalBroker:
    """One broker process: `start()` returns once it answers with its own cluster id."""

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 9092,
        controller_port: int | None = None,
        data_dir: Path | None = None,
        state_path: Path | None = None,
        extra_config: dict[str, str] | None = None,
    ) -> None:
        """`extra_config`: server.properties settings on top of the defaults (tests shorten
        the retention check interval this way)."""
        self.host = host
        self.extra_config = dict(extra_config or {})
        self.port = port or free_port(host)
        self.controller_port = controller_port or (free_port(host) if not port else self.port + 1)
        self.data_dir = data_dir
        self.state_path = state_path or default_state_path(self.port)

    @property
    def bootstrap(self) -> str:
        return f"{self.host}:{self.port}"

    # --- state file ------------------------------------------------------------------------

    def load_state(self) -> BrokerState | None:
        try:
            return BrokerState(**json.loads(self.state_path.read_text()))
        except (OSError, ValueError, TypeError):
            return None

    def _save_state(self, state: BrokerState) -> None:
        self.state_path.parent.mkdir(parents=True, exist_ok=True)
        self.state_path.write_text(json.dumps(asdict(state), indent=2))

    def running(self) -> BrokerState | None:
        """The broker this state file describes, if its process lives and answers as itself."""
        state = self.load_state()
        if state is None or not pid_alive(state.pid):
            return None
        return state if cluster_id_sync(state.bootstrap, timeout_s=3) == state.cluster_id else None

    # --- start -----------------------------------------------------------------------------

    def start(self, timeout_s: float = 120.0) -> BrokerState:
        already = self.running()
        if already is not None and already.bootstrap == self.bootstrap:
            return already
        java = java_binary()
        libs = ensure_jars()
        for port in (self.port, self.controller_port):
            if port_open(self.host, port):
                other = cluster_id_sync(f"{self.host}:{port}", timeout_s=3)
                who = f"another Kafka broker (cluster {other})" if other else "another process"
                raise PortTaken(f"{self.host}:{port} is already taken by {who}; stop it or pass --port")

        temporary = self.data_dir is None
        data_dir = Path(tempfile.mkdtemp(prefix="sitmon-kafka-")) if temporary else Path(self.data_dir or "")
        data_dir.mkdir(parents=True, exist_ok=True)
        config = BrokerConfig(self.host, self.port, self.controller_port, data_dir / "log", self.extra_config)
        properties = data_dir / "server.properties"
        properties.write_text(config.server_properties())
        log4j = data_dir / "log4j2.properties"
        log4j.write_text(LOG4J2_PROPERTIES)
        classpath = f"{libs}/*"
        logging_option = f"-Dlog4j2.configurationFile={log4j}"

        cluster = self._formatted_cluster_id(config.log_dir)
        if cluster is None:
            cluster = new_cluster_id()
            formatted = subprocess.run(
                [
                    java,
                    "-Xmx256m",
                    logging_option,
                    "-cp",
                    classpath,
                    "kafka.tools.StorageTool",
                    "format",
                    "-t",
                    cluster,
                    "-c",
                    str(properties),
                ],
                capture_output=True,
                text=True,
                check=False,
            )
            if formatted.returncode != 0:
                raise BrokerError(f"formatting {config.log_dir} failed: {_tail(formatted.stdout + formatted.stderr)}")

        began = time.monotonic()
        log_file = (data_dir / "broker.log").open("ab")
        process = subprocess.Popen(
            [java, *JVM_OPTIONS, logging_option, "-cp", classpath, "kafka.Kafka", str(properties)],
            stdout=log_file,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        log_file.close()
        try:
            self._wait_until_answering(process, cluster, data_dir / "broker.log", began + timeout_s)
        except BaseException:
            _terminate(process.pid, 10)
            if temporary:
                shutil.rmtree(data_dir, ignore_errors=True)
            raise
        state = BrokerState(
            process.pid,
            cluster,
            self.bootstrap,
            str(data_dir),
            temporary,
            time.time(),
            round(time.monotonic() - began, 2),
        )
        self._save_state(state)
        return state

    @staticmethod
    def _formatted_cluster_id(log_dir: Path) -> str | None:
        """A kept --data-dir is started again with the cluster id it was formatted with."""
        meta = log_dir / "meta.properties"
        if not meta.is_file():
            return None
        for line in meta.read_text().splitlines():
            key, _, value = line.partition("=")
            if key.strip() == "cluster.id":
                return value.strip()
        return None

    def _wait_until_answering(self, process: subprocess.Popen[bytes], cluster: str, log: Path, deadline: float) -> None:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise BrokerError(f"the broker exited with {process.returncode} during start-up: {_tail(_read(log))}")
            if port_open(self.host, self.port, timeout=0.2):
                answered = cluster_id_sync(self.bootstrap, timeout_s=2)
                if answered == cluster:
                    return
                if answered is not None:
                    raise PortTaken(f"{self.bootstrap} answers as cluster {answered}, not ours ({cluster})")
            time.sleep(0.2)  # polling interval of a readiness check with a deadline, not a fixed wait
        raise BrokerError(f"the broker did not answer at {self.bootstrap} within the deadline: {_tail(_read(log))}")

    # --- stop ------------------------------------------------------------------------------

    def stop(self, timeout_s: float = 30.0) -> BrokerState | None:
        """Stop the broker of the state file; returns what was stopped (None if nothing ran)."""
        state = self.load_state()
        if state is None:
            return None
        if pid_alive(state.pid):
            _terminate(state.pid, timeout_s)
        if state.temporary:
            shutil.rmtree(state.data_dir, ignore_errors=True)
        with contextlib.suppress(FileNotFoundError):
            self.state_path.unlink()
        return state


def _terminate(pid: int, timeout_s: float) -> None:
    """SIGTERM for a clean shutdown (Kafka flushes and closes logs), SIGKILL if it lingers."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)  # reap it if it is our child, or it stays a zombie
        if not pid_alive(pid):
            return
        time.sleep(0.1)
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)


def _read(path: Path) -> str:
    try:
        return path.read_text(errors="replace")
    except OSError:
        return ""


def _tail(text: str, lines: int = 4) -> str:
    kept = [line for line in text.strip().splitlines() if line.strip()][-lines:]
    return " | ".join(kept) or "(no output)"
