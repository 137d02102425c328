"""Opening one item and then another: the edit form shows (and saves) the second one's values.

Forms are uncontrolled; a form that is not re-created keeps the first item's values in the page,
and "Spara" would write them into the second item. Each test opens A, then B by a click (the page
stays mounted), checks the form shows B, saves B and checks A is unchanged."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import log_in_as, serious_violations
from tests.e2e.test_course_authoring import new_course_with_module, new_quiz, status

pytestmark = pytest.mark.e2e

DEMO_SCENARIO = "Arg förälder ringer om förskoleplats"


def _lesson(page, title: str) -> None:
    page.get_by_role("button", name="Ny lektion i modulen Grunder").click()
    form = page.get_by_role("form", name="Lektion")
    form.get_by_label("Lektionens titel").fill(title)
    form.get_by_label("Innehåll (Markdown)").fill(f"Text i {title.lower()}.")
    form.get_by_label("Videolänk (valfri)").fill(f"https://video.example/{title.lower()}")
    form.get_by_role("button", name="Spara lektionen").click()
    status(page, "Lektionen är sparad.")


def test_the_course_and_lesson_forms_follow_the_opened_course_and_lesson(page, app_url):
    log_in_as(page, app_url, "utbildare@demo.se", "Karin Berg")
    new_course_with_module(page, app_url, "Byteskurs A")
    new_course_with_module(page, app_url, "Byteskurs B")
    # Course B's editor, then course A's through the overview (links, no reload).
    page.get_by_role("link", name="← Utbildning").click()
    page.get_by_role("link", name="Byteskurs A", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Byteskurs A")
    course = page.get_by_role("form", name="Om kursen")
    expect(course.get_by_label("Titel")).to_have_value("Byteskurs A")

    _lesson(page, "Första")
    _lesson(page, "Andra")
    form = page.get_by_role("form", name="Lektion")
    page.get_by_role("button", name="Redigera lektionen Första").click()
    expect(form.get_by_label("Lektionens titel")).to_have_value("Första")
    page.get_by_role("button", name="Redigera lektionen Andra").click()
    expect(form.get_by_label("Lektionens titel")).to_have_value("Andra")
    expect(form.get_by_label("Innehåll (Markdown)")).to_have_value("Text i andra.")
    expect(form.get_by_label("Videolänk (valfri)")).to_have_value("https://video.example/andra")
    form.get_by_label("Lektionens titel").fill("Andra, ändrad")
    form.get_by_role("button", name="Spara lektionen").click()
    status(page, "Lektionen är sparad.")
    expect(page.locator("ul.lessons > li summary")).to_have_text(["Första", "Andra, ändrad"])

    page.get_by_role("button", name="Redigera lektionen Första").click()
    form = page.get_by_role("form", name="Lektion")
    expect(form.get_by_label("Lektionens titel")).to_have_value("Första")
    expect(form.get_by_label("Innehåll (Markdown)")).to_have_value("Text i första.")
    expect(form.get_by_label("Videolänk (valfri)")).to_have_value("https://video.example/första")


def test_the_question_form_follows_the_opened_question(page, app_url):
    new_quiz(page, app_url, "Byteskurs frågor", "Byten")

    form = page.get_by_role("form", name="Ny fråga")
    for text, options in (
        ("Vad säger du först?", "*Hej\nVänta"),
        ("Vad gör du sist?", "*Tackar\nLägger på"),
    ):
        form.get_by_label("Frågetyp").select_option(label="Flerval (ett svar)")
        form.get_by_label("Frågetext").fill(text)
        form.get_by_label("Svarsalternativ").fill(options)
        form.get_by_role("button", name="Lägg till fråga").click()
        status(page, "Frågan är tillagd.")

    rows = page.get_by_role("table", name="Frågor i quizet").locator("tbody tr")
    expect(rows).to_have_count(2)
    page.get_by_role("button", name="Redigera fråga 1").click()
    form = page.get_by_role("form", name="Redigera fråga")
    expect(form.get_by_label("Frågetext")).to_have_value("Vad säger du först?")
    page.get_by_role("button", name="Redigera fråga 2").click()
    expect(form.get_by_label("Frågetext")).to_have_value("Vad gör du sist?")
    expect(form.get_by_label("Svarsalternativ")).to_have_value(re.compile("Tackar"))
    form.get_by_label("Frågetext").fill("Vad gör du allra sist?")
    form.get_by_role("button", name="Spara frågan").click()
    status(page, "Frågan är sparad.")
    expect(rows.nth(0)).to_contain_text("Vad säger du först?")
    expect(rows.nth(1)).to_contain_text("Vad gör du allra sist?")
    page.get_by_role("button", name="Redigera fråga 1").click()
    expect(page.get_by_role("form", name="Redigera fråga").get_by_label("Frågetext")).to_have_value(
        "Vad säger du först?"
    )


def test_the_user_form_follows_the_user_being_edited(page, app_url):
    log_in_as(page, app_url, "admin@demo.se", "Anna Lindqvist")
    page.get_by_role("link", name="Administration", exact=True).click()
    form = page.get_by_role("form", name="Användare")
    page.get_by_role("button", name="Redigera Johan Ek").click()
    expect(form.get_by_label("Namn")).to_have_value("Johan Ek")
    page.get_by_role("button", name="Redigera Erik Johansson").click()
    expect(form.get_by_label("Namn")).to_have_value("Erik Johansson")
    expect(form.get_by_label("E-post")).to_have_value("strateg@demo.se")
    expect(form.get_by_label("Utvecklingsstrateg")).to_be_checked()
    expect(form.get_by_label("Medarbetare")).not_to_be_checked()
    form.get_by_label("Namn").fill("Erik Johansson Ny")
    form.get_by_role("button", name="Spara").click()
    expect(form.get_by_role("status")).to_have_text("Användaren strateg@demo.se är sparad.")
    erik = page.get_by_role("row").filter(has_text="strateg@demo.se")
    expect(erik).to_contain_text("Erik Johansson Ny")
    expect(erik).to_contain_text("Utvecklingsstrateg")
    johan = page.get_by_role("row").filter(has_text="johan.ek@demo.se")
    expect(johan).to_contain_text("Johan Ek")
    expect(johan).not_to_contain_text("Utvecklingsstrateg")


def test_the_node_form_follows_the_opened_node(page, app_url):
    log_in_as(page, app_url, "utbildare@demo.se", "Karin Berg")
    page.goto(f"{app_url}/traning")
    form = page.get_by_role("form", name="Nytt scenario")
    form.get_by_label("Titel").fill("Byten mellan noder")
    form.get_by_label("Invånarens situation").fill("En invånare ringer om soptunnan.")
    form.get_by_label("Det invånaren säger först").fill("Tunnan är inte tömd.")
    form.get_by_role("button", name="Skapa scenariot").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Byten mellan noder")
    for number, (text, closing) in enumerate(
        (("Varför då?", ""), ("Tack, då vet jag.", "Invånaren är nöjd.")), start=1
    ):
        form = page.get_by_role("form", name="Nod")
        form.get_by_label("Vad invånaren säger eller gör").fill(text)
        if closing:
            form.get_by_label("Slutnod (samtalet slutar här)").check()
            form.get_by_label("Avslutande text").fill(closing)
        form.get_by_role("button", name="Spara noden").click()
        expect(page.get_by_role("status")).to_have_text(f"Noden nod{number} är sparad.")

    form = page.get_by_role("form", name="Nod")
    page.get_by_role("button", name="Redigera nod nod2").click()
    expect(page.get_by_role("heading", name="Redigera nod nod2")).to_be_visible()
    expect(form.get_by_label("Vad invånaren säger eller gör")).to_have_value("Tack, då vet jag.")
    expect(form.get_by_label("Slutnod (samtalet slutar här)")).to_be_checked()
    page.get_by_role("button", name="Redigera nod nod1").click()
    expect(page.get_by_role("heading", name="Redigera nod nod1")).to_be_visible()
    expect(form.get_by_label("Vad invånaren säger eller gör")).to_have_value("Varför då?")
    expect(form.get_by_label("Slutnod (samtalet slutar här)")).not_to_be_checked()
    expect(form.get_by_label("Avslutande text")).to_have_value("")
    form.get_by_label("Vad invånaren säger eller gör").fill("Varför har ni inte tömt den?")
    form.get_by_role("button", name="Spara noden").click()
    expect(page.get_by_role("status")).to_have_text("Noden nod1 är sparad.")
    expect(page.locator("tr", has_text="nod1")).to_contain_text("Varför har ni inte tömt den?")
    expect(page.locator("tr", has_text="nod2")).to_contain_text("Tack, då vet jag.")

    # Another scenario through the list (links, no reload): its own framing, no open node.
    page.get_by_role("link", name="← Alla scenarier").click()
    page.get_by_role("link", name=f"Redigera {DEMO_SCENARIO}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(DEMO_SCENARIO)
    expect(page.get_by_role("form", name="Inramning").get_by_label("Titel")).to_have_value(
        DEMO_SCENARIO
    )
    expect(page.get_by_role("heading", name="Ny nod")).to_be_visible()
    expect(
        page.get_by_role("form", name="Nod").get_by_label("Vad invånaren säger eller gör")
    ).to_have_value("")


def test_a_new_cohort_requires_the_modules_left_ticked_for_the_chosen_course(page, app_url):
    log_in_as(page, app_url, "utbildare@demo.se", "Karin Berg")
    page.get_by_role("link", name="Utbildning", exact=True).click()
    form = page.get_by_role("form", name="Ny kursomgång")
    modules = form.get_by_role("group", name="Moduler som deltagarna ska göra")
    form.get_by_label("Kurs", exact=True).select_option(label="Klarspråk i mejl")
    expect(modules.get_by_role("checkbox")).to_have_count(2)
    modules.get_by_label("Struktur och ton").uncheck()
    # Another course shows its own modules, all ticked; back again, the first course's boxes
    # are all ticked again (nothing of the other choice lingers).
    form.get_by_label("Kurs", exact=True).select_option(label="Bemötande i telefon")
    expect(modules.get_by_label("Klarspråk i samtalet")).to_be_checked()
    expect(modules.get_by_role("checkbox")).to_have_count(3)
    form.get_by_label("Kurs", exact=True).select_option(label="Klarspråk i mejl")
    expect(modules.get_by_label("Struktur och ton")).to_be_checked()

    modules.get_by_label("Skriv för mottagaren").uncheck()
    modules.get_by_label("Struktur och ton").uncheck()
    form.get_by_label("Namn på kursomgången").fill("Mejl, bara tonen")
    form.get_by_label("Startdatum").fill("2026-09-01")
    form.get_by_label("Slutdatum").fill("2026-12-31")
    form.get_by_role("button", name="Skapa kursomgång").click()
    expect(modules.locator("#cohort-modules-error")).to_have_text(
        "Välj minst en modul som deltagarna ska göra (alla moduler = hela kursen)."
    )
    assert serious_violations(page) == []
    modules.get_by_label("Struktur och ton").check()
    form.get_by_role("button", name="Skapa kursomgång").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mejl, bara tonen")
    about = page.get_by_role("region", name="Om kursomgången")
    expect(about.locator("#cohort-requirement")).to_contain_text("Skräddarsydd kursomgång")
    expect(about.get_by_role("list", name="Kursens moduler")).to_contain_text(
        "Skriv för mottagaren – Valfri"
    )
    expect(about.get_by_role("list", name="Kursens moduler")).to_contain_text(
        "Struktur och ton – Obligatorisk"
    )
