"""Logging in and out: credentials, lock-out after repeated failures, idle-expiring sessions."""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from academy.core import audit
from academy.core.access import CurrentUser
from academy.core.errors import ValidationError
from academy.core.models import AuditEvent, LoginSession, User, utcnow
from academy.core.security import (
    hash_password,
    needs_rehash,
    new_token,
    token_digest,
    verify_password,
)
from academy.core.settings import Settings, get_settings
from academy.core.validation import normalise_email

WRONG_CREDENTIALS = "Fel e-postadress eller lösenord."
INACTIVE = "Kontot är inaktiverat. Kontakta en administratör."


class LoginRefused(ValidationError):
    pass


def to_current_user(user: User) -> CurrentUser:
    return CurrentUser(
        id=user.id,
        name=user.name,
        email=user.email,
        roles=user.roles,
        unit_id=user.unit_id,
        unit_name=user.unit.name if user.unit else "",
    )


def _recent_failures(session: Session, email: str, since: datetime) -> list[datetime]:
    return list(
        session.scalars(
            select(AuditEvent.at)
            .where(
                AuditEvent.subject == email,
                AuditEvent.kind == "login_failed",
                AuditEvent.at >= since,
            )
            .order_by(AuditEvent.at)
        )
    )


def lock_remaining(
    session: Session, email: str, now: datetime, settings: Settings
) -> timedelta | None:
    """How long `email` stays locked, or None when it may try again."""
    window = timedelta(minutes=settings.login_window_minutes)
    failures = _recent_failures(
        session, email, now - window - timedelta(minutes=settings.login_lock_minutes)
    )
    # Locked when `max_failures` failures fall within one window; the lock runs from the last.
    for i in range(len(failures) - settings.login_max_failures + 1):
        first, last = failures[i], failures[i + settings.login_max_failures - 1]
        if last - first <= window:
            until = last + timedelta(minutes=settings.login_lock_minutes)
            if until > now:
                return until - now
    return None


def authenticate(
    session: Session,
    email: str,
    password: str,
    *,
    now: datetime | None = None,
    settings: Settings | None = None,
) -> CurrentUser:
    """Check credentials and return the user, or raise LoginRefused with a Swedish message.

    The audit rows written here must survive the refusal, so the caller commits either way.
    """
    settings = settings or get_settings()
    now = now or utcnow()
    email = normalise_email(email)
    if not password:
        raise LoginRefused("Ange ditt lösenord.")

    remaining = lock_remaining(session, email, now, settings)
    if remaining is not None:
        audit.record(session, "login_locked", subject=email, at=now)
        minutes = max(1, math.ceil(remaining.total_seconds() / 60))
        raise LoginRefused(
            "För många misslyckade inloggningar. Kontot är tillfälligt spärrat – "
            f"försök igen om {minutes} minuter."
        )

    user = session.scalar(select(User).where(User.email == email))
    if not verify_password(user.password_hash if user else None, password):
        audit.record(session, "login_failed", subject=email, at=now)
        raise LoginRefused(WRONG_CREDENTIALS)
    if not user.active:
        audit.record(session, "login_failed", subject=email, detail="inaktivt konto", at=now)
        raise LoginRefused(INACTIVE)
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    audit.record(session, "login_ok", subject=email, actor_id=user.id, at=now)
    return to_current_user(user)


def start_session(session: Session, user_id: int, *, now: datetime | None = None) -> str:
    """Open a login session and return its token (only its digest is stored)."""
    now = now or utcnow()
    token = new_token()
    session.add(
        LoginSession(
            token_hash=token_digest(token), user_id=user_id, created_at=now, last_seen_at=now
        )
    )
    return token


def resolve_session(
    session: Session,
    token: str,
    *,
    now: datetime | None = None,
    settings: Settings | None = None,
    touch: bool = True,
) -> CurrentUser | None:
    """The user behind `token`, or None if it is unknown, ended, idle too long or deactivated."""
    if not token:
        return None
    settings = settings or get_settings()
    now = now or utcnow()
    row = session.execute(
        select(LoginSession, User)
        .join(User, User.id == LoginSession.user_id)
        .where(LoginSession.token_hash == token_digest(token), LoginSession.ended_at.is_(None))
    ).first()
    if row is None:
        return None
    login, user = row
    if not user.active or now - login.last_seen_at > timedelta(
        minutes=settings.session_idle_minutes
    ):
        login.ended_at = now
        return None
    # Writing on every event would serialise all readers on SQLite; a minute's precision is enough.
    if touch and now - login.last_seen_at > timedelta(minutes=1):
        login.last_seen_at = now
    return to_current_user(user)


def end_session(session: Session, token: str, *, now: datetime | None = None) -> None:
    now = now or utcnow()
    login = session.scalar(
        select(LoginSession).where(
            LoginSession.token_hash == token_digest(token), LoginSession.ended_at.is_(None)
        )
    )
    if login is not None:
        login.ended_at = now
        email = session.scalar(select(User.email).where(User.id == login.user_id)) or ""
        audit.record(session, "logout", subject=email, actor_id=login.user_id, at=now)


def end_all_sessions(session: Session, user_id: int, *, now: datetime | None = None) -> None:
    session.execute(
        update(LoginSession)
        .where(LoginSession.user_id == user_id, LoginSession.ended_at.is_(None))
        .values(ended_at=now or utcnow())
    )


def count_active_sessions(session: Session, user_id: int) -> int:
    return session.scalar(
        select(func.count())
        .select_from(LoginSession)
        .where(LoginSession.user_id == user_id, LoginSession.ended_at.is_(None))
    )
