"""Logging in and out: credentials, lock-out after repeated failures, idle-expiring sessions."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.orm import Session

from academy.core import audit
from academy.core.access import CurrentUser
from academy.core.db import first_in_transaction, read
from academy.core.errors import ValidationError
from academy.core.models import AuditEvent, LoginSession, Unit, User, UserRole, utcnow
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
        must_change_password=user.must_change_password,
    )


# Every login attempt asks this: built once. The index (client, kind, at) serves it.
_FAILURES = (
    select(AuditEvent.at, AuditEvent.subject)
    .where(
        AuditEvent.kind == "login_failed",
        AuditEvent.client == bindparam("client"),
        AuditEvent.at >= bindparam("since"),
    )
    .order_by(AuditEvent.at)
)

# The login's other two reads, also built once.
_USER_BY_EMAIL = select(User.id, User.password_hash).where(User.email == bindparam("email"))
_USER_STATE = select(User.active, User.password_hash).where(User.id == bindparam("id"))


def _locked_for(
    failures: list[datetime], limit: int, now: datetime, settings: Settings
) -> timedelta | None:
    """Locked when `limit` failures fall within one window; the lock runs from the last."""
    window = timedelta(minutes=settings.login_window_minutes)
    for i in range(len(failures) - limit + 1):
        first, last = failures[i], failures[i + limit - 1]
        if last - first <= window:
            until = last + timedelta(minutes=settings.login_lock_minutes)
            if until > now:
                return until - now
    return None


def _since(now: datetime, settings: Settings) -> datetime:
    return now - timedelta(minutes=settings.login_window_minutes + settings.login_lock_minutes)


def _locks(
    session: Session, email: str, client: str, now: datetime, settings: Settings
) -> tuple[timedelta | None, timedelta | None]:
    """(how long `client` may not try any account, how long `email` stays locked for logins
    from `client`), None where not locked; one statement for both.

    Failures count per account and address, so someone guessing from one address cannot lock
    the account for its owner (or a colleague) elsewhere. The address limit is high: colleagues
    behind the municipality's network share one address, and a successful login is never
    counted or slowed."""
    failures = session.execute(_FAILURES, {"client": client, "since": _since(now, settings)}).all()
    address = (
        _locked_for(
            [at for at, _ in failures], settings.login_max_failures_per_address, now, settings
        )
        if client
        else None
    )
    account = _locked_for(
        [at for at, subject in failures if subject == email],
        settings.login_max_failures,
        now,
        settings,
    )
    return address, account


def _minutes(remaining: timedelta) -> int:
    return max(1, math.ceil(remaining.total_seconds() / 60))


@dataclass(frozen=True)
class LoginAttempt:
    """A login past the lock-out checks, waiting for its password check."""

    email: str
    user_id: int | None
    password_hash: str | None
    client: str
    at: datetime


@dataclass(frozen=True)
class PasswordCheck:
    ok: bool
    # Set when the stored hash used older parameters: the same password, hashed anew.
    new_hash: str | None = None


def begin_login(
    session: Session,
    email: str,
    password: str,
    *,
    client: str = "",
    now: datetime | None = None,
    settings: Settings | None = None,
) -> LoginAttempt:
    """The database half before the password check: refuse a locked address or account
    (LoginRefused, with its audit row, so the caller commits either way) and find the user."""
    settings = settings or get_settings()
    now = now or utcnow()
    email = normalise_email(email)
    if not password:
        raise LoginRefused("Ange ditt lösenord.")

    address_lock, account_lock = _locks(session, email, client, now, settings)
    if (remaining := address_lock) is not None:
        audit.record(session, "login_locked", subject=email, at=now, client=client, detail="adress")
        raise LoginRefused(
            "För många misslyckade inloggningar från din nätverksadress. Inloggning härifrån "
            f"är tillfälligt spärrad – försök igen om {_minutes(remaining)} minuter."
        )
    if (remaining := account_lock) is not None:
        audit.record(session, "login_locked", subject=email, at=now, client=client)
        raise LoginRefused(
            "För många misslyckade inloggningar. Kontot är tillfälligt spärrat – "
            f"försök igen om {_minutes(remaining)} minuter."
        )
    found = session.execute(_USER_BY_EMAIL, {"email": email}).first()
    return LoginAttempt(
        email, found.id if found else None, found.password_hash if found else None, client, now
    )


def check_password(attempt: LoginAttempt, password: str) -> PasswordCheck:
    """The slow half, argon2 (about 20 ms of CPU): no database, so it can run in a worker
    thread without holding anything. An unknown e-mail costs as much as a known one."""
    if not verify_password(attempt.password_hash, password):
        return PasswordCheck(False)
    stale = needs_rehash(attempt.password_hash)
    return PasswordCheck(True, hash_password(password) if stale else None)


def finish_login(session: Session, attempt: LoginAttempt, check: PasswordCheck) -> int:
    """The database half after the password check: record the outcome and return the user's
    id, or raise LoginRefused (its audit row must be committed too)."""
    email, client, now = attempt.email, attempt.client, attempt.at
    found = session.execute(_USER_STATE, {"id": attempt.user_id}).first() if check.ok else None
    if found is None:
        audit.record(session, "login_failed", subject=email, at=now, client=client)
        raise LoginRefused(WRONG_CREDENTIALS)
    if not found.active:
        audit.record(
            session, "login_failed", subject=email, detail="inaktivt konto", at=now, client=client
        )
        raise LoginRefused(INACTIVE)
    if check.new_hash and found.password_hash == attempt.password_hash:
        session.execute(
            update(User).where(User.id == attempt.user_id).values(password_hash=check.new_hash)
        )
    audit.record(
        session, "login_ok", subject=email, actor_id=attempt.user_id, at=now, client=client
    )
    return attempt.user_id


def authenticate(
    session: Session,
    email: str,
    password: str,
    *,
    client: str = "",
    now: datetime | None = None,
    settings: Settings | None = None,
) -> CurrentUser:
    """Check credentials and return the user, or raise LoginRefused with a Swedish message.

    `client` is the browser's network address. The audit rows written here must survive the
    refusal, so the caller commits either way. (The login form runs the three steps itself,
    with the password check in a worker thread.)
    """
    attempt = begin_login(session, email, password, client=client, now=now, settings=settings)
    user_id = finish_login(session, attempt, check_password(attempt, password))
    return to_current_user(session.get(User, user_id))


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


# A login is handed from the login form (a websocket event) to the browser's cookie (set by an
# HTTP response) through a one-time code: the login row is stored under the code's own digest
# (prefixed, so a code never works as a login cookie) until the browser redeems it.
HANDOFF_PREFIX = "handoff:"
HANDOFF_SECONDS = 60


def start_handoff(session: Session, user_id: int, *, now: datetime | None = None) -> str:
    """Open a login that only `redeem_handoff` can turn into a token; returns the one-time code."""
    now = now or utcnow()
    code = new_token()
    session.add(
        LoginSession(
            token_hash=token_digest(HANDOFF_PREFIX + code),
            user_id=user_id,
            created_at=now,
            last_seen_at=now,
        )
    )
    return code


@dataclass(frozen=True)
class Redeemed:
    """A login handed over: the token for the browser's cookie, and whether the person must
    first pick their own password."""

    token: str
    must_change_password: bool


def redeem_handoff(session: Session, code: str, *, now: datetime | None = None) -> Redeemed | None:
    """Give the login opened by `start_handoff` its token, once and within a minute.

    None for an unknown, used or expired code (an expired one is ended). Two plain statements:
    every login ends here, in a request of its own."""
    if not code:
        return None
    now = now or utcnow()
    digest = token_digest(HANDOFF_PREFIX + code)
    row = read(session, _HANDOFF, {"digest": digest}).first()
    if row is None:
        return None
    if not row.active or now - row.created_at > timedelta(seconds=HANDOFF_SECONDS):
        session.execute(_SEEN.values(ended_at=now), {"login_id": row.login_id})
        return None
    token = new_token()
    # Conditional on the code's digest, so two requests racing with one code cannot both win.
    claimed = session.execute(
        _CLAIM.values(token_hash=token_digest(token), last_seen_at=now),
        {"login_id": row.login_id, "digest": digest},
    )
    if claimed.rowcount != 1:
        return None
    return Redeemed(token, row.must_change_password)


def resolve_login(session: Session, token: str) -> CurrentUser | None:
    """`resolve_session` as an event's or a download's first statements: run once more on a
    new connection when the pooled one died with a database restart (`db.first_in_transaction`),
    so a restart costs no logged-in person an error."""
    return first_in_transaction(session, lambda s: resolve_session(s, token))


def resolve_session(
    session: Session,
    token: str,
    *,
    now: datetime | None = None,
    settings: Settings | None = None,
    touch: bool = True,
) -> CurrentUser | None:
    """The user behind `token`, or None if it is unknown, ended, idle too long or deactivated.

    Every event comes here, so it is one plain SQL statement (the login, the user, the unit
    and a row per role) without building ORM objects; a write only when the login has been
    idle for a minute or has to be ended."""
    if not token:
        return None
    settings = settings or get_settings()
    now = now or utcnow()
    rows = read(session, _RESOLVE, {"digest": token_digest(token)}).all()
    if not rows:
        return None
    first = rows[0]
    if not first.active or now - first.last_seen_at > timedelta(
        minutes=settings.session_idle_minutes
    ):
        session.execute(_SEEN.values(ended_at=now), {"login_id": first.login_id})
        return None
    # Writing on every event would serialise all readers on SQLite; a minute's precision is enough.
    if touch and now - first.last_seen_at > timedelta(minutes=1):
        session.execute(_SEEN.values(last_seen_at=now), {"login_id": first.login_id})
    return CurrentUser(
        id=first.user_id,
        name=first.name,
        email=first.email,
        roles=frozenset(row.role for row in rows if row.role is not None),
        unit_id=first.unit_id,
        unit_name=first.unit_name or "",
        must_change_password=first.must_change_password,
    )


_logins, _users = LoginSession.__table__, User.__table__
_units, _roles = Unit.__table__, UserRole.__table__
_RESOLVE = (
    select(
        _logins.c.id.label("login_id"),
        _logins.c.last_seen_at,
        _users.c.id.label("user_id"),
        _users.c.name,
        _users.c.email,
        _users.c.active,
        _users.c.must_change_password,
        _users.c.unit_id,
        _units.c.name.label("unit_name"),
        _roles.c.role,
    )
    .select_from(
        _logins.join(_users, _users.c.id == _logins.c.user_id)
        .outerjoin(_units, _units.c.id == _users.c.unit_id)
        .outerjoin(_roles, _roles.c.user_id == _users.c.id)
    )
    .where(_logins.c.token_hash == bindparam("digest"), _logins.c.ended_at.is_(None))
)
_SEEN = _logins.update().where(_logins.c.id == bindparam("login_id"))
_HANDOFF = (
    select(
        _logins.c.id.label("login_id"),
        _logins.c.created_at,
        _users.c.active,
        _users.c.must_change_password,
    )
    .select_from(_logins.join(_users, _users.c.id == _logins.c.user_id))
    .where(_logins.c.token_hash == bindparam("digest"), _logins.c.ended_at.is_(None))
)
_CLAIM = _logins.update().where(
    _logins.c.id == bindparam("login_id"), _logins.c.token_hash == bindparam("digest")
)


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


def end_all_sessions(
    session: Session, user_id: int, *, now: datetime | None = None, keep_token: str = ""
) -> None:
    """End every login of `user_id` (but the one holding `keep_token`, if given)."""
    conditions = [LoginSession.user_id == user_id, LoginSession.ended_at.is_(None)]
    if keep_token:
        conditions.append(LoginSession.token_hash != token_digest(keep_token))
    session.execute(update(LoginSession).where(*conditions).values(ended_at=now or utcnow()))


def count_active_sessions(session: Session, user_id: int) -> int:
    return session.scalar(
        select(func.count())
        .select_from(LoginSession)
        .where(LoginSession.user_id == user_id, LoginSession.ended_at.is_(None))
    )
