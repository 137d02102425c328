"""Playing a scenario and scoring the path taken. Pure functions, no storage.

Scoring (scale -2..+2 per choice and dimension, see ``scenario``):

- ``totals[d]``: sum of the scores on dimension ``d`` over the choices taken.
- ``best_possible[d]`` / ``worst_possible[d]``: sum, over the same steps, of the highest / lowest
  score on ``d`` among the choices that were available at each step. This measures the learner
  against the options they actually had, so a short path is not punished for being short.
- ``normalised[d]`` = (total - worst) / (best - worst), in 0..1; 1.0 when every choice was
  the best available on ``d`` (also when best == worst, i.e. there was nothing to choose between).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import networkx as nx

from academy.practice.scenario import Choice, Node, Scenario


class PlayError(ValueError):
    """A choice sequence that cannot be played; the message is Swedish and shown to the user."""


@dataclass
class PlayResult:
    path: list[str]  # node ids visited, starting with the start node
    choices: list[Choice]  # choices taken, in order
    totals: dict[str, int]
    best_possible: dict[str, int]
    worst_possible: dict[str, int]
    normalised: dict[str, float]
    reached_end: bool
    end_node: Node | None = None
    feedback: list[str] = field(default_factory=list)  # feedback of each choice, in order

    @property
    def current_node(self) -> str:
        return self.path[-1]


def available_choices(scenario: Scenario, node_id: str) -> list[Choice]:
    """The responses the learner can give at ``node_id`` (empty at an end node)."""
    return scenario.choices_from(node_id)


@dataclass(frozen=True)
class _Shape:
    """What the answers still needed depend on: the nodes, the ends and the choices."""

    nodes: tuple[str, ...]
    ends: frozenset[str]
    edges: tuple[tuple[str, str], ...]


def steps_left(scenario: Scenario, node_id: str) -> tuple[int | None, int | None]:
    """(fewest, most) answers still needed from ``node_id`` to reach an end: (0, 0) at an end;
    ``most`` is None when a loop on the way lets the conversation go on without limit, and both
    are None when no end can be reached from here.

    Asked at every step of the player: the answer is kept per shape of the scenario (its
    nodes, ends and choices), so a step costs the graph work only the first time."""
    ids = {n.id for n in scenario.nodes}
    shape = _Shape(
        nodes=tuple(n.id for n in scenario.nodes),
        ends=frozenset(n.id for n in scenario.nodes if n.is_end),
        edges=tuple(
            (c.source, c.target) for c in scenario.choices if c.source in ids and c.target in ids
        ),
    )
    return _steps_left(shape, node_id)


@lru_cache(maxsize=512)
def _steps_left(shape: _Shape, node_id: str) -> tuple[int | None, int | None]:
    graph = nx.DiGraph()
    graph.add_nodes_from(shape.nodes)
    graph.add_edges_from(shape.edges)
    ends = shape.ends
    if node_id not in graph:
        return None, None
    if node_id in ends:
        return 0, 0
    # The part of the scenario that leads from here to an end.
    ahead = nx.descendants(graph, node_id) | {node_id}
    to_end = set().union(*(nx.ancestors(graph, e) | {e} for e in ends & ahead)) if ends else set()
    part = graph.subgraph(ahead & to_end)
    if node_id not in part:
        return None, None
    lengths = nx.single_source_shortest_path_length(part, node_id)
    fewest = min(lengths[e] for e in ends if e in lengths)
    if not nx.is_directed_acyclic_graph(part):
        return fewest, None
    longest: dict[str, int] = {}
    for node in reversed(list(nx.topological_sort(part))):
        following = [longest[t] + 1 for t in part.successors(node) if t in longest]
        if node in ends or following:
            longest[node] = 0 if node in ends else max(following)
    return fewest, longest[node_id]


def play(scenario: Scenario, choice_ids: Sequence[str]) -> PlayResult:
    """Follow ``choice_ids`` from the start node and score the path.

    Raises ``PlayError`` if the start node is missing or a choice is not available where the
    learner stands; a partial path (not yet at an end) is fine and gives ``reached_end=False``.
    """
    if scenario.node(scenario.start) is None:
        raise PlayError("Scenariot kan inte spelas: startnoden saknas.")
    dimensions = list(scenario.dimensions)
    totals = dict.fromkeys(dimensions, 0)
    best = dict.fromkeys(dimensions, 0)
    worst = dict.fromkeys(dimensions, 0)
    path = [scenario.start]
    taken: list[Choice] = []

    for step, choice_id in enumerate(choice_ids, start=1):
        here = path[-1]
        options = available_choices(scenario, here)
        choice = next((c for c in options if c.id == choice_id), None)
        if choice is None:
            raise PlayError(
                f"Valet ”{choice_id}” (steg {step}) finns inte i situationen ”{here}”. "
                "Välj ett av de svar som visas."
            )
        if scenario.node(choice.target) is None:
            raise PlayError(f"Valet ”{choice_id}” leder till en situation som saknas.")
        for dimension in dimensions:
            scores = [c.scores.get(dimension, 0) for c in options]
            totals[dimension] += choice.scores.get(dimension, 0)
            best[dimension] += max(scores)
            worst[dimension] += min(scores)
        taken.append(choice)
        path.append(choice.target)

    last = scenario.node(path[-1])
    reached_end = last is not None and last.is_end
    return PlayResult(
        path=path,
        choices=taken,
        totals=totals,
        best_possible=best,
        worst_possible=worst,
        normalised={d: _normalise(totals[d], best[d], worst[d]) for d in dimensions},
        reached_end=reached_end,
        end_node=last if reached_end else None,
        feedback=[c.feedback for c in taken],
    )


def _normalise(total: int, best: int, worst: int) -> float:
    if best == worst:
        return 1.0
    return (total - worst) / (best - worst)
