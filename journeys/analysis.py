"""Analysis of a journey graph with networkx.

Conventions (documented in docs/journeys.md):
- Shares on flows are transition probabilities. Flows without a share split what the others
  leave equally; if given shares exceed 1 they are scaled down. End steps absorb (a settled errand).
- Errands start at the start steps, weighted by their volume per week when every start has one,
  otherwise equally.
- A contact is a visit to a step that has a channel (a touchpoint between citizen and us).
- A handoff is a flow of kind "handoff", or a flow between two different staff lanes
  (any lane whose role is not "customer").
- A channel switch is a change of channel between consecutive steps that have a channel.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import islice

import networkx as nx

from journeys.model import (
    DIGITAL_CHANNELS,
    NON_DIGITAL_CHANNELS,
    Flow,
    Journey,
    Lane,
    Step,
    to_networkx,
)

MAX_PATHS = 50
MAX_LOOPS = 50
EXACT_BETWEENNESS_LIMIT = 300
BETWEENNESS_SAMPLES = 100
LOW_EMOTION = -1


def is_handoff(flow: Flow, steps: dict[str, Step], lanes: dict[str, Lane]) -> bool:
    if flow.kind == "handoff":
        return True
    source, target = steps.get(flow.source), steps.get(flow.target)
    if source is None or target is None or source.lane == target.lane:
        return False
    roles = [lanes[lane].role if lane in lanes else None for lane in (source.lane, target.lane)]
    return "customer" not in roles


# --- probabilities and paths ---------------------------------------------------------------------


def transition_probabilities(journey: Journey) -> dict[str, dict[str, float]]:
    """source -> {target: probability}, for flows between existing steps."""
    steps = journey.steps_by_id()
    outgoing: dict[str, list[Flow]] = {}
    for flow in journey.flows:
        if flow.source in steps and flow.target in steps:
            outgoing.setdefault(flow.source, []).append(flow)
    result: dict[str, dict[str, float]] = {}
    for source, flows in outgoing.items():
        given = {f.target: min(max(f.share, 0.0), 1.0) for f in flows if f.share is not None}
        open_targets = [f.target for f in flows if f.share is None]
        total = sum(given.values())
        if open_targets:
            rest = max(0.0, 1.0 - total) / len(open_targets)
            probabilities = {**given, **dict.fromkeys(open_targets, rest)}
        else:
            probabilities = {t: p / total for t, p in given.items()} if total > 1 else given
        result[source] = probabilities
    return result


def start_weights(journey: Journey) -> dict[str, float]:
    starts = journey.start_ids()
    steps = journey.steps_by_id()
    volumes = [steps[s].volume_per_week for s in starts]
    if starts and all(v is not None and v > 0 for v in volumes):
        total = sum(volumes)  # type: ignore[arg-type]
        return {s: v / total for s, v in zip(starts, volumes, strict=True)}  # type: ignore[operator]
    return {s: 1 / len(starts) for s in starts} if starts else {}


def _absorbing_graph(journey: Journey) -> nx.DiGraph:
    """The journey graph with probabilities on edges and no flows out of end steps."""
    graph = to_networkx(journey)
    probabilities = transition_probabilities(journey)
    for source, target, data in graph.edges(data=True):
        data["p"] = probabilities.get(source, {}).get(target, 0.0)
    graph.remove_edges_from([(e, t) for e in journey.end_ids() for t in list(graph.successors(e))])
    return graph


@dataclass
class PathFigures:
    steps: list[str]
    probability: float
    handoffs: int
    channel_switches: int

    def as_dict(self) -> dict:
        return {
            "steps": self.steps,
            "probability": round(self.probability, 6),
            "handoffs": self.handoffs,
            "channel_switches": self.channel_switches,
        }


def path_figures(journey: Journey, path: list[str]) -> PathFigures:
    steps, lanes = journey.steps_by_id(), journey.lanes_by_id()
    probabilities = transition_probabilities(journey)
    flows = {(f.source, f.target): f for f in journey.flows}
    probability = start_weights(journey).get(path[0], 0.0) if path else 0.0
    handoffs = 0
    for source, target in zip(path, path[1:], strict=False):
        probability *= probabilities.get(source, {}).get(target, 0.0)
        if is_handoff(flows[(source, target)], steps, lanes):
            handoffs += 1
    return PathFigures(path, probability, handoffs, channel_switches(journey, path))


def channel_switches(journey: Journey, path: Iterable[str]) -> int:
    steps = journey.steps_by_id()
    channels = [steps[s].channel for s in path if steps[s].channel is not None]
    return sum(1 for a, b in zip(channels, channels[1:], strict=False) if a != b)


def main_path(journey: Journey) -> list[str]:
    """The most likely path from a start to an end (product of flow shares), or []."""
    graph = _absorbing_graph(journey)
    weights = start_weights(journey)
    ends = journey.end_ids()
    if not weights or not ends:
        return []

    def cost(_source: str, _target: str, data: dict) -> float | None:
        return -math.log(data["p"]) if data["p"] > 0 else None  # None hides the edge

    best: tuple[float, list[str]] | None = None
    for start, weight in weights.items():
        if weight <= 0 or start not in graph:
            continue
        distances, paths = nx.single_source_dijkstra(graph, start, weight=cost)
        for end in ends:
            if end in distances:
                total = distances[end] - math.log(weight)
                if best is None or total < best[0] - 1e-12:
                    best = (total, paths[end])
    return best[1] if best else []


def all_paths(journey: Journey, limit: int = MAX_PATHS) -> tuple[list[list[str]], bool]:
    """Simple paths from starts to ends, at most `limit`; the flag says whether more exist."""
    graph = _absorbing_graph(journey)
    ends = [e for e in journey.end_ids() if e in graph]
    found: list[list[str]] = []
    for start in journey.start_ids():
        if start not in graph:
            continue
        if start in ends:
            found.append([start])
            continue
        found += islice(nx.all_simple_paths(graph, start, ends), limit + 1 - len(found))
        if len(found) > limit:
            return found[:limit], True
    return found, False


# --- loops, bottlenecks --------------------------------------------------------------------------


def rework_loops(journey: Journey, limit: int = MAX_LOOPS) -> list[list[str]]:
    """Cycles in the journey (each as the list of steps around it), at most `limit`."""
    return [list(cycle) for cycle in islice(nx.simple_cycles(to_networkx(journey)), limit)]


def bottlenecks(journey: Journey, top: int = 5) -> list[tuple[str, float]]:
    """Steps that most paths pass through (betweenness centrality), highest first. Large
    journeys use a fixed-seed sample of sources so the figure stays fast and repeatable."""
    graph = to_networkx(journey)
    if graph.number_of_nodes() < 3:
        return []
    sample = None
    if graph.number_of_nodes() > EXACT_BETWEENNESS_LIMIT:
        sample = BETWEENNESS_SAMPLES
    scores = nx.betweenness_centrality(graph, k=sample, seed=0 if sample else None)
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    return [(step, score) for step, score in ranked[:top] if score > 0]


# --- volumes -------------------------------------------------------------------------------------


def failure_demand_share(journey: Journey) -> float | None:
    """Share of the weekly volume that is failure demand, or None when no volumes are given."""
    with_volume = [s for s in journey.steps if s.volume_per_week is not None]
    total = sum(s.volume_per_week for s in with_volume)  # type: ignore[misc]
    if total <= 0:
        return None
    failure = sum(s.volume_per_week for s in with_volume if s.failure_demand)  # type: ignore[misc]
    return failure / total


def first_contact_resolution(journey: Journey) -> float | None:
    """Expected share resolved in first contact: mean of the steps' figures, weighted by volume
    when every such step has a volume."""
    rated = [s for s in journey.steps if s.first_contact_resolution is not None]
    if not rated:
        return None
    volumes = [s.volume_per_week for s in rated]
    if all(v is not None for v in volumes) and sum(volumes) > 0:  # type: ignore[arg-type]
        weighted = sum(s.first_contact_resolution * s.volume_per_week for s in rated)  # type: ignore[operator]
        return weighted / sum(volumes)  # type: ignore[arg-type]
    return sum(s.first_contact_resolution for s in rated) / len(rated)  # type: ignore[misc]


def volume_by_channel(journey: Journey) -> dict[str, float]:
    result: dict[str, float] = {}
    for step in journey.steps:
        if step.channel and step.volume_per_week is not None:
            result[step.channel] = result.get(step.channel, 0.0) + step.volume_per_week
    return result


def handling_hours_per_week(journey: Journey) -> float:
    return sum(
        s.volume_per_week * s.handling_minutes / 60
        for s in journey.steps
        if s.volume_per_week is not None and s.handling_minutes is not None
    )


# --- expected visits (absorbing Markov chain) ----------------------------------------------------


def expected_visits(journey: Journey) -> dict[str, float]:
    """Expected number of visits to each step per started errand. Solved per strongly connected
    component in topological order, so only loops need a (small) linear system. A loop that
    errands can never leave gives infinite visits."""
    graph = _absorbing_graph(journey)
    initial = start_weights(journey)
    condensed = nx.condensation(graph)
    visits: dict[str, float] = {}
    for component in nx.topological_sort(condensed):
        members = sorted(condensed.nodes[component]["members"], key=list(graph).index)
        inflow = {
            node: initial.get(node, 0.0)
            + sum(
                visits[pred] * graph.edges[pred, node]["p"]
                for pred in graph.predecessors(node)
                if pred not in members
            )
            for node in members
        }
        if len(members) == 1 and not graph.has_edge(members[0], members[0]):
            visits[members[0]] = inflow[members[0]]
            continue
        visits.update(_solve_component(graph, members, inflow))
    return visits


def _solve_component(
    graph: nx.DiGraph, members: list[str], inflow: dict[str, float]
) -> dict[str, float]:
    """Solve v_j - sum_i v_i * p(i->j) = inflow_j over the component (Gaussian elimination)."""
    index = {node: i for i, node in enumerate(members)}
    size = len(members)
    matrix = [
        [1.0 if r == c else 0.0 for c in range(size)] + [inflow[members[r]]] for r in range(size)
    ]
    for source in members:
        for target in graph.successors(source):
            if target in index:
                matrix[index[target]][index[source]] -= graph.edges[source, target]["p"]
    for col in range(size):
        pivot = max(range(col, size), key=lambda r: abs(matrix[r][col]))
        if abs(matrix[pivot][col]) < 1e-12:
            # Errands that enter this loop never leave it.
            stuck = any(inflow[node] > 0 for node in members)
            return dict.fromkeys(members, math.inf if stuck else 0.0)
        matrix[col], matrix[pivot] = matrix[pivot], matrix[col]
        for row in range(size):
            if row != col and matrix[row][col]:
                factor = matrix[row][col] / matrix[col][col]
                matrix[row] = [
                    a - factor * b for a, b in zip(matrix[row], matrix[col], strict=True)
                ]
    return {node: matrix[index[node]][size] / matrix[index[node]][index[node]] for node in members}


def settled_share(journey: Journey, visits: dict[str, float] | None = None) -> float:
    visits = expected_visits(journey) if visits is None else visits
    return sum(visits.get(end, 0.0) for end in journey.end_ids())


def expected_contacts(journey: Journey) -> float | None:
    """Expected contacts (visits to steps with a channel) per settled errand; rework loops raise
    it. None when no errand reaches an end, inf when errands can get stuck in a loop."""
    visits = expected_visits(journey)
    settled = settled_share(journey, visits)
    if not settled or math.isnan(settled):
        return None
    contacts = sum(visits.get(s.id, 0.0) for s in journey.steps if s.channel is not None)
    return contacts / settled


# --- emotion, evidence, training -----------------------------------------------------------------


def emotion_curve(journey: Journey, path: list[str] | None = None) -> list[tuple[str, float]]:
    """(step, emotion) along the main path (or the given path), skipping steps without one."""
    steps = journey.steps_by_id()
    path = main_path(journey) if path is None else path
    return [(s, steps[s].emotion) for s in path if steps[s].emotion is not None]  # type: ignore[misc]


def lowest_points(curve: list[tuple[str, float]]) -> list[str]:
    if not curve:
        return []
    lowest = min(emotion for _, emotion in curve)
    return [step for step, emotion in curve if emotion == lowest]


def observed_evidence_share(journey: Journey) -> float | None:
    if not journey.steps:
        return None
    return sum(1 for s in journey.steps if s.evidence == "observed") / len(journey.steps)


def training_candidates(journey: Journey, threshold: float = LOW_EMOTION) -> list[str]:
    """Frontstage steps where citizens feel bad: candidates for bemötande training."""
    lanes = journey.lanes_by_id()
    return [
        s.id
        for s in journey.steps
        if s.lane in lanes
        and lanes[s.lane].role == "frontstage"
        and s.emotion is not None
        and s.emotion <= threshold
    ]


# --- equal access --------------------------------------------------------------------------------


@dataclass
class EqualAccess:
    non_digital: bool
    digital: bool
    non_digital_barriers: list[str] = field(default_factory=list)
    digital_barriers: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "non_digital": self.non_digital,
            "digital": self.digital,
            "non_digital_barriers": self.non_digital_barriers,
            "digital_barriers": self.digital_barriers,
        }


def _route(journey: Journey, allowed: frozenset[str]) -> tuple[bool, list[str]]:
    """Can an end be reached using only steps whose channel is allowed (steps without a channel
    are neutral)? If not, the blocking steps: the first disallowed steps met on the way."""
    graph = to_networkx(journey)
    steps = journey.steps_by_id()

    def usable(step_id: str) -> bool:
        channel = steps[step_id].channel
        return channel is None or channel in allowed

    starts = [s for s in journey.start_ids() if s in graph]
    reachable: set[str] = set()
    usable_graph = graph.subgraph([n for n in graph if usable(n)])
    for start in starts:
        if usable(start):
            reachable |= nx.descendants(usable_graph, start) | {start}
    if reachable & set(journey.end_ids()):
        return True, []
    barriers = {s for s in starts if not usable(s)}
    for node in reachable:
        barriers |= {t for t in graph.successors(node) if not usable(t)}
    order = list(graph)
    return False, sorted(barriers, key=order.index)


def equal_access(journey: Journey) -> EqualAccess:
    non_digital, non_digital_barriers = _route(journey, NON_DIGITAL_CHANNELS)
    digital, digital_barriers = _route(journey, DIGITAL_CHANNELS)
    return EqualAccess(non_digital, digital, non_digital_barriers, digital_barriers)
