"""Behovsprofil (needs profile) of a campaign, comparisons and exports, behind the threshold.

Results about a group are given only when at least `anonymity_threshold()` people in it have
submitted; the check is here, in the service, so no page or export can skip it. The only
breakdown below campaign level is by the answer to a single-choice question, and only when
every group it makes is empty or above the threshold (`aggregation.breakdown_allowed`).
Nothing is shown while a campaign is still open: watching the figures change after each new
answer would give away that person's answers, whatever the threshold.
Scoring of needs: see academy.inventory.aggregation.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from academy.core.access import CurrentUser, require_role
from academy.core.errors import ValidationError
from academy.inventory import aggregation
from academy.inventory.aggregation import FirstContactGap, Need, QuestionResult
from academy.inventory.campaigns import CampaignSummary, get_campaign
from academy.inventory.common import ANALYSTS, anonymity_threshold
from academy.inventory.models import SurveyCampaign, SurveyResponse
from academy.inventory.recommend import TOP_NEEDS, Recommendation, recommend
from academy.inventory.templates import TemplateView, load_template


@dataclass(frozen=True)
class Profile:
    campaign: CampaignSummary
    threshold: int
    respondents: int  # in the group shown (the whole campaign or one breakdown group)
    shown: bool  # False: too few answers or still open; nothing below is filled in
    group_label: str = ""
    still_open: bool = False  # not shown because answers may still come in
    questions: tuple[QuestionResult, ...] = ()
    needs: tuple[Need, ...] = ()
    gaps: tuple[FirstContactGap, ...] = ()
    recommendations: tuple[Recommendation, ...] = ()


@dataclass(frozen=True)
class Breakdown:
    question_id: int
    text: str
    options: tuple[tuple[str, str], ...]  # (value, label) of the groups that have answers
    allowed: bool = True  # False: a group is below the threshold, so none is shown


@dataclass(frozen=True)
class Change:
    label: str
    before: float | None
    after: float | None

    @property
    def change(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return round(self.after - self.before, 2)


@dataclass(frozen=True)
class Comparison:
    before: CampaignSummary
    after: CampaignSummary
    questions: tuple[Change, ...]
    topics: tuple[Change, ...]


def _submitted(session: Session, campaign_id: int) -> list[dict[str, Any]]:
    return [
        dict(answers)
        for answers in session.scalars(
            select(SurveyResponse.answers).where(
                SurveyResponse.campaign_id == campaign_id, SurveyResponse.status == "submitted"
            )
        )
    ]


def _load(session, actor, campaign_id, today):
    summary = get_campaign(session, actor, campaign_id, today)  # checks the role
    template_id = session.get(SurveyCampaign, campaign_id).template_id
    return summary, load_template(session, template_id), _submitted(session, campaign_id)


def breakdowns(
    session: Session,
    actor: CurrentUser | None,
    campaign_id: int,
    *,
    include_suppressed: bool = False,
    today: date | None = None,
) -> list[Breakdown]:
    """Single-choice questions whose every group is empty or at least the threshold; with
    `include_suppressed`, the others too (allowed=False, no options) so a page can say why."""
    summary, template, answers = _load(session, actor, campaign_id, today)
    threshold = anonymity_threshold()
    if summary.phase != "closed" or len(answers) < threshold:
        return []
    found = []
    for q in template.questions:
        if q.kind != "single_choice":
            continue
        sizes = aggregation.group_sizes(q, answers)
        if aggregation.breakdown_allowed(sizes, threshold):
            options = tuple((o.value, o.label) for o in q.options if sizes.get(o.value))
            found.append(Breakdown(q.id, q.text, options))
        elif include_suppressed:
            found.append(Breakdown(q.id, q.text, (), allowed=False))
    return found


def _group(template: TemplateView, answers, question_id: int, value: str, threshold: int):
    question = next((q for q in template.questions if q.id == question_id), None)
    if question is None or question.kind != "single_choice":
        raise ValidationError("Det går bara att dela upp svaren efter en fråga med ett val.")
    option = next((o for o in question.options if o.value == value), None)
    if option is None:
        raise ValidationError("Okänt svarsalternativ.")
    if not aggregation.breakdown_allowed(aggregation.group_sizes(question, answers), threshold):
        raise ValidationError(
            f"Uppdelningen visas inte: någon grupp har färre än {threshold} svar, och då skulle "
            "enskildas svar kunna räknas fram."
        )
    chosen = [a for a in answers if a.get(str(question_id)) == value]
    return chosen, f"{question.text}: {option.label}"


def needs_profile(
    session: Session,
    actor: CurrentUser | None,
    campaign_id: int,
    *,
    breakdown: tuple[int, str] | None = None,
    today: date | None = None,
) -> Profile:
    require_role(actor, *ANALYSTS)
    summary, template, answers = _load(session, actor, campaign_id, today)
    threshold = anonymity_threshold()
    if summary.phase != "closed":
        return Profile(summary, threshold, 0, False, still_open=True)
    label = ""
    if len(answers) >= threshold and breakdown is not None:
        answers, label = _group(template, answers, breakdown[0], breakdown[1], threshold)
    if len(answers) < threshold:
        return Profile(summary, threshold, len(answers), False, label)
    needs = aggregation.rank_needs(template, answers)
    top = [need.topic for need in needs[:TOP_NEEDS]]
    return Profile(
        campaign=summary,
        threshold=threshold,
        respondents=len(answers),
        shown=True,
        group_label=label,
        questions=tuple(aggregation.distributions(template, answers)),
        needs=tuple(needs),
        gaps=tuple(aggregation.first_contact_gaps(template, answers)),
        recommendations=tuple(recommend(session, top)),
    )


STILL_OPEN = (
    "Resultat visas först när enkätomgången är stängd, så att ingen kan räkna ut enskildas "
    "svar genom att se hur siffrorna ändras efter varje nytt svar."
)


def too_few(threshold: int) -> ValidationError:
    return ValidationError(
        f"Resultat visas först när minst {threshold} personer har svarat, så att ingen kan "
        "pekas ut."
    )


def compare_campaigns(
    session: Session, actor: CurrentUser | None, before_id: int, after_id: int
) -> Comparison:
    """Change per question (mean) and per topic (need score) between two campaigns of a unit."""
    require_role(actor, *ANALYSTS)
    if before_id == after_id:
        raise ValidationError("Välj två olika enkätomgångar att jämföra.")
    first, first_template, first_answers = _load(session, actor, before_id, None)
    second, second_template, second_answers = _load(session, actor, after_id, None)
    if first.unit_id != second.unit_id:
        raise ValidationError("Bara enkätomgångar för samma enhet kan jämföras.")
    if first.phase != "closed" or second.phase != "closed":
        raise ValidationError(STILL_OPEN)
    threshold = anonymity_threshold()
    if min(len(first_answers), len(second_answers)) < threshold:
        raise too_few(threshold)

    def means(template, answers):
        return {
            (r.section, r.text): r.mean
            for r in aggregation.distributions(template, answers)
            if r.mean is not None
        }

    before_means = means(first_template, first_answers)
    after_means = means(second_template, second_answers)
    keys = list(before_means) + [k for k in after_means if k not in before_means]
    questions = tuple(
        Change(text, before_means.get(k), after_means.get(k)) for k in keys for text in [k[1]]
    )
    before_needs = {n.topic: n.score for n in aggregation.rank_needs(first_template, first_answers)}
    after_needs = {
        n.topic: n.score for n in aggregation.rank_needs(second_template, second_answers)
    }
    topics = tuple(
        Change(topic, before_needs.get(topic, 0.0), after_needs.get(topic, 0.0))
        for topic in sorted(set(before_needs) | set(after_needs))
    )
    return Comparison(first, second, questions, topics)


def export_table(
    session: Session, actor: CurrentUser | None, campaign_id: int
) -> tuple[list[str], list[list[Any]]]:
    """The profile as one table for CSV/XLSX; refused below the threshold."""
    profile = needs_profile(session, actor, campaign_id)
    if profile.still_open:
        raise ValidationError(STILL_OPEN)
    if not profile.shown:
        raise too_few(profile.threshold)
    header = ["Del", "Avsnitt", "Fråga eller ämne", "Svar", "Antal", "Andel (%)", "Medel"]
    rows: list[list[Any]] = []
    for result in profile.questions:
        for bar in result.bars:
            rows.append(
                ["Fördelning", result.section, result.text, bar.label, bar.count, bar.percent, None]
            )
        if result.kind == "number":
            rows.append(
                ["Fördelning", result.section, result.text, "", result.answered, None, result.mean]
            )
        for text in result.texts:
            rows.append(["Fritext", result.section, result.text, text, None, None, None])
    for need in profile.needs:
        rows.append(["Behov", "", need.topic, "; ".join(need.reasons), None, None, need.score])
    return header, rows
