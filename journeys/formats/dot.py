"""DOT export (the same text the renderer feeds to `dot`)."""

from __future__ import annotations

from journeys.model import Journey
from journeys.render import journey_dot


def to_dot(journey: Journey) -> str:
    return journey_dot(journey)
