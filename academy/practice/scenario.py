"""Branching bemötande scenarios: the model, its graph and its validation.

A scenario is a directed graph. Nodes are situations (what the citizen says or does); choices are
the employee's possible responses, each leading to another node and carrying feedback and scores.

Score scale: every score is an integer from -2 to +2 (``SCORE_MIN``..``SCORE_MAX``).
-2 = clearly harmful response, 0 = neutral, +2 = exemplary. A dimension a choice does not mention
counts as 0. Negative scores exist so that a poor response costs something instead of merely
earning nothing.

``validate`` returns every problem at once (never raises), each with a Swedish message for trainers
and the element it concerns, so an editor can list them all and highlight the right node or choice.
A problem is either an error (the scenario cannot be played as meant: a link to a missing
situation, no end, a situation that cannot be reached …), which blocks publishing, or advice
(``ADVICE``: a choice without feedback, no channel …): the scenario plays, but teaches less. A
plain Twine story has only advice until the trainer adds the feedback.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import networkx as nx

SCORE_MIN = -2
SCORE_MAX = 2

CHANNELS = ("telefon", "besök", "e-post", "chatt")
DEFAULT_DIMENSIONS = ("Tydlighet", "Empati", "Lösningsfokus", "Korrekthet")


@dataclass
class Setting:
    """Where and how the contact takes place."""

    channel: str
    situation: str
    journey_step: str | None = None  # reference to a journey step, e.g. "12#beslut"
    journey_label: str = ""  # the journey and step as named when chosen, for the player


@dataclass
class Node:
    """A situation: what the citizen says or does at this point."""

    id: str
    text: str
    image: str | None = None
    image_alt: str = ""  # the image's text alternative, written by the trainer
    is_end: bool = False
    closing: str = ""  # summary shown when the scenario ends here (end nodes only)
    position: tuple[float, float] | None = None  # layout for map views and Twine


@dataclass
class Choice:
    """One response the employee can give at ``source``, leading to ``target``."""

    id: str
    source: str
    target: str
    text: str
    feedback: str = ""
    scores: dict[str, int] = field(default_factory=dict)


@dataclass
class Scenario:
    title: str
    setting: Setting
    start: str
    nodes: list[Node] = field(default_factory=list)
    choices: list[Choice] = field(default_factory=list)
    dimensions: list[str] = field(default_factory=lambda: list(DEFAULT_DIMENSIONS))
    # Twine's story id (IFID). Kept so that a re-exported file stays the same story in Twine.
    ifid: str | None = None

    def node(self, node_id: str) -> Node | None:
        return next((n for n in self.nodes if n.id == node_id), None)

    def choice(self, choice_id: str) -> Choice | None:
        return next((c for c in self.choices if c.id == choice_id), None)

    def choices_from(self, node_id: str) -> list[Choice]:
        return [c for c in self.choices if c.source == node_id]


ElementKind = Literal["scenario", "setting", "node", "choice"]


# Findings that do not stop the scenario from being played; everything else is an error.
ADVICE = frozenset(
    {
        "missing_channel",
        "empty_situation",
        "no_dimensions",
        "empty_node_text",
        "empty_closing",
        "empty_feedback",
    }
)


@dataclass(frozen=True)
class Problem:
    """One validation finding. ``code`` is stable for programs; ``message`` is for people."""

    code: str
    message: str
    element_kind: ElementKind
    element_id: str | None = None

    @property
    def is_error(self) -> bool:
        """True when the finding blocks publishing; False for authoring advice."""
        return self.code not in ADVICE


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.is_error]


def warnings(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if not p.is_error]


def to_graph(scenario: Scenario) -> nx.MultiDiGraph:
    """Nodes keyed by node id, edges keyed by choice id (so parallel choices survive).

    Choices whose source or target node does not exist are left out; ``validate`` reports them.
    """
    graph = nx.MultiDiGraph(title=scenario.title, start=scenario.start)
    for node in scenario.nodes:
        graph.add_node(
            node.id,
            text=node.text,
            image=node.image,
            is_end=node.is_end,
            closing=node.closing,
        )
    for choice in scenario.choices:
        if choice.source in graph and choice.target in graph:
            graph.add_edge(
                choice.source,
                choice.target,
                key=choice.id,
                text=choice.text,
                feedback=choice.feedback,
                scores=dict(choice.scores),
            )
    return graph


def validate(scenario: Scenario) -> list[Problem]:
    """Return all problems in the scenario; an empty list means it can be played."""
    problems: list[Problem] = []
    problems += _check_texts(scenario)
    problems += _check_identities(scenario)
    problems += _check_choices(scenario)
    problems += _check_structure(scenario)
    return problems


def _check_texts(scenario: Scenario) -> list[Problem]:
    problems = []
    if not scenario.title.strip():
        problems.append(Problem("empty_title", "Scenariot saknar titel.", "scenario"))
    setting = scenario.setting
    if not setting.channel.strip():
        problems.append(Problem("missing_channel", "Kanal saknas i inramningen.", "setting"))
    elif setting.channel not in CHANNELS:
        allowed = ", ".join(CHANNELS)
        problems.append(
            Problem(
                "unknown_channel",
                f"Okänd kanal ”{setting.channel}”. Tillåtna kanaler: {allowed}.",
                "setting",
            )
        )
    if not setting.situation.strip():
        problems.append(
            Problem("empty_situation", "Inramningen saknar beskrivning av situationen.", "setting")
        )
    if not scenario.dimensions:
        problems.append(
            Problem("no_dimensions", "Scenariot har inga poängdimensioner.", "scenario")
        )
    for dimension in scenario.dimensions:
        if not dimension.strip():
            problems.append(
                Problem("empty_dimension", "En poängdimension saknar namn.", "scenario")
            )
    for node in scenario.nodes:
        if not node.text.strip():
            problems.append(
                Problem("empty_node_text", f"Noden ”{node.id}” saknar text.", "node", node.id)
            )
        if node.is_end and not node.closing.strip():
            problems.append(
                Problem(
                    "empty_closing",
                    f"Slutnoden ”{node.id}” saknar avslutande text.",
                    "node",
                    node.id,
                )
            )
        if node.image is not None and not node.image.strip():
            problems.append(
                Problem("empty_image", f"Noden ”{node.id}” har en tom bildsökväg.", "node", node.id)
            )
    for choice in scenario.choices:
        if not choice.text.strip():
            problems.append(
                Problem(
                    "empty_choice_text",
                    f"Valet ”{choice.id}” saknar svarstext.",
                    "choice",
                    choice.id,
                )
            )
        if not choice.feedback.strip():
            problems.append(
                Problem(
                    "empty_feedback",
                    f"Valet ”{choice.id}” saknar återkoppling.",
                    "choice",
                    choice.id,
                )
            )
    return problems


def _check_identities(scenario: Scenario) -> list[Problem]:
    problems = []
    for node_id in _duplicates(n.id for n in scenario.nodes):
        problems.append(
            Problem("duplicate_node", f"Det finns flera noder med id ”{node_id}”.", "node", node_id)
        )
    for choice_id in _duplicates(c.id for c in scenario.choices):
        problems.append(
            Problem(
                "duplicate_choice",
                f"Det finns flera val med id ”{choice_id}”.",
                "choice",
                choice_id,
            )
        )
    for dimension in _duplicates(scenario.dimensions):
        problems.append(
            Problem(
                "duplicate_dimension",
                f"Poängdimensionen ”{dimension}” finns flera gånger.",
                "scenario",
            )
        )
    return problems


def _check_choices(scenario: Scenario) -> list[Problem]:
    problems = []
    node_ids = {n.id for n in scenario.nodes}
    dimensions = set(scenario.dimensions)
    for choice in scenario.choices:
        if choice.source not in node_ids:
            problems.append(
                Problem(
                    "missing_source",
                    f"Valet ”{choice.id}” utgår från noden ”{choice.source}” som inte finns.",
                    "choice",
                    choice.id,
                )
            )
        if choice.target not in node_ids:
            problems.append(
                Problem(
                    "missing_target",
                    f"Valet ”{choice.id}” leder till noden ”{choice.target}” som inte finns.",
                    "choice",
                    choice.id,
                )
            )
        for dimension, score in choice.scores.items():
            if dimension not in dimensions:
                problems.append(
                    Problem(
                        "unknown_dimension",
                        f"Valet ”{choice.id}” ger poäng på den okända dimensionen ”{dimension}”.",
                        "choice",
                        choice.id,
                    )
                )
            if not SCORE_MIN <= score <= SCORE_MAX:
                problems.append(
                    Problem(
                        "score_out_of_range",
                        f"Valet ”{choice.id}” ger {score:+d} på ”{dimension}”; "
                        f"tillåtet är {SCORE_MIN:+d} till {SCORE_MAX:+d}.",
                        "choice",
                        choice.id,
                    )
                )
    return problems


def _check_structure(scenario: Scenario) -> list[Problem]:
    problems = []
    graph = to_graph(scenario)
    if not scenario.start.strip():
        problems.append(Problem("missing_start", "Scenariot saknar startnod.", "scenario"))
    elif scenario.start not in graph:
        problems.append(
            Problem(
                "start_not_found",
                f"Startnoden ”{scenario.start}” finns inte.",
                "scenario",
            )
        )
    else:
        reachable = nx.descendants(graph, scenario.start) | {scenario.start}
        for node in scenario.nodes:
            if node.id not in reachable:
                problems.append(
                    Problem(
                        "unreachable_node",
                        f"Noden ”{node.id}” kan inte nås från startnoden.",
                        "node",
                        node.id,
                    )
                )

    for node in scenario.nodes:
        has_choices = graph.out_degree(node.id) > 0
        if not node.is_end and not has_choices:
            problems.append(
                Problem(
                    "dead_end",
                    f"Noden ”{node.id}” är ingen slutnod men har inga val.",
                    "node",
                    node.id,
                )
            )
        if node.is_end and has_choices:
            problems.append(
                Problem(
                    "end_with_choices",
                    f"Slutnoden ”{node.id}” har val; en slutnod avslutar samtalet.",
                    "node",
                    node.id,
                )
            )

    ends = [n.id for n in scenario.nodes if n.is_end]
    if scenario.nodes and not ends:
        problems.append(Problem("no_end", "Scenariot har ingen slutnod.", "scenario"))
        return problems
    can_finish = set(ends)
    for end in ends:
        can_finish |= nx.ancestors(graph, end)
    for node in scenario.nodes:
        # Nodes without choices are already reported as dead ends; this catches loops.
        if node.id not in can_finish and graph.out_degree(node.id) > 0:
            problems.append(
                Problem(
                    "no_way_to_end",
                    f"Från noden ”{node.id}” går det inte att nå någon slutnod.",
                    "node",
                    node.id,
                )
            )
    return problems


def _duplicates(values) -> list[str]:
    seen: set[str] = set()
    repeated: list[str] = []
    for value in values:
        if value in seen and value not in repeated:
            repeated.append(value)
        seen.add(value)
    return repeated
