"""Course modules as targets of a journey step's training link (academy.core.training_targets)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from academy.core import training_targets
from academy.courses.models import Course, CourseModule


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


def module_links(session: Session, ids: set[int]) -> dict[int, str]:
    """{module id: its place on the course's page}."""
    rows = session.execute(
        select(CourseModule.id, CourseModule.course_id).where(CourseModule.id.in_(ids))
    ).all()
    return {
        module_id: f"/utbildning/kurs/{course_id}#modul-{module_id}"
        for module_id, course_id in rows
    }


training_targets.register("module", "Modul", module_names, module_links)
