"""Authoring of survey templates in the browser: new (blank or a copy), sections, questions.

A template that a campaign has used is frozen: its answers are stored by question id and read
with the question's kind and options, so changing or removing a question would change what
earlier answers mean. Such edits are refused with a message that points at "Kopiera".
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from academy.core.access import CurrentUser, require_role
from academy.core.db import get_or_404
from academy.core.errors import ValidationError
from academy.core.validation import required_text
from academy.inventory.common import ANALYSTS
from academy.inventory.models import (
    SurveyCampaign,
    SurveyQuestion,
    SurveySection,
    SurveyTemplate,
)
from academy.inventory.templates import build_question, load_template

IN_USE = (
    "Mallen används redan av en enkätomgång och kan inte ändras, eftersom ändringen kunde "
    "ändra betydelsen av svar som redan finns. Använd ”Kopiera” och ändra i kopian."
)


def campaigns_using(session: Session, template_id: int) -> int:
    return (
        session.scalar(select(func.count()).where(SurveyCampaign.template_id == template_id)) or 0
    )


def _editable(session: Session, actor: CurrentUser | None, template_id: int) -> SurveyTemplate:
    require_role(actor, *ANALYSTS)
    template = get_or_404(session, SurveyTemplate, template_id, "Enkätmallen finns inte.")
    if campaigns_using(session, template_id):
        raise ValidationError(IN_USE)
    return template


def _unique_title(session: Session, title: str, label: str = "Mallens titel") -> str:
    title = required_text(title, label)
    if session.scalar(select(SurveyTemplate.id).where(SurveyTemplate.title == title)):
        raise ValidationError(f"Det finns redan en mall som heter ”{title}”.")
    return title


def create_blank(
    session: Session, actor: CurrentUser | None, *, title: str, description: str = ""
) -> int:
    """An empty template to fill in; it cannot be sent until it has a question."""
    require_role(actor, *ANALYSTS)
    template = SurveyTemplate(
        title=_unique_title(session, title),
        description=(description or "").strip(),
        created_by=actor.id,
    )
    session.add(template)
    session.flush()
    return template.id


def copy_template(
    session: Session, actor: CurrentUser | None, template_id: int, *, title: str
) -> int:
    """A copy with all sections and questions, free to edit (the original may be in use)."""
    require_role(actor, *ANALYSTS)
    source = get_or_404(session, SurveyTemplate, template_id, "Enkätmallen finns inte.")
    copy = SurveyTemplate(
        title=_unique_title(session, title, "Kopians titel"),
        description=source.description,
        created_by=actor.id,
    )
    session.add(copy)
    session.flush()
    for section in _sections(session, template_id):
        new_section = SurveySection(
            template_id=copy.id, position=section.position, title=section.title, intro=section.intro
        )
        session.add(new_section)
        session.flush()
        session.add_all(
            SurveyQuestion(
                section_id=new_section.id,
                position=q.position,
                kind=q.kind,
                text=q.text,
                required=q.required,
                topics=list(q.topics or ()),
                measure=q.measure,
                data=dict(q.data or {}),
            )
            for q in _questions(session, section.id)
        )
    session.flush()
    return copy.id


def delete_template(session: Session, actor: CurrentUser | None, template_id: int) -> None:
    session.delete(_editable(session, actor, template_id))
    session.flush()


def _sections(session: Session, template_id: int) -> list[SurveySection]:
    return list(
        session.scalars(
            select(SurveySection)
            .where(SurveySection.template_id == template_id)
            .order_by(SurveySection.position, SurveySection.id)
        )
    )


def _questions(session: Session, section_id: int) -> list[SurveyQuestion]:
    return list(
        session.scalars(
            select(SurveyQuestion)
            .where(SurveyQuestion.section_id == section_id)
            .order_by(SurveyQuestion.position, SurveyQuestion.id)
        )
    )


def _renumber(rows) -> None:
    for position, row in enumerate(rows, 1):
        row.position = position


def _move(rows: list, row_id: int, step: int) -> None:
    index = next(i for i, row in enumerate(rows) if row.id == row_id)
    other = index + step
    if 0 <= other < len(rows):
        rows[index], rows[other] = rows[other], rows[index]
    _renumber(rows)


def save_section(
    session: Session,
    actor: CurrentUser | None,
    template_id: int,
    *,
    title: str,
    intro: str = "",
    section_id: int | None = None,
) -> int:
    """Add a section at the end, or (section_id given) change its title and intro."""
    _editable(session, actor, template_id)
    title = required_text(title, "Avsnittets titel")
    if section_id:
        section = _section_of(session, template_id, section_id)
        section.title, section.intro = title, (intro or "").strip()
    else:
        section = SurveySection(
            template_id=template_id,
            position=len(_sections(session, template_id)) + 1,
            title=title,
            intro=(intro or "").strip(),
        )
        session.add(section)
    session.flush()
    return section.id


def _section_of(session: Session, template_id: int, section_id: int) -> SurveySection:
    section = session.get(SurveySection, section_id)
    if section is None or section.template_id != template_id:
        raise ValidationError("Avsnittet finns inte i mallen.")
    return section


def _question_of(session: Session, template_id: int, question_id: int) -> SurveyQuestion:
    question = session.get(SurveyQuestion, question_id)
    if question is None:
        raise ValidationError("Frågan finns inte i mallen.")
    _section_of(session, template_id, question.section_id)
    return question


def delete_section(
    session: Session, actor: CurrentUser | None, template_id: int, section_id: int
) -> None:
    _editable(session, actor, template_id)
    session.delete(_section_of(session, template_id, section_id))
    session.flush()
    _renumber(_sections(session, template_id))
    session.flush()


def move_section(
    session: Session, actor: CurrentUser | None, template_id: int, section_id: int, step: int
) -> None:
    _editable(session, actor, template_id)
    _section_of(session, template_id, section_id)
    _move(_sections(session, template_id), section_id, 1 if step > 0 else -1)
    session.flush()


def save_question(
    session: Session,
    actor: CurrentUser | None,
    template_id: int,
    section_id: int,
    spec: dict[str, Any],
    *,
    question_id: int | None = None,
) -> int:
    """Add a question at the end of a section, or replace one (it may move to `section_id`).

    `spec` is what `templates.create_template` takes: kind, text, required, topics, measure,
    and the kind's settings (labels, options, min/max/unit); all of it is checked first.
    """
    _editable(session, actor, template_id)
    section = _section_of(session, template_id, section_id)
    built = build_question(spec, 0, "Frågan")
    if question_id:
        question = _question_of(session, template_id, question_id)
        if question.section_id != section.id:
            question.section_id = section.id
            question.position = len(_questions(session, section.id)) + 1
        for field in ("kind", "text", "required", "topics", "measure", "data"):
            setattr(question, field, getattr(built, field))
    else:
        built.section_id = section.id
        built.position = len(_questions(session, section.id)) + 1
        session.add(built)
        question = built
    session.flush()
    return question.id


def delete_question(
    session: Session, actor: CurrentUser | None, template_id: int, question_id: int
) -> None:
    _editable(session, actor, template_id)
    question = _question_of(session, template_id, question_id)
    section_id = question.section_id
    session.delete(question)
    session.flush()
    _renumber(_questions(session, section_id))
    session.flush()


def move_question(
    session: Session, actor: CurrentUser | None, template_id: int, question_id: int, step: int
) -> None:
    _editable(session, actor, template_id)
    question = _question_of(session, template_id, question_id)
    _move(_questions(session, question.section_id), question_id, 1 if step > 0 else -1)
    session.flush()


def has_questions(session: Session, template_id: int) -> bool:
    return bool(load_template(session, template_id).questions)


# ---- plain-text form of the settings the editor shows ---------------------------------------


def slug(text: str) -> str:
    """A stable answer value from an option's text: "Arga invånare" -> "arga-invanare"."""
    folded = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-") or "alternativ"


def parse_options(raw: str, existing: list[dict[str, Any]] = ()) -> list[dict[str, Any]]:
    """One option a line, "Text" or "Text | ämne, ämne"; an unchanged text keeps its value."""
    known = {o["label"]: o["value"] for o in existing}
    options = []
    for line in (raw or "").splitlines():
        label, _, topics = line.partition("|")
        label = label.strip()
        if label:
            options.append(
                {
                    "value": known.get(label) or slug(label),
                    "label": label,
                    "topics": [t.strip() for t in topics.split(",") if t.strip()],
                }
            )
    return options


def format_options(options) -> str:
    return "\n".join(o.label + (" | " + ", ".join(o.topics) if o.topics else "") for o in options)
