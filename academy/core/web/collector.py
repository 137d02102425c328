"""The garbage collector of a server that keeps every open tab's state in memory.

In the embedded configuration the worker keeps each tab's state (every page's vars) for an hour
after its last event: at 200 learners, 400 tab states (the login page's and the one after the
login's hand-over), a few hundred thousand objects. CPython's collector scans its oldest
generation whole, and with its default thresholds (700, 10, 10) the temporaries of 200 tabs'
events in flight were promoted so fast that it did so every few seconds under load: 7 full
collections in one 200-tab run of `bench/load.py`, 1.5–1.9 s of pauses in all, up to 0.56 s
each, every tab waiting meanwhile.

So, once the app is loaded, what it holds then (modules, components, compiled routes: about
635,000 objects in a served worker, which never become garbage) is frozen out of every later
collection, and the young generation holds 10,000 objects instead of 700: an event's
temporaries are freed by reference counting before a collection can promote them, and a young
collection takes a few milliseconds at most. Measured (three alternating runs at 200 tabs): 3
full collections per run instead of 7, 0.4–0.5 s of pauses instead of 1.5–1.9 s, and the p95
of page loads and the quiz answer 0.6–0.85× (docs/performance.md). A larger young generation
(50,000) made its middle generation's collections cost up to 0.19 s each.
"""

from __future__ import annotations

import gc

YOUNG_GENERATION = 10_000


def settle() -> None:
    """Freeze what the loaded app holds and enlarge the young generation; run once, when the
    server has started (a lifespan task)."""
    gc.collect()
    gc.freeze()
    _, middle, oldest = gc.get_threshold()
    gc.set_threshold(YOUNG_GENERATION, middle, oldest)
