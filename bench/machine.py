"""The machine a benchmark runs on, and how fast it is this hour.

This 2-core machine's speed drifts by a factor of two or three between hours and days (one
argon2id check took 10.5 ms on one afternoon, 27 ms the same evening). The blank Reflex app
is the floor of page loads and events, measured in the same run; a login's cost is mostly the
hashing, so its floor is the hashing itself: one argon2id check with the app's parameters,
measured now, and what a burst of logins needs of the cores for it alone.
"""

from __future__ import annotations

import math
import os
import statistics
import time

from academy.core.security import hash_password, verify_password


def cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def argon2_check_seconds(runs: int = 5) -> float:
    """One login's password check with the app's parameters (argon2id, OWASP's 19 MiB, two
    iterations, one lane, by libsodium): the median CPU time of `runs` checks."""
    stored = hash_password("en-lösenordskontroll")
    times = []
    for _ in range(runs):
        start = time.thread_time()
        verify_password(stored, "en-lösenordskontroll")
        times.append(time.thread_time() - start)
    return statistics.median(times)


def hashing_floor(logins: int, check: float) -> float:
    """Seconds until the last of `logins` simultaneous logins can have been hashed if every core
    did nothing else: no burst of logins can be served faster, whatever the server."""
    return math.ceil(logins / cores()) * check


def header() -> str:
    """The line a benchmark's report begins with."""
    check = argon2_check_seconds()
    return (
        f"Machine: {cores()} cores; {time.strftime('%Y-%m-%d %H:%M')}; "
        f"one argon2id check {check * 1000:.1f} ms of CPU"
    )
