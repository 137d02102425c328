"""DOT export (the same text the renderer feeds to `dot`)."""

from __future__ import annotations

from journeys.blueprint import journey_dot
from journeys.model import Journey


def to_dot(journey: Journey) -> str:
    return journey_dot(journey)
