"""Träning as a learner and a trainer see it: own attempts, progress, the log, checks."""

import uuid

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import log_in_as, serious_violations
from tests.unit.practice.test_practice_cli import PLAIN_TWINE

pytestmark = pytest.mark.e2e

PARENT = "Arg förälder ringer om förskoleplats"
COHORT = "Bemötande i telefon – Servicecenter våren 2026"


def _unique(text: str) -> str:
    return f"{text} {uuid.uuid4().hex[:6]}"


def fill_log_entry(form, errand: str, tried: str, outcome: str = "Bra") -> None:
    """Fill in the new log entry's form and save it."""
    form.get_by_label("Typ av ärende").fill(errand)
    form.get_by_label("Det här provade jag").fill(tried)
    form.get_by_label("Så gick det").fill(outcome)
    form.get_by_role("button", name="Spara i loggen").click()


def test_a_learner_gets_mina_forsok_and_sees_progress_while_playing(new_page, app_url):
    page = new_page()
    log_in_as(page, app_url, "medarbetare@demo.se", "Sara Nilsson")
    page.goto(f"{app_url}/traning")
    nav = page.get_by_role("navigation", name="Träning")
    expect(nav.get_by_role("link", name="Mina försök")).to_be_visible()
    expect(nav.get_by_role("link", name="Uppföljning")).to_have_count(0)

    # "Uppföljning" is for trainers; a learner lands on their own attempts instead.
    page.goto(f"{app_url}/traning/uppfoljning")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mina försök")
    expect(page.get_by_role("alert")).to_have_count(0)
    table = page.get_by_role("table", name="Mina försök, senaste först")
    best = table.get_by_role("row").filter(has_text="1. Jag hör att det här är stressigt")
    expect(best.first).to_contain_text(PARENT)
    expect(best.first).to_contain_text("Tydlighet +4 av 4")
    assert serious_violations(page) == []

    best.first.get_by_role("link", name=PARENT).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(PARENT)
    expect(page.locator("#play-progress-text")).to_have_text("Svar 1 av 2–5")
    page.get_by_role("button", name="Beslutet är fattat enligt kommunens riktlinjer.").click()
    expect(page.locator("#play-progress-text")).to_have_text("Svar 2 av 2–5")
    page.get_by_role("button", name="Handläggarna tar inte emot samtal.").click()
    expect(page.locator("#play-progress-text")).to_have_text("Klart: 2 av 2 svar")
    expect(page.get_by_role("status")).to_have_text("Ditt försök är sparat.")

    page.goto(f"{app_url}/traning/mina-forsok")
    newest = page.get_by_role("table", name="Mina försök, senaste först").get_by_role("row").nth(1)
    expect(newest).to_contain_text("1. Beslutet är fattat enligt kommunens riktlinjer.")
    expect(newest).to_contain_text("2. Handläggarna tar inte emot samtal.")


def test_mina_forsok_reads_well_on_a_phone(new_page, app_url):
    page = new_page()
    page.set_viewport_size({"width": 390, "height": 844})
    log_in_as(page, app_url, "medarbetare@demo.se", "Sara Nilsson")
    page.goto(f"{app_url}/traning/mina-forsok")
    table = page.get_by_role("table", name="Mina försök, senaste först")
    row = table.locator("tbody tr").filter(has_text="1. Jag hör att det här är stressigt").first
    expect(row).to_be_visible()
    # The rows are cards: each value under its column's name, the whole path one click away.
    assert row.evaluate("r => getComputedStyle(r).display") == "block"
    date_cell = row.locator("td").first
    label = date_cell.evaluate("td => getComputedStyle(td, '::before').content")
    assert label == '"Datum"'
    steps = row.locator(".path-details .steps")
    expect(steps).to_be_hidden()
    row.get_by_text("Visa alla val").click()
    expect(steps.get_by_role("listitem").first).to_have_text(
        "1. Jag hör att det här är stressigt, särskilt nu när du ska börja jobba. Jag hjälper "
        "dig att gå igenom beslutet. Har du brevet framför dig?"
    )
    expect(steps.get_by_role("listitem")).to_have_count(3)
    assert page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    ), "the page scrolls sideways on a phone"
    box = row.bounding_box()
    assert box and box["width"] <= 390
    assert serious_violations(page) == []


def test_a_trainer_sees_uppfoljning_and_an_empty_table_says_why(new_page, app_url):
    page = new_page()
    log_in_as(page, app_url, "utbildare@demo.se", "Karin Berg")
    page.goto(f"{app_url}/traning")
    nav = page.get_by_role("navigation", name="Träning")
    expect(nav.get_by_role("link", name="Uppföljning")).to_be_visible()

    # A plain Twine story: two structural errors, the rest is advice.
    title = _unique("Sopkärlet")
    page.get_by_label("Twee-text").fill(PLAIN_TWINE.replace("Sopkärlet", title))
    page.get_by_role("button", name="Förhandsgranska").click()
    preview = page.locator("#twee-preview")
    expect(preview.get_by_role("heading", name="Fel som hindrar publicering (2)")).to_be_visible()
    expect(preview.locator("#twee-errors li")).to_have_count(2)
    expect(preview.locator("#twee-errors")).to_contain_text("”Ensam” kan inte nås")
    expect(preview.get_by_role("heading", name="Råd (9)")).to_be_visible()
    warnings = preview.locator("#twee-warnings")
    expect(warnings).to_contain_text("Valet ”Start#1” saknar återkoppling.")
    preview.get_by_role("button", name="Skapa scenariot från Twee").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.locator("#scenario-errors li")).to_have_count(2)
    expect(page.locator("#scenario-warnings li")).to_have_count(9)

    page.goto(f"{app_url}/traning/uppfoljning")
    form = page.get_by_role("form", name="Välj kursomgång och scenario")
    form.get_by_label("Kursomgång").select_option(label=COHORT)
    form.get_by_label("Scenario").select_option(label=title)
    form.get_by_role("button", name="Visa").click()
    # An empty table is replaced by the reason it is empty.
    expect(page.get_by_role("heading", name="Vanligaste valet per nod")).to_be_visible()
    expect(
        page.get_by_text("Ingen i kursomgången har spelat scenariot ännu. Tabellen visar")
    ).to_be_visible()


def test_practice_log_form_first_edit_delete_and_sharing_says_the_same(new_page, app_url):
    page = new_page()
    log_in_as(page, app_url, "medarbetare@demo.se", "Sara Nilsson")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{app_url}/traning/logg")
    expect(page.locator("article.log-entry").first).to_be_visible()
    form = page.get_by_role("form", name="Ny loggpost")
    box = form.bounding_box()
    assert box is not None and box["y"] < 1200, box  # near the top, not under every entry

    errand = _unique("Fråga om sophämtning")
    fill_log_entry(form, errand, "Hon gav mig 811218–9876 direkt.")
    expect(form.get_by_role("alert")).to_contain_text("personnummer")
    form.get_by_label("Det här provade jag").fill("Jag sammanfattade vad som händer härnäst.")
    form.get_by_role("button", name="Spara i loggen").click()
    expect(form.get_by_role("status")).to_have_text("Loggposten är sparad.")

    entry = page.locator("article.log-entry").filter(has_text=errand)
    entry.get_by_role("button", name="Ändra loggposten").click()
    edit = entry.get_by_role("form", name="Ändra loggposten")
    expect(edit.get_by_label("Typ av ärende")).to_have_value(errand)
    edit.get_by_label("Så gick det").fill("Ring 070 – 123 45 67 sa hen.")
    edit.get_by_role("button", name="Spara ändringen").click()
    expect(edit.get_by_role("alert")).to_contain_text("telefonnummer")
    edit.get_by_label("Så gick det").fill("Invånaren visste vad som skulle hända.")
    edit.get_by_role("button", name="Spara ändringen").click()
    expect(entry.get_by_role("status")).to_have_text("Loggposten är ändrad.")
    expect(entry).to_contain_text("Invånaren visste vad som skulle hända.")

    share = entry.get_by_label("Be en kollega om återkoppling (e-postadress)")
    share.fill("finns.inte@demo.se")
    entry.get_by_role("button", name="Dela").click()
    expect(entry.get_by_role("status")).to_contain_text("finns.inte@demo.se")
    unknown = entry.get_by_role("status").inner_text()
    share.fill("johan.ek@demo.se")
    entry.get_by_role("button", name="Dela").click()
    expect(entry.get_by_role("status")).to_contain_text("johan.ek@demo.se")
    known = entry.get_by_role("status").inner_text()
    assert unknown.replace("finns.inte@demo.se", "X") == known.replace("johan.ek@demo.se", "X")
    expect(entry).to_contain_text("Delad med: finns.inte@demo.se, johan.ek@demo.se")
    assert serious_violations(page) == []

    entry.get_by_role("button", name="Ta bort loggposten").click()
    page.get_by_role("dialog").get_by_role("button", name="Ta bort").click()
    expect(page.get_by_role("status")).to_have_text("Loggposten är borttagen.")
    expect(page.locator("article.log-entry").filter(has_text=errand)).to_have_count(0)


def test_feedback_refused_keeps_its_text_and_a_save_leaves_other_forms_alone(new_page, app_url):
    sara = new_page()
    log_in_as(sara, app_url, "medarbetare@demo.se", "Sara Nilsson")
    sara.goto(f"{app_url}/traning/logg")
    form = sara.get_by_role("form", name="Ny loggpost")
    errand = _unique("Fråga om bygglov")
    fill_log_entry(form, errand, "Jag bekräftade oron innan jag förklarade.", "Lugnt samtal")
    expect(form.get_by_role("status")).to_have_text("Loggposten är sparad.")
    mine = sara.locator("article.log-entry").filter(has_text=errand)
    share = mine.get_by_label("Be en kollega om återkoppling (e-postadress)")
    share.fill("johan.ek@demo.se")
    mine.get_by_role("button", name="Dela").click()
    expect(mine.get_by_role("status")).to_contain_text("johan.ek@demo.se")
    expect(share).to_have_value("")  # shared: the field is empty for the next address

    johan = new_page()
    log_in_as(johan, app_url, "johan.ek@demo.se", "Johan Ek")
    johan.goto(f"{app_url}/traning/logg")
    own = johan.get_by_role("form", name="Ny loggpost")
    own.get_by_label("Typ av ärende").fill("Mitt eget ärende, halvskrivet")
    theirs = johan.locator("article.log-entry").filter(has_text=errand)
    feedback = theirs.get_by_label("Din återkoppling")
    feedback.fill("Bra att du bekräftade. Invånaren 19811218-9876 lät lugn efteråt.")
    theirs.get_by_role("button", name="Skicka återkoppling").click()
    expect(theirs.get_by_role("alert")).to_contain_text("personnummer")
    # Refused: the text stays, to take the number out.
    expect(feedback).to_have_value(
        "Bra att du bekräftade. Invånaren 19811218-9876 lät lugn efteråt."
    )
    feedback.fill("Bra att du bekräftade oron först.")
    theirs.get_by_role("button", name="Skicka återkoppling").click()
    expect(theirs.get_by_role("status")).to_have_text("Återkopplingen är sparad.")
    expect(theirs).to_contain_text("Bra att du bekräftade oron först.")
    expect(feedback).to_have_value("")
    # The entry being written beside it is untouched by the feedback's save.
    expect(own.get_by_label("Typ av ärende")).to_have_value("Mitt eget ärende, halvskrivet")
