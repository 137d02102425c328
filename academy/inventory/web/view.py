"""Inventory domain objects as typed view rows for the pages (pure: no database, no Reflex).

Numbers are written the Swedish way here, once (`sv`): decimal comma, no trailing zeros, and
"–" for a value that does not exist.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from academy.inventory.aggregation import FirstContactGap, Need, QuestionResult
from academy.inventory.campaigns import PHASE_LABELS, RESPONSE_LABELS, CampaignSummary, MySurvey
from academy.inventory.profile import Change
from academy.inventory.recommend import Recommendation
from academy.inventory.templates import KIND_LABELS, QuestionView, TemplateView
from academy.ui.bars import Bar, bars, diverging_bar

RECOMMENDATION_KINDS = {"course": "Kurs", "module": "Modul", "exercise": "Övning"}


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
    first_in_section: bool
    kind: str
    text: str
    required: bool
    hint: str
    min: str
    max: str
    value: str
    options: list[Choice] = field(default_factory=list)


def question_field(section: str, first: bool, q: QuestionView, answer) -> QuestionField:
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
        section=section,
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
        question_field(section.title, n == 0, q, answers.get(str(q.id)))
        for section in template.sections
        for n, q in enumerate(section.questions)
    ]


# ---- /inventering/[campaign_id] --------------------------------------------------------------


@dataclass(frozen=True)
class CampaignHead:
    title: str
    unit: str
    period: str
    phase: str
    rate: str


@dataclass(frozen=True)
class DistributionRow:
    label: str
    count: int
    percent: str


@dataclass(frozen=True)
class ResultView:
    id: int
    text: str
    kind: str
    answered: int
    mean: str
    rows: list[DistributionRow] = field(default_factory=list)
    bars: list[Bar] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ResultSection:
    """One section of the survey in the profile, folded on the page (`<details>`)."""

    title: str
    summary: str  # "4 frågor · 8 svar"
    results: list[ResultView] = field(default_factory=list)


@dataclass(frozen=True)
class NeedRow:
    rank: int
    topic: str
    score: str
    # The first reason, shown in the table; all of them under "N skäl" (folded).
    first_reason: str
    reason_count: str
    reasons: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class GapRow:
    errand: str
    could: str  # "3 av 8"
    percent: str


@dataclass(frozen=True)
class RecommendationRow:
    kind: str
    title: str
    matched: str


def campaign_head(c: CampaignSummary) -> CampaignHead:
    row = campaign_row(c)
    return CampaignHead(row.title, row.unit, row.period, row.phase, row.rate)


def result_view(q: QuestionResult) -> ResultView:
    return ResultView(
        id=q.question_id,
        text=q.text,
        kind=q.kind,
        answered=q.answered,
        mean=sv(q.mean),
        rows=[DistributionRow(b.label, b.count, f"{b.percent:.0f}") for b in q.bars],
        # Bars on a scale of 100 %, so that the questions can be compared by eye.
        bars=bars([(b.label, b.percent, percent(b.percent)) for b in q.bars], 100),
        texts=list(q.texts),
    )


def result_sections(results: Sequence[QuestionResult]) -> list[ResultSection]:
    grouped: dict[str, list[QuestionResult]] = {}
    for q in results:
        grouped.setdefault(q.section, []).append(q)
    sections = []
    for title, items in grouped.items():
        count = len(items)
        summary = f"{count} {'fråga' if count == 1 else 'frågor'}"
        sections.append(ResultSection(title, summary, [result_view(q) for q in items]))
    return sections


def need_rows(needs: Sequence[Need], top: int = 10) -> list[NeedRow]:
    return [
        NeedRow(
            rank=rank,
            topic=n.topic,
            score=sv(n.score),
            first_reason=n.reasons[0] if n.reasons else "",
            reason_count=f"Alla {len(n.reasons)} skäl" if len(n.reasons) > 1 else "",
            reasons=list(n.reasons),
        )
        for rank, n in enumerate(needs[:top], 1)
    ]


def need_bars(needs: Sequence[Need], top: int = 10) -> list[Bar]:
    return bars([(n.topic, n.score, sv(n.score)) for n in needs[:top]])


def gap_rows(gaps: Sequence[FirstContactGap]) -> list[GapRow]:
    return [GapRow(g.errand, f"{g.could} av {g.answered}", percent(g.percent)) for g in gaps]


def recommendation_rows(items: Sequence[Recommendation]) -> list[RecommendationRow]:
    return [
        RecommendationRow(
            kind=RECOMMENDATION_KINDS.get(r.kind, r.kind),
            title=r.title if r.kind != "module" else f"{r.title} (i {r.course_title})",
            matched=", ".join(r.matched),
        )
        for r in items
    ]


# ---- /inventering/[campaign_id]/jamfor -------------------------------------------------------


@dataclass(frozen=True)
class ChangeRow:
    label: str
    before: str
    after: str
    change: str


def change_rows(changes: Sequence[Change]) -> list[ChangeRow]:
    return [ChangeRow(c.label, sv(c.before), sv(c.after), signed(c.change)) for c in changes]


def change_bars(changes: Sequence[Change]) -> list[Bar]:
    """Changes as bars from the middle (left: lower than before, right: higher)."""
    limit = max((abs(c.change) for c in changes if c.change is not None), default=0.0)
    return [diverging_bar(c.label, c.change, limit, signed(c.change)) for c in changes]


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
