"""Customer journeys (kundresor): graph model, analysis, diagrams and formats.

Pure Python on networkx and Graphviz; never imports Reflex and never touches a database.
"""

from journeys.errors import JourneyFormatError, RenderError
from journeys.model import Flow, Journey, Lane, Problem, Stage, Step, validate

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
