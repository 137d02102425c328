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
import tempfile
import textwrap
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from journeys.errors import RenderError
from journeys.model import MAX_STEPS as MAX_STEPS  # the limit diagrams share with the model
from journeys.model import Flow, Journey, Step, is_handoff, is_valid_id

OUTPUT_FORMATS = ("svg", "png", "pdf")
RENDER_TIMEOUT_SECONDS = 30.0
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

    def chain(self, names: list[str], **attributes: str) -> None:
        """Edges a -> b -> c ... in one statement, all with the same attributes."""
        if len(names) > 1:
            path = " -> ".join(dot_quote(name) for name in names)
            self.lines.append(f"\t{path}{_attribute_list(attributes)}")

    def points(self, names: list[str]) -> None:
        """Invisible zero-size nodes (anchors for layout), declared in one anonymous block."""
        if names:
            listed = "; ".join(dot_quote(name) for name in names)
            self.lines.append(f'\t{{ node [label="" shape=point style=invis width=0]; {listed} }}')

    def listing(self, names: list[str]) -> None:
        """Mention nodes (e.g. to put existing nodes in a subgraph) in one statement."""
        if names:
            self.lines.append("\t" + "; ".join(dot_quote(name) for name in names))

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
    # dot reads and writes files, not pipes: a thread reading a pipe needs the interpreter for
    # every chunk, and beside a busy Python thread each wait for it can take the switch
    # interval (5 ms). On a 200-step diagram (370 kB of SVG) pipes cost 30 % more time then.
    with tempfile.TemporaryDirectory(prefix="dot-") as folder:
        source, output = Path(folder, "in.dot"), Path(folder, f"out.{fmt}")
        source.write_bytes(data)
        with open(Path(folder, "errors.txt"), "w+b") as errors:
            try:
                completed = subprocess.run(
                    [executable, f"-T{fmt}", "-o", str(output), str(source)],
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                    stderr=errors,
                    timeout=timeout,
                    check=False,
                )
            except subprocess.TimeoutExpired:
                raise RenderError(
                    f"Diagrammet tog mer än {timeout:g} sekunder att rita och avbröts. "
                    "Förenkla kundresan eller dela upp den."
                ) from None
            if completed.returncode != 0:
                errors.seek(0)
                detail = errors.read(2000).decode("utf-8", "replace").strip()[:500]
                raise RenderError(f"Graphviz kunde inte rita diagrammet: {detail}")
        return output.read_bytes()


class RenderCache:
    """Small LRU cache of rendered output, keyed by content. Safe to share between threads
    (the app draws diagrams in worker threads)."""

    def __init__(self, max_entries: int = CACHE_ENTRIES) -> None:
        self.max_entries = max_entries
        self._entries: OrderedDict[tuple[str, str], bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[str, str]) -> bytes | None:
        with self._lock:
            value = self._entries.get(key)
            if value is not None:
                self._entries.move_to_end(key)
            return value

    def put(self, key: tuple[str, str], value: bytes) -> None:
        with self._lock:
            self._entries[key] = value
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


DOT_CACHE = RenderCache()


def content_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


# What an SVG shown in a page does without: Graphviz's comments and <title> elements name DOT
# ids (never user text, which is only ever in labels), and no one sees them in a page whose
# diagram is one image (role="img") with a text alternative beside it. Comments hold no ">"
# (Graphviz escapes it), so each ends at the first one.
_PAGE_NOISE = re.compile(r"(?:<!--[^>]*-->|<title>[^<]*</title>)\n?")
_FONT_ATTRIBUTE = f' font-family="{FONT}"'


def inline_svg(rendered: bytes) -> str:
    """Graphviz's SVG output for inline use in a page: without its XML prolog, DOCTYPE, comments
    and <title> elements, with the font given once on the <svg> element (inherited) instead of
    on every text, and without the line breaks between tags. On a 200-step journey this is
    28 % fewer bytes and about 15 % less of the browser's time to parse, style and lay it out
    (docs/performance.md). Downloads keep Graphviz's own output."""
    svg = rendered.decode("utf-8")
    svg = _PAGE_NOISE.sub("", svg[svg.index("<svg") :])
    if _FONT_ATTRIBUTE in svg:
        svg = "<svg" + _FONT_ATTRIBUTE + svg[4:].replace(_FONT_ATTRIBUTE, "")
    return svg.replace(">\n<", "><")


def render_dot(dot_text: str, fmt: str = "svg", timeout: float = RENDER_TIMEOUT_SECONDS) -> bytes:
    """run_dot with a cache: the same DOT text in the same format is rendered once."""
    key = (fmt, content_key(dot_text))
    cached = DOT_CACHE.get(key)
    if cached is None:
        cached = run_dot(dot_text, fmt, timeout)
        DOT_CACHE.put(key, cached)
    return cached


# --- journey diagrams ----------------------------------------------------------------------------


def _emotion_level(step: Step) -> int | None:
    if step.emotion is None:
        return None
    return max(-2, min(2, round(step.emotion)))


def format_emotion(value: float) -> str:
    text = f"{value:+g}" if value else "0"
    return text.replace("-", "−")


def wrap(text: str, width: int = 28) -> str:
    """Break long lines at spaces so a step stays narrow (user line breaks are kept)."""
    if len(text) <= width and "\n" not in text:
        return text
    lines = []
    for line in text.split("\n"):
        lines += textwrap.wrap(line, width, break_long_words=False) or [""]
    return "\n".join(lines)


def _step_label(step: Step) -> str:
    rows = []
    details = [step.channel or "ingen kanal"]
    if step.emotion is not None:
        details.append(f"känsla {format_emotion(step.emotion)}")
    rows.append(f'<FONT POINT-SIZE="9">{escape_label(" · ".join(details))}</FONT>')
    rows.append(f"<B>{escape_label(wrap(step.text or step.id))}</B>")
    if len(step.actors) > 1:
        participants = wrap("Deltar: " + ", ".join(step.actors[1:]), 34)
        rows.append(f'<FONT POINT-SIZE="9">{escape_label(participants)}</FONT>')
    for pain in step.pain_points:
        pain_text = escape_label(wrap(f"Smärtpunkt: {pain}", 34))
        rows.append(f'<FONT POINT-SIZE="9"><B>⚠</B> {pain_text}</FONT>')
    if step.failure_demand:
        rows.append('<FONT POINT-SIZE="9"><B>↻ Sviktande efterfrågan</B></FONT>')
    if step.evidence in EVIDENCE_SV and step.evidence != "observed":
        rows.append(f'<FONT POINT-SIZE="8"><I>{EVIDENCE_SV[step.evidence]}</I></FONT>')
    cells = "".join(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{row}</TD></TR>' for row in rows)
    return html_label(f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0">{cells}</TABLE>')


def step_attributes(step: Step) -> dict[str, str]:
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
    # Any two steps of a stage joined by a flow get different columns, the earlier-listed step
    # first (Graphviz cannot route flows between clusters within one column). Ordering by the
    # list keeps this acyclic even where flows loop, and the list order is a topological order.
    earlier: dict[str, list[str]] = {}
    for flow in journey.flows:
        if (
            flow.source in steps
            and flow.target in steps
            and flow.source != flow.target
            and stage_index.get(steps[flow.source].stage)
            == stage_index.get(steps[flow.target].stage)
        ):
            first, then = sorted((flow.source, flow.target), key=position.__getitem__)
            earlier.setdefault(then, []).append(first)
    depth: dict[str, int] = {}
    for step_id in sorted(position, key=position.__getitem__):
        depth[step_id] = max((depth[p] + 1 for p in earlier.get(step_id, ())), default=0)
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


def flow_attributes(flow: Flow, steps: dict[str, Step], lanes: dict) -> dict[str, str]:
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
            facts.append(f"känsla {format_emotion(step.emotion)}")
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
