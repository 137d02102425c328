"""Lone surrogates and NUL bytes never reach the database, by any path (ORM or bulk UPDATE)."""

from sqlalchemy import select, update

from academy.core.db import session_scope
from academy.core.models import User
from academy.courses.models import Course

HOSTILE = "Bemötande\ud800 i\x00 telefon\toch\nchatt"
CLEAN = "Bemötande\ufffd i telefon\toch\nchatt"


def test_hostile_text_is_replaced_on_insert_and_update(demo):
    with session_scope() as session:
        author = session.scalars(select(User)).first()
        course = Course(title=HOSTILE, description=HOSTILE, created_by=author.id)
        session.add(course)
        session.flush()
        course_id = course.id
    with session_scope() as session:
        stored = session.get(Course, course_id)
        assert (stored.title, stored.description) == (CLEAN, CLEAN)
        session.execute(
            update(Course).where(Course.id == course_id).values(description="x\x00\udfffy")
        )
    with session_scope() as session:
        assert session.get(Course, course_id).description == "x\ufffdy"
