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
from functools import cached_property
from itertools import islice

import networkx as nx

from journeys.model import (
    DIGITAL_CHANNELS,
    NON_DIGITAL_CHANNELS,
    Flow,
    Journey,
    is_handoff,
    to_networkx,
)

MAX_PATHS = 50
MAX_LOOPS = 50
LOW_EMOTION = -1


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


class JourneyGraph:
    """A journey with its graph and derived lookups, built once and shared by the analyses.

    Every analysis function accepts a Journey or a JourneyGraph; pass a JourneyGraph when
    computing several figures for the same journey."""

    def __init__(self, journey: Journey) -> None:
        self.journey = journey
        self.steps = journey.steps_by_id()
        self.lanes = journey.lanes_by_id()
        self.graph = to_networkx(journey)
        self.starts = [s for s in journey.start_ids() if s in self.graph]
        self.ends = [e for e in journey.end_ids() if e in self.graph]
        self.probabilities = transition_probabilities(journey)
        self.order = {step_id: index for index, step_id in enumerate(self.graph)}
        self.flows = {(f.source, f.target): f for f in journey.flows}

    @cached_property
    def absorbing(self) -> nx.DiGraph:
        """The graph with probabilities on edges (`p`) and no flows out of end steps."""
        graph = nx.DiGraph()
        graph.add_nodes_from(self.graph)
        ends = set(self.ends)
        graph.add_weighted_edges_from(
            (
                (source, target, self.probabilities[source][target])
                for source, target in self.graph.edges
                if source not in ends
            ),
            weight="p",
        )
        return graph

    @cached_property
    def start_weights(self) -> dict[str, float]:
        volumes = [self.steps[s].volume_per_week for s in self.starts]
        if self.starts and all(v is not None and v > 0 for v in volumes):
            total = sum(volumes)  # type: ignore[arg-type]
            return {s: v / total for s, v in zip(self.starts, volumes, strict=True)}  # type: ignore[operator]
        return {s: 1 / len(self.starts) for s in self.starts} if self.starts else {}

    @cached_property
    def main_path(self) -> list[str]:
        ends = self.ends
        if not self.start_weights or not ends:
            return []

        def cost(_source: str, _target: str, data: dict) -> float | None:
            return -math.log(data["p"]) if data["p"] > 0 else None  # None hides the edge

        best: tuple[float, list[str]] | None = None
        for start, weight in self.start_weights.items():
            if weight <= 0:
                continue
            distances, paths = nx.single_source_dijkstra(self.absorbing, start, weight=cost)
            for end in ends:
                if end in distances:
                    total = distances[end] - math.log(weight)
                    if best is None or total < best[0] - 1e-12:
                        best = (total, paths[end])
        return best[1] if best else []

    @cached_property
    def visits(self) -> dict[str, float]:
        return _expected_visits(self)

    @cached_property
    def loop_components(self) -> list[list[str]]:
        """Strongly connected components that contain a loop, each in step order."""
        components = []
        for component in nx.strongly_connected_components(self.graph):
            members = sorted(component, key=self.order.__getitem__)
            if len(members) > 1 or self.graph.has_edge(members[0], members[0]):
                components.append(members)
        return sorted(components, key=lambda members: self.order[members[0]])

    @cached_property
    def handoffs(self) -> set[tuple[str, str]]:
        return {
            pair for pair, flow in self.flows.items() if is_handoff(flow, self.steps, self.lanes)
        }


def _context(journey: Journey | JourneyGraph) -> JourneyGraph:
    return journey if isinstance(journey, JourneyGraph) else JourneyGraph(journey)


def _plain(journey: Journey | JourneyGraph) -> Journey:
    return journey.journey if isinstance(journey, JourneyGraph) else journey


def start_weights(journey: Journey | JourneyGraph) -> dict[str, float]:
    """Where errands start: by the start steps' volume per week when all have one, else equally."""
    return _context(journey).start_weights


# --- paths ---------------------------------------------------------------------------------------


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


def path_figures(journey: Journey | JourneyGraph, path: list[str]) -> PathFigures:
    context = _context(journey)
    probability = context.start_weights.get(path[0], 0.0) if path else 0.0
    handoffs = 0
    probabilities = context.probabilities
    for pair in zip(path, path[1:], strict=False):
        probability *= probabilities.get(pair[0], {}).get(pair[1], 0.0)
        handoffs += pair in context.handoffs
    return PathFigures(path, probability, handoffs, channel_switches(context, path))


def channel_switches(journey: Journey | JourneyGraph, path: Iterable[str]) -> int:
    steps = _context(journey).steps
    channels = [steps[s].channel for s in path if steps[s].channel is not None]
    return sum(1 for a, b in zip(channels, channels[1:], strict=False) if a != b)


def main_path(journey: Journey | JourneyGraph) -> list[str]:
    """The most likely path from a start to an end (product of flow shares), or []."""
    return _context(journey).main_path


def all_paths(
    journey: Journey | JourneyGraph, limit: int = MAX_PATHS
) -> tuple[list[list[str]], bool]:
    """Simple paths from starts to ends, at most `limit`; the flag says whether more exist."""
    context = _context(journey)
    found: list[list[str]] = []
    for start in context.starts:
        if start in context.ends:
            found.append([start])
        else:
            paths = nx.all_simple_paths(context.absorbing, start, context.ends)
            found += islice(paths, limit + 1 - len(found))
        if len(found) > limit:
            return found[:limit], True
    return found, False


# --- loops, bottlenecks --------------------------------------------------------------------------


def rework_loops(journey: Journey | JourneyGraph, limit: int = MAX_LOOPS) -> list[list[str]]:
    """Cycles in the journey (each as the list of steps around it), at most `limit`. Searched
    per strongly connected component, which keeps large journeys with small loops fast."""
    context = _context(journey)
    loops: list[list[str]] = []
    for component in context.loop_components:
        if len(loops) >= limit:
            break
        cycles = nx.simple_cycles(context.graph.subgraph(component))
        loops += (list(cycle) for cycle in islice(cycles, limit - len(loops)))
    return loops


def bottlenecks(journey: Journey | JourneyGraph, top: int = 5) -> list[tuple[str, float]]:
    """Steps that the shortest start-to-end routes pass through: betweenness centrality counted
    over (start, end) pairs only, as the share of those pairs, highest first."""
    context = _context(journey)
    pairs = len(context.starts) * len(context.ends)
    if not pairs:
        return []
    scores = nx.betweenness_centrality_subset(
        context.graph, context.starts, context.ends, normalized=False
    )
    ranked = sorted(scores.items(), key=lambda item: (-item[1], context.order[item[0]]))
    return [(step, score / pairs) for step, score in ranked[:top] if score > 0]


# --- volumes -------------------------------------------------------------------------------------


def failure_demand_share(journey: Journey | JourneyGraph) -> float | None:
    """Share of the weekly volume that is failure demand, or None when no volumes are given."""
    journey = _plain(journey)
    with_volume = [s for s in journey.steps if s.volume_per_week is not None]
    total = sum(s.volume_per_week for s in with_volume)  # type: ignore[misc]
    if total <= 0:
        return None
    failure = sum(s.volume_per_week for s in with_volume if s.failure_demand)  # type: ignore[misc]
    return failure / total


def first_contact_resolution(journey: Journey | JourneyGraph) -> float | None:
    """Expected share resolved in first contact: mean of the steps' figures, weighted by volume
    when every such step has a volume."""
    journey = _plain(journey)
    rated = [s for s in journey.steps if s.first_contact_resolution is not None]
    if not rated:
        return None
    volumes = [s.volume_per_week for s in rated]
    if all(v is not None for v in volumes) and sum(volumes) > 0:  # type: ignore[arg-type]
        weighted = sum(s.first_contact_resolution * s.volume_per_week for s in rated)  # type: ignore[operator]
        return weighted / sum(volumes)  # type: ignore[arg-type]
    return sum(s.first_contact_resolution for s in rated) / len(rated)  # type: ignore[misc]


def volume_by_channel(journey: Journey | JourneyGraph) -> dict[str, float]:
    journey = _plain(journey)
    result: dict[str, float] = {}
    for step in journey.steps:
        if step.channel and step.volume_per_week is not None:
            result[step.channel] = result.get(step.channel, 0.0) + step.volume_per_week
    return result


def handling_hours_per_week(journey: Journey | JourneyGraph) -> float:
    journey = _plain(journey)
    return sum(
        s.volume_per_week * s.handling_minutes / 60
        for s in journey.steps
        if s.volume_per_week is not None and s.handling_minutes is not None
    )


# --- expected visits (absorbing Markov chain) ----------------------------------------------------


def expected_visits(journey: Journey | JourneyGraph) -> dict[str, float]:
    """Expected number of visits to each step per started errand. Solved per strongly connected
    component in topological order, so only loops need a (small) linear system. A loop that
    errands can never leave gives infinite visits."""
    return _context(journey).visits


def _expected_visits(context: JourneyGraph) -> dict[str, float]:
    graph, initial = context.absorbing, context.start_weights
    incoming: dict[str, list[tuple[str, float]]] = {node: [] for node in graph}
    for source, target, probability in graph.edges(data="p"):
        incoming[target].append((source, probability))
    condensed = nx.condensation(graph)
    visits: dict[str, float] = {}
    for component in nx.topological_sort(condensed):
        members = condensed.nodes[component]["members"]
        if len(members) == 1:
            (node,) = members
            if not graph.has_edge(node, node):
                total = initial.get(node, 0.0)
                for source, probability in incoming[node]:
                    total += visits[source] * probability
                visits[node] = total
                continue
        ordered = sorted(members, key=context.order.__getitem__)
        inflow = {
            node: initial.get(node, 0.0)
            + sum(visits[src] * p for src, p in incoming[node] if src not in members)
            for node in ordered
        }
        visits.update(_solve_component(graph, ordered, inflow))
    return visits


def _solve_component(
    graph: nx.DiGraph, members: list[str], inflow: dict[str, float]
) -> dict[str, float]:
    """Solve v_j - sum_i v_i * p(i->j) = inflow_j over the component.

    Gaussian elimination on sparse rows (dicts) and back-substitution, so the work follows
    the flows and their fill-in rather than the cube of the component's size."""
    index = {node: i for i, node in enumerate(members)}
    size = len(members)
    rows: list[dict[int, float]] = [{r: 1.0} for r in range(size)]
    rhs = [inflow[node] for node in members]
    for source in members:
        for target in graph.successors(source):
            if target in index:
                row, col = rows[index[target]], index[source]
                row[col] = row.get(col, 0.0) - graph.edges[source, target]["p"]
    in_column: list[set[int]] = [set() for _ in range(size)]
    for r, row in enumerate(rows):
        for c in row:
            in_column[c].add(r)
    # I - P^T of a substochastic P is column diagonally dominant, so the diagonal serves as
    # pivot without row swaps; a (near) zero pivot means the loop has no way out.
    for col in range(size):
        pivot_row = rows[col]
        pivot_value = pivot_row.get(col, 0.0)
        if abs(pivot_value) < 1e-12:
            # Errands that enter this loop never leave it.
            stuck = any(inflow[node] > 0 for node in members)
            return dict.fromkeys(members, math.inf if stuck else 0.0)
        for r in [r for r in in_column[col] if r > col]:
            row = rows[r]
            factor = row.pop(col) / pivot_value
            in_column[col].discard(r)
            for c, value in pivot_row.items():
                if c <= col:
                    continue
                updated = row.get(c, 0.0) - factor * value
                if abs(updated) < 1e-15:
                    row.pop(c, None)
                    in_column[c].discard(r)
                else:
                    row[c] = updated
                    in_column[c].add(r)
            rhs[r] -= factor * rhs[col]
    values = [0.0] * size
    for col in range(size - 1, -1, -1):
        row = rows[col]
        known = sum(value * values[c] for c, value in row.items() if c > col)
        values[col] = (rhs[col] - known) / row[col]
    return dict(zip(members, values, strict=True))


def settled_share(journey: Journey | JourneyGraph) -> float:
    """Share of started errands that reach an end."""
    context = _context(journey)
    return sum(context.visits.get(end, 0.0) for end in context.ends)


def expected_contacts(journey: Journey | JourneyGraph) -> float | None:
    """Expected contacts (visits to steps with a channel) per settled errand; rework loops raise
    it. None when no errand reaches an end, inf when errands can get stuck in a loop."""
    context = _context(journey)
    settled = settled_share(context)
    if not settled or math.isnan(settled):
        return None
    contacts = sum(visits for step, visits in context.visits.items() if context.steps[step].channel)
    return contacts / settled


# --- emotion, evidence, training -----------------------------------------------------------------


def emotion_curve(
    journey: Journey | JourneyGraph, path: list[str] | None = None
) -> list[tuple[str, float]]:
    """(step, emotion) along the main path (or the given path), skipping steps without one."""
    context = _context(journey)
    steps = context.steps
    path = context.main_path if path is None else path
    return [(s, steps[s].emotion) for s in path if steps[s].emotion is not None]  # type: ignore[misc]


def lowest_points(curve: list[tuple[str, float]]) -> list[str]:
    if not curve:
        return []
    lowest = min(emotion for _, emotion in curve)
    return [step for step, emotion in curve if emotion == lowest]


def observed_evidence_share(journey: Journey | JourneyGraph) -> float | None:
    journey = _plain(journey)
    if not journey.steps:
        return None
    return sum(1 for s in journey.steps if s.evidence == "observed") / len(journey.steps)


def training_candidates(
    journey: Journey | JourneyGraph, threshold: float = LOW_EMOTION
) -> list[str]:
    """Frontstage steps where citizens feel bad: candidates for bemötande training."""
    journey = _plain(journey)
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


def _route(context: JourneyGraph, allowed: frozenset[str]) -> tuple[bool, list[str]]:
    """Can an end be reached using only steps whose channel is allowed (steps without a channel
    are neutral)? If not, the blocking steps: the first disallowed steps met on the way."""
    graph, steps = context.graph, context.steps

    def usable(step_id: str) -> bool:
        channel = steps[step_id].channel
        return channel is None or channel in allowed

    usable_graph = graph.subgraph([n for n in graph if usable(n)])
    reachable: set[str] = set()
    for start in context.starts:
        if usable(start):
            reachable |= nx.descendants(usable_graph, start) | {start}
    if reachable.intersection(context.ends):
        return True, []
    barriers = {s for s in context.starts if not usable(s)}
    for node in reachable:
        barriers |= {t for t in graph.successors(node) if not usable(t)}
    return False, sorted(barriers, key=context.order.__getitem__)


def equal_access(journey: Journey | JourneyGraph) -> EqualAccess:
    """Service på lika villkor: can an errand be settled with only non-digital channels
    (telefon, besök, brev), and with only digital ones? Lists the steps that block each."""
    context = _context(journey)
    non_digital, non_digital_barriers = _route(context, NON_DIGITAL_CHANNELS)
    digital, digital_barriers = _route(context, DIGITAL_CHANNELS)
    return EqualAccess(non_digital, digital, non_digital_barriers, digital_barriers)
