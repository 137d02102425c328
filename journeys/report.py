"""Figures for people: the journey summary (what `journeys analyze` prints), the channel-shift
what-if, and the comparison of a current and a future journey."""

from __future__ import annotations

import copy
import math
from typing import Any

from journeys import analysis
from journeys.errors import TooLarge
from journeys.model import (
    CHANNELS,
    MAX_STEPS,
    Flow,
    Journey,
    Step,
    slugify,
    too_many_steps,
    validate,
)

SUMMARY_PATHS = 10
SUMMARY_LOOPS = 20


def _number(value: float | None, digits: int = 4) -> float | None:
    """JSON-friendly: rounded, and None for missing or infinite values."""
    if value is None or not math.isfinite(value):
        return None
    return round(value, digits)


def summarize(journey: Journey, max_paths: int = SUMMARY_PATHS) -> dict[str, Any]:
    """All figures for one journey, as plain JSON-ready values.

    Journeys over MAX_STEPS are refused (TooLarge): like a diagram, the analysis is bounded."""
    if len(journey.steps) > MAX_STEPS:
        raise TooLarge(too_many_steps(len(journey.steps)) + ".")
    context = analysis.JourneyGraph(journey)
    main = context.main_path
    main_figures = analysis.path_figures(context, main)
    paths, truncated = analysis.all_paths(context, max_paths)
    curve = analysis.emotion_curve(context, main)
    contacts = analysis.expected_contacts(context)
    return {
        "title": journey.title,
        "kind": journey.kind,
        "stages": len(journey.stages),
        "steps": len(journey.steps),
        "flows": len(journey.flows),
        "starts": context.starts,
        "ends": context.ends,
        "main_path": main,
        "main_path_probability": _number(main_figures.probability, 6) if main else None,
        "handoffs_main_path": main_figures.handoffs,
        "channel_switches_main_path": main_figures.channel_switches,
        "paths": [analysis.path_figures(context, p).as_dict() for p in paths],
        "paths_truncated": truncated,
        "rework_loops": analysis.rework_loops(context, SUMMARY_LOOPS),
        "bottlenecks": [
            {"step": step, "betweenness": round(score, 4)}
            for step, score in analysis.bottlenecks(context)
        ],
        "failure_demand_share": _number(analysis.failure_demand_share(journey)),
        "first_contact_resolution": _number(analysis.first_contact_resolution(journey)),
        "expected_contacts": _number(contacts),
        "errands_can_get_stuck": contacts is not None and math.isinf(contacts),
        "equal_access": analysis.equal_access(context).as_dict(),
        "emotion_curve": [emotion for _, emotion in curve],
        "lowest_points": analysis.lowest_points(curve),
        "observed_evidence_share": _number(analysis.observed_evidence_share(journey)),
        "training_candidates": analysis.training_candidates(journey),
        "volume_by_channel": analysis.volume_by_channel(journey),
        "handling_hours_per_week": _number(analysis.handling_hours_per_week(journey), 2),
        "problems": [problem.as_dict() for problem in validate(journey, context.graph)],
    }


# --- channel-shift what-if -----------------------------------------------------------------------


def channel_shift(
    journey: Journey,
    step_id: str,
    to_channel: str,
    share: float,
    *,
    first_contact_resolution: float | None = None,
    handling_minutes: float | None = None,
) -> Journey:
    """A copy of the journey where `share` of the errands at a step use `to_channel` instead.

    The step is split in two: the original keeps (1 - share) of its volume and of every inflow,
    a new step on the new channel takes the rest and has the same outflows. The new step's first
    contact resolution and handling time default to the original's."""
    if not 0 <= share <= 1:
        raise ValueError("share must be between 0 and 1")
    if to_channel not in CHANNELS:
        raise ValueError(f"unknown channel {to_channel!r}")
    shifted = copy.deepcopy(journey)
    original = shifted.step(step_id)
    probabilities = analysis.transition_probabilities(journey)
    used = {step.id for step in shifted.steps}
    new_id, counter = f"{step_id}-{slugify(to_channel)}", 2
    while new_id in used:
        new_id, counter = f"{step_id}-{slugify(to_channel)}-{counter}", counter + 1
    new_step = copy.deepcopy(original)
    new_step.id, new_step.channel = new_id, to_channel
    if first_contact_resolution is not None:
        new_step.first_contact_resolution = first_contact_resolution
    if handling_minutes is not None:
        new_step.handling_minutes = handling_minutes
    if original.volume_per_week is not None:
        new_step.volume_per_week = original.volume_per_week * share
        original.volume_per_week = original.volume_per_week * (1 - share)
    shifted.steps.insert(shifted.steps.index(original) + 1, new_step)

    new_flows: list[Flow] = []
    for flow in shifted.flows:
        # Make every split explicit so the new branch does not disturb other shares.
        flow.share = probabilities.get(flow.source, {}).get(flow.target, flow.share)
        new_flows.append(flow)
        if flow.target == step_id and flow.source != step_id and flow.share is not None:
            total = flow.share
            flow.share = total * (1 - share)
            new_flows.append(Flow(flow.source, new_id, flow.kind, total * share))
    for flow in list(new_flows):
        if flow.source == step_id:
            target = new_id if flow.target == step_id else flow.target
            new_flows.append(Flow(new_id, target, flow.kind, flow.share))
    shifted.flows = new_flows
    return shifted


WHAT_IF_FIGURES = (
    "handoffs_main_path",
    "channel_switches_main_path",
    "failure_demand_share",
    "first_contact_resolution",
    "expected_contacts",
    "volume_by_channel",
    "handling_hours_per_week",
    "equal_access",
)


def what_if_channel_shift(
    journey: Journey, step_id: str, to_channel: str, share: float, **overrides: float
) -> dict[str, Any]:
    """Figures before and after moving `share` of a step's volume to another channel."""
    shifted = channel_shift(journey, step_id, to_channel, share, **overrides)
    before, after = summarize(journey), summarize(shifted)
    return {
        "step": step_id,
        "from_channel": journey.step(step_id).channel,
        "to_channel": to_channel,
        "share": share,
        "before": {name: before[name] for name in WHAT_IF_FIGURES},
        "after": {name: after[name] for name in WHAT_IF_FIGURES},
        "journey": shifted,
    }


# --- current vs future ---------------------------------------------------------------------------

COMPARED_FIGURES = (
    "steps",
    "handoffs_main_path",
    "channel_switches_main_path",
    "failure_demand_share",
    "expected_contacts",
    "first_contact_resolution",
)


# Attribution (which steps moved a figure) undoes one step at a time; past this many changed
# steps it is skipped to keep the comparison quick.
MAX_ATTRIBUTED_STEPS = 60


def compared_figures(journey: Journey) -> dict[str, Any]:
    """The figures the comparison shows (the same values as in `summarize`)."""
    context = analysis.JourneyGraph(journey)
    main = analysis.path_figures(context, context.main_path)
    return {
        "steps": len(journey.steps),
        "handoffs_main_path": main.handoffs,
        "channel_switches_main_path": main.channel_switches,
        "failure_demand_share": _number(analysis.failure_demand_share(journey)),
        "expected_contacts": _number(analysis.expected_contacts(context)),
        "first_contact_resolution": _number(analysis.first_contact_resolution(journey)),
    }


def _step_signature(journey: Journey, step: Step) -> tuple:
    """Everything about a step that the diagram or the figures use, with its outgoing flows."""
    flows = sorted((f.target, f.kind, f.share) for f in journey.flows if f.source == step.id)
    return (
        step.text,
        step.stage,
        step.lane,
        step.channel,
        step.emotion,
        step.failure_demand,
        step.volume_per_week,
        step.handling_minutes,
        step.first_contact_resolution,
        tuple(step.pain_points),
        step.evidence,
        step.is_start,
        step.is_end,
        tuple(flows),
    )


def _undo(current: Journey, future: Journey, step_id: str) -> Journey:
    """The future journey with the change at one step taken back: an added step (and its flows)
    removed, a removed step put back with its flows, a changed step and its outgoing flows as
    they were."""
    undone = copy.deepcopy(future)
    before = current.steps_by_id().get(step_id)
    position = next((n for n, s in enumerate(undone.steps) if s.id == step_id), None)
    undone.steps = [s for s in undone.steps if s.id != step_id]
    if before is None:
        undone.flows = [f for f in undone.flows if step_id not in (f.source, f.target)]
        return undone
    undone.steps.insert(len(undone.steps) if position is None else position, copy.deepcopy(before))
    present = {s.id for s in undone.steps}
    undone.flows = [f for f in undone.flows if f.source != step_id]
    undone.flows += [
        copy.deepcopy(f)
        for f in current.flows
        if f.source == step_id
        and f.target in present
        or (position is None and f.target == step_id and f.source in present)
    ]
    return undone


def figure_movers(
    current: Journey, future: Journey, before: dict, after: dict, differing: list[str]
) -> dict[str, list[str]]:
    """For every compared figure that changed: the steps whose change alone moved it, i.e.
    undoing that one step's change gives a different figure. Empty lists when the figure moved
    only through several changes together (or when too many steps changed to try each)."""
    changed = [name for name in COMPARED_FIGURES if before[name] != after[name]]
    movers: dict[str, list[str]] = {name: [] for name in changed}
    if not changed or len(differing) > MAX_ATTRIBUTED_STEPS:
        return movers
    for step_id in differing:
        undone = compared_figures(_undo(current, future, step_id))
        for name in changed:
            if undone[name] != after[name]:
                movers[name].append(step_id)
    return movers


def compare(current: Journey, future: Journey) -> dict[str, Any]:
    """Current (nuläge) vs future (önskat läge). Steps are matched by id; `movers` names, for
    each figure that changed, the steps that moved it (see figure_movers)."""
    before, after = compared_figures(current), compared_figures(future)
    old, new = current.steps_by_id(), future.steps_by_id()
    added = [s for s in new if s not in old]
    removed = [s for s in old if s not in new]
    changed = [
        s
        for s in old
        if s in new and _step_signature(current, old[s]) != _step_signature(future, new[s])
    ]
    return {
        "steps_added": added,
        "steps_removed": removed,
        "steps_changed": changed,
        "before": before,
        "after": after,
        "movers": figure_movers(current, future, before, after, added + removed + changed),
    }
