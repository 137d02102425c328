"""What the home page says to an administrator: how many people and units there are."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from academy.core.access import CurrentUser
from academy.core.home import NextStep, provider
from academy.core.models import Role, Unit, User


@provider(Role.ADMIN)
def admin_items(session: Session, user: CurrentUser) -> list[NextStep]:
    users = session.scalar(select(func.count()).select_from(User).where(User.active))
    units = session.scalar(select(func.count()).select_from(Unit))
    return [
        NextStep(
            "Användare och enheter",
            f"{users} aktiva användare i {units} enheter. Lägg till medarbetare och ge dem roller.",
            "/admin",
            "Gå till Administration",
        )
    ]
