"""Demo practice content, built through the practice services.

Idempotent: scenarios and cards that exist (by title) are left alone, and the demo employees'
attempts, log entries and observations are only added together with a newly made scenario.
Needs the demo accounts and the demo cohort from academy.demo and academy.courses.demo.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from academy.core import auth
from academy.core.access import CurrentUser
from academy.core.models import User
from academy.courses.demo.seed import COHORT_NAME
from academy.courses.models import Cohort
from academy.practice import attempts, practice_log, roleplays, scenarios
from academy.practice.demo import demo_path
from academy.practice.models import PracticeScenario, RoleplayCard, ScenarioAttempt

GARBAGE_TITLE = "Upprörd medborgare om utebliven sophämtning"
CARD_TITLE = "Invånaren som vill prata med en chef"
ATTEMPTS = {  # email -> choice ids through the garbage scenario
    "medarbetare@demo.se": ["Start#1", "Kartlägger#1"],
    "johan.ek@demo.se": ["Start#2", "Arg#1"],
    "leila.hassan@demo.se": ["Start#3", "Löfte#2"],
}
# The demo employee's own attempts at the parent scenario, so "Mina försök" has a history.
PARENT_ATTEMPTS = [
    ["Start#3", "Löfte#2"],  # a promise that cannot be kept
    ["Start#2", "Avvisad#1", "Går igenom beslutet#2", "Förvirrad#1", "Förstår#1"],
    ["Start#1", "Går igenom beslutet#1", "Förstår#1"],
]
LOG_ENTRIES = [  # date, channel, errand, tried, outcome, went well, differently, feedback
    (
        date(2026, 3, 9),
        "telefon",
        "Fråga om faktura för vatten och avlopp",
        "Jag bekräftade känslan innan jag förklarade fakturan.",
        "Samtalet blev lugnare och invånaren förstod debiteringen.",
        "Att jag inte försvarade mig när hen var arg.",
        "Sammanfatta nästa steg tydligare i slutet.",
        "Fint att du bekräftade känslan först. Prova att avsluta med ”Så här gör vi nu: …”.",
    ),
    (
        date(2026, 3, 16),
        "besök",
        "Ansökan om förskoleplats",
        "Jag använde klarspråk i stället för att citera riktlinjerna.",
        "Föräldern kunde fylla i ansökan på plats.",
        "Jag frågade vad föräldern redan visste.",
        "Ge en skriftlig sammanfattning att ta med hem.",
        "",
    ),
    (
        date(2026, 3, 23),
        "e-post",
        "Klagomål på snöröjning",
        "Jag svarade med en personlig inledning och en tydlig tidsplan.",
        "Invånaren tackade för svaret.",
        "Tidsplanen var konkret.",
        "Korta ner texten.",
        "",
    ),
]


def _person(session: Session, email: str) -> CurrentUser | None:
    user = session.scalar(select(User).where(User.email == email))
    return auth.to_current_user(user) if user else None


def _publish(session: Session, trainer: CurrentUser, name: str) -> tuple[int, bool]:
    text = demo_path(name).read_text(encoding="utf-8")
    title = scenarios.parse_twee_text(text).title
    existing = session.scalar(select(PracticeScenario.id).where(PracticeScenario.title == title))
    if existing is not None:
        return existing, False
    scenario_id = scenarios.import_twee(session, trainer, text)
    scenarios.set_status(session, trainer, scenario_id, "published")
    return scenario_id, True


def _card(session: Session, trainer: CurrentUser) -> int:
    existing = session.scalar(select(RoleplayCard.id).where(RoleplayCard.title == CARD_TITLE))
    if existing is not None:
        return existing
    return roleplays.create_card(
        session,
        trainer,
        title=CARD_TITLE,
        situation="En invånare har väntat länge på ett bygglovsbeslut och kräver att få prata "
        "med en chef.",
        citizen_role="Du är frustrerad och har ringt tre gånger. Du vill ha besked i dag.",
        employee_role="Du arbetar i kontaktcenter och kan se ärendets status men inte besluta.",
        practise="Bekräfta känslan, ta ansvar för nästa steg och ge ett besked som går att hålla.",
        statements=[
            "Bekräftade invånarens känsla",
            "Förklarade ärendets status på ett begripligt sätt",
            "Erbjöd ett konkret nästa steg",
            "Lovade inget som inte går att hålla",
        ],
    )


def _activity(session: Session, trainer: CurrentUser, scenario_id: int, card_id: int) -> None:
    for email, path in ATTEMPTS.items():
        person = _person(session, email)
        if person is not None:
            attempts.save_attempt(session, person, scenario_id, path)
    employee = _person(session, "medarbetare@demo.se")
    colleague = _person(session, "johan.ek@demo.se")
    if employee is None:
        return
    for when, channel, errand, tried, outcome, well, differently, feedback in LOG_ENTRIES:
        entry_id = practice_log.add_entry(
            session,
            employee,
            happened_on=when,
            channel=channel,
            errand_kind=errand,
            tried=tried,
            outcome=outcome,
            went_well=well,
            do_differently=differently,
        )
        if feedback:
            practice_log.add_feedback(session, trainer, entry_id, feedback)
    cohort_id = session.scalar(select(Cohort.id).where(Cohort.name == COHORT_NAME))
    if cohort_id is not None and colleague is not None:
        roleplays.record_observation(
            session,
            colleague,
            cohort_id=cohort_id,
            card_id=card_id,
            participant_id=employee.id,
            ratings=[(4, "Du lät lugn och trygg."), (3, ""), (3, "Bra förslag på tid."), (4, "")],
        )


def seed_practice(session: Session) -> int:
    """Create the missing demo scenarios (and their activity); returns how many were made."""
    trainer = _person(session, "utbildare@demo.se")
    if trainer is None:
        return 0
    garbage_id, garbage_new = _publish(session, trainer, "sophamtning_telefon")
    parent_id, parent_new = _publish(session, trainer, "arg_foralder_telefon")
    card_id = _card(session, trainer)
    if garbage_new:
        _activity(session, trainer, garbage_id, card_id)
    _own_attempts(session, parent_id)
    return int(garbage_new) + int(parent_new)


def _own_attempts(session: Session, scenario_id: int) -> None:
    """The demo employee's attempts at the parent scenario, unless they have played it."""
    employee = _person(session, "medarbetare@demo.se")
    if employee is None:
        return
    played = session.scalar(
        select(ScenarioAttempt.id)
        .where(ScenarioAttempt.user_id == employee.id, ScenarioAttempt.scenario_id == scenario_id)
        .limit(1)
    )
    if played is None:
        for path in PARENT_ATTEMPTS:
            attempts.save_attempt(session, employee, scenario_id, path)
