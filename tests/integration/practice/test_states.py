"""The Träning event handlers, called directly: the server checks roles and refuses bad input."""

from academy.core.db import session_scope
from academy.home.steps import next_steps
from academy.practice import scenarios
from academy.practice.demo.seed import GARBAGE_TITLE
from academy.practice.web.followup_state import FollowUpState
from academy.practice.web.log_state import PracticeLogState
from academy.practice.web.player_state import PlayerState
from academy.practice.web.roleplay_state import RoleplayState
from academy.practice.web.scenario_editor_state import ScenarioEditorState
from academy.practice.web.scenario_list_state import ScenarioListState
from academy.practice.web.view import ChoiceRow
from tests.integration.conftest import count, run_event
from tests.integration.practice.helpers import FOUR_NODES, person
from tests.integration.test_states import logged_in

DENIED = "Du har inte behörighet att göra detta."


def _garbage_id(engine) -> int:
    with session_scope(engine) as session:
        rows = scenarios.list_scenarios(session, person(session, "utbildare@demo.se"))
        return next(row.id for row in rows if row.title == GARBAGE_TITLE)


def test_employee_cannot_import_or_edit_scenarios(demo):
    before = count(demo, "practice_scenarios")
    listing = logged_in(ScenarioListState, "medarbetare@demo.se")
    listing.set_import_text(FOUR_NODES)
    run_event(listing.preview_import())
    assert listing.error == "Du har inte behörighet att skapa scenarier."
    assert listing.message_at == "import" and listing.has_preview is False
    run_event(listing.confirm_import())
    assert listing.error == "Du har inte behörighet att skapa scenarier."
    editor = logged_in(ScenarioEditorState, "medarbetare@demo.se")
    editor.scenario_id, editor.version = _garbage_id(demo), 1
    editor.set_status("draft")
    assert editor.error == DENIED
    editor.save_node({"text": "Inkräktare", "closing": ""})
    assert editor.error == DENIED
    assert count(demo, "practice_scenarios") == before
    with session_scope(demo) as session:
        stored = scenarios.get_scenario(
            session, person(session, "utbildare@demo.se"), editor.scenario_id
        )
        assert (stored.status, stored.version) == ("published", 1)


def test_trainer_adds_a_node_and_a_choice_with_a_bad_score_is_refused(demo):
    listing = logged_in(ScenarioListState, "utbildare@demo.se")
    listing.set_import_text(FOUR_NODES)
    run_event(listing.confirm_import())
    assert listing.error == ""
    with session_scope(demo) as session:
        rows = scenarios.list_scenarios(session, person(session, "utbildare@demo.se"))
        scenario_id = next(row.id for row in rows if row.title == "Fyra noder")
        stored = scenarios.get_scenario(session, person(session, "utbildare@demo.se"), scenario_id)
    editor = logged_in(ScenarioEditorState, "utbildare@demo.se")
    editor._show(stored)
    editor.save_node({"text": "Invånaren tystnar.", "closing": ""})
    assert (editor.notice, editor.version) == ("Noden nod1 är sparad.", 2)
    assert "Noden ”nod1” kan inte nås från startnoden." in editor.problems
    form = {"source": "Start", "target": "nod1", "text": "Hallå?", "feedback": "Ok"}
    editor.save_choice({**form, "score-1": "3"})
    assert editor.error == "Poängen för ”Empati” ska vara mellan -2 och +2."
    assert editor.version == 2
    editor.save_choice({**form, "score-1": "1"})
    assert (editor.notice, editor.version) == ("Valet Start#3 är sparat.", 3)


def test_player_scores_on_the_server_and_saves_the_attempt_at_the_end(demo):
    before = count(demo, "practice_attempts")
    player = logged_in(PlayerState, "medarbetare@demo.se")
    player.scenario_id = _garbage_id(demo)
    player.choose("Start#1")
    assert player.feedback.startswith("Bra. Du bekräftar känslan")
    assert player.finished is False and count(demo, "practice_attempts") == before
    player.choose("Löst#1")  # not available at Kartlägger
    assert "finns inte i situationen" in player.error
    player.choose("Kartlägger#1")
    assert player.finished is True and player.notice == "Ditt försök är sparat."
    totals = {row.dimension: row.total for row in player.summary}
    assert totals == {"Tydlighet": "+2", "Empati": "+2", "Lösningsfokus": "+3", "Korrekthet": "+2"}
    assert count(demo, "practice_attempts") == before + 1


def test_a_choice_sends_the_step_again_not_the_scenario(demo):
    player = logged_in(PlayerState, "medarbetare@demo.se")
    player.scenario_id = _garbage_id(demo)
    player.choose("Start#1")
    title, situation = player.title, player.situation
    assert title and situation
    player._clean()
    player.choose("Kartlägger#1")
    assert player.finished and (player.title, player.situation) == (title, situation)
    assert {"node_text", "steps", "summary"} <= player.dirty_vars
    assert not {"title", "channel", "situation", "journey_label"} & player.dirty_vars


def test_log_with_personal_data_is_refused_through_the_state(demo):
    before = count(demo, "practice_log_entries")
    log = logged_in(PracticeLogState, "medarbetare@demo.se")
    log.add(
        {
            "date": "2026-03-30",
            "channel": "telefon",
            "errand_kind": "Avgift",
            "tried": "Ring mig på 070-123 45 67",
            "outcome": "Ok",
        }
    )
    assert "telefonnummer" in log.error and "Inget har sparats." in log.error
    assert count(demo, "practice_log_entries") == before


def test_followup_sends_employees_to_their_own_attempts(demo):
    follow = logged_in(FollowUpState, "medarbetare@demo.se")
    redirect = follow.load()
    assert "/traning/mina-forsok" in str(redirect)
    assert follow.error == "" and follow.cohort_options == []
    follow.show({"cohort": "1", "scenario": str(_garbage_id(demo))})
    assert follow.error == DENIED and follow.shown is False


def test_home_page_tells_the_employee_about_training(demo):
    with session_scope(demo) as session:
        employee = person(session, "medarbetare@demo.se")
        item = next(s for s in next_steps(session, employee) if s.title == "Träning")
        assert item.text.startswith("Du har provat alla scenarier.")
        assert "2 av dina loggposter väntar på återkoppling." in item.text
        trainer = person(session, "utbildare@demo.se")
        item = next(s for s in next_steps(session, trainer) if s.title == "Träning att följa upp")
        assert item.text.startswith("2 loggposter från dina deltagare väntar")


def test_trainer_opens_a_choice_with_its_scores_in_the_form(demo):
    with session_scope(demo) as session:
        trainer = person(session, "utbildare@demo.se")
        stored = scenarios.get_scenario(session, trainer, _garbage_id(demo))
    editor = logged_in(ScenarioEditorState, "utbildare@demo.se")
    editor._show(stored)
    editor.open_choice("Start#2")
    assert editor.choice.target == "Arg"
    assert [s.value for s in editor.choice_scores] == ["0", "-2", "-1", "0"]
    outsider = logged_in(ScenarioEditorState, "medarbetare@demo.se")
    outsider.scenario_id = 999_999
    outsider.open_choice("Start#2")
    assert outsider.error == "Scenariot finns inte." and outsider.choice == ChoiceRow()


def test_messages_are_placed_beside_the_action_that_caused_them(demo):
    log = logged_in(PracticeLogState, "medarbetare@demo.se")
    log.load()
    log.add({"date": "30 mars", "channel": "telefon", "errand_kind": "Avgift"})
    assert (log.message_at, log.field_errors) == (
        "log-form",
        {"date": "Ange datumet som ÅÅÅÅ-MM-DD. Inget har sparats."},
    )
    entry = log.entries[0]
    log.share({"entry_id": str(entry.id), "email": "inte en adress"})
    assert log.message_at == f"share-{entry.id}" and log.error

    follow = logged_in(FollowUpState, "utbildare@demo.se")
    follow.load()
    follow.show({"cohort": "", "scenario": ""})
    assert (follow.message_at, follow.error) == ("followup", "Välj kursomgång och scenario.")
    assert "cohort" in follow.field_errors and follow.shown is False

    roleplay = logged_in(RoleplayState, "medarbetare@demo.se")
    roleplay.load()
    roleplay.record({})
    assert (roleplay.message_at, roleplay.error) == (
        "observe",
        "Välj kursomgång och rollspelskort.",
    )

    player = logged_in(PlayerState, "medarbetare@demo.se")
    player.scenario_id = _garbage_id(demo)
    player.choose("Löst#1")
    assert player.message_at == "play" and "finns inte i situationen" in player.error


def test_editor_refusals_and_deletions_report_beside_their_table_or_form(demo):
    with session_scope(demo) as session:
        trainer = person(session, "utbildare@demo.se")
        stored = scenarios.get_scenario(session, trainer, _garbage_id(demo))
    editor = logged_in(ScenarioEditorState, "utbildare@demo.se")
    editor._show(stored)
    editor.set_status("draft")
    assert (editor.message_at, editor.notice) == ("status", "Scenariot är ett utkast.")
    editor.remove_dimension("Empati")
    assert editor.message_at == "dimensions" and "kan inte tas bort" in editor.error
    editor.save_choice({"source": "Start", "target": "Arg", "text": "Hej", "score-0": "x"})
    assert (editor.message_at, editor.field_errors) == (
        "choice",
        {"score-0": "Poängen ska vara heltal. Inget har sparats."},
    )
    before = len(editor.choices)
    editor.delete_choice("Start#2")
    assert (editor.message_at, editor.notice) == ("choices", "Valet Start#2 är borttaget.")
    assert len(editor.choices) == before - 1
    editor.delete_node("Arg")
    assert editor.message_at == "nodes" and editor.notice.startswith("Noden Arg")
    assert "Arg" not in [node.id for node in editor.nodes]


def test_a_stale_editor_is_refused_and_nothing_is_saved(demo):
    with session_scope(demo) as session:
        trainer = person(session, "utbildare@demo.se")
        stored = scenarios.get_scenario(session, trainer, _garbage_id(demo))
    first = logged_in(ScenarioEditorState, "utbildare@demo.se")
    first._show(stored)
    second = logged_in(ScenarioEditorState, "utbildare@demo.se")
    second._show(stored)
    first.set_status("draft")
    first.add_dimension({"name": "Tålamod"})
    assert first.notice == "Dimensionen Tålamod är tillagd."
    second.add_dimension({"name": "Humor"})
    assert second.error.startswith("Scenariot har ändrats av någon annan sedan du öppnade sidan.")
    assert second.message_at == "dimensions"
    with session_scope(demo) as session:
        saved = scenarios.get_scenario(session, person(session, "utbildare@demo.se"), stored.id)
        assert "Humor" not in saved.scenario.dimensions and saved.version == first.version
