"""Observed contact figures on journey steps.

A unit's errand categories can be linked to journey steps; the step then carries what was
observed in a period (volume, first-contact resolution, failure demand, repeats) instead of
what was assumed. `apply_observed` returns a copy of the journey with those figures in the
steps (evidence "observed"), so the engine's analysis uses them; `observed_failure_share` and
`observed_contacts_per_errand` are the two key figures whose observed form differs from the
assumed one.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from journeys.contacts.figures import GroupFigures
from journeys.model import Journey


@dataclass(frozen=True)
class ObservedStep:
    """What a step's linked categories showed in one period."""

    categories: tuple[str, ...]
    contacts: int
    weeks: float
    per_week: float
    first_contact_resolution: float
    failure_demand: int
    failure_demand_share: float
    repeat_contacts: int
    repeat_share: float
    period: str  # "2026-01-05 – 2026-03-01"


def observed_step(figures: Iterable[GroupFigures], weeks: float, period: str) -> ObservedStep:
    """The figures of the categories linked to one step, pooled (weeks: the period's length)."""
    groups = list(figures)
    contacts = sum(g.contacts for g in groups)
    resolved = sum(g.resolved for g in groups)
    failure = sum(g.failure_demand for g in groups)
    repeats = sum(g.repeat_contacts for g in groups)
    keyed = sum(g.with_caller_key for g in groups)
    weeks = max(weeks, 1 / 7)
    return ObservedStep(
        categories=tuple(g.label for g in groups),
        contacts=contacts,
        weeks=weeks,
        per_week=contacts / weeks,
        first_contact_resolution=resolved / contacts if contacts else 0.0,
        failure_demand=failure,
        failure_demand_share=failure / contacts if contacts else 0.0,
        repeat_contacts=repeats,
        repeat_share=repeats / keyed if keyed else 0.0,
        period=period,
    )


def apply_observed(journey: Journey, observed: Mapping[str, ObservedStep]) -> Journey:
    """A copy of `journey` whose linked steps carry the observed volume and first-contact
    resolution, with evidence "observed"; a step is failure demand when most of its contacts
    were. Steps without observed figures keep what was assumed."""
    result = copy.deepcopy(journey)
    for step in result.steps:
        seen = observed.get(step.id)
        if seen is None or not seen.contacts:
            continue
        step.volume_per_week = round(seen.per_week, 1)
        step.first_contact_resolution = round(seen.first_contact_resolution, 3)
        step.failure_demand = seen.failure_demand_share >= 0.5
        step.evidence = "observed"
    return result


def observed_failure_share(journey: Journey, observed: Mapping[str, ObservedStep]) -> float | None:
    """Failure demand per week / all contacts per week: observed counts where a step has them,
    the assumed volume of steps marked as failure demand elsewhere."""
    total = failure = 0.0
    for step in journey.steps:
        seen = observed.get(step.id)
        if seen is not None and seen.contacts:
            total += seen.per_week
            failure += seen.failure_demand / seen.weeks
        elif step.volume_per_week is not None:
            total += step.volume_per_week
            failure += step.volume_per_week if step.failure_demand else 0.0
    return failure / total if total > 0 else None


def observed_contacts_per_errand(observed: Mapping[str, ObservedStep]) -> float | None:
    """Contacts per errand in the linked categories: every contact that is not a repeat of the
    same caller's contact within the repeat window starts an errand."""
    contacts = sum(s.contacts for s in observed.values())
    errands = contacts - sum(s.repeat_contacts for s in observed.values())
    return contacts / errands if errands > 0 else None
