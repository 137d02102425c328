"""Practice services on a real database: storage, role checks, scoring and refusals."""

from datetime import date

import pytest

from academy.core.db import session_scope
from academy.core.errors import AccessDenied, NotFound, ValidationError
from academy.practice import attempts, followup, practice_log, roleplays, scenarios
from academy.practice.document import from_document, to_document
from academy.practice.formats.twee import parse_twee
from tests.integration.conftest import count
from tests.integration.practice.helpers import FOUR_NODES, person

COHORT = "Bemötande i telefon – Servicecenter våren 2026"


def _cohort_id(session):
    from sqlalchemy import select

    from academy.courses.models import Cohort

    return session.scalar(select(Cohort.id).where(Cohort.name == COHORT))


def _published_four_nodes(engine) -> int:
    with session_scope(engine) as session:
        trainer = person(session, "utbildare@demo.se")
        scenario_id = scenarios.import_twee(session, trainer, FOUR_NODES)
        scenarios.set_status(session, trainer, scenario_id, "published")
    return scenario_id


def test_document_round_trip_keeps_the_scenario():
    scenario = parse_twee(FOUR_NODES)
    assert from_document(to_document(scenario)) == scenario


def test_import_stores_scenario_and_employee_sees_it_only_when_published(demo):
    with session_scope(demo) as session:
        trainer = person(session, "utbildare@demo.se")
        employee = person(session, "medarbetare@demo.se")
        scenario_id = scenarios.import_twee(session, trainer, FOUR_NODES)
        stored = scenarios.get_scenario(session, trainer, scenario_id)
        assert (stored.status, stored.version, len(stored.scenario.nodes)) == ("draft", 1, 4)
        with pytest.raises(NotFound):
            scenarios.get_scenario(session, employee, scenario_id)
        scenarios.set_status(session, trainer, scenario_id, "published")
        titles = [row.title for row in scenarios.list_scenarios(session, employee)]
        assert "Fyra noder" in titles


def test_malformed_twee_creates_nothing_and_names_passage_and_line(demo):
    before = count(demo, "practice_scenarios")
    broken = FOUR_NODES.replace("{Empati:-2}", "{Empati:-2")
    with session_scope(demo) as session, pytest.raises(ValidationError) as error:
        scenarios.import_twee(session, person(session, "utbildare@demo.se"), broken)
    assert "rad 15" in error.value.message and "”Start”" in error.value.message
    assert count(demo, "practice_scenarios") == before


def test_scores_outside_the_scale_are_refused(demo):
    before = count(demo, "practice_scenarios")
    with session_scope(demo) as session, pytest.raises(ValidationError) as error:
        trainer = person(session, "utbildare@demo.se")
        scenarios.import_twee(session, trainer, FOUR_NODES.replace("Empati:+2", "Empati:+5"))
    assert "+5" in error.value.message and "Inget har sparats" in error.value.message
    assert count(demo, "practice_scenarios") == before


def test_employee_cannot_author_and_stale_save_is_refused(demo):
    scenario_id = _published_four_nodes(demo)
    with session_scope(demo) as session:
        employee = person(session, "medarbetare@demo.se")
        trainer = person(session, "utbildare@demo.se")
        with pytest.raises(AccessDenied):
            scenarios.import_twee(session, employee, FOUR_NODES)
        stored = scenarios.get_scenario(session, trainer, scenario_id)
        stored.scenario.title = "Nytt namn"
        assert scenarios.save_scenario(session, trainer, scenario_id, stored.scenario, 1) == 2
        with pytest.raises(ValidationError, match="ändrats av någon annan"):
            scenarios.save_scenario(session, trainer, scenario_id, stored.scenario, 1)


def test_attempt_is_scored_on_the_server_and_visible_to_trainer_not_colleague(demo):
    scenario_id = _published_four_nodes(demo)
    with session_scope(demo) as session:
        employee = person(session, "medarbetare@demo.se")
        attempts.save_attempt(session, employee, scenario_id, ["Start#1", "Lugn#1"])
    with session_scope(demo) as session:
        employee = person(session, "medarbetare@demo.se")
        mine = [a for a in attempts.my_attempts(session, employee) if a.scenario_id == scenario_id]
        assert len(mine) == 1
        assert mine[0].totals == {"Tydlighet": 1, "Empati": 2, "Lösningsfokus": 2, "Korrekthet": 0}
        assert mine[0].reached_end is True
        trainer = person(session, "utbildare@demo.se")
        seen = attempts.attempts_of(session, trainer, employee.id)
        assert scenario_id in {a.scenario_id for a in seen}
        with pytest.raises(AccessDenied):
            attempts.attempts_of(session, person(session, "johan.ek@demo.se"), employee.id)
        with pytest.raises(AccessDenied):
            attempts.attempts_of(session, person(session, "eva.holm@demo.se"), employee.id)


def test_impossible_path_is_refused(demo):
    scenario_id = _published_four_nodes(demo)
    before = count(demo, "practice_attempts")
    with session_scope(demo) as session, pytest.raises(ValidationError, match="finns inte"):
        attempts.save_attempt(session, person(session, "medarbetare@demo.se"), scenario_id, ["X"])
    assert count(demo, "practice_attempts") == before


def test_personnummer_in_the_log_is_refused_and_nothing_saved(demo):
    before = count(demo, "practice_log_entries")
    with session_scope(demo) as session, pytest.raises(ValidationError) as error:
        practice_log.add_entry(
            session,
            person(session, "medarbetare@demo.se"),
            happened_on=date(2026, 3, 10),
            channel="telefon",
            errand_kind="Faktura",
            tried="Jag bekräftade känslan hos 19811218-9876.",
            outcome="Bra",
        )
    assert "personnummer" in error.value.message and "Inget har sparats" in error.value.message
    assert count(demo, "practice_log_entries") == before


def test_log_feedback_by_cohort_trainer_or_chosen_colleague_only(demo):
    with session_scope(demo) as session:
        employee = person(session, "medarbetare@demo.se")
        entry_id = practice_log.add_entry(
            session,
            employee,
            happened_on=date(2026, 3, 10),
            channel="besök",
            errand_kind="Bygglov",
            tried="Jag sammanfattade vad vi kommit överens om.",
            outcome="Invånaren kände sig trygg.",
        )
        with pytest.raises(AccessDenied):
            practice_log.add_feedback(session, person(session, "johan.ek@demo.se"), entry_id, "Ok")
        practice_log.add_feedback(session, person(session, "utbildare@demo.se"), entry_id, "Bra!")
        practice_log.share_entry(session, employee, entry_id, "johan.ek@demo.se")
        practice_log.add_feedback(session, person(session, "johan.ek@demo.se"), entry_id, "Snyggt")
    with session_scope(demo) as session:
        entry = next(
            e
            for e in practice_log.my_entries(session, person(session, "medarbetare@demo.se"))
            if e.id == entry_id
        )
        assert [f.text for f in entry.feedback] == ["Bra!", "Snyggt"]
        assert entry.shared_with == ("johan.ek@demo.se",)
        others = practice_log.my_entries(session, person(session, "johan.ek@demo.se"))
        assert entry_id not in {e.id for e in others}


def test_observation_ratings_are_checked_and_shown_to_the_participant(demo):
    with session_scope(demo) as session:
        trainer = person(session, "utbildare@demo.se")
        observer = person(session, "johan.ek@demo.se")
        employee = person(session, "medarbetare@demo.se")
        cohort_id = _cohort_id(session)
        card_id = roleplays.create_card(
            session,
            trainer,
            title="Arg förälder",
            situation="Platsen i förskolan blev inte den önskade.",
            citizen_role="Förälder",
            employee_role="Handläggare",
            practise="Bekräfta och förklara",
            statements=["Bekräftade känslan", "Förklarade nästa steg"],
        )
        with pytest.raises(ValidationError, match="skalan 1–4"):
            roleplays.record_observation(
                session,
                observer,
                cohort_id=cohort_id,
                card_id=card_id,
                participant_id=employee.id,
                ratings=[(5, ""), (3, "")],
            )
        roleplays.record_observation(
            session,
            observer,
            cohort_id=cohort_id,
            card_id=card_id,
            participant_id=employee.id,
            ratings=[(4, "Mycket bra"), (2, "")],
        )
    with session_scope(demo) as session:
        mine = roleplays.my_observations(session, person(session, "medarbetare@demo.se"))
        ratings = [r for o in mine if o.card_title == "Arg förälder" for r in o.ratings]
        assert [(r["rating"], r["comment"]) for r in ratings] == [(4, "Mycket bra"), (2, "")]
        with pytest.raises(AccessDenied):
            roleplays.cohort_observations(
                session, person(session, "medarbetare@demo.se"), _cohort_id(session)
            )


def test_followup_counts_choices_and_paths_for_the_cohort(demo):
    scenario_id = _published_four_nodes(demo)
    with session_scope(demo) as session:
        for email, path in [
            ("medarbetare@demo.se", ["Start#1", "Lugn#1"]),
            ("johan.ek@demo.se", ["Start#2", "Irriterad#1"]),
            ("leila.hassan@demo.se", ["Start#1", "Lugn#1"]),
            ("eva.holm@demo.se", ["Start#2", "Irriterad#1"]),  # not in the cohort
        ]:
            attempts.save_attempt(session, person(session, email), scenario_id, path)
    with session_scope(demo) as session:
        trainer = person(session, "utbildare@demo.se")
        result = followup.scenario_followup(session, trainer, _cohort_id(session), scenario_id)
        assert len(result.paths) == 3
        empathy = next(d for d in result.dimensions if d.dimension == "Empati")
        assert empathy.average == 1.0  # (2 + 2 - 1) / 3
        start = next(p for p in result.popular if p.node_id == "Start")
        assert (start.times, start.of) == (2, 3)
        header, rows = followup.results_table(session, trainer, _cohort_id(session), scenario_id)
        assert header[:3] == ["Namn", "Tidpunkt", "Tydlighet"] and len(rows) == 3
        csv_bytes = followup.results_csv(session, trainer, _cohort_id(session), scenario_id)
        assert csv_bytes.startswith(b"\xef\xbb\xbfNamn;Tidpunkt;")
        with pytest.raises(AccessDenied):
            followup.scenario_followup(
                session, person(session, "medarbetare@demo.se"), _cohort_id(session), scenario_id
            )
