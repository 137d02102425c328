"""Kursomgångar (cohorts): who runs a course when, who takes part, and each learner's list."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import bindparam, delete, func, select
from sqlalchemy.orm import Session

from academy.core.access import CurrentUser, require_role
from academy.core.db import get_or_404, read
from academy.core.errors import AccessDenied, ValidationError
from academy.core.models import Role, Unit, User, UserRole
from academy.core.validation import required_text
from academy.core.versioning import save_versioned
from academy.courses.common import AUTHORS
from academy.courses.models import (
    Cohort,
    CohortMeeting,
    CohortRequiredModule,
    CohortTrainer,
    Course,
    CourseModule,
    Enrolment,
)
from academy.courses.status import ResumePoint, resume_point
from academy.courses.tracking import (
    SHAPE_STAMP,
    cohort_required,
    completion,
    course_shapes,
    learner_required,
    module_statuses,
    person_progress,
)


@dataclass(frozen=True)
class Participant:
    user_id: int
    name: str
    email: str
    unit: str


@dataclass(frozen=True, order=True)
class Meeting:
    starts_at: datetime
    place: str = ""


@dataclass(frozen=True)
class CohortSummary:
    id: int
    course_id: int
    course_title: str
    name: str
    starts_on: date
    ends_on: date
    deadline: date | None
    participant_count: int


@dataclass(frozen=True)
class CohortDetail:
    id: int
    course_id: int
    course_title: str
    name: str
    starts_on: date
    ends_on: date
    deadline: date | None
    place: str
    meetings: tuple[Meeting, ...]
    trainers: tuple[Participant, ...]
    participants: tuple[Participant, ...]
    required_modules: tuple[str, ...] = ()  # titles, in course order; () = the whole course
    version: int = 1  # for optimistic locking: a save names the version it started from
    modules: tuple[tuple[int, str], ...] = ()  # every module of the course: (id, title)
    required_module_ids: frozenset[int] = frozenset()  # () = the whole course

    @property
    def tailored(self) -> bool:
        return bool(self.required_module_ids)


@dataclass(frozen=True)
class MyCourse:
    """One of a learner's enrolments, with a progress summary."""

    cohort_id: int
    cohort_name: str
    course_id: int
    course_title: str
    status: str  # course status: not_started / in_progress / completed / failed
    modules_completed: int  # of the required modules
    module_count: int  # modules required: the whole course unless the cohort is tailored
    deadline: date | None
    starts_on: date
    ends_on: date
    next_meeting: Meeting | None
    resume: ResumePoint | None = None  # where to continue
    tailored: bool = False  # only some of the course's modules are required


NOT_YOUR_COHORT = (
    "Du leder inte den här kursomgången. Bara dess utbildare och administratörer kan öppna den."
)


def leads_cohort(session: Session, user_id: int, cohort_id: int) -> bool:
    return (
        session.scalar(
            select(CohortTrainer.user_id).where(
                CohortTrainer.cohort_id == cohort_id, CohortTrainer.user_id == user_id
            )
        )
        is not None
    )


def require_cohort(session: Session, actor: CurrentUser | None, cohort_id: int) -> Cohort:
    """The cohort, for its own trainers and admins only (checked before anything is read)."""
    require_role(actor, *AUTHORS)
    cohort = get_or_404(session, Cohort, cohort_id, "Kursomgången finns inte.")
    if not actor.has_any(Role.ADMIN) and not leads_cohort(session, actor.id, cohort_id):
        raise AccessDenied(NOT_YOUR_COHORT)
    return cohort


def follows_learner(session: Session, actor: CurrentUser, course_id: int, user_id: int) -> bool:
    """Whether the actor may follow the person up in the course: an admin, or a trainer of a
    cohort of the course the person is enrolled in."""
    if actor.has_any(Role.ADMIN):
        return True
    return (
        session.scalar(
            select(CohortTrainer.cohort_id)
            .join(Cohort, Cohort.id == CohortTrainer.cohort_id)
            .join(Enrolment, Enrolment.cohort_id == Cohort.id)
            .where(
                Cohort.course_id == course_id,
                CohortTrainer.user_id == actor.id,
                Enrolment.user_id == user_id,
            )
            .limit(1)
        )
        is not None
    )


def _check_dates(starts_on: date, ends_on: date, deadline: date | None) -> None:
    if not isinstance(starts_on, date) or not isinstance(ends_on, date):
        raise ValidationError("Ange start- och slutdatum.")
    if ends_on < starts_on:
        raise ValidationError("Slutdatum kan inte ligga före startdatum.")
    if deadline is not None and deadline < starts_on:
        raise ValidationError("Sista dag att bli klar kan inte ligga före startdatum.")


def _check_trainers(session: Session, trainer_ids: list[int]) -> None:
    if not trainer_ids:
        raise ValidationError("Välj minst en utbildare.")
    allowed = set(
        session.scalars(
            select(User.id)
            .join(UserRole, UserRole.user_id == User.id)
            .where(
                User.id.in_(trainer_ids),
                User.active.is_(True),
                UserRole.role.in_([Role.TRAINER, Role.ADMIN]),
            )
        )
    )
    if set(trainer_ids) - allowed:
        raise ValidationError("En utbildare måste vara en aktiv användare med rollen Utbildare.")


def _clean_meetings(meetings: Iterable[datetime | Meeting]) -> list[Meeting]:
    cleaned = set()
    for meeting in meetings:
        if isinstance(meeting, datetime):
            meeting = Meeting(meeting)
        if not isinstance(meeting, Meeting) or not isinstance(meeting.starts_at, datetime):
            raise ValidationError("Ange träffarnas tider som datum och klockslag.")
        place = " ".join((meeting.place or "").split())
        if len(place) > 300:
            raise ValidationError("En träffs plats får vara högst 300 tecken.")
        cleaned.add(Meeting(meeting.starts_at.replace(second=0, microsecond=0), place))
    return sorted(cleaned)


def _cohort_fields(
    session: Session,
    actor: CurrentUser,
    name: str,
    starts_on: date,
    ends_on: date,
    deadline: date | None,
    trainer_ids: Iterable[int],
    place: str,
    meetings: Iterable[datetime | Meeting],
):
    name = required_text(name, "Kursomgångens namn")
    _check_dates(starts_on, ends_on, deadline)
    trainers = sorted(set(trainer_ids)) or [actor.id]
    _check_trainers(session, trainers)
    meeting_list = _clean_meetings(meetings)
    place = (place or "").strip()
    if len(place) > 300:
        raise ValidationError("Platsen får vara högst 300 tecken.")
    return name, trainers, place, meeting_list


def create_cohort(
    session: Session,
    actor: CurrentUser | None,
    *,
    course_id: int,
    name: str,
    starts_on: date,
    ends_on: date,
    trainer_ids: Iterable[int] = (),
    deadline: date | None = None,
    place: str = "",
    meetings: Iterable[datetime | Meeting] = (),
    required_module_ids: Iterable[int] = (),
) -> int:
    """A new cohort; without trainers named, the actor leads it. `required_module_ids` makes
    it a tailored run: those modules of the course are the ones its participants must do."""
    require_role(actor, *AUTHORS)
    get_or_404(session, Course, course_id, "Kursen finns inte.")
    name, trainers, place, meeting_list = _cohort_fields(
        session, actor, name, starts_on, ends_on, deadline, trainer_ids, place, meetings
    )
    required = set(required_module_ids)
    of_course = {mid for mid, _ in _course_modules(session, course_id)}
    if required - of_course:
        raise ValidationError("Välj bara moduler som finns i kursen.", field="modules")
    cohort = Cohort(
        course_id=course_id,
        name=name,
        starts_on=starts_on,
        ends_on=ends_on,
        deadline=deadline,
        place=place,
    )
    session.add(cohort)
    session.flush()
    _store_people_and_meetings(session, cohort.id, trainers, meeting_list)
    session.add_all(
        CohortRequiredModule(cohort_id=cohort.id, module_id=mid) for mid in sorted(required)
    )
    session.flush()
    return cohort.id


def course_modules(
    session: Session, actor: CurrentUser | None, course_id: int
) -> tuple[tuple[int, str], ...]:
    """The course's modules in order, (id, title): the choice of a new tailored cohort."""
    require_role(actor, *AUTHORS)
    get_or_404(session, Course, course_id, "Kursen finns inte.")
    return _course_modules(session, course_id)


def _course_modules(session: Session, course_id: int) -> tuple[tuple[int, str], ...]:
    return tuple(
        (mid, title)
        for mid, title in session.execute(
            select(CourseModule.id, CourseModule.title)
            .where(CourseModule.course_id == course_id)
            .order_by(CourseModule.position, CourseModule.id)
        ).all()
    )


def _required_ids(session: Session, cohort_id: int, module_ids: Iterable[int]) -> frozenset[int]:
    """The modules a tailored cohort names; empty when it asks for the whole course (no rows,
    or rows naming every module)."""
    module_ids = set(module_ids)
    named = cohort_required(session, [cohort_id])[cohort_id] & module_ids
    return named if len(named) < len(module_ids) else frozenset()


def _store_required(
    session: Session, cohort_id: int, course_id: int, required_module_ids: Iterable[int]
) -> None:
    """Replace the cohort's required modules. Naming every module (or none) stores nothing:
    the whole course, modules added later included."""
    required = set(required_module_ids)
    of_course = {mid for mid, _ in _course_modules(session, course_id)}
    if required - of_course:
        raise ValidationError("Välj bara moduler som finns i kursen.", field="modules")
    session.execute(delete(CohortRequiredModule).where(CohortRequiredModule.cohort_id == cohort_id))
    if required != of_course:
        session.add_all(
            CohortRequiredModule(cohort_id=cohort_id, module_id=mid) for mid in sorted(required)
        )
    session.flush()


def _store_people_and_meetings(
    session: Session, cohort_id: int, trainers: list[int], meetings: list[Meeting]
) -> None:
    session.add_all(CohortTrainer(cohort_id=cohort_id, user_id=uid) for uid in trainers)
    session.add_all(
        CohortMeeting(cohort_id=cohort_id, starts_at=m.starts_at, place=m.place) for m in meetings
    )
    session.flush()


def update_cohort(
    session: Session,
    actor: CurrentUser | None,
    cohort_id: int,
    *,
    name: str,
    starts_on: date,
    ends_on: date,
    trainer_ids: Iterable[int],
    deadline: date | None = None,
    place: str | None = None,
    meetings: Iterable[datetime | Meeting] = (),
    version: int | None = None,
    required_module_ids: Iterable[int] | None = None,
    whole_course: bool = False,
) -> None:
    """Save a cohort's name, dates, deadline, trainers and meetings (replacing the old ones).

    `required_module_ids` (when given) are the modules its participants must complete: some
    make a tailored run, all of them (or `whole_course`) the whole course; none is refused.
    Only the cohort's own trainers and admins may change it (and so its trainers). With
    `version` (the one the form was opened with) a save after someone else's is refused."""
    cohort = require_cohort(session, actor, cohort_id)
    if whole_course:
        required_module_ids = {mid for mid, _ in _course_modules(session, cohort.course_id)}
    if required_module_ids is not None:
        required_module_ids = set(required_module_ids)
        if not required_module_ids:
            raise ValidationError(
                "Välj minst en modul som deltagarna ska göra (alla moduler = hela kursen).",
                field="modules",
            )
    name, trainers, place, meeting_list = _cohort_fields(
        session,
        actor,
        name,
        starts_on,
        ends_on,
        deadline,
        trainer_ids,
        cohort.place if place is None else place,
        meetings,
    )
    save_versioned(
        session,
        Cohort,
        cohort_id,
        cohort.version if version is None else version,
        what="Kursomgången",
        name=name,
        starts_on=starts_on,
        ends_on=ends_on,
        deadline=deadline,
        place=place,
    )
    session.expire(cohort)
    session.execute(delete(CohortTrainer).where(CohortTrainer.cohort_id == cohort_id))
    session.execute(delete(CohortMeeting).where(CohortMeeting.cohort_id == cohort_id))
    _store_people_and_meetings(session, cohort_id, trainers, meeting_list)
    if required_module_ids is not None:
        _store_required(session, cohort_id, cohort.course_id, required_module_ids)


def _enrolled_ids(session: Session, cohort_id: int) -> set[int]:
    return set(session.scalars(select(Enrolment.user_id).where(Enrolment.cohort_id == cohort_id)))


def _add_enrolments(session: Session, actor: CurrentUser, cohort_id: int, ids: set[int]) -> int:
    new = sorted(ids - _enrolled_ids(session, cohort_id))
    session.add_all(
        Enrolment(cohort_id=cohort_id, user_id=uid, enrolled_by=actor.id) for uid in new
    )
    session.flush()
    return len(new)


def enrol_users(
    session: Session, actor: CurrentUser | None, cohort_id: int, user_ids: Iterable[int]
) -> int:
    """Enrol chosen people; returns how many were new (already enrolled are skipped)."""
    require_cohort(session, actor, cohort_id)
    wanted = set(user_ids)
    if not wanted:
        raise ValidationError("Välj minst en deltagare.")
    active = set(session.scalars(select(User.id).where(User.id.in_(wanted), User.active.is_(True))))
    if wanted - active:
        raise ValidationError("Bara aktiva användare kan skrivas in på en kursomgång.")
    return _add_enrolments(session, actor, cohort_id, wanted)


def enrol_unit(
    session: Session,
    actor: CurrentUser | None,
    cohort_id: int,
    unit_id: int,
    *,
    include_subunits: bool = True,
) -> int:
    """Enrol every active user of a unit as it is now (and of the units under it).

    The unit is expanded to people at this moment: someone who joins the unit later is not
    enrolled by this call. Returns how many were new.
    """
    require_cohort(session, actor, cohort_id)
    get_or_404(session, Unit, unit_id, "Enheten finns inte.")
    unit_ids = {unit_id}
    if include_subunits:
        children: dict[int, list[int]] = {}
        for child_id, parent_id in session.execute(select(Unit.id, Unit.parent_id)):
            children.setdefault(parent_id, []).append(child_id)
        stack = [unit_id]
        while stack:
            for child in children.get(stack.pop(), []):
                if child not in unit_ids:
                    unit_ids.add(child)
                    stack.append(child)
    people = set(
        session.scalars(select(User.id).where(User.unit_id.in_(unit_ids), User.active.is_(True)))
    )
    if not people:
        raise ValidationError("Enheten har inga aktiva användare att skriva in.")
    return _add_enrolments(session, actor, cohort_id, people)


def remove_participant(
    session: Session, actor: CurrentUser | None, cohort_id: int, user_id: int
) -> None:
    """Remove a participant from the cohort; their lesson reads and attempts are kept."""
    require_cohort(session, actor, cohort_id)
    enrolment = session.scalar(
        select(Enrolment).where(Enrolment.cohort_id == cohort_id, Enrolment.user_id == user_id)
    )
    if enrolment is None:
        raise ValidationError("Personen är inte inskriven på kursomgången.")
    session.delete(enrolment)
    session.flush()


def list_cohorts(
    session: Session,
    actor: CurrentUser | None,
    course_id: int | None = None,
    *,
    led_by: int | None = None,
) -> list[CohortSummary]:
    """Cohorts, newest first; `led_by` keeps those where that user is one of the trainers.

    A trainer who is not an admin sees only the cohorts they lead."""
    require_role(actor, *AUTHORS)
    counts = (
        select(Enrolment.cohort_id, func.count().label("n"))
        .group_by(Enrolment.cohort_id)
        .subquery()
    )
    query = (
        select(Cohort, Course.title, func.coalesce(counts.c.n, 0))
        .join(Course, Course.id == Cohort.course_id)
        .outerjoin(counts, counts.c.cohort_id == Cohort.id)
        .order_by(Cohort.starts_on.desc(), Cohort.id)
    )
    if course_id is not None:
        query = query.where(Cohort.course_id == course_id)
    for leader in {led_by, None if actor.has_any(Role.ADMIN) else actor.id} - {None}:
        query = query.where(
            Cohort.id.in_(select(CohortTrainer.cohort_id).where(CohortTrainer.user_id == leader))
        )
    return [
        CohortSummary(c.id, c.course_id, title, c.name, c.starts_on, c.ends_on, c.deadline, number)
        for c, title, number in session.execute(query)
    ]


def _people(session: Session, ids_query) -> tuple[Participant, ...]:
    rows = session.execute(
        select(User.id, User.name, User.email, Unit.name)
        .outerjoin(Unit, Unit.id == User.unit_id)
        .where(User.id.in_(ids_query))
        .order_by(func.lower(User.name), User.id)
    ).all()
    return tuple(Participant(uid, name, email, unit or "") for uid, name, email, unit in rows)


def active_people(
    session: Session, actor: CurrentUser | None, *, trainers_only: bool = False
) -> tuple[Participant, ...]:
    """Active users to choose from when enrolling (or, with `trainers_only`, to lead)."""
    require_role(actor, *AUTHORS)
    ids = select(User.id).where(User.active.is_(True))
    if trainers_only:
        ids = ids.join(UserRole, UserRole.user_id == User.id).where(
            UserRole.role.in_([Role.TRAINER, Role.ADMIN])
        )
    return _people(session, ids)


def get_cohort(session: Session, actor: CurrentUser | None, cohort_id: int) -> CohortDetail:
    cohort = require_cohort(session, actor, cohort_id)
    course_title = session.scalar(select(Course.title).where(Course.id == cohort.course_id))
    meetings = tuple(
        Meeting(starts_at, place)
        for starts_at, place in session.execute(
            select(CohortMeeting.starts_at, CohortMeeting.place)
            .where(CohortMeeting.cohort_id == cohort_id)
            .order_by(CohortMeeting.starts_at)
        )
    )
    trainers = _people(
        session, select(CohortTrainer.user_id).where(CohortTrainer.cohort_id == cohort_id)
    )
    participants = _people(
        session, select(Enrolment.user_id).where(Enrolment.cohort_id == cohort_id)
    )
    modules = _course_modules(session, cohort.course_id)
    required = _required_ids(session, cohort_id, (mid for mid, _ in modules))
    return CohortDetail(
        id=cohort.id,
        course_id=cohort.course_id,
        course_title=course_title or "",
        name=cohort.name,
        starts_on=cohort.starts_on,
        ends_on=cohort.ends_on,
        deadline=cohort.deadline,
        place=cohort.place,
        meetings=meetings,
        trainers=trainers,
        participants=participants,
        required_modules=tuple(title for mid, title in modules if mid in required),
        version=cohort.version,
        modules=modules,
        required_module_ids=required,
    )


# Mina kurser and the course page run these on every load: built once, on table columns (no ORM
# compile step, see tracking.py), values bound per run.
_cohort, _course, _enrolment = Cohort.__table__.c, Course.__table__.c, Enrolment.__table__.c
_meeting = CohortMeeting.__table__.c
_MY_COHORTS = (
    select(
        _cohort.id,
        _cohort.name,
        _cohort.course_id,
        _cohort.deadline,
        _cohort.starts_on,
        _cohort.ends_on,
        _course.title,
        SHAPE_STAMP,
    )
    .join(Enrolment.__table__, _enrolment.cohort_id == _cohort.id)
    .join(Course.__table__, _course.id == _cohort.course_id)
    .where(_enrolment.user_id == bindparam("user"), _course.status == "published")
)
_NEXT_MEETINGS = (
    select(_meeting.cohort_id, _meeting.starts_at, _meeting.place)
    .where(
        _meeting.cohort_id.in_(bindparam("cohorts", expanding=True)),
        _meeting.starts_at >= bindparam("moment"),
    )
    .order_by(_meeting.starts_at, _meeting.id)
)


def my_courses(
    session: Session, actor: CurrentUser | None, *, now: datetime | None = None
) -> list[MyCourse]:
    """The actor's enrolments in published courses, what is due first first.

    Sorted by deadline, then end date; enrolments without a deadline come after those with
    one.
    """
    require_role(actor, Role.EMPLOYEE, Role.TRAINER, Role.ADMIN)
    rows = read(session, _MY_COHORTS, {"user": actor.id}).all()
    if not rows:
        return []
    moment = now or datetime.now()
    next_meetings: dict[int, Meeting] = {}
    for cohort_id, starts_at, place in read(
        session, _NEXT_MEETINGS, {"cohorts": [row.id for row in rows], "moment": moment}
    ):
        next_meetings.setdefault(cohort_id, Meeting(starts_at, place))
    # One row per course: progress counts in every cohort of a course, so a person in two
    # cohorts of it sees it once, with the cohort whose deadline comes first.
    rows = sorted(rows, key=lambda r: (r.deadline is None, r.deadline or date.max, r.ends_on, r.id))
    first: dict[int, tuple] = {}
    for row in rows:
        first.setdefault(row.course_id, (row, row.title))
    shapes = course_shapes(session, list(first), rows[0].shape_stamp)
    progress = person_progress(session, shapes, actor.id)
    required = learner_required(session, actor.id, list(first))
    result = []
    for course_id, (cohort, title) in first.items():
        shape = shapes[course_id]
        person = progress[course_id]
        statuses = module_statuses(shape, person)
        done = completion(shape, statuses, required[course_id])
        result.append(
            MyCourse(
                cohort_id=cohort.id,
                cohort_name=cohort.name,
                course_id=cohort.course_id,
                course_title=title,
                status=done.status,
                modules_completed=done.done,
                module_count=done.required,
                deadline=cohort.deadline,
                starts_on=cohort.starts_on,
                ends_on=cohort.ends_on,
                next_meeting=next_meetings.get(cohort.id),
                resume=resume_point(shape.modules, person.read, statuses, required[course_id]),
                tailored=done.required < len(shape.modules),
            )
        )
    return result


_NEXT_MEETING_IN_COURSE = (
    select(_meeting.starts_at, _meeting.place)
    .join(Cohort.__table__, _cohort.id == _meeting.cohort_id)
    .join(Enrolment.__table__, _enrolment.cohort_id == _cohort.id)
    .where(
        _enrolment.user_id == bindparam("user"),
        _cohort.course_id == bindparam("course"),
        _meeting.starts_at >= bindparam("moment"),
    )
    .order_by(_meeting.starts_at, _meeting.id)
    .limit(1)
)


def next_meeting(
    session: Session, actor: CurrentUser, course_id: int, *, now: datetime | None = None
) -> Meeting | None:
    """The next meeting of the actor's cohorts in the course (one statement), or None."""
    row = read(
        session,
        _NEXT_MEETING_IN_COURSE,
        {"user": actor.id, "course": course_id, "moment": now or datetime.now()},
    ).first()
    return Meeting(row.starts_at, row.place) if row else None


def module_course_id(session: Session, module_id: int) -> int | None:
    return session.scalar(select(CourseModule.course_id).where(CourseModule.id == module_id))
