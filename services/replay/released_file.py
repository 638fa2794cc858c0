"""Write a long output through the page cache without keeping it there.

A replay to a file writes hundreds of MB (~700 B per report). Kept in the page cache, every 4 KiB
of it takes a page the kernel must first obtain, and on a virtual machine whose free memory goes
back to the host (the development machines: Firecracker with free page reporting) the first
touch of such a page is a fault on the host: 13–28 µs of the replay's system time per page,
against 1.5–1.7 µs when the kernel can reuse pages just freed — more than the JSONL writer's own
work per record, and swinging with the machine's free memory. So every `RELEASE_EVERY` bytes the
file is flushed to disk (`fdatasync`, on the writer's thread) and the pages written so far are
dropped from the cache (`posix_fadvise(DONTNEED)`): the next bytes go into the pages just freed.
On any machine this also keeps a big export from evicting what else the cache holds (a broker's
log, on the same host). The cost: the data reaches the disk during the replay (the writer's
thread waits for it, the event loop only when a batch is ready before the last one is written),
and a reader right after reads the file from disk. Pipes, terminals and other streams are
written as they are.
"""

from __future__ import annotations

import io
import os
import stat
from typing import IO

RELEASE_EVERY = 16 << 20  # two to three batches of reports: few flushes, few pages held


class ReleasedFile:
    """`write` to a binary stream; a regular file's written pages are released as it grows."""

    def __init__(self, out: IO[bytes], release_every: int | None = None) -> None:
        self.out = out
        self._fd = _regular_file(out)
        self._release_every = release_every or RELEASE_EVERY
        self._held = 0  # bytes written since the last release

    def write(self, data: bytes) -> None:
        self.out.write(data)
        if self._fd is None:
            return
        self._held += len(data)
        if self._held >= self._release_every:
            self.release()

    def release(self) -> None:
        """Flush what was written to disk and drop its pages from the cache."""
        if self._fd is None or not self._held:
            return
        self.out.flush()
        os.fdatasync(self._fd)
        # the bytes just before the file's offset: right also when the file did not start empty
        # (a shell's `>>` leaves the offset at 0 until the first write, then at the end)
        end = os.lseek(self._fd, 0, os.SEEK_CUR)
        os.posix_fadvise(self._fd, end - self._held, self._held, os.POSIX_FADV_DONTNEED)
        self._held = 0


def _regular_file(out: IO[bytes]) -> int | None:
    """The stream's descriptor if it is a regular file (and the platform can drop its pages)."""
    if not hasattr(os, "posix_fadvise"):
        return None
    try:
        fd = out.fileno()
    except (AttributeError, OSError, io.UnsupportedOperation):  # an in-memory stream
        return None
    return fd if stat.S_ISREG(os.fstat(fd).st_mode) else None
