"""What the home page says about Inventering: the surveys waiting for the employee's answer."""

from __future__ import annotations

from sqlalchemy.orm import Session

from academy.core.access import CurrentUser
from academy.core.home import NextStep, provider
from academy.core.models import Role
from academy.inventory.campaigns import waiting_surveys


@provider(Role.EMPLOYEE)
def survey_items(session: Session, user: CurrentUser) -> list[NextStep]:
    """The link opens the answer page of the survey due first (the list shows the others)."""
    waiting = waiting_surveys(session, user)  # the one due first comes first
    if not waiting:
        text = "Inga enkäter väntar på dig just nu."
        return [NextStep("Enkäter att besvara", text, "/inventering", "Gå till Inventering")]
    first = waiting[0]
    text = (
        f"{len(waiting)} enkät{'er' if len(waiting) > 1 else ''} väntar på ditt svar. "
        f"”{first.title}” ska besvaras senast {first.closes_on.isoformat()}."
    )
    label = "Besvara enkäten" if len(waiting) == 1 else f"Besvara ”{first.title}”"
    return [NextStep("Enkäter att besvara", text, f"/inventering/{first.campaign_id}/svara", label)]
