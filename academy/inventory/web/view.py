"""Inventory domain objects as typed view rows for the pages (pure: no database, no Reflex).
The needs profile and the comparison have theirs in profile_view.py.

Numbers are written the Swedish way here, once (`sv`): decimal comma, no trailing zeros, and
"–" for a value that does not exist.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from academy.inventory.campaigns import PHASE_LABELS, RESPONSE_LABELS, CampaignSummary, MySurvey
from academy.inventory.templates import KIND_LABELS, QuestionView, SectionView, TemplateView


def sv(value: float | None) -> str:
    """1.5 -> "1,5", 2.0 -> "2", None -> "–"."""
    return "–" if value is None else f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def signed(value: float | None) -> str:
    """A change with its sign: 0.25 -> "+0,25", None -> "–"."""
    return "–" if value is None else f"{value:+.2f}".replace(".", ",")


def percent(value: float) -> str:
    return f"{value:.0f} %"


def period(opens_on: date, closes_on: date) -> str:
    return f"{opens_on.isoformat()} – {closes_on.isoformat()}"


@dataclass(frozen=True)
class Option:
    value: str
    label: str


@dataclass(frozen=True)
class Person:
    id: int
    name: str


# ---- /inventering --------------------------------------------------------------------------


@dataclass(frozen=True)
class MySurveyRow:
    id: int
    title: str
    closes_on: str
    phase: str
    status: str
    can_answer: bool


@dataclass(frozen=True)
class CampaignRow:
    id: int
    title: str
    unit: str
    template: str
    period: str
    phase: str
    # "3 av 9 (33 %)": submitted answers of the recipients.
    rate: str


@dataclass(frozen=True)
class TemplateRow:
    id: int
    title: str
    description: str
    questions: int
    used: int


def my_survey_row(s: MySurvey) -> MySurveyRow:
    return MySurveyRow(
        id=s.campaign_id,
        title=s.title,
        closes_on=s.closes_on.isoformat(),
        phase=PHASE_LABELS[s.phase],
        status=RESPONSE_LABELS[s.response_status],
        can_answer=s.phase == "open" and s.response_status != "submitted",
    )


def campaign_row(c: CampaignSummary) -> CampaignRow:
    return CampaignRow(
        id=c.id,
        title=c.title,
        unit=c.unit_name,
        template=c.template_title,
        period=period(c.opens_on, c.closes_on),
        phase=PHASE_LABELS[c.phase],
        rate=f"{c.submitted} av {c.recipients} ({percent(c.response_rate)})",
    )


def campaign_options(summaries: Iterable[CampaignSummary], but: int = 0) -> list[Option]:
    """Other campaigns to compare with, newest first as the service lists them."""
    return [
        Option(str(c.id), f"{c.title} ({c.opens_on.isoformat()})") for c in summaries if c.id != but
    ]


# ---- /inventering/[campaign_id]/svara --------------------------------------------------------


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    id: str
    name: str
    checked: bool


@dataclass(frozen=True)
class QuestionField:
    id: int
    key: str  # the form field and the field name of the question's own message
    section: str
    # The section's own words, often the question the short question texts answer
    # ("Kan ärendet lösas redan i första kontakten i dag?"); every question refers to it.
    section_intro: str
    section_intro_id: str
    first_in_section: bool
    kind: str
    text: str
    required: bool
    hint: str
    min: str
    max: str
    value: str
    options: list[Choice] = field(default_factory=list)


def question_field(section: SectionView, first: bool, q: QuestionView, answer) -> QuestionField:
    chosen = {str(v) for v in (answer if isinstance(answer, list) else [answer])}
    if q.kind == "likert":
        pairs = [(str(i), f"{i} – {label}") for i, label in enumerate(q.labels, 1)]
    else:
        pairs = [(o.value, o.label) for o in q.options]
    number = q.kind == "number"
    hint = f"Ett tal från {sv(q.minimum)} till {sv(q.maximum)} {q.unit}".strip() if number else ""
    return QuestionField(
        id=q.id,
        key=f"q-{q.id}",
        section=section.title,
        section_intro=section.intro.strip(),
        section_intro_id=f"section-{section.id}-intro" if section.intro.strip() else "",
        first_in_section=first,
        kind=q.kind,
        text=q.text,
        required=q.required,
        hint=hint,
        min=sv(q.minimum) if q.minimum is not None else "",
        max=sv(q.maximum) if q.maximum is not None else "",
        value="" if answer is None or isinstance(answer, list) else str(answer),
        options=[
            Choice(
                value=value,
                label=label,
                id=f"q-{q.id}-{index}",
                name=f"q-{q.id}-{value}" if q.kind == "multiple_choice" else f"q-{q.id}",
                checked=value in chosen,
            )
            for index, (value, label) in enumerate(pairs)
        ],
    )


def question_fields(template: TemplateView, answers: dict) -> list[QuestionField]:
    return [
        question_field(section, n == 0, q, answers.get(str(q.id)))
        for section in template.sections
        for n, q in enumerate(section.questions)
    ]


# ---- /inventering/mallar/[template_id] -------------------------------------------------------


@dataclass(frozen=True)
class TemplateQuestionRow:
    id: int
    section_id: int
    text: str
    kind: str
    required: bool
    topics: str
    details: str
    first: bool
    last: bool


@dataclass(frozen=True)
class TemplateSectionRow:
    id: int
    title: str
    intro: str
    first: bool
    last: bool
    questions: list[TemplateQuestionRow] = field(default_factory=list)


def question_details(q: QuestionView) -> str:
    if q.kind == "likert":
        return " / ".join(q.labels)
    if q.kind in ("single_choice", "multiple_choice"):
        return " / ".join(o.label for o in q.options)
    if q.kind == "number":
        return f"{sv(q.minimum)}–{sv(q.maximum)} {q.unit}".strip()
    return ""


def template_sections(view: TemplateView) -> list[TemplateSectionRow]:
    last = len(view.sections)
    return [
        TemplateSectionRow(
            id=s.id,
            title=s.title,
            intro=s.intro,
            first=n == 1,
            last=n == last,
            questions=[
                TemplateQuestionRow(
                    id=q.id,
                    section_id=s.id,
                    text=q.text,
                    kind=KIND_LABELS[q.kind],
                    required=q.required,
                    topics=", ".join(q.topics),
                    details=question_details(q),
                    first=m == 1,
                    last=m == len(s.questions),
                )
                for m, q in enumerate(s.questions, 1)
            ],
        )
        for n, s in enumerate(view.sections, 1)
    ]
