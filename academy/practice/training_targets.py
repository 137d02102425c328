"""Scenarios as targets of a journey step's training link (academy.core.training_targets)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from academy.core import training_targets
from academy.practice.models import PracticeScenario


def scenario_names(session: Session, ids: set[int] | None) -> dict[int, str]:
    """{scenario id: title}; with `ids=None`, the published scenarios."""
    query = select(PracticeScenario.id, PracticeScenario.title)
    if ids is None:
        query = query.where(PracticeScenario.status == "published")
    else:
        query = query.where(PracticeScenario.id.in_(ids))
    return dict(session.execute(query.order_by(PracticeScenario.title)).all())


def scenario_links(session: Session, ids: set[int]) -> dict[int, str]:
    """{scenario id: the page where it is practised}."""
    return {scenario_id: f"/traning/scenarier/{scenario_id}/spela" for scenario_id in ids}


training_targets.register("exercise", "Övning", scenario_names, scenario_links)
