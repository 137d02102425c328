"""The scenario map: the graph of situations and choices drawn by Graphviz.

Built with the journeys renderer's escaping and its cached, time-limited `dot` run, so user
text reaches DOT only inside escaped HTML-like labels and node ids are checked slugs or hashes.
"""

from __future__ import annotations

import graphviz

from academy.practice.scenario import Scenario
from journeys.render import FONT, escape_label, html_label, inline_svg, render_dot, svg_id

LABEL_CHARS = 70


def _short(text: str, limit: int = LABEL_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def node_svg_id(node_id: str) -> str:
    return svg_id("node", node_id)


def scenario_dot(scenario: Scenario) -> str:
    graph = graphviz.Digraph(
        name="scenario",
        graph_attr={"rankdir": "TB", "fontname": FONT, "id": "scenario", "nodesep": "0.4"},
        node_attr={"shape": "box", "style": "rounded,filled", "fontname": FONT, "fontsize": "11"},
        edge_attr={"fontname": FONT, "fontsize": "9", "color": "#555555"},
    )
    for node in scenario.nodes:
        kind = "Start" if node.id == scenario.start else ("Slut" if node.is_end else "")
        heading = escape_label(node.id) + (f" · {kind}" if kind else "")
        label = html_label(f"<B>{heading}</B><BR/>{escape_label(_short(node.text))}")
        graph.node(
            node_svg_id(node.id),
            label=label,
            id=node_svg_id(node.id),
            fillcolor="#e8f1fb" if node.id == scenario.start else "#ffffff",
            peripheries="2" if node.is_end else "1",
            tooltip=" ",
        )
    known = {n.id for n in scenario.nodes}
    for choice in scenario.choices:
        if choice.source in known and choice.target in known:
            graph.edge(
                node_svg_id(choice.source),
                node_svg_id(choice.target),
                label=html_label(escape_label(_short(choice.text, 40))),
            )
    return graph.source


def svg_markup(scenario: Scenario) -> str:
    """Inline SVG without XML prolog; every label went through escape_label."""
    return inline_svg(render_dot(scenario_dot(scenario), "svg"))
