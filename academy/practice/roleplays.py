"""Role-play cards and the observer's checklist filled in during a cohort session."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from academy.core.access import CurrentUser, require_role
from academy.core.errors import AccessDenied, NotFound, ValidationError
from academy.core.models import Role, User
from academy.core.validation import required_text
from academy.courses.models import Cohort, CohortTrainer, Enrolment
from academy.practice.common import AUTHORS, PRACTISERS, check_cohort_access, is_participant
from academy.practice.models import Observation, RoleplayCard

RATING_MIN, RATING_MAX = 1, 4
RATING_LABELS = {1: "1 – Inte alls", 2: "2 – Delvis", 3: "3 – Till stor del", 4: "4 – Helt"}


@dataclass(frozen=True)
class Card:
    id: int
    title: str
    situation: str
    citizen_role: str
    employee_role: str
    practise: str
    statements: tuple[str, ...]


@dataclass(frozen=True)
class ObservationRow:
    id: int
    cohort_name: str
    card_title: str
    observer: str
    participant_id: int
    participant: str
    ratings: tuple[dict, ...]  # statement, rating, comment
    created_at: datetime


def create_card(
    session: Session,
    actor: CurrentUser | None,
    *,
    title: str,
    situation: str,
    citizen_role: str,
    employee_role: str,
    practise: str,
    statements: list[str],
) -> int:
    actor = require_role(actor, *AUTHORS)
    cleaned = [s.strip() for s in statements if s.strip()]
    if not cleaned:
        raise ValidationError("Skriv minst ett påstående i observatörens checklista.")
    if len(cleaned) > 20:
        raise ValidationError("Checklistan får ha högst 20 påståenden.")
    card = RoleplayCard(
        title=required_text(title, "Rubriken"),
        situation=required_text(situation, "Situationen", 2000),
        citizen_role=required_text(citizen_role, "Medborgarens roll", 2000),
        employee_role=required_text(employee_role, "Medarbetarens roll", 2000),
        practise=required_text(practise, "Det som ska tränas", 2000),
        statements=cleaned,
        created_by=actor.id,
    )
    session.add(card)
    session.flush()
    return card.id


def _card(row: RoleplayCard) -> Card:
    return Card(
        row.id,
        row.title,
        row.situation,
        row.citizen_role,
        row.employee_role,
        row.practise,
        tuple(row.statements),
    )


def list_cards(session: Session, actor: CurrentUser | None) -> list[Card]:
    require_role(actor, *PRACTISERS)
    return [_card(r) for r in session.scalars(select(RoleplayCard).order_by(RoleplayCard.title))]


def get_card(session: Session, actor: CurrentUser | None, card_id: int) -> Card:
    require_role(actor, *PRACTISERS)
    row = session.get(RoleplayCard, card_id)
    if row is None:
        raise NotFound("Rollspelskortet finns inte.")
    return _card(row)


def _may_observe(session: Session, actor: CurrentUser, cohort_id: int) -> bool:
    if actor.has_any(Role.ADMIN) or is_participant(session, cohort_id, actor.id):
        return True
    return (
        session.scalar(
            select(CohortTrainer.user_id).where(
                CohortTrainer.cohort_id == cohort_id, CohortTrainer.user_id == actor.id
            )
        )
        is not None
    )


def record_observation(
    session: Session,
    actor: CurrentUser | None,
    *,
    cohort_id: int,
    card_id: int,
    participant_id: int,
    ratings: list[tuple[int, str]],
) -> int:
    """The observer (a trainer or fellow participant of the cohort) rates one participant."""
    actor = require_role(actor, *PRACTISERS)
    if session.get(Cohort, cohort_id) is None:
        raise NotFound("Kursomgången finns inte.")
    if not _may_observe(session, actor, cohort_id):
        raise AccessDenied("Du deltar inte i den här kursomgången.")
    if not is_participant(session, cohort_id, participant_id):
        raise ValidationError("Välj en deltagare i kursomgången.")
    if participant_id == actor.id:
        raise ValidationError("Du kan inte observera dig själv; välj en annan deltagare.")
    card = get_card(session, actor, card_id)
    if len(ratings) != len(card.statements):
        raise ValidationError("Bedöm varje påstående i checklistan. Inget har sparats.")
    stored = []
    for statement, (rating, comment) in zip(card.statements, ratings, strict=True):
        if not RATING_MIN <= rating <= RATING_MAX:
            raise ValidationError(
                f"Bedöm ”{statement}” på skalan {RATING_MIN}–{RATING_MAX}. Inget har sparats."
            )
        if len(comment) > 2000:
            raise ValidationError("En kommentar får vara högst 2000 tecken. Inget har sparats.")
        stored.append({"statement": statement, "rating": rating, "comment": comment.strip()})
    row = Observation(
        cohort_id=cohort_id,
        card_id=card_id,
        observer_id=actor.id,
        participant_id=participant_id,
        ratings=stored,
    )
    session.add(row)
    session.flush()
    return row.id


def _observation_query():
    observer = aliased(User)
    participant = aliased(User)
    return (
        select(Observation, Cohort.name, RoleplayCard.title, observer.name, participant.name)
        .join(Cohort, Cohort.id == Observation.cohort_id)
        .join(RoleplayCard, RoleplayCard.id == Observation.card_id)
        .outerjoin(observer, observer.id == Observation.observer_id)
        .join(participant, participant.id == Observation.participant_id)
        .order_by(Observation.created_at.desc(), Observation.id.desc())
    )


def _observation_rows(session: Session, query) -> list[ObservationRow]:
    return [
        ObservationRow(
            o.id,
            cohort,
            card,
            observer or "",
            o.participant_id,
            participant,
            tuple(o.ratings),
            o.created_at,
        )
        for o, cohort, card, observer, participant in session.execute(query)
    ]


def my_observations(session: Session, actor: CurrentUser | None) -> list[ObservationRow]:
    """The ratings observers gave the actor."""
    actor = require_role(actor, *PRACTISERS)
    query = _observation_query().where(Observation.participant_id == actor.id)
    return _observation_rows(session, query)


def cohort_observations(
    session: Session, actor: CurrentUser | None, cohort_id: int
) -> list[ObservationRow]:
    actor = require_role(actor, *AUTHORS)
    check_cohort_access(session, actor, cohort_id)
    query = _observation_query().where(Observation.cohort_id == cohort_id)
    return _observation_rows(session, query)


def observable_cohorts(session: Session, actor: CurrentUser | None) -> list[tuple[int, str]]:
    """Cohorts where the actor may observe: those they take part in or lead (admins: all)."""
    actor = require_role(actor, *PRACTISERS)
    query = select(Cohort.id, Cohort.name).order_by(Cohort.starts_on.desc(), Cohort.id)
    rows = [(row.id, row.name) for row in session.execute(query)]
    return [(cid, name) for cid, name in rows if _may_observe(session, actor, cid)]


def observable_people(
    session: Session, actor: CurrentUser | None, cohort_id: int
) -> list[tuple[int, str]]:
    """The cohort's participants the actor may observe (everyone but themselves)."""
    actor = require_role(actor, *PRACTISERS)
    if not _may_observe(session, actor, cohort_id):
        raise AccessDenied("Du deltar inte i den här kursomgången.")
    query = (
        select(User.id, User.name)
        .join(Enrolment, Enrolment.user_id == User.id)
        .where(Enrolment.cohort_id == cohort_id, User.id != actor.id)
        .order_by(User.name)
    )
    return [(row.id, row.name) for row in session.execute(query)]
