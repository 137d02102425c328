"""The home page's items: every area's provider, listed here in the order they are shown.

This is the one place that knows all the areas' home items; core only asks the providers.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from academy.admin.home import admin_items
from academy.core.access import CurrentUser
from academy.core.home import HomeProvider, NextStep, collect_steps
from academy.core.models import Role
from academy.courses.home import cohort_items, my_courses_items
from academy.inventory.home import survey_items
from academy.journeys.home import journey_items
from academy.practice.home import practice_items


def _practice(session: Session, user: CurrentUser) -> list[NextStep]:
    # Träning builds (title, text, href, link label) tuples.
    return [NextStep(*item) for item in practice_items(session, user)]


HOME_PROVIDERS: list[HomeProvider] = [
    my_courses_items,
    survey_items,
    cohort_items,
    HomeProvider(frozenset({Role.EMPLOYEE, Role.TRAINER}), _practice),
    journey_items,
    admin_items,
]


def next_steps(session: Session, user: CurrentUser) -> list[NextStep]:
    return collect_steps(session, user, HOME_PROVIDERS)
