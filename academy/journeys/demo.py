"""Demo journeys: the examples, owned by the demo strategist. Idempotent."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from academy.core.auth import to_current_user
from academy.core.models import Unit, User
from academy.journeys.models import JourneyRecord
from academy.journeys.store import create_journey, save_journey
from journeys.examples import load_example

OWNER = "strateg@demo.se"
# (example, unit, shared with every unit, the current journey it improves on)
DEMO_JOURNEYS = [
    ("forskoleplats-nulage", "Förskoleförvaltningen", True, None),
    ("forskoleplats-onskat-lage", "Förskoleförvaltningen", True, "forskoleplats-nulage"),
    ("felanmalan-gatubelysning", "Servicecenter", False, None),
]


def seed_journeys(session: Session) -> int:
    owner = session.scalar(select(User).where(User.email == OWNER))
    if owner is None:
        return 0
    actor = to_current_user(owner)
    ids: dict[str, int] = {}
    created = 0
    for name, unit_name, shared, current in DEMO_JOURNEYS:
        journey = load_example(name)
        existing = session.scalar(
            select(JourneyRecord.id).where(
                JourneyRecord.title == journey.title,
                JourneyRecord.kind == journey.kind,
                JourneyRecord.owner_id == owner.id,
            )
        )
        if existing is not None:
            ids[name] = existing
            continue
        unit_id = session.scalar(select(Unit.id).where(Unit.name == unit_name))
        ids[name] = create_journey(session, actor, journey, unit_id=unit_id, shared=shared)
        if current is not None:
            save_journey(
                session,
                actor,
                ids[name],
                journey,
                expected_version=1,
                summary="Kopplad till nuläget",
                current_journey_id=ids[current],
            )
        created += 1
    return created
