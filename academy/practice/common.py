"""Who may see whose practice: the cohort relations shared by the practice services."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from academy.core.access import CurrentUser
from academy.core.errors import AccessDenied, NotFound
from academy.core.models import Role
from academy.courses.models import Cohort, CohortTrainer, Enrolment

AUTHORS = (Role.ADMIN, Role.TRAINER)  # author scenarios and cards, follow cohorts up
PRACTISERS = (Role.ADMIN, Role.TRAINER, Role.EMPLOYEE)


def trains(session: Session, trainer_id: int, participant_id: int) -> bool:
    """True when ``participant_id`` is enrolled in a cohort that ``trainer_id`` leads."""
    query = (
        select(Enrolment.id)
        .join(CohortTrainer, CohortTrainer.cohort_id == Enrolment.cohort_id)
        .where(CohortTrainer.user_id == trainer_id, Enrolment.user_id == participant_id)
        .limit(1)
    )
    return session.scalar(query) is not None


def may_follow(session: Session, actor: CurrentUser, user_id: int) -> bool:
    """The user themselves, an admin, or a trainer of one of the user's cohorts."""
    if actor.id == user_id or actor.has_any(Role.ADMIN):
        return True
    return actor.has_any(Role.TRAINER) and trains(session, actor.id, user_id)


def check_cohort_access(session: Session, actor: CurrentUser, cohort_id: int) -> Cohort:
    """The cohort, if the actor is an admin or one of its trainers."""
    cohort = session.get(Cohort, cohort_id)
    if cohort is None:
        raise NotFound("Kursomgången finns inte.")
    if actor.has_any(Role.ADMIN):
        return cohort
    leads = session.scalar(
        select(CohortTrainer.user_id).where(
            CohortTrainer.cohort_id == cohort_id, CohortTrainer.user_id == actor.id
        )
    )
    if leads is None:
        raise AccessDenied("Du är inte utbildare i den här kursomgången.")
    return cohort


def participant_ids(session: Session, cohort_id: int) -> list[int]:
    return list(session.scalars(select(Enrolment.user_id).where(Enrolment.cohort_id == cohort_id)))


def is_participant(session: Session, cohort_id: int, user_id: int) -> bool:
    return user_id in participant_ids(session, cohort_id)


def followed_cohorts(session: Session, actor: CurrentUser) -> list[tuple[int, str]]:
    """(id, name) of the cohorts the actor may follow up: all for admins, own for trainers."""
    query = select(Cohort.id, Cohort.name).order_by(Cohort.starts_on.desc(), Cohort.id)
    if not actor.has_any(Role.ADMIN):
        query = query.join(CohortTrainer, CohortTrainer.cohort_id == Cohort.id).where(
            CohortTrainer.user_id == actor.id
        )
    return [(row.id, row.name) for row in session.execute(query)]


def my_cohorts(session: Session, user_id: int) -> list[tuple[int, str]]:
    query = (
        select(Cohort.id, Cohort.name)
        .join(Enrolment, Enrolment.cohort_id == Cohort.id)
        .where(Enrolment.user_id == user_id)
        .order_by(Cohort.starts_on.desc())
    )
    return [(row.id, row.name) for row in session.execute(query)]
