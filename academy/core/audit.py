"""The audit log of security-relevant events."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from academy.core.access import CurrentUser, require_role
from academy.core.models import AuditEvent, Role, User, utcnow

EVENT_LABELS = {
    "login_ok": "Inloggning",
    "login_failed": "Misslyckad inloggning",
    "login_locked": "Inloggning spärrad",
    "logout": "Utloggning",
    "user_created": "Användare skapad",
    "user_updated": "Användare ändrad",
    "roles_changed": "Roller ändrade",
    "user_deactivated": "Användare inaktiverad",
    "user_activated": "Användare aktiverad",
    "password_set": "Lösenord satt",
    "password_changed": "Lösenord bytt",
    "register_extract": "Registerutdrag",
    "identity_erased": "Personuppgifter borttagna",
    "retention": "Gallring",
    "statement_saved": "Tillgänglighetsredogörelse ändrad",
}


def record(
    session: Session,
    kind: str,
    *,
    subject: str = "",
    actor_id: int | None = None,
    detail: str = "",
    at: datetime | None = None,
    client: str = "",
) -> None:
    session.add(
        AuditEvent(
            kind=kind,
            subject=subject,
            actor_id=actor_id,
            detail=detail,
            at=at or utcnow(),
            client=client[:64],
        )
    )


@dataclass(frozen=True)
class AuditRow:
    at: str
    kind: str
    label: str
    actor: str
    subject: str
    detail: str


def list_events(session: Session, actor: CurrentUser | None, limit: int = 200) -> list[AuditRow]:
    require_role(actor, Role.ADMIN)
    rows = session.execute(
        select(AuditEvent, User.email)
        .outerjoin(User, User.id == AuditEvent.actor_id)
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        .limit(limit)
    ).all()
    return [
        AuditRow(
            at=event.at.strftime("%Y-%m-%d %H:%M:%S"),
            kind=event.kind,
            label=EVENT_LABELS.get(event.kind, event.kind),
            actor=actor_email or "",
            subject=event.subject,
            detail=event.detail,
        )
        for event, actor_email in rows
    ]
