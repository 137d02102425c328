"""The journey editor's diagram, kept out of the Reflex state.

A large journey's SVG is hundreds of kilobytes: sent in the state delta it made every save send
it again, and kept in the state it lived once per tab. The editor renders it (in a worker
thread), keeps it under a hash of its content, and puts only its URL in the state;
assets/journey-diagram.js fetches it into the diagram's box, where it is inline SVG as before
(steps are clickable, the open step is outlined). The route checks the login and that the
journey is visible to that person, like every download.

Kept diagrams are files in DATA_DIR (`journey-diagrams/<journey id>/<hash>.svg`, written
atomically), so every backend worker serves a diagram another rendered, and a restart loses
none; the scale-out configuration already shares DATA_DIR for uploaded images. The newest
KEPT_PER_JOURNEY diagrams of each journey stay; older ones are removed when a new one is kept.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path

from academy.core.settings import data_dir

KEPT_PER_JOURNEY = 8
_KEY = re.compile(r"[0-9a-f]{32}")


def _folder(journey_id: int) -> Path:
    return data_dir() / "journey-diagrams" / str(int(journey_id))


def keep(journey_id: int, svg: str) -> str:
    """Keep `svg` (the markup of journey `journey_id`'s diagram) and return its URL."""
    data = svg.encode()
    key = hashlib.sha256(data).hexdigest()[:32]
    folder = _folder(journey_id)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{key}.svg"
    if path.exists():
        os.utime(path)  # the newest again
    else:
        with tempfile.NamedTemporaryFile(dir=folder, suffix=".tmp", delete=False) as out:
            out.write(data)
        os.replace(out.name, path)
    _prune(folder)
    return diagram_url(journey_id, key)


def _prune(folder: Path) -> None:
    kept = sorted(folder.glob("*.svg"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in kept[KEPT_PER_JOURNEY:]:
        old.unlink(missing_ok=True)


def diagram_url(journey_id: int, key: str) -> str:
    return f"/api/kundresor/{journey_id}/diagram/{key}.svg"


def kept(journey_id: int, key: str) -> str | None:
    if not _KEY.fullmatch(key):
        return None
    try:
        return (_folder(journey_id) / f"{key}.svg").read_text()
    except FileNotFoundError:
        return None


def kept_at(url: str) -> str | None:
    """The markup behind a URL from `keep` (for tests and the route)."""
    parts = url.rstrip("/").split("/")
    if len(parts) < 2 or not parts[-1].endswith(".svg") or not parts[-3].isdigit():
        return None
    return kept(int(parts[-3]), parts[-1].removesuffix(".svg"))
