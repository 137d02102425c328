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
    courses = courses_for_topics(session, topics)
    # Every recommended course's modules in one statement, however many courses match.
    by_course: dict[int, list[tuple[int, str, str]]] = {c.course_id: [] for c in courses}
    if courses:
        for course_id, module_id, title, description in session.execute(
            select(
                CourseModule.course_id,
                CourseModule.id,
                CourseModule.title,
                CourseModule.description,
            )
            .where(CourseModule.course_id.in_(list(by_course)))
            .order_by(CourseModule.course_id, CourseModule.position, CourseModule.id)
        ):
            by_course[course_id].append((module_id, title, description))
    for course in courses:
        items.append(Recommendation("course", course.course_id, course.title, course.matched))
        modules = by_course[course.course_id]
        items += [
            Recommendation("module", mid, title, matched, course.course_id, course.title)
            for mid, title, matched in modules_matching(modules, topics)
        ]
    return items


PROVIDERS: list[Callable[[Session, Sequence[str]], list[Recommendation]]] = [course_provider]


def recommend(session: Session, topics: Sequence[str]) -> list[Recommendation]:
    return [item for provider in PROVIDERS for item in provider(session, topics)]
