"""Demo surveys: the default template, a closed campaign for Servicecenter with nine
recipients and eight answers, and an open one that medarbetare@demo.se has still to answer.

Idempotent: campaigns are found by title and only created (with their answers) when missing.
Built through the services, so the demo answers pass the same checks as real ones.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from academy.core import auth
from academy.core.access import CurrentUser
from academy.core.demo import add_people
from academy.core.models import Role, Unit, User
from academy.inventory import answering, campaigns
from academy.inventory.defaults import ensure_default_template
from academy.inventory.models import SurveyCampaign
from academy.inventory.templates import load_template

CLOSED_TITLE = "Inventering Servicecenter hösten 2025"
OPEN_TITLE = "Uppföljning Servicecenter"
CLOSED_OPENS, CLOSED_CLOSES = date(2025, 10, 1), date(2025, 10, 31)
EXTRA_PEOPLE = [  # more colleagues at Servicecenter so the closed campaign passes the threshold
    ("petra.lind@demo.se", "Petra Lind"),
    ("omar.ali@demo.se", "Omar Ali"),
    ("karl.berglund@demo.se", "Karl Berglund"),
    ("sofia.nyberg@demo.se", "Sofia Nyberg"),
]

# Per person: volumes (telefon, besök, e-post, chatt, e-tjänst, sociala medier), first contact
# per errand (y = yes, c = could, n = no), what is hard, confidence (Tydlighet, Empati,
# Lösningsfokus, Korrekthet), what to learn, free text.
ANSWERS = [
    (
        "medarbetare@demo.se",
        (120, 10, 40, 15, 5, 0),
        "ycync",
        ["arga", "regler"],
        (4, 3, 3, 4),
        ["svara-samtal", "regler"],
        "Hur jag avslutar ett samtal med en arg person.",
    ),
    (
        "johan.ek@demo.se",
        (150, 5, 30, 20, 0, 2),
        "ycnyc",
        ["arga"],
        (3, 4, 2, 3),
        ["svara-samtal", "telefon"],
        "",
    ),
    (
        "leila.hassan@demo.se",
        (90, 25, 50, 10, 10, 0),
        "cccyn",
        ["sprak", "regler"],
        (4, 4, 3, 2),
        ["regler", "mejl"],
        "Mer om reglerna för avgifter.",
    ),
    (
        "maria.svensson@demo.se",
        (110, 0, 60, 5, 5, 5),
        "yynyc",
        ["overlamning"],
        (3, 5, 3, 4),
        ["overlamning", "mejl"],
        "",
    ),
    (
        "ahmed.yusuf@demo.se",
        (140, 15, 20, 25, 0, 0),
        "ccnyn",
        ["arga", "sprak"],
        (2, 3, 2, 3),
        ["svara-samtal", "lyssna"],
        "Att förklara beslut på enkel svenska.",
    ),
    (
        "petra.lind@demo.se",
        (100, 20, 35, 10, 5, 0),
        "ycnyy",
        ["arga", "overlamning"],
        (4, 3, 3, 3),
        ["telefon"],
        "",
    ),
    (
        "omar.ali@demo.se",
        (130, 5, 45, 30, 0, 10),
        "ccnyc",
        ["regler"],
        (3, 3, 2, 2),
        ["regler", "svara-samtal"],
        "Vem jag ska lämna över bygglovsfrågor till.",
    ),
    (
        "karl.berglund@demo.se",
        (80, 30, 25, 5, 10, 0),
        "yyncn",
        ["arga", "regler"],
        (5, 4, 4, 3),
        ["lyssna"],
        "",
    ),
]
FIRST_CONTACT = {"y": "yes", "c": "could", "n": "no"}


def _person(session: Session, email: str) -> CurrentUser | None:
    user = session.scalar(select(User).where(User.email == email))
    return auth.to_current_user(user) if user else None


def _extra_people(session: Session, unit_id: int) -> None:
    add_people(session, [(email, name, [Role.EMPLOYEE], unit_id) for email, name in EXTRA_PEOPLE])


def demo_answers(template, row) -> dict:
    _, volumes, errands, hard, confidence, learn, text = row
    sections = {s.title: s.questions for s in template.sections}
    answers = {}
    for question, value in zip(sections["Kanaler och volymer"], volumes, strict=True):
        answers[str(question.id)] = value
    for question, code in zip(sections["Vanliga ärenden"], errands, strict=True):
        answers[str(question.id)] = FIRST_CONTACT[code]
    answers[str(sections["Det som gör kontakter svåra"][0].id)] = hard
    for question, value in zip(sections["Bemötande"], confidence, strict=True):
        answers[str(question.id)] = value
    learn_question, text_question = sections["Det vill jag lära mig"]
    answers[str(learn_question.id)] = learn
    if text:
        answers[str(text_question.id)] = text
    return answers


def seed_inventory(session: Session) -> int:
    """Create the missing demo campaigns; returns how many were created."""
    trainer = _person(session, "utbildare@demo.se")
    unit_id = session.scalar(select(Unit.id).where(Unit.name == "Servicecenter"))
    if trainer is None or unit_id is None:
        return 0
    template_id = ensure_default_template(session, trainer)
    existing = set(session.scalars(select(SurveyCampaign.title)))
    created = 0
    if CLOSED_TITLE not in existing:
        _extra_people(session, unit_id)
        campaign_id = campaigns.create_campaign(
            session,
            trainer,
            template_id=template_id,
            unit_id=unit_id,
            title=CLOSED_TITLE,
            opens_on=CLOSED_OPENS,
            closes_on=CLOSED_CLOSES,
        )
        template = load_template(session, template_id)
        for row in ANSWERS:
            answering.save_answers(
                session,
                _person(session, row[0]),
                campaign_id,
                demo_answers(template, row),
                submit=True,
                today=CLOSED_OPENS + timedelta(days=7),
            )
        campaigns.close_campaign(session, trainer, campaign_id)
        created += 1
    if OPEN_TITLE not in existing:
        today = date.today()
        campaigns.create_campaign(
            session,
            trainer,
            template_id=template_id,
            unit_id=unit_id,
            title=OPEN_TITLE,
            opens_on=today - timedelta(days=3),
            closes_on=today + timedelta(days=60),
        )
        created += 1
    return created
