from __future__ import annotations

import pytest
from hypothesis import given, settings

from journeys.errors import JourneyFormatError
from journeys.formats.mermaid import encode_text, parse_mermaid, to_mermaid
from journeys.model import validate
from tests.unit.journeys.builders import split_journey
from tests.unit.journeys.strategies import mermaid_journeys

DOCS_EXAMPLE = """journey
    title My working day
    section Go to work
      Make tea: 5: Me
      Go upstairs: 3: Me
      Do work: 1: Me, Cat
    section Go home
      Go downstairs: 5: Me
      Sit down: 5: Me
"""


def test_the_example_from_mermaids_documentation() -> None:
    journey = parse_mermaid(DOCS_EXAMPLE)
    assert journey.title == "My working day"
    assert [s.name for s in journey.stages] == ["Go to work", "Go home"]
    assert [s.text for s in journey.steps] == [
        "Make tea",
        "Go upstairs",
        "Do work",
        "Go downstairs",
        "Sit down",
    ]
    assert [s.emotion for s in journey.steps] == [2, 0, -2, 2, 2]
    assert journey.steps[2].actors == ["Me", "Cat"]
    assert {s.lane for s in journey.steps} == {"me"}
    assert [(f.source, f.target, f.kind) for f in journey.flows][:2] == [
        ("steg-1", "steg-2", "next"),
        ("steg-2", "steg-3", "next"),
    ]
    assert validate(journey) == []


def test_front_matter_accessibility_comments_and_default_stage() -> None:
    text = """---
title: Från front matter
config:
  theme: forest
---
%%{init: {"theme": "dark"}}%%
%% en kommentar
JOURNEY
  accTitle: Tillgänglig titel
  accDescr {
    Första raden
    andra raden
  }
  Innan sektion: 4 # kommentar efter uppgift
  section Fas
    Uppgift utan aktör: 0
  section Fas
    Samma namn igen: 3: Anna
"""
    journey = parse_mermaid(text)
    assert journey.title == "Från front matter"
    assert journey.description == "Första raden\n    andra raden"
    assert [s.name for s in journey.stages] == ["Utan fas", "Fas", "Fas"]
    assert len({s.id for s in journey.stages}) == 3
    assert [s.stage for s in journey.steps] == [s.id for s in journey.stages]
    assert journey.steps[0].text == "Innan sektion"
    assert journey.steps[1].actors == [] and journey.steps[1].lane == "medborgare"
    assert journey.steps[1].emotion == -2  # score 0 is allowed and is as low as 1
    assert journey.steps[2].lane == "anna"


def test_single_line_acc_descr_and_acc_title_as_fallback_title() -> None:
    journey = parse_mermaid("journey\naccTitle: Titel\naccDescr: Beskrivning # inte kommentar\n")
    assert journey.title == "Titel"
    assert journey.description == "Beskrivning # inte kommentar"


@pytest.mark.parametrize(
    ("text", "line", "column", "words"),
    [
        ("journey\n  section A\n    Task: 3.5: Me\n", 3, 11, "heltal"),
        ("journey\n  Task: 6\n", 2, 9, "0 till 5"),
        ("journey\n  Task: -1\n", 2, 9, "0 till 5"),
        ("journey\n  Task: many: Me\n", 2, 9, "poäng"),
        ("journey\n  Task without score\n", 2, 21, "väntade ':'"),
        ("journey\n  Task:\n", 2, 7, "väntade ':'"),
        ("journey\n  Task: 3; Other: 4\n", 2, 10, "oväntat tecken ';'"),
        ("section A\n  Task: 3\n", 1, 1, "'journey'"),
        ("", 1, 1, "'journey'"),
        ("journey\n  section A: 3\n", 2, 12, "aktivitetsnamn"),
        ("journey\n  Journeyman: 3\n", 2, 3, "journey"),
        ("journey\n  accDescr {\n  never closed\n", 2, 3, "'}'"),
    ],
)
def test_malformed_input_names_line_column_and_expectation(
    text: str, line: int, column: int, words: str
) -> None:
    with pytest.raises(JourneyFormatError) as caught:
        parse_mermaid(text)
    assert (caught.value.line, caught.value.column) == (line, column)
    assert words in caught.value.message


def test_whole_numbers_in_other_spellings_are_scores() -> None:
    journey = parse_mermaid("journey\n  A: 5.0\n  B: +2\n")
    assert [s.emotion for s in journey.steps] == [2, -1]


def test_entity_codes_are_decoded() -> None:
    journey = parse_mermaid("journey\n  Ring #35;1#58; kundtjänst #9829;: 3: A#44;B\n")
    assert journey.steps[0].text == "Ring #1: kundtjänst ♥"
    assert journey.steps[0].actors == ["A,B"]


@given(mermaid_journeys())
@settings(max_examples=80, deadline=None)
def test_export_then_import_keeps_stages_steps_scores_and_actors(journey) -> None:
    back = parse_mermaid(to_mermaid(journey))
    assert back.title == journey.title
    assert back.description == journey.description
    assert [s.name for s in back.stages] == [s.name for s in journey.stages]
    assert [(s.text, s.emotion, s.actors) for s in back.steps] == [
        (s.text, s.emotion, s.actors) for s in journey.steps
    ]
    stage_names = {s.id: s.name for s in journey.stages}
    back_names = {s.id: s.name for s in back.stages}
    assert [back_names[s.stage] for s in back.steps] == [
        stage_names[s.stage] for s in journey.steps
    ]


def test_export_of_an_editor_journey_keeps_lanes_as_actors() -> None:
    text = to_mermaid(split_journey())
    assert "      Telefon: 1: Kontaktcenter" in text
    assert "      Behov: 3: Medborgare\n" in text
    back = parse_mermaid(text)
    assert [s.text for s in back.steps] == [s.text for s in split_journey().steps]
    assert back.steps[2].lane == "kontaktcenter"


def test_hostile_text_is_encoded_so_mermaid_reads_it_back() -> None:
    hostile = "title x: 5; # %% {y} ,z\nnästa rad "
    encoded = encode_text(hostile)
    assert not set(encoded) & set("#:;%{}\n,") - {"#", ";"}
    assert encoded.startswith("#116;itle")
    assert encoded.endswith("#32;")
    journey = split_journey()
    journey.steps[0].text = hostile
    journey.steps[0].actors = [hostile]
    back = parse_mermaid(to_mermaid(journey))
    assert back.steps[0].text == hostile
    assert back.steps[0].actors == [hostile]
