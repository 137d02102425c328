"""Following a cohort up: scenario results, choices taken, paths, ratings, log activity."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from academy.core.access import CurrentUser, require_role
from academy.core.models import User
from academy.core.spreadsheets import Table, to_csv, to_xlsx
from academy.practice.attempts import attempts_of_users
from academy.practice.common import AUTHORS, check_cohort_access, participant_ids
from academy.practice.practice_log import entries_of_users
from academy.practice.roleplays import cohort_observations
from academy.practice.scenarios import get_scenario


@dataclass(frozen=True)
class DimensionResult:
    dimension: str
    average: float  # mean total per attempt
    attempts: int


@dataclass(frozen=True)
class NodeChoice:
    node_id: str
    node_text: str
    choice_text: str
    times: int
    of: int  # how many times anyone answered at this node


@dataclass(frozen=True)
class LearnerPath:
    name: str
    when: str
    path: str  # the choices in order, as text
    totals: str
    reached_end: bool


@dataclass(frozen=True)
class ScenarioFollowUp:
    cohort_name: str
    scenario_title: str
    dimensions: tuple[DimensionResult, ...]
    popular: tuple[NodeChoice, ...]
    paths: tuple[LearnerPath, ...]


@dataclass(frozen=True)
class LogActivity:
    name: str
    entries: int
    with_feedback: int
    latest: str


def scenario_followup(
    session: Session, actor: CurrentUser | None, cohort_id: int, scenario_id: int
) -> ScenarioFollowUp:
    actor = require_role(actor, *AUTHORS)
    cohort = check_cohort_access(session, actor, cohort_id)
    stored = get_scenario(session, actor, scenario_id)
    scenario = stored.scenario
    attempts = attempts_of_users(session, participant_ids(session, cohort_id), scenario_id)
    dimensions = tuple(
        DimensionResult(
            d,
            round(sum(a.totals.get(d, 0) for a in attempts) / len(attempts), 2) if attempts else 0,
            len(attempts),
        )
        for d in scenario.dimensions
    )
    taken: dict[str, Counter] = {}
    for attempt in attempts:
        for choice_id in attempt.choice_ids:
            choice = scenario.choice(choice_id)
            if choice is not None:
                taken.setdefault(choice.source, Counter())[choice_id] += 1
    popular = []
    for node in scenario.nodes:
        counter = taken.get(node.id)
        if counter:
            choice_id, times = counter.most_common(1)[0]
            choice = scenario.choice(choice_id)
            popular.append(
                NodeChoice(node.id, node.text, choice.text, times, sum(counter.values()))
            )
    paths = tuple(
        LearnerPath(
            a.user_name,
            a.created_at.strftime("%Y-%m-%d %H:%M"),
            " → ".join(_choice_text(scenario, c) for c in a.choice_ids),
            ", ".join(f"{d} {a.totals.get(d, 0):+d}" for d in scenario.dimensions),
            a.reached_end,
        )
        for a in attempts
    )
    return ScenarioFollowUp(cohort.name, scenario.title, dimensions, tuple(popular), paths)


def _choice_text(scenario, choice_id: str) -> str:
    choice = scenario.choice(choice_id)
    return choice.text if choice else f"(borttaget val {choice_id})"


def log_activity(session: Session, actor: CurrentUser | None, cohort_id: int) -> list[LogActivity]:
    actor = require_role(actor, *AUTHORS)
    check_cohort_access(session, actor, cohort_id)
    ids = participant_ids(session, cohort_id)
    entries = entries_of_users(session, ids)
    names = dict(session.execute(select(User.id, User.name).where(User.id.in_(ids))).all())
    result = []
    for user_id, name in sorted(names.items(), key=lambda item: item[1].lower()):
        own = [e for e in entries if e.user_id == user_id]
        result.append(
            LogActivity(
                name,
                len(own),
                sum(1 for e in own if e.feedback),
                own[0].happened_on.isoformat() if own else "–",
            )
        )
    return result


# ---- exports -----------------------------------------------------------------------------------


def results_table(
    session: Session, actor: CurrentUser | None, cohort_id: int, scenario_id: int
) -> Table:
    followup = scenario_followup(session, actor, cohort_id, scenario_id)
    stored = get_scenario(session, actor, scenario_id)
    attempts = attempts_of_users(session, participant_ids(session, cohort_id), scenario_id)
    dims = list(stored.scenario.dimensions)
    header = ["Namn", "Tidpunkt", *dims, "Nådde slutet", "Vägen"]
    rows: list[list[Any]] = [
        [
            a.user_name,
            a.created_at,
            *(a.totals.get(d, 0) for d in dims),
            "Ja" if a.reached_end else "Nej",
            path.path,
        ]
        for a, path in zip(attempts, followup.paths, strict=True)
    ]
    return header, rows


def results_csv(session, actor, cohort_id: int, scenario_id: int) -> bytes:
    return to_csv(results_table(session, actor, cohort_id, scenario_id))


def results_xlsx(session, actor, cohort_id: int, scenario_id: int) -> bytes:
    return to_xlsx(results_table(session, actor, cohort_id, scenario_id), "Scenarioresultat")


def ratings_table(session: Session, actor: CurrentUser | None, cohort_id: int) -> Table:
    header = ["Deltagare", "Rollspel", "Observatör", "Påstående", "Bedömning", "Kommentar"]
    rows: list[list[Any]] = [
        [o.participant, o.card_title, o.observer, r["statement"], r["rating"], r["comment"]]
        for o in cohort_observations(session, actor, cohort_id)
        for r in o.ratings
    ]
    return header, rows


def activity_table(session: Session, actor: CurrentUser | None, cohort_id: int) -> Table:
    header = ["Deltagare", "Loggposter", "Med återkoppling", "Senaste"]
    rows: list[list[Any]] = [
        [a.name, a.entries, a.with_feedback, a.latest]
        for a in log_activity(session, actor, cohort_id)
    ]
    return header, rows


# Per-cohort exports: name -> (table builder, XLSX sheet title, file name stem).
COHORT_EXPORTS = {
    "bedomningar": (ratings_table, "Rollspelsbedömningar", "rollspelsbedomningar"),
    "loggaktivitet": (activity_table, "Träningslogg", "traningslogg-aktivitet"),
}


def cohort_export(
    session: Session, actor: CurrentUser | None, cohort_id: int, name: str, fmt: str
) -> tuple[bytes, str]:
    """(file content, file name) of one per-cohort export as CSV or XLSX."""
    build, sheet, stem = COHORT_EXPORTS[name]
    table = build(session, actor, cohort_id)
    body = to_csv(table) if fmt == "csv" else to_xlsx(table, sheet)
    return body, f"{stem}-{cohort_id}.{fmt}"
