"""Customer journeys (kundresor): graph model, analysis, diagrams and formats; and contact
analysis (Kontaktanalys, `journeys.contacts`).

Pure Python on networkx and Graphviz; never imports Reflex and never touches a database.
The names below are loaded on first use, so that `journeys.contacts` and the CLI do not pay
for networkx when they do not need it.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from journeys.errors import JourneyFormatError, RenderError
    from journeys.model import Flow, Journey, Lane, Problem, Stage, Step, validate

_EXPORTS = {
    "Flow": "journeys.model",
    "Journey": "journeys.model",
    "JourneyFormatError": "journeys.errors",
    "Lane": "journeys.model",
    "Problem": "journeys.model",
    "RenderError": "journeys.errors",
    "Stage": "journeys.model",
    "Step": "journeys.model",
    "validate": "journeys.model",
}

__all__ = [
    "Flow",
    "Journey",
    "JourneyFormatError",
    "Lane",
    "Problem",
    "RenderError",
    "Stage",
    "Step",
    "validate",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'journeys' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value
