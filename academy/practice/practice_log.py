"""The practice log: real contacts where an employee practised, and feedback on them.

No personal data about citizens may be stored: every text is checked with ``personal_data`` and
an entry with a personnummer, e-mail address or phone number is refused whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from academy.core.access import CurrentUser, require_role
from academy.core.errors import AccessDenied, NotFound, ValidationError
from academy.core.models import Role, User
from academy.core.validation import normalise_email, optional_text, required_text
from academy.courses.models import CohortTrainer, Enrolment
from academy.practice.common import PRACTISERS, trains
from academy.practice.models import (
    PracticeLogEntry,
    PracticeLogFeedback,
    PracticeLogShare,
    PracticeLogShareAddress,
)
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
    shared_with: tuple[str, ...]  # the addresses the author shared it with


def refuse_personal_data(label: str, text: str) -> None:
    findings = find_personal_data(text)
    if findings:
        raise ValidationError(f"{label}: {findings[0].message} Inget har sparats.")


def _clean(
    *,
    happened_on: date,
    channel: str,
    errand_kind: str,
    tried: str,
    outcome: str,
    went_well: str = "",
    do_differently: str = "",
) -> dict:
    """The entry's columns, checked; refuses personal data in any text."""
    if channel not in CHANNELS:
        raise ValidationError("Välj en kanal: " + ", ".join(CHANNELS) + ".")
    if happened_on > date.today():
        raise ValidationError("Datumet kan inte ligga i framtiden.")
    texts = {
        "errand_kind": required_text(errand_kind, FIELD_LABELS["errand_kind"]),
        "tried": required_text(tried, FIELD_LABELS["tried"], 4000),
        "outcome": required_text(outcome, FIELD_LABELS["outcome"], 4000),
        # Longer text is refused, never cut: the author keeps what they wrote and shortens it.
        "went_well": optional_text(went_well, FIELD_LABELS["went_well"], 4000),
        "do_differently": optional_text(do_differently, FIELD_LABELS["do_differently"], 4000),
    }
    for key, text in texts.items():
        refuse_personal_data(FIELD_LABELS[key], text)
    return {"happened_on": happened_on, "channel": channel, **texts}


def add_entry(session: Session, actor: CurrentUser | None, **fields) -> int:
    """A new entry by the actor; ``fields`` as ``_clean`` takes them."""
    actor = require_role(actor, *PRACTISERS)
    entry = PracticeLogEntry(user_id=actor.id, **_clean(**fields))
    session.add(entry)
    session.flush()
    return entry.id


def _own_entry(session: Session, actor: CurrentUser, entry_id: int, verb: str) -> PracticeLogEntry:
    entry = _entry_row(session, entry_id)
    if entry.user_id != actor.id:
        raise AccessDenied(f"Du kan bara {verb} dina egna loggposter.")
    return entry


def update_entry(session: Session, actor: CurrentUser | None, entry_id: int, **fields) -> None:
    """The author changes their entry; the same checks as a new one (nothing saved on refusal)."""
    actor = require_role(actor, *PRACTISERS)
    entry = _own_entry(session, actor, entry_id, "ändra")
    for key, value in _clean(**fields).items():
        setattr(entry, key, value)
    session.flush()


def delete_entry(session: Session, actor: CurrentUser | None, entry_id: int) -> None:
    """The author removes their entry, with its feedback and shares."""
    actor = require_role(actor, *PRACTISERS)
    entry = _own_entry(session, actor, entry_id, "ta bort")
    for model in (PracticeLogFeedback, PracticeLogShare, PracticeLogShareAddress):
        session.execute(delete(model).where(model.entry_id == entry.id))
    session.delete(entry)
    session.flush()


def _entry_row(session: Session, entry_id: int) -> PracticeLogEntry:
    entry = session.get(PracticeLogEntry, entry_id)
    if entry is None:
        raise NotFound("Loggposten finns inte.")
    return entry


def _shared_with(session: Session, actor: CurrentUser, entry_id: int) -> bool:
    if session.get(PracticeLogShare, (entry_id, actor.id)) is not None:
        return True
    return session.get(PracticeLogShareAddress, (entry_id, actor.email.lower())) is not None


def may_give_feedback(session: Session, actor: CurrentUser, entry: PracticeLogEntry) -> bool:
    """A trainer of one of the author's cohorts, an admin, or a colleague it was shared with."""
    if actor.id == entry.user_id:
        return False
    if actor.has_any(Role.ADMIN):
        return True
    if actor.has_any(Role.TRAINER) and trains(session, actor.id, entry.user_id):
        return True
    return _shared_with(session, actor, entry.id)


def share_entry(session: Session, actor: CurrentUser | None, entry_id: int, email: str) -> str:
    """Share the actor's entry with an address; returns the address as stored.

    The answer is the same whether or not an active account has the address (the author must
    not learn who has an account): the address is kept either way, and whoever logs in with it,
    now or later, may see the entry and give feedback."""
    actor = require_role(actor, *PRACTISERS)
    entry = _own_entry(session, actor, entry_id, "dela")
    address = normalise_email(email, form_field="email")
    if address == actor.email.lower():
        raise ValidationError("Välj en kollega, inte dig själv.", field="email")
    if session.get(PracticeLogShareAddress, (entry.id, address)) is None:
        session.add(PracticeLogShareAddress(entry_id=entry.id, email=address))
    colleague = session.scalar(select(User).where(User.email == address, User.active))
    if colleague is not None and session.get(PracticeLogShare, (entry.id, colleague.id)) is None:
        session.add(PracticeLogShare(entry_id=entry.id, user_id=colleague.id))
    session.flush()
    return address


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
    for entry_id, address in session.execute(
        select(PracticeLogShareAddress.entry_id, PracticeLogShareAddress.email).where(
            PracticeLogShareAddress.entry_id.in_(ids)
        )
    ):
        shares.setdefault(entry_id, []).append(address)
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
    by_address = select(PracticeLogShareAddress.entry_id).where(
        PracticeLogShareAddress.email == actor.email.lower()
    )
    condition = PracticeLogEntry.id.in_(shared) | PracticeLogEntry.id.in_(by_address)
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
