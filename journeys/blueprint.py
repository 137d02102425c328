"""The service-blueprint layout of a journey as DOT text (rendered by Graphviz `dot`).

The grid, top to bottom: the title and a legend (the graph label); a header row with the stage
names; the citizen's emotion row; the citizen lanes; the line of interaction; the frontstage
lanes; the line of visibility; the backstage and support lanes. Left to right: column 0 holds
the row names, then every stage gets the columns `step_columns` gives it, with a thin light
separator column between two stages.

Every column is pinned with one `rank=same` group, held in order by a chain of invisible
anchors, so flows never move steps between columns (flows do not constrain ranks) and `dot`
stays fast. A line (interaction, visibility) is a row of its own: its name in column 0 and an
edge to an invisible point in the last column. Emotion markers are small tables with one cell
per score (+2 at the top, −2 at the bottom); the cell of the score is filled and carries the
number, so the score reads as position, text and colour. A thin curve joins the markers; it
has weight 0 so it never pulls the markers out of line.

All user text goes through `escape_label`; ids through `svg_id`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from journeys.compact import compact_dot
from journeys.errors import RenderError
from journeys.model import Journey, Step
from journeys.render import (
    EMOTION_FILLS,
    EMOTION_FONT_COLOURS,
    FONT,
    HANDOFF_COLOUR,
    MAX_STEPS,
    PAIN_BORDER,
    RENDER_TIMEOUT_SECONDS,
    DotGraph,
    HtmlLabel,
    RenderCache,
    _attribute_list,
    _step_label,
    content_key,
    dot_quote,
    escape_label,
    flow_attributes,
    format_emotion,
    html_label,
    observed_decoration,
    render_dot,
    step_attributes,
    step_columns,
    svg_id,
    wrap,
)

# Blueprint order of the lanes: who the citizen meets first, then what happens out of sight.
ROLE_ORDER = ("customer", "frontstage", "backstage", "support")
LINE_COLOUR = "#333333"
SEPARATOR_COLOUR = "#d4d4d4"
HEADER_FILL = "#eeeeee"
EMOTION_LEVELS = (2, 1, 0, -1, -2)
EMOTION_CELL_HEIGHT = 11
RULE_COLOUR = "#dddddd"
SEPARATOR = {
    "label": "",
    "shape": "box",
    "style": "filled",
    "width": "0.03",
    "fillcolor": SEPARATOR_COLOUR,
    "color": SEPARATOR_COLOUR,
    "class": "stage-separator",
}
NAME_CELL = {"shape": "box", "style": "filled", "fillcolor": "#f4f4f4", "color": "#f4f4f4"}
EMOTION = {"class": "emotion"}
# Comparison marks: the text says it, the border shows it (also without colour).
COMPARISON_MARKS = {
    "added": ("+ Nytt i önskat läge", "#1b7837", "solid"),
    "removed": ("− Finns inte i önskat läge", "#762a83", "dashed"),
    "changed": ("≠ Ändrat", "#2166ac", "solid"),
}
INTERACTION = ("line-of-interaction", "Interaktionslinje", "solid")
VISIBILITY = ("line-of-visibility", "Synlighetslinje", "dashed")


JOURNEY_CACHE = RenderCache()
# Graphviz's positioning of the grid grows steeply with its size (about 0.05 s of CPU at 30
# steps, 0.75 s at 120, 5.5 s at 200); larger journeys get the compact layout.
GRID_MAX_STEPS = 120
PNG_DPI = 192  # twice the 96 dpi Graphviz assumes for a screen


def check_size(journey: Journey) -> None:
    if len(journey.steps) > MAX_STEPS:
        raise RenderError(
            f"Kundresan har {len(journey.steps)} steg; diagram ritas för högst {MAX_STEPS} steg. "
            "Dela upp kundresan i mindre delar."
        )


def render_journey(
    journey: Journey,
    fmt: str = "svg",
    timeout: float = RENDER_TIMEOUT_SECONDS,
    marks: dict[str, str] | None = None,
) -> bytes:
    """Journey -> SVG/PNG/PDF bytes. Unchanged journeys come from a cache keyed by content.

    `marks` flags steps for a comparison: step id -> "added", "removed" or "changed"."""
    return journey_renderer(journey, fmt, timeout, marks)()


Renderer = Callable[[], bytes]


def journey_renderer(
    journey: Journey,
    fmt: str = "svg",
    timeout: float = RENDER_TIMEOUT_SECONDS,
    marks: dict[str, str] | None = None,
) -> Renderer:
    """`render_journey` in two parts: the DOT text is built now, and `dot` runs when the
    returned function is called. Building the text is Python work; running `dot` is a process
    of its own, so a thread can call the function and wait while others go on."""
    key = (fmt, content_key(repr((journey, sorted((marks or {}).items())))))
    dpi = PNG_DPI if fmt == "png" else None
    return _renderer(key, journey, lambda: blueprint_dot(journey, marks, dpi=dpi), timeout)


def _renderer(
    key: tuple[str, str], journey: Journey, make_dot: Callable[[], str], timeout: float
) -> Renderer:
    cached = JOURNEY_CACHE.get(key)
    if cached is not None:
        return lambda: cached
    check_size(journey)
    dot_text = make_dot()

    def render() -> bytes:
        rendered = render_dot(dot_text, key[0], timeout)
        JOURNEY_CACHE.put(key, rendered)
        return rendered

    return render


def journey_dot(journey: Journey) -> str:
    """DOT text for a journey as a service blueprint (see the module docstring)."""
    return blueprint_dot(journey)


@dataclass(frozen=True)
class Row:
    """One lane row: its lane id ("" for steps in unknown lanes), name and role."""

    lane_id: str
    name: str
    role: str


def lane_rows(journey: Journey, used_unknown: bool) -> list[Row]:
    """Lanes in blueprint order (citizen, frontstage, backstage, support), keeping the
    journey's order within a role; steps in unknown lanes go last."""
    rank = {role: n for n, role in enumerate(ROLE_ORDER)}
    ordered = sorted(
        enumerate(journey.lanes), key=lambda item: (rank.get(item[1].role, 2), item[0])
    )
    rows = [Row(lane.id, lane.name, lane.role) for _, lane in ordered]
    if used_unknown:
        rows.append(Row("", "Okänd bana", "backstage"))
    return rows


def blueprint_columns(journey: Journey) -> tuple[dict[str, int], list[int], list[int], int]:
    """Columns of the steps with separator columns between stages.

    Returns (column of each step, first column of each stage, separator columns, count)."""
    columns, stage_starts, column_count = step_columns(journey)

    def shifted(column: int) -> int:
        return column + sum(1 for start in stage_starts[1:] if start <= column)

    separators = [start + n for n, start in enumerate(stage_starts[1:])]
    step_column = {step_id: shifted(column) for step_id, column in columns.items()}
    starts = [shifted(start) for start in stage_starts]
    return step_column, starts, separators, column_count + len(separators)


def emotion_by_column(journey: Journey, columns: dict[str, int]) -> dict[int, float]:
    """The citizen's emotion per column: the mean of the citizen-lane steps in it that have
    one (all steps when no citizen-lane step has an emotion)."""
    customer_lanes = {lane.id for lane in journey.lanes if lane.role == "customer"}
    felt = [s for s in journey.steps if s.emotion is not None and s.id in columns]
    chosen = [s for s in felt if s.lane in customer_lanes] or felt
    values: dict[int, list[float]] = {}
    for step in chosen:
        values.setdefault(columns[step.id], []).append(float(step.emotion or 0))
    return {column: sum(v) / len(v) for column, v in sorted(values.items())}


class Grid:
    """The blueprint's nodes column by column, top to bottom.

    Column 0 (the row names) is held in order by invisible flat edges (Graphviz keeps flat
    edges between plain nodes in order); the other columns follow because every row is a chain
    of heavy edges from its name to its cells."""

    def __init__(self, graph: DotGraph, column_count: int) -> None:
        self.graph = graph
        self.column_count = column_count
        self.columns: dict[int, list[str]] = {n: [] for n in range(column_count)}

    def add(self, column: int, name: str, **attributes: str) -> str:
        self.graph.node(name, **attributes)
        self.columns[column].append(name)
        return name

    def points(self, names: dict[int, str]) -> list[str]:
        """Invisible points in the given columns."""
        self.graph.points(list(names.values()))
        for column, name in names.items():
            self.columns[column].append(name)
        return list(names.values())

    def row(self, names: list[str], **attributes: str) -> None:
        """Edges along one row (invisible and heavy unless attributes say otherwise)."""
        self.graph.chain(names, **{"style": "invis", "weight": "20", **attributes})

    def finish(self) -> None:
        self.graph.chain(self.columns[0], style="invis")
        for column, names in self.columns.items():
            with self.graph.subgraph(name=f"column_{column}") as group:
                group.attr(rank="same")
                group.listing(names)


def blueprint_dot(
    journey: Journey, marks: dict[str, str] | None = None, *, dpi: int | None = None
) -> str:
    """DOT text for a journey as a service blueprint (see the module docstring); `marks` as
    in render_journey; `dpi` sets the resolution of bitmap output. Journeys of more than
    GRID_MAX_STEPS steps get the compact layout (journeys/compact.py), without marks."""
    if len(journey.steps) > GRID_MAX_STEPS:
        return compact_dot(journey, dpi)
    graph = DotGraph(
        name="journey",
        graph_attr={
            "rankdir": "LR",
            "newrank": "true",
            "nodesep": "0.12",
            "ranksep": "0.35",
            "fontname": FONT,
            "labelloc": "t",
            "labeljust": "l",
            "label": html_label(_title_and_legend(journey)),
            "id": "journey",
            **({"dpi": str(dpi)} if dpi else {}),
        },
        node_attr={"shape": "box", "style": "rounded,filled", "fontname": FONT, "fontsize": "11"},
        edge_attr={"fontname": FONT, "fontsize": "9", "color": "#555555"},
    )
    columns, stage_starts, separators, column_count = blueprint_columns(journey)
    # One more, empty column on the right lets the lines reach past the last steps.
    grid = Grid(graph, column_count + 1)
    grid.row(grid.points({n: f"anchor_{n}" for n in range(grid.column_count)}), weight="50")

    _header_row(grid, journey, stage_starts, separators)
    emotions = emotion_by_column(journey, columns)
    if emotions:
        _emotion_row(grid, emotions)
    known = {lane.id for lane in journey.lanes}
    by_lane: dict[str, list[Step]] = {}
    for step in journey.steps:
        by_lane.setdefault(step.lane if step.lane in known else "", []).append(step)
    previous_role = None
    for number, row in enumerate(lane_rows(journey, "" in by_lane)):
        lines = []
        if previous_role == "customer" and row.role != "customer":
            lines.append(INTERACTION)
        if previous_role in ("customer", "frontstage") and row.role in ("backstage", "support"):
            lines.append(VISIBILITY)
        if previous_role is not None and not lines:
            lines.append((f"lane-rule-{number}", "", "solid"))
        for line in lines:
            _line_row(grid, line)
        lane_steps = by_lane.get(row.lane_id, [])
        _lane_row(grid, number, row, lane_steps, columns, separators, marks or {})
        previous_role = row.role
    grid.finish()

    steps = journey.steps_by_id()
    lanes = journey.lanes_by_id()
    for flow in journey.flows:
        if flow.source in steps and flow.target in steps:
            attributes = flow_attributes(flow, steps, lanes)
            attributes["constraint"] = "false"  # columns are already fixed
            graph.edge(svg_id("step", flow.source), svg_id("step", flow.target), **attributes)
    return graph.source


def _header_row(
    grid: Grid, journey: Journey, stage_starts: list[int], separators: list[int]
) -> None:
    names = [grid.add(0, "stages-name", label=html_label("<B>Fas</B>"), **NAME_CELL)]
    ends = [*(column - 1 for column in separators), grid.column_count - 2]
    centres = [(start + end) // 2 for start, end in zip(stage_starts, ends, strict=False)]
    for stage, first_column in zip(journey.stages, centres, strict=True):
        header = svg_id("stage", stage.id)
        label = html_label(f"<B>{escape_label(wrap(stage.name, 24))}</B>")
        names.append(
            grid.add(
                first_column,
                header,
                label=label,
                id=header,
                shape="box",
                style="filled",
                fillcolor=HEADER_FILL,
                color=HEADER_FILL,
                fontsize="13",
                **{"class": "stage"},
            )
        )
    placed = dict(zip(centres, names[1:], strict=False))
    for column in separators:
        placed[column] = grid.add(column, f"separator-{column}", height="0.45", **SEPARATOR)
    grid.row([names[0]] + [placed[column] for column in sorted(placed)])


def _emotion_marker(score: float) -> str:
    level = max(-2, min(2, round(score)))
    fill = EMOTION_FILLS[level]
    font = EMOTION_FONT_COLOURS.get(level, "#000000")
    cells = []
    for value in EMOTION_LEVELS:
        if value == level:
            text = f'<FONT COLOR="{font}" POINT-SIZE="9"><B>{format_emotion(score)}</B></FONT>'
            cell = f'<TD PORT="score" BGCOLOR="{fill}" BORDER="1" COLOR="#333333">{text}</TD>'
        else:
            cell = f'<TD HEIGHT="{EMOTION_CELL_HEIGHT}" WIDTH="26"> </TD>'
        cells.append(f"<TR>{cell}</TR>")
    body = "".join(cells)
    return f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">{body}</TABLE>'


def _emotion_scale() -> str:
    cells = "".join(
        f'<TR><TD HEIGHT="{EMOTION_CELL_HEIGHT}" ALIGN="RIGHT">'
        f'<FONT POINT-SIZE="8">{format_emotion(value)}</FONT></TD></TR>'
        for value in EMOTION_LEVELS
    )
    return (
        '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">'
        f'<TR><TD ROWSPAN="5"><B>Känsla</B> </TD>{cells[4:]}</TABLE>'
    )


def _emotion_row(grid: Grid, emotions: dict[int, float]) -> None:
    label = html_label(_emotion_scale())
    names = [grid.add(0, "emotion-name", label=label, id="emotion-row", **NAME_CELL)]
    for column, score in emotions.items():
        name = f"emotion-{column}"
        label = html_label(_emotion_marker(score))
        names.append(
            grid.add(column, name, label=label, shape="plaintext", style="", id=name, **EMOTION)
        )
    # Keep the markers in line (invisible, heavy) and draw the curve (weightless).
    grid.row(names, weight="100")
    for left, right in zip(names[1:], names[2:], strict=False):
        grid.graph.edge(
            left,
            right,
            tailport="score",
            headport="score",
            weight="0",
            constraint="false",
            dir="none",
            color="#777777",
            penwidth="1.5",
        )


def _line_row(grid: Grid, line: tuple[str, str, str]) -> None:
    """A horizontal line across the whole blueprint: its name (if any) in column 0, then a point
    in every column joined by straight edges. Unnamed lines are the light rules between lanes."""
    line_id, name, style = line
    point = line_id.replace("-", "_")  # plain DOT names need no quoting
    if name:
        label = html_label(f"<I>{name}</I>")
        first = grid.add(0, line_id, label=label, id=line_id, fontsize="10", **NAME_CELL)
        attributes = {"penwidth": "2", "color": LINE_COLOUR}
    else:
        first = grid.points({0: f"{point}_0"})[0]
        attributes = {"penwidth": "1", "color": RULE_COLOUR}
    points = grid.points({n: f"{point}_{n}" for n in range(1, grid.column_count)})
    grid.row(
        [first, *points],
        style=style,
        weight="100",
        dir="none",
        **{"class": line_id if name else "lane-rule"},
        **attributes,
    )


def _lane_row(
    grid: Grid,
    number: int,
    row: Row,
    steps: list[Step],
    columns: dict[str, int],
    separators: list[int],
    marks: dict[str, str],
) -> None:
    """One lane: its name in column 0, its steps in their columns, a light mark between stages."""
    lane_id = svg_id("lane", row.lane_id) if row.lane_id else "lane-unknown"
    label = html_label(f"<B>{escape_label(wrap(row.name, 20))}</B>")
    name = grid.add(0, f"row-{number}", label=label, id=lane_id, fontsize="12", **NAME_CELL)
    cells: dict[int, list[Step]] = {}
    for step in steps:
        cells.setdefault(columns[step.id], []).append(step)
    for column in separators:
        cells.setdefault(column, [])
    row_cells = [[name]]
    for column in sorted(cells):
        if not cells[column]:
            separator = grid.add(column, f"row-{number}-sep-{column}", height="0.3", **SEPARATOR)
            row_cells.append([separator])
            continue
        row_cells.append(
            [
                grid.add(column, svg_id("step", step.id), **marked(step, marks.get(step.id)))
                for step in cells[column]
            ]
        )
    grid.row([cell[0] for cell in row_cells])
    # Steps stacked in one cell hang on their neighbours' first nodes, so they stay in the row.
    for left, right in zip(row_cells, row_cells[1:], strict=False):
        for node in right[1:]:
            grid.graph.edge(left[0], node, style="invis", weight="1")
        for node in left[1:]:
            grid.graph.edge(node, right[0], style="invis", weight="1")


def marked(step: Step, mark: str | None) -> dict[str, str]:
    """A step's node attributes, with a comparison mark (text, thick border, class) if any."""
    attributes = step_attributes(step)
    if mark not in COMPARISON_MARKS:
        return attributes
    text, colour, style = COMPARISON_MARKS[mark]
    row = f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="10"><B>{text}</B></FONT></TD></TR>'
    label = attributes["label"]
    opening = label.index(">", 2) + 1  # after <TABLE ...>
    attributes["label"] = html_label(label[1:opening] + row + label[opening:-1])
    attributes.update(color=colour, penwidth="4", style=f"rounded,filled,{style}")
    attributes["class"] = f"step step-{mark}"
    return attributes


def _small(text: str, **attributes: str) -> str:
    extra = "".join(f' {key.upper()}="{value}"' for key, value in attributes.items())
    return f'<TD{extra}><FONT POINT-SIZE="9">{text}</FONT></TD>'


def _title_and_legend(journey: Journey) -> str:
    """The graph label: the title, then a one-row legend of every mark the diagram uses."""
    gap = '<TD WIDTH="10"> </TD>'
    scale = "".join(
        _small(
            f'<FONT COLOR="{EMOTION_FONT_COLOURS.get(level, "#000000")}">'
            f"{format_emotion(level)}</FONT>",
            bgcolor=EMOTION_FILLS[level],
            border="1",
            color="#333333",
        )
        for level in (-2, -1, 0, 1, 2)
    )
    items = "".join(
        [
            _small("<B>Teckenförklaring</B>"),
            gap,
            _small("Känsla:"),
            scale,
            gap,
            _small("⚠ Smärtpunkt", border="3", color=PAIN_BORDER),
            gap,
            _small("↻ Sviktande efterfrågan (dubbel ram)", border="1", color="#000000"),
            gap,
            _small(f'<FONT COLOR="{HANDOFF_COLOUR}"><B>━━▶</B></FONT> överlämning'),
            _small("┈┈▶ alternativ"),
            _small("╌╌▶ omtag"),
            gap,
            _small("<I>streckad ram: föreslaget steg</I>"),
        ]
    )
    return (
        '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="3">'
        f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="16"><B>{escape_label(journey.title)}</B>'
        "</FONT></TD></TR>"
        '<TR><TD ALIGN="LEFT"><TABLE BORDER="0" CELLBORDER="0" CELLSPACING="1" CELLPADDING="2">'
        f"<TR>{items}</TR></TABLE></TD></TR></TABLE>"
    )


# ---- observed figures (Kontaktanalys) on the linked steps ------------------------------------


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
    return observed_renderer(journey, observed, fmt, timeout)()


def observed_renderer(
    journey: Journey,
    observed: Mapping[str, Any],
    fmt: str = "svg",
    timeout: float = RENDER_TIMEOUT_SECONDS,
) -> Renderer:
    """`render_observed` in two parts, like `journey_renderer`."""
    if not observed:
        return journey_renderer(journey, fmt, timeout)
    key = (fmt, content_key(repr(journey) + repr(sorted(observed.items()))))
    return _renderer(key, journey, lambda: observed_dot(journey, observed), timeout)
