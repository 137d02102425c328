"""The inventory web layer's pure parts: form parsing (forms.py), view rows (view.py and
profile_view.py)."""

from datetime import date

import pytest

from academy.core.errors import ValidationError
from academy.inventory.aggregation import Bar, FirstContactGap, Need, QuestionResult
from academy.inventory.campaigns import CampaignSummary
from academy.inventory.profile import Change
from academy.inventory.templates import Option, QuestionView, SectionView
from academy.inventory.web import forms, profile_view, view

CAMPAIGN = {
    "title": "Våren",
    "template_id": "3",
    "unit_id": "7",
    "opens_on": "2026-03-01",
    "closes_on": "2026-03-31",
    "person-4": "on",
    "person-9": "on",
}


def test_campaign_form_reads_ids_dates_and_only_offered_people():
    parsed = forms.campaign(CAMPAIGN, people=[4, 5])
    assert parsed == forms.Campaign(
        "Våren", 3, 7, date(2026, 3, 1), date(2026, 3, 31), user_ids=(4,)
    )


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"template_id": ""}, "template_id", "Välj en mall."),
        ({"unit_id": "x"}, "unit_id", "Välj en enhet."),
        ({"opens_on": ""}, "opens_on", "Ange första svarsdag."),
        ({"closes_on": "31/3"}, "closes_on", "Ange sista svarsdag som ÅÅÅÅ-MM-DD."),
    ],
)
def test_campaign_form_names_the_field_of_its_mistake(change, field, message):
    with pytest.raises(ValidationError) as caught:
        forms.campaign({**CAMPAIGN, **change}, people=[])
    assert (caught.value.field, caught.value.message) == (field, message)


def test_cohort_and_breakdown_and_new_template():
    form = {"course_id": "2", "name": " Höst ", "starts_on": "2026-09-01", "ends_on": "2026-11-30"}
    assert forms.cohort(form) == forms.Cohort(2, "Höst", date(2026, 9, 1), date(2026, 11, 30))
    with pytest.raises(ValidationError) as caught:
        forms.cohort({**form, "course_id": ""})
    assert caught.value.field == "course_id"
    assert forms.breakdown("12:could") == (12, "could")
    assert forms.breakdown("") is None and forms.breakdown("x:y") is None
    assert forms.new_template({"template_title": "Ny", "source": "5"}).source_id == 5
    assert forms.new_template({"template_title": "Ny", "source": ""}).source_id is None


def test_question_spec_reads_only_the_chosen_kind_and_names_a_bad_number():
    spec = forms.question_spec(
        {"kind": "number", "text": "Samtal", "min": "0", "max": "1,5e3", "label-1": "x"}
    )
    assert (spec["min"], spec["max"], "labels" in spec) == (0, 1500, False)
    existing = [{"value": "tel", "label": "Telefon"}]
    spec = forms.question_spec(
        {"kind": "single_choice", "options": "Telefon | telefoni\nBesök"}, existing
    )
    assert [(o["value"], o["topics"]) for o in spec["options"]] == [
        ("tel", ["telefoni"]),
        ("besok", []),
    ]
    with pytest.raises(ValidationError) as caught:
        forms.question_spec({"kind": "number", "min": "noll", "max": "5"})
    assert (caught.value.field, caught.value.message) == ("min", "Ange lägsta tal som ett tal.")
    with pytest.raises(ValidationError) as caught:
        forms.section_id({"section_id": ""})
    assert caught.value.field == "section_id"


def _question(kind, **extra):
    base = {
        "id": 8,
        "kind": kind,
        "text": "Kanaler",
        "required": False,
        "topics": (),
        "measure": "",
    }
    return QuestionView(**{**base, **extra})


def _section(title, intro=""):
    return SectionView(3, title, intro, ())


def test_every_question_refers_to_its_section_intro():
    intro = "Kan ärendet lösas redan i första kontakten i dag?"
    options = (Option("yes", "Ja, oftast", ()), Option("no", "Nej", ()))
    question = _question("single_choice", text="Frågor om fakturor", options=options)
    field = view.question_field(_section("Vanliga ärenden", f"  {intro} "), True, question, None)
    assert (field.text, field.section_intro) == ("Frågor om fakturor", intro)
    assert field.section_intro_id == "section-3-intro"
    plain = view.question_field(_section("Kanaler"), True, question, None)
    assert (plain.section_intro, plain.section_intro_id) == ("", "")


def test_answer_fields_and_parsing_back():
    options = (Option("tel", "Telefon", ()), Option("mejl", "E-post", ()))
    field = view.question_field(
        _section("Kanaler"), True, _question("multiple_choice", options=options), ["mejl"]
    )
    assert [(c.name, c.checked) for c in field.options] == [("q-8-tel", False), ("q-8-mejl", True)]
    assert forms.answers({"q-8-tel": "on"}, [field]) == {"8": ["tel"]}
    number = view.question_field(
        _section("Volym"),
        False,
        _question("number", minimum=0.0, maximum=1000.0, unit="samtal"),
        120,
    )
    assert (number.hint, number.value, number.max) == (
        "Ett tal från 0 till 1000 samtal",
        "120",
        "1000",
    )
    assert forms.answers({"q-8": "5"}, [number]) == {"8": "5"}


def test_numbers_are_written_the_swedish_way():
    assert (view.sv(1.5), view.sv(2.0), view.sv(None), view.sv(0.125)) == ("1,5", "2", "–", "0,12")
    assert (view.signed(0.25), view.signed(-1.0), view.signed(None)) == ("+0,25", "-1,00", "–")


def test_profile_rows():
    summary = CampaignSummary(
        1, "Hösten", "Mall", 2, "Servicecenter", date(2025, 9, 1), date(2025, 9, 30), "closed", 9, 8
    )
    row = view.campaign_row(summary)
    assert (row.period, row.phase, row.rate) == (
        "2025-09-01 – 2025-09-30",
        "Stängd",
        "8 av 9 (89 %)",
    )
    needs = [Need("regelverk", 1.5, ("A", "B", "C")), Need("empati", 0.75, ("D",))]
    rows = profile_view.need_rows(needs)
    assert (rows[0].rank, rows[0].score, rows[0].first_reason, rows[0].reason_count) == (
        1,
        "1,5",
        "A",
        "Alla 3 skäl",
    )
    assert rows[1].reason_count == ""  # one reason: nothing to fold
    bars = profile_view.need_bars(needs)
    assert [(b.width, b.text) for b in bars] == [(100.0, "1,5"), (50.0, "0,75")]
    gap = profile_view.gap_rows([FirstContactGap("Bygglov", 3, 8, 37.5)])[0]
    assert (gap.could, gap.percent) == ("3 av 8", "38 %")


def test_results_are_grouped_by_section_with_bars_on_a_scale_of_100():
    results = [
        QuestionResult(
            1, "Bemötande", "Empati", "likert", 8, (Bar("1", 2, 25.0), Bar("2", 0, 0.0))
        ),
        QuestionResult(2, "Bemötande", "Tydlighet", "likert", 8, mean=3.25),
        QuestionResult(3, "Fritt", "Övrigt", "text", 2, texts=("a", "b")),
    ]
    sections = profile_view.result_sections(results)
    assert [(s.title, s.summary) for s in sections] == [
        ("Bemötande", "2 frågor"),
        ("Fritt", "1 fråga"),
    ]
    empathy = sections[0].results[0]
    assert [(r.label, r.count, r.percent) for r in empathy.rows] == [("1", 2, "25"), ("2", 0, "0")]
    assert [(b.width, b.text) for b in empathy.bars] == [(25.0, "25 %"), (0.0, "0 %")]
    assert sections[0].results[1].mean == "3,25" and sections[1].results[0].texts == ["a", "b"]


def test_changes_as_rows_and_bars_from_the_middle():
    changes = [Change("empati", 1.0, 0.5), Change("ny", None, 0.2)]
    assert [(r.before, r.after, r.change) for r in profile_view.change_rows(changes)] == [
        ("1", "0,5", "-0,50"),
        ("–", "0,2", "–"),
    ]
    bars = profile_view.change_bars(changes)
    assert (bars[0].negative, bars[0].offset, bars[0].width) == (True, 0.0, 50.0)
    assert bars[1].width == 0.0
