"""Outside formats for journeys, chosen by file extension.

Reading: .json (node-link JSON) and .mmd/.mermaid (Mermaid journey). Writing: the same plus .dot.
"""

from __future__ import annotations

from pathlib import Path

from journeys.errors import JourneyFormatError
from journeys.formats import json_format, mermaid
from journeys.formats.dot import to_dot
from journeys.model import Journey

READERS = {
    ".json": json_format.loads,
    ".mmd": mermaid.parse_mermaid,
    ".mermaid": mermaid.parse_mermaid,
}
WRITERS = {
    ".json": json_format.dumps,
    ".mmd": mermaid.to_mermaid,
    ".mermaid": mermaid.to_mermaid,
    ".dot": to_dot,
    ".gv": to_dot,
}


def _suffix(path: str | Path, table: dict) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in table:
        known = ", ".join(sorted(table))
        raise JourneyFormatError(f"okänd filtyp {suffix or '(ingen)'!r}; väntade {known}")
    return suffix


def parse(text: str, suffix: str) -> Journey:
    return READERS[_suffix(f"x{suffix}", READERS)](text)


def serialize(journey: Journey, suffix: str) -> str:
    return WRITERS[_suffix(f"x{suffix}", WRITERS)](journey)


def load(path: str | Path) -> Journey:
    suffix = _suffix(path, READERS)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise JourneyFormatError(f"filen är inte text i UTF-8: {error.reason}") from None
    return READERS[suffix](text)


def save(journey: Journey, path: str | Path) -> None:
    suffix = _suffix(path, WRITERS)
    Path(path).write_text(WRITERS[suffix](journey), encoding="utf-8")
