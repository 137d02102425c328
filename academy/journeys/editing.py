"""Edits the journey editor makes: plain functions on a `Journey`, with Swedish messages.

Each function changes the journey in place or raises ValidationError and leaves it as it was.
Form input arrives already parsed (academy.journeys.web.forms builds `StepValues` and
`FlowValues`); what is checked here needs the journey itself (does the stage exist, is the name
taken). The editor then saves the whole journey as a new version (academy.journeys.store).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from academy.core.errors import ValidationError
from journeys.model import (
    CHANNELS,
    EMOTION_MAX,
    EMOTION_MIN,
    EVIDENCE_LEVELS,
    FLOW_KINDS,
    LANE_ROLES,
    MAX_STEPS,
    Flow,
    Journey,
    Lane,
    Stage,
    Step,
    slugify,
    too_many_steps,
)

# The limits of a journey's texts, the same however the journey arrives (editor, JSON or Twee
# import, restore): `check_limits` is called by the store before every save.
MAX_TEXT = 500
MAX_TITLE = 200
MAX_DESCRIPTION = 5000
MAX_ID = 100
MAX_ITEMS = 1000  # stages or lanes in one journey; lines in a step's lists
MAX_FLOWS = 2 * MAX_STEPS  # steps are capped by the engine's MAX_STEPS (1,500)
KINDS = ("current", "future")
LANE_ROLE_CHOICE = (
    "Välj vilken sorts bana det är: Medborgarens bana, Främre led (synlig), "
    "Bakre led (osynlig) eller Stödprocess / System."
)


@dataclass(frozen=True)
class StepValues:
    """A step's content as the editor's form gives it (numbers parsed, lines split)."""

    text: str
    stage: str
    lane: str
    channel: str | None = None
    emotion: float | None = None
    pain_points: list[str] = field(default_factory=list)
    opportunities: list[str] = field(default_factory=list)
    volume_per_week: float | None = None
    handling_minutes: float | None = None
    first_contact_resolution: float | None = None  # a share, 0..1
    failure_demand: bool = False
    evidence: str = "assumed"
    is_start: bool = False
    is_end: bool = False


@dataclass(frozen=True)
class FlowValues:
    source: str
    target: str
    kind: str = "next"
    share: float | None = None


def _unique_id(text: str, taken: set[str], fallback: str) -> str:
    base = slugify(text, fallback)[:50]
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def _text(
    raw: str | None,
    label: str,
    *,
    required: bool = True,
    field: str | None = None,
    maximum: int = MAX_TEXT,
) -> str:
    text = (raw or "").strip()
    if required and not text:
        raise ValidationError(f"{label} måste fyllas i.", field=field)
    if len(text) > maximum:
        raise ValidationError(f"{label} får vara högst {maximum} tecken.", field=field)
    return text


def check_limits(journey: Journey) -> None:
    """Refuse a journey whose texts or lists exceed what the editor allows, naming the place."""

    def limit(text: str | None, label: str, maximum: int = MAX_TEXT) -> None:
        if text is not None and len(text) > maximum:
            raise ValidationError(f"{label} får vara högst {maximum} tecken ({len(text)} nu).")

    def count(items: list, label: str, maximum: int = MAX_ITEMS) -> None:
        if len(items) > maximum:
            raise ValidationError(f"En kundresa får ha högst {maximum} {label}.")

    limit(journey.title, "Titeln", MAX_TITLE)
    limit(journey.persona, "Persona")
    limit(journey.goal, "Mål")
    limit(journey.description, "Beskrivningen", MAX_DESCRIPTION)
    if len(journey.steps) > MAX_STEPS:
        raise ValidationError(too_many_steps(len(journey.steps)) + ". Inget har sparats.")
    count(journey.stages, "faser")
    count(journey.lanes, "banor")
    count(journey.flows, "flöden", MAX_FLOWS)
    for column in [*journey.stages, *journey.lanes]:
        limit(column.id, "En fas eller banas id", MAX_ID)
        limit(column.name, f"Namnet ”{column.name[:40]}…”")
    for step in journey.steps:
        where = f"steget ”{step.text[:40]}”"
        limit(step.id, f"Id för {where}", MAX_ID)
        limit(step.text, f"Texten i {where}")
        for items, label in [
            (step.pain_points, "smärtpunkter"),
            (step.opportunities, "möjligheter"),
            (step.actors, "aktörer"),
        ]:
            count(items, label)
            for item in items:
                limit(item, f"En av {label} i {where}")
    for flow in journey.flows:
        limit(flow.source, "Ett flödes start", MAX_ID)
        limit(flow.target, "Ett flödes mål", MAX_ID)


# ---- metadata ---------------------------------------------------------------------------------


def set_metadata(journey: Journey, title: str, persona: str, goal: str, kind: str) -> None:
    if kind not in KINDS:
        raise ValidationError("Välj Nuläge eller Önskat läge.", field="kind")
    title = _text(title, "Titel", field="title", maximum=MAX_TITLE)
    persona = _text(persona, "Persona", required=False, field="persona")
    goal = _text(goal, "Mål", required=False, field="goal")
    journey.title, journey.persona, journey.goal, journey.kind = title, persona, goal, kind


# ---- stages and lanes -------------------------------------------------------------------------


def _columns(journey: Journey, what: str) -> list[Stage] | list[Lane]:
    return journey.stages if what == "stage" else journey.lanes


def add_column(journey: Journey, what: str, name: str, role: str = "backstage") -> str:
    """Add a stage (what="stage") or a lane (what="lane") at the end; returns its id."""
    name = _text(name, "Namn", field="name")
    items = _columns(journey, what)
    if any(item.name.lower() == name.lower() for item in items):
        raise ValidationError(f"Det finns redan en {_noun(what)} som heter ”{name}”.", field="name")
    new_id = _unique_id(name, {item.id for item in items}, what)
    if what == "stage":
        items.append(Stage(new_id, name))
    else:
        if role not in LANE_ROLES:
            raise ValidationError(LANE_ROLE_CHOICE, field="role")
        items.append(Lane(new_id, name, role))
    return new_id


def _noun(what: str) -> str:
    return "fas" if what == "stage" else "bana"


def _find(items: list, item_id: str, what: str):
    for index, item in enumerate(items):
        if item.id == item_id:
            return index, item
    gone = {"stage": "Fasen", "lane": "Banan", "step": "Steget"}.get(what, "Den")
    raise ValidationError(f"{gone} finns inte längre. Ladda om sidan.")


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


def save_step(journey: Journey, step_id: str, values: StepValues) -> str:
    """Create (step_id="") or update a step; returns the step's id."""
    if values.stage not in {s.id for s in journey.stages}:
        raise ValidationError("Välj en fas för steget.", field="stage")
    if values.lane not in {lane.id for lane in journey.lanes}:
        raise ValidationError("Välj en bana för steget.", field="lane")
    if values.channel is not None and values.channel not in CHANNELS:
        raise ValidationError("Välj en kanal i listan.", field="channel")
    if values.evidence not in EVIDENCE_LEVELS:
        raise ValidationError(
            "Välj underlag: observerat, antaget eller föreslaget.", field="evidence"
        )
    if values.emotion is not None and not EMOTION_MIN <= values.emotion <= EMOTION_MAX:
        raise ValidationError(
            f"Känsla måste vara mellan {EMOTION_MIN:g} och {EMOTION_MAX:g}.", field="emotion"
        )
    text = _text(values.text, "Text", field="text")
    content = dict(
        text=text,
        stage=values.stage,
        lane=values.lane,
        channel=values.channel,
        emotion=values.emotion,
        pain_points=[_text(p, "Smärtpunkt", field="pain_points") for p in values.pain_points],
        opportunities=[_text(o, "Möjlighet", field="opportunities") for o in values.opportunities],
        volume_per_week=values.volume_per_week,
        handling_minutes=values.handling_minutes,
        first_contact_resolution=values.first_contact_resolution,
        failure_demand=values.failure_demand,
        evidence=values.evidence,
        is_start=values.is_start,
        is_end=values.is_end,
    )
    if step_id:
        _, step = _find(journey.steps, step_id, "step")
        for name, value in content.items():
            setattr(step, name, value)
        return step_id
    new_id = _unique_id(text, {s.id for s in journey.steps}, "steg")
    journey.steps.append(Step(id=new_id, **content))
    return new_id


def delete_step(journey: Journey, step_id: str) -> None:
    index, _ = _find(journey.steps, step_id, "step")
    journey.steps.pop(index)
    journey.flows = [f for f in journey.flows if step_id not in (f.source, f.target)]


# ---- flows ------------------------------------------------------------------------------------


def add_flow(journey: Journey, values: FlowValues) -> None:
    ids = {step.id for step in journey.steps}
    if values.source not in ids:
        raise ValidationError("Välj både från-steg och till-steg.", field="source")
    if values.target not in ids:
        raise ValidationError("Välj både från-steg och till-steg.", field="target")
    if values.source == values.target:
        raise ValidationError("Ett flöde måste gå till ett annat steg.", field="target")
    if any(f.source == values.source and f.target == values.target for f in journey.flows):
        raise ValidationError("Det finns redan ett flöde mellan de stegen.", field="target")
    if values.kind not in FLOW_KINDS:
        raise ValidationError("Välj typ av flöde.", field="kind")
    if values.share is not None and not 0 <= values.share <= 1:
        raise ValidationError("Andel måste vara mellan 0 och 1.", field="share")
    journey.flows.append(Flow(values.source, values.target, values.kind, values.share))


def delete_flow(journey: Journey, source: str, target: str) -> None:
    before = len(journey.flows)
    journey.flows = [f for f in journey.flows if (f.source, f.target) != (source, target)]
    if len(journey.flows) == before:
        raise ValidationError("Flödet finns inte längre.")


def restore_changes(current: Journey, old: Journey) -> str:
    """What restoring `old` would change in `current`, in words (for the confirmation)."""

    def names(ids: list[str], journey: Journey) -> str:
        steps = journey.steps_by_id()
        return ", ".join(f"”{steps[i].text or i}”" for i in ids)

    now, then = current.steps_by_id(), old.steps_by_id()
    back = [i for i in then if i not in now]
    gone = [i for i in now if i not in then]
    changed = [i for i in then if i in now and then[i] != now[i]]
    parts = []
    if back:
        parts.append(f"Steg som kommer tillbaka: {names(back, old)}.")
    if gone:
        parts.append(f"Steg som tas bort: {names(gone, current)}.")
    if changed:
        parts.append(f"Steg som ändras: {names(changed, old)}.")
    if len(current.flows) != len(old.flows) or current.flows != old.flows:
        parts.append(f"Flöden: {len(current.flows)} nu, {len(old.flows)} efter.")
    if [s.name for s in current.stages] != [s.name for s in old.stages]:
        parts.append("Faserna ändras.")
    if [ln.name for ln in current.lanes] != [ln.name for ln in old.lanes]:
        parts.append("Banorna ändras.")
    if current.title != old.title:
        parts.append(f"Titeln blir ”{old.title}”.")
    return " ".join(parts) or "Samma innehåll som nu."
