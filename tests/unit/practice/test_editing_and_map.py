"""Editor changes on a scenario, and the scenario map's DOT (escaping, ids, shapes)."""

import pytest

from academy.core.errors import ValidationError
from academy.practice import editing
from academy.practice.scenario import Node, Scenario, Setting, validate
from academy.practice.scenario_map import scenario_dot


def _scenario() -> Scenario:
    return Scenario("Test", Setting("telefon", "Ett samtal."), "start", [Node("start", "Hej!")])


def test_building_four_nodes_by_editing_gives_a_valid_scenario():
    scenario = _scenario()
    calm = editing.save_node(scenario, "", text="Tack.", is_end=False, closing="")
    angry = editing.save_node(scenario, "", text="Chefen!", is_end=False, closing="")
    end = editing.save_node(scenario, "", text="Hej då.", is_end=True, closing="Klart.")
    assert (calm, angry, end) == ("nod1", "nod2", "nod3")
    for source, target in [("start", calm), ("start", angry), (calm, end), (angry, end)]:
        editing.save_choice(
            scenario, "", source=source, target=target, text="Svar", feedback="Ok", scores={}
        )
    assert [c.id for c in scenario.choices] == ["start#1", "start#2", "nod1#1", "nod2#1"]
    assert validate(scenario) == []


def test_refused_changes_leave_the_scenario_unchanged():
    scenario = _scenario()
    end = editing.save_node(scenario, "", text="Slut", is_end=True, closing="Klart.")
    with pytest.raises(ValidationError, match="mellan -2 och \\+2"):
        editing.save_choice(
            scenario, "", source="start", target=end, text="A", feedback="B", scores={"Empati": 3}
        )
    with pytest.raises(ValidationError, match="En slutnod kan inte ha val"):
        editing.save_choice(
            scenario, "", source=end, target="start", text="A", feedback="B", scores={}
        )
    with pytest.raises(ValidationError, match="Startnoden kan inte tas bort"):
        editing.delete_node(scenario, "start")
    with pytest.raises(ValidationError, match="avslutande text"):
        editing.save_node(scenario, "", text="Slut igen", is_end=True, closing="")
    assert scenario.choices == [] and [n.id for n in scenario.nodes] == ["start", "nod1"]


def test_deleting_a_node_removes_its_choices():
    scenario = _scenario()
    end = editing.save_node(scenario, "", text="Slut", is_end=True, closing="Klart.")
    editing.save_choice(
        scenario, "", source="start", target=end, text="A", feedback="B", scores={"Empati": 0}
    )
    assert scenario.choices[0].scores == {}  # zero scores are not stored
    editing.delete_node(scenario, end)
    assert scenario.choices == []


def test_map_escapes_user_text_and_marks_start_and_end():
    scenario = _scenario()
    scenario.nodes[0].text = '<b onclick="x">Hej</b> & "citat"'
    editing.save_node(scenario, "", text="Slut", is_end=True, closing="Klart.")
    dot = scenario_dot(scenario)
    assert "&lt;b onclick=&quot;x&quot;&gt;Hej&lt;/b&gt; &amp; &quot;citat&quot;" in dot
    assert "<b onclick" not in dot
    assert 'id="node-start"' in dot or "id=node-start" in dot
    assert "Start" in dot and "peripheries=2" in dot
