"""Inventering in the real browser: start a campaign, answer it, read a profile, make a cohort."""

import re
import uuid
from datetime import date, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import log_in_as, serious_violations

pytestmark = pytest.mark.e2e
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"

TITLE = "Inventering E2E våren"
TEMPLATE = "Inventering service och bemötande"  # the demo's default template
DEMO_CLOSED = "Inventering Servicecenter hösten 2025"  # the demo's closed campaign
CONFIDENCE = ["Tydlighet", "Empati", "Lösningsfokus", "Korrekthet"]


def _start_form(trainer: Page, app_url: str, title: str):
    """The "Starta en enkät" form filled in for Servicecenter, open from today for two weeks."""
    trainer.goto(f"{app_url}/inventering")
    form = trainer.get_by_role("form", name="Starta en enkät")
    form.get_by_label("Namn på enkätomgången").fill(title)
    unit = form.locator("#f-unit_id option", has_text="Servicecenter").get_attribute("value")
    form.get_by_label("Enhet").select_option(unit)
    expect(form.get_by_label("Sara Nilsson")).to_be_visible()
    today = date.today()
    form.get_by_label("Första svarsdag").fill(today.isoformat())
    form.get_by_label("Sista svarsdag").fill((today + timedelta(days=14)).isoformat())
    return form


def test_the_survey_form_shows_every_question_with_its_section_intro(new_page, app_url):
    title = f"Enkätformulär {uuid.uuid4().hex[:6]}"
    trainer = new_page()
    log_in_as(trainer, app_url, "utbildare@demo.se", "Karin Berg")
    _start_form(trainer, app_url, title).get_by_role("button", name="Skicka enkäten").click()
    expect(trainer.get_by_role("status")).to_have_text("Enkäten är skickad.")

    sara = new_page()
    log_in_as(sara, app_url, "medarbetare@demo.se", "Sara Nilsson")
    sara.goto(f"{app_url}/inventering")
    sara.get_by_role("link", name=f"Svara på {title}").click()
    expect(sara.get_by_role("heading", level=1)).to_have_text(title)
    first_contact = "Kan ärendet lösas redan i första kontakten i dag?"
    confidence = "Hur säker känner du dig i de här delarna av bemötandet?"
    for intro in (first_contact, confidence, "Ungefär hur många kontakter har du"):
        expect(sara.get_by_text(intro)).to_be_visible()
    # Every kind of question shows its own text, and its answers are read with the section's
    # question (the errands and the dimensions alone say little).
    errand = sara.get_by_role("group", name="Frågor om fakturor och avgifter")
    expect(errand).to_be_visible()
    expect(errand).to_have_accessible_description(re.compile(re.escape(first_contact)))
    expect(errand.get_by_label("Ja, oftast")).to_be_visible()
    clarity = sara.get_by_role("group", name="Tydlighet (obligatorisk)")
    expect(clarity).to_have_accessible_description(re.compile(re.escape(confidence)))
    for text in (
        "Telefon: kontakter per vecka",  # number
        "Vad gör en kontakt svår för dig? Välj allt som stämmer.",  # multiple choice
        "Något annat du vill lära dig eller berätta?",  # free text
    ):
        expect(sara.get_by_role("group", name=text)).to_be_visible()
    sara.get_by_role("button", name="Skicka in").click()
    expect(clarity).to_contain_text("Besvara de obligatoriska frågorna")
    expect(sara.get_by_role("alert")).to_contain_text("Besvara de obligatoriska frågorna")
    assert serious_violations(sara) == []
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    sara.reload()
    expect(errand).to_be_visible()
    sara.screenshot(path=str(SCREENSHOTS / "survey.png"), full_page=True)


def test_too_few_recipients_are_warned_about_before_the_campaign_is_made(new_page, app_url):
    title = f"Liten enkät {uuid.uuid4().hex[:6]}"
    trainer = new_page()
    log_in_as(trainer, app_url, "utbildare@demo.se", "Karin Berg")
    form = _start_form(trainer, app_url, title)
    expect(form.locator("#recipients-hint")).to_contain_text("minst 5 har svarat")
    form.get_by_label("Sara Nilsson").check()
    form.get_by_label("Johan Ek").check()
    form.get_by_role("button", name="Skicka enkäten").click()
    expect(form.get_by_role("alert")).to_contain_text(
        "Enkäten går bara till 2 personer. Resultat visas först när minst 5 har svarat"
    )
    expect(trainer.get_by_role("row").filter(has_text=title)).to_have_count(0)
    # What was filled in stays; the sender confirms (or changes the recipients).
    expect(form.get_by_label("Namn på enkätomgången")).to_have_value(title)
    form.get_by_label("Skicka ändå, fast resultaten aldrig kommer att visas").check()
    form.get_by_role("button", name="Skicka enkäten").click()
    expect(trainer.get_by_role("status")).to_have_text("Enkäten är skickad.")
    expect(trainer.get_by_role("row").filter(has_text=title)).to_contain_text("0 av 2 (0 %)")


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
    # The refusal names the question: it is shown in that question's box too.
    expect(sara.get_by_role("group", name="Telefon: kontakter per vecka")).to_contain_text(
        "ange ett tal mellan 0 och 1000"
    )
    sara.get_by_role("group", name="Telefon: kontakter per vecka").get_by_label("Antal").fill("120")
    sara.get_by_role("button", name="Spara utkast").click()
    expect(sara.get_by_role("status")).to_have_text("Utkastet är sparat.")
    sara.get_by_role("button", name="Skicka in").click()
    expect(sara.get_by_role("alert")).to_contain_text("Besvara de obligatoriska frågorna")
    first = sara.get_by_role("group", name=f"{CONFIDENCE[0]} (obligatorisk)")
    expect(first).to_contain_text("Besvara de obligatoriska frågorna")
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


def test_trainer_reads_the_demo_profile_and_creates_a_tailored_cohort(new_page, app_url):
    page = new_page()
    log_in_as(page, app_url, "utbildare@demo.se", "Karin Berg")
    page.goto(f"{app_url}/inventering")
    page.get_by_role("link", name=DEMO_CLOSED).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Behovsprofil")
    expect(page.locator("#response-rate")).to_have_text("Svarsfrekvens: 8 av 9 (89 %)")
    needs = page.get_by_role("table", name="Ämnen med störst behov först")
    expect(needs.get_by_role("row").nth(1)).to_contain_text("regelverk")
    empathy = page.get_by_role("table", name="Fördelning: Empati")
    expect(empathy).to_be_hidden()  # the answers per question are folded by survey section
    page.locator("summary").filter(
        has=page.get_by_role("heading", name="Bemötande", exact=True)
    ).click()
    expect(empathy).to_be_visible()
    assert serious_violations(page) == []
    form = page.get_by_role("form", name="Skapa skräddarsydd kursomgång")
    course = form.get_by_label("Kurs", exact=True)
    telephone = form.locator("option", has_text="Bemötande i telefon").get_attribute("value")
    expect(course).to_have_value(telephone)
    name = form.get_by_label("Kursomgångens namn")
    expect(name).to_have_value("Bemötande i telefon – Servicecenter")
    modules = form.get_by_role("group", name="Obligatoriska moduler i kursomgången")
    boxes = modules.get_by_role("checkbox")
    expect(boxes.first).to_be_visible()
    ticked = [i for i in range(boxes.count()) if boxes.nth(i).is_checked()]
    assert 0 < len(ticked) < boxes.count()  # the modules that answer the top needs
    # Another course brings its own modules and name.
    other = form.locator("option").filter(has_not_text="Bemötande i telefon").nth(1)
    other_title = other.inner_text()
    course.select_option(other.get_attribute("value"))
    expect(name).to_have_value(f"{other_title} – Servicecenter")
    course.select_option(telephone)
    expect(name).to_have_value("Bemötande i telefon – Servicecenter")
    expect(boxes.nth(ticked[0])).to_be_checked()
    cohort_name = f"Skräddarsydd {uuid.uuid4().hex[:6]}"
    name.fill(cohort_name)
    form.get_by_label("Startdatum").fill("2026-09-01")
    form.get_by_label("Slutdatum").fill("2026-11-30")
    form.get_by_role("button", name="Skapa kursomgång").click()
    # The trainer lands on the new cohort.
    expect(page).to_have_url(re.compile(r"/utbildning/omgangar/\d+$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(cohort_name)
    expect(page.get_by_text("Sara Nilsson").first).to_be_visible()

    # The cohort page says what the participants must do.
    expect(page.locator("#cohort-requirement")).to_contain_text("Skräddarsydd kursomgång")

    # Petra, in this run only, sees which modules it requires and that the others are optional.
    petra = new_page()
    log_in_as(petra, app_url, "petra.lind@demo.se", "Petra Lind")
    petra.goto(f"{app_url}/utbildning/kurs/{telephone}")
    expect(petra.get_by_text("Obligatorisk i din kursomgång").first).to_be_visible()
    expect(
        petra.get_by_text("Valfri: krävs inte för att bli klar med kursen").first
    ).to_be_visible()
    expect(petra.locator("#course-progress")).to_contain_text("obligatorisk")
    # Sara is also in the ordinary spring cohort of the course: she has all of it to do.
    sara = new_page()
    log_in_as(sara, app_url, "medarbetare@demo.se", "Sara Nilsson")
    sara.goto(f"{app_url}/utbildning/kurs/{telephone}")
    expect(sara.locator("#course-progress")).to_contain_text("av 3 moduler klara")
    expect(sara.get_by_text("Valfri: krävs inte för att bli klar med kursen")).to_have_count(0)


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
    question = page.get_by_role("form", name="Fråga")
    question.get_by_label("Frågans text").fill("Vanligaste kanal")  # typed before the section
    page.get_by_label("Avsnittets titel").fill("Kanaler")
    page.get_by_role("button", name="Spara avsnittet").click()
    expect(page.get_by_role("status")).to_have_text("Avsnittet är sparat.")
    # Saving the section left the question being written as it was.
    expect(question.get_by_label("Frågans text")).to_have_value("Vanligaste kanal")
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
    page.get_by_role("button", name="Flytta upp: Hur säker är du").click()
    expect(questions.first).to_contain_text("Hur säker är du · Skala 1–5 · obligatorisk")
    page.get_by_role("button", name="Ta bort Vanligaste kanal").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("Ta bort frågan ”Vanligaste kanal”?")
    dialog.get_by_role("button", name="Ta bort", exact=True).click()
    expect(questions).to_have_count(1)
    expect(page.get_by_role("status")).to_have_text("Frågan är borttagen.")
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
