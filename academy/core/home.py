"""What the home page suggests next, per role. Later areas add their own items here."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from academy.core.access import CurrentUser
from academy.core.models import Role, Unit, User


@dataclass(frozen=True)
class NextStep:
    title: str
    text: str
    href: str
    link_label: str


def _surveys_step(session: Session, user: CurrentUser) -> NextStep:
    from academy.inventory.campaigns import waiting_surveys

    waiting = waiting_surveys(session, user)
    if not waiting:
        text = "Inga enkäter väntar på dig just nu."
    else:
        first = waiting[0]
        text = (
            f"{len(waiting)} enkät{'er' if len(waiting) > 1 else ''} väntar på ditt svar. "
            f"”{first.title}” ska besvaras senast {first.closes_on.isoformat()}."
        )
    return NextStep("Enkäter att besvara", text, "/inventering", "Gå till Inventering")


def next_steps(session: Session, user: CurrentUser) -> list[NextStep]:
    steps: list[NextStep] = []
    if user.has_any(Role.EMPLOYEE):
        steps += [
            NextStep(
                "Mina kurser",
                "Du är inte inskriven i någon kursomgång ännu. När din utbildare skriver in dig "
                "visas kursen här, med det som ska vara klart först överst.",
                "/utbildning",
                "Gå till Utbildning",
            ),
            _surveys_step(session, user),
        ]
    if user.has_any(Role.TRAINER):
        steps.append(
            NextStep(
                "Kursomgångar",
                "Börja med en inventering av enhetens behov, och bygg sedan kursen utifrån "
                "behovsprofilen.",
                "/inventering",
                "Gå till Inventering",
            )
        )
    if user.has_any(Role.STRATEGIST):
        steps.append(
            NextStep(
                "Kundresor",
                "Kartlägg hur invånaren möter kommunen – steg för steg, kanal för kanal – och se "
                "var överlämningar och sviktande efterfrågan uppstår.",
                "/kundresor",
                "Gå till Kundresor",
            )
        )
    if user.has_any(Role.ADMIN):
        users = session.scalar(select(func.count()).select_from(User).where(User.active))
        units = session.scalar(select(func.count()).select_from(Unit))
        steps.append(
            NextStep(
                "Användare och enheter",
                f"{users} aktiva användare i {units} enheter. Lägg till medarbetare och ge dem "
                "roller.",
                "/admin",
                "Gå till Administration",
            )
        )
    return steps
