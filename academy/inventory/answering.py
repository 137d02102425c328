"""Answering a survey: the form of a campaign sent to the actor, drafts, and submitting once.

Only recipients see a campaign's questions and only their own answers. Every save checks the
whole set of answers first, so a refused save changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from academy.core.access import CurrentUser, require_role
from academy.core.errors import NotFound, ValidationError
from academy.core.models import utcnow
from academy.inventory.campaigns import phase
from academy.inventory.common import RESPONDENTS
from academy.inventory.models import SurveyCampaign, SurveyRecipient, SurveyResponse
from academy.inventory.templates import QuestionView, TemplateView, load_template

MAX_TEXT = 2000
Answers = dict[str, Any]  # question id (as text) -> likert int, option value(s), number, text


@dataclass(frozen=True)
class AnswerForm:
    campaign_id: int
    title: str
    opens_on: date
    closes_on: date
    phase: str
    status: str  # "", draft, submitted
    template: TemplateView
    answers: Answers


def _blank(value: Any) -> bool:
    return (
        value is None
        or (isinstance(value, str | list | tuple) and not value)
        or (isinstance(value, str) and not value.strip())
    )


def field_of(question: QuestionView) -> str:
    """The form field a message about `question` belongs to (the answer form's `q-<id>`)."""
    return f"q-{question.id}"


def _number(raw: Any, question: QuestionView) -> int | float:
    if isinstance(raw, bool):
        raise ValueError
    value = raw if isinstance(raw, int | float) else float(str(raw).strip().replace(",", "."))
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if not question.minimum <= value <= question.maximum:
        raise ValidationError(
            f"”{question.text}”: ange ett tal mellan {_fmt(question.minimum)} och "
            f"{_fmt(question.maximum)}.",
            field=field_of(question),
        )
    return value


def _fmt(value: float | None) -> str:
    return (
        str(int(value))
        if isinstance(value, float | int) and float(value).is_integer()
        else (str(value).replace(".", ","))
    )


def _clean_one(question: QuestionView, raw: Any) -> Any:
    name, field = f"”{question.text}”", field_of(question)
    values = {option.value for option in question.options}
    try:
        if question.kind == "likert":
            value = int(str(raw).strip())
            if not 1 <= value <= 5:
                raise ValueError
            return value
        if question.kind == "single_choice":
            if str(raw) not in values:
                raise ValidationError(f"{name}: välj ett av alternativen.", field=field)
            return str(raw)
        if question.kind == "multiple_choice":
            chosen = [raw] if isinstance(raw, str) else list(raw)
            if any(str(value) not in values for value in chosen):
                raise ValidationError(f"{name}: välj bland alternativen.", field=field)
            return [o.value for o in question.options if o.value in set(map(str, chosen))]
        if question.kind == "number":
            return _number(raw, question)
        text = str(raw).strip()
        if len(text) > MAX_TEXT:
            raise ValidationError(f"{name}: svaret får vara högst {MAX_TEXT} tecken.", field=field)
        return text
    except (ValueError, TypeError) as exc:
        if question.kind == "likert":
            raise ValidationError(f"{name}: välj ett värde från 1 till 5.", field=field) from exc
        raise ValidationError(f"{name}: ange ett tal.", field=field) from exc


def clean_answers(
    questions: Iterable[QuestionView], raw: dict[str, Any], *, complete: bool
) -> Answers:
    """Checked answers by question id; `complete` also demands every required answer."""
    by_id = {str(q.id): q for q in questions}
    unknown = set(map(str, raw)) - set(by_id)
    if unknown:
        raise ValidationError("Svaret innehåller frågor som inte finns i enkäten.")
    cleaned: Answers = {}
    missing: list[QuestionView] = []
    for key, question in by_id.items():
        value = raw.get(key, raw.get(int(key)) if key.isdigit() else None)
        if _blank(value):
            if complete and question.required:
                missing.append(question)
            continue
        cleaned[key] = _clean_one(question, value)
    if missing:
        names = ", ".join(f"”{q.text}”" for q in missing)
        # The first unanswered question is the one to go to; the message names them all.
        raise ValidationError(
            f"Besvara de obligatoriska frågorna: {names}.", field=field_of(missing[0])
        )
    return cleaned


def _campaign_for(session: Session, actor: CurrentUser, campaign_id: int) -> SurveyCampaign:
    """The campaign, if it was sent to the actor; otherwise it does not exist for them."""
    is_recipient = session.scalar(
        select(SurveyRecipient.user_id).where(
            SurveyRecipient.campaign_id == campaign_id, SurveyRecipient.user_id == actor.id
        )
    )
    campaign = session.get(SurveyCampaign, campaign_id) if is_recipient else None
    if campaign is None:
        raise NotFound("Enkäten finns inte, eller så är den inte skickad till dig.")
    return campaign


def _response(session: Session, actor: CurrentUser, campaign_id: int) -> SurveyResponse | None:
    return session.scalar(
        select(SurveyResponse).where(
            SurveyResponse.campaign_id == campaign_id, SurveyResponse.user_id == actor.id
        )
    )


def get_form(
    session: Session, actor: CurrentUser | None, campaign_id: int, today: date | None = None
) -> AnswerForm:
    require_role(actor, *RESPONDENTS)
    campaign = _campaign_for(session, actor, campaign_id)
    response = _response(session, actor, campaign_id)
    return AnswerForm(
        campaign_id=campaign.id,
        title=campaign.title,
        opens_on=campaign.opens_on,
        closes_on=campaign.closes_on,
        phase=phase(campaign, today),
        status=response.status if response else "",
        template=load_template(session, campaign.template_id),
        answers=dict(response.answers) if response else {},
    )


def save_answers(
    session: Session,
    actor: CurrentUser | None,
    campaign_id: int,
    raw: dict[str, Any],
    *,
    submit: bool,
    today: date | None = None,
) -> str:
    """Save a draft (submit=False) or hand in (submit=True); returns the response status."""
    require_role(actor, *RESPONDENTS)
    campaign = _campaign_for(session, actor, campaign_id)
    when = phase(campaign, today)
    if when == "upcoming":
        raise ValidationError(
            f"Enkäten öppnar {campaign.opens_on.isoformat()}. Du kan svara från den dagen."
        )
    if when == "closed":
        raise ValidationError("Enkäten är stängd. Det går inte längre att svara.")
    response = _response(session, actor, campaign_id)
    if response is not None and response.status == "submitted":
        raise ValidationError("Du har redan skickat in dina svar. De kan inte ändras.")
    template = load_template(session, campaign.template_id)
    answers = clean_answers(template.questions, raw, complete=submit)
    if response is None:
        response = SurveyResponse(campaign_id=campaign_id, user_id=actor.id)
        session.add(response)
    response.answers = answers
    response.updated_at = utcnow()
    if submit:
        response.status = "submitted"
        response.submitted_at = response.updated_at
    else:
        response.status = "draft"
    session.flush()
    return response.status
