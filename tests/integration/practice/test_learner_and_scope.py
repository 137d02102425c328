"""Träning as a learner and a trainer use it: own attempts, the log, checks, cohort scope."""

from datetime import date

import pytest
from sqlalchemy import select

from academy.core.accounts import create_user
from academy.core.db import session_scope
from academy.core.errors import AccessDenied, ValidationError
from academy.core.models import Role
from academy.core.security import hash_password
from academy.courses.demo.seed import COHORT_NAME
from academy.courses.models import Cohort
from academy.demo import DEMO_PASSWORD
from academy.practice import attempts, followup, practice_log, roleplays, scenarios
from academy.practice.common import followed_cohorts
from academy.practice.demo.seed import GARBAGE_TITLE
from academy.practice.web.followup_state import FollowUpState
from academy.practice.web.history_state import HistoryState
from academy.practice.web.log_state import PracticeLogState
from academy.practice.web.nav_state import PracticeNavState
from academy.practice.web.player_state import PlayerState
from academy.practice.web.scenario_list_state import ScenarioListState
from tests.integration.conftest import count, run_event
from tests.integration.practice.helpers import person
from tests.integration.test_states import logged_in
from tests.unit.practice.test_practice_cli import PLAIN_TWINE

PARENT_TITLE = "Arg förälder ringer om förskoleplats"
OUTSIDER = "annan.utbildare@demo.se"


def _scenario_id(engine, title: str) -> int:
    with session_scope(engine) as session:
        rows = scenarios.list_scenarios(session, person(session, "utbildare@demo.se"))
        return next(row.id for row in rows if row.title == title)


def _entry(session, email="medarbetare@demo.se", errand="Avgift för bygglov") -> int:
    return practice_log.add_entry(
        session,
        person(session, email),
        happened_on=date(2026, 3, 11),
        channel="telefon",
        errand_kind=errand,
        tried="Jag bekräftade frustrationen först.",
        outcome="Invånaren lugnade sig.",
    )


# ---- Mina försök -------------------------------------------------------------------------------


def test_the_demo_employee_has_a_history_of_own_attempts(demo):
    with session_scope(demo) as session:
        history = attempts.my_history(session, person(session, "medarbetare@demo.se"))
    titles = [item.scenario_title for item in history]
    assert titles.count(PARENT_TITLE) == 3 and titles.count(GARBAGE_TITLE) == 1
    best = next(i for i in history if i.scenario_title == PARENT_TITLE and len(i.path) == 3)
    assert best.path[0].startswith("Jag hör att det här är stressigt")
    assert dict(best.totals) == {"Tydlighet": 4, "Empati": 3, "Lösningsfokus": 4, "Korrekthet": 4}
    assert best.reached_end and best.playable
    assert all(i.created_at for i in history)


def test_my_attempts_page_shows_only_the_learners_own_attempts(demo):
    page = logged_in(HistoryState, "medarbetare@demo.se")
    page.load()
    assert page.error == "" and len(page.rows) == 4
    row = next(r for r in page.rows if r.path.startswith("1. Jag hör"))
    assert row.scenario == PARENT_TITLE and row.end == "Ja"
    assert "Tydlighet +4 av 4" in row.result
    assert row.play_url.endswith("/spela")
    trainer = logged_in(HistoryState, "utbildare@demo.se")
    trainer.load()
    assert trainer.error == "" and trainer.rows == []


def test_navigation_offers_follow_up_only_to_trainers_and_admins(demo):
    for email, expected in [
        ("medarbetare@demo.se", False),
        ("utbildare@demo.se", True),
        ("admin@demo.se", True),
    ]:
        nav = logged_in(PracticeNavState, email)
        nav.load()
        assert nav.can_follow_up is expected, email


def test_the_player_shows_how_far_the_learner_has_come(demo):
    player = logged_in(PlayerState, "medarbetare@demo.se")
    player.scenario_id = _scenario_id(demo, PARENT_TITLE)
    player.replay()
    assert player.progress.text == "Svar 1 av 2–5"
    assert (player.progress.value, player.progress.maximum) == (0, 5)
    player.choose("Start#1")
    assert player.progress.text == "Svar 2 av 3–4"
    player.choose("Går igenom beslutet#1")
    player.choose("Förstår#1")
    assert player.finished and player.progress.text == "Klart: 3 av 3 svar"


# ---- the practice log --------------------------------------------------------------------------


def test_the_author_edits_an_entry_and_personal_data_is_refused_there_too(demo):
    with session_scope(demo) as session:
        entry_id = _entry(session)
    changed = {
        "happened_on": date(2026, 3, 12),
        "channel": "besök",
        "errand_kind": "Avgift för bygglov",
        "tried": "Jag förklarade avgiften steg för steg.",
        "outcome": "Hen förstod.",
        "went_well": "Lugnet.",
        "do_differently": "",
    }
    with session_scope(demo) as session:
        with pytest.raises(AccessDenied):
            practice_log.update_entry(
                session, person(session, "johan.ek@demo.se"), entry_id, **changed
            )
        practice_log.update_entry(
            session, person(session, "medarbetare@demo.se"), entry_id, **changed
        )
    with session_scope(demo) as session, pytest.raises(ValidationError, match="personnummer"):
        practice_log.update_entry(
            session,
            person(session, "medarbetare@demo.se"),
            entry_id,
            **{**changed, "outcome": "Hon sa 811218–9876."},
        )
    with session_scope(demo) as session:
        mine = practice_log.my_entries(session, person(session, "medarbetare@demo.se"))
        entry = next(e for e in mine if e.id == entry_id)
        assert (entry.channel, entry.outcome, entry.happened_on) == (
            "besök",
            "Hen förstod.",
            date(2026, 3, 12),
        )


def test_a_too_long_reflection_is_refused_not_cut(demo):
    """What the author wrote is never shortened behind their back: they are told the limit."""
    with session_scope(demo) as session:
        before = len(practice_log.my_entries(session, person(session, "medarbetare@demo.se")))
    for field in ("went_well", "do_differently"):
        with session_scope(demo) as session, pytest.raises(ValidationError, match="högst 4000"):
            practice_log.add_entry(
                session,
                person(session, "medarbetare@demo.se"),
                happened_on=date(2026, 3, 11),
                channel="telefon",
                errand_kind="Avgift för bygglov",
                tried="Jag bekräftade frustrationen först.",
                outcome="Invånaren lugnade sig.",
                **{field: "Lugnt. " * 700},
            )
    with session_scope(demo) as session:
        after = practice_log.my_entries(session, person(session, "medarbetare@demo.se"))
        assert len(after) == before


def test_only_the_author_deletes_an_entry_and_its_feedback_goes_with_it(demo):
    with session_scope(demo) as session:
        entry_id = _entry(session)
        practice_log.add_feedback(session, person(session, "utbildare@demo.se"), entry_id, "Bra")
    feedback_before = count(demo, "practice_log_feedback")
    with session_scope(demo) as session, pytest.raises(AccessDenied):
        practice_log.delete_entry(session, person(session, "utbildare@demo.se"), entry_id)
    with session_scope(demo) as session:
        practice_log.delete_entry(session, person(session, "medarbetare@demo.se"), entry_id)
    with session_scope(demo) as session:
        mine = practice_log.my_entries(session, person(session, "medarbetare@demo.se"))
        assert entry_id not in {e.id for e in mine}
    assert count(demo, "practice_log_feedback") == feedback_before - 1


def test_log_state_edits_and_deletes_with_messages_at_the_entry(demo):
    log = logged_in(PracticeLogState, "medarbetare@demo.se")
    log.load()
    log.add(
        {
            "date": "2026-03-13",
            "channel": "chatt",
            "errand_kind": "Parkeringstillstånd",
            "tried": "Korta svar.",
            "outcome": "Det fungerade.",
        }
    )
    entry = next(e for e in log.entries if e.errand_kind == "Parkeringstillstånd")
    log.start_edit(entry.id)
    assert log.editing == entry.id
    form = {
        "entry_id": str(entry.id),
        "date": "2026-03-13",
        "channel": "chatt",
        "errand_kind": "Parkeringstillstånd",
        "tried": "Korta svar.",
        "outcome": "Ring 070.123.45.67 sa hen.",
    }
    log.save_edit(form)
    assert log.message_at == f"edit-{entry.id}" and "telefonnummer" in log.error
    assert log.editing == entry.id  # the form stays open with what was typed
    log.save_edit({**form, "outcome": "Det fungerade bra."})
    assert (log.error, log.notice) == ("", "Loggposten är ändrad.")
    assert log.message_at == f"entry-{entry.id}" and log.editing == 0
    assert next(e for e in log.entries if e.id == entry.id).outcome == "Det fungerade bra."
    log.delete(entry.id)
    assert log.notice == "Loggposten är borttagen." and log.message_at == "entries"
    assert entry.id not in {e.id for e in log.entries}


def test_sharing_answers_the_same_whether_or_not_the_address_has_an_account(demo):
    with session_scope(demo) as session:
        entry_id = _entry(session)
    log = logged_in(PracticeLogState, "medarbetare@demo.se")
    log.load()
    log.share({"entry_id": str(entry_id), "email": "finns.inte@demo.se"})
    unknown = (log.error, log.notice.replace("finns.inte@demo.se", "X"))
    log.share({"entry_id": str(entry_id), "email": "Johan.Ek@demo.se"})
    known = (log.error, log.notice.replace("johan.ek@demo.se", "X"))
    assert unknown == known and known[0] == ""
    entry = next(e for e in log.entries if e.id == entry_id)
    assert entry.shared_with == "finns.inte@demo.se, johan.ek@demo.se"
    with session_scope(demo) as session:
        practice_log.add_feedback(session, person(session, "johan.ek@demo.se"), entry_id, "Bra")
        # An account made later with the shared address may give feedback too.
        create_user(
            session,
            None,
            name="Finns Nu",
            email="finns.inte@demo.se",
            password=DEMO_PASSWORD,
            password_hash=hash_password(DEMO_PASSWORD),  # the demo's shared password
            roles=[Role.EMPLOYEE],
        )
    with session_scope(demo) as session:
        newcomer = person(session, "finns.inte@demo.se")
        assert entry_id in {e.id for e in practice_log.entries_to_review(session, newcomer)}
        practice_log.add_feedback(session, newcomer, entry_id, "Tack för att du delade")


# ---- errors and advice in a scenario check -----------------------------------------------------


def test_a_plain_twine_story_imports_and_advice_does_not_block_publishing(demo):
    story = PLAIN_TWINE.replace("[[Lägg på->Saknas]]\n", "").split(":: Ensam")[0]
    listing = logged_in(ScenarioListState, "utbildare@demo.se")
    listing.set_import_text(PLAIN_TWINE)
    run_event(listing.preview_import())
    assert listing.preview.errors == 2 and listing.preview.warnings == 9
    assert "Noden ”Ensam” kan inte nås från startnoden." in listing.preview_errors
    assert "Valet ”Start#1” saknar återkoppling." in listing.preview_warnings
    with session_scope(demo) as session:
        trainer = person(session, "utbildare@demo.se")
        broken_id = scenarios.import_twee(session, trainer, PLAIN_TWINE)
        with pytest.raises(ValidationError, match="2 fel återstår"):
            scenarios.set_status(session, trainer, broken_id, "published")
        plain_id = scenarios.import_twee(session, trainer, story)
        scenarios.set_status(session, trainer, plain_id, "published")
        assert scenarios.get_scenario(session, trainer, plain_id).status == "published"


# ---- cohort scope: a trainer who does not lead the cohort --------------------------------------


@pytest.fixture
def outsider(demo):
    with session_scope(demo) as session:
        create_user(
            session,
            None,
            name="Olle Utanför",
            email=OUTSIDER,
            password=DEMO_PASSWORD,
            password_hash=hash_password(DEMO_PASSWORD),  # the demo's shared password
            roles=[Role.TRAINER],
        )
    return demo


def _demo_cohort(session) -> int:
    return session.scalar(select(Cohort.id).where(Cohort.name == COHORT_NAME))


def test_a_trainer_who_does_not_lead_the_cohort_is_refused_everything(outsider):
    garbage_id = _scenario_id(outsider, GARBAGE_TITLE)
    with session_scope(outsider) as session:
        cohort_id = _demo_cohort(session)
        other = person(session, OUTSIDER)
        employee = person(session, "medarbetare@demo.se")
        assert followed_cohorts(session, other) == []
        for call in (
            lambda: followup.scenario_followup(session, other, cohort_id, garbage_id),
            lambda: followup.log_activity(session, other, cohort_id),
            lambda: followup.results_table(session, other, cohort_id, garbage_id),
            lambda: followup.cohort_export(session, other, cohort_id, "bedomningar", "csv"),
            lambda: followup.cohort_export(session, other, cohort_id, "loggaktivitet", "xlsx"),
            lambda: roleplays.cohort_observations(session, other, cohort_id),
            lambda: roleplays.observable_people(session, other, cohort_id),
            lambda: attempts.attempts_of(session, other, employee.id),
        ):
            with pytest.raises(AccessDenied):
                call()
        assert cohort_id not in {cid for cid, _ in roleplays.observable_cohorts(session, other)}
        entry_ids = {e.id for e in practice_log.my_entries(session, employee)}
        assert not entry_ids & {e.id for e in practice_log.entries_to_review(session, other)}
        with pytest.raises(AccessDenied):
            practice_log.add_feedback(session, other, min(entry_ids), "Jag tittar in")
        card_id = roleplays.list_cards(session, other)[0].id
        with pytest.raises(AccessDenied):
            roleplays.record_observation(
                session,
                other,
                cohort_id=cohort_id,
                card_id=card_id,
                participant_id=employee.id,
                ratings=[(4, "")] * 4,
            )


def test_the_follow_up_page_refuses_a_cohort_the_trainer_does_not_lead(outsider):
    garbage_id = _scenario_id(outsider, GARBAGE_TITLE)
    with session_scope(outsider) as session:
        cohort_id = _demo_cohort(session)
    page = logged_in(FollowUpState, OUTSIDER)
    page.load()
    assert page.cohort_options == []
    page.show({"cohort": str(cohort_id), "scenario": str(garbage_id)})
    assert page.error == "Du är inte utbildare i den här kursomgången."
    assert page.shown is False and page.paths == [] and page.ratings == []


def test_the_leading_trainer_and_an_admin_open_the_cohort(demo):
    garbage_id = _scenario_id(demo, GARBAGE_TITLE)
    with session_scope(demo) as session:
        cohort_id = _demo_cohort(session)
        for email in ("utbildare@demo.se", "admin@demo.se"):
            actor = person(session, email)
            result = followup.scenario_followup(session, actor, cohort_id, garbage_id)
            assert result.paths
            assert followup.log_activity(session, actor, cohort_id)


def test_reloading_the_log_closes_an_open_edit_form(demo):
    log = logged_in(PracticeLogState, "medarbetare@demo.se")
    log.load()
    log.start_edit(log.entries[0].id)
    log.load()
    assert log.editing == 0
