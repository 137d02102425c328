"""Recommendations for a unit's top needs: courses and modules whose topics match.

Each kind of learning material is one provider: a function (session, topics) -> items. Courses
and their modules are provided here; practice exercises add a provider of kind "exercise" to
`PROVIDERS` when they exist, and the profile page shows them without other changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from academy.courses.authoring import courses_for_topics
from academy.courses.models import CourseModule

TOP_NEEDS = 5


@dataclass(frozen=True)
class Recommendation:
    kind: str  # "course", "module", later "exercise"
    ref_id: int
    title: str
    matched: tuple[str, ...]
    course_id: int | None = None  # the course a module belongs to
    course_title: str = ""


def modules_matching(
    modules: Iterable[tuple[int, str, str]], topics: Sequence[str]
) -> list[tuple[int, str, tuple[str, ...]]]:
    """Modules (id, title, description) whose title or description names one of the topics."""
    found = []
    for module_id, title, description in modules:
        text = f"{title} {description}".lower()
        matched = tuple(topic for topic in topics if topic in text)
        if matched:
            found.append((module_id, title, matched))
    return found


def course_provider(session: Session, topics: Sequence[str]) -> list[Recommendation]:
    items: list[Recommendation] = []
    for course in courses_for_topics(session, topics):
        items.append(Recommendation("course", course.course_id, course.title, course.matched))
        modules = session.execute(
            select(CourseModule.id, CourseModule.title, CourseModule.description)
            .where(CourseModule.course_id == course.course_id)
            .order_by(CourseModule.position, CourseModule.id)
        ).all()
        items += [
            Recommendation("module", mid, title, matched, course.course_id, course.title)
            for mid, title, matched in modules_matching(modules, topics)
        ]
    return items


PROVIDERS: list[Callable[[Session, Sequence[str]], list[Recommendation]]] = [course_provider]


def recommend(session: Session, topics: Sequence[str]) -> list[Recommendation]:
    return [item for provider in PROVIDERS for item in provider(session, topics)]
