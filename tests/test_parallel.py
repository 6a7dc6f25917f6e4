"""Work in a forked process: its result, its exceptions and its log records come back."""

from __future__ import annotations

import logging
import os
import signal
import time

import pytest

from build_tools.parallel import Alongside
from build_tools.problems import ContentError, Problem


@pytest.fixture(autouse=True)
def _two_cores(monkeypatch):
    # Alongside only forks where a second core helps; these tests are about the fork itself.
    monkeypatch.setattr(os, "cpu_count", lambda: 2)


def test_the_work_runs_in_another_process_and_its_result_comes_back():
    parent = os.getpid()
    job = Alongside(lambda: {"pid": os.getpid(), "data": b"x" * 1_000_000})
    result = job.result()
    assert result["pid"] != parent
    assert len(result["data"]) == 1_000_000  # more than a pipe buffer: no deadlock


def test_an_exception_in_the_child_is_raised_here_with_its_details():
    def fail():
        raise ContentError([Problem("content/offers/x.yml", 3, 5, "title", "fehlt")])

    job = Alongside(fail)
    with pytest.raises(ContentError) as info:
        job.result()
    assert info.value.problems[0].field == "title"


class _Keep(logging.Handler):
    def __init__(self):
        super().__init__()
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def test_log_records_of_the_child_are_handled_here_once():
    # MkDocs' logger does not propagate to the root: the records must still come back, and be
    # handled by this process's handlers on that logger (where `--strict` counts warnings).
    logger = logging.getLogger("mkdocs.plugins.atlas")
    keep = _Keep()
    parent = logging.getLogger("mkdocs")
    old_propagate = parent.propagate
    parent.propagate = False
    logger.addHandler(keep)
    try:
        def warn():
            logger.warning("Achtung %s", "Kind")
            return 1

        assert Alongside(warn).result() == 1
    finally:
        logger.removeHandler(keep)
        parent.propagate = old_propagate
    assert keep.messages == ["Achtung Kind"]


def test_a_child_that_dies_is_an_error_not_a_hang():
    job = Alongside(lambda: os.kill(os.getpid(), signal.SIGKILL))
    with pytest.raises(RuntimeError, match="ohne Ergebnis"):
        job.result()


def test_without_fork_the_work_runs_here():
    parent = os.getpid()
    assert Alongside(os.getpid, fork=False).result() == parent


def test_cancel_stops_the_child():
    job = Alongside(lambda: __import__("time").sleep(30))
    job.cancel()
    job.cancel()  # twice is harmless


def test_a_meeting_shares_every_index_out_exactly_once_between_two_processes():
    from build_tools.parallel import Meeting

    meeting = Meeting(500)

    def back() -> list[int]:
        taken = []
        for index in meeting.back.indices(500):
            taken.append(index)
            time.sleep(0.003)  # three times slower than the front: it takes fewer, not a half
        return taken

    child = Alongside(back)
    front = []
    for index in meeting.front.indices(500):
        front.append(index)
        time.sleep(0.001)
    behind = child.result()
    assert sorted(front + behind) == list(range(500))
    assert front == list(range(len(front))) and 0 < len(behind) < len(front)


def test_without_a_second_process_one_end_takes_everything():
    from build_tools.parallel import EVERY, Meeting

    meeting = Meeting(5)
    assert list(meeting.back.indices(5)) == [4, 3, 2, 1, 0]
    assert list(meeting.front.indices(5)) == []
    assert list(EVERY.indices(3)) == [0, 1, 2]
