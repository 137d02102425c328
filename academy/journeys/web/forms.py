"""The journey pages' forms: form dict -> typed values, with each field's own Swedish error.

Pure functions; a refusal is `ValidationError(message, field=<the form field's name>)`, shown
beside that field. Rules that need the journey (does the stage exist?) live in
academy.journeys.editing.
"""

from __future__ import annotations

from dataclasses import dataclass

from academy.core.errors import ValidationError
from academy.core.uploads import check_text
from academy.journeys.editing import MAX_TEXT, FlowValues, StepValues
from journeys.errors import JourneyFormatError
from journeys.formats import json_format, mermaid
from journeys.model import EMOTION_MAX, EMOTION_MIN, Journey

KIND_OPTIONS = [("current", "Nuläge"), ("future", "Önskat läge")]


@dataclass(frozen=True)
class NewJourney:
    title: str
    kind: str
    template: str  # "" = an empty journey


@dataclass(frozen=True)
class Metadata:
    title: str
    persona: str
    goal: str
    kind: str
    unit_id: int | None
    shared: bool
    current_journey_id: int | None


@dataclass(frozen=True)
class Column:
    what: str  # "stage" or "lane"
    item_id: str  # "" for a new one
    name: str
    role: str


def _str(form: dict, name: str) -> str:
    value = form.get(name, "")
    return value.strip() if isinstance(value, str) else ""


def _checked(form: dict, name: str) -> bool:
    return bool(form.get(name))


def optional_id(raw: object) -> int | None:
    """A chosen id from a select ("" = none)."""
    text = str(raw or "").strip()
    return int(text) if text.isdigit() and int(text) > 0 else None


def number(
    raw: str | None, label: str, field: str, low: float, high: float | None = None
) -> float | None:
    """A decimal number ("12,5" or "12.5"), or None when empty; refused outside low..high."""
    text = (raw or "").strip().replace(",", ".").replace(" ", "").replace("\u2212", "-")
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise ValidationError(f"{label} måste vara ett tal.", field=field) from None
    if value != value or value < low or (high is not None and value > high):
        span = f"mellan {low:g} och {high:g}" if high is not None else f"minst {low:g}"
        raise ValidationError(f"{label} måste vara {span}.", field=field)
    return value


def _lines(raw: str | None, label: str, field: str) -> list[str]:
    lines = [line.strip() for line in (raw or "").splitlines() if line.strip()]
    for line in lines:
        if len(line) > MAX_TEXT:
            raise ValidationError(f"{label} får vara högst {MAX_TEXT} tecken.", field=field)
    return lines


def new_journey(form: dict) -> NewJourney:
    template, title = _str(form, "template"), _str(form, "title")
    kind = _str(form, "kind") or "current"
    if kind not in dict(KIND_OPTIONS):
        raise ValidationError("Välj Nuläge eller Önskat läge.", field="kind")
    if not template and not title:
        raise ValidationError(
            "Skriv en titel, eller välj ett exempel att utgå från.", field="title"
        )
    return NewJourney(title=title, kind=kind, template=template)


def metadata(form: dict) -> Metadata:
    current = form.get("current_journey_id", "")
    if str(current or "").strip() and optional_id(current) is None:
        raise ValidationError("Välj ett nuläge i listan.", field="current_journey_id")
    return Metadata(
        title=_str(form, "title"),
        persona=_str(form, "persona"),
        goal=_str(form, "goal"),
        kind=_str(form, "kind") or "current",
        unit_id=optional_id(form.get("unit_id")),
        shared=_checked(form, "shared"),
        current_journey_id=optional_id(current),
    )


def step(form: dict) -> StepValues:
    fcr = number(
        form.get("first_contact_resolution"),
        "Lösta i första kontakten (%)",
        "first_contact_resolution",
        0,
        100,
    )
    return StepValues(
        text=_str(form, "text"),
        stage=_str(form, "stage"),
        lane=_str(form, "lane"),
        channel=_str(form, "channel") or None,
        emotion=number(form.get("emotion"), "Känsla", "emotion", EMOTION_MIN, EMOTION_MAX),
        pain_points=_lines(form.get("pain_points"), "Smärtpunkt", "pain_points"),
        opportunities=_lines(form.get("opportunities"), "Möjlighet", "opportunities"),
        volume_per_week=number(
            form.get("volume_per_week"), "Volym per vecka", "volume_per_week", 0
        ),
        handling_minutes=number(
            form.get("handling_minutes"), "Handläggningstid (minuter)", "handling_minutes", 0
        ),
        first_contact_resolution=None if fcr is None else fcr / 100,
        failure_demand=_checked(form, "failure_demand"),
        evidence=_str(form, "evidence") or "assumed",
        is_start=_checked(form, "is_start"),
        is_end=_checked(form, "is_end"),
    )


# The step form's fields (steps_page._step_fields), by the name the form sends each under, which
# is also the saved step's field in its row (view.StepRow).
STEP_FORM_FIELDS = (
    "text",
    "stage",
    "lane",
    "channel",
    "emotion",
    "pain_points",
    "opportunities",
    "volume_per_week",
    "handling_minutes",
    "first_contact_resolution",
    "evidence",
)
STEP_FORM_CHECKBOXES = ("failure_demand", "is_start", "is_end")


def step_form_shows(row: object, form: dict) -> bool:
    """Whether the step form that sent `form` already shows the step as it was saved (`row`, a
    view.StepRow): nothing was normalised on the way (a space trimmed, a number rewritten, an
    empty line dropped). The editor then keeps the form as it is, with the focus where it was,
    instead of making it again from the saved step."""

    def sent(name: str) -> str | None:
        value = form.get(name, "")
        return value.replace("\r\n", "\n") if isinstance(value, str) else None

    return all(sent(name) == getattr(row, name) for name in STEP_FORM_FIELDS) and all(
        _checked(form, name) == getattr(row, name) for name in STEP_FORM_CHECKBOXES
    )


def flow(form: dict) -> FlowValues:
    return FlowValues(
        source=_str(form, "source"),
        target=_str(form, "target"),
        kind=_str(form, "kind") or "next",
        share=number(form.get("share"), "Andel", "share", 0, 1),
    )


def column(form: dict) -> Column:
    what = _str(form, "what")
    if what not in ("stage", "lane"):
        raise ValidationError("Formuläret är ofullständigt. Ladda om sidan.")
    return Column(
        what=what,
        item_id=_str(form, "id"),
        name=_str(form, "name"),
        role=_str(form, "role") or "backstage",
    )


def import_text(text: str) -> Journey:
    """Pasted or uploaded text: JSON when it looks like JSON, otherwise a Mermaid journey.

    A format error becomes a ValidationError naming the line and column."""
    check_text(text or "")
    stripped = (text or "").lstrip()
    if not stripped:
        raise ValidationError("Klistra in en Mermaid-kundresa eller JSON, eller välj en fil.")
    try:
        if stripped.startswith("{"):
            return json_format.loads(text)
        return mermaid.parse_mermaid(text)
    except JourneyFormatError as exc:
        raise ValidationError(format_error(exc)) from exc


def format_error(error: JourneyFormatError) -> str:
    where = []
    if error.line is not None:
        where.append(f"rad {error.line}")
    if error.column is not None:
        where.append(f"kolumn {error.column}")
    prefix = f"Fel på {', '.join(where)}: " if where else "Fel: "
    return f"{prefix}{error.message}. Inget har skapats."
