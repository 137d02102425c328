"""What the home page says about Utbildning: the employee's next course, the trainer's cohorts."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from academy.core.access import CurrentUser
from academy.core.home import NextStep, provider
from academy.core.models import Role
from academy.courses.cohorts import list_cohorts, my_courses
from academy.courses.status import deadline_flag, modules_done_text


@provider(Role.EMPLOYEE)
def my_courses_items(session: Session, user: CurrentUser) -> list[NextStep]:
    unfinished = [c for c in my_courses(session, user) if c.status != "completed"]
    if not unfinished:
        return [
            NextStep(
                "Mina kurser",
                "Du har inga kurser att göra just nu. När din utbildare skriver in dig visas "
                "kursen här, med det som ska vara klart först överst.",
                "/utbildning",
                "Gå till Utbildning",
            )
        ]
    first = unfinished[0]
    text, _kind = deadline_flag(first.deadline, date.today(), done=False)
    due = f" {text}" if text else ""
    overdue = [
        c for c in unfinished if deadline_flag(c.deadline, date.today(), False)[1] == "overdue"
    ]
    if len(overdue) > 1:
        due += f" {len(overdue)} av dina kurser är försenade."
    others = len(unfinished) - 1
    more = f" Du har {others} {'kurs' if others == 1 else 'kurser'} till." if others else ""
    return [
        NextStep(
            "Mina kurser",
            f"Näst på tur: {first.course_title}, "
            f"{modules_done_text(first.modules_completed, first.module_count, first.tailored)}."
            f"{due}{more}",
            f"/utbildning/kurs/{first.course_id}",
            f"Fortsätt med {first.course_title}",
        )
    ]


@provider(Role.TRAINER)
def cohort_items(session: Session, user: CurrentUser) -> list[NextStep]:
    led = list_cohorts(session, user, led_by=user.id)
    if not led:
        return [
            NextStep(
                "Kursomgångar",
                "Du leder inga kursomgångar ännu. Bygg en kurs utifrån enhetens behovsprofil "
                "och starta en kursomgång under Utbildning.",
                "/utbildning",
                "Gå till Utbildning",
            )
        ]
    names = ", ".join(f"{c.name} ({c.participant_count} deltagare)" for c in led[:3])
    more = f" och {len(led) - 3} till" if len(led) > 3 else ""
    return [
        NextStep(
            "Kursomgångar",
            f"Du leder {len(led)} kursomgång{'ar' if len(led) > 1 else ''}: {names}{more}.",
            f"/utbildning/omgangar/{led[0].id}",
            f"Följ upp {led[0].name}",
        )
    ]
