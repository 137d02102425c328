"""Demo data for a local trial: realistic Swedish municipal units and four demo accounts.

Every step is idempotent, so `academy seed-demo` can run on every start.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from academy.core.accounts import create_user
from academy.core.models import Role, Unit, User
from academy.core.security import hash_password

DEMO_PASSWORD = "serviceakademin"  # local demo only; the README says so

# (name, kind, parent name)
DEMO_UNITS = [
    ("Kommunledningsförvaltningen", "förvaltning", None),
    ("Servicecenter", "enhet", "Kommunledningsförvaltningen"),
    ("Kommunsupport", "enhet", "Kommunledningsförvaltningen"),
    ("Förskoleförvaltningen", "förvaltning", None),
    ("Förskoleantagningen", "enhet", "Förskoleförvaltningen"),
    ("Miljö- och byggförvaltningen", "förvaltning", None),
    ("Bygglov", "enhet", "Miljö- och byggförvaltningen"),
]

# (email, name, roles, unit name)
DEMO_ACCOUNTS = [
    ("admin@demo.se", "Anna Lindqvist", [Role.ADMIN], "Kommunsupport"),
    ("utbildare@demo.se", "Karin Berg", [Role.TRAINER], "Servicecenter"),
    ("medarbetare@demo.se", "Sara Nilsson", [Role.EMPLOYEE], "Servicecenter"),
    ("strateg@demo.se", "Erik Johansson", [Role.STRATEGIST], "Kommunledningsförvaltningen"),
    # Colleagues at Servicecenter, so cohorts and surveys have more than one participant.
    ("johan.ek@demo.se", "Johan Ek", [Role.EMPLOYEE], "Servicecenter"),
    ("leila.hassan@demo.se", "Leila Hassan", [Role.EMPLOYEE], "Servicecenter"),
    ("maria.svensson@demo.se", "Maria Svensson", [Role.EMPLOYEE], "Servicecenter"),
    ("ahmed.yusuf@demo.se", "Ahmed Yusuf", [Role.EMPLOYEE], "Servicecenter"),
    ("eva.holm@demo.se", "Eva Holm", [Role.EMPLOYEE], "Förskoleantagningen"),
]


def seed_units(session: Session) -> dict[str, int]:
    ids: dict[str, int] = {}
    for name, kind, parent in DEMO_UNITS:
        parent_id = ids.get(parent) if parent else None
        unit = session.scalar(
            select(Unit).where(
                Unit.name == name,
                Unit.parent_id.is_(None) if parent_id is None else Unit.parent_id == parent_id,
            )
        )
        if unit is None:
            unit = Unit(name=name, kind=kind, parent_id=parent_id)
            session.add(unit)
            session.flush()
        ids[name] = unit.id
    return ids


def seed_people(session: Session) -> int:
    """Create the demo accounts that are missing; returns how many were created."""
    unit_ids = seed_units(session)
    shared_hash = hash_password(DEMO_PASSWORD)
    created = 0
    for email, name, roles, unit in DEMO_ACCOUNTS:
        if session.scalar(select(User.id).where(User.email == email)) is None:
            create_user(
                session,
                None,
                name=name,
                email=email,
                password="",
                password_hash=shared_hash,
                roles=[str(r) for r in roles],
                unit_id=unit_ids[unit],
            )
            created += 1
    return created


def has_users(session: Session) -> bool:
    return session.scalar(select(User.id).limit(1)) is not None


def seed_demo(session: Session) -> dict[str, int]:
    from academy.courses.demo import seed_courses
    from academy.inventory.demo import seed_inventory
    from academy.journeys.demo import seed_journeys
    from academy.practice.demo.seed import seed_practice

    return {
        "accounts": seed_people(session),
        "journeys": seed_journeys(session),
        "courses": seed_courses(session),
        "practice": seed_practice(session),
        "inventory": seed_inventory(session),
    }
