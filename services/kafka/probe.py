"""Is a Kafka broker answering at an address, and which cluster is it?

An open port is not enough: it may be another broker left over from an earlier run, so
readiness means an admin client's metadata names the cluster id we expect.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket

from aiokafka.admin import AIOKafkaAdminClient


def port_open(host: str, port: int, timeout: float = 0.5) -> bool:
    with contextlib.suppress(OSError), socket.create_connection((host, port), timeout=timeout):
        return True
    return False


async def cluster_id(bootstrap: str, timeout_s: float = 5.0) -> str | None:
    """The cluster id the broker at `bootstrap` reports, or None when nothing usable answers."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=int(timeout_s * 1000))
    try:
        await asyncio.wait_for(admin.start(), timeout_s)
        description = await asyncio.wait_for(admin.describe_cluster(), timeout_s)
    except Exception:  # any failure to talk to it means "not a usable broker yet"
        return None
    finally:
        with contextlib.suppress(Exception):
            await admin.close()
    found = description.get("cluster_id")
    return str(found) if found else None


def cluster_id_sync(bootstrap: str, timeout_s: float = 5.0) -> str | None:
    host, _, port = bootstrap.rpartition(":")
    if not port_open(host or "127.0.0.1", int(port)):
        return None
    return asyncio.run(cluster_id(bootstrap, timeout_s))
