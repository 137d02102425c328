"""Utbildning authoring in the browser: question kinds, editing and order."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import log_in_as, serious_violations

pytestmark = pytest.mark.e2e


def status(page, text):
    expect(page.get_by_role("status").filter(has_text=text)).to_be_visible()


def new_course_with_module(page, app_url, title):
    page.goto(f"{app_url}/utbildning")
    form = page.get_by_role("form", name="Ny kurs")
    form.get_by_label("Kursens titel").fill(title)
    form.get_by_role("button", name="Ny kurs").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    form = page.get_by_role("form", name="Ny modul")
    form.get_by_label("Modulens titel").fill("Grunder")
    form.get_by_role("button", name="Lägg till modul").click()
    status(page, "Modulen är tillagd.")


def test_trainer_authors_edits_and_reorders_questions_of_several_kinds(page, app_url):
    log_in_as(page, app_url, "utbildare@demo.se", "Karin Berg")
    new_course_with_module(page, app_url, "Frågetyper i praktiken")
    page.get_by_role("button", name="Nytt quiz i modulen Grunder").click()
    form = page.get_by_role("form", name="Nytt quiz")
    form.get_by_label("Quizets titel").fill("Blandat")
    form.get_by_role("button", name="Skapa quiz").click()
    status(page, "Quizet är skapat.")
    page.get_by_role("link", name="Redigera quiz och frågor").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Quiz: Blandat")

    form = page.get_by_role("form", name="Ny fråga")
    form.get_by_label("Frågetyp").select_option(label="Matchning")
    form.get_by_label("Frågetext").fill("Para ihop känsla och bemötande.")
    form.get_by_label("Matchningspar").fill("Arg -> Lyssna\nLedsen -> Bekräfta")
    form.get_by_role("button", name="Lägg till fråga").click()
    status(page, "Frågan är tillagd.")

    form.get_by_label("Frågetyp").select_option(label="Flerval (flera svar)")
    form.get_by_label("Frågetext").fill("Vad frågar du efter?")
    form.get_by_label("Svarsalternativ").fill("50% Namn\n30% Ärende\nPersonnummer")
    form.get_by_role("button", name="Lägg till fråga").click()
    expect(page.get_by_role("alert")).to_have_text(
        "De positiva vikterna blir tillsammans 80 % men ska bli 100 %."
    )
    expect(form.get_by_label("Frågetext")).to_have_value("Vad frågar du efter?")
    form.get_by_label("Svarsalternativ").fill("50% Namn\n50% Ärende # Ja\n-50% Personnummer")
    form.get_by_role("button", name="Lägg till fråga").click()
    status(page, "Frågan är tillagd.")

    rows = page.get_by_role("table", name="Frågor i quizet").locator("tbody tr")
    expect(rows).to_have_count(2)
    page.get_by_role("button", name="Flytta upp fråga 2").click()
    status(page, "Frågornas ordning är sparad.")
    expect(rows.nth(0)).to_contain_text("Flerval (flera svar)")

    page.get_by_role("button", name="Redigera fråga 2").click()
    form = page.get_by_role("form", name="Redigera fråga")
    expect(form.get_by_label("Matchningspar")).to_have_value("Arg -> Lyssna\nLedsen -> Bekräfta")
    form.get_by_label("Matchningspar").fill("Arg -> Lyssna\nLedsen -> Bekräfta\n-> Lägg på")
    form.get_by_role("button", name="Spara frågan").click()
    status(page, "Frågan är sparad.")
    expect(rows).to_have_count(2)
    assert serious_violations(page) == []
