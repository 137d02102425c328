"""What the journey pages show: domain objects -> typed rows with Swedish labels and figures.

Pure functions; the rows are frozen dataclasses kept as state vars.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from academy.journeys.links import LinkRow
from academy.journeys.store import JourneySummary, VersionRow
from journeys.blueprint import render_journey
from journeys.formats import mermaid
from journeys.model import Journey, Step, slugify
from journeys.render import describe_journey, inline_svg, svg_id

# The glossary's words for the kinds of lane (a service blueprint's rows).
LANE_ROLE_SV = {
    "customer": "Medborgarens bana",
    "frontstage": "Främre led (synlig)",
    "backstage": "Bakre led (osynlig)",
    "support": "Stödprocess / System",
}
FLOW_KIND_LABELS = {
    "next": "Nästa",
    "handoff": "Överlämning",
    "alternative": "Alternativ",
    "rework": "Omtag",
}
EVIDENCE_LABELS = {"observed": "Observerat", "assumed": "Antaget", "proposed": "Föreslaget"}
KIND_LABELS = {"current": "Nuläge", "future": "Önskat läge"}


@dataclass(frozen=True)
class Option:
    value: str
    label: str


@dataclass(frozen=True)
class JourneyRow:
    id: int
    title: str
    href: str
    kind: str
    unit: str
    owner: str
    updated_at: str


@dataclass(frozen=True)
class StepRow:
    """A step as the table shows it and as the step form starts from (strings for inputs)."""

    id: str = ""
    row_id: str = ""
    text: str = ""
    stage: str = ""
    stage_name: str = ""
    lane: str = ""
    lane_name: str = ""
    channel: str = ""
    emotion: str = ""
    pain_points: str = ""
    pain_list: list[str] = field(default_factory=list)
    opportunities: str = ""
    volume_per_week: str = ""
    handling_minutes: str = ""
    first_contact_resolution: str = ""
    failure_demand: bool = False
    evidence: str = "assumed"
    is_start: bool = False
    is_end: bool = False
    participants: str = ""  # actors after the first (from Mermaid), comma-separated


@dataclass(frozen=True)
class FlowRow:
    key: str  # unique on the page: "source--target"
    source: str
    target: str
    source_text: str
    target_text: str
    kind: str
    share: str


@dataclass(frozen=True)
class ColumnRow:
    """A stage or lane in its ordered list."""

    id: str
    anchor: str  # "row-stage-<id>" / "row-lane-<id>", what the analysis links to
    name: str
    role: str  # the lane kind in Swedish; "" for a stage
    steps: int
    steps_text: str  # "3 steg"
    first: bool
    last: bool


@dataclass(frozen=True)
class Figure:
    label: str
    value: str
    explanation: str = ""


@dataclass(frozen=True)
class ProblemRow:
    message: str
    anchor: str


@dataclass(frozen=True)
class HistoryRow:
    version: int
    author: str
    created_at: str
    summary: str
    restore_changes: str = ""


@dataclass(frozen=True)
class LinkView:
    id: int
    step_id: str
    target: str
    pain_point: str
    href: str = ""  # the module's or scenario's page


@dataclass(frozen=True)
class CompareRow:
    label: str
    before: str
    after: str
    moved_by: str = ""


@dataclass(frozen=True)
class ActorLane:
    actor: str = ""
    lane: str = ""  # lane id
    field_id: str = ""


@dataclass(frozen=True)
class ImportPreview:
    title: str = ""
    stages: str = ""
    steps: int = 0
    flows: int = 0
    actors: list[str] = field(default_factory=list)  # how each actor was mapped, in words
    # An actor that names a lane and the lane its steps go to (the person may pick another).
    lane_actors: list[ActorLane] = field(default_factory=list)
    lanes: list[Option] = field(default_factory=list)  # every lane the text names


def percent(value: float | None) -> str:
    return "–" if value is None else f"{round(value * 100)} %"


def number(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def _plain(value: float | None) -> str:
    """A number for an input field ("" when unknown)."""
    return "" if value is None else f"{value:g}"


def options(pairs) -> list[Option]:
    return [Option(str(value), label) for value, label in pairs]


def journey_rows(summaries: list[JourneySummary]) -> list[JourneyRow]:
    return [
        JourneyRow(
            id=s.id,
            title=s.title,
            href=f"/kundresor/{s.id}",
            kind=s.kind_label,
            unit=s.unit or "–",
            owner=s.owner or "–",
            updated_at=s.updated_at,
        )
        for s in summaries
    ]


def svg_markup(journey: Journey, marks: dict[str, str] | None = None) -> str:
    """The diagram as inline SVG: graphviz output without its XML prolog and DOCTYPE.

    Every label went through the renderer's escaping, so the markup carries no user markup."""
    return inline_svg(render_journey(journey, "svg", marks=marks))


def step_row(journey: Journey, step: Step) -> StepRow:
    stages = {stage.id: stage.name for stage in journey.stages}
    lanes = {lane.id: lane.name for lane in journey.lanes}
    fcr = step.first_contact_resolution
    return StepRow(
        id=step.id,
        row_id="row-" + svg_id("step", step.id),
        text=step.text,
        stage=step.stage,
        stage_name=stages.get(step.stage, step.stage),
        lane=step.lane,
        lane_name=lanes.get(step.lane, step.lane),
        channel=step.channel or "",
        emotion=_plain(step.emotion),
        pain_points="\n".join(step.pain_points),
        pain_list=list(step.pain_points),
        opportunities="\n".join(step.opportunities),
        volume_per_week=_plain(step.volume_per_week),
        handling_minutes=_plain(step.handling_minutes),
        first_contact_resolution="" if fcr is None else f"{fcr * 100:g}",
        failure_demand=step.failure_demand,
        evidence=step.evidence or "assumed",
        is_start=step.is_start,
        is_end=step.is_end,
        participants=", ".join(step.actors[1:]),
    )


def step_rows(journey: Journey) -> list[StepRow]:
    return [step_row(journey, step) for step in journey.steps]


def flow_rows(journey: Journey) -> list[FlowRow]:
    texts = {step.id: step.text for step in journey.steps}
    return [
        FlowRow(
            key=f"{flow.source}--{flow.target}",
            source=flow.source,
            target=flow.target,
            source_text=texts.get(flow.source, flow.source),
            target_text=texts.get(flow.target, flow.target),
            kind=FLOW_KIND_LABELS.get(flow.kind, flow.kind),
            share=percent(flow.share) if flow.share is not None else "",
        )
        for flow in journey.flows
    ]


def column_rows(journey: Journey, what: str) -> list[ColumnRow]:
    attribute = "stage" if what == "stage" else "lane"
    items = journey.stages if what == "stage" else journey.lanes
    rows = []
    for index, item in enumerate(items):
        count = sum(1 for step in journey.steps if getattr(step, attribute) == item.id)
        rows.append(
            ColumnRow(
                id=item.id,
                anchor="row-" + svg_id(what, item.id),
                name=item.name,
                role=LANE_ROLE_SV.get(getattr(item, "role", ""), ""),
                steps=count,
                steps_text=f"{count} steg",
                first=index == 0,
                last=index == len(items) - 1,
            )
        )
    return rows


def key_figures(summary: dict) -> list[Figure]:
    access = summary["equal_access"]
    expected = summary["expected_contacts"]
    pairs = [
        ("Steg", str(summary["steps"])),
        ("Överlämningar på huvudvägen", str(summary["handoffs_main_path"])),
        ("Kanalbyten på huvudvägen", str(summary["channel_switches_main_path"])),
        ("Sviktande efterfrågan", percent(summary["failure_demand_share"])),
        ("Lösta i första kontakten", percent(summary["first_contact_resolution"])),
        (
            "Kontakter per avgjort ärende",
            "kan fastna" if summary["errands_can_get_stuck"] else number(expected),
        ),
        ("Omtagsslingor", str(len(summary["rework_loops"]))),
        ("Nås utan digitala kanaler", "Ja" if access["non_digital"] else "Nej"),
        ("Nås helt digitalt", "Ja" if access["digital"] else "Nej"),
        ("Steg med observerat underlag", percent(summary["observed_evidence_share"])),
    ]
    return [Figure(label, value, FIGURE_EXPLANATIONS.get(label, "")) for label, value in pairs]


# One sentence per figure, beside it in the editor; the computations are in docs/journeys.md.
FIGURE_EXPLANATIONS = {
    "Steg": "Alla steg i kundresan, i alla banor.",
    "Överlämningar på huvudvägen": (
        "Hur många gånger ärendet byter händer mellan två personalbanor på den mest sannolika "
        "vägen från start till slut."
    ),
    "Kanalbyten på huvudvägen": (
        "Hur många gånger medborgaren måste byta kanal, till exempel från webb till telefon, "
        "på den mest sannolika vägen."
    ),
    "Sviktande efterfrågan": (
        "Andelen av kontakterna (volym per vecka) som beror på att något inte blev rätt förra "
        "gången."
    ),
    "Lösta i första kontakten": (
        "Stegens andel lösta i första kontakten, vägd efter volym när alla steg har en volym."
    ),
    "Kontakter per avgjort ärende": (
        "Hur många kontakter ett ärende i genomsnitt kräver innan det är avgjort, med omtag "
        "inräknade; ”kan fastna” betyder en slinga som ärenden inte kommer ur."
    ),
    "Omtagsslingor": "Vägar i flödet som leder tillbaka till ett tidigare steg.",
    "Nås utan digitala kanaler": (
        "Om ett slut kan nås med bara telefon, besök och brev (service på lika villkor)."
    ),
    "Nås helt digitalt": "Om ett slut kan nås med bara digitala kanaler.",
    "Steg med observerat underlag": "Andelen steg som bygger på observationer, inte antaganden.",
}


def emotion_points(journey: Journey, summary: dict) -> list[dict]:
    """The emotion curve along the main path, as the chart's data points."""
    texts = {step.id: step.text for step in journey.steps}
    return [
        {"steg": texts.get(step_id, step_id), "känsla": emotion}
        for step_id, emotion in zip(summary["main_path"], summary["emotion_curve"], strict=False)
    ]


def problem_rows(summary: dict) -> list[ProblemRow]:
    return [
        ProblemRow(problem["message"], _anchor(problem["element_kind"], problem["element_id"]))
        for problem in summary["problems"]
    ]


def _anchor(kind: str, element_id: str) -> str:
    if kind == "step":
        return "#row-" + svg_id("step", element_id)
    if kind in ("stage", "lane"):
        return "#row-" + svg_id(kind, element_id)
    return "#flode"


def history_rows(versions: list[VersionRow]) -> list[HistoryRow]:
    return [
        HistoryRow(v.version, v.author or "–", v.created_at, v.summary or "–", v.restore_changes)
        for v in versions
    ]


def link_rows(links: list[LinkRow]) -> list[LinkView]:
    return [
        LinkView(link.id, link.step_id, link.target, link.pain_point, link.href) for link in links
    ]


def description(journey: Journey) -> str:
    return describe_journey(journey)


def download_name(title: str, version: int, extension: str) -> str:
    """E.g. "Ansöka om förskoleplats" v3 -> "ansoka-om-forskoleplats-v3.svg"."""
    return f"{slugify(title, 'kundresa')}-v{version}.{extension}"


def import_preview(journey: Journey, choice: dict[str, str] | None = None) -> ImportPreview:
    """What an import will create; `choice` ({actor: lane id}) moves an actor's steps to another
    of the lanes (mermaid.place_actors), and the preview says so."""
    lanes = [Option(lane.id, lane.name) for lane in journey.lanes]
    placed = mermaid.lane_actors(journey) | {
        actor: lane
        for actor, lane in (choice or {}).items()
        if actor in mermaid.lane_actors(journey) and any(o.value == lane for o in lanes)
    }
    mermaid.place_actors(journey, placed)
    return ImportPreview(
        title=journey.title or "(utan titel)",
        stages=", ".join(stage.name for stage in journey.stages) or "–",
        steps=len(journey.steps),
        flows=len(journey.flows),
        actors=actor_mapping(journey),
        lane_actors=[
            ActorLane(actor, lane, f"import-lane-{index}")
            for index, (actor, lane) in enumerate(placed.items())
        ],
        lanes=lanes if len(lanes) > 1 else [],
    )


def actor_mapping(journey: Journey) -> list[str]:
    """How an imported journey's actors were used: an actor that comes first in a task names
    that task's lane; one that only comes later is a participant in those steps."""
    lanes = journey.lanes_by_id()
    first: dict[str, str] = {}
    later: dict[str, list[str]] = {}
    for step in journey.steps:
        for position, actor in enumerate(step.actors):
            if position == 0:
                first.setdefault(actor, lanes[step.lane].name if step.lane in lanes else actor)
            else:
                later.setdefault(actor, []).append(step.text)
    lines = []
    for actor in dict.fromkeys([*first, *later]):
        parts = []
        if actor in first:
            parts.append(f"banan ”{first[actor]}”")
        if actor in later:
            steps = ", ".join(f"”{text}”" for text in later[actor])
            parts.append(f"deltagare i {steps}")
        lines.append(f"{actor} → " + " och ".join(parts))
    return lines


COMPARED_LABELS = {
    "steps": ("Steg", str),
    "handoffs_main_path": ("Överlämningar på huvudvägen", str),
    "channel_switches_main_path": ("Kanalbyten på huvudvägen", str),
    "failure_demand_share": ("Sviktande efterfrågan", percent),
    "expected_contacts": ("Kontakter per avgjort ärende", number),
    "first_contact_resolution": ("Lösta i första kontakten", percent),
}


CHANGE_WORDS = {"added": "nytt", "removed": "borttaget", "changed": "ändrat"}


def comparison_marks(result: dict) -> dict[str, str]:
    """Step id -> "added" / "removed" / "changed", for the diagrams."""
    marks = {step_id: "changed" for step_id in result["steps_changed"]}
    marks.update({step_id: "added" for step_id in result["steps_added"]})
    marks.update({step_id: "removed" for step_id in result["steps_removed"]})
    return marks


def comparison_rows(
    result: dict, current: Journey | None = None, future: Journey | None = None
) -> list[CompareRow]:
    """One row per figure; a figure that changed says which steps moved it, by their text."""
    names = step_texts(current, future) if current and future else {}
    marks = comparison_marks(result)
    rows = []
    for name, (label, show) in COMPARED_LABELS.items():
        before, after = result["before"][name], result["after"][name]
        movers = result.get("movers", {}).get(name, [])
        if before == after:
            moved_by = "Oförändrat."
        elif movers:
            moved_by = "Ändrat av: " + ", ".join(
                f"{names.get(step_id, step_id)} ({CHANGE_WORDS[marks[step_id]]})"
                for step_id in movers
            )
        else:
            moved_by = "Ändrat av flera steg tillsammans (inget steg ensamt)."
        rows.append(CompareRow(label, show(before), show(after), moved_by))
    return rows


def step_texts(*journeys: Journey) -> dict[str, str]:
    """Step id -> the step's text (later journeys win); ids only where a step has no text."""
    return {step.id: step.text or step.id for journey in journeys for step in journey.steps}


def step_names(ids: list[str], texts: dict[str, str] | None = None) -> str:
    names = [(texts or {}).get(step_id, step_id) for step_id in ids]
    return ", ".join(f"”{name}”" for name in names) or "inga"
