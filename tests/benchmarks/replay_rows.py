"""bench_analysis's replay rows: where each replay writes, and how it is run.

- `none`: replay's reading alone, into a sink that only counts;
- `parquet`: `--format parquet` to a file;
- `jsonl`: `--format jsonl -o FILE`;
- `pipe`: `--format jsonl` to a pipe, as `sitmon replay reports | …` writes its stdout, read and
  discarded by a child process whose CPU is not counted.

Why both JSONL rows: on the development machine (a Firecracker VM whose kernel reports free pages
to the host, `page_reporting`) the first touch of a page the host took back costs a host fault, so
putting a new file's bytes into the page cache costs the kernel 13–28 µs per 4 KiB page (1–3 µs
when it reuses pages freed a moment before), against ~1 µs through a pipe, whose few pages are
reused. For a ~700 B report that is 0.2–4 µs per record of the replay's system time, against
raw consumption's ~4 µs in all, and it swings with the state of the machine's free memory, not
with replay's code. The pipe row is replay's own cost; the file row adds what the file costs here
(less since the JSONL writer releases a file's pages as it grows: `services/replay/released_file.py`).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from streams.topics import Catalogue

ROWS = {
    "none": "replay, reading only",
    "parquet": "replay → Parquet",
    "jsonl": "replay → JSONL (file)",
    "pipe": "replay → JSONL (pipe)",
}
DISCARD = "import sys\nread = sys.stdin.buffer.raw.read\nwhile read(1 << 20):\n    pass\n"


class CountingSink:
    """Counts the batches' records and writes nothing: replay's reading alone."""

    def __init__(self) -> None:
        self.count = 0

    def write_batch(self, batch: Any) -> None:
        self.count += len(batch)

    def close(self) -> None:
        pass


class PipeReader:
    """A child process reading a pipe to its end and discarding it; started and reaped outside the
    timing, so that neither its start nor its CPU is counted."""

    def __enter__(self) -> PipeReader:
        self._process = subprocess.Popen([sys.executable, "-c", DISCARD], stdin=subprocess.PIPE)
        return self

    @property
    def stdin(self) -> IO[bytes]:
        assert self._process.stdin is not None
        return self._process.stdin

    def __exit__(self, *_: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.stdin.close()
        self._process.wait()


def fresh_output(directory: Path, fmt: str) -> Path:
    """Where a replay writes, with the last round's file removed first (outside the timing): a
    replay writes a new file, and truncating the last one cost the kernel ~0.1 s per 70 MB."""
    path = directory / f"replay.{fmt}"
    path.unlink(missing_ok=True)
    return path


async def replay_to(bootstrap: str, catalogue: Catalogue, fmt: str, path: Path, pipe: IO[bytes] | None) -> int:
    # imported here: bench_analysis's rebuild processes import this module again and need none of them
    from services.cli.replay import copy_records
    from services.replay.jsonl import JsonLinesWriter
    from services.replay.parquet import ParquetWriter

    topic = catalogue.reports.name
    if fmt == "parquet":
        return await copy_records(bootstrap, topic, ParquetWriter(path, "reports"), None, None)
    if fmt == "none":
        return await copy_records(bootstrap, topic, CountingSink(), None, None)
    if fmt == "pipe":
        assert pipe is not None
        return await copy_records(bootstrap, topic, JsonLinesWriter(pipe), None, None)
    with path.open("wb") as handle:
        return await copy_records(bootstrap, topic, JsonLinesWriter(handle), None, None)
