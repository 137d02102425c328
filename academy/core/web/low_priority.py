"""Work that can wait while pages are served: password hashing, in threads the OS runs last.

A burst of logins (a whole shift logging in at 8:00) is seconds of argon2 on every core. In
ordinary threads the hashing takes the CPU from the event loop in turns, so the pages and quiz
answers of everyone already logged in wait behind it. These threads run at a lower OS priority
(Linux's per-thread niceness, `LOGIN_HASH_NICE`): the hashing still uses every core the loop
leaves idle, and the loop gets a core as soon as it has an event to serve. A login waits longer
in a burst; nobody else waits for it.
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
import os
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from academy.core.settings import get_settings

log = logging.getLogger(__name__)

T = TypeVar("T")


def _lower_priority() -> None:
    """Lower the calling thread's priority by `LOGIN_HASH_NICE` steps of Linux's niceness (0 is
    normal, 19 the lowest; 10 by default: CFS then gives the thread about a tenth of the CPU a
    normal thread gets when both want it, and all of it otherwise). Linux sets niceness per
    thread (by its native id); elsewhere the call would change the whole process, so it is
    left alone."""
    lower = get_settings().login_hash_nice
    if not lower or not sys.platform.startswith("linux"):
        return
    thread = threading.get_native_id()
    try:
        nice = os.getpriority(os.PRIO_PROCESS, thread)
        os.setpriority(os.PRIO_PROCESS, thread, min(19, nice + lower))
    except OSError as error:  # a sandbox may refuse it: the work still runs, at normal priority
        log.warning("Could not lower the hashing threads' priority: %s", error)


# As many threads as cores: more would not hash faster, only hold more memory (19 MiB each).
_pool = ThreadPoolExecutor(
    max_workers=max(2, os.cpu_count() or 2),
    thread_name_prefix="low-priority",
    initializer=_lower_priority,
)


async def run_low_priority(work: Callable[..., T], *args) -> T:
    """`work(*args)` in a low-priority thread, awaited without blocking the event loop; like
    `asyncio.to_thread`, it runs in a copy of the caller's context."""
    context = contextvars.copy_context()
    return await asyncio.get_running_loop().run_in_executor(_pool, context.run, work, *args)
