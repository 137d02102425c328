"""What the home page says about Inventering: the surveys waiting for the employee's answer."""

from __future__ import annotations

from sqlalchemy.orm import Session

from academy.core.access import CurrentUser
from academy.core.home import NextStep, provider
from academy.core.models import Role
from academy.inventory.campaigns import waiting_surveys


@provider(Role.EMPLOYEE)
def survey_items(session: Session, user: CurrentUser) -> list[NextStep]:
    """One waiting survey opens its answer page directly; several open the list."""
    waiting = waiting_surveys(session, user)
    if not waiting:
        text = "Inga enkäter väntar på dig just nu."
    else:
        first = waiting[0]
        text = (
            f"{len(waiting)} enkät{'er' if len(waiting) > 1 else ''} väntar på ditt svar. "
            f"”{first.title}” ska besvaras senast {first.closes_on.isoformat()}."
        )
    if len(waiting) == 1:
        href, label = f"/inventering/{waiting[0].campaign_id}/svara", "Besvara enkäten"
    else:
        href, label = "/inventering", "Gå till Inventering"
    return [NextStep("Enkäter att besvara", text, href, label)]
