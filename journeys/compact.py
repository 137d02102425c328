"""The compact layout for very large journeys (see blueprint.GRID_MAX_STEPS).

The blueprint grid's positioning grows steeply with the number of columns, so journeys above
the limit are drawn the faster way: lanes as clusters in lane order (Graphviz keeps them in
order in practice, but does not promise it), the backstage block's dashed top edge as the line
of visibility, and stage names along the bottom.
"""

from __future__ import annotations

from journeys.model import Journey, Step
from journeys.render import (
    FONT,
    DotGraph,
    escape_label,
    flow_attributes,
    html_label,
    step_attributes,
    step_columns,
    svg_id,
)


def compact_dot(journey: Journey, dpi: int | None = None) -> str:
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
            **({"dpi": str(dpi)} if dpi else {}),
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
            attributes = flow_attributes(flow, steps, lanes)
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
            cluster.node(svg_id("step", step.id), **step_attributes(step))
    return name_node
