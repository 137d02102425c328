"""Demo data for a local trial: the demo people from core, then each area's demo content.

This module only orchestrates; the areas' seeds take the people from `academy.core.demo`.
Every step is idempotent, so `academy seed-demo` can run on every start.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from academy.core.demo import DEMO_PASSWORD, has_users, seed_people
from academy.courses.demo import seed_courses
from academy.inventory.demo import seed_inventory
from academy.journeys.contacts.demo import seed_contacts
from academy.journeys.demo import seed_journeys
from academy.practice.demo.seed import seed_practice

__all__ = ["DEMO_PASSWORD", "has_users", "seed_demo"]


def seed_demo(session: Session) -> dict[str, int]:
    return {
        "accounts": seed_people(session),
        "journeys": seed_journeys(session),
        "courses": seed_courses(session),
        "practice": seed_practice(session),
        "inventory": seed_inventory(session),
        "contacts": seed_contacts(session),
    }
