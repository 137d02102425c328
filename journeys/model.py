"""Journey model: dataclasses, conversion to and from networkx, and validation.

A journey is a service blueprint: ordered stages (columns), lanes (rows, who acts), steps
(touchpoints) and flows between steps. The model is plain data; analysis, rendering and formats
live in their own modules. Nothing here imports Reflex or touches a database.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any

from journeys.errors import JourneyFormatError

if TYPE_CHECKING:  # networkx is imported where a graph is made: `journeys render` needs none
    import networkx as nx

JOURNEY_KINDS = ("current", "future")
FLOW_KINDS = ("next", "handoff", "alternative", "rework")
EVIDENCE_LEVELS = ("observed", "assumed", "proposed")
# Lane roles decide where the line of visibility goes and which steps count as staff work.
LANE_ROLES = ("customer", "frontstage", "backstage", "support")
CHANNELS = ("telefon", "besök", "e-post", "chatt", "e-tjänst", "webb", "sociala medier", "brev")
NON_DIGITAL_CHANNELS = frozenset({"telefon", "besök", "brev"})
DIGITAL_CHANNELS = frozenset({"e-post", "chatt", "e-tjänst", "webb", "sociala medier"})
EMOTION_MIN, EMOTION_MAX = -2, 2

# Ids end up in SVG element ids, URLs and DOT node names, so they stay plain.
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")

# Share sums within this distance of 1 count as 1 (user input like 0.33 + 0.33 + 0.34).
SHARE_TOLERANCE = 0.011
# The largest journey the engine takes in: imports refuse more steps, the app's store refuses to
# save more, and diagrams and the analysis are only made up to this size.
MAX_STEPS = 1500
# The longest text an import reads (Mermaid or JSON); longer text is refused before parsing.
MAX_IMPORT_CHARS = 2_000_000


def too_many_steps(count: int | None = None) -> str:
    """The Swedish refusal for a journey of `count` steps (more than MAX_STEPS)."""
    have = f"{count} steg" if count else f"fler än {MAX_STEPS} steg"
    return (
        f"Kundresan har {have}; högst {MAX_STEPS} steg går att importera, spara, rita och "
        "analysera. Dela upp kundresan i mindre delar"
    )


def check_import_size(text: str) -> None:
    """Refuse import text longer than MAX_IMPORT_CHARS before anything parses it."""
    if len(text) > MAX_IMPORT_CHARS:
        raise JourneyFormatError(
            f"texten är för lång ({len(text):,} tecken; högst {MAX_IMPORT_CHARS:,})".replace(
                ",", " "
            )
        )


def slugify(text: str, fallback: str = "x") -> str:
    """Turn user text into an id-safe slug: "Söker information" -> "soker-information"."""
    normalized = unicodedata.normalize("NFKD", text)
    ascii_text = normalized.encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:60].strip("-")
    return slug or fallback


def is_valid_id(value: object) -> bool:
    return isinstance(value, str) and ID_PATTERN.fullmatch(value) is not None


@dataclass
class Stage:
    id: str
    name: str


@dataclass
class Lane:
    id: str
    name: str
    role: str = "backstage"


@dataclass
class Step:
    id: str
    stage: str
    lane: str
    text: str
    channel: str | None = None
    emotion: float | None = None
    pain_points: list[str] = field(default_factory=list)
    opportunities: list[str] = field(default_factory=list)
    volume_per_week: float | None = None
    handling_minutes: float | None = None
    first_contact_resolution: float | None = None
    failure_demand: bool = False
    evidence: str = "assumed"
    # Explicit start/end markers; when no step is marked, flows decide (see Journey.start_ids).
    is_start: bool = False
    is_end: bool = False
    # Mermaid actors; the first one names the lane on import.
    actors: list[str] = field(default_factory=list)


@dataclass
class Flow:
    source: str
    target: str
    kind: str = "next"
    share: float | None = None

    @property
    def key(self) -> str:
        return f"{self.source}->{self.target}"


@dataclass
class Journey:
    title: str
    persona: str = ""
    goal: str = ""
    kind: str = "current"
    version: int = 1
    description: str = ""
    stages: list[Stage] = field(default_factory=list)
    lanes: list[Lane] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    flows: list[Flow] = field(default_factory=list)

    def step(self, step_id: str) -> Step:
        for step in self.steps:
            if step.id == step_id:
                return step
        raise KeyError(step_id)

    def steps_by_id(self) -> dict[str, Step]:
        return {step.id: step for step in self.steps}

    def lanes_by_id(self) -> dict[str, Lane]:
        return {lane.id: lane for lane in self.lanes}

    def stage_index(self) -> dict[str, int]:
        return {stage.id: index for index, stage in enumerate(self.stages)}

    def start_ids(self) -> list[str]:
        """Marked start steps, or else the steps that no flow enters (rework flows back to the
        first step do not make it less of a start)."""
        marked = [step.id for step in self.steps if step.is_start]
        if marked:
            return marked
        entered = {flow.target for flow in self.flows if flow.kind != "rework"}
        return [step.id for step in self.steps if step.id not in entered]

    def end_ids(self) -> list[str]:
        """Marked end steps, or else the steps that no flow leaves."""
        marked = [step.id for step in self.steps if step.is_end]
        if marked:
            return marked
        left = {flow.source for flow in self.flows}
        return [step.id for step in self.steps if step.id not in left]


# --- networkx conversion -------------------------------------------------------------------------


def is_handoff(flow: Flow, steps: dict[str, Step], lanes: dict[str, Lane]) -> bool:
    """A flow between two lanes, neither the citizen's, or one marked as a handoff."""
    if flow.kind == "handoff":
        return True
    source, target = steps.get(flow.source), steps.get(flow.target)
    if source is None or target is None or source.lane == target.lane:
        return False
    roles = [lanes[lane].role if lane in lanes else None for lane in (source.lane, target.lane)]
    return "customer" not in roles


JOURNEY_META_FIELDS = ("title", "persona", "goal", "kind", "version", "description")
STEP_ATTRIBUTES = tuple(f.name for f in fields(Step) if f.name != "id")
FLOW_ATTRIBUTES = ("kind", "share")


def to_networkx(journey: Journey) -> nx.DiGraph:
    """Journey -> DiGraph. Steps are nodes (in order), flows are edges with `kind`, `share` and
    `order`; journey metadata, stages and lanes are graph attributes. Flows that point at missing
    steps, and repeated flows between the same pair, cannot be edges and are left out (validation
    reports them)."""
    import networkx as nx

    graph = nx.DiGraph()
    graph.graph.update({name: getattr(journey, name) for name in JOURNEY_META_FIELDS})
    graph.graph["stages"] = [{"id": s.id, "name": s.name} for s in journey.stages]
    graph.graph["lanes"] = [{"id": ln.id, "name": ln.name, "role": ln.role} for ln in journey.lanes]
    for step in journey.steps:
        attributes = dict(vars(step))  # faster than one getattr per field on large journeys
        del attributes["id"]
        attributes["pain_points"] = list(step.pain_points)
        attributes["opportunities"] = list(step.opportunities)
        attributes["actors"] = list(step.actors)
        graph.add_node(step.id, **attributes)
    for order, flow in enumerate(journey.flows):
        if flow.source in graph and flow.target in graph and not graph.has_edge(*_pair(flow)):
            graph.add_edge(flow.source, flow.target, kind=flow.kind, share=flow.share, order=order)
    return graph


def _pair(flow: Flow) -> tuple[str, str]:
    return flow.source, flow.target


def from_networkx(graph: nx.DiGraph) -> Journey:
    """DiGraph (as made by to_networkx) -> Journey."""
    return from_parts(graph.graph, graph.nodes(data=True), graph.edges(data=True))


def from_parts(
    meta: dict[str, Any],
    nodes: Iterable[tuple[str, dict[str, Any]]],
    edges: Iterable[tuple[str, str, dict[str, Any]]],
) -> Journey:
    """Graph attributes, (step id, attributes) and (source, target, attributes) -> Journey: what
    from_networkx reads from a graph, without making one (the JSON reader uses it directly)."""
    journey = Journey(
        title=meta.get("title", ""),
        persona=meta.get("persona", ""),
        goal=meta.get("goal", ""),
        kind=meta.get("kind", "current"),
        version=meta.get("version", 1),
        description=meta.get("description", ""),
        stages=[Stage(id=s["id"], name=s["name"]) for s in meta.get("stages", [])],
        lanes=[
            Lane(id=ln["id"], name=ln["name"], role=ln.get("role", "backstage"))
            for ln in meta.get("lanes", [])
        ],
    )
    for node_id, data in nodes:
        values = {name: data[name] for name in STEP_ATTRIBUTES if name in data}
        for list_field in ("pain_points", "opportunities", "actors"):
            values[list_field] = list(values.get(list_field, []))
        journey.steps.append(Step(id=node_id, **values))
    for source, target, data in sorted(edges, key=lambda e: e[2].get("order", float("inf"))):
        journey.flows.append(
            Flow(
                source=source, target=target, kind=data.get("kind", "next"), share=data.get("share")
            )
        )
    return journey


# --- validation ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One validation finding. `message_sv` is shown to users; `code` is for programs."""

    code: str
    message_sv: str
    element_kind: str  # journey | stage | lane | step | flow
    element_id: str

    def as_dict(self) -> dict[str, str]:
        return {
            "code": self.code,
            "message": self.message_sv,
            "element_kind": self.element_kind,
            "element_id": self.element_id,
        }


def validate(journey: Journey, graph: nx.DiGraph | None = None) -> list[Problem]:
    """Every problem in the journey at once, in a stable order. `graph` may be passed when the
    caller already has to_networkx(journey)."""
    problems: list[Problem] = []
    problems += _check_metadata(journey)
    problems += _check_ids(journey)
    problems += _check_steps(journey)
    problems += _check_flows(journey)
    problems += _check_structure(journey, to_networkx(journey) if graph is None else graph)
    return problems


def _check_metadata(journey: Journey) -> list[Problem]:
    problems = []
    if not journey.title.strip():
        problems.append(Problem("missing_title", "Kundresan saknar titel.", "journey", ""))
    if journey.kind not in JOURNEY_KINDS:
        problems.append(
            Problem(
                "unknown_kind",
                f"Okänd typ av kundresa: ”{journey.kind}” (nuläge eller önskat läge).",
                "journey",
                "",
            )
        )
    return problems


def _name(element: Stage | Lane | Step) -> str:
    """How a message names a stage, lane or step: by its name or text (the id only if blank)."""
    text = element.text if isinstance(element, Step) else element.name
    return text.strip() or element.id


def _check_ids(journey: Journey) -> list[Problem]:
    problems = []
    groups = (
        ("stage", "Fasen", journey.stages),
        ("lane", "Banan", journey.lanes),
        ("step", "Steget", journey.steps),
    )
    for kind, noun, elements in groups:
        seen: dict[str, str] = {}
        for element in elements:
            name = _name(element)
            if not is_valid_id(element.id):
                problems.append(
                    Problem(
                        "invalid_id",
                        f"{noun} ”{name}” har ett ogiltigt id (bara a–z, 0–9 och bindestreck).",
                        kind,
                        element.id,
                    )
                )
            if element.id in seen:
                problems.append(
                    Problem(
                        "duplicate_id",
                        f"{noun} ”{name}” har samma id som ”{seen[element.id]}”.",
                        kind,
                        element.id,
                    )
                )
            seen.setdefault(element.id, name)
    for lane in journey.lanes:
        if lane.role not in LANE_ROLES:
            problems.append(
                Problem(
                    "unknown_lane_role", f"Banan ”{lane.name}” har okänd roll.", "lane", lane.id
                )
            )
    return problems


def _check_steps(journey: Journey) -> list[Problem]:
    problems = []
    stage_ids = {stage.id for stage in journey.stages}
    lane_ids = {lane.id for lane in journey.lanes}
    for step in journey.steps:
        name = step.text.strip() or step.id

        def add(code: str, message: str, step_id: str = step.id) -> None:
            problems.append(Problem(code, message, "step", step_id))

        if step.stage not in stage_ids:
            add("unknown_stage", f"Steget ”{name}” ligger i en fas som inte finns.")
        if step.lane not in lane_ids:
            add("unknown_lane", f"Steget ”{name}” ligger i en bana som inte finns.")
        if step.channel is not None and step.channel not in CHANNELS:
            add("unknown_channel", f"Steget ”{name}” har okänd kanal ”{step.channel}”.")
        if step.emotion is not None and not EMOTION_MIN <= step.emotion <= EMOTION_MAX:
            add("emotion_out_of_range", f"Känslan för ”{name}” måste ligga mellan -2 och +2.")
        if step.evidence not in EVIDENCE_LEVELS:
            add("unknown_evidence", f"Steget ”{name}” har okänd evidensnivå ”{step.evidence}”.")
        for metric in ("volume_per_week", "handling_minutes"):
            value = getattr(step, metric)
            if value is not None and value < 0:
                add("negative_metric", f"Steget ”{name}” har ett negativt mått.")
        fcr = step.first_contact_resolution
        if fcr is not None and not 0 <= fcr <= 1:
            add(
                "share_out_of_range", f"Andelen lösta i första kontakten för ”{name}” ska vara 0–1."
            )
    return problems


def _check_flows(journey: Journey) -> list[Problem]:
    problems = []
    texts: dict[str, str] = {}
    for step in journey.steps:
        texts.setdefault(step.id, _name(step))
    seen: set[tuple[str, str]] = set()
    outgoing: dict[str, list[Flow]] = {}
    for flow in journey.flows:

        def add(code: str, message: str, flow_key: str = flow.key) -> None:
            problems.append(Problem(code, message, "flow", flow_key))

        source, target = texts.get(flow.source), texts.get(flow.target)
        if source is None and target is None:
            add("flow_missing_step", "Ett flöde går mellan två steg som inte finns.")
        elif source is None:
            add("flow_missing_step", f"Flödet till ”{target}” kommer från ett steg som inte finns.")
        elif target is None:
            add("flow_missing_step", f"Flödet från ”{source}” går till ett steg som inte finns.")
        what = f"Flödet från ”{source or '?'}” till ”{target or '?'}”"
        if _pair(flow) in seen:
            add("duplicate_flow", f"{what} finns två gånger.")
        seen.add(_pair(flow))
        if flow.kind not in FLOW_KINDS:
            add("unknown_flow_kind", f"{what} har okänd typ ”{flow.kind}”.")
        if flow.share is not None and not 0 <= flow.share <= 1:
            add(
                "share_out_of_range",
                f"Andelen för {what[0].lower()}{what[1:]} ska ligga mellan 0 och 1.",
            )
        outgoing.setdefault(flow.source, []).append(flow)
    for source, flows in outgoing.items():
        if len(flows) < 2:
            continue
        shares = [flow.share for flow in flows]
        if any(share is None for share in shares):
            problems.append(
                Problem(
                    "share_missing",
                    f"Flödet delar sig efter steget ”{texts.get(source, source)}” men alla "
                    "grenar har inte en andel.",
                    "step",
                    source,
                )
            )
        elif abs(sum(shares) - 1) > SHARE_TOLERANCE:
            problems.append(
                Problem(
                    "shares_not_one",
                    f"Andelarna efter steget ”{texts.get(source, source)}” summerar till "
                    f"{sum(shares):.2f}, inte 1.",
                    "step",
                    source,
                )
            )
    return problems


def _check_structure(journey: Journey, graph: nx.DiGraph) -> list[Problem]:
    import networkx as nx

    problems = []
    if not journey.steps:
        return [Problem("no_steps", "Kundresan har inga steg.", "journey", "")]
    starts, ends = journey.start_ids(), set(journey.end_ids())
    if not starts:
        problems.append(Problem("no_start", "Kundresan saknar startsteg.", "journey", ""))
    if not ends:
        problems.append(Problem("no_end", "Kundresan saknar slutsteg.", "journey", ""))
    reachable: set[str] = set()
    for start in starts:
        reachable |= nx.descendants(graph, start) | {start}
    for step in journey.steps:
        name = step.text.strip() or step.id
        if starts and step.id not in reachable:
            problems.append(
                Problem(
                    "unreachable_step",
                    f"Steget ”{name}” går inte att nå från start.",
                    "step",
                    step.id,
                )
            )
        if graph.out_degree(step.id) == 0 and step.id not in ends:
            problems.append(
                Problem(
                    "dead_end",
                    f"Steget ”{name}” är en återvändsgränd: inget flöde leder vidare.",
                    "step",
                    step.id,
                )
            )
    return problems
