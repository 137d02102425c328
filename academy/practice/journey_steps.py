"""Where in a customer journey a scenario happens: the steps a trainer may choose from.

A choice is stored as ``"<journey id>#<step id>"`` together with a label (journey title and step
text) taken when it is chosen, so the player can show it to employees who cannot open the journey.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from academy.core.access import CurrentUser, require_role
from academy.core.errors import NotFound, ValidationError
from academy.journeys import store
from academy.practice.common import AUTHORS


def _label(journey_title: str, step_text: str) -> str:
    return f"{journey_title} – {step_text}"


def step_options(session: Session, actor: CurrentUser | None) -> list[tuple[str, str]]:
    """(reference, label) of every step in the journeys the actor may see."""
    actor = require_role(actor, *AUTHORS)
    options = []
    for summary in store.list_journeys(session, actor):
        journey = store.get_journey(session, actor, summary.id).journey
        for step in journey.steps:
            options.append((f"{summary.id}#{step.id}", _label(journey.title, step.text)))
    return options


def resolve_step(session: Session, actor: CurrentUser | None, reference: str) -> tuple[str, str]:
    """Check a chosen reference against the journeys the actor may see; returns (ref, label)."""
    actor = require_role(actor, *AUTHORS)
    journey_id, hash_, step_id = (reference or "").partition("#")
    refused = ValidationError(
        "Välj ett steg i en kundresa som du har tillgång till. Inget har sparats.",
        field="journey_step",
    )
    if not (journey_id.isdigit() and hash_ and step_id):
        raise refused
    try:
        journey = store.get_journey(session, actor, int(journey_id)).journey
    except NotFound as exc:
        raise refused from exc
    step = next((s for s in journey.steps if s.id == step_id), None)
    if step is None:
        raise refused
    return reference, _label(journey.title, step.text)
