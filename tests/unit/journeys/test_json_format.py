from __future__ import annotations

import json

import pytest
from hypothesis import given, settings

from journeys.errors import JourneyFormatError
from journeys.examples import example_names, example_path, load_example
from journeys.formats import json_format
from tests.unit.journeys.builders import split_journey
from tests.unit.journeys.strategies import journeys


@given(journeys())
@settings(max_examples=60, deadline=None)
def test_json_round_trip_is_lossless(journey) -> None:
    assert json_format.loads(json_format.dumps(journey)) == journey


@pytest.mark.parametrize("name", example_names())
def test_examples_round_trip_to_the_same_text(name: str) -> None:
    text = example_path(name).read_text(encoding="utf-8")
    assert json_format.dumps(load_example(name)) + "\n" == text


def test_document_is_node_link_data_with_schema_version() -> None:
    data = json_format.to_dict(split_journey())
    assert data["schema"] == "serviceakademin/journey"
    assert data["schema_version"] == 1
    assert data["directed"] is True and data["multigraph"] is False
    assert data["graph"]["title"] == "Delning"
    assert [node["id"] for node in data["nodes"]] == ["start", "web", "phone", "desk", "end"]
    assert data["edges"][0] == {
        "source": "start",
        "target": "web",
        "kind": "next",
        "share": 0.7,
        "order": 0,
    }


def good() -> dict:
    return json_format.to_dict(split_journey())


def error_for(data: dict | str) -> JourneyFormatError:
    text = data if isinstance(data, str) else json.dumps(data)
    with pytest.raises(JourneyFormatError) as caught:
        json_format.loads(text)
    return caught.value


def test_syntax_errors_name_line_and_column() -> None:
    error = error_for('{\n  "schema": "serviceakademin/journey",\n  "nodes": [1,]\n}')
    assert (error.line, error.column) == (3, 15)
    assert "rad 3" in str(error)


def test_non_finite_numbers_are_rejected() -> None:
    text = json_format.dumps(split_journey()).replace('"share": 0.7', '"share": NaN')
    assert "NaN" in str(error_for(text))


@pytest.mark.parametrize(
    ("change", "path", "words"),
    [
        (lambda d: d.update(schema_version=99), "schema_version", "stöds inte"),
        (lambda d: d.pop("schema"), "schema", "väntade"),
        (lambda d: d["nodes"][1].update(emotion="glad"), "nodes[1].emotion", "ett tal"),
        (lambda d: d["nodes"][2].update(failure_demand=1), "nodes[2].failure_demand", "true"),
        (lambda d: d["nodes"][0].pop("stage"), "nodes[0]", "fältet 'stage' saknas"),
        (lambda d: d["nodes"][0].update(colour="red"), "nodes[0]", "okänt fält 'colour'"),
        (lambda d: d["edges"][0].update(target="ghost"), "edges[0].target", "ghost"),
        (lambda d: d["edges"].append(dict(d["edges"][0])), "edges[5]", "förekommer två gånger"),
        (lambda d: d["nodes"].append(dict(d["nodes"][0])), "nodes[5].id", "har samma id"),
        (lambda d: d["graph"]["stages"].append({"id": 3}), "graph.stages[3].id", "text"),
        (lambda d: d["graph"].update(version="1"), "graph.version", "ett heltal"),
        (lambda d: d.update(nodes={}), "nodes", "en lista"),
    ],
)
def test_schema_errors_name_the_element(change, path: str, words: str) -> None:
    data = good()
    change(data)
    error = error_for(data)
    assert error.path == path
    assert words in error.message


def test_top_level_must_be_an_object() -> None:
    assert "JSON-objekt" in str(error_for("[]"))


def test_schema_errors_also_name_the_line_and_column() -> None:
    data = good()
    data["nodes"][2]["emotion"] = "glad"
    text = json.dumps(data, indent=2, ensure_ascii=False)
    lines = text.splitlines()
    expected_line = next(n for n, line in enumerate(lines, 1) if '"glad"' in line)
    error = error_for(text)
    assert error.path == "nodes[2].emotion"
    assert error.line == expected_line
    assert error.column == lines[expected_line - 1].index('"glad"') + 1
    data = good()
    data["edges"][1].pop("source")  # a missing field points at its object
    text = json.dumps(data, indent=2)
    error = error_for(text)
    opening_brace = text.rfind("{", 0, text.index('"target": "phone"'))
    assert error.line == text.count("\n", 0, opening_brace) + 1


@given(journeys())
@settings(max_examples=80, deadline=None)
def test_the_json_is_networkx_node_link_data_without_making_a_graph(journey) -> None:
    # Written and read without networkx (so `journeys render` never imports it); the text is
    # the same, key for key and in the same order, as networkx's node-link data of the graph.
    import networkx as nx

    from journeys.model import Step, from_networkx, to_networkx

    if journey.steps:  # a repeated step id and dangling or repeated flows, as a graph sees them
        journey.steps.append(Step(journey.steps[0].id, "x", "y", "Dubblett"))
    via_graph = {
        "schema": json_format.SCHEMA,
        "schema_version": json_format.SCHEMA_VERSION,
        **nx.node_link_data(to_networkx(journey), edges=json_format.EDGES_KEY),
    }
    assert json.dumps(json_format.to_dict(journey)) == json.dumps(via_graph)
    text = json_format.dumps(journey)
    graph = nx.node_link_graph(json.loads(text), edges=json_format.EDGES_KEY)
    assert json_format.loads(text) == from_networkx(graph)
