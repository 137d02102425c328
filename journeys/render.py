"""Diagrams: DOT text for a journey (service-blueprint look) and SVG/PNG/PDF through `dot`.

Reusable pieces for other graph kinds (e.g. the branching scenario map): `escape_label`,
`html_label`, `svg_id`, `run_dot` (subprocess with a time limit) and `render_dot` (run_dot with a
content-keyed cache and size limit).

Safety: user text only ever reaches DOT inside HTML-like labels, after `escape_label`; ids are
checked slugs (anything else is hashed), so no user text can add DOT syntax or SVG markup.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
from collections import OrderedDict
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import networkx as nx

from journeys.analysis import is_handoff
from journeys.errors import RenderError
from journeys.model import Flow, Journey, Step, is_valid_id

OUTPUT_FORMATS = ("svg", "png", "pdf")
RENDER_TIMEOUT_SECONDS = 30.0
MAX_STEPS = 1500
MAX_DOT_BYTES = 2_000_000
CACHE_ENTRIES = 64
FONT = "DejaVu Sans,Helvetica,Arial,sans-serif"

# ColorBrewer PuOr: a diverging palette that stays distinct for colour-blind readers.
# The emotion is also written in the label, so colour never carries meaning alone.
EMOTION_FILLS = {-2: "#e66101", -1: "#fdb863", 0: "#f7f7f7", 1: "#b2abd2", 2: "#5e3c99"}
EMOTION_FONT_COLOURS = {2: "#ffffff"}
NO_EMOTION_FILL = "#ffffff"
PAIN_BORDER = "#b2182b"
HANDOFF_COLOUR = "#1a1a1a"
EVIDENCE_SV = {"observed": "observerad", "assumed": "antagen", "proposed": "föreslagen"}
FLOW_KIND_SV = {
    "next": "",
    "handoff": "överlämning",
    "alternative": "alternativ",
    "rework": "omtag",
}


# --- escaping ------------------------------------------------------------------------------------


# Characters XML (and so SVG) cannot carry: controls other than newline, lone surrogates and
# the non-characters U+FFFE/U+FFFF.
_NOT_IN_XML = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def escape_label(text: str) -> str:
    """User text -> a fragment that is safe inside a Graphviz HTML-like label.

    Markup characters become entities, newlines become <BR/>, and characters that XML cannot
    carry (controls, lone surrogates) are dropped. Backslashes are doubled: Graphviz expands
    escapes such as \\N and \\G even inside HTML labels (after decoding entities)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    cleaned = _NOT_IN_XML.sub("", text)
    lines = []
    for line in cleaned.split("\n"):
        line = (
            line.replace("&", "&amp;")
            .replace("\\", "\\\\")
            .replace("<", "&lt;")
            .replace(">", "&gt;")
            .replace('"', "&quot;")
            .replace("'", "&#39;")
        )
        lines.append(line)
    return '<BR ALIGN="LEFT"/>'.join(lines)


class HtmlLabel(str):
    """A Graphviz HTML-like label, `<...>`, written to DOT without quotes."""


def html_label(fragment: str) -> HtmlLabel:
    """Wrap an already escaped fragment (see escape_label) as an HTML-like label value."""
    return HtmlLabel(f"<{fragment}>")


# --- writing DOT ---------------------------------------------------------------------------------

_PLAIN_ID = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_DOT_KEYWORDS = frozenset({"node", "edge", "graph", "digraph", "subgraph", "strict"})


def dot_quote(value: str) -> str:
    """A DOT ID or attribute value: HTML labels as they are, plain names bare, others quoted."""
    if isinstance(value, HtmlLabel):
        return value
    if _PLAIN_ID.fullmatch(value) and value.lower() not in _DOT_KEYWORDS:
        return value
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def _attribute_list(attributes: dict[str, str]) -> str:
    if not attributes:
        return ""
    return " [" + " ".join(f"{key}={dot_quote(value)}" for key, value in attributes.items()) + "]"


class DotGraph:
    """A small DOT writer (directed graphs, clusters, attributes). It is much faster than the
    graphviz package's builder on large journeys and quotes every value the same careful way."""

    def __init__(
        self,
        name: str,
        graph_attr: dict[str, str] | None = None,
        node_attr: dict[str, str] | None = None,
        edge_attr: dict[str, str] | None = None,
        kind: str = "digraph",
    ) -> None:
        self.lines = [f"{kind} {dot_quote(name)} {{"]
        for keyword, attributes in (
            ("graph", graph_attr),
            ("node", node_attr),
            ("edge", edge_attr),
        ):
            if attributes:
                self.lines.append(f"\t{keyword}{_attribute_list(attributes)}")

    def attr(self, **attributes: str) -> None:
        self.lines.append(f"\tgraph{_attribute_list(attributes)}")

    def node(self, name: str, **attributes: str) -> None:
        self.lines.append(f"\t{dot_quote(name)}{_attribute_list(attributes)}")

    def edge(self, tail: str, head: str, **attributes: str) -> None:
        self.lines.append(f"\t{dot_quote(tail)} -> {dot_quote(head)}{_attribute_list(attributes)}")

    @contextmanager
    def subgraph(self, name: str) -> Iterator[DotGraph]:
        child = DotGraph(name, kind="subgraph")
        yield child
        self.lines += ["\t" + line for line in child.lines] + ["\t}"]

    @property
    def source(self) -> str:
        return "\n".join([*self.lines, "}"]) + "\n"


def svg_id(prefix: str, element_id: str) -> str:
    """A stable SVG/DOT id. Valid slug ids are kept readable; anything else is hashed."""
    if is_valid_id(element_id):
        return f"{prefix}-{element_id}"
    return f"{prefix}-x{hashlib.sha256(element_id.encode('utf-8', 'replace')).hexdigest()[:16]}"


# --- running dot ---------------------------------------------------------------------------------


def run_dot(dot_text: str, fmt: str = "svg", timeout: float = RENDER_TIMEOUT_SECONDS) -> bytes:
    """Run Graphviz `dot` on DOT text. Raises RenderError (Swedish message) on failure."""
    if fmt not in OUTPUT_FORMATS:
        raise ValueError(f"unsupported format {fmt!r}; expected one of {OUTPUT_FORMATS}")
    data = dot_text.encode("utf-8")
    if len(data) > MAX_DOT_BYTES:
        raise RenderError(
            f"Diagrammet är för stort för att ritas (mer än {MAX_DOT_BYTES // 1_000_000} MB "
            "DOT-text). Dela upp kundresan i mindre delar."
        )
    executable = shutil.which("dot")
    if executable is None:
        raise RenderError("Graphviz (programmet dot) saknas på servern.")
    try:
        completed = subprocess.run(
            [executable, f"-T{fmt}"], input=data, capture_output=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        raise RenderError(
            f"Diagrammet tog mer än {timeout:g} sekunder att rita och avbröts. "
            "Förenkla kundresan eller dela upp den."
        ) from None
    if completed.returncode != 0:
        detail = completed.stderr.decode("utf-8", "replace").strip()[:500]
        raise RenderError(f"Graphviz kunde inte rita diagrammet: {detail}")
    return completed.stdout


class RenderCache:
    """Small LRU cache of rendered output, keyed by content."""

    def __init__(self, max_entries: int = CACHE_ENTRIES) -> None:
        self.max_entries = max_entries
        self._entries: OrderedDict[tuple[str, str], bytes] = OrderedDict()

    def get(self, key: tuple[str, str]) -> bytes | None:
        value = self._entries.get(key)
        if value is not None:
            self._entries.move_to_end(key)
        return value

    def put(self, key: tuple[str, str], value: bytes) -> None:
        self._entries[key] = value
        self._entries.move_to_end(key)
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)

    def clear(self) -> None:
        self._entries.clear()


DOT_CACHE = RenderCache()
JOURNEY_CACHE = RenderCache()


def content_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def render_dot(dot_text: str, fmt: str = "svg", timeout: float = RENDER_TIMEOUT_SECONDS) -> bytes:
    """run_dot with a cache: the same DOT text in the same format is rendered once."""
    key = (fmt, content_key(dot_text))
    cached = DOT_CACHE.get(key)
    if cached is None:
        cached = run_dot(dot_text, fmt, timeout)
        DOT_CACHE.put(key, cached)
    return cached


# --- journey diagrams ----------------------------------------------------------------------------


def check_size(journey: Journey) -> None:
    if len(journey.steps) > MAX_STEPS:
        raise RenderError(
            f"Kundresan har {len(journey.steps)} steg; diagram ritas för högst {MAX_STEPS} steg. "
            "Dela upp kundresan i mindre delar."
        )


def render_journey(
    journey: Journey, fmt: str = "svg", timeout: float = RENDER_TIMEOUT_SECONDS
) -> bytes:
    """Journey -> SVG/PNG/PDF bytes. Unchanged journeys come from a cache keyed by content."""
    key = (fmt, content_key(repr(journey)))
    cached = JOURNEY_CACHE.get(key)
    if cached is None:
        check_size(journey)
        cached = render_dot(journey_dot(journey), fmt, timeout)
        JOURNEY_CACHE.put(key, cached)
    return cached


def _emotion_level(step: Step) -> int | None:
    if step.emotion is None:
        return None
    return max(-2, min(2, round(step.emotion)))


def _format_emotion(value: float) -> str:
    text = f"{value:+g}" if value else "0"
    return text.replace("-", "−")


def _step_label(step: Step) -> str:
    rows = []
    details = [step.channel or "ingen kanal"]
    if step.emotion is not None:
        details.append(f"känsla {_format_emotion(step.emotion)}")
    rows.append(f'<FONT POINT-SIZE="9">{escape_label(" · ".join(details))}</FONT>')
    rows.append(f"<B>{escape_label(step.text or step.id)}</B>")
    for pain in step.pain_points:
        rows.append(f'<FONT POINT-SIZE="9">Smärtpunkt: {escape_label(pain)}</FONT>')
    if step.failure_demand:
        rows.append('<FONT POINT-SIZE="9"><B>Sviktande efterfrågan</B></FONT>')
    if step.evidence in EVIDENCE_SV and step.evidence != "observed":
        rows.append(f'<FONT POINT-SIZE="8"><I>{EVIDENCE_SV[step.evidence]}</I></FONT>')
    cells = "".join(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{row}</TD></TR>' for row in rows)
    return html_label(f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0">{cells}</TABLE>')


def _step_attributes(step: Step) -> dict[str, str]:
    level = _emotion_level(step)
    attributes = {
        "id": svg_id("step", step.id),
        "label": _step_label(step),
        "fillcolor": EMOTION_FILLS[level] if level is not None else NO_EMOTION_FILL,
        "fontcolor": EMOTION_FONT_COLOURS.get(level, "#000000") if level is not None else "#000000",
        "class": "step",
    }
    if step.pain_points:
        attributes.update(color=PAIN_BORDER, penwidth="3")
    if step.failure_demand:
        attributes["peripheries"] = "2"
    if step.evidence == "proposed":
        attributes["style"] = "rounded,filled,dashed"
    return attributes


def step_columns(journey: Journey) -> tuple[dict[str, int], list[int], int]:
    """Column (rank) of every step, the first column of every stage, and the column count.

    Column 0 holds the lane names. Each stage gets as many columns as its longest chain of
    flows between its own steps, taken in the order the steps are listed. Steps in unknown
    stages go after the last stage."""
    stage_index = journey.stage_index()
    position = {step.id: n for n, step in enumerate(journey.steps)}
    steps = journey.steps_by_id()
    by_stage: dict[int, list[str]] = {}
    for step in journey.steps:
        by_stage.setdefault(stage_index.get(step.stage, len(journey.stages)), []).append(step.id)
    inner = nx.DiGraph()
    inner.add_nodes_from(position)
    # Any two steps of a stage joined by a flow get different columns, the earlier-listed step
    # first (Graphviz cannot route flows between clusters within one column). Ordering by the
    # list keeps this acyclic even where flows loop.
    inner.add_edges_from(
        sorted((flow.source, flow.target), key=position.__getitem__)
        for flow in journey.flows
        if flow.source in steps
        and flow.target in steps
        and flow.source != flow.target
        and stage_index.get(steps[flow.source].stage) == stage_index.get(steps[flow.target].stage)
    )
    depth: dict[str, int] = {}
    for node in nx.topological_sort(inner):
        depth[node] = max((depth[p] + 1 for p in inner.predecessors(node)), default=0)
    columns: dict[str, int] = {}
    stage_starts: list[int] = []
    next_column = 1
    for stage_number in range(len(journey.stages) + 1):
        members = by_stage.get(stage_number, [])
        if stage_number == len(journey.stages) and not members:
            break
        stage_starts.append(next_column)
        for step_id in members:
            columns[step_id] = next_column + depth[step_id]
        next_column += 1 + max((depth[m] for m in members), default=0)
    return columns, stage_starts[: len(journey.stages)], next_column


def journey_dot(journey: Journey) -> str:
    """DOT text for a journey as a service blueprint.

    Layout (left to right): the package computes every step's column (see step_columns) and pins
    it with one `rank=same` group per column, held in order by a chain of invisible anchors, so
    stages are columns in order and flows never move them (flows do not constrain ranks). Each
    lane is a cluster (a row) with its name in column 0; rows follow the lane order, customer and
    frontstage lanes first. Backstage and support lanes sit in a block whose dashed top edge is
    the line of visibility. Stage names run along the bottom, under their first column. Pinned
    ranks also keep `dot` fast: there are no long invisible constraint edges."""
    graph = DotGraph(
        name="journey",
        graph_attr={
            "rankdir": "LR",
            "newrank": "true",
            "nodesep": "0.3",
            "ranksep": "0.5",
            "fontname": FONT,
            "labelloc": "t",
            "labeljust": "l",
            "label": html_label(f"<B>{escape_label(journey.title)}</B>"),
            "id": "journey",
        },
        node_attr={"shape": "box", "style": "rounded,filled", "fontname": FONT, "fontsize": "11"},
        edge_attr={"fontname": FONT, "fontsize": "9", "color": "#555555"},
    )
    columns, stage_starts, column_count = step_columns(journey)
    anchors = ["stages-row"] + [f"column-{n}" for n in range(1, column_count)]
    members: dict[int, list[str]] = {n: [anchors[n]] for n in range(column_count)}
    # Invisible anchors, one per column and outside every row, put the columns in order.
    for anchor in anchors[1:]:
        graph.node(anchor, label="", shape="point", style="invis", width="0")
    for left, right in zip(anchors, anchors[1:], strict=False):
        graph.edge(left, right, style="invis", weight="50")
    for step_id, column in columns.items():
        members[column].append(svg_id("step", step_id))

    known_lanes = {lane.id for lane in journey.lanes}
    by_lane: dict[str, list[Step]] = {}
    for step in journey.steps:
        by_lane.setdefault(step.lane if step.lane in known_lanes else "", []).append(step)
    lanes_in_order = [(lane.id, lane.name, lane.role) for lane in journey.lanes]
    if "" in by_lane:
        lanes_in_order.append(("", "Okänd bana", "backstage"))
    visible = [lane for lane in lanes_in_order if lane[2] in ("customer", "frontstage")]
    hidden = [lane for lane in lanes_in_order if lane not in visible]
    for number, (lane_id, lane_name, _) in enumerate(visible):
        members[0].append(_lane_row(graph, number, lane_id, lane_name, by_lane.get(lane_id, [])))
    if hidden:
        # The backstage block's dashed top edge is the line of visibility.
        with graph.subgraph(name="cluster_backstage") as block:
            block.attr(
                label=html_label("<I>Synlighetslinje</I>"),
                id="line-of-visibility",
                style="dashed",
                penwidth="2",
                color="#333333",
                labeljust="l",
                fontsize="10",
            )
            for number, (lane_id, lane_name, _) in enumerate(hidden, len(visible)):
                lane_steps = by_lane.get(lane_id, [])
                members[0].append(_lane_row(block, number, lane_id, lane_name, lane_steps))
    with graph.subgraph(name="cluster_stages") as row:
        row.attr(label="", peripheries="0", id="stages")
        row.node("stages-row", label=html_label("<B>Fas</B>"), shape="plaintext", style="")
        for stage, first_column in zip(journey.stages, stage_starts, strict=True):
            header = svg_id("stage", stage.id)
            label = html_label(f"<B>{escape_label(stage.name)}</B>")
            row.node(header, label=label, id=header, shape="plaintext", style="", fontsize="13")
            members[first_column].append(header)
    for column, names in members.items():
        with graph.subgraph(name=f"column_{column}") as group:
            group.attr(rank="same")
            for name in names:
                group.node(name)

    steps = journey.steps_by_id()
    lanes = journey.lanes_by_id()
    for flow in journey.flows:
        if flow.source in steps and flow.target in steps:
            attributes = _flow_attributes(flow, steps, lanes)
            attributes["constraint"] = "false"  # columns are already fixed
            graph.edge(svg_id("step", flow.source), svg_id("step", flow.target), **attributes)
    return graph.source


def _lane_row(graph: DotGraph, number: int, lane_id: str, lane_name: str, steps: list[Step]) -> str:
    """One lane as a cluster with its name in the first column; returns the name node."""
    name_node = f"row-{number}"
    with graph.subgraph(name=f"cluster_row_{number}") as cluster:
        cluster.attr(
            label="",
            id=svg_id("lane", lane_id) if lane_id else "lane-unknown",
            style="rounded",
            color="#bbbbbb",
            penwidth="1",
        )
        cluster.node(
            name_node,
            label=html_label(f"<B>{escape_label(lane_name)}</B>"),
            shape="plaintext",
            style="",
            fontsize="12",
        )
        for step in steps:
            cluster.node(svg_id("step", step.id), **_step_attributes(step))
    return name_node


def _flow_attributes(flow: Flow, steps: dict[str, Step], lanes: dict) -> dict[str, str]:
    attributes: dict[str, str] = {"id": svg_id("flow", f"{flow.source}--{flow.target}")}
    parts = [FLOW_KIND_SV.get(flow.kind, "")]
    if flow.share is not None:
        parts.append(f"{flow.share * 100:.0f} %")
    if is_handoff(flow, steps, lanes):
        attributes.update(penwidth="3", color=HANDOFF_COLOUR, arrowsize="1.2")
        if "överlämning" not in parts:
            parts.insert(0, "överlämning")
    text = ", ".join(part for part in parts if part)
    if text:
        attributes["label"] = html_label(escape_label(text))
    if flow.kind == "rework":
        attributes["style"] = "dashed"
    elif flow.kind == "alternative":
        attributes["style"] = "dotted"
    return attributes


# --- text alternative ----------------------------------------------------------------------------

KIND_SV = {"current": "nuläge", "future": "önskat läge"}


def describe_journey(journey: Journey) -> str:
    """A plain-text description of the journey for screen-reader users (Swedish)."""
    lines = [f"Kundresa: {journey.title} ({KIND_SV.get(journey.kind, journey.kind)})."]
    if journey.persona:
        lines.append(f"Persona: {journey.persona}.")
    if journey.goal:
        lines.append(f"Mål: {journey.goal}.")
    if journey.description:
        lines.append(journey.description)
    lines.append(f"Faser ({len(journey.stages)}):")
    lines += [f"  {n}. {stage.name}" for n, stage in enumerate(journey.stages, 1)]
    lanes = journey.lanes_by_id()
    stage_names = {stage.id: stage.name for stage in journey.stages}
    lines.append(f"Steg i ordning ({len(journey.steps)}):")
    order = journey.stage_index()
    ordered = sorted(
        enumerate(journey.steps), key=lambda item: (order.get(item[1].stage, len(order)), item[0])
    )
    for number, (_, step) in enumerate(ordered, 1):
        lane = lanes[step.lane].name if step.lane in lanes else step.lane
        facts = [f"fas {stage_names.get(step.stage, step.stage)}", f"bana {lane}"]
        if step.channel:
            facts.append(f"kanal {step.channel}")
        if step.emotion is not None:
            facts.append(f"känsla {_format_emotion(step.emotion)}")
        text = f"  {number}. {step.text} ({', '.join(facts)})."
        if step.pain_points:
            text += " Smärtpunkter: " + "; ".join(step.pain_points) + "."
        if step.failure_demand:
            text += " Sviktande efterfrågan."
        lines.append(text)
    steps = journey.steps_by_id()
    lines.append(f"Flöden ({len(journey.flows)}):")
    for flow in journey.flows:
        source = steps[flow.source].text if flow.source in steps else flow.source
        target = steps[flow.target].text if flow.target in steps else flow.target
        facts = [FLOW_KIND_SV.get(flow.kind, flow.kind) or "nästa"]
        if flow.share is not None:
            facts.append(f"{flow.share * 100:.0f} %")
        lines.append(f"  {source} → {target} ({', '.join(facts)}).")
    return "\n".join(lines) + "\n"


# --- observed contact figures on steps (Kontaktanalys) -------------------------------------------

# First-contact resolution as a heat colour (ColorBrewer YlOrRd: the lower, the hotter). The
# figures are also written in the label, so the colour never carries the meaning alone.
OBSERVED_HEAT = ((0.8, "#ffffb2"), (0.65, "#fecc5c"), (0.5, "#fd8d3c"), (0.0, "#e31a1c"))


def observed_decoration(per_week: float, resolution: float) -> tuple[str, str]:
    """Observed figures -> (the label's extra line, the node's fill colour)."""
    fill = next(colour for floor, colour in OBSERVED_HEAT if resolution >= floor)
    percent = f"{resolution * 100:.0f}".replace("-", "−")
    text = f"Observerat: {per_week:.0f} kontakter/vecka · {percent} % lösta direkt"
    return text, fill


def observed_dot(journey: Journey, observed: Mapping[str, Any]) -> str:
    """`journey_dot` with the linked steps restated: their label gains the observed line and
    their fill the heat colour. `observed` maps a step id to an object with `per_week` and
    `first_contact_resolution` (journeys.contacts.observed.ObservedStep). A node stated again at
    the end of a DOT graph keeps its place and takes the new attributes."""
    source = journey_dot(journey)
    lines = []
    for step in journey.steps:
        seen = observed.get(step.id)
        if seen is None or not getattr(seen, "contacts", 1):
            continue
        text, fill = observed_decoration(seen.per_week, seen.first_contact_resolution)
        cell = f'<FONT POINT-SIZE="9"><B>{escape_label(text)}</B></FONT>'
        row = f'<TR><TD ALIGN="LEFT">{cell}</TD></TR>'
        label = str(_step_label(step))
        if "</TABLE>" in label:
            label = label.replace("</TABLE>", row + "</TABLE>", 1)
        attributes = {"label": HtmlLabel(label), "fillcolor": fill, "fontcolor": "#000000"}
        lines.append(f"\t{dot_quote(svg_id('step', step.id))}{_attribute_list(attributes)}")
    if not lines:
        return source
    end = source.rstrip().rfind("}")
    return source[:end] + "\n".join(lines) + "\n}\n"


def render_observed(
    journey: Journey,
    observed: Mapping[str, Any],
    fmt: str = "svg",
    timeout: float = RENDER_TIMEOUT_SECONDS,
) -> bytes:
    """`render_journey` with observed figures on the linked steps (see observed_dot)."""
    if not observed:
        return render_journey(journey, fmt, timeout)
    key = (fmt, content_key(repr(journey) + repr(sorted(observed.items()))))
    cached = JOURNEY_CACHE.get(key)
    if cached is None:
        check_size(journey)
        cached = render_dot(observed_dot(journey, observed), fmt, timeout)
        JOURNEY_CACHE.put(key, cached)
    return cached
