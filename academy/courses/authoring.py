"""Authoring of courses, modules and lessons (trainers and admins).

Optimistic locking guards a course's own fields (title, description, target group, topics):
`update_course` names the version the editor started from and is refused if someone saved in
between. Modules and lessons are separate rows and are edited one at a time.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from academy.core.access import CurrentUser, require_role
from academy.core.db import get_or_404
from academy.core.errors import ValidationError
from academy.core.models import utcnow
from academy.core.validation import optional_text, required_text
from academy.core.versioning import save_versioned
from academy.courses import images
from academy.courses.common import AUTHORS
from academy.courses.lessons import check_video_url, render_markdown
from academy.courses.models import (
    COURSE_STATUSES,
    Cohort,
    Course,
    CourseModule,
    CourseTopic,
    Lesson,
    Question,
    Quiz,
)
from academy.courses.status import creates_cycle

MAX_TOPIC_LENGTH = 60
# The limits of what authors write, checked here for every path (forms, imports, the API).
MAX_DESCRIPTION = 5000
MAX_TARGET_GROUP = 300
MAX_LESSON_MARKDOWN = 100_000


@dataclass(frozen=True)
class CourseSummary:
    id: int
    title: str
    status: str
    version: int
    target_group: str
    topics: tuple[str, ...]
    module_count: int
    cohort_count: int = 0


@dataclass(frozen=True)
class LessonRow:
    id: int
    position: int
    title: str
    content_markdown: str
    content_html: str  # sanitised; safe to show as it is
    video_url: str
    version: int = 1


@dataclass(frozen=True)
class QuizSummary:
    id: int
    title: str
    pass_mark: int
    attempts_allowed: int
    feedback_mode: str
    question_count: int


@dataclass(frozen=True)
class ModuleDetail:
    id: int
    position: int
    title: str
    description: str
    prerequisite_id: int | None
    lessons: tuple[LessonRow, ...]
    quiz: QuizSummary | None
    version: int = 1


@dataclass(frozen=True)
class CourseDetail:
    id: int
    title: str
    description: str
    target_group: str
    status: str
    version: int
    topics: tuple[str, ...]
    modules: tuple[ModuleDetail, ...]


@dataclass(frozen=True)
class TopicMatch:
    course_id: int
    title: str
    matched: tuple[str, ...]


# ---- courses ---------------------------------------------------------------------------------


def normalise_topics(topics: Iterable[str]) -> list[str]:
    """Lower-case, trimmed, without a leading #, each once, in the order given."""
    tags: list[str] = []
    for raw in topics or ():
        tag = " ".join(str(raw).strip().lstrip("#").split()).lower()
        if not tag:
            continue
        if len(tag) > MAX_TOPIC_LENGTH:
            raise ValidationError(f"Ett ämne får vara högst {MAX_TOPIC_LENGTH} tecken.")
        if tag not in tags:
            tags.append(tag)
    return tags


def _course_fields(title: str, description: str, target_group: str) -> tuple[str, str, str]:
    title = required_text(title, "Kursens titel")
    target_group = optional_text(target_group, "Målgruppen", MAX_TARGET_GROUP)
    description = optional_text(
        description, "Beskrivningen", MAX_DESCRIPTION, form_field="description"
    )
    return title, description, target_group


def create_course(
    session: Session,
    actor: CurrentUser | None,
    *,
    title: str,
    description: str = "",
    target_group: str = "",
    topics: Iterable[str] = (),
) -> int:
    require_role(actor, *AUTHORS)
    title, description, target_group = _course_fields(title, description, target_group)
    tags = normalise_topics(topics)
    course = Course(
        title=title, description=description, target_group=target_group, created_by=actor.id
    )
    session.add(course)
    session.flush()
    session.add_all(CourseTopic(course_id=course.id, tag=tag) for tag in tags)
    session.flush()
    return course.id


def update_course(
    session: Session,
    actor: CurrentUser | None,
    course_id: int,
    *,
    version: int,
    title: str,
    description: str = "",
    target_group: str = "",
    topics: Iterable[str] = (),
) -> int:
    """Save the course's fields; returns the new version. Refused if `version` is stale."""
    require_role(actor, *AUTHORS)
    get_or_404(session, Course, course_id, "Kursen finns inte.")
    title, description, target_group = _course_fields(title, description, target_group)
    tags = normalise_topics(topics)
    # A conditional UPDATE, so two simultaneous saves cannot both pass the version check.
    changed = session.execute(
        update(Course)
        .where(Course.id == course_id, Course.version == version)
        .values(
            title=title,
            description=description,
            target_group=target_group,
            version=Course.version + 1,
            updated_at=utcnow(),
        )
        .execution_options(synchronize_session=False)
    ).rowcount
    if changed != 1:
        raise ValidationError(
            "Kursen har ändrats av någon annan sedan du öppnade den. "
            "Ladda om sidan och gör ändringen igen."
        )
    session.execute(delete(CourseTopic).where(CourseTopic.course_id == course_id))
    session.add_all(CourseTopic(course_id=course_id, tag=tag) for tag in tags)
    session.flush()
    session.expire_all()
    return version + 1


def set_course_status(
    session: Session, actor: CurrentUser | None, course_id: int, status: str
) -> None:
    """Publish a complete course, or take it back to draft."""
    require_role(actor, *AUTHORS)
    course = get_or_404(session, Course, course_id, "Kursen finns inte.")
    if status not in COURSE_STATUSES:
        raise ValidationError("Okänd kursstatus.")
    if status == "published":
        _check_publishable(session, course)
    course.status = status
    course.updated_at = utcnow()


def delete_course(session: Session, actor: CurrentUser | None, course_id: int) -> str:
    """Delete a course that has never been run, with its modules, lessons, quizzes and
    questions; returns its title. A course with cohorts keeps its participants' results: it
    can be taken back to draft, not deleted."""
    require_role(actor, *AUTHORS)
    course = get_or_404(session, Course, course_id, "Kursen finns inte.")
    if session.scalar(select(func.count()).where(Cohort.course_id == course_id)):
        raise ValidationError(
            f"”{course.title}” har kursomgångar och kan inte tas bort: deltagarnas resultat "
            "hör till den. Avpublicera kursen i stället."
        )
    title = course.title
    shown = _lesson_images(session, CourseModule.course_id == course_id)
    session.delete(course)
    images.remove_when_unused(session, shown)
    session.flush()
    return title


def _lesson_images(session: Session, where) -> set[str]:
    """The stored images the lessons of the modules matching `where` show."""
    return images.names_in(
        *session.scalars(
            select(Lesson.content_markdown)
            .join(CourseModule, CourseModule.id == Lesson.module_id)
            .where(where)
        )
    )


def _check_publishable(session: Session, course: Course) -> None:
    modules = session.scalars(select(CourseModule).where(CourseModule.course_id == course.id)).all()
    if not modules:
        raise ValidationError("Kursen behöver minst en modul innan den kan publiceras.")
    module_ids = [module.id for module in modules]
    with_lessons = set(
        session.scalars(select(Lesson.module_id).where(Lesson.module_id.in_(module_ids)))
    )
    quizzes = dict(
        session.execute(select(Quiz.module_id, Quiz.id).where(Quiz.module_id.in_(module_ids))).all()
    )
    scored = set(
        session.scalars(
            select(Question.quiz_id).where(
                Question.quiz_id.in_(list(quizzes.values()) or [-1]),
                Question.kind != "description",
            )
        )
    )
    for module in modules:
        if module.id not in with_lessons and module.id not in quizzes:
            raise ValidationError(
                f"Modulen ”{module.title}” behöver en lektion eller ett quiz innan kursen "
                "kan publiceras."
            )
        if module.id in quizzes and quizzes[module.id] not in scored:
            raise ValidationError(
                f"Quizet i modulen ”{module.title}” har inga frågor som ger poäng."
            )


def list_courses(session: Session, actor: CurrentUser | None) -> list[CourseSummary]:
    require_role(actor, *AUTHORS)
    courses = session.scalars(select(Course).order_by(func.lower(Course.title))).all()
    topics = _topics_by_course(session)
    module_counts = dict(
        session.execute(
            select(CourseModule.course_id, func.count()).group_by(CourseModule.course_id)
        ).all()
    )
    cohort_counts = dict(
        session.execute(select(Cohort.course_id, func.count()).group_by(Cohort.course_id)).all()
    )
    return [
        CourseSummary(
            id=c.id,
            title=c.title,
            status=c.status,
            version=c.version,
            target_group=c.target_group,
            topics=tuple(topics.get(c.id, ())),
            module_count=module_counts.get(c.id, 0),
            cohort_count=cohort_counts.get(c.id, 0),
        )
        for c in courses
    ]


def _topics_by_course(session: Session, course_id: int | None = None) -> dict[int, list[str]]:
    query = select(CourseTopic.course_id, CourseTopic.tag).order_by(CourseTopic.tag)
    if course_id is not None:
        query = query.where(CourseTopic.course_id == course_id)
    topics: dict[int, list[str]] = {}
    for cid, tag in session.execute(query):
        topics.setdefault(cid, []).append(tag)
    return topics


def get_course(session: Session, actor: CurrentUser | None, course_id: int) -> CourseDetail:
    require_role(actor, *AUTHORS)
    return course_detail(session, course_id)


def course_detail(session: Session, course_id: int) -> CourseDetail:
    """The course with its modules, lessons and quizzes, in order. No access check."""
    course = get_or_404(session, Course, course_id, "Kursen finns inte.")
    modules = session.scalars(
        select(CourseModule)
        .where(CourseModule.course_id == course_id)
        .order_by(CourseModule.position, CourseModule.id)
    ).all()
    module_ids = [module.id for module in modules]
    lessons: dict[int, list[LessonRow]] = {}
    for lesson in session.scalars(
        select(Lesson).where(Lesson.module_id.in_(module_ids)).order_by(Lesson.position, Lesson.id)
    ):
        lessons.setdefault(lesson.module_id, []).append(
            LessonRow(
                lesson.id,
                lesson.position,
                lesson.title,
                lesson.content_markdown,
                lesson.content_html,
                lesson.video_url,
                lesson.version,
            )
        )
    quizzes: dict[int, QuizSummary] = {}
    rows = session.execute(
        select(Quiz, func.count(Question.id))
        .outerjoin(Question, Question.quiz_id == Quiz.id)
        .where(Quiz.module_id.in_(module_ids))
        .group_by(Quiz.id)
    ).all()
    for quiz, question_count in rows:
        quizzes[quiz.module_id] = QuizSummary(
            quiz.id,
            quiz.title,
            quiz.pass_mark,
            quiz.attempts_allowed,
            quiz.feedback_mode,
            question_count,
        )
    return CourseDetail(
        id=course.id,
        title=course.title,
        description=course.description,
        target_group=course.target_group,
        status=course.status,
        version=course.version,
        topics=tuple(_topics_by_course(session, course.id).get(course.id, ())),
        modules=tuple(
            ModuleDetail(
                id=m.id,
                position=m.position,
                title=m.title,
                description=m.description,
                prerequisite_id=m.prerequisite_id,
                lessons=tuple(lessons.get(m.id, ())),
                quiz=quizzes.get(m.id),
                version=m.version,
            )
            for m in modules
        ),
    )


def courses_for_topics(session: Session, topics: Iterable[str]) -> list[TopicMatch]:
    """Published courses sharing topics with `topics`, most shared first (for the inventory)."""
    tags = normalise_topics(topics)
    if not tags:
        return []
    rows = session.execute(
        select(Course.id, Course.title, CourseTopic.tag)
        .join(CourseTopic, CourseTopic.course_id == Course.id)
        .where(Course.status == "published", CourseTopic.tag.in_(tags))
        .order_by(CourseTopic.tag)
    ).all()
    matched: dict[int, tuple[str, list[str]]] = {}
    for course_id, title, tag in rows:
        matched.setdefault(course_id, (title, []))[1].append(tag)
    found = [TopicMatch(cid, title, tuple(tags)) for cid, (title, tags) in matched.items()]
    return sorted(found, key=lambda match: (-len(match.matched), match.title.lower()))


# ---- modules ---------------------------------------------------------------------------------


def _check_prerequisite(
    session: Session, course_id: int, module_id: int | None, prerequisite_id: int | None
) -> None:
    if prerequisite_id is None:
        return
    prerequisites = dict(
        session.execute(
            select(CourseModule.id, CourseModule.prerequisite_id).where(
                CourseModule.course_id == course_id
            )
        ).all()
    )
    if prerequisite_id not in prerequisites:
        raise ValidationError("Modulen som ska vara klar först måste höra till samma kurs.")
    if module_id is not None and (
        prerequisite_id == module_id or creates_cycle(module_id, prerequisite_id, prerequisites)
    ):
        raise ValidationError(
            "Förkunskapskravet skulle skapa en slinga där modulerna väntar på varandra."
        )


def _module_fields(title: str, description: str) -> tuple[str, str]:
    return required_text(title, "Modulens titel"), optional_text(
        description, "Modulens beskrivning", MAX_DESCRIPTION, form_field="description"
    )


def add_module(
    session: Session,
    actor: CurrentUser | None,
    course_id: int,
    *,
    title: str,
    description: str = "",
    prerequisite_id: int | None = None,
) -> int:
    require_role(actor, *AUTHORS)
    get_or_404(session, Course, course_id, "Kursen finns inte.")
    title, description = _module_fields(title, description)
    _check_prerequisite(session, course_id, None, prerequisite_id)
    last = session.scalar(
        select(func.max(CourseModule.position)).where(CourseModule.course_id == course_id)
    )
    module = CourseModule(
        course_id=course_id,
        position=(last or 0) + 1,
        title=title,
        description=description,
        prerequisite_id=prerequisite_id,
    )
    session.add(module)
    session.flush()
    return module.id


def update_module(
    session: Session,
    actor: CurrentUser | None,
    module_id: int,
    *,
    title: str,
    description: str = "",
    prerequisite_id: int | None = None,
    version: int | None = None,
) -> None:
    """Save a module; with `version` (the one the editor started from) a stale save is refused."""
    require_role(actor, *AUTHORS)
    module = get_or_404(session, CourseModule, module_id, "Modulen finns inte.")
    title, description = _module_fields(title, description)
    _check_prerequisite(session, module.course_id, module.id, prerequisite_id)
    values = {"title": title, "description": description, "prerequisite_id": prerequisite_id}
    save_versioned(
        session,
        CourseModule,
        module_id,
        module.version if version is None else version,
        what="Modulen",
        **values,
    )
    session.expire(module)


def reorder_modules(
    session: Session, actor: CurrentUser | None, course_id: int, module_ids: list[int]
) -> None:
    """Put the course's modules in the order given; every module must be named once."""
    require_role(actor, *AUTHORS)
    modules = {
        m.id: m
        for m in session.scalars(select(CourseModule).where(CourseModule.course_id == course_id))
    }
    if sorted(module_ids) != sorted(modules):
        raise ValidationError("Ordningen måste innehålla kursens alla moduler, var och en en gång.")
    for position, module_id in enumerate(module_ids, start=1):
        modules[module_id].position = position


def delete_module(session: Session, actor: CurrentUser | None, module_id: int) -> None:
    require_role(actor, *AUTHORS)
    module = get_or_404(session, CourseModule, module_id, "Modulen finns inte.")
    shown = _lesson_images(session, CourseModule.id == module_id)
    session.delete(module)
    images.remove_when_unused(session, shown)
    session.flush()


# ---- lessons ---------------------------------------------------------------------------------


def _lesson_fields(title: str, content_markdown: str, video_url: str) -> tuple[str, str, str]:
    return (
        required_text(title, "Lektionens titel"),
        optional_text(content_markdown, "Lektionens text", MAX_LESSON_MARKDOWN),
        check_video_url(video_url),
    )


def add_lesson(
    session: Session,
    actor: CurrentUser | None,
    module_id: int,
    *,
    title: str,
    content_markdown: str = "",
    video_url: str = "",
) -> int:
    require_role(actor, *AUTHORS)
    get_or_404(session, CourseModule, module_id, "Modulen finns inte.")
    title, content, video_url = _lesson_fields(title, content_markdown, video_url)
    last = session.scalar(select(func.max(Lesson.position)).where(Lesson.module_id == module_id))
    lesson = Lesson(
        module_id=module_id,
        position=(last or 0) + 1,
        title=title,
        content_markdown=content,
        content_html=render_markdown(content),
        video_url=video_url,
    )
    session.add(lesson)
    session.flush()
    return lesson.id


def update_lesson(
    session: Session,
    actor: CurrentUser | None,
    lesson_id: int,
    *,
    title: str,
    content_markdown: str = "",
    video_url: str = "",
    version: int | None = None,
) -> None:
    """Save a lesson; with `version` (the one the editor started from) a stale save is refused."""
    require_role(actor, *AUTHORS)
    lesson = get_or_404(session, Lesson, lesson_id, "Lektionen finns inte.")
    title, content, video_url = _lesson_fields(title, content_markdown, video_url)
    dropped = images.names_in(lesson.content_markdown) - images.names_in(content)
    save_versioned(
        session,
        Lesson,
        lesson_id,
        lesson.version if version is None else version,
        what="Lektionen",
        title=title,
        content_markdown=content,
        video_url=video_url,
        content_html=render_markdown(content),
    )
    session.expire(lesson)
    images.keep_for_a_while(dropped)


def reorder_lessons(
    session: Session, actor: CurrentUser | None, module_id: int, lesson_ids: list[int]
) -> None:
    """Put the module's lessons in the order given; every lesson must be named once."""
    require_role(actor, *AUTHORS)
    get_or_404(session, CourseModule, module_id, "Modulen finns inte.")
    lessons = {
        le.id: le for le in session.scalars(select(Lesson).where(Lesson.module_id == module_id))
    }
    if sorted(lesson_ids) != sorted(lessons):
        raise ValidationError(
            "Ordningen måste innehålla modulens alla lektioner, var och en en gång."
        )
    for position, lesson_id in enumerate(lesson_ids, start=1):
        lessons[lesson_id].position = position


def delete_lesson(session: Session, actor: CurrentUser | None, lesson_id: int) -> None:
    require_role(actor, *AUTHORS)
    lesson = get_or_404(session, Lesson, lesson_id, "Lektionen finns inte.")
    shown = images.names_in(lesson.content_markdown)
    session.delete(lesson)
    images.remove_when_unused(session, shown)
    session.flush()
