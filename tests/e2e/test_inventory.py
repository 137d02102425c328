"""Inventering in the real browser: start a campaign, answer it, read a profile, make a cohort."""

from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import log_in_as, serious_violations

pytestmark = pytest.mark.e2e

TITLE = "Inventering E2E våren"
TEMPLATE = "Inventering service och bemötande"  # the demo's default template
DEMO_CLOSED = "Inventering Servicecenter hösten 2025"  # the demo's closed campaign
CONFIDENCE = ["Tydlighet", "Empati", "Lösningsfokus", "Korrekthet"]


def test_trainer_starts_a_campaign_and_sara_answers_it(new_page, app_url):
    trainer = new_page()
    log_in_as(trainer, app_url, "utbildare@demo.se", "Karin Berg")
    trainer.goto(f"{app_url}/inventering")
    form = trainer.get_by_role("form", name="Starta en enkät")
    form.get_by_label("Namn på enkätomgången").fill(TITLE)
    form.get_by_label("Mall", exact=True).select_option(label=TEMPLATE)
    unit = form.locator("#f-unit_id option", has_text="Servicecenter").get_attribute("value")
    form.get_by_label("Enhet").select_option(unit)
    expect(form.get_by_label("Sara Nilsson")).to_be_visible()  # the unit's people to choose from
    # Choosing no one sends the survey to all of them; other tests may have added people.
    employees = form.get_by_role("checkbox").count()
    today = date.today()
    form.get_by_label("Första svarsdag").fill(today.isoformat())
    form.get_by_label("Sista svarsdag").fill((today + timedelta(days=14)).isoformat())
    form.get_by_role("button", name="Skicka enkäten").click()
    expect(trainer.get_by_role("status")).to_have_text("Enkäten är skickad.")
    row = trainer.get_by_role("row").filter(has_text=TITLE)
    expect(row).to_contain_text(f"0 av {employees} (0 %)")

    sara = new_page()
    log_in_as(sara, app_url, "medarbetare@demo.se", "Sara Nilsson")
    expect(sara.get_by_text("väntar på ditt svar")).to_be_visible()
    sara.goto(f"{app_url}/inventering")
    sara.get_by_role("link", name=f"Svara på {TITLE}").click()
    expect(sara.get_by_role("heading", level=1)).to_have_text(TITLE)
    assert serious_violations(sara) == []
    sara.get_by_role("group", name="Telefon: kontakter per vecka").get_by_label("Antal").fill(
        "5000"
    )
    sara.get_by_role("button", name="Skicka in").click()
    expect(sara.get_by_role("alert")).to_contain_text("ange ett tal mellan 0 och 1000")
    sara.get_by_role("group", name="Telefon: kontakter per vecka").get_by_label("Antal").fill("120")
    sara.get_by_role("button", name="Spara utkast").click()
    expect(sara.get_by_role("status")).to_have_text("Utkastet är sparat.")
    sara.get_by_role("button", name="Skicka in").click()
    expect(sara.get_by_role("alert")).to_contain_text("Besvara de obligatoriska frågorna")
    for dimension in CONFIDENCE:
        group = sara.get_by_role("group", name=f"{dimension} (obligatorisk)")
        group.get_by_label("4 – Ganska säker").check()
    sara.get_by_role("button", name="Skicka in").click()
    expect(sara.get_by_role("status")).to_have_text("Tack! Dina svar är inskickade.")
    expect(sara.get_by_role("button", name="Skicka in")).to_have_count(0)

    trainer.reload()
    expect(trainer.get_by_role("row").filter(has_text=TITLE)).to_contain_text(
        f"1 av {employees} ({100 / employees:.0f} %)"
    )


def test_trainer_reads_the_demo_profile_and_creates_a_tailored_cohort(page, app_url):
    log_in_as(page, app_url, "utbildare@demo.se", "Karin Berg")
    page.goto(f"{app_url}/inventering")
    page.get_by_role("link", name=DEMO_CLOSED).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Behovsprofil")
    expect(page.locator("#response-rate")).to_have_text("Svarsfrekvens: 8 av 9 (89 %)")
    needs = page.get_by_role("table", name="Ämnen med störst behov först")
    expect(needs.get_by_role("row").nth(1)).to_contain_text("regelverk")
    expect(page.get_by_role("table", name="Fördelning: Empati")).to_be_visible()
    assert serious_violations(page) == []
    form = page.get_by_role("form", name="Skapa skräddarsydd kursomgång")
    expect(form.get_by_label("Kurs", exact=True)).to_have_value(
        form.locator("option", has_text="Bemötande i telefon").get_attribute("value")
    )
    form.get_by_label("Startdatum").fill("2026-09-01")
    form.get_by_label("Slutdatum").fill("2026-11-30")
    form.get_by_role("button", name="Skapa kursomgång").click()
    expect(page.get_by_role("status")).to_have_text(
        "Kursomgången är skapad och enhetens medarbetare är inskrivna."
    )


def test_employees_cannot_open_a_profile(new_page, app_url):
    trainer = new_page()
    log_in_as(trainer, app_url, "utbildare@demo.se", "Karin Berg")
    trainer.goto(f"{app_url}/inventering")
    trainer.get_by_role("link", name=DEMO_CLOSED).click()
    expect(trainer.get_by_role("heading", level=1)).to_have_text("Behovsprofil")
    page = new_page()
    log_in_as(page, app_url, "medarbetare@demo.se", "Sara Nilsson")
    page.goto(trainer.url)
    expect(page.get_by_role("alert")).to_have_text("Du har inte behörighet att göra detta.")
    expect(page.get_by_role("table")).to_have_count(0)


def test_trainer_authors_a_template_and_the_used_default_is_frozen(page, app_url):
    log_in_as(page, app_url, "utbildare@demo.se", "Karin Berg")
    page.goto(f"{app_url}/inventering")
    form = page.get_by_role("form", name="Ny enkätmall")
    form.get_by_label("Mallens titel").fill("Mall E2E")
    form.get_by_role("button", name="Skapa mall").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Enkätmall: Mall E2E")
    page.get_by_label("Avsnittets titel").fill("Kanaler")
    page.get_by_role("button", name="Spara avsnittet").click()
    expect(page.get_by_role("status")).to_have_text("Avsnittet är sparat.")
    question = page.get_by_role("form", name="Fråga")
    question.get_by_label("Avsnitt", exact=True).select_option(label="Kanaler")
    question.get_by_label("Frågetyp").select_option(label="Ett val")
    question.get_by_label("Frågans text").fill("Vanligaste kanal")
    question.get_by_label("Alternativ").fill("Telefon | telefoni\nBesök")
    question.get_by_role("button", name="Spara frågan").click()
    expect(page.get_by_role("status")).to_have_text("Frågan är sparad.")
    question.get_by_label("Avsnitt", exact=True).select_option(label="Kanaler")
    question.get_by_label("Frågetyp").select_option(label="Skala 1–5")
    question.get_by_label("Frågans text").fill("Hur säker är du")
    question.get_by_label("Obligatorisk").check()
    for number, label in enumerate(["Inte alls", "Lite", "Ganska", "Säker", "Mycket"], 1):
        question.get_by_label(f"Etikett {number}").fill(label)
    question.get_by_role("button", name="Spara frågan").click()
    questions = page.get_by_role("list", name="Frågor i Kanaler").get_by_role("listitem")
    expect(questions).to_have_count(2)
    page.get_by_role("button", name="Flytta upp Hur säker är du").click()
    expect(questions.first).to_contain_text("Hur säker är du · Skala 1–5 · obligatorisk")
    assert serious_violations(page) == []

    page.goto(f"{app_url}/inventering")
    page.get_by_role("link", name=TEMPLATE, exact=True).click()
    expect(page.locator("#template-in-use")).to_contain_text("kan inte ändras")
    expect(page.get_by_role("button", name="Ta bort mallen")).to_have_count(0)
    page.get_by_role("button", name="Kopiera", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Enkätmall: Inventering service och bemötande (kopia)"
    )
    expect(page.get_by_role("button", name="Ta bort mallen")).to_be_visible()


def test_open_campaign_results_wait_for_close_and_small_breakdowns_are_refused(page, app_url):
    log_in_as(page, app_url, "utbildare@demo.se", "Karin Berg")
    page.goto(f"{app_url}/inventering")
    page.get_by_role("link", name="Uppföljning Servicecenter").click()
    expect(page.locator("#results-hidden")).to_contain_text("när enkätomgången är stängd")
    expect(page.get_by_role("button", name="Stäng enkätomgången nu")).to_be_visible()
    expect(page.get_by_role("table")).to_have_count(0)
    assert serious_violations(page) == []
    page.goto(f"{app_url}/inventering")
    page.get_by_role("link", name=DEMO_CLOSED).click()
    expect(page.locator("#breakdown-suppressed")).to_contain_text("färre än 5 svar")
    expect(page.get_by_role("button", name="Stäng enkätomgången nu")).to_have_count(0)
