"""Scenario attempts: an employee's path through a scenario, scored and kept."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from academy.core.access import CurrentUser, require_role
from academy.core.errors import AccessDenied, ValidationError
from academy.core.models import User
from academy.practice.common import PRACTISERS, may_follow
from academy.practice.document import from_document
from academy.practice.models import PracticeScenario, ScenarioAttempt
from academy.practice.play import PlayError, PlayResult, play
from academy.practice.scenario import Scenario
from academy.practice.scenarios import get_scenario


@dataclass(frozen=True)
class AttemptRow:
    id: int
    scenario_id: int
    scenario_title: str
    user_id: int
    user_name: str
    choice_ids: tuple[str, ...]
    totals: dict[str, int]
    reached_end: bool
    created_at: datetime


def save_attempt(
    session: Session, actor: CurrentUser | None, scenario_id: int, choice_ids: Sequence[str]
) -> int:
    """Score the path on the server (the browser's totals are never trusted) and keep it."""
    actor = require_role(actor, *PRACTISERS)
    stored = get_scenario(session, actor, scenario_id)
    if not choice_ids:
        raise ValidationError("Inga val gjordes; försöket sparades inte.")
    try:
        result = play(stored.scenario, list(choice_ids))
    except PlayError as exc:
        raise ValidationError(str(exc)) from exc
    attempt = ScenarioAttempt(
        scenario_id=scenario_id,
        scenario_version=stored.version,
        user_id=actor.id,
        choice_ids=list(choice_ids),
        totals=result.totals,
        reached_end=result.reached_end,
    )
    session.add(attempt)
    session.flush()
    return attempt.id


def play_path(
    session: Session, actor: CurrentUser | None, scenario_id: int, choice_ids: Sequence[str]
) -> tuple[Scenario, PlayResult]:
    """Replay a path on the stored scenario (the player's every step); a path that reaches an
    end is saved as an attempt. A choice not available where the learner stands is refused."""
    actor = require_role(actor, *PRACTISERS)
    scenario = get_scenario(session, actor, scenario_id).scenario
    try:
        result = play(scenario, list(choice_ids))
    except PlayError as exc:
        raise ValidationError(str(exc)) from exc
    if result.reached_end:
        save_attempt(session, actor, scenario_id, choice_ids)
    return scenario, result


def _rows(session: Session, query) -> list[AttemptRow]:
    return [
        AttemptRow(
            a.id,
            a.scenario_id,
            title,
            a.user_id,
            name,
            tuple(a.choice_ids),
            dict(a.totals),
            a.reached_end,
            a.created_at,
        )
        for a, title, name in session.execute(query)
    ]


def _base_query():
    return (
        select(ScenarioAttempt, PracticeScenario.title, User.name)
        .join(PracticeScenario, PracticeScenario.id == ScenarioAttempt.scenario_id)
        .join(User, User.id == ScenarioAttempt.user_id)
        .order_by(ScenarioAttempt.created_at.desc(), ScenarioAttempt.id.desc())
    )


def my_attempts(session: Session, actor: CurrentUser | None) -> list[AttemptRow]:
    actor = require_role(actor, *PRACTISERS)
    return _rows(session, _base_query().where(ScenarioAttempt.user_id == actor.id))


def attempts_of(session: Session, actor: CurrentUser | None, user_id: int) -> list[AttemptRow]:
    """Someone's attempts: their own, or a participant of a cohort the actor trains."""
    actor = require_role(actor, *PRACTISERS)
    if not may_follow(session, actor, user_id):
        raise AccessDenied("Du kan bara se försök av deltagare i dina kursomgångar.")
    return _rows(session, _base_query().where(ScenarioAttempt.user_id == user_id))


def attempts_of_users(
    session: Session, user_ids: Sequence[int], scenario_id: int | None = None
) -> list[AttemptRow]:
    """Attempts of several users (no access check: callers check the cohort first)."""
    query = _base_query().where(ScenarioAttempt.user_id.in_(list(user_ids)))
    if scenario_id is not None:
        query = query.where(ScenarioAttempt.scenario_id == scenario_id)
    return _rows(session, query)


@dataclass(frozen=True)
class HistoryItem:
    """One of the learner's own attempts, told in the scenario's words."""

    id: int
    scenario_id: int
    scenario_title: str
    created_at: datetime
    path: tuple[str, ...]  # the answers given, in order
    totals: tuple[tuple[str, int], ...]  # (dimension, points) in the scenario's order
    best: tuple[tuple[str, int], ...]  # (dimension, best possible on that path), if replayable
    reached_end: bool
    playable: bool  # published, so the learner can play it again


def my_history(session: Session, actor: CurrentUser | None) -> list[HistoryItem]:
    """The actor's own attempts, newest first, with the path and the points per dimension.

    A scenario changed since the attempt may no longer know an answer; the stored totals still
    stand and the answer reads as removed."""
    actor = require_role(actor, *PRACTISERS)
    query = (
        select(ScenarioAttempt, PracticeScenario)
        .join(PracticeScenario, PracticeScenario.id == ScenarioAttempt.scenario_id)
        .where(ScenarioAttempt.user_id == actor.id)
        .order_by(ScenarioAttempt.created_at.desc(), ScenarioAttempt.id.desc())
    )
    scenarios: dict[int, Scenario] = {}
    items = []
    for attempt, row in session.execute(query):
        scenario = scenarios.setdefault(row.id, from_document(row.document))
        dimensions = list(scenario.dimensions) + [
            d for d in attempt.totals if d not in scenario.dimensions
        ]
        try:
            replay = play(scenario, list(attempt.choice_ids))
            best = tuple((d, replay.best_possible.get(d, 0)) for d in dimensions)
        except PlayError:
            best = ()
        path = tuple(
            choice.text if (choice := scenario.choice(c)) else "(svaret finns inte längre)"
            for c in attempt.choice_ids
        )
        items.append(
            HistoryItem(
                attempt.id,
                row.id,
                row.title,
                attempt.created_at,
                path,
                tuple((d, int(attempt.totals.get(d, 0))) for d in dimensions),
                best,
                attempt.reached_end,
                row.status == "published",
            )
        )
    return items
