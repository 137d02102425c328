"""The garbage collector of a server that keeps every open tab's state in memory.

In the embedded configuration the worker keeps each tab's state (every page's vars) for an hour
after its last event: at 200 learners, 400 tab states (the login page's and the one after the
login's hand-over), a few hundred thousand objects. Reflex freezes what the loaded app holds
before it forks the workers (about 635,000 objects), but everything created after that is
scanned at each full collection. With CPython's default thresholds (700, 10, 10) the
temporaries of 200 tabs' events in flight were promoted so fast that a full collection ran every
few seconds under load: 7 in one 200-tab run of `bench/load.py`, 1.5–1.9 s of pauses in all, up
to 0.56 s each, every tab waiting meanwhile.

So the young generation holds 10,000 objects instead of 700: an event's temporaries are freed by
reference counting before a collection can promote them, and a young collection takes a few
milliseconds. Measured at 200 tabs: no full collection during two runs, the middle generation's
collections 5 per two runs, up to 51 ms each; the p95 of page loads and the quiz answer
0.6–0.85× (three alternating runs, docs/performance.md). A young generation of 50,000 made the
middle generation's collections cost up to 0.19 s each.
"""

from __future__ import annotations

import gc

YOUNG_GENERATION = 10_000


def settle() -> None:
    """Enlarge the young generation, keeping the older generations' thresholds; run once in
    each worker, when the server has started (a lifespan task)."""
    _, middle, oldest = gc.get_threshold()
    gc.set_threshold(YOUNG_GENERATION, middle, oldest)
