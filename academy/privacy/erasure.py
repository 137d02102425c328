"""Removing a person's identity while the statistics survive.

The user row becomes an anonymous placeholder ("Borttagen användare", an address that cannot
receive mail, no roles, no password), so quiz scores, scenario results, enrolments and survey
participation stay counted but name no one. Free text the person wrote is deleted: practice-log
entries (with their feedback), feedback to colleagues, essay answers and comments in
observations. Logins end and are deleted; audit events keep their times but name the
placeholder.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from academy.core import audit
from academy.core.access import CurrentUser, require_role
from academy.core.errors import NotFound, ValidationError
from academy.core.models import AuditEvent, LoginSession, Role, User, UserRole
from academy.courses.models import AttemptAnswer, QuizAttempt
from academy.practice.models import (
    Observation,
    PracticeLogEntry,
    PracticeLogFeedback,
    PracticeLogShare,
)

PLACEHOLDER_NAME = "Borttagen användare"
PLACEHOLDER_DOMAIN = "@anonym.invalid"  # .invalid never receives mail (RFC 2606)


@dataclass(frozen=True)
class Erased:
    name: str
    removed: list[tuple[str, int]]


def placeholder_email(user_id: int) -> str:
    return f"borttagen-{user_id}{PLACEHOLDER_DOMAIN}"


def erase_identity(session: Session, actor: CurrentUser | None, user_id: int) -> Erased:
    require_role(actor, Role.ADMIN)
    user = session.get(User, user_id)
    if user is None:
        raise NotFound("Användaren finns inte.")
    if user.id == actor.id:
        raise ValidationError("Du kan inte ta bort dina egna personuppgifter här.")
    if user.email == placeholder_email(user.id):
        raise ValidationError("Personuppgifterna är redan borttagna.")
    if Role.ADMIN in user.roles and user.active:
        others = session.scalar(
            select(func.count())
            .select_from(User)
            .join(UserRole, UserRole.user_id == User.id)
            .where(UserRole.role == Role.ADMIN, User.active.is_(True), User.id != user.id)
        )
        if not others:
            raise ValidationError("Det går inte att ta bort den sista aktiva administratören.")

    name, old_email = user.name, user.email
    removed: list[tuple[str, int]] = []

    def remove(what: str, statement) -> None:
        removed.append((what, session.execute(statement).rowcount or 0))

    entry_ids = select(PracticeLogEntry.id).where(PracticeLogEntry.user_id == user.id)
    remove(
        "återkoppling på träningsloggen",
        delete(PracticeLogFeedback).where(PracticeLogFeedback.entry_id.in_(entry_ids)),
    )
    session.execute(delete(PracticeLogShare).where(PracticeLogShare.entry_id.in_(entry_ids)))
    remove(
        "träningsloggposter", delete(PracticeLogEntry).where(PracticeLogEntry.user_id == user.id)
    )
    remove(
        "återkoppling skriven till kolleger",
        delete(PracticeLogFeedback).where(PracticeLogFeedback.author_id == user.id),
    )
    removed.append(("fritextsvar i quiz", _clear_free_text_answers(session, user.id)))
    removed.append(("kommentarer i observationer", _clear_observation_comments(session, user.id)))
    remove("inloggningar", delete(LoginSession).where(LoginSession.user_id == user.id))

    new_email = placeholder_email(user.id)
    session.execute(
        update(AuditEvent).where(AuditEvent.subject == old_email).values(subject=new_email)
    )
    user.name, user.email = PLACEHOLDER_NAME, new_email
    user.password_hash = "!"  # matches no password
    user.active = False
    user.must_change_password = False
    user.role_rows = []
    audit.record(
        session,
        "identity_erased",
        subject=new_email,
        actor_id=actor.id,
        detail="; ".join(f"{count} {what}" for what, count in removed),
    )
    return Erased(name, removed)


def _clear_free_text_answers(session: Session, user_id: int) -> int:
    """Essay and short answers become empty; their scores stay."""
    answers = session.scalars(
        select(AttemptAnswer)
        .join(QuizAttempt, QuizAttempt.id == AttemptAnswer.attempt_id)
        .where(QuizAttempt.user_id == user_id)
    ).all()
    cleared = 0
    for answer in answers:
        if isinstance(answer.response, str) or answer.grader_feedback:
            cleared += 1
            if isinstance(answer.response, str):
                answer.response = None
            answer.grader_feedback = ""
    return cleared


def _clear_observation_comments(session: Session, user_id: int) -> int:
    """Comments written by or about the person; the ratings (1–4) stay."""
    observations = session.scalars(
        select(Observation).where(
            (Observation.participant_id == user_id) | (Observation.observer_id == user_id)
        )
    ).all()
    cleared = 0
    for observation in observations:
        if any((rating or {}).get("comment") for rating in observation.ratings):
            cleared += 1
            observation.ratings = [{**rating, "comment": ""} for rating in observation.ratings]
    return cleared
