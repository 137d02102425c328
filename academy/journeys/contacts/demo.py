"""Demo contacts: a synthetic, seeded-random period of Servicecenter's contacts, linked to the
demo journeys. Idempotent.

The demo holds DEMO_CONTACT_WEEKS weeks: a whole year by default (52 weeks, about 338,000
contacts, some 9 s of CPU once when a database is first seeded); the test servers seed 8 weeks
and the integration tests one, to stay quick.
"""

from __future__ import annotations

import os
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from academy.core.auth import to_current_user
from academy.core.models import Unit, User
from academy.journeys.contacts.models import (
    ContactCategoryLink,
    ContactCategoryTopic,
    ContactImport,
)
from academy.journeys.contacts.service import (
    link_category,
    parse_file,
    set_category_topics,
    store_import,
)
from academy.journeys.models import JourneyRecord
from journeys.contacts.synthetic import contacts_csv_bytes, synthetic_contacts

OWNER = "strateg@demo.se"
UNIT = "Servicecenter"
FILE_NAME = "servicecenter-kontakter-demo.csv"
# (category, journey title, step id)
DEMO_LINKS = [
    ("Felanmälan gata", "Felanmälan gatubelysning", "ringer"),
    ("Förskola", "Ansöka om förskoleplats", "ringer-fragor"),
]

# (category, its topics): what the ranking matches course modules and scenarios by
DEMO_TOPICS = [
    ("Faktura VA", "klarspråk, skriftlig kommunikation"),
    ("Avfall och återvinning", "sophämtning, telefon"),
    ("Ekonomiskt bistånd", "svåra samtal, aktivt lyssnande"),
    ("Bygglov", "klarspråk"),
]


def demo_weeks() -> int:
    raw = os.environ.get("DEMO_CONTACT_WEEKS", "").strip()
    return max(0, min(52, int(raw))) if raw.isdigit() else 52


def seed_contacts(session: Session) -> int:
    """Import the demo contacts once; returns how many contacts were stored (0 when present)."""
    owner = session.scalar(select(User).where(User.email == OWNER))
    unit_id = session.scalar(select(Unit.id).where(Unit.name == UNIT))
    weeks = demo_weeks()
    if owner is None or unit_id is None or not weeks:
        return 0
    if session.scalar(select(ContactImport.id).where(ContactImport.file_name == FILE_NAME)):
        return 0
    actor = to_current_user(owner)
    rows = synthetic_contacts(seed=2026, weeks=weeks, per_week=6500, start=date(2026, 1, 5))
    table = parse_file(contacts_csv_bytes(rows))
    store_import(session, actor, unit_id, FILE_NAME, table)
    for category, title_start, step_id in DEMO_LINKS:
        journey_id = session.scalar(
            select(JourneyRecord.id)
            .where(JourneyRecord.title.startswith(title_start), JourneyRecord.kind == "current")
            .order_by(JourneyRecord.id)
        )
        exists = session.scalar(
            select(ContactCategoryLink.id).where(ContactCategoryLink.category == category)
        )
        if journey_id is not None and exists is None:
            link_category(session, actor, unit_id, category, f"{journey_id}:{step_id}")
    if session.scalar(select(ContactCategoryTopic.tag).limit(1)) is None:
        for category, topics in DEMO_TOPICS:
            set_category_topics(session, actor, unit_id, category, topics)
    return len(table)
