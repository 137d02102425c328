"""The inventory forms as typed arguments for the services (pure: no database, no Reflex).

A field's own mistake raises `ValidationError(..., field=name)`, so the page shows the message
beside that field; everything else (titles, ranges, access) the services check.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from academy.core.errors import ValidationError
from academy.inventory.template_editing import parse_options

Form = dict[str, Any]


def _text(form: Form, name: str) -> str:
    return str(form.get(name, "") or "").strip()


def date_field(form: Form, name: str, label: str) -> date:
    """A date from a date input (ÅÅÅÅ-MM-DD)."""
    raw = _text(form, name)
    try:
        return date.fromisoformat(raw)
    except ValueError as exc:
        message = f"Ange {label} som ÅÅÅÅ-MM-DD." if raw else f"Ange {label}."
        raise ValidationError(message, field=name) from exc


def chosen_id(form: Form, name: str, message: str) -> int:
    """The id chosen in a select; `message` ("Välj en mall.") when nothing is chosen."""
    raw = _text(form, name)
    if not raw.isdigit() or int(raw) <= 0:
        raise ValidationError(message, field=name)
    return int(raw)


def number_field(form: Form, name: str, label: str) -> int | float:
    """A number typed with a decimal comma or point; whole numbers come back as int."""
    text = _text(form, name).replace(",", ".").replace(" ", "")
    try:
        value = float(text)
    except ValueError as exc:
        raise ValidationError(f"Ange {label} som ett tal.", field=name) from exc
    return int(value) if value.is_integer() else value


# ---- /inventering ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Campaign:
    title: str
    template_id: int
    unit_id: int
    opens_on: date
    closes_on: date
    user_ids: tuple[int, ...]
    few_recipients_ok: bool = False  # "Skicka ändå", after the warning about too few


def campaign(form: Form, people: Iterable[int]) -> Campaign:
    """ "Starta en enkät": the recipients are the ticked `person-<id>` boxes among `people`."""
    return Campaign(
        few_recipients_ok=bool(form.get("few_recipients_ok")),
        title=_text(form, "title"),
        template_id=chosen_id(form, "template_id", "Välj en mall."),
        unit_id=chosen_id(form, "unit_id", "Välj en enhet."),
        opens_on=date_field(form, "opens_on", "första svarsdag"),
        closes_on=date_field(form, "closes_on", "sista svarsdag"),
        user_ids=tuple(p for p in people if form.get(f"person-{p}")),
    )


@dataclass(frozen=True)
class NewTemplate:
    title: str
    source_id: int | None  # None: a blank template
    description: str


def new_template(form: Form) -> NewTemplate:
    source = _text(form, "source")
    return NewTemplate(
        title=_text(form, "template_title"),
        source_id=int(source) if source.isdigit() else None,
        description=_text(form, "description"),
    )


# ---- /inventering/[campaign_id] --------------------------------------------------------------


@dataclass(frozen=True)
class Cohort:
    course_id: int
    name: str
    starts_on: date
    ends_on: date
    required_module_ids: tuple[int, ...] = ()


def cohort(form: Form, modules: Iterable[int] = ()) -> Cohort:
    """ "Skapa skräddarsydd kursomgång": the required modules are the ticked `module-<id>`
    boxes among `modules` (those of the chosen course)."""
    return Cohort(
        course_id=chosen_id(form, "course_id", "Välj en kurs."),
        name=_text(form, "name"),
        starts_on=date_field(form, "starts_on", "startdatum"),
        ends_on=date_field(form, "ends_on", "slutdatum"),
        required_module_ids=tuple(m for m in modules if form.get(f"module-{m}")),
    )


def breakdown(raw: str) -> tuple[int, str] | None:
    """ "12:could" -> (12, "could"): show only those who gave that answer; "" -> everyone."""
    question, _, value = (raw or "").partition(":")
    return (int(question), value) if question.isdigit() and value else None


# ---- /inventering/[campaign_id]/svara --------------------------------------------------------


def answers(form: Form, questions: Sequence[Any]) -> dict[str, Any]:
    """The answer form as raw answers by question id (the service checks them).

    `questions` are the page's `QuestionField`s: a multiple-choice question has one checkbox
    per option (`q-<id>-<value>`), every other question one field `q-<id>`."""
    raw: dict[str, Any] = {}
    for q in questions:
        if q.kind == "multiple_choice":
            raw[str(q.id)] = [o.value for o in q.options if form.get(o.name)]
        else:
            raw[str(q.id)] = form.get(q.key, "")
    return raw


# ---- /inventering/mallar/[template_id] -------------------------------------------------------


def section_id(form: Form) -> int:
    return chosen_id(form, "section_id", "Välj vilket avsnitt frågan hör till.")


def question_spec(form: Form, existing_options: Sequence[dict[str, Any]] = ()) -> dict[str, Any]:
    """The question form as a spec for `template_editing.save_question`; only the chosen kind's
    settings are read. An option whose text is unchanged keeps its stored value."""
    kind = _text(form, "kind")
    spec: dict[str, Any] = {
        "kind": kind,
        "text": form.get("text", ""),
        "required": bool(form.get("required")),
        "topics": [t.strip() for t in str(form.get("topics", "")).split(",") if t.strip()],
        "measure": _text(form, "measure"),
    }
    if kind == "likert":
        spec["labels"] = [form.get(f"label-{i}", "") for i in range(1, 6)]
    elif kind in ("single_choice", "multiple_choice"):
        spec["options"] = parse_options(str(form.get("options", "")), list(existing_options))
    elif kind == "number":
        spec["min"] = number_field(form, "min", "lägsta tal")
        spec["max"] = number_field(form, "max", "högsta tal")
        spec["unit"] = form.get("unit", "")
    return spec
