"""Önskat läge from nuläge: a current journey copied into a new future journey linked to it."""

from __future__ import annotations

import copy
from datetime import datetime

from sqlalchemy.orm import Session

from academy.core.access import CurrentUser, require_role
from academy.core.errors import ValidationError
from academy.journeys import store
from academy.journeys.models import JourneyRecord

FUTURE_SUFFIX = " – önskat läge"
ALREADY_FUTURE = "Kundresan är redan ett önskat läge. Skapa önskat läge från ett nuläge."


def future_title(title: str) -> str:
    """The copy's title: the current title and " – önskat läge", within 200 characters."""
    return title.strip()[: 200 - len(FUTURE_SUFFIX)] + FUTURE_SUFFIX


def create_future(
    session: Session, actor: CurrentUser | None, journey_id: int, *, now: datetime | None = None
) -> int:
    """Copy a current journey into a new future journey with the same unit, owner and sharing,
    linked to the current one (so the two can be compared). Returns the new journey's id."""
    require_role(actor, *store.EDITORS)
    stored = store.get_journey(session, actor, journey_id)
    if stored.journey.kind != "current":
        raise ValidationError(ALREADY_FUTURE)
    future = copy.deepcopy(stored.journey)
    future.kind = "future"
    future.title = future_title(future.title)
    new_id = store.create_journey(
        session,
        actor,
        future,
        unit_id=stored.unit_id,
        shared=stored.shared,
        summary=f"Skapad som önskat läge av ”{stored.journey.title}” (version {stored.version})",
        now=now,
    )
    record = session.get(JourneyRecord, new_id)
    source = session.get(JourneyRecord, journey_id)
    record.owner_id = source.owner_id if source.owner_id is not None else record.owner_id
    record.current_journey_id = journey_id
    session.flush()
    return new_id
