"""Survey templates (enkätmallar): sections and questions of five kinds, each with topics.

Topics use the same tag vocabulary as course topics, so the needs profile can point at
courses. A template is built in one call from a plain structure (see `create_template`), which
is what the default template and tests use; nothing is saved unless the whole template is valid.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from academy.core.access import CurrentUser, require_role
from academy.core.db import get_or_404
from academy.core.errors import ValidationError
from academy.core.validation import required_text
from academy.courses.authoring import normalise_topics
from academy.inventory.common import ANALYSTS
from academy.inventory.models import (
    MEASURES,
    QUESTION_KINDS,
    SurveyQuestion,
    SurveySection,
    SurveyTemplate,
)

LIKERT_POINTS = 5
KIND_LABELS = {
    "likert": "Skala 1–5",
    "single_choice": "Ett val",
    "multiple_choice": "Flera val",
    "number": "Tal",
    "text": "Fritext",
}


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class QuestionView:
    id: int
    kind: str
    text: str
    required: bool
    topics: tuple[str, ...]
    measure: str
    labels: tuple[str, ...] = ()  # likert: the labels of 1..5
    options: tuple[Option, ...] = ()  # single and multiple choice
    minimum: float | None = None  # number
    maximum: float | None = None
    unit: str = ""


@dataclass(frozen=True)
class SectionView:
    id: int
    title: str
    intro: str
    questions: tuple[QuestionView, ...]


@dataclass(frozen=True)
class TemplateView:
    id: int
    title: str
    description: str
    sections: tuple[SectionView, ...]

    @property
    def questions(self) -> list[QuestionView]:
        return [q for section in self.sections for q in section.questions]


@dataclass(frozen=True)
class TemplateSummary:
    id: int
    title: str
    description: str
    question_count: int


def _options(raw: Iterable[dict], where: str) -> list[dict]:
    options, seen = [], set()
    for item in raw or ():
        value = str(item.get("value", "")).strip()
        label = str(item.get("label", "")).strip()
        if not value or not label:
            raise ValidationError(f"{where}: varje alternativ behöver värde och text.")
        if value in seen:
            raise ValidationError(f"{where}: alternativet ”{value}” finns två gånger.")
        seen.add(value)
        options.append(
            {"value": value, "label": label, "topics": normalise_topics(item.get("topics", ()))}
        )
    if len(options) < 2:
        raise ValidationError(f"{where}: ange minst två alternativ.")
    return options


def _question_data(kind: str, spec: dict[str, Any], where: str) -> dict[str, Any]:
    if kind == "likert":
        labels = [str(label).strip() for label in spec.get("labels", ())]
        if len(labels) != LIKERT_POINTS or not all(labels):
            raise ValidationError(f"{where}: en skala behöver fem etiketter, för 1 till 5.")
        return {"labels": labels}
    if kind in ("single_choice", "multiple_choice"):
        return {"options": _options(spec.get("options", ()), where)}
    if kind == "number":
        low, high = spec.get("min"), spec.get("max")
        if not isinstance(low, int | float) or not isinstance(high, int | float) or low >= high:
            raise ValidationError(f"{where}: ange ett lägsta och ett högre högsta tal.")
        return {"min": low, "max": high, "unit": str(spec.get("unit", "")).strip()}
    return {}


def build_question(spec: dict[str, Any], position: int, where: str) -> SurveyQuestion:
    kind = spec.get("kind")
    if kind not in QUESTION_KINDS:
        raise ValidationError(f"{where}: okänd frågetyp.")
    measure = spec.get("measure", "")
    if measure not in MEASURES:
        raise ValidationError(f"{where}: okänt mått.")
    return SurveyQuestion(
        position=position,
        kind=kind,
        text=required_text(spec.get("text", ""), f"{where}: frågans text", 500),
        required=bool(spec.get("required", False)),
        topics=normalise_topics(spec.get("topics", ())),
        measure=measure,
        data=_question_data(kind, spec, where),
    )


def create_template(
    session: Session,
    actor: CurrentUser | None,
    *,
    title: str,
    description: str = "",
    sections: Iterable[dict[str, Any]],
) -> int:
    """A template from `sections`: [{title, intro, questions: [{kind, text, ...}]}]."""
    require_role(actor, *ANALYSTS)
    title = required_text(title, "Mallens titel")
    if session.scalar(select(SurveyTemplate.id).where(SurveyTemplate.title == title)):
        raise ValidationError(f"Det finns redan en mall som heter ”{title}”.")
    built: list[tuple[SurveySection, list[SurveyQuestion]]] = []
    for s_pos, section in enumerate(sections or (), 1):
        section_title = required_text(section.get("title", ""), f"Avsnitt {s_pos}: titel")
        questions = [
            build_question(spec, q_pos, f"Avsnitt {s_pos}, fråga {q_pos}")
            for q_pos, spec in enumerate(section.get("questions", ()), 1)
        ]
        if not questions:
            raise ValidationError(f"Avsnitt {s_pos}: lägg till minst en fråga.")
        row = SurveySection(position=s_pos, title=section_title, intro=section.get("intro", ""))
        built.append((row, questions))
    if not built:
        raise ValidationError("En mall behöver minst ett avsnitt.")
    template = SurveyTemplate(
        title=title, description=(description or "").strip(), created_by=actor.id
    )
    session.add(template)
    session.flush()
    for section, questions in built:
        section.template_id = template.id
        session.add(section)
        session.flush()
        for question in questions:
            question.section_id = section.id
        session.add_all(questions)
    session.flush()
    return template.id


def list_templates(session: Session, actor: CurrentUser | None) -> list[TemplateSummary]:
    require_role(actor, *ANALYSTS)
    counts = (
        select(SurveySection.template_id, func.count(SurveyQuestion.id).label("n"))
        .join(SurveyQuestion, SurveyQuestion.section_id == SurveySection.id)
        .group_by(SurveySection.template_id)
        .subquery()
    )
    rows = session.execute(
        select(SurveyTemplate, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.template_id == SurveyTemplate.id)
        .order_by(func.lower(SurveyTemplate.title))
    ).all()
    return [TemplateSummary(t.id, t.title, t.description, n) for t, n in rows]


def to_view(question: SurveyQuestion) -> QuestionView:
    data = question.data or {}
    return QuestionView(
        id=question.id,
        kind=question.kind,
        text=question.text,
        required=question.required,
        topics=tuple(question.topics or ()),
        measure=question.measure,
        labels=tuple(data.get("labels", ())),
        options=tuple(
            Option(o["value"], o["label"], tuple(o.get("topics", ())))
            for o in data.get("options", ())
        ),
        minimum=data.get("min"),
        maximum=data.get("max"),
        unit=data.get("unit", ""),
    )


def load_template(session: Session, template_id: int) -> TemplateView:
    """The whole template, without a role check: callers check access to what uses it."""
    template = get_or_404(session, SurveyTemplate, template_id, "Enkätmallen finns inte.")
    sections = session.scalars(
        select(SurveySection)
        .where(SurveySection.template_id == template_id)
        .order_by(SurveySection.position, SurveySection.id)
    ).all()
    questions: dict[int, list[QuestionView]] = {}
    for question in session.scalars(
        select(SurveyQuestion)
        .where(SurveyQuestion.section_id.in_([s.id for s in sections]))
        .order_by(SurveyQuestion.position, SurveyQuestion.id)
    ):
        questions.setdefault(question.section_id, []).append(to_view(question))
    return TemplateView(
        id=template.id,
        title=template.title,
        description=template.description,
        sections=tuple(
            SectionView(s.id, s.title, s.intro, tuple(questions.get(s.id, []))) for s in sections
        ),
    )


def get_template(session: Session, actor: CurrentUser | None, template_id: int) -> TemplateView:
    require_role(actor, *ANALYSTS)
    return load_template(session, template_id)
