"""What the home page says about Kundresor, for development strategists."""

from __future__ import annotations

from sqlalchemy.orm import Session

from academy.core.access import CurrentUser
from academy.core.home import NextStep, provider
from academy.core.models import Role


@provider(Role.STRATEGIST)
def journey_items(session: Session, user: CurrentUser) -> list[NextStep]:
    return [
        NextStep(
            "Kundresor",
            "Kartlägg hur invånaren möter kommunen – steg för steg, kanal för kanal – och se "
            "var överlämningar och sviktande efterfrågan uppstår.",
            "/kundresor",
            "Gå till Kundresor",
        )
    ]
