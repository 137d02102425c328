"""Password hashing runs in threads the OS schedules after the event loop."""

import asyncio
import contextvars
import os
import sys
import threading

import pytest

from academy.core.settings import get_settings
from academy.core.web.low_priority import run_low_priority

_SEEN: contextvars.ContextVar[str] = contextvars.ContextVar("seen", default="")


def _where() -> tuple[int, int, str]:
    native = threading.get_native_id()
    return native, os.getpriority(os.PRIO_PROCESS, native), _SEEN.get()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="niceness per thread is Linux's")
def test_work_runs_in_a_lower_priority_thread_in_the_callers_context():
    async def call():
        _SEEN.set("the caller's")
        return await run_low_priority(_where)

    native, nice, seen = asyncio.run(call())
    assert native != threading.get_native_id()  # not on the event loop's thread
    lower = get_settings().login_hash_nice
    assert lower == 10  # the default
    assert nice == min(19, os.getpriority(os.PRIO_PROCESS, 0) + lower)
    assert seen == "the caller's"
    # The caller's own priority is left as it was.
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) < nice


def test_errors_reach_the_caller():
    def fail():
        raise ValueError("nej")

    with pytest.raises(ValueError, match="nej"):
        asyncio.run(run_low_priority(fail))
