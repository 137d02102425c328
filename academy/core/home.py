"""What the home page suggests next, per role. Later areas add their own items here."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from academy.core.access import CurrentUser
from academy.core.models import Role, Unit, User
from academy.courses.cohorts import list_cohorts, my_courses


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
            _my_courses_step(session, user),
            _surveys_step(session, user),
        ]
    if user.has_any(Role.TRAINER):
        steps.append(_cohorts_step(session, user))
    from academy.practice.home import practice_items  # the area builds on core, not vice versa

    steps += [NextStep(*item) for item in practice_items(session, user)]
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


def _my_courses_step(session: Session, user: CurrentUser) -> NextStep:
    unfinished = [c for c in my_courses(session, user) if c.status != "completed"]
    if not unfinished:
        return NextStep(
            "Mina kurser",
            "Du har inga kurser att göra just nu. När din utbildare skriver in dig visas kursen "
            "här, med det som ska vara klart först överst.",
            "/utbildning",
            "Gå till Utbildning",
        )
    first = unfinished[0]
    due = f" Sista dag: {first.deadline.isoformat()}." if first.deadline else ""
    more = f" Du har {len(unfinished) - 1} kurser till." if len(unfinished) > 1 else ""
    return NextStep(
        "Mina kurser",
        f"Näst på tur: {first.course_title}, {first.modules_completed} av "
        f"{first.module_count} moduler klara.{due}{more}",
        f"/utbildning/kurs/{first.course_id}",
        f"Fortsätt med {first.course_title}",
    )


def _cohorts_step(session: Session, user: CurrentUser) -> NextStep:
    led = list_cohorts(session, user, led_by=user.id)
    if not led:
        return NextStep(
            "Kursomgångar",
            "Du leder inga kursomgångar ännu. Bygg en kurs utifrån enhetens behovsprofil och "
            "starta en kursomgång under Utbildning.",
            "/utbildning",
            "Gå till Utbildning",
        )
    names = ", ".join(f"{c.name} ({c.participant_count} deltagare)" for c in led[:3])
    more = f" och {len(led) - 3} till" if len(led) > 3 else ""
    return NextStep(
        "Kursomgångar",
        f"Du leder {len(led)} kursomgång{'ar' if len(led) > 1 else ''}: {names}{more}.",
        f"/utbildning/omgangar/{led[0].id}",
        f"Följ upp {led[0].name}",
    )
