"""run_with_time_limit: a forked child per query, killed at the limit."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from multiprocessing.process import BaseProcess

import pytest

from critmin.service.query_process import QueryFailed, QueryTimeout, run_with_time_limit


def test_the_answer_comes_back_from_a_child_process() -> None:
    parent = os.getpid()
    assert run_with_time_limit(lambda: ("pid differs", os.getpid() != parent), 30.0) == (
        "pid differs", True
    )


def test_a_task_past_the_limit_is_killed(
    forked_children: Callable[[], list[BaseProcess]],
) -> None:
    never = threading.Event()
    with pytest.raises(QueryTimeout) as raised:
        run_with_time_limit(never.wait, 0.2)
    assert str(raised.value) == "the query ran longer than the 0.2 s limit and was stopped"
    assert forked_children() == []


def test_an_error_in_the_task_is_query_failed() -> None:
    def fail() -> None:
        raise ValueError("bad term")

    with pytest.raises(QueryFailed) as raised:
        run_with_time_limit(fail, 30.0)
    assert str(raised.value) == "ValueError: bad term"


def test_a_child_that_dies_without_answering_is_query_failed() -> None:
    with pytest.raises(QueryFailed) as raised:
        run_with_time_limit(lambda: os._exit(3), 30.0)
    assert str(raised.value) == "the query process ended without an answer"

