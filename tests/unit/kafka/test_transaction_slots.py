"""Each running process of a command holds its own transaction slot; a dead one's slot comes back."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from services.kafka.transaction_slots import TransactionSlot


def test_processes_side_by_side_hold_different_slots_and_a_released_slot_is_taken_again(tmp_path: Path) -> None:
    with (
        TransactionSlot("sitmon-ingest", directory=tmp_path) as first,
        TransactionSlot("sitmon-ingest", directory=tmp_path) as second,
    ):
        assert first.endswith("-0") and second.endswith("-1")
    with TransactionSlot("sitmon-ingest", directory=tmp_path) as again:
        assert again == first
    with TransactionSlot("other-deployment", directory=tmp_path) as other:
        assert other.startswith("other-deployment-") and other.endswith("-0")


def test_the_slot_of_a_killed_process_is_free_again(tmp_path: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from services.kafka.transaction_slots import TransactionSlot\n"
            f"with TransactionSlot('sitmon-ingest', directory=Path({str(tmp_path)!r})) as held:\n"
            "    print(held, flush=True); time.sleep(600)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        held = holder.stdout.readline().strip()
        with TransactionSlot("sitmon-ingest", directory=tmp_path) as meanwhile:
            assert meanwhile != held  # the live holder keeps its slot
    finally:
        holder.kill()
        holder.wait(10)
    with TransactionSlot("sitmon-ingest", directory=tmp_path) as after:
        assert after == held  # the next run gets the dead one's id: its start aborts what was left open
