from __future__ import annotations

import copy

import networkx as nx
import pytest

from journeys.examples import example_names, load_example
from journeys.model import Flow, Journey, Stage, Step, from_networkx, slugify, to_networkx, validate
from tests.unit.journeys.builders import loop_journey, split_journey


def codes(journey: Journey) -> set[str]:
    return {problem.code for problem in validate(journey)}


@pytest.mark.parametrize("name", example_names())
def test_examples_are_valid_and_survive_networkx_round_trip(name: str) -> None:
    journey = load_example(name)
    assert validate(journey) == []
    assert from_networkx(to_networkx(journey)) == journey


def test_networkx_graph_has_typed_attributes_in_order() -> None:
    graph = to_networkx(split_journey())
    assert isinstance(graph, nx.DiGraph)
    assert list(graph) == ["start", "web", "phone", "desk", "end"]
    assert graph.nodes["phone"]["channel"] == "telefon"
    assert graph.nodes["phone"]["emotion"] == -2
    assert graph.edges["start", "web"] == {"kind": "next", "share": 0.7, "order": 0}
    assert graph.graph["stages"][1] == {"id": "s2", "name": "Kontakt"}
    assert graph.graph["lanes"][0]["role"] == "customer"


def test_flow_order_is_kept_even_when_graph_order_differs() -> None:
    journey = split_journey()
    journey.flows.reverse()
    assert from_networkx(to_networkx(journey)).flows == journey.flows


def test_valid_journeys_have_no_problems() -> None:
    assert validate(loop_journey()) == []
    assert validate(split_journey()) == []


def test_every_problem_is_reported_at_once_with_its_element() -> None:
    journey = split_journey()
    journey.steps[1].stage = "nowhere"
    journey.steps[2].lane = "nobody"
    journey.flows.append(Flow("desk", "ghost"))
    journey.flows[0].share = 1.5
    problems = validate(journey)
    found = {(p.code, p.element_kind, p.element_id) for p in problems}
    assert ("unknown_stage", "step", "web") in found
    assert ("unknown_lane", "step", "phone") in found
    assert ("flow_missing_step", "flow", "desk->ghost") in found
    assert ("share_out_of_range", "flow", "start->web") in found
    assert all(p.message_sv for p in problems)


def test_shares_must_sum_to_one_where_a_step_splits() -> None:
    journey = split_journey()
    journey.flows[1].share = 0.2  # 0.7 + 0.2
    problems = [p for p in validate(journey) if p.code == "shares_not_one"]
    assert [(p.element_kind, p.element_id) for p in problems] == [("step", "start")]
    assert "0.90" in problems[0].message_sv


def test_rounded_shares_within_tolerance_are_accepted() -> None:
    journey = split_journey()
    journey.flows[0].share, journey.flows[1].share = 0.67, 0.34
    assert "shares_not_one" not in codes(journey)


def test_missing_share_on_a_split_is_reported() -> None:
    journey = split_journey()
    journey.flows[1].share = None
    assert "share_missing" in codes(journey)


def test_unreachable_steps_and_dead_ends() -> None:
    journey = split_journey()
    journey.steps[-1].is_end = True  # explicit end: other steps without outflow are dead ends
    journey.flows = [f for f in journey.flows if f.source != "desk"]
    journey.steps.append(Step("island", "s2", "back", "Ö"))
    journey.flows.append(Flow("island", "end"))
    journey.steps[0].is_start = True
    found = {(p.code, p.element_id) for p in validate(journey)}
    assert ("dead_end", "desk") in found
    assert ("unreachable_step", "island") in found
    assert ("dead_end", "end") not in found


def test_no_start_and_no_end_in_a_pure_cycle() -> None:
    journey = Journey(
        title="Cirkel",
        stages=[Stage("a", "A")],
        lanes=copy.deepcopy(split_journey().lanes),
        steps=[Step("x", "a", "kund", "X"), Step("y", "a", "kund", "Y")],
        flows=[Flow("x", "y"), Flow("y", "x")],
    )
    assert {"no_start", "no_end"} <= codes(journey)


def test_field_checks() -> None:
    journey = split_journey()
    journey.steps[0].emotion = 3
    journey.steps[1].channel = "fax"
    journey.steps[2].first_contact_resolution = 1.2
    journey.steps[3].evidence = "rumour"
    journey.steps[4].id = "bad id!"
    journey.kind = "someday"
    journey.title = " "
    assert {
        "emotion_out_of_range",
        "unknown_channel",
        "share_out_of_range",
        "unknown_evidence",
        "invalid_id",
        "unknown_kind",
        "missing_title",
    } <= codes(journey)


def test_duplicates_are_reported() -> None:
    journey = split_journey()
    journey.steps.append(copy.deepcopy(journey.steps[0]))
    journey.flows.append(Flow("web", "end"))
    assert {"duplicate_id", "duplicate_flow"} <= codes(journey)


def test_starts_ignore_rework_flows_and_ends_follow_markers() -> None:
    journey = loop_journey()
    assert journey.start_ids() == ["call"]
    assert journey.end_ids() == ["letter"]


def test_slugify() -> None:
    assert slugify("Söker information") == "soker-information"
    assert slugify("  Åtgärd & återkoppling!! ") == "atgard-aterkoppling"
    assert slugify("😀") == "x"


def test_messages_name_steps_stages_and_lanes_by_their_text_never_by_id() -> None:
    journey = split_journey()
    journey.steps[1].stage = "nowhere"
    journey.steps[2].lane = "nobody"
    journey.flows.append(Flow("desk", "ghost"))
    journey.flows.append(Flow("ghost", "desk"))
    journey.flows.append(copy.deepcopy(journey.flows[0]))
    journey.flows[0].share = 1.5
    journey.flows[1].kind = "teleport"
    texts = {step.id: step.text for step in journey.steps}
    journey.stages.append(Stage("Ny fas!", "Extra"))
    journey.steps.append(Step(journey.steps[0].id, "s1", "kund", "Dubbel"))
    messages = {p.code: p.message_sv for p in validate(journey)}
    assert messages["flow_missing_step"] in (
        f"Flödet från ”{texts['desk']}” går till ett steg som inte finns.",
        f"Flödet till ”{texts['desk']}” kommer från ett steg som inte finns.",
    )
    assert messages["share_out_of_range"].startswith(
        f"Andelen för flödet från ”{texts['start']}” till ”{texts['web']}”"
    )
    assert messages["invalid_id"].startswith("Fasen ”Extra” har ett ogiltigt id")
    assert messages["duplicate_id"] == f"Steget ”Dubbel” har samma id som ”{texts['start']}”."
    ids = {"desk", "ghost", "web", "phone", "start", "nowhere", "nobody", "s1", "s2", "Ny fas!"}
    ids -= {text for text in texts.values()}
    for code, message in messages.items():
        words = set(message.replace("”", " ").replace(".", " ").split())
        assert not words & ids, (code, message)
