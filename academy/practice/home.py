"""What the home page says about Träning, per role; honest when there is nothing yet."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from academy.core.access import CurrentUser
from academy.core.models import Role
from academy.practice import practice_log, scenarios
from academy.practice.models import ScenarioAttempt


def practice_items(session: Session, user: CurrentUser) -> list[tuple[str, str, str, str]]:
    """(title, text, href, link label) items for the home page."""
    items = []
    if user.has_any(Role.EMPLOYEE):
        published = scenarios.list_scenarios(session, user)
        tried = set(
            session.scalars(
                select(ScenarioAttempt.scenario_id).where(ScenarioAttempt.user_id == user.id)
            )
        )
        untried = [row for row in published if row.id not in tried and row.status == "published"]
        waiting = [e for e in practice_log.my_entries(session, user) if not e.feedback]
        if untried:
            text = f"Prova scenariot ”{untried[0].title}”"
            text += f" och {len(untried) - 1} till." if len(untried) > 1 else "."
        elif published:
            text = "Du har provat alla scenarier. Spela igen och jämför dina poäng."
        else:
            text = "Inga scenarier är publicerade ännu."
        if waiting:
            text += f" {len(waiting)} av dina loggposter väntar på återkoppling."
        href = f"/traning/scenarier/{untried[0].id}/spela" if untried else "/traning"
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
