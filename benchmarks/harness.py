"""A small timing harness: run a command N times, keep wall time and peak RSS of each run.

``os.wait4`` gives the resource usage of exactly the child we waited for, so peak RSS is per run
(not the maximum over every child the harness ever started).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Measurement:
    """Runs of one benchmark: seconds and peak RSS (MiB) of each."""

    name: str
    n: int | None
    seconds: list[float] = field(default_factory=list)
    rss_mib: list[float] = field(default_factory=list)
    note: str = ""
    failed: str | None = None

    @property
    def median(self) -> float:
        return statistics.median(self.seconds) if self.seconds else float("nan")

    @property
    def low(self) -> float:
        return min(self.seconds) if self.seconds else float("nan")

    @property
    def high(self) -> float:
        return max(self.seconds) if self.seconds else float("nan")

    @property
    def peak_rss(self) -> float:
        return max(self.rss_mib) if self.rss_mib else float("nan")


def run_measured(argv: Sequence[str], env: dict[str, str] | None = None, cwd: str | None = None) -> tuple[float, float, int, str]:
    """Run once with ``wait4`` for exact per-child peak RSS; stderr goes to a temp file."""
    import tempfile

    with tempfile.TemporaryFile(mode="w+") as errfile:
        start = time.perf_counter()
        proc = subprocess.Popen(
            list(argv), env={**os.environ, **(env or {})}, cwd=cwd,
            stdout=subprocess.DEVNULL, stderr=errfile,
        )
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        errfile.seek(0)
        err = errfile.read()[-2000:]
    # ru_maxrss is in KiB on Linux; children of the child (flyer workers) are not included,
    # so for multiprocess steps this is the parent's peak.
    return elapsed, usage.ru_maxrss / 1024, proc.returncode, err


def measure(
    name: str,
    n: int | None,
    argv: Sequence[str],
    runs: int,
    env: dict[str, str] | None = None,
    cwd: str | None = None,
    before_each: Callable[[], None] | None = None,
    note: str = "",
) -> Measurement:
    """Run ``argv`` ``runs`` times (calling ``before_each`` first) and collect the figures."""
    result = Measurement(name, n, note=note)
    for _ in range(runs):
        if before_each:
            before_each()
        seconds, rss, code, err = run_measured(argv, env, cwd)
        if code != 0:
            result.failed = f"exit {code}: {err.strip().splitlines()[-1] if err.strip() else ''}"
            break
        result.seconds.append(seconds)
        result.rss_mib.append(rss)
    return result


RESULTS = Path(__file__).resolve().parent / "results"
"""Where every benchmark writes its report (``benchmarks/results/``, committed with the change)."""


def publish(name: str, text: str) -> Path:
    """Print a benchmark's report and write it to ``benchmarks/results/<name>``; its path."""
    print(text)
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / name
    path.write_text(text, encoding="utf-8")
    return path
