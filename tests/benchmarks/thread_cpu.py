"""Each thread's CPU during a run, sampled from /proc/self/task (Linux): which thread bounds the wall.

On a loaded machine the wall clock says nothing about how a run would use idle cores; this does.
A run can take no less wall time than its busiest thread's CPU, nor than its total CPU divided by
the cores. The sampler reads every `every_s` seconds, so a thread's last moments before it ends
(at most that long) may be missed; its own CPU is reported apart.
"""

from __future__ import annotations

import os
import threading
from types import TracebackType

TICKS = os.sysconf("SC_CLK_TCK")


class ThreadCpu:
    def __init__(self, every_s: float = 0.05) -> None:
        self._every_s = every_s
        self._first: dict[int, float] = {}
        self._last: dict[int, float] = {}
        self._names: dict[int, str] = {}
        self._stop = threading.Event()
        self._sampler = threading.Thread(target=self._sample, name="thread-cpu sampler", daemon=True)

    def __enter__(self) -> ThreadCpu:
        self._read()
        self._first = dict(self._last)
        self._sampler.start()
        return self

    def __exit__(self, *_: type[BaseException] | BaseException | TracebackType | None) -> None:
        self._stop.set()
        self._sampler.join()
        self._read()

    def by_thread(self) -> dict[str, float]:
        """CPU-seconds per thread name (a pool's threads apart: `parquet-parse_0`, `_1`)."""
        spent: dict[str, float] = {}
        for tid, cpu in self._last.items():
            name = self._names.get(tid, str(tid))
            spent[name] = spent.get(name, 0.0) + cpu - self._first.get(tid, 0.0)
        return dict(sorted(spent.items(), key=lambda item: -item[1]))

    def summary(self, cores: int = 2) -> str:
        spent = self.by_thread()
        sampler = spent.pop(self._sampler.name, 0.0)
        total = sum(spent.values())
        floor = max(total / cores, max(spent.values(), default=0.0))
        shown = ", ".join(f"{name} {cpu:.2f}" for name, cpu in spent.items() if cpu >= 0.01)
        return (
            f"    threads (CPU-s): {shown}; busiest {max(spent.values(), default=0.0):.2f} of {total:.2f}: on "
            f"{cores} idle cores the wall is at least {floor:.2f} s (CPU-s ÷ wall-s at most {total / floor:.2f}); "
            f"the sampler itself {sampler:.2f}"
        )

    def _sample(self) -> None:
        while not self._stop.wait(self._every_s):
            self._read()

    def _read(self) -> None:
        python_names = {thread.native_id: thread.name for thread in threading.enumerate()}
        for entry in os.listdir("/proc/self/task"):
            tid = int(entry)
            try:
                with open(f"/proc/self/task/{tid}/stat") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
                with open(f"/proc/self/task/{tid}/comm") as comm:
                    native_name = comm.read().strip()
            except OSError:
                continue  # the thread ended meanwhile
            self._last[tid] = (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime
            if tid in python_names:
                self._names[tid] = python_names[tid]
            else:
                self._names.setdefault(tid, native_name)  # librdkafka's own threads name themselves
