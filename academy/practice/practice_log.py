"""The practice log: real contacts where an employee practised, and feedback on them.

No personal data about citizens may be stored: every text is checked with ``personal_data`` and
an entry with a personnummer, e-mail address or phone number is refused whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from academy.core.access import CurrentUser, require_role
from academy.core.errors import AccessDenied, NotFound, ValidationError
from academy.core.models import Role, User
from academy.core.validation import required_text
from academy.courses.models import CohortTrainer, Enrolment
from academy.practice.common import PRACTISERS, trains
from academy.practice.models import PracticeLogEntry, PracticeLogFeedback, PracticeLogShare
from academy.practice.personal_data import find_personal_data
from academy.practice.scenario import CHANNELS

FIELD_LABELS = {
    "errand_kind": "Typ av ärende",
    "tried": "Det här provade jag",
    "outcome": "Så gick det",
    "went_well": "Det här gick bra",
    "do_differently": "Det här gör jag annorlunda nästa gång",
}


@dataclass(frozen=True)
class Feedback:
    author: str
    text: str
    created_at: datetime


@dataclass(frozen=True)
class LogEntry:
    id: int
    user_id: int
    user_name: str
    happened_on: date
    channel: str
    errand_kind: str
    tried: str
    outcome: str
    went_well: str
    do_differently: str
    created_at: datetime
    feedback: tuple[Feedback, ...]
    shared_with: tuple[str, ...]


def refuse_personal_data(label: str, text: str) -> None:
    findings = find_personal_data(text)
    if findings:
        raise ValidationError(f"{label}: {findings[0].message} Inget har sparats.")


def add_entry(
    session: Session,
    actor: CurrentUser | None,
    *,
    happened_on: date,
    channel: str,
    errand_kind: str,
    tried: str,
    outcome: str,
    went_well: str = "",
    do_differently: str = "",
) -> int:
    actor = require_role(actor, *PRACTISERS)
    if channel not in CHANNELS:
        raise ValidationError("Välj en kanal: " + ", ".join(CHANNELS) + ".")
    if happened_on > date.today():
        raise ValidationError("Datumet kan inte ligga i framtiden.")
    texts = {
        "errand_kind": required_text(errand_kind, FIELD_LABELS["errand_kind"]),
        "tried": required_text(tried, FIELD_LABELS["tried"], 4000),
        "outcome": required_text(outcome, FIELD_LABELS["outcome"], 4000),
        "went_well": (went_well or "").strip()[:4000],
        "do_differently": (do_differently or "").strip()[:4000],
    }
    for key, text in texts.items():
        refuse_personal_data(FIELD_LABELS[key], text)
    entry = PracticeLogEntry(user_id=actor.id, happened_on=happened_on, channel=channel, **texts)
    session.add(entry)
    session.flush()
    return entry.id


def _entry_row(session: Session, entry_id: int) -> PracticeLogEntry:
    entry = session.get(PracticeLogEntry, entry_id)
    if entry is None:
        raise NotFound("Loggposten finns inte.")
    return entry


def may_give_feedback(session: Session, actor: CurrentUser, entry: PracticeLogEntry) -> bool:
    """A trainer of one of the author's cohorts, an admin, or a colleague it was shared with."""
    if actor.id == entry.user_id:
        return False
    if actor.has_any(Role.ADMIN):
        return True
    if actor.has_any(Role.TRAINER) and trains(session, actor.id, entry.user_id):
        return True
    shared = session.get(PracticeLogShare, (entry.id, actor.id))
    return shared is not None


def share_entry(session: Session, actor: CurrentUser | None, entry_id: int, email: str) -> None:
    actor = require_role(actor, *PRACTISERS)
    entry = _entry_row(session, entry_id)
    if entry.user_id != actor.id:
        raise AccessDenied("Du kan bara dela dina egna loggposter.")
    colleague = session.scalar(
        select(User).where(User.email == (email or "").strip().lower(), User.active)
    )
    if colleague is None:
        raise ValidationError("Det finns ingen aktiv användare med den e-postadressen.")
    if colleague.id == actor.id:
        raise ValidationError("Välj en kollega, inte dig själv.")
    if session.get(PracticeLogShare, (entry_id, colleague.id)) is None:
        session.add(PracticeLogShare(entry_id=entry_id, user_id=colleague.id))
        session.flush()


def add_feedback(session: Session, actor: CurrentUser | None, entry_id: int, text: str) -> int:
    actor = require_role(actor, *PRACTISERS)
    entry = _entry_row(session, entry_id)
    if not may_give_feedback(session, actor, entry):
        raise AccessDenied(
            "Bara utbildaren i medarbetarens kursomgång, eller en kollega som posten delats "
            "med, kan ge återkoppling."
        )
    text = required_text(text, "Återkopplingen", 4000)
    refuse_personal_data("Återkopplingen", text)
    feedback = PracticeLogFeedback(entry_id=entry_id, author_id=actor.id, text=text)
    session.add(feedback)
    session.flush()
    return feedback.id


def _entries(session: Session, query) -> list[LogEntry]:
    rows = session.execute(query).all()
    ids = [entry.id for entry, _ in rows]
    feedback: dict[int, list[Feedback]] = {}
    for item, author in session.execute(
        select(PracticeLogFeedback, User.name)
        .outerjoin(User, User.id == PracticeLogFeedback.author_id)
        .where(PracticeLogFeedback.entry_id.in_(ids))
        .order_by(PracticeLogFeedback.created_at, PracticeLogFeedback.id)
    ):
        feedback.setdefault(item.entry_id, []).append(
            Feedback(author or "", item.text, item.created_at)
        )
    shares: dict[int, list[str]] = {}
    for entry_id, name in session.execute(
        select(PracticeLogShare.entry_id, User.name)
        .join(User, User.id == PracticeLogShare.user_id)
        .where(PracticeLogShare.entry_id.in_(ids))
    ):
        shares.setdefault(entry_id, []).append(name)
    return [
        LogEntry(
            e.id,
            e.user_id,
            name,
            e.happened_on,
            e.channel,
            e.errand_kind,
            e.tried,
            e.outcome,
            e.went_well,
            e.do_differently,
            e.created_at,
            tuple(feedback.get(e.id, [])),
            tuple(sorted(shares.get(e.id, []))),
        )
        for e, name in rows
    ]


def _query():
    return (
        select(PracticeLogEntry, User.name)
        .join(User, User.id == PracticeLogEntry.user_id)
        .order_by(PracticeLogEntry.happened_on.desc(), PracticeLogEntry.id.desc())
    )


def my_entries(session: Session, actor: CurrentUser | None) -> list[LogEntry]:
    actor = require_role(actor, *PRACTISERS)
    return _entries(session, _query().where(PracticeLogEntry.user_id == actor.id))


def entries_to_review(session: Session, actor: CurrentUser | None) -> list[LogEntry]:
    """Entries the actor may give feedback on: their cohorts' participants' and shared ones."""
    actor = require_role(actor, *PRACTISERS)
    shared = select(PracticeLogShare.entry_id).where(PracticeLogShare.user_id == actor.id)
    condition = PracticeLogEntry.id.in_(shared)
    if actor.has_any(Role.TRAINER, Role.ADMIN):
        trained = (
            select(Enrolment.user_id)
            .join(CohortTrainer, CohortTrainer.cohort_id == Enrolment.cohort_id)
            .where(CohortTrainer.user_id == actor.id)
        )
        condition = condition | PracticeLogEntry.user_id.in_(trained)
    query = _query().where(condition, PracticeLogEntry.user_id != actor.id)
    return _entries(session, query)


def entries_of_users(session: Session, user_ids: list[int]) -> list[LogEntry]:
    """No access check: callers check the cohort first."""
    return _entries(session, _query().where(PracticeLogEntry.user_id.in_(user_ids)))
