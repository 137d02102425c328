"""What the home page says about Träning, per role; honest when there is nothing yet."""

from __future__ import annotations

from sqlalchemy import bindparam, exists, func, select
from sqlalchemy.orm import Session

from academy.core.access import CurrentUser
from academy.core.db import read
from academy.core.models import Role
from academy.practice import practice_log, scenarios
from academy.practice.models import (
    PracticeLogEntry,
    PracticeLogFeedback,
    PracticeScenario,
    ScenarioAttempt,
)

# On every learner's home page: built once, table columns (see academy.core.db.read).
_scenario, _attempt = PracticeScenario.__table__.c, ScenarioAttempt.__table__.c
_entry, _feedback = PracticeLogEntry.__table__.c, PracticeLogFeedback.__table__.c
_PUBLISHED = (
    select(
        _scenario.id,
        _scenario.title,
        exists().where(_attempt.scenario_id == _scenario.id, _attempt.user_id == bindparam("user")),
    )
    .where(_scenario.status == "published")
    .order_by(func.lower(_scenario.title), _scenario.id)
)
_WAITING = (
    select(func.count())
    .select_from(PracticeLogEntry.__table__)
    .where(_entry.user_id == bindparam("user"), ~exists().where(_feedback.entry_id == _entry.id))
)


def _published_scenarios(session: Session, user: CurrentUser) -> list[tuple[int, str, bool]]:
    """(id, title, tried by the user) of every published scenario, in title order."""
    return [tuple(row) for row in read(session, _PUBLISHED, {"user": user.id})]


def _entries_waiting(session: Session, user: CurrentUser) -> int:
    """How many of the user's own log entries have no feedback yet."""
    return read(session, _WAITING, {"user": user.id}).scalar_one()


def practice_items(session: Session, user: CurrentUser) -> list[tuple[str, str, str, str]]:
    """(title, text, href, link label) items for the home page."""
    items = []
    if user.has_any(Role.EMPLOYEE):
        # On every learner's home page: two small statements, not the scenario documents.
        published = _published_scenarios(session, user)
        untried = [(scenario_id, title) for scenario_id, title, tried in published if not tried]
        waiting = _entries_waiting(session, user)
        if untried:
            text = f"Prova scenariot ”{untried[0][1]}”"
            text += f" och {len(untried) - 1} till." if len(untried) > 1 else "."
        elif published:
            text = "Du har provat alla scenarier. Spela igen och jämför dina poäng."
        else:
            text = "Inga scenarier är publicerade ännu."
        if waiting:
            text += f" {waiting} av dina loggposter väntar på återkoppling."
        href = f"/traning/scenarier/{untried[0][0]}/spela" if untried else "/traning"
        items.append(("Träning", text, href, "Gå till Träning"))
    if user.has_any(Role.TRAINER):
        review = [e for e in practice_log.entries_to_review(session, user) if not e.feedback]
        drafts = [r for r in scenarios.list_scenarios(session, user) if r.status == "draft"]
        text = (
            f"{len(review)} loggposter från dina deltagare väntar på återkoppling."
            if review
            else "Inga loggposter väntar på din återkoppling."
        )
        if drafts:
            text += f" {len(drafts)} scenarier är utkast."
        items.append(("Träning att följa upp", text, "/traning/logg", "Gå till Träningslogg"))
    return items
