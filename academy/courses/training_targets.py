"""Course modules as targets of a journey step's training link (academy.core.training_targets)."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.orm import Session

from academy.core import training_targets
from academy.courses.models import Course, CourseModule, CourseTopic


def module_names(session: Session, ids: set[int] | None) -> dict[int, str]:
    """{module id: "Kurs – Modul"}; with `ids=None`, the modules of published courses."""
    query = select(CourseModule.id, Course.title, CourseModule.title).join(
        Course, Course.id == CourseModule.course_id
    )
    if ids is None:
        query = query.where(Course.status == "published")
    else:
        query = query.where(CourseModule.id.in_(ids))
    rows = session.execute(query.order_by(Course.title, CourseModule.position)).all()
    return {module_id: f"{course} – {module}" for module_id, course, module in rows}


def modules_for_topics(
    session: Session, topics: Collection[str]
) -> dict[int, tuple[str, tuple[str, ...]]]:
    """The modules of published courses carrying any of `topics` (a module has its course's
    topics): {module id: ("Kurs – Modul", the course's topics among `topics`)}."""
    if not topics:
        return {}
    rows = session.execute(
        select(CourseModule.id, Course.title, CourseModule.title, CourseTopic.tag)
        .join(Course, Course.id == CourseModule.course_id)
        .join(CourseTopic, CourseTopic.course_id == Course.id)
        .where(Course.status == "published", CourseTopic.tag.in_(sorted(topics)))
        .order_by(Course.title, CourseModule.position, CourseModule.id, CourseTopic.tag)
    ).all()
    found: dict[int, tuple[str, tuple[str, ...]]] = {}
    for module_id, course, module, tag in rows:
        name, tags = found.get(module_id, (f"{course} – {module}", ()))
        found[module_id] = (name, (*tags, tag))
    return found


def course_topics(session: Session) -> list[str]:
    """The topics of published courses."""
    return list(
        session.scalars(
            select(CourseTopic.tag)
            .join(Course, Course.id == CourseTopic.course_id)
            .where(Course.status == "published")
            .distinct()
        )
    )


def module_links(session: Session, ids: set[int]) -> dict[int, str]:
    """{module id: its place on the course's page}."""
    rows = session.execute(
        select(CourseModule.id, CourseModule.course_id).where(CourseModule.id.in_(ids))
    ).all()
    return {
        module_id: f"/utbildning/kurs/{course_id}#modul-{module_id}"
        for module_id, course_id in rows
    }


training_targets.register(
    "module",
    "Modul",
    module_names,
    topics=modules_for_topics,
    all_topics=course_topics,
    links=module_links,
)
