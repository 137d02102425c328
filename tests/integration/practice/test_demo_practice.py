"""The demo practice content: published scenarios, a card, activity; seeded once."""

from academy.core.db import session_scope
from academy.practice import practice_log, roleplays, scenarios
from academy.practice.demo.seed import GARBAGE_TITLE, seed_practice
from academy.practice.scenario import validate
from tests.integration.conftest import count
from tests.integration.practice.helpers import person

TABLES = (
    "practice_scenarios",
    "practice_attempts",
    "practice_roleplay_cards",
    "practice_observations",
    "practice_log_entries",
    "practice_log_feedback",
)


def test_demo_practice_is_seeded_once(demo):
    before = {table: count(demo, table) for table in TABLES}
    assert before == {
        "practice_scenarios": 2,
        "practice_attempts": 6,
        "practice_roleplay_cards": 1,
        "practice_observations": 1,
        "practice_log_entries": 3,
        "practice_log_feedback": 1,
    }
    with session_scope(demo) as session:
        assert seed_practice(session) == 0
    assert {table: count(demo, table) for table in TABLES} == before


def test_demo_garbage_scenario_is_published_and_playable(demo):
    with session_scope(demo) as session:
        employee = person(session, "medarbetare@demo.se")
        rows = {row.title: row for row in scenarios.list_scenarios(session, employee)}
        stored = scenarios.get_scenario(session, employee, rows[GARBAGE_TITLE].id)
        scenario = stored.scenario
        assert (stored.status, scenario.setting.channel) == ("published", "telefon")
        assert len(scenario.nodes) == 7 and sum(n.is_end for n in scenario.nodes) == 3
        assert validate(scenario) == []
        entries = practice_log.my_entries(session, employee)
        assert [len(e.feedback) for e in entries] == [0, 0, 1]  # newest first
        ratings = roleplays.my_observations(session, employee)[0].ratings
        assert [r["rating"] for r in ratings] == [4, 3, 3, 4]
