import pytest

from academy.core.errors import ValidationError
from academy.journeys import editing
from academy.journeys.editing import FlowValues, StepValues
from academy.journeys.web import forms
from journeys.model import Journey


def small() -> Journey:
    journey = Journey(title="Test")
    editing.add_column(journey, "stage", "Kontakt")
    editing.add_column(journey, "stage", "Beslut")
    editing.add_column(journey, "lane", "Medborgare", "customer")
    return journey


def step(journey, title, stage="kontakt", **extra):
    form = {"text": title, "stage": stage, "lane": "medborgare", **extra}
    return editing.save_step(journey, "", forms.step(form))


def test_ids_are_slugs_and_stay_unique():
    journey = small()
    assert [s.id for s in journey.stages] == ["kontakt", "beslut"]
    assert step(journey, "Ringer växeln") == "ringer-vaxeln"
    assert step(journey, "Ringer växeln") == "ringer-vaxeln-2"


def test_step_form_values_are_checked_and_converted():
    journey = small()
    step_id = step(
        journey,
        "Mejlar",
        channel="e-post",
        emotion="-1",
        first_contact_resolution="75",
        pain_points="Får inget svar\n\n Skickar igen ",
        failure_demand="on",
    )
    saved = journey.step(step_id)
    assert (saved.channel, saved.emotion, saved.first_contact_resolution) == ("e-post", -1.0, 0.75)
    assert saved.pain_points == ["Får inget svar", "Skickar igen"] and saved.failure_demand
    for bad, message, field in [
        ({"emotion": "3"}, "Känsla måste vara mellan -2 och 2.", "emotion"),
        ({"channel": "fax"}, "Välj en kanal i listan.", "channel"),
        ({"first_contact_resolution": "120"}, "mellan 0 och 100", "first_contact_resolution"),
        ({"stage": "okand"}, "Välj en fas", "stage"),
        ({"text": " "}, "Text måste fyllas i.", "text"),
    ]:
        with pytest.raises(ValidationError, match=message) as refused:
            step(journey, "X", **bad)
        assert refused.value.field == field
    assert len(journey.steps) == 1


def test_step_values_are_checked_even_without_the_form():
    journey = small()
    with pytest.raises(ValidationError, match="Känsla") as refused:
        editing.save_step(journey, "", StepValues("X", "kontakt", "medborgare", emotion=5))
    assert refused.value.field == "emotion" and journey.steps == []


def test_deleting_a_stage_moves_or_deletes_its_steps_and_flows():
    journey = small()
    a, b = step(journey, "A"), step(journey, "B", stage="beslut")
    editing.add_flow(journey, FlowValues(a, b, "next"))
    editing.delete_column(journey, "stage", "kontakt", move_steps_to="beslut")
    assert journey.step(a).stage == "beslut" and len(journey.flows) == 1
    editing.delete_column(journey, "stage", "beslut")
    assert journey.steps == [] and journey.flows == [] and journey.stages == []


def test_a_deleted_thing_is_named_in_the_refusal():
    journey = small()
    with pytest.raises(ValidationError, match="Steget finns inte längre"):
        editing.delete_step(journey, "borta")
    with pytest.raises(ValidationError, match="Banan finns inte längre"):
        editing.rename_column(journey, "lane", "borta", "Ny")


def test_flows_refuse_duplicates_loops_to_self_and_bad_shares():
    journey = small()
    a, b = step(journey, "A"), step(journey, "B")
    editing.add_flow(journey, forms.flow({"source": a, "target": b, "share": "0,6"}))
    assert journey.flows[0].share == 0.6
    for values, message in [
        (FlowValues(a, b), "finns redan"),
        (FlowValues(a, a), "annat steg"),
        (FlowValues(b, a, share=2), "Andel måste vara mellan 0 och 1."),
        (FlowValues(b, a, kind="hopp"), "typ av flöde"),
    ]:
        with pytest.raises(ValidationError, match=message):
            editing.add_flow(journey, values)


def test_columns_can_be_renamed_and_reordered_but_not_duplicated():
    journey = small()
    editing.move_column(journey, "stage", "beslut", -1)
    assert [s.id for s in journey.stages] == ["beslut", "kontakt"]
    editing.rename_column(journey, "stage", "beslut", "Besked")
    with pytest.raises(ValidationError, match="redan en fas"):
        editing.rename_column(journey, "stage", "kontakt", "besked")
    with pytest.raises(ValidationError, match="redan en fas") as refused:
        editing.add_column(journey, "stage", "BESKED")
    assert refused.value.field == "name"
    with pytest.raises(ValidationError, match="Medborgarens bana") as refused:
        editing.add_column(journey, "lane", "Handläggare", "frontstage-ish")
    assert refused.value.field == "role"


def test_restore_changes_say_what_a_restore_would_do_by_step_text():
    import copy

    from academy.journeys.editing import restore_changes
    from tests.unit.journeys.builders import loop_journey

    old = loop_journey()
    current = copy.deepcopy(old)
    current.steps = [s for s in current.steps if s.id != "letter"]
    current.flows = [f for f in current.flows if f.target != "letter"]
    current.step("call").text = "Ringer igen"
    current.steps.append(type(old.steps[0])("chat", "a", "kund", "Chattar"))
    text = restore_changes(current, old)
    assert "Steg som kommer tillbaka: ”Beslut med brev”." in text
    assert "Steg som tas bort: ”Chattar”." in text
    assert "Steg som ändras: ”Ringer”." in text
    assert "Flöden: 2 nu, 3 efter." in text
    assert restore_changes(old, copy.deepcopy(old)) == "Samma innehåll som nu."
