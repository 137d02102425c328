"""Enkätomgångar (campaigns): a template sent to the people of a unit between two dates.

The recipients are fixed when the campaign is created: chosen people, or every active employee
of the unit (and of the units under it) at that moment. A campaign is open from its first to
its last day inclusive, unless a trainer closes it early.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from academy.core.access import CurrentUser, require_role
from academy.core.db import get_or_404, read
from academy.core.errors import ValidationError
from academy.core.models import Role, Unit, User, UserRole
from academy.core.validation import required_text
from academy.inventory.common import ANALYSTS, RESPONDENTS, anonymity_threshold
from academy.inventory.models import (
    SurveyCampaign,
    SurveyRecipient,
    SurveyResponse,
    SurveyTemplate,
)
from academy.inventory.templates import load_template

PHASE_LABELS = {"upcoming": "Kommande", "open": "Öppen", "closed": "Stängd"}
RESPONSE_LABELS = {"": "Inte påbörjad", "draft": "Utkast sparat", "submitted": "Inskickad"}


@dataclass(frozen=True)
class CampaignSummary:
    id: int
    title: str
    template_title: str
    unit_id: int
    unit_name: str
    opens_on: date
    closes_on: date
    phase: str  # upcoming / open / closed
    recipients: int
    submitted: int

    @property
    def response_rate(self) -> float:
        return 100.0 * self.submitted / self.recipients if self.recipients else 0.0


@dataclass(frozen=True)
class MySurvey:
    campaign_id: int
    title: str
    opens_on: date
    closes_on: date
    phase: str
    response_status: str  # "", draft, submitted


class FewRecipients(ValidationError):
    """Fewer recipients than the anonymity threshold: the results could never be shown."""

    def __init__(self, recipients: int, threshold: int):
        who = "en person" if recipients == 1 else f"{recipients} personer"
        super().__init__(
            f"Enkäten går bara till {who}. Resultat visas först när minst {threshold} har "
            "svarat, så den här enkätomgångens resultat kommer aldrig att visas. Välj fler "
            "mottagare, eller kryssa i ”Skicka ändå” och skicka igen."
        )
        self.recipients, self.threshold = recipients, threshold


class _Dates(Protocol):
    """What `phase` reads: a campaign, or a row of one with these columns."""

    status: str
    opens_on: date
    closes_on: date


def phase(campaign: _Dates, today: date | None = None) -> str:
    today = today or date.today()
    if campaign.status == "closed" or today > campaign.closes_on:
        return "closed"
    return "upcoming" if today < campaign.opens_on else "open"


def unit_and_below(session: Session, unit_id: int) -> set[int]:
    children: dict[int | None, list[int]] = {}
    for child_id, parent_id in session.execute(select(Unit.id, Unit.parent_id)):
        children.setdefault(parent_id, []).append(child_id)
    found, stack = {unit_id}, [unit_id]
    while stack:
        for child in children.get(stack.pop(), []):
            if child not in found:
                found.add(child)
                stack.append(child)
    return found


def unit_employees(session: Session, unit_id: int) -> list[tuple[int, str]]:
    """Active employees of the unit and the units under it: (id, name), by name."""
    rows = session.execute(
        select(User.id, User.name)
        .join(UserRole, UserRole.user_id == User.id)
        .where(
            User.unit_id.in_(unit_and_below(session, unit_id)),
            User.active.is_(True),
            UserRole.role == Role.EMPLOYEE,
        )
        .order_by(func.lower(User.name), User.id)
    ).all()
    return [(uid, name) for uid, name in rows]


def list_unit_employees(
    session: Session, actor: CurrentUser | None, unit_id: int
) -> list[tuple[int, str]]:
    require_role(actor, *ANALYSTS)
    get_or_404(session, Unit, unit_id, "Enheten finns inte.")
    return unit_employees(session, unit_id)


def create_campaign(
    session: Session,
    actor: CurrentUser | None,
    *,
    template_id: int,
    unit_id: int,
    title: str,
    opens_on: date,
    closes_on: date,
    user_ids: Iterable[int] = (),
    few_recipients_ok: bool = False,
) -> int:
    """Send a template to chosen people of a unit, or (none chosen) to all its employees.

    Fewer recipients than the anonymity threshold means no result will ever be shown: that is
    refused with `FewRecipients` unless the sender confirmed it (`few_recipients_ok`)."""
    require_role(actor, *ANALYSTS)
    get_or_404(session, SurveyTemplate, template_id, "Enkätmallen finns inte.")
    get_or_404(session, Unit, unit_id, "Enheten finns inte.")
    if not load_template(session, template_id).questions:
        raise ValidationError("Mallen har inga frågor än. Lägg till frågor innan du skickar den.")
    title = required_text(title, "Enkätomgångens namn")
    if not isinstance(opens_on, date) or not isinstance(closes_on, date):
        raise ValidationError("Ange första och sista svarsdag.")
    if closes_on < opens_on:
        raise ValidationError("Sista svarsdag kan inte ligga före första svarsdag.")
    employees = {uid for uid, _ in unit_employees(session, unit_id)}
    chosen = set(user_ids)
    if chosen - employees:
        raise ValidationError("Välj bara aktiva medarbetare på enheten.")
    recipients = chosen or employees
    if not recipients:
        raise ValidationError("Enheten har inga aktiva medarbetare att skicka enkäten till.")
    threshold = anonymity_threshold()
    if len(recipients) < threshold and not few_recipients_ok:
        raise FewRecipients(len(recipients), threshold)
    campaign = SurveyCampaign(
        template_id=template_id,
        unit_id=unit_id,
        title=title,
        opens_on=opens_on,
        closes_on=closes_on,
        created_by=actor.id,
    )
    session.add(campaign)
    session.flush()
    session.add_all(SurveyRecipient(campaign_id=campaign.id, user_id=uid) for uid in recipients)
    session.flush()
    return campaign.id


def close_campaign(session: Session, actor: CurrentUser | None, campaign_id: int) -> None:
    require_role(actor, *ANALYSTS)
    campaign = get_or_404(session, SurveyCampaign, campaign_id, "Enkätomgången finns inte.")
    campaign.status = "closed"
    session.flush()


def _summaries(session: Session, query, today: date | None) -> list[CampaignSummary]:
    recipients = dict(
        session.execute(
            select(SurveyRecipient.campaign_id, func.count()).group_by(SurveyRecipient.campaign_id)
        ).all()
    )
    submitted = dict(
        session.execute(
            select(SurveyResponse.campaign_id, func.count())
            .where(SurveyResponse.status == "submitted")
            .group_by(SurveyResponse.campaign_id)
        ).all()
    )
    return [
        CampaignSummary(
            id=c.id,
            title=c.title,
            template_title=template_title,
            unit_id=c.unit_id,
            unit_name=unit_name,
            opens_on=c.opens_on,
            closes_on=c.closes_on,
            phase=phase(c, today),
            recipients=recipients.get(c.id, 0),
            submitted=submitted.get(c.id, 0),
        )
        for c, template_title, unit_name in session.execute(query)
    ]


def _campaign_query():
    return (
        select(SurveyCampaign, SurveyTemplate.title, Unit.name)
        .join(SurveyTemplate, SurveyTemplate.id == SurveyCampaign.template_id)
        .join(Unit, Unit.id == SurveyCampaign.unit_id)
        .order_by(SurveyCampaign.opens_on.desc(), SurveyCampaign.id.desc())
    )


def list_campaigns(
    session: Session,
    actor: CurrentUser | None,
    *,
    unit_id: int | None = None,
    today: date | None = None,
) -> list[CampaignSummary]:
    require_role(actor, *ANALYSTS)
    query = _campaign_query()
    if unit_id is not None:
        query = query.where(SurveyCampaign.unit_id == unit_id)
    return _summaries(session, query, today)


def get_campaign(
    session: Session, actor: CurrentUser | None, campaign_id: int, today: date | None = None
) -> CampaignSummary:
    require_role(actor, *ANALYSTS)
    get_or_404(session, SurveyCampaign, campaign_id, "Enkätomgången finns inte.")
    found = _summaries(session, _campaign_query().where(SurveyCampaign.id == campaign_id), today)
    return found[0]


# On every respondent's home page: built once, table columns (see academy.core.db.read).
_campaign, _response = SurveyCampaign.__table__.c, SurveyResponse.__table__.c
_recipient = SurveyRecipient.__table__.c
_MY_SURVEYS = (
    select(
        _campaign.id,
        _campaign.title,
        _campaign.opens_on,
        _campaign.closes_on,
        _campaign.status,
        _response.status.label("response_status"),
    )
    .join(SurveyRecipient.__table__, _recipient.campaign_id == _campaign.id)
    .outerjoin(
        SurveyResponse.__table__,
        (_response.campaign_id == _campaign.id) & (_response.user_id == bindparam("user")),
    )
    .where(_recipient.user_id == bindparam("user"))
)


def my_surveys(
    session: Session, actor: CurrentUser | None, today: date | None = None
) -> list[MySurvey]:
    """Surveys sent to the actor: open ones first, then upcoming, then closed."""
    require_role(actor, *RESPONDENTS)
    rows = read(session, _MY_SURVEYS, {"user": actor.id})
    order = {"open": 0, "upcoming": 1, "closed": 2}
    found = [
        MySurvey(c.id, c.title, c.opens_on, c.closes_on, phase(c, today), c.response_status or "")
        for c in rows
    ]
    return sorted(found, key=lambda s: (order[s.phase], s.closes_on, s.campaign_id))


def waiting_surveys(
    session: Session, actor: CurrentUser | None, today: date | None = None
) -> list[MySurvey]:
    """Open surveys the actor has not submitted yet (for the home page)."""
    return [
        s
        for s in my_surveys(session, actor, today)
        if s.phase == "open" and s.response_status != "submitted"
    ]
