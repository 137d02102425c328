"""Träning's pure web modules: form parsing (errors name their field) and view rows and bars."""

from datetime import date

import pytest

from academy.core.errors import ValidationError
from academy.practice.followup import DimensionResult
from academy.practice.play import play
from academy.practice.web import activity_view, forms, view
from tests.unit.practice.conftest import build_scenario


def test_log_entry_parses_the_date_and_names_the_field_when_it_cannot():
    entry = forms.log_entry({"date": "2026-03-30", "channel": "telefon", "tried": "Lyssnade"})
    assert (entry.happened_on, entry.channel, entry.tried) == (
        date(2026, 3, 30),
        "telefon",
        "Lyssnade",
    )
    with pytest.raises(ValidationError) as refused:
        forms.log_entry({"date": "30/3"})
    assert refused.value.field == "date"
    assert refused.value.message == "Ange datumet som ÅÅÅÅ-MM-DD. Inget har sparats."


def test_new_scenario_needs_what_the_citizen_says_first():
    scenario = forms.new_scenario(
        {"title": " Fakturan ", "channel": "chatt", "first_text": " Hej! ", "situation": ""}
    )
    assert (scenario.title, scenario.setting.channel, scenario.start) == (
        "Fakturan",
        "chatt",
        "start",
    )
    assert [(n.id, n.text) for n in scenario.nodes] == [("start", "Hej!")]
    with pytest.raises(ValidationError) as refused:
        forms.new_scenario({"title": "Fakturan", "first_text": "  "})
    assert refused.value.field == "first_text"


def test_choice_scores_are_read_per_dimension_and_a_bad_one_names_its_select():
    data = forms.choice({"source": "Start", "score-0": "2", "score-1": ""}, ["Empati", "Tydlighet"])
    assert data.scores == {"Empati": 2, "Tydlighet": 0}
    with pytest.raises(ValidationError) as refused:
        forms.choice({"score-1": "mycket"}, ["Empati", "Tydlighet"])
    assert refused.value.field == "score-1"


def test_ratings_and_followup_choice_refuse_what_is_missing():
    assert forms.ratings({"rating-0": "3", "comment-0": "Bra"}, ["Lyssnade"]) == [(3, "Bra")]
    with pytest.raises(ValidationError, match="Bedöm ”Lyssnade”") as refused:
        forms.ratings({}, ["Lyssnade"])
    assert refused.value.field == "rating-0"
    assert forms.followup_choice({"cohort": "4", "scenario": "7"}) == (4, 7)
    with pytest.raises(ValidationError, match="Välj kursomgång och scenario.") as refused:
        forms.followup_choice({"cohort": "4", "scenario": ""})
    assert refused.value.field == "scenario"


def test_result_bars_show_no_bar_without_attempts_and_scale_from_the_middle():
    results = [
        DimensionResult("Empati", 0, 0),
        DimensionResult("Tydlighet", -0.67, 3),
        DimensionResult("Lösningsfokus", 2, 3),
    ]
    empty, negative, full = activity_view.result_bars(results)
    assert (empty.width, empty.text) == (0.0, "inga försök")
    # −0,67 of ±2 is a sixth of the track, drawn left of the middle, with its figure as text.
    assert (negative.offset, negative.width, negative.negative) == (33.2, 16.8, True)
    assert negative.text == "-0,67"
    assert (full.offset, full.width, full.negative) == (50.0, 50.0, False)
    rows = activity_view.result_rows(results)
    assert [(r.average, r.attempts) for r in rows] == [("–", 0), ("-0,67", 3), ("+2,00", 3)]


def test_result_bars_widen_the_scale_for_averages_beyond_one_choice():
    wide, half = activity_view.result_bars(
        [DimensionResult("A", 4, 1), DimensionResult("B", -2, 1)]
    )
    assert (wide.width, half.width, half.offset) == (50.0, 25.0, 25.0)


def test_a_zero_average_with_attempts_has_no_bar_but_says_zero():
    (zero,) = activity_view.result_bars([DimensionResult("Empati", 0, 5)])
    assert (zero.width, zero.text) == (0.0, "±0,00")


def test_editor_rows_keep_numbers_as_numbers_and_name_each_node():
    scenario = build_scenario()
    nodes = view.node_rows(scenario, 7)
    assert [(n.id, n.kind, n.choices) for n in nodes] == [
        ("Start", "Start", 3),
        ("Lugn", "Situation", 1),
        ("Arg", "Situation", 1),
        ("Slut", "Slut", 0),
    ]
    choices = view.choice_rows(scenario)
    assert choices[0].scores == "Empati +2, Tydlighet +1"
    assert len({c.dialog_id for c in choices}) == len(choices)  # one dialog per row
    used = {d.name: d.used for d in view.dimension_rows(scenario)}
    assert used["Empati"] == 4
    fields = view.score_fields(["Empati", "Tydlighet"], {"Tydlighet": -1})
    assert [(f.field_id, f.value) for f in fields] == [("score-0", "0"), ("score-1", "-1")]


def test_player_summary_rows_and_bars():
    scenario = build_scenario()
    result = play(scenario, ["c3", "c5"])
    steps = view.step_rows(scenario, result)
    assert [(s.number, s.answer, s.scores) for s in steps] == [
        (1, "Läs beslutet.", "Empati -2"),
        (2, "Förlåt.", "Empati +1, Lösningsfokus -1"),
    ]
    summary = {r.dimension: r for r in view.summary_rows(scenario, result)}
    assert summary["Empati"].total == "-1"
    bars = {b.label: b for b in view.summary_bars(scenario, result)}
    assert bars["Empati"].text == summary["Empati"].percent
    assert 0 <= bars["Empati"].width <= 100
