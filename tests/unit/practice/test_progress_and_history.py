"""The player's progress indicator, "Mina försök" rows, and errors apart from advice."""

from datetime import datetime

from academy.practice.attempts import HistoryItem
from academy.practice.play import play, steps_left
from academy.practice.scenario import Choice, Node, errors, validate, warnings
from academy.practice.web import activity_view, view
from tests.unit.practice.conftest import build_scenario


def test_steps_left_counts_the_fewest_and_most_answers_to_an_end():
    scenario = build_scenario()
    assert steps_left(scenario, "Start") == (2, 2)
    assert steps_left(scenario, "Lugn") == (1, 1)
    assert steps_left(scenario, "Slut") == (0, 0)
    scenario.choices.append(Choice("c6", "Start", "Slut", "Hej då.", "Kort.", {}))
    assert steps_left(scenario, "Start") == (1, 2)


def test_a_loop_leaves_the_most_open_and_a_trap_has_no_way_out():
    scenario = build_scenario()
    scenario.choices.append(Choice("c6", "Arg", "Start", "Börja om.", "", {}))
    assert steps_left(scenario, "Start") == (2, None)
    scenario.nodes.append(Node("Fälla", "…"))
    scenario.choices.append(Choice("c7", "Fälla", "Fälla", "Igen.", "", {}))
    assert steps_left(scenario, "Fälla") == (None, None)


def test_progress_text_tells_which_answer_of_how_many():
    scenario = build_scenario()
    scenario.choices.append(Choice("c6", "Start", "Slut", "Hej då.", "Kort.", {}))
    assert view.progress(scenario, play(scenario, [])) == view.Progress("Svar 1 av 1–2", 0, 2)
    assert view.progress(scenario, play(scenario, ["c1"])) == view.Progress("Svar 2 av 2", 1, 2)
    done = view.progress(scenario, play(scenario, ["c1", "c4"]))
    assert done == view.Progress("Klart: 2 av 2 svar", 2, 2)
    scenario.choices.append(Choice("c7", "Arg", "Start", "Börja om.", "", {}))
    assert view.progress(scenario, play(scenario, ["c3"])).text == "Svar 2 av minst 2"


def test_history_rows_show_the_path_and_points_per_dimension():
    item = HistoryItem(
        7,
        3,
        "Testsamtal",
        datetime(2026, 3, 9, 14, 5),
        ("Jag hjälper dig.", "Något mer?"),
        (("Empati", 2), ("Lösningsfokus", -1)),
        (("Empati", 2), ("Lösningsfokus", 2)),
        True,
        False,
    )
    (row,) = activity_view.history_rows([item])
    assert row == activity_view.HistoryRow(
        id=7,
        scenario="Testsamtal",
        when="2026-03-09 14:05",
        path="1. Jag hjälper dig. → 2. Något mer?",
        path_short="1. Jag hjälper dig. (+1 val till)",
        steps=("1. Jag hjälper dig.", "2. Något mer?"),
        shortened=True,
        result="Empati +2 av 2, Lösningsfokus −1 av 2",
        end="Ja",
        play_url="",  # no longer published: nothing to play again
    )


def test_a_long_answer_is_clipped_and_the_whole_path_kept_behind_a_disclosure():
    long = "Jag förstår att du är orolig för platsen, " * 5
    assert activity_view.path_summary(()) == ("–", False)
    assert activity_view.path_summary(("Kort svar.",)) == ("1. Kort svar.", False)
    short, shortened = activity_view.path_summary((long.strip(),))
    assert shortened and short.endswith("…") and len(short) <= 3 + 80 + 1
    assert short.startswith("1. Jag förstår att du är orolig för platsen")


def test_errors_block_and_advice_only_advises():
    scenario = build_scenario()
    scenario.setting.channel = ""
    scenario.choices[0].feedback = ""
    scenario.choices.append(Choice("c9", "Lugn", "Borta", "Vänta.", "", {}))
    problems = validate(scenario)
    assert [p.code for p in errors(problems)] == ["missing_target"]
    assert {p.code for p in warnings(problems)} == {"missing_channel", "empty_feedback"}
    preview = view.import_preview(scenario)
    assert (preview.errors, preview.warnings, preview.channel) == (1, 3, "(ingen kanal)")
    found, advice = view.problem_texts(scenario)
    assert found == ["Valet ”c9” leder till noden ”Borta” som inte finns."]
    assert "Kanal saknas i inramningen." in advice
