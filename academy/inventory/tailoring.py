"""A kursomgång tailored to a unit from its needs profile (behovsprofil).

The trainer picks the course and the modules required in this run; the modules that match the
profile's top needs are suggested. The participants are the unit's employees as they are now
(not its trainers), and the run remembers the campaign whose profile it came from.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from academy.core.access import CurrentUser, require_role
from academy.core.db import get_or_404
from academy.core.errors import ValidationError
from academy.core.models import Role, UserRole
from academy.courses import cohorts
from academy.courses.models import Cohort, Course, CourseModule
from academy.inventory.campaigns import unit_employees
from academy.inventory.common import ANALYSTS
from academy.inventory.models import SurveyCampaign, TailoredCohort
from academy.inventory.profile import STILL_OPEN, Profile, needs_profile, too_few
from academy.inventory.recommend import TOP_NEEDS, modules_matching


@dataclass(frozen=True)
class ModuleChoice:
    id: int
    title: str
    matched: tuple[str, ...]  # the top needs the module answers
    suggested: bool


@dataclass(frozen=True)
class CohortPlan:
    course_id: int
    course_title: str
    name: str  # the suggested name of the run: "<course> – <unit>"
    modules: tuple[ModuleChoice, ...]


@dataclass(frozen=True)
class MadeCohort:
    cohort_id: int
    name: str
    course_title: str
    starts_on: date


def _shown_profile(session: Session, actor: CurrentUser | None, campaign_id: int) -> Profile:
    result = needs_profile(session, actor, campaign_id)
    if result.still_open:
        raise ValidationError(STILL_OPEN)
    if not result.shown:
        raise too_few(result.threshold)
    return result


def _plan(session: Session, result: Profile, course_id: int) -> CohortPlan:
    course = get_or_404(session, Course, course_id, "Kursen finns inte.")
    modules = session.execute(
        select(CourseModule.id, CourseModule.title, CourseModule.description)
        .where(CourseModule.course_id == course_id)
        .order_by(CourseModule.position, CourseModule.id)
    ).all()
    topics = [need.topic for need in result.needs[:TOP_NEEDS]]
    matched = {mid: found for mid, _, found in modules_matching(modules, topics)}
    # No module names a top need: suggest the whole course rather than nothing.
    return CohortPlan(
        course_id=course.id,
        course_title=course.title,
        name=f"{course.title} – {result.campaign.unit_name}",
        modules=tuple(
            ModuleChoice(mid, title, matched.get(mid, ()), mid in matched or not matched)
            for mid, title, _ in modules
        ),
    )


def cohort_plan(
    session: Session, actor: CurrentUser | None, campaign_id: int, course_id: int
) -> CohortPlan:
    """The course's modules with those matching the profile's top needs suggested."""
    return _plan(session, _shown_profile(session, actor, campaign_id), course_id)


def participants_for(session: Session, unit_id: int, trainer_ids: Iterable[int]) -> set[int]:
    """The unit's active employees (and of the units under it), without its trainers."""
    employees = {uid for uid, _ in unit_employees(session, unit_id)}
    trainers = set(
        session.scalars(
            select(UserRole.user_id).where(
                UserRole.user_id.in_(employees or [-1]), UserRole.role == Role.TRAINER
            )
        )
    )
    return employees - trainers - set(trainer_ids)


def create_tailored_cohort(
    session: Session,
    actor: CurrentUser | None,
    campaign_id: int,
    *,
    course_id: int,
    name: str,
    starts_on: date,
    ends_on: date,
    required_module_ids: Iterable[int],
) -> int:
    """A kursomgång of the chosen course for the campaign's unit with the chosen modules
    required; the unit's employees are enrolled and the actor leads it."""
    require_role(actor, *ANALYSTS)
    campaign = get_or_404(session, SurveyCampaign, campaign_id, "Enkätomgången finns inte.")
    _shown_profile(session, actor, campaign_id)
    required = set(required_module_ids)
    if not required:
        raise ValidationError(
            "Välj minst en modul som ska vara obligatorisk i kursomgången.", field="modules"
        )
    people = participants_for(session, campaign.unit_id, [actor.id])
    if not people:
        raise ValidationError("Enheten har inga aktiva medarbetare att skriva in.")
    cohort_id = cohorts.create_cohort(
        session,
        actor,
        course_id=course_id,
        name=name,
        starts_on=starts_on,
        ends_on=ends_on,
        required_module_ids=required,
    )
    cohorts.enrol_users(session, actor, cohort_id, people)
    session.add(TailoredCohort(cohort_id=cohort_id, campaign_id=campaign_id, created_by=actor.id))
    session.flush()
    return cohort_id


def tailored_cohorts(
    session: Session, actor: CurrentUser | None, campaign_id: int
) -> list[MadeCohort]:
    """The kursomgångar made from this campaign's profile, newest first."""
    require_role(actor, *ANALYSTS)
    rows = session.execute(
        select(Cohort.id, Cohort.name, Course.title, Cohort.starts_on)
        .join(TailoredCohort, TailoredCohort.cohort_id == Cohort.id)
        .join(Course, Course.id == Cohort.course_id)
        .where(TailoredCohort.campaign_id == campaign_id)
        .order_by(TailoredCohort.created_at.desc(), Cohort.id.desc())
    ).all()
    return [MadeCohort(*row) for row in rows]
