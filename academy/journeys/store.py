"""Stored journeys: who may see and change them, versions, optimistic locking, training links.

Plain functions over a SQLAlchemy session, like the academy's other services; no Reflex. The
journey travels as the engine's `Journey` and is stored as its JSON document.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import NoReturn

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from academy.core.access import CurrentUser, require_role
from academy.core.errors import NotFound, StaleEdit, ValidationError
from academy.core.models import Role, Unit, User, utcnow
from academy.core.versioning import save_versioned
from academy.journeys.editing import MAX_TITLE, check_limits, restore_changes
from academy.journeys.models import JourneyRecord, JourneyVersion
from journeys.formats import json_format
from journeys.model import Journey

EDITORS = (Role.ADMIN, Role.STRATEGIST)
KIND_LABELS = {"current": "Nuläge", "future": "Önskat läge"}
MERGE_MINUTES = 10
RESTORED = "Återställd från version"
STALE_MESSAGE = (
    "Kundresan har ändrats av {who} sedan du öppnade den. Dina ändringar är inte sparade men "
    "finns kvar i formuläret: ladda om kundresan, jämför och spara igen."
)


class StaleJourney(StaleEdit):
    """Someone saved the journey after this copy was loaded; nothing was written."""


@dataclass(frozen=True)
class JourneySummary:
    id: int
    title: str
    kind: str
    kind_label: str
    unit_id: int | None
    unit: str
    owner: str
    shared: bool
    updated_at: str


@dataclass(frozen=True)
class StoredJourney:
    id: int
    journey: Journey
    version: int
    unit_id: int | None
    shared: bool
    current_journey_id: int | None
    can_edit: bool


@dataclass(frozen=True)
class VersionRow:
    version: int
    author: str
    created_at: str
    summary: str
    restore_changes: str = ""  # what restoring this version would change, in words


def can_edit(actor: CurrentUser | None) -> bool:
    return actor is not None and actor.has_any(*EDITORS)


def _visible(actor: CurrentUser):
    """The WHERE clause for the journeys `actor` may see."""
    if actor.has_any(*EDITORS):
        return True
    return or_(JourneyRecord.shared.is_(True), JourneyRecord.unit_id == actor.unit_id)


def _load(session: Session, actor: CurrentUser | None, journey_id: int) -> JourneyRecord:
    require_role(actor, Role.ADMIN, Role.STRATEGIST, Role.TRAINER, Role.EMPLOYEE)
    record = session.scalar(
        select(JourneyRecord).where(JourneyRecord.id == journey_id, _visible(actor))
    )
    if record is None:
        raise NotFound("Kundresan finns inte, eller så har du inte behörighet att se den.")
    return record


def require_visible(session: Session, actor: CurrentUser | None, journey_id: int) -> None:
    """Refuse (NotFound) unless the journey is visible to `actor`; nothing is parsed."""
    _load(session, actor, journey_id)


def list_journeys(
    session: Session,
    actor: CurrentUser | None,
    *,
    search: str = "",
    unit_id: int | None = None,
    kind: str = "",
) -> list[JourneySummary]:
    require_role(actor, Role.ADMIN, Role.STRATEGIST, Role.TRAINER, Role.EMPLOYEE)
    query = (
        select(JourneyRecord, Unit.name, User.name)
        .outerjoin(Unit, Unit.id == JourneyRecord.unit_id)
        .outerjoin(User, User.id == JourneyRecord.owner_id)
        .where(_visible(actor))
        .order_by(JourneyRecord.updated_at.desc(), JourneyRecord.id.desc())
    )
    if search.strip():
        query = query.where(func.lower(JourneyRecord.title).contains(search.strip().lower()))
    if unit_id is not None:
        query = query.where(JourneyRecord.unit_id == unit_id)
    if kind:
        query = query.where(JourneyRecord.kind == kind)
    return [
        JourneySummary(
            id=record.id,
            title=record.title,
            kind=record.kind,
            kind_label=KIND_LABELS.get(record.kind, record.kind),
            unit_id=record.unit_id,
            unit=unit_name or "",
            owner=owner_name or "",
            shared=record.shared,
            updated_at=record.updated_at.strftime("%Y-%m-%d %H:%M"),
        )
        for record, unit_name, owner_name in session.execute(query).all()
    ]


def get_journey(session: Session, actor: CurrentUser | None, journey_id: int) -> StoredJourney:
    record = _load(session, actor, journey_id)
    journey = json_format.loads(record.document)
    journey.version = record.version
    return _stored(actor, record, journey)


def get_edited(
    session: Session, actor: CurrentUser | None, journey_id: int, journey: Journey
) -> StoredJourney:
    """The journey as `edit_journey` just saved it in this transaction: `journey` is the edited
    object itself, so its document is not parsed again (a 200-step journey: about 15 ms)."""
    record = _load(session, actor, journey_id)
    if journey.version != record.version:
        raise ValueError("the journey was not saved in this transaction")
    return _stored(actor, record, journey)


def _stored(actor: CurrentUser | None, record: JourneyRecord, journey: Journey) -> StoredJourney:
    return StoredJourney(
        id=record.id,
        journey=journey,
        version=record.version,
        unit_id=record.unit_id,
        shared=record.shared,
        current_journey_id=record.current_journey_id,
        can_edit=can_edit(actor),
    )


def _check(journey: Journey) -> None:
    if not journey.title.strip():
        raise ValidationError("Kundresan måste ha en titel.")
    if len(journey.title) > MAX_TITLE:
        raise ValidationError(f"Titeln får vara högst {MAX_TITLE} tecken.")
    if journey.kind not in KIND_LABELS:
        raise ValidationError("Välj Nuläge eller Önskat läge.")
    check_limits(journey)


def create_journey(
    session: Session,
    actor: CurrentUser | None,
    journey: Journey,
    *,
    unit_id: int | None = None,
    shared: bool = False,
    summary: str = "Skapad",
    now: datetime | None = None,
) -> int:
    require_role(actor, *EDITORS)
    _check(journey)
    now = now or utcnow()
    journey.version = 1
    document = json_format.dumps(journey, indent=None)
    record = JourneyRecord(
        title=journey.title.strip(),
        kind=journey.kind,
        unit_id=unit_id if unit_id is not None else actor.unit_id,
        owner_id=actor.id,
        shared=shared,
        version=1,
        document=document,
        created_at=now,
        updated_at=now,
        updated_by=actor.id,
    )
    session.add(record)
    session.flush()
    session.add(
        JourneyVersion(
            journey_id=record.id,
            version=1,
            document=document,
            summary=summary,
            author_id=actor.id,
            created_at=now,
        )
    )
    return record.id


def save_journey(
    session: Session,
    actor: CurrentUser | None,
    journey_id: int,
    journey: Journey,
    *,
    expected_version: int,
    summary: str,
    unit_id: int | None = None,
    shared: bool | None = None,
    current_journey_id: int | None | bool = False,
    now: datetime | None = None,
    merge: bool = False,
) -> int:
    """Save a new version if nobody saved since `expected_version`; returns the new version.

    The version check and the write are one UPDATE, so two simultaneous saves cannot both win.
    With `merge`, an edit by the person who made the newest history entry less than
    MERGE_MINUTES after it joins that entry (its number, document and summary are updated), so
    a sitting's edits read as one version in the history.
    """
    require_role(actor, *EDITORS)
    record = _load(session, actor, journey_id)
    _check(journey)
    now = now or utcnow()
    journey.version = expected_version + 1
    document = json_format.dumps(journey, indent=None)
    values = dict(
        title=journey.title.strip(),
        kind=journey.kind,
        document=document,
        updated_at=now,
        updated_by=actor.id,
    )
    if unit_id is not None:
        values["unit_id"] = unit_id
    if shared is not None:
        values["shared"] = shared
    if current_journey_id is not False:
        if current_journey_id == journey_id:
            raise ValidationError("En kundresa kan inte jämföras med sig själv.")
        values["current_journey_id"] = current_journey_id
    try:
        new_version = save_versioned(
            session, JourneyRecord, journey_id, expected_version, what="Kundresan", **values
        )
    except StaleEdit:
        _refuse_stale(session, record)
    last = _mergeable(session, actor, journey_id, now) if merge else None
    if last is not None:
        last.version, last.document = new_version, document
        last.summary = _joined(last.summary, summary)
        return new_version
    session.add(
        JourneyVersion(
            journey_id=journey_id,
            version=new_version,
            document=document,
            summary=summary[:300],
            author_id=actor.id,
            created_at=now,
        )
    )
    return new_version


def _mergeable(
    session: Session, actor: CurrentUser, journey_id: int, now: datetime
) -> JourneyVersion | None:
    """The newest history entry if this edit may join it: same person, within MERGE_MINUTES,
    and neither the first version nor a restore."""
    last = session.scalar(
        select(JourneyVersion)
        .where(JourneyVersion.journey_id == journey_id)
        .order_by(JourneyVersion.version.desc())
        .limit(1)
    )
    if last is None or last.author_id != actor.id or last.version == 1:
        return None
    if last.summary.startswith(RESTORED):
        return None
    started = last.created_at.replace(tzinfo=None)
    if now.replace(tzinfo=None) - started > timedelta(minutes=MERGE_MINUTES):
        return None
    return last


def _joined(first: str, then: str) -> str:
    """Summaries of one sitting, oldest first: "Steg tillagt: A; Flöde tillagt: A → B"."""
    text = f"{first}; {then}" if first else then
    return text if len(text) <= 300 else text[:299] + "…"


def _refuse_stale(session: Session, record: JourneyRecord) -> NoReturn:
    """Raise StaleJourney naming the person who saved the newer version."""
    session.refresh(record)
    who = session.get(User, record.updated_by) if record.updated_by else None
    raise StaleJourney(STALE_MESSAGE.format(who=who.name if who else "någon annan"))


def edit_journey(
    session: Session,
    actor: CurrentUser | None,
    journey_id: int,
    change: Callable[[Journey], object],
    *,
    expected_version: int,
    summary: str,
    changed: Callable[[Journey], object] | None = None,
    **details,
) -> int:
    """Apply `change` to the stored journey and save it as a new version; the new version.

    The role and visibility are checked before `change` sees anything, and a journey that
    someone saved since `expected_version` is refused before it is changed. `changed` is
    called with the changed journey before it is checked and written (the editor starts
    drawing its diagram meanwhile); nothing may change it after that."""
    require_role(actor, *EDITORS)
    record = _load(session, actor, journey_id)
    if record.version != expected_version:
        _refuse_stale(session, record)
    journey = json_format.loads(record.document)
    change(journey)
    if changed is not None:
        changed(journey)
    return save_journey(
        session,
        actor,
        journey_id,
        journey,
        expected_version=expected_version,
        summary=summary,
        merge=True,
        **details,
    )


# Saved versions never change: their parsed journeys are kept (read only) for the history, which
# compares every version with the current one after each save. Keyed by the document itself.
_VERSIONS: dict[str, Journey] = {}
_VERSIONS_KEPT = 64
_VERSIONS_LOCK = threading.Lock()  # the editor loads and saves in worker threads


def _saved_version(document: str) -> Journey:
    with _VERSIONS_LOCK:
        journey = _VERSIONS.get(document)
    if journey is None:
        journey = json_format.loads(document)
        with _VERSIONS_LOCK:
            if len(_VERSIONS) >= _VERSIONS_KEPT:
                _VERSIONS.pop(next(iter(_VERSIONS)))
            _VERSIONS[document] = journey
    return journey


def history(
    session: Session,
    actor: CurrentUser | None,
    journey_id: int,
    *,
    current: Journey | None = None,
) -> list[VersionRow]:
    """The journey's versions, newest first, each with what restoring it would change.
    `current` is the journey as it stands, when the caller has already read it (in this
    transaction): it is not parsed again."""
    record = _load(session, actor, journey_id)
    if current is None:
        current = json_format.loads(record.document)
    rows = session.execute(
        select(JourneyVersion, User.name)
        .outerjoin(User, User.id == JourneyVersion.author_id)
        .where(JourneyVersion.journey_id == journey_id)
        .order_by(JourneyVersion.version.desc())
    ).all()
    return [
        VersionRow(
            v.version,
            name or "",
            v.created_at.strftime("%Y-%m-%d %H:%M"),
            v.summary,
            restore_changes(current, _saved_version(v.document))
            if v.version != record.version
            else "",
        )
        for v, name in rows
    ]


def version_journey(
    session: Session, actor: CurrentUser | None, journey_id: int, version: int
) -> Journey:
    _load(session, actor, journey_id)
    document = session.scalar(
        select(JourneyVersion.document).where(
            JourneyVersion.journey_id == journey_id, JourneyVersion.version == version
        )
    )
    if document is None:
        raise NotFound(f"Version {version} finns inte.")
    return json_format.loads(document)


def restore_version(
    session: Session,
    actor: CurrentUser | None,
    journey_id: int,
    version: int,
    *,
    expected_version: int,
) -> int:
    """Make an old version the newest one again (as a new version; history stays intact)."""
    old = version_journey(session, actor, journey_id, version)
    return save_journey(
        session,
        actor,
        journey_id,
        old,
        expected_version=expected_version,
        summary=f"{RESTORED} {version}",
    )


def delete_journey(session: Session, actor: CurrentUser | None, journey_id: int) -> str:
    """Delete the journey with every saved version, its training links and its contact
    categories' links (the database cascades them); a future journey that improved on it
    keeps its own content and loses only the pointer. Returns the deleted journey's title."""
    require_editor(actor)
    record = _load(session, actor, journey_id)
    title = record.title
    session.delete(record)
    session.flush()
    return title


def require_editor(actor: CurrentUser | None) -> CurrentUser:
    """Refuse anyone who may not create or change journeys (before their input is read)."""
    return require_role(actor, *EDITORS)
