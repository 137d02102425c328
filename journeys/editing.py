"""Edits the journey editor makes: plain functions on a `Journey`, with Swedish messages.

Each function changes the journey in place or raises ValidationError and leaves it as it was.
The editor then saves the whole journey as a new version (journeys.store).
"""

from __future__ import annotations

from academy.core.errors import ValidationError
from journeys.model import (
    CHANNELS,
    EMOTION_MAX,
    EMOTION_MIN,
    EVIDENCE_LEVELS,
    FLOW_KINDS,
    LANE_ROLES,
    Flow,
    Journey,
    Lane,
    Stage,
    Step,
    slugify,
)

MAX_TEXT = 500


def _unique_id(text: str, taken: set[str], fallback: str) -> str:
    base = slugify(text, fallback)[:50]
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def _text(raw: str | None, field: str, *, required: bool = True) -> str:
    text = (raw or "").strip()
    if required and not text:
        raise ValidationError(f"{field} måste fyllas i.")
    if len(text) > MAX_TEXT:
        raise ValidationError(f"{field} får vara högst {MAX_TEXT} tecken.")
    return text


def _number(raw: str | None, field: str, low: float, high: float | None = None) -> float | None:
    text = (raw or "").strip().replace(",", ".").replace(" ", "")
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise ValidationError(f"{field} måste vara ett tal.") from None
    if value != value or value < low or (high is not None and value > high):
        span = f"mellan {low:g} och {high:g}" if high is not None else f"minst {low:g}"
        raise ValidationError(f"{field} måste vara {span}.")
    return value


def _lines(raw: str | None, field: str) -> list[str]:
    return [_text(line, field) for line in (raw or "").splitlines() if line.strip()]


# ---- metadata ---------------------------------------------------------------------------------


def set_metadata(journey: Journey, form: dict) -> None:
    kind = form.get("kind", journey.kind)
    if kind not in ("current", "future"):
        raise ValidationError("Välj Nuläge eller Önskat läge.")
    title = _text(form.get("title"), "Titel")
    persona = _text(form.get("persona"), "Persona", required=False)
    goal = _text(form.get("goal"), "Mål", required=False)
    journey.title, journey.persona, journey.goal, journey.kind = title, persona, goal, kind


# ---- stages and lanes -------------------------------------------------------------------------


def _columns(journey: Journey, what: str) -> list[Stage] | list[Lane]:
    return journey.stages if what == "stage" else journey.lanes


def add_column(journey: Journey, what: str, name: str, role: str = "backstage") -> str:
    """Add a stage (what="stage") or a lane (what="lane") at the end; returns its id."""
    name = _text(name, "Namn")
    items = _columns(journey, what)
    if any(item.name.lower() == name.lower() for item in items):
        raise ValidationError(f"Det finns redan en {_noun(what)} som heter ”{name}”.")
    new_id = _unique_id(name, {item.id for item in items}, what)
    if what == "stage":
        items.append(Stage(new_id, name))
    else:
        if role not in LANE_ROLES:
            raise ValidationError(
                "Välj vem banan visar: medborgare, frontstage, backstage eller stöd."
            )
        items.append(Lane(new_id, name, role))
    return new_id


def _noun(what: str) -> str:
    return "fas" if what == "stage" else "bana"


def _find(items: list, item_id: str, what: str):
    for index, item in enumerate(items):
        if item.id == item_id:
            return index, item
    raise ValidationError(f"{_noun(what).capitalize()}en finns inte längre.")


def rename_column(journey: Journey, what: str, item_id: str, name: str) -> None:
    name = _text(name, "Namn")
    items = _columns(journey, what)
    _, item = _find(items, item_id, what)
    if any(other.id != item_id and other.name.lower() == name.lower() for other in items):
        raise ValidationError(f"Det finns redan en {_noun(what)} som heter ”{name}”.")
    item.name = name


def move_column(journey: Journey, what: str, item_id: str, offset: int) -> None:
    items = _columns(journey, what)
    index, item = _find(items, item_id, what)
    target = index + offset
    if 0 <= target < len(items):
        items.insert(target, items.pop(index))


def delete_column(journey: Journey, what: str, item_id: str, move_steps_to: str = "") -> None:
    """Delete a stage or lane. Its steps move to `move_steps_to`, or are deleted when it is ""."""
    items = _columns(journey, what)
    index, _ = _find(items, item_id, what)
    attribute = "stage" if what == "stage" else "lane"
    affected = [step for step in journey.steps if getattr(step, attribute) == item_id]
    if move_steps_to:
        if move_steps_to == item_id:
            raise ValidationError(f"Välj en annan {_noun(what)} att flytta stegen till.")
        _find(items, move_steps_to, what)
        for step in affected:
            setattr(step, attribute, move_steps_to)
    else:
        for step in affected:
            delete_step(journey, step.id)
    items.pop(index)


# ---- steps ------------------------------------------------------------------------------------


def save_step(journey: Journey, step_id: str, form: dict) -> str:
    """Create (step_id="") or update a step from the editor's form; returns the step's id."""
    stage, lane = form.get("stage", ""), form.get("lane", "")
    if stage not in {s.id for s in journey.stages}:
        raise ValidationError("Välj en fas för steget.")
    if lane not in {lane.id for lane in journey.lanes}:
        raise ValidationError("Välj en bana för steget.")
    channel = form.get("channel") or None
    if channel is not None and channel not in CHANNELS:
        raise ValidationError("Välj en kanal i listan.")
    evidence = form.get("evidence") or "assumed"
    if evidence not in EVIDENCE_LEVELS:
        raise ValidationError("Välj underlag: observerat, antaget eller föreslaget.")
    fcr = _number(form.get("first_contact_resolution"), "Lösta i första kontakten (%)", 0, 100)
    values = dict(
        text=_text(form.get("text"), "Text"),
        stage=stage,
        lane=lane,
        channel=channel,
        emotion=_number(form.get("emotion"), "Känsla", EMOTION_MIN, EMOTION_MAX),
        pain_points=_lines(form.get("pain_points"), "Smärtpunkt"),
        opportunities=_lines(form.get("opportunities"), "Möjlighet"),
        volume_per_week=_number(form.get("volume_per_week"), "Volym per vecka", 0),
        handling_minutes=_number(form.get("handling_minutes"), "Handläggningstid (minuter)", 0),
        first_contact_resolution=None if fcr is None else fcr / 100,
        failure_demand=bool(form.get("failure_demand")),
        evidence=evidence,
        is_start=bool(form.get("is_start")),
        is_end=bool(form.get("is_end")),
    )
    if step_id:
        _, step = _find(journey.steps, step_id, "step")
        for name, value in values.items():
            setattr(step, name, value)
        return step_id
    new_id = _unique_id(values["text"], {s.id for s in journey.steps}, "steg")
    journey.steps.append(Step(id=new_id, **values))
    return new_id


def delete_step(journey: Journey, step_id: str) -> None:
    index, _ = _find(journey.steps, step_id, "step")
    journey.steps.pop(index)
    journey.flows = [f for f in journey.flows if step_id not in (f.source, f.target)]


# ---- flows ------------------------------------------------------------------------------------


def add_flow(journey: Journey, form: dict) -> None:
    source, target = form.get("source", ""), form.get("target", "")
    ids = {step.id for step in journey.steps}
    if source not in ids or target not in ids:
        raise ValidationError("Välj både från-steg och till-steg.")
    if source == target:
        raise ValidationError("Ett flöde måste gå till ett annat steg.")
    if any(f.source == source and f.target == target for f in journey.flows):
        raise ValidationError("Det finns redan ett flöde mellan de stegen.")
    kind = form.get("kind") or "next"
    if kind not in FLOW_KINDS:
        raise ValidationError("Välj typ av flöde.")
    share = _number(form.get("share"), "Andel", 0, 1)
    journey.flows.append(Flow(source, target, kind, share))


def delete_flow(journey: Journey, source: str, target: str) -> None:
    before = len(journey.flows)
    journey.flows = [f for f in journey.flows if (f.source, f.target) != (source, target)]
    if len(journey.flows) == before:
        raise ValidationError("Flödet finns inte längre.")
