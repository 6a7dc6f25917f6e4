"""Work on both cores: one piece in a forked process beside this one, or many calls in a pool.

A site build has two independent halves once the catalog is loaded and the flyers exist: the
pages, and the open-data exports, planning report and alias pages. :class:`Alongside` forks, lets
the child do one half (it inherits the loaded catalog, nothing is sent to it), and brings the
child's result back through a pipe when :meth:`Alongside.result` is asked — so both cores work.

The child's log records travel back with its result and are handled here, so a warning counts
towards ``mkdocs build --strict`` as if this process had logged it. An exception in the child is
raised again here. Where ``fork`` does not exist the work simply runs in this process.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import pickle
import signal
from collections.abc import Callable, Iterator, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")
POOL_FROM = 24
"""Fewer calls than this run in this process (starting a pool costs more than it saves)."""


def can_fork() -> bool:
    """True where a second process is both possible and useful."""
    return hasattr(os, "fork") and (os.cpu_count() or 1) > 1


class Alongside(Generic[T]):
    """``work()`` in a child process, started at construction; :meth:`result` waits for it."""

    def __init__(self, work: Callable[[], T], *, fork: bool = True) -> None:
        self._pid = 0
        self._read = -1
        self._value: tuple[str, object, list[logging.LogRecord]] | None = None
        if not (fork and can_fork()):
            self._value = _outcome(work)
            return
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: do the work, send the outcome, leave without cleanup
            os.close(read)
            code = 0
            try:
                _silence_handlers()
                payload = _pickle(_outcome(work, collect_logs=True))
                with os.fdopen(write, "wb") as out:
                    out.write(payload)
            except BaseException:  # noqa: BLE001 - nothing may escape a forked child
                code = 1
            finally:
                os._exit(code)
        os.close(write)
        self._pid, self._read = pid, read

    def result(self) -> T:
        """The child's return value (its exception is raised here; its log records handled)."""
        if self._value is None:
            with os.fdopen(self._read, "rb") as pipe:
                data = pipe.read()
            self._read = -1
            _, status = os.waitpid(self._pid, 0)
            self._pid = 0
            if not data:
                raise RuntimeError(f"Hilfsprozess ohne Ergebnis beendet (Status {status})")
            self._value = pickle.loads(data)
        kind, value, records = self._value
        for record in records:
            logging.getLogger(record.name).handle(record)
        if kind == "error":
            raise value  # type: ignore[misc]
        return value  # type: ignore[return-value]

    def cancel(self) -> None:
        """Stop the child (this process failed and will not ask for the result)."""
        if self._pid:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self._pid, signal.SIGKILL)
            os.waitpid(self._pid, 0)
            self._pid = 0
        if self._read >= 0:
            os.close(self._read)
            self._read = -1


class Share:
    """Which of ``count`` items this process takes: all of them, in order (no second process)."""

    def indices(self, count: int) -> Iterator[int]:
        """The indices this process renders, each claimed just before it is needed."""
        return iter(range(count))


EVERY = Share()


class Meeting:
    """``count`` items shared out between this process and a forked one as they go: one takes
    from the front, the other from the back, until they meet. Each item is taken exactly once,
    and the process that is done with its other work first takes more, so both finish
    together on any machine (a fixed share was right for one machine and one atlas only).
    The two ends live in shared memory, made before the fork."""

    def __init__(self, count: int) -> None:
        self._lock = multiprocessing.Lock()
        self._ends = multiprocessing.RawArray("q", [0, count])
        self.front, self.back = _End(self, 0), _End(self, 1)

    def claim(self, end: int) -> int | None:
        """The next index from the front (``end`` 0) or the back (1); None once they met."""
        with self._lock:
            low, high = self._ends[0], self._ends[1]
            if low >= high:
                return None
            if end == 0:
                self._ends[0] = low + 1
                return low
            self._ends[1] = high - 1
            return high - 1


class _End(Share):
    def __init__(self, meeting: Meeting, end: int) -> None:
        self._meeting, self._end = meeting, end

    def indices(self, count: int) -> Iterator[int]:
        while (index := self._meeting.claim(self._end)) is not None:
            yield index


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        record.msg, record.args = record.getMessage(), None  # arguments may not pickle
        record.exc_info = record.exc_text = None
        self.records.append(record)


def _silence_handlers() -> None:
    # The child's copies of this process's handlers would print (and count) twice; and every
    # record must reach the collector on the root logger (MkDocs' logger does not propagate).
    loggers = [logging.getLogger(), *logging.Logger.manager.loggerDict.values()]
    for logger in loggers:
        if isinstance(logger, logging.Logger):
            logger.handlers = []
            logger.propagate = True


def _outcome(work: Callable[[], T], collect_logs: bool = False) -> tuple[str, object, list[logging.LogRecord]]:
    collector = _Collect() if collect_logs else None
    if collector is not None:
        logging.getLogger().addHandler(collector)
    try:
        value: object = work()
        kind = "ok"
    except Exception as exc:  # re-raised in the parent by result()
        kind, value = "error", exc
    finally:
        if collector is not None:
            logging.getLogger().removeHandler(collector)
    return kind, value, collector.records if collector is not None else []


def _pickle(outcome: tuple[str, object, list[logging.LogRecord]]) -> bytes:
    try:
        return pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # an exception that does not pickle: keep its text
        kind, value, records = outcome
        return pickle.dumps((kind, RuntimeError(repr(value)), records), protocol=pickle.HIGHEST_PROTOCOL)


def _call(work: Callable[[], T]) -> T:
    return work()


def map_calls(calls: Sequence[Callable[[], T]], processes: int | None = None) -> list[T]:
    """``[call() for call in calls]``, on every core when there are many (results in order).

    Each call must pickle (a module-level function in a ``functools.partial``). Workers are
    forked where possible, so they inherit what this process loaded (registered fonts).
    """
    processes = processes or min(os.cpu_count() or 1, 8)
    if processes <= 1 or len(calls) < POOL_FROM:
        return [call() for call in calls]
    try:
        context = multiprocessing.get_context("fork")
    except ValueError:  # no fork (Windows, macOS default)
        context = multiprocessing.get_context()
    chunk = max(1, min(32, len(calls) // (processes * 4)))
    with context.Pool(processes) as pool:
        return pool.map(_call, calls, chunksize=chunk)
