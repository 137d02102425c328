"""Kontaktanalys, the pure app parts: observed figures on steps, the diagram's heat colour and
text, the header preview, and the page rows."""

import io
from datetime import datetime

import openpyxl

from academy.journeys.contacts.headers import known_column, read_headers
from academy.journeys.web import contacts_view as view
from journeys import analysis
from journeys.blueprint import observed_dot
from journeys.contacts import ContactTable, summarize
from journeys.contacts.model import Contact
from journeys.contacts.observed import (
    ObservedStep,
    apply_observed,
    observed_contacts_per_errand,
    observed_failure_share,
    observed_step,
)
from journeys.examples import load_example
from journeys.render import observed_decoration


def seen(contacts=140, fcr=0.4, failure=70, repeats=20, weeks=2.0):
    return ObservedStep(
        categories=("Felanmälan gata",),
        contacts=contacts,
        weeks=weeks,
        per_week=contacts / weeks,
        first_contact_resolution=fcr,
        failure_demand=failure,
        failure_demand_share=failure / contacts,
        repeat_contacts=repeats,
        repeat_share=repeats / contacts,
        period="2026-01-05 – 2026-01-18",
    )


def test_observed_figures_replace_the_assumed_ones_and_mark_the_step_observed():
    journey = load_example("felanmalan-gatubelysning")
    applied = apply_observed(journey, {"ringer": seen()})
    step = next(s for s in applied.steps if s.id == "ringer")
    assert (step.volume_per_week, step.first_contact_resolution, step.evidence) == (
        70.0,
        0.4,
        "observed",
    )
    assert step.failure_demand is True  # half of its contacts were failure demand
    original = next(s for s in journey.steps if s.id == "ringer")
    assert original.first_contact_resolution == 0.95  # the stored journey is untouched
    assert analysis.first_contact_resolution(applied) != analysis.first_contact_resolution(journey)


def test_observed_failure_share_and_contacts_per_errand():
    journey = load_example("felanmalan-gatubelysning")
    for step in journey.steps:
        step.volume_per_week, step.failure_demand = None, False
    assert observed_failure_share(journey, {"ringer": seen()}) == 0.5
    assert observed_contacts_per_errand({"ringer": seen()}) == 140 / 120
    assert observed_contacts_per_errand({}) is None


def test_observed_step_pools_the_linked_categories():
    table = ContactTable.from_rows(
        Contact(
            datetime(2026, 1, 5, 9, n),
            "telefon",
            "svenska",
            None,
            cat,
            n % 2 == 0,
            None,
            "svikt" if n < 3 else None,
            None,
            f"c{n % 4}",
        )
        for n in range(12)
        for cat in ("A", "B")
    )
    groups = summarize(table, anonymity_threshold=1).by_category
    pooled = observed_step(groups, 1.0, "p")
    assert pooled.contacts == 24 and pooled.first_contact_resolution == 0.5
    assert pooled.categories == ("A", "B") and pooled.per_week == 24


def test_the_diagram_writes_the_observed_figures_and_colours_by_resolution():
    text, hot = observed_decoration(70, 0.35)
    assert text == "Observerat: 70 kontakter/vecka · 35 % lösta direkt"
    assert observed_decoration(70, 0.9)[1] != hot
    journey = load_example("felanmalan-gatubelysning")
    dot = observed_dot(journey, {"ringer": seen()})
    assert dot.rstrip().endswith("}") and "Observerat: 70 kontakter/vecka" in dot
    assert observed_dot(journey, {}) == observed_dot(journey, {"okänt": seen()})


def test_headers_are_read_from_csv_in_either_encoding_and_from_xlsx():
    assert read_headers("Datum;Kanal;Språk\n1;2;3\n".encode("cp1252")) == [
        "Datum",
        "Kanal",
        "Språk",
    ]
    assert read_headers("\ufefftidpunkt,kanal\n".encode()) == ["tidpunkt", "kanal"]
    workbook = openpyxl.Workbook()
    workbook.active.append(["Löst direkt", "Handläggare"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert read_headers(buffer.getvalue()) == ["Löst direkt", "Handläggare"]
    assert known_column("Löst direkt") == "löst_direkt" and known_column("Datum") == ""


def test_view_rows_in_swedish():
    assert view.signed_points(-0.053) == "−5 procentenheter"
    assert view.signed(1200) == "+1 200"
    table = ContactTable.from_rows(
        Contact(
            datetime(2026, 1, 5, 9, n),
            "telefon",
            "svenska",
            None,
            "A",
            n < 3,
            None,
            None,
            None,
            None,
        )
        for n in range(10)
    )
    row = view.figure_row(summarize(table).overall)
    assert (row.contacts, row.fcr, row.goal) == ("10", "30 %", "50 procentenheter under målet")
    bars = view.weekly_fcr_bars(summarize(table))
    assert bars[0].label == "2026-W02" and bars[0].text == "30 % (mål 80 %)"


def test_an_unlinked_category_shows_its_suggested_step():
    from academy.journeys.contacts.service import CategoryLink, StepChoice, suggest_step

    table = ContactTable.from_rows(
        Contact(
            datetime(2026, 1, 5, 9, n),
            "telefon",
            "svenska",
            None,
            cat,
            True,
            None,
            None,
            None,
            None,
        )
        for n in range(6)
        for cat in ("Felanmälan gata", "Förskola")
    )
    choices = [
        StepChoice(
            "1:ringer",
            "Felanmälan – Ringer om felanmälan av gatlampa",
            "Ringer om felanmälan av gatlampa",
        ),
        StepChoice("2:ko", "Förskola – Ställer sig i kö", "Ställer sig i kö"),
    ]
    assert suggest_step("Felanmälan gata", choices) == "1:ringer"
    assert suggest_step("Parkering", choices) == ""
    links = [CategoryLink(1, "Förskola", 2, "Förskola", "ko", "Ställer sig i kö")]
    suggestions = {"Felanmälan gata": "1:ringer", "Förskola": "2:ko"}
    rows = {r.label: r for r in view.category_rows(summarize(table), links, suggestions, choices)}
    assert rows["Felanmälan gata"].suggested_value == "1:ringer"
    assert rows["Felanmälan gata"].suggested.startswith("Felanmälan – Ringer")
    assert rows["Förskola"].step == "Förskola – Ställer sig i kö"
    assert rows["Förskola"].suggested_value == ""
