"""Small helpers shared by the course services."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session

from academy.core.errors import NotFound
from academy.core.models import Role

AUTHORS = (Role.ADMIN, Role.TRAINER)  # may author courses, run cohorts and follow progress

T = TypeVar("T")


def get_or_404(session: Session, model: type[T], key: int | None, message: str) -> T:
    row = session.get(model, key) if key is not None else None
    if row is None:
        raise NotFound(message)
    return row
