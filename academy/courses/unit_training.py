"""Cohorts a unit took part in, for Kontaktanalys' before/after (academy.core.unit_training)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from academy.core import unit_training
from academy.core.models import User
from academy.courses.models import Cohort, Course, Enrolment


def cohorts_between(session: Session, unit_id: int, first: date, last: date) -> list[str]:
    """Cohorts that ended between `first` and `last` with participants from the unit."""
    rows = session.execute(
        select(Course.title, Cohort.name, Cohort.ends_on, func.count(Enrolment.id))
        .join(Cohort, Cohort.course_id == Course.id)
        .join(Enrolment, Enrolment.cohort_id == Cohort.id)
        .join(User, User.id == Enrolment.user_id)
        .where(User.unit_id == unit_id, Cohort.ends_on >= first, Cohort.ends_on <= last)
        .group_by(Course.title, Cohort.name, Cohort.ends_on)
        .order_by(Cohort.ends_on)
    ).all()
    return [
        f"{title} – {name} (slutade {ends:%Y-%m-%d}, {count} deltagare från enheten)"
        for title, name, ends, count in rows
    ]


unit_training.register("cohorts", cohorts_between)
