"""Scenarios as targets of a journey step's training link (academy.core.training_targets)."""

from __future__ import annotations

from collections.abc import Collection

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


def scenarios_for_topics(
    session: Session, topics: Collection[str]
) -> dict[int, tuple[str, tuple[str, ...]]]:
    """Published scenarios about any of `topics`: a scenario's topics are its channel
    ("telefon", "e-post" …) and every topic its title names. {id: (title, matched topics)}."""
    if not topics:
        return {}
    rows = session.execute(
        select(PracticeScenario.id, PracticeScenario.title, PracticeScenario.channel)
        .where(PracticeScenario.status == "published")
        .order_by(PracticeScenario.title)
    ).all()
    found: dict[int, tuple[str, tuple[str, ...]]] = {}
    for scenario_id, title, channel in rows:
        text = title.casefold()
        matched = tuple(sorted(t for t in topics if t == (channel or "").casefold() or t in text))
        if matched:
            found[scenario_id] = (title, matched)
    return found


def scenario_topics(session: Session) -> list[str]:
    """The channels of published scenarios (the topics every scenario carries)."""
    return [
        channel.casefold()
        for channel in session.scalars(
            select(PracticeScenario.channel)
            .where(PracticeScenario.status == "published")
            .distinct()
        )
        if channel
    ]


def scenario_links(session: Session, ids: set[int]) -> dict[int, str]:
    """{scenario id: the page where it is practised}."""
    return {scenario_id: f"/traning/scenarier/{scenario_id}/spela" for scenario_id in ids}


training_targets.register(
    "exercise",
    "Övning",
    scenario_names,
    topics=scenarios_for_topics,
    all_topics=scenario_topics,
    links=scenario_links,
)
