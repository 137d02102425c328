"""Gallring: remove personal data older than its retention time (core/settings.Retention).

`academy gallra [--dry-run]` runs `purge`; it is safe to run every night: each run removes only
what has passed its time, and writes one audit event saying what it removed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, delete, func, select
from sqlalchemy.orm import Session

from academy.core import audit
from academy.core.models import AuditEvent, LoginSession, utcnow
from academy.core.settings import Retention, get_settings
from academy.courses import images
from academy.inventory.models import SurveyResponse
from academy.practice.models import PracticeLogEntry, PracticeLogFeedback, PracticeLogShare


@dataclass(frozen=True)
class Removed:
    what: str
    count: int
    older_than: str


def _months_ago(now: datetime, months: int) -> datetime:
    return now - timedelta(days=round(months * 30.44))


def _rules(now: datetime, keep: Retention) -> list[tuple[str, type, object, datetime]]:
    rules = []
    if keep.practice_log_months:
        cutoff = _months_ago(now, keep.practice_log_months)
        rules.append(
            ("träningsloggposter", PracticeLogEntry, PracticeLogEntry.created_at < cutoff, cutoff)
        )
    if keep.login_sessions_days:
        cutoff = now - timedelta(days=keep.login_sessions_days)
        rules.append(("inloggningar", LoginSession, LoginSession.last_seen_at < cutoff, cutoff))
    if keep.survey_drafts_months:
        cutoff = _months_ago(now, keep.survey_drafts_months)
        rules.append(
            (
                "enkätutkast som aldrig skickades in",
                SurveyResponse,
                and_(SurveyResponse.status == "draft", SurveyResponse.updated_at < cutoff),
                cutoff,
            )
        )
    if keep.audit_months:
        cutoff = _months_ago(now, keep.audit_months)
        rules.append(("händelser i händelseloggen", AuditEvent, AuditEvent.at < cutoff, cutoff))
    return rules


def purge(
    session: Session,
    *,
    dry_run: bool = False,
    now: datetime | None = None,
    retention: Retention | None = None,
) -> list[Removed]:
    """Remove (or with `dry_run` only count) what has passed its retention time."""
    now = now or utcnow()
    keep = retention or get_settings().retention
    removed = []
    for what, model, condition, cutoff in _rules(now, keep):
        count = session.scalar(select(func.count()).select_from(model).where(condition)) or 0
        if count and not dry_run:
            if model is PracticeLogEntry:  # feedback and shares go with their entry
                ids = select(PracticeLogEntry.id).where(condition).scalar_subquery()
                _delete_children(session, ids)
            session.execute(delete(model).where(condition))
        removed.append(Removed(what, count, _day(cutoff)))
    if keep.unused_images_days:
        cutoff = now - timedelta(days=keep.unused_images_days)
        unused = images.unused_since(session, cutoff)
        if unused and not dry_run:
            images.remove_on_commit(session, unused)
        removed.append(
            Removed("lektionsbilder som ingen lektion eller fråga visar", len(unused), _day(cutoff))
        )
    if not dry_run:
        audit.record(session, "retention", detail=describe(removed), at=now)
    return removed


def _day(at: datetime) -> str:
    return at.strftime("%Y-%m-%d")


def _delete_children(session: Session, entry_ids) -> None:
    for child in (PracticeLogFeedback, PracticeLogShare):
        session.execute(delete(child).where(child.entry_id.in_(entry_ids)))


def describe(removed: list[Removed]) -> str:
    return "; ".join(f"{r.count} {r.what} (äldre än {r.older_than})" for r in removed) or (
        "ingen gallring inställd"
    )
