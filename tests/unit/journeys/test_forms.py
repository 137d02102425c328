"""The journey pages' forms: typed values out, each refusal naming its own field."""

import pytest

from academy.core.errors import ValidationError
from academy.journeys.web import forms


def refused_field(parse, form) -> str | None:
    with pytest.raises(ValidationError) as refused:
        parse(form)
    return refused.value.field


def test_a_step_form_becomes_typed_values():
    values = forms.step(
        {
            "text": "  Ringer växeln ",
            "stage": "kontakt",
            "lane": "medborgare",
            "channel": "",
            "emotion": "−1",
            "pain_points": "Lång kö\n\n  Fel nummer ",
            "volume_per_week": "1 200,5",
            "first_contact_resolution": "80",
            "failure_demand": "on",
        }
    )
    assert values.text == "Ringer växeln" and values.channel is None
    assert values.emotion == -1.0 and values.volume_per_week == 1200.5
    assert values.first_contact_resolution == 0.8
    assert values.pain_points == ["Lång kö", "Fel nummer"] and values.opportunities == []
    assert values.failure_demand and not values.is_start and values.evidence == "assumed"


@pytest.mark.parametrize(
    ("name", "raw", "message"),
    [
        ("volume_per_week", "många", "Volym per vecka måste vara ett tal."),
        ("volume_per_week", "-3", "Volym per vecka måste vara minst 0."),
        ("handling_minutes", "nan", "Handläggningstid (minuter) måste vara minst 0."),
        ("first_contact_resolution", "101", "mellan 0 och 100"),
        ("emotion", "2,5", "Känsla måste vara mellan -2 och 2."),
    ],
)
def test_a_bad_number_is_refused_at_its_field(name, raw, message):
    with pytest.raises(ValidationError, match=message.replace("(", r"\(").replace(")", r"\)")):
        forms.step({"text": "X", name: raw})
    assert refused_field(forms.step, {"text": "X", name: raw}) == name


def test_a_too_long_pain_point_is_refused_at_its_field():
    assert refused_field(forms.step, {"pain_points": "x" * 501}) == "pain_points"


def test_flow_share_accepts_a_comma_and_refuses_more_than_one():
    assert forms.flow({"source": "a", "target": "b", "share": "0,25"}).share == 0.25
    assert forms.flow({"source": "a", "target": "b"}).kind == "next"
    assert refused_field(forms.flow, {"share": "1,5"}) == "share"


def test_new_journey_needs_a_title_or_an_example():
    assert forms.new_journey({"title": " Bygglov ", "kind": "future"}) == forms.NewJourney(
        "Bygglov", "future", ""
    )
    assert forms.new_journey({"template": "felanmalan-gatubelysning"}).title == ""
    assert refused_field(forms.new_journey, {"title": " "}) == "title"
    assert refused_field(forms.new_journey, {"title": "X", "kind": "dåtid"}) == "kind"


def test_metadata_reads_ids_and_the_shared_box():
    meta = forms.metadata(
        {"title": "T", "kind": "future", "unit_id": "4", "shared": "on", "current_journey_id": ""}
    )
    assert (meta.unit_id, meta.shared, meta.current_journey_id) == (4, True, None)
    assert forms.metadata({"title": "T"}).shared is False
    assert refused_field(forms.metadata, {"current_journey_id": "x"}) == "current_journey_id"


def test_column_form_needs_to_say_stage_or_lane():
    column = forms.column({"what": "lane", "name": " Handläggare ", "role": "frontstage"})
    assert (column.what, column.name, column.role) == ("lane", "Handläggare", "frontstage")
    assert forms.column({"what": "stage", "name": "Beslut"}).role == "backstage"
    with pytest.raises(ValidationError, match="Ladda om"):
        forms.column({"what": "ruta", "name": "X"})


def test_import_text_reads_mermaid_or_json_and_names_the_line_of_an_error():
    journey = forms.import_text(
        "journey\n  title Bygglov\n  section Ansökan\n    Fyller i: 3: Medborgare\n"
    )
    assert journey.title == "Bygglov" and len(journey.steps) == 1
    with pytest.raises(ValidationError, match=r"^Fel på rad 4.*Inget har skapats\.$"):
        forms.import_text("journey\n  title X\n  section A\n    Fyller i: x: Medborgare\n")
    with pytest.raises(ValidationError, match="Klistra in"):
        forms.import_text("   ")
    with pytest.raises(ValidationError, match="Inget har skapats"):
        forms.import_text("{ inte json")
