"""The profile hides an open campaign's results, and breaks answers down only into big groups."""

from datetime import date, timedelta

import pytest

from academy.core import settings as settings_module
from academy.core.db import session_scope
from academy.core.errors import ValidationError
from academy.inventory import answering, campaigns, profile
from academy.inventory.models import SurveyCampaign
from academy.inventory.templates import load_template
from academy.inventory.web.profile_state import ProfileState
from tests.integration.inventory.test_inventory_services import (
    DURING,
    complete_answers,
    ids,
    new_campaign,
    person,
)
from tests.integration.test_states import logged_in

SIX = ["medarbetare", "johan.ek", "leila.hassan", "maria.svensson", "ahmed.yusuf", "petra.lind"]


def answer_all(session, campaign_id, extra=lambda n: {}, today=None):
    for n, name in enumerate(SIX):
        answers = {**complete_answers(session, campaign_id, 2), **extra(n)}
        answering.save_answers(
            session,
            person(session, f"{name}@demo.se"),
            campaign_id,
            answers,
            submit=True,
            today=today,
        )


def test_an_open_campaign_shows_nothing_until_it_is_closed(demo):
    today = date.today()
    with session_scope() as session:
        trainer = person(session, "utbildare@demo.se")
        template_id, unit_id = ids(session)
        campaign_id = campaigns.create_campaign(
            session,
            trainer,
            template_id=template_id,
            unit_id=unit_id,
            title="Pågår",
            opens_on=today - timedelta(days=1),
            closes_on=today + timedelta(days=30),
        )
        answer_all(session, campaign_id)
        hidden = profile.needs_profile(session, trainer, campaign_id)
        assert (hidden.shown, hidden.still_open, hidden.questions, hidden.respondents) == (
            False,
            True,
            (),
            0,
        )
        assert hidden.campaign.submitted == 6  # the response rate is still shown
        with pytest.raises(ValidationError, match="först när enkätomgången är stängd"):
            profile.export_table(session, trainer, campaign_id)
        closed_before = new_campaign(session)
        with pytest.raises(ValidationError, match="först när enkätomgången är stängd"):
            profile.compare_campaigns(session, trainer, closed_before, campaign_id)

    state = logged_in(ProfileState, "utbildare@demo.se")
    state.campaign_id = campaign_id
    state._run(state._fill)
    assert state.still_open and state.can_close and not state.shown and state.needs == []
    employee = logged_in(ProfileState, "medarbetare@demo.se")
    employee.campaign_id = campaign_id
    employee.close_campaign()
    assert employee.error == "Du har inte behörighet att göra detta."
    with session_scope() as session:
        assert session.get(SurveyCampaign, campaign_id).status == "active"
    state.close_campaign()
    assert state.notice == "Enkätomgången är stängd. Inga fler svar tas emot."
    assert state.shown and not state.still_open and not state.can_close
    assert state.respondents == 6 and len(state.needs) > 0
    with session_scope() as session, pytest.raises(ValidationError, match="stängd"):
        answering.save_answers(
            session, person(session, "omar.ali@demo.se"), campaign_id, {}, submit=False
        )


@pytest.fixture
def threshold_three(monkeypatch):
    monkeypatch.setenv("ANONYMITY_THRESHOLD", "3")
    settings_module.get_settings.cache_clear()
    yield
    settings_module.get_settings.cache_clear()


def test_breakdown_only_when_every_group_reaches_the_threshold(demo, threshold_three):
    with session_scope() as session:
        trainer = person(session, "utbildare@demo.se")
        campaign_id = new_campaign(session)  # March 2026: closed by now
        errands = [q for q in load_template(session, 1).questions if q.kind == "single_choice"]
        split, small = errands[0], errands[1]

        def extra(n):  # split: 3 yes and 3 could; small: 4 yes and 2 no
            return {
                str(split.id): "yes" if n < 3 else "could",
                str(small.id): "no" if n >= 4 else "yes",
            }

        answer_all(session, campaign_id, extra, today=DURING)
        found = profile.breakdowns(session, trainer, campaign_id, include_suppressed=True)
        allowed = {b.question_id: b for b in found if b.allowed}
        assert [o[0] for o in allowed[split.id].options] == ["yes", "could"]
        assert [b.question_id for b in found if not b.allowed] == [small.id]
        group = profile.needs_profile(session, trainer, campaign_id, breakdown=(split.id, "could"))
        assert group.shown and group.respondents == 3
        assert group.group_label.startswith(split.text + ": Nej, men")
        with pytest.raises(ValidationError, match="någon grupp har färre än 3 svar"):
            profile.needs_profile(session, trainer, campaign_id, breakdown=(small.id, "no"))

    state = logged_in(ProfileState, "utbildare@demo.se")
    state.campaign_id = campaign_id
    state._run(state._fill)
    assert f"{split.id}:could" in [o.value for o in state.breakdown_options]
    assert not any(o.value.startswith(f"{small.id}:") for o in state.breakdown_options)
    assert state.suppressed == [small.text]
    state.apply_breakdown({"breakdown": f"{split.id}:yes"})
    assert state.error == "" and state.respondents == 3 and state.group_label.endswith("Ja, oftast")
    state.apply_breakdown({"breakdown": f"{small.id}:no"})  # a forged choice
    assert "någon grupp har färre än 3 svar" in state.error
    assert state.respondents == 6 and state.group_label == "" and state.breakdown == ""
    state.apply_breakdown({"breakdown": ""})
    assert state.error == "" and state.respondents == 6
