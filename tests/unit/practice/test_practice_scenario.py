from dataclasses import replace

import pytest

from academy.practice.scenario import (
    DEFAULT_DIMENSIONS,
    Choice,
    Node,
    Scenario,
    Setting,
    to_graph,
    validate,
)


def codes(scenario: Scenario) -> list[tuple[str, str | None]]:
    return [(p.code, p.element_id) for p in validate(scenario)]


def test_valid_scenario_has_no_problems(scenario):
    assert validate(scenario) == []


def test_default_dimensions():
    scenario = Scenario("T", Setting("chatt", "s"), "A")
    assert scenario.dimensions == ["Tydlighet", "Empati", "Lösningsfokus", "Korrekthet"]
    assert tuple(scenario.dimensions) == DEFAULT_DIMENSIONS


def test_graph_keeps_parallel_choices(scenario):
    graph = to_graph(scenario)
    assert graph.number_of_nodes() == 4
    assert graph.number_of_edges() == 5
    assert set(graph["Start"]["Lugn"]) == {"c1", "c2"}
    assert graph.edges["Start", "Lugn", "c1"]["scores"] == {"Empati": 2, "Tydlighet": 1}
    assert graph.nodes["Slut"]["is_end"] is True


def test_missing_start(scenario):
    scenario.start = ""
    assert ("missing_start", None) in codes(scenario)


def test_start_not_found(scenario):
    scenario.start = "Finns inte"
    problems = validate(scenario)
    assert [p.code for p in problems] == ["start_not_found"]
    assert problems[0].message == "Startnoden ”Finns inte” finns inte."


def test_unreachable_node(scenario):
    scenario.nodes.append(Node("Ensam", "Hallå?"))
    scenario.choices.append(Choice("c6", "Ensam", "Slut", "Hej", "Ok."))
    problems = validate(scenario)
    assert [(p.code, p.element_kind, p.element_id) for p in problems] == [
        ("unreachable_node", "node", "Ensam")
    ]
    assert problems[0].message == "Noden ”Ensam” kan inte nås från startnoden."


def test_non_end_node_without_choices(scenario):
    scenario.choices = [c for c in scenario.choices if c.source != "Arg"]
    assert codes(scenario) == [("dead_end", "Arg")]


def test_choice_to_missing_node(scenario):
    scenario.choices[3] = replace(scenario.choices[3], target="Borta")
    problems = validate(scenario)
    assert ("missing_target", "c4") in [(p.code, p.element_id) for p in problems]
    message = next(p.message for p in problems if p.code == "missing_target")
    assert message == "Valet ”c4” leder till noden ”Borta” som inte finns."


def test_choice_from_missing_node(scenario):
    scenario.choices.append(Choice("c9", "Spöke", "Slut", "Hej", "Ok."))
    assert codes(scenario) == [("missing_source", "c9")]


def test_loop_that_never_reaches_an_end(scenario):
    # Arg <-> Loop, nothing leads out: both are traps.
    scenario.nodes.append(Node("Loop", "Vi snurrar."))
    scenario.choices[4] = replace(scenario.choices[4], target="Loop")
    scenario.choices.append(Choice("c6", "Loop", "Arg", "Igen", "Ok."))
    assert sorted(codes(scenario)) == [("no_way_to_end", "Arg"), ("no_way_to_end", "Loop")]


def test_no_end_node_at_all(scenario):
    scenario.nodes[3] = replace(scenario.nodes[3], is_end=False)
    assert set(codes(scenario)) == {("dead_end", "Slut"), ("no_end", None)}


def test_end_node_with_choices(scenario):
    scenario.choices.append(Choice("c6", "Slut", "Start", "Igen", "Ok."))
    assert codes(scenario) == [("end_with_choices", "Slut")]


def test_score_on_unknown_dimension(scenario):
    scenario.choices[0].scores["Humor"] = 1
    problems = validate(scenario)
    assert [(p.code, p.element_id) for p in problems] == [("unknown_dimension", "c1")]
    assert "”Humor”" in problems[0].message


@pytest.mark.parametrize("score", [3, -3, 10])
def test_score_outside_scale(scenario, score):
    scenario.choices[0].scores["Empati"] = score
    problems = validate(scenario)
    assert [(p.code, p.element_id) for p in problems] == [("score_out_of_range", "c1")]
    assert problems[0].message == (
        f"Valet ”c1” ger {score:+d} på ”Empati”; tillåtet är -2 till +2."
    )


@pytest.mark.parametrize("score", [-2, 0, 2])
def test_scores_on_scale_edges_are_fine(scenario, score):
    scenario.choices[0].scores["Empati"] = score
    assert validate(scenario) == []


def test_custom_dimensions(scenario):
    scenario.dimensions = ["Lyssnande"]
    scenario.choices = [replace(c, scores={}) for c in scenario.choices]
    scenario.choices[0].scores["Lyssnande"] = 2
    assert validate(scenario) == []


def test_empty_texts(scenario):
    scenario.title = " "
    scenario.setting = Setting(channel="", situation="")
    scenario.nodes[0] = replace(scenario.nodes[0], text="")
    scenario.nodes[3] = replace(scenario.nodes[3], closing="")
    scenario.choices[0] = replace(scenario.choices[0], text="", feedback="")
    assert set(codes(scenario)) == {
        ("empty_title", None),
        ("missing_channel", None),
        ("empty_situation", None),
        ("empty_node_text", "Start"),
        ("empty_closing", "Slut"),
        ("empty_choice_text", "c1"),
        ("empty_feedback", "c1"),
    }


def test_unknown_channel(scenario):
    scenario.setting = Setting(channel="brevduva", situation="x")
    problems = validate(scenario)
    assert [p.code for p in problems] == ["unknown_channel"]
    assert problems[0].message.startswith("Okänd kanal ”brevduva”")


def test_duplicates(scenario):
    scenario.nodes.append(Node("Lugn", "igen"))
    scenario.choices.append(replace(scenario.choices[0]))
    scenario.dimensions.append("Empati")
    assert set(codes(scenario)) == {
        ("duplicate_node", "Lugn"),
        ("duplicate_choice", "c1"),
        ("duplicate_dimension", None),
    }


def test_all_problems_are_reported_together(scenario):
    scenario.title = ""
    scenario.nodes.append(Node("Ensam", "x"))
    scenario.choices[0].scores["Empati"] = 5
    assert {code for code, _ in codes(scenario)} == {
        "empty_title",
        "unreachable_node",
        "dead_end",
        "score_out_of_range",
    }
