"""Starting a Kafka client so that an unreachable broker is one clear line, and nothing leaks.

aiokafka raises several error types for a broker that is not there, and a client whose
`start()` failed still holds a connection and tasks: left alone it prints "Unclosed
AIOKafkaConsumer" when garbage-collected. `start_client` closes it and raises SitmonError
("cannot reach Kafka at HOST:PORT: …"), which the CLI prints as one line (exit 1).
"""

from __future__ import annotations

import contextlib
from typing import Protocol

from services.errors import SitmonError


class KafkaClient(Protocol):
    async def start(self) -> None: ...


async def start_client(client: KafkaClient, bootstrap: str) -> None:
    try:
        await client.start()
    except Exception as exc:  # aiokafka raises several types for an unreachable broker
        with contextlib.suppress(Exception):
            closing = getattr(client, "stop", None) or getattr(client, "close", None)
            if closing is not None:
                await closing()
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise SitmonError(f"cannot reach Kafka at {bootstrap}: {first_line}") from exc
