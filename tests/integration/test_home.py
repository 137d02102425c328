"""The home page asks every area's provider for the person's roles, in the app's order."""

from datetime import date

from sqlalchemy import select

from academy.core import auth
from academy.core.db import session_scope
from academy.core.models import Unit, User
from academy.home.web.home_state import HomeState
from academy.inventory import campaigns
from academy.inventory.demo.seed import OPEN_TITLE
from academy.inventory.models import SurveyCampaign, SurveyTemplate
from tests.integration.test_states import logged_in


def titles_for(email: str) -> list[tuple[str, str]]:
    state = logged_in(HomeState, email)
    state.load()
    assert state.error == ""
    return [(step.title, step.href) for step in state.steps]


def test_each_role_gets_its_areas_items(demo):
    with session_scope(demo) as session:
        survey_id = session.scalar(
            select(SurveyCampaign.id).where(SurveyCampaign.title == OPEN_TITLE)
        )
    employee = titles_for("medarbetare@demo.se")
    assert [title for title, _ in employee] == ["Mina kurser", "Enkäter att besvara", "Träning"]
    # Exactly one survey waits: the link opens its answer page.
    assert ("Enkäter att besvara", f"/inventering/{survey_id}/svara") in employee
    assert [t for t, _ in titles_for("utbildare@demo.se")] == [
        "Kursomgångar",
        "Träning att följa upp",
    ]
    assert titles_for("strateg@demo.se") == [("Kundresor", "/kundresor")]
    assert titles_for("admin@demo.se") == [("Användare och enheter", "/admin")]


def test_several_waiting_surveys_link_to_the_one_due_first(demo):
    today = date.today()
    with session_scope(demo) as session:
        trainer = auth.to_current_user(
            session.scalar(select(User).where(User.email == "utbildare@demo.se"))
        )
        template_id = session.scalar(select(SurveyTemplate.id))
        unit_id = session.scalar(select(Unit.id).where(Unit.name == "Servicecenter"))
        due_first = campaigns.create_campaign(
            session,
            trainer,
            template_id=template_id,
            unit_id=unit_id,
            title="Enkät som ska in först",
            opens_on=today,
            closes_on=today,
        )
    state = logged_in(HomeState, "medarbetare@demo.se")
    state.load()
    step = next(s for s in state.steps if s.title == "Enkäter att besvara")
    assert step.text.startswith("2 enkäter väntar på ditt svar.")
    assert (step.href, step.link_label) == (
        f"/inventering/{due_first}/svara",
        "Besvara ”Enkät som ska in först”",
    )


def test_a_stranger_gets_no_items(demo):
    state = HomeState()
    state.load()
    assert state.steps == [] and state.message_at == "home"
