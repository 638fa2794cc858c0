"""A stable transactional id for each of a command's processes running side by side on one machine.

Kafka aborts a transaction left open by a crashed producer only when its transactional id is
registered again, or once `transaction.timeout.ms` passed (60 s, aiokafka's default) — and until
then every `read_committed` reader (the worker, `sitmon replay`) stops at it. A fresh id per
process never comes back, so a `sitmon ingest` killed mid-chunk held the worker back for a
minute. Here a process takes the lowest free slot — an exclusive, non-blocking `flock` on
`$SITMON_CACHE_DIR/transactions/<name>.<n>.lock`, held while it runs — and its id is
`<name>-<host>-<n>`. The operating system drops a dead process's lock, so the next run on the
machine takes the same slot and its start aborts what the dead one left open, at once; runs
side by side hold different slots and never fence each other.
"""

from __future__ import annotations

import fcntl
import socket
from pathlib import Path
from typing import IO

from services.broker.jars import cache_dir
from services.errors import SitmonError

MOST_SLOTS = 64


class TransactionSlot:
    """`with TransactionSlot("sitmon-ingest-<prefix>") as transactional_id: …`"""

    def __init__(self, name: str, *, directory: Path | None = None, slots: int = MOST_SLOTS) -> None:
        self.name = name
        self.directory = directory or cache_dir() / "transactions"
        self.slots = slots
        self._held: IO[str] | None = None

    def __enter__(self) -> str:
        self.directory.mkdir(parents=True, exist_ok=True)
        for number in range(self.slots):
            handle = (self.directory / f"{self.name}.{number}.lock").open("a")
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:  # another live process holds this slot
                handle.close()
                continue
            self._held = handle
            return f"{self.name}-{socket.gethostname()}-{number}"
        raise SitmonError(
            f"{self.slots} `{self.name}` processes already run on this machine "
            f"(locks in {self.directory}); wait for one to finish"
        )

    def __exit__(self, *_: object) -> None:
        if self._held is not None:
            self._held.close()  # closing the file releases the lock
            self._held = None
