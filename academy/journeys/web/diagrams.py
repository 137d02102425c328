"""The journey editor's diagram, kept out of the Reflex state.

A large journey's SVG is hundreds of kilobytes: sent in the state delta it made every save send
it again, and kept in the state it lived once per tab. The editor renders it (in a worker
thread), keeps it here under a hash of its content, and puts only its URL in the state;
assets/journey-diagram.js fetches it into the diagram's box, where it is inline SVG as before
(steps are clickable, the open step is outlined). The route checks the login and that the
journey is visible to that person, like every download.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict

# Diagrams kept across all tabs (a few hundred kilobytes each for 200 steps).
KEPT_DIAGRAMS = 64
_kept: OrderedDict[tuple[int, str], str] = OrderedDict()
_lock = threading.Lock()


def keep(journey_id: int, svg: str) -> str:
    """Keep `svg` (the markup of journey `journey_id`'s diagram) and return its URL."""
    key = hashlib.sha256(svg.encode()).hexdigest()[:32]
    with _lock:
        _kept[(journey_id, key)] = svg
        _kept.move_to_end((journey_id, key))
        while len(_kept) > KEPT_DIAGRAMS:
            _kept.popitem(last=False)
    return diagram_url(journey_id, key)


def diagram_url(journey_id: int, key: str) -> str:
    return f"/api/kundresor/{journey_id}/diagram/{key}.svg"


def kept(journey_id: int, key: str) -> str | None:
    with _lock:
        return _kept.get((journey_id, key))


def kept_at(url: str) -> str | None:
    """The markup behind a URL from `keep` (for tests and the route)."""
    parts = url.rstrip("/").split("/")
    if len(parts) < 2 or not parts[-1].endswith(".svg") or not parts[-3].isdigit():
        return None
    return kept(int(parts[-3]), parts[-1].removesuffix(".svg"))
