"""Stored scenarios: trainers author and publish, everyone practising plays the published ones."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from academy.core.access import CurrentUser, require_role
from academy.core.db import read
from academy.core.errors import NotFound, StaleEdit, ValidationError
from academy.core.models import Unit, User, utcnow
from academy.core.uploads import check_text
from academy.core.versioning import STALE_MESSAGE, save_versioned
from academy.practice import images
from academy.practice.common import AUTHORS, PRACTISERS
from academy.practice.document import from_document, to_document
from academy.practice.editing import check_limits, set_node_image
from academy.practice.formats.twee import TweeParseError, export_twee, parse_twee
from academy.practice.models import PracticeScenario
from academy.practice.scenario import Scenario, errors, validate

# Problems that make a scenario unfit to store at all; the rest (unreachable nodes, dead ends …)
# are normal while a draft is being built and only block publishing.
BLOCKING = {
    "empty_title",
    "unknown_channel",
    "score_out_of_range",
    "unknown_dimension",
    "duplicate_node",
    "duplicate_choice",
    "duplicate_dimension",
    "empty_dimension",
}
STATUS_LABELS = {"draft": "Utkast", "published": "Publicerat"}
STALE = STALE_MESSAGE.format(what="Scenariot", who="någon annan")
T = TypeVar("T")


@dataclass(frozen=True)
class ScenarioRow:
    id: int
    title: str
    channel: str
    status: str
    version: int
    owner: str
    nodes: int
    unit: str = ""


@dataclass(frozen=True)
class StoredScenario:
    id: int
    status: str
    version: int
    scenario: Scenario
    can_edit: bool


def can_author(actor: CurrentUser | None) -> bool:
    return actor is not None and actor.has_any(*AUTHORS)


def _check_storable(scenario: Scenario) -> None:
    blocking = [p.message for p in validate(scenario) if p.code in BLOCKING]
    if blocking:
        raise ValidationError(" ".join(blocking) + " Inget har sparats.")
    check_limits(scenario)


def create_scenario(
    session: Session, actor: CurrentUser | None, scenario: Scenario, unit_id: int | None = None
) -> int:
    actor = require_role(actor, *AUTHORS)
    scenario.title = scenario.title.strip()
    _check_storable(scenario)
    row = PracticeScenario(
        title=scenario.title,
        channel=scenario.setting.channel,
        owner_id=actor.id,
        unit_id=unit_id if unit_id is not None else actor.unit_id,
        document=to_document(scenario),
    )
    session.add(row)
    session.flush()
    return row.id


def _row(session: Session, scenario_id: int) -> PracticeScenario:
    row = session.get(PracticeScenario, scenario_id)
    if row is None:
        raise NotFound("Scenariot finns inte.")
    return row


# Every step of the player reads the scenario: its columns, not a mapped object.
_scenarios = PracticeScenario.__table__.c
_STORED = select(_scenarios.id, _scenarios.status, _scenarios.version, _scenarios.document).where(
    _scenarios.id == bindparam("id")
)


def get_scenario(session: Session, actor: CurrentUser | None, scenario_id: int) -> StoredScenario:
    """Authors get any scenario; others only published ones (a draft reads as missing)."""
    actor = require_role(actor, *PRACTISERS)
    row = read(session, _STORED, {"id": scenario_id}).first()
    if row is None or (row.status != "published" and not can_author(actor)):
        raise NotFound("Scenariot finns inte.")
    return StoredScenario(
        row.id, row.status, row.version, from_document(row.document), can_author(actor)
    )


def save_scenario(
    session: Session,
    actor: CurrentUser | None,
    scenario_id: int,
    scenario: Scenario,
    expected_version: int,
) -> int:
    """Replace the scenario's content; refuses a save based on an older version (`StaleEdit`)."""
    require_role(actor, *AUTHORS)
    row = _row(session, scenario_id)
    scenario.title = scenario.title.strip()
    _check_storable(scenario)
    if row.status == "published" and errors(validate(scenario)):
        raise ValidationError(
            "Ett publicerat scenario måste gå att spela. Åtgärda felen eller gör om det "
            "till utkast först. Inget har sparats."
        )
    version = save_versioned(
        session,
        PracticeScenario,
        scenario_id,
        expected_version,
        what="Scenariot",
        title=scenario.title,
        channel=scenario.setting.channel,
        document=to_document(scenario),
        updated_at=utcnow(),
    )
    session.expire(row)
    return version


def edit_scenario(
    session: Session,
    actor: CurrentUser | None,
    scenario_id: int,
    expected_version: int,
    change: Callable[[Scenario], T],
) -> T:
    """The editor's one way to change a scenario: load, check the version, change, save.

    `change` edits the loaded scenario in place (editing.*) and returns what the page reports.
    Nothing is saved when the version is stale, the role is missing or `change` refuses."""
    stored = get_scenario(session, actor, scenario_id)
    require_role(actor, *AUTHORS)
    if stored.version != expected_version:
        raise StaleEdit(STALE)
    result = change(stored.scenario)
    save_scenario(session, actor, scenario_id, stored.scenario, expected_version)
    return result


def require_author(actor: CurrentUser | None) -> CurrentUser:
    """Only scenario authors change scenarios (checked before an upload is read)."""
    return require_role(actor, *AUTHORS)


def attach_image(
    session: Session,
    actor: CurrentUser | None,
    scenario_id: int,
    expected_version: int,
    node_id: str,
    data: bytes,
    alt: str,
) -> None:
    """Check and store an uploaded image, then attach it (with its alt text) to a node."""
    require_role(actor, *AUTHORS)
    if not alt.strip():
        raise ValidationError(
            "Skriv en alternativtext som beskriver bilden. Inget har sparats.", field="image_alt"
        )
    try:
        name = images.store_image(data)
    except ValidationError as exc:
        message = (
            exc.message
            if exc.message.endswith("Inget har sparats.")
            else exc.message + " Inget har sparats."
        )
        raise ValidationError(message) from exc
    edit_scenario(
        session,
        actor,
        scenario_id,
        expected_version,
        lambda scenario: set_node_image(scenario, node_id, name, alt),
    )


def set_status(session: Session, actor: CurrentUser | None, scenario_id: int, status: str) -> None:
    require_role(actor, *AUTHORS)
    if status not in STATUS_LABELS:
        raise ValidationError("Okänd status.")
    row = _row(session, scenario_id)
    if status == "published":
        problems = errors(validate(from_document(row.document)))
        if problems:
            raise ValidationError(
                f"Scenariot kan inte publiceras: {len(problems)} fel återstår, "
                f"till exempel: {problems[0].message}"
            )
    row.status = status
    session.flush()


def list_scenarios(
    session: Session,
    actor: CurrentUser | None,
    *,
    unit_id: int | None = None,
    status: str = "",
) -> list[ScenarioRow]:
    """Scenarios in title order; ``unit_id`` and ``status`` narrow the list when given."""
    actor = require_role(actor, *PRACTISERS)
    query = (
        select(PracticeScenario, User.name, Unit.name)
        .outerjoin(User, User.id == PracticeScenario.owner_id)
        .outerjoin(Unit, Unit.id == PracticeScenario.unit_id)
        .order_by(func.lower(PracticeScenario.title), PracticeScenario.id)
    )
    if not can_author(actor):
        query = query.where(PracticeScenario.status == "published")
    if status:
        if status not in STATUS_LABELS:
            raise ValidationError("Okänd status.")
        query = query.where(PracticeScenario.status == status)
    if unit_id is not None:
        query = query.where(PracticeScenario.unit_id == unit_id)
    return [
        ScenarioRow(
            row.id,
            row.title,
            row.channel,
            row.status,
            row.version,
            owner or "",
            len(row.document.get("nodes", [])),
            unit or "",
        )
        for row, owner, unit in session.execute(query)
    ]


def delete_scenario(session: Session, actor: CurrentUser | None, scenario_id: int) -> None:
    require_role(actor, *AUTHORS)
    session.delete(_row(session, scenario_id))
    session.flush()


# ---- Twee --------------------------------------------------------------------------------------


def parse_twee_text(text: str) -> Scenario:
    """Twee text -> scenario, or ValidationError listing every error with passage and line."""
    check_text(text or "")
    if not (text or "").strip():
        raise ValidationError("Klistra in eller ladda upp en Twee-fil. Inget har skapats.")
    try:
        return parse_twee(text)
    except TweeParseError as exc:
        lines = "; ".join(str(error).rstrip(".") for error in exc.errors)
        raise ValidationError(f"Twee-filen kunde inte läsas: {lines}. Inget har skapats.") from exc


def import_twee(session: Session, actor: CurrentUser | None, text: str) -> int:
    require_role(actor, *AUTHORS)
    return create_scenario(session, actor, parse_twee_text(text))


def twee_export(session: Session, actor: CurrentUser | None, scenario_id: int) -> str:
    require_role(actor, *AUTHORS)
    try:
        return export_twee(get_scenario(session, actor, scenario_id).scenario)
    except ValueError as exc:
        raise ValidationError(str(exc)) from exc
