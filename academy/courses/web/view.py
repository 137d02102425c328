"""Course domain objects as the typed rows the pages show (no Reflex, no database).

Every row is a frozen dataclass held in a state var; the pages read its fields by name.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from academy.courses import authoring, cohorts, taking
from academy.courses.cohorts import Meeting
from academy.courses.status import (
    COMPLETED,
    FAILED,
    STATUS_LABELS,
    deadline_flag,
    modules_done_text,
)

COURSE_STATUS_LABELS = {"draft": "Utkast", "published": "Publicerad"}
FEEDBACK_CHOICES = [("immediate", "Direkt efter varje svar"), ("end", "När quizet lämnas in")]
REVIEW_CHOICES = [
    ("after_attempt", "Efter varje försök"),
    ("when_done", "När deltagaren är godkänd eller har slut på försök"),
    ("never", "Aldrig"),
]
GRADING_CHOICES = [
    ("highest", "Det bästa försöket räknas"),
    ("last", "Det senaste försöket räknas"),
]


def status_label(status: str) -> str:
    return STATUS_LABELS.get(status, status)


def swedish_day(day: date | None) -> str:
    return day.isoformat() if day else ""


def meeting_label(meeting: Meeting) -> str:
    return f"{meeting.starts_at.strftime('%Y-%m-%d %H:%M')} {meeting.place}".strip()


def resume_href(course_id: int, point: taking.ResumePoint) -> str:
    if point.lesson_id:
        return f"/utbildning/lektion/{point.lesson_id}"
    if point.quiz_id:
        return f"/utbildning/quiz/{point.quiz_id}"
    return f"/utbildning/kurs/{course_id}"


@dataclass(frozen=True)
class Option:
    value: str
    label: str


@dataclass(frozen=True)
class PersonChoice:
    """A checkbox for a person: `field` is the checkbox's name (prefix + user id)."""

    id: int
    name: str
    field: str
    checked: bool = False


def matching_people(people, query: str) -> list:
    """The people whose name or e-mail contains `query` (any case); everyone when empty."""
    needle = query.strip().casefold()
    return [p for p in people if needle in p.name.casefold() or needle in p.email.casefold()]


def person_choices(
    people, prefix: str, checked: set[int] = frozenset(), with_unit: bool = False
) -> list[PersonChoice]:
    return [
        PersonChoice(
            p.user_id,
            f"{p.name} ({p.unit or 'ingen enhet'}, {p.email})" if with_unit else p.name,
            f"{prefix}{p.user_id}",
            p.user_id in checked,
        )
        for p in people
    ]


# ---- the overview --------------------------------------------------------------------------


@dataclass(frozen=True)
class MyCourseRow:
    course_id: int
    title: str
    cohort: str
    status: str
    progress: str
    deadline: str
    ends_on: str
    href: str
    action: str
    next_meeting: str
    deadline_text: str  # "Försenad: …", "Snart sista dag: …" or "Sista dag: …"
    deadline_kind: str  # overdue / soon / "" (the class deadline-<kind>)


def my_course_row(mine: cohorts.MyCourse, today: date) -> MyCourseRow:
    point = mine.resume
    done = mine.status == "completed"
    deadline_text, deadline_kind = deadline_flag(mine.deadline, today, done)
    return MyCourseRow(
        course_id=mine.course_id,
        title=mine.course_title,
        cohort=mine.cohort_name,
        status=status_label(mine.status),
        progress=modules_done_text(mine.modules_completed, mine.module_count, mine.tailored),
        deadline=swedish_day(mine.deadline) or "Ingen",
        ends_on=swedish_day(mine.ends_on),
        href=resume_href(mine.course_id, point),
        action="Visa kursen"
        if point.done
        else ("Börja" if mine.status == "not_started" else "Fortsätt"),
        next_meeting=meeting_label(mine.next_meeting) if mine.next_meeting else "",
        deadline_text=deadline_text,
        deadline_kind=deadline_kind,
    )


@dataclass(frozen=True)
class CourseRow:
    id: int
    title: str
    status: str
    modules: int
    topics: str
    deletable: bool  # never run: no cohort has its participants' results


def course_rows(summaries) -> list[CourseRow]:
    return [
        CourseRow(
            c.id,
            c.title,
            COURSE_STATUS_LABELS[c.status],
            c.module_count,
            ", ".join(c.topics),
            c.cohort_count == 0,
        )
        for c in summaries
    ]


@dataclass(frozen=True)
class CohortRow:
    id: int
    name: str
    course: str
    dates: str
    deadline: str
    participants: int


def cohort_rows(summaries) -> list[CohortRow]:
    return [
        CohortRow(
            c.id,
            c.name,
            c.course_title,
            f"{swedish_day(c.starts_on)} – {swedish_day(c.ends_on)}",
            swedish_day(c.deadline) or "Ingen",
            c.participant_count,
        )
        for c in summaries
    ]


# ---- the course editor ---------------------------------------------------------------------


@dataclass(frozen=True)
class EditorLesson:
    id: int
    title: str
    html: str  # sanitised by academy.courses.lessons
    video_url: str
    first: bool
    last: bool


@dataclass(frozen=True)
class EditorModule:
    id: int
    number: int
    title: str
    description: str
    prerequisite: str  # module id as text, "" for none
    prerequisite_title: str
    lessons: tuple[EditorLesson, ...]
    quiz_id: int
    quiz_text: str
    first: bool
    last: bool
    version: int = 1


def editor_modules(detail: authoring.CourseDetail) -> list[EditorModule]:
    titles = {m.id: m.title for m in detail.modules}
    count = len(detail.modules)
    return [
        EditorModule(
            id=m.id,
            number=number,
            title=m.title,
            description=m.description,
            prerequisite=str(m.prerequisite_id or ""),
            prerequisite_title=titles.get(m.prerequisite_id, ""),
            lessons=tuple(
                EditorLesson(
                    le.id, le.title, le.content_html, le.video_url, i == 0, i == len(m.lessons) - 1
                )
                for i, le in enumerate(m.lessons)
            ),
            quiz_id=m.quiz.id if m.quiz else 0,
            quiz_text=(
                f"{m.quiz.title} · {m.quiz.question_count} frågor · godkänt från "
                f"{m.quiz.pass_mark} %"
                if m.quiz
                else ""
            ),
            first=number == 1,
            last=number == count,
            version=m.version,
        )
        for number, m in enumerate(detail.modules, start=1)
    ]


def swapped(ids: list[int], item: int, step: int) -> list[int] | None:
    """`ids` with `item` moved `step` places (-1 up, 1 down); None when it cannot move."""
    order = list(ids)
    index = order.index(item) if item in order else -1
    target = index + step
    if index < 0 or not 0 <= target < len(order):
        return None
    order[index], order[target] = order[target], order[index]
    return order


# ---- a learner's course --------------------------------------------------------------------


@dataclass(frozen=True)
class OutlineLesson:
    id: int
    title: str
    read_label: str


@dataclass(frozen=True)
class OutlineModule:
    id: int
    number: int
    title: str
    status: str
    unlocked: bool
    locked_reason: str
    lessons: tuple[OutlineLesson, ...]
    quiz_id: int
    quiz_title: str
    quiz_attempts: str
    quiz_result: str
    required: bool = False  # named as required by the learner's cohort (a tailored run)
    # "Obligatorisk i din kursomgång", "Valfri …" in a tailored run; "" for the whole course
    requirement: str = ""


def attempts_text(used: int, allowed: int) -> str:
    if not allowed:
        return f"{used} försök gjorda (obegränsat antal)"
    return f"{used} av {allowed} försök gjorda"


REQUIRED_LABEL = "Obligatorisk i din kursomgång"
OPTIONAL_LABEL = "Valfri: krävs inte för att bli klar med kursen"


def requirement_label(module_id: int, required: set[int] | frozenset[int]) -> str:
    if not required:
        return ""
    return REQUIRED_LABEL if module_id in required else OPTIONAL_LABEL


def outline_modules(outline: taking.LearnerCourse) -> list[OutlineModule]:
    required = outline.required
    return [
        OutlineModule(
            id=m.id,
            number=number,
            title=m.title,
            status=status_label(m.status),
            unlocked=m.unlocked,
            locked_reason=(
                ""
                if m.unlocked
                else f"Låst: modulen ”{m.prerequisite_title}” måste vara klar först."
            ),
            lessons=tuple(
                OutlineLesson(lesson.id, lesson.title, "Läst" if lesson.read else "Inte läst")
                for lesson in m.lessons
            ),
            quiz_id=m.quiz.id if m.quiz else 0,
            quiz_title=m.quiz.title if m.quiz else "",
            quiz_attempts=attempts_text(m.quiz.attempts_used, m.quiz.attempts_allowed)
            if m.quiz
            else "",
            quiz_result=(
                "Godkänt"
                if m.quiz and m.quiz.passed
                else ("Underkänt" if m.status == FAILED else "Inte godkänt än")
            ),
            required=m.id in required,
            requirement=requirement_label(m.id, required),
        )
        for number, m in enumerate(outline.modules, start=1)
    ]


def is_completed(status: str) -> bool:
    return status == COMPLETED
