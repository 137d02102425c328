"""Utbildning authoring in the browser: question kinds, editing and order."""

import re
import uuid

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import delete_after_question, log_in_as, serious_violations

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


def new_quiz(page, app_url, course: str, quiz: str):
    """As the trainer: a new course with the module Grunder and a quiz in it; its editor open."""
    log_in_as(page, app_url, "utbildare@demo.se", "Karin Berg")
    new_course_with_module(page, app_url, course)
    page.get_by_role("button", name="Nytt quiz i modulen Grunder").click()
    form = page.get_by_role("form", name="Nytt quiz")
    form.get_by_label("Quizets titel").fill(quiz)
    form.get_by_role("button", name="Skapa quiz").click()
    status(page, "Quizet är skapat.")
    page.get_by_role("link", name="Redigera quiz och frågor").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Quiz: {quiz}")


def test_trainer_authors_edits_and_reorders_questions_of_several_kinds(page, app_url):
    new_quiz(page, app_url, "Frågetyper i praktiken", "Blandat")

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
    # Saving the settings meanwhile leaves the question being written as it is.
    settings = page.get_by_role("form", name="Inställningar")
    settings.get_by_label("Gräns för godkänt (%)").fill("70")
    settings.get_by_role("button", name="Spara inställningar").click()
    status(page, "Quizets inställningar är sparade.")
    expect(form.get_by_label("Frågetext")).to_have_value("Vad frågar du efter?")
    form.get_by_label("Svarsalternativ").fill("50% Namn\n50% Ärende # Ja\n-50% Personnummer")
    form.get_by_role("button", name="Lägg till fråga").click()
    status(page, "Frågan är tillagd.")

    rows = page.get_by_role("table", name="Frågor i quizet").locator("tbody tr")
    expect(rows).to_have_count(2)
    page.get_by_role("button", name="Flytta upp: fråga 2").click()
    status(page, "Frågornas ordning är sparad.")
    expect(rows.nth(0)).to_contain_text("Flerval (flera svar)")

    page.get_by_role("button", name="Redigera fråga 2").click()
    form = page.get_by_role("form", name="Redigera fråga")
    expect(form.get_by_label("Matchningspar")).to_have_value("Arg -> Lyssna\nLedsen -> Bekräfta")
    form.get_by_label("Matchningspar").fill("Arg -> Lyssna\nLedsen -> Bekräfta\n-> Lägg på")
    form.get_by_role("button", name="Spara frågan").click()
    status(page, "Frågan är sparad.")
    expect(rows).to_have_count(2)

    page.get_by_role("button", name="Ta bort fråga 1").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("Ta bort fråga 1?")
    dialog.get_by_role("button", name="Avbryt").click()
    expect(rows).to_have_count(2)
    page.get_by_role("button", name="Ta bort fråga 1").click()
    page.get_by_role("dialog").get_by_role("button", name="Ta bort").click()
    status(page, "Frågan är borttagen.")
    expect(rows).to_have_count(1)
    expect(rows.nth(0)).to_contain_text("Matchning")
    assert serious_violations(page) == []


def test_questions_written_in_markdown_read_as_text_in_the_trainers_lists(page, app_url):
    new_quiz(page, app_url, "Formaterade frågor", "Markdown")
    page.get_by_label("GIFT-text").fill(
        "[markdown]Hur inleder du **samtalet** i *telefon*? {=Med namn ~Hallå}"
    )
    page.get_by_role("button", name="Förhandsgranska").click()
    preview = page.get_by_role("table", name="Frågor som importeras")
    expect(preview.locator("tbody tr")).to_have_text(
        re.compile("Hur inleder du samtalet i telefon\\?")
    )
    page.get_by_role("button", name="Importera").click()
    status(page, "1 fråga är importerad.")
    row = page.get_by_role("table", name="Frågor i quizet").locator("tbody tr")
    expect(row).to_contain_text("Hur inleder du samtalet i telefon?")
    expect(row).not_to_contain_text("*")


def _png() -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 6), "navy").save(buffer, format="PNG")
    return buffer.getvalue()


def test_trainer_uploads_a_lesson_image_and_reorders_lessons(page, app_url):
    log_in_as(page, app_url, "utbildare@demo.se", "Karin Berg")
    new_course_with_module(page, app_url, "Bilder i lektioner")
    for title in ("Första", "Andra"):
        page.get_by_role("button", name="Ny lektion i modulen Grunder").click()
        form = page.get_by_role("form", name="Lektion")
        form.get_by_label("Lektionens titel").fill(title)
        form.get_by_label("Innehåll (Markdown)").fill(f"Text i {title.lower()}.")
        if title == "Andra":
            form.get_by_label("Bildtext (beskriver bilden)").fill("Blå ruta")
            # Over 5 MB: the browser refuses it before sending, and the form says why.
            too_large = {"name": "stor.png", "mimeType": "image/png", "buffer": b"0" * 6 * 2**20}
            form.locator("input[type=file]").set_input_files(files=[too_large])
            expect(form.get_by_role("alert")).to_have_text(
                "stor.png kan inte användas. Välj en fil av typen .gif, .jpeg, .jpg, .png eller "
                ".webp på högst 5 MB."
            )
            form.locator("input[type=file]").set_input_files(
                files=[{"name": "ruta.png", "mimeType": "image/png", "buffer": _png()}]
            )
            form.get_by_role("button", name="Ladda upp bilden").click()
            status(page, "Bilden är uppladdad och infogad i innehållet.")
            expect(form.get_by_label("Innehåll (Markdown)")).to_have_value(
                re.compile(r"!\[Blå ruta\]\(/api/utbildning/bilder/[0-9a-f]{32}\.png\)")
            )
            expect(form.get_by_label("Lektionens titel")).to_have_value("Andra")
            form.get_by_label("Videolänk (valfri)").fill("http://video.example/film")
            form.get_by_role("button", name="Spara lektionen").click()
            # The refusal shows in the lesson form, beside its button and at the field.
            expect(form.get_by_role("alert")).to_have_text(
                "Videolänken måste vara en fullständig adress som börjar med https://."
            )
            expect(form.get_by_label("Videolänk (valfri)")).to_have_attribute(
                "aria-invalid", "true"
            )
            expect(form.get_by_label("Innehåll (Markdown)")).to_have_value(re.compile(r"Blå ruta"))
            form.get_by_label("Videolänk (valfri)").fill("")
        form.get_by_role("button", name="Spara lektionen").click()
        status(page, "Lektionen är sparad.")
    page.get_by_role("button", name="Flytta upp: lektionen Andra").click()
    status(page, "Lektionernas ordning är sparad.")
    lessons = page.locator("ul.lessons > li summary")
    expect(lessons).to_have_text(["Andra", "Första"])
    lessons.first.click()
    image = page.get_by_role("img", name="Blå ruta")
    expect(image).to_be_visible()
    assert image.evaluate("img => img.naturalWidth") == 8
    assert serious_violations(page) == []
    # Deleting the lesson takes its image with it: the dialog says so, and it is no longer served.
    url = app_url + image.get_attribute("src")
    assert page.request.get(url).status == 200
    delete = page.get_by_role("button", name="Ta bort lektionen Andra")
    delete.click()
    expect(page.get_by_role("dialog")).to_contain_text("Lektionens innehåll och bilder tas bort")
    page.get_by_role("dialog").get_by_role("button", name="Avbryt").click()
    delete_after_question(page, delete, "Ta bort lektionen ”Andra”?", lessons.first)
    status(page, "Lektionen är borttagen.")
    expect(lessons).to_have_text(["Första"])
    assert page.request.get(url).status == 404


def test_trainer_adds_meetings_to_a_cohort_and_the_participant_sees_the_next(new_page, app_url):
    trainer = new_page()
    log_in_as(trainer, app_url, "utbildare@demo.se", "Karin Berg")
    trainer.goto(f"{app_url}/utbildning")
    form = trainer.get_by_role("form", name="Ny kursomgång")
    form.get_by_label("Kurs", exact=True).select_option(label="Bemötande i telefon")
    form.get_by_label("Namn på kursomgången").fill("Telefon – extra")
    form.get_by_label("Startdatum").fill("2026-01-01")
    form.get_by_label("Slutdatum").fill("2099-12-31")
    form.get_by_label("Träffar (valfritt)").fill("2099-05-04 10:00 Stadshuset")
    form.get_by_role("button", name="Skapa kursomgång").click()
    expect(trainer.get_by_role("heading", level=1)).to_have_text("Telefon – extra")
    expect(trainer.get_by_role("list", name="Träffar")).to_have_text("2099-05-04 10:00 Stadshuset")

    trainer.get_by_text("Ändra kursomgången").click()
    form = trainer.get_by_role("form", name="Ändra kursomgången")
    form.get_by_label("Träffar").fill("2099-05-04 10:00 Stadshuset\n2099-02-01 09:30 Teams")
    form.get_by_role("button", name="Spara kursomgången").click()
    status(trainer, "Kursomgången är sparad.")
    expect(trainer.get_by_role("list", name="Träffar").locator("li")).to_have_text(
        ["2099-02-01 09:30 Teams", "2099-05-04 10:00 Stadshuset"]
    )
    form = trainer.get_by_role("form", name="Skriv in valda personer")
    form.get_by_label("Eva Holm (Förskoleantagningen, eva.holm@demo.se)").check()
    form.get_by_role("button", name="Skriv in valda").click()
    status(trainer, "1 deltagare är inskrivna.")
    assert serious_violations(trainer) == []

    employee = new_page()
    log_in_as(employee, app_url, "eva.holm@demo.se", "Eva Holm")
    employee.goto(f"{app_url}/utbildning")
    expect(employee.get_by_text("Nästa träff: 2099-02-01 09:30 Teams")).to_be_visible()


def test_what_is_typed_in_one_form_survives_a_save_in_another(page, app_url):
    log_in_as(page, app_url, "utbildare@demo.se", "Karin Berg")
    new_course_with_module(page, app_url, "Formulär som står kvar")
    about = page.get_by_role("form", name="Om kursen")
    about.get_by_label("Beskrivning").fill("Inte sparad ännu.")
    page.get_by_role("button", name="Ny lektion i modulen Grunder").click()
    lesson = page.get_by_role("form", name="Lektion")
    lesson.get_by_label("Lektionens titel").fill("Hälsa")

    page.get_by_text("Ändra modulen").click()
    module = page.get_by_role("form", name="Ändra modul 1")
    module.get_by_label("Modulens titel").fill("Grunder i telefon")
    module.get_by_role("button", name="Spara modulen").click()
    status(page, "Modulen är sparad.")
    expect(page.get_by_role("heading", name="Modul 1: Grunder i telefon")).to_be_visible()
    # The module's save did not renew the course's or the lesson's form.
    expect(about.get_by_label("Beskrivning")).to_have_value("Inte sparad ännu.")
    expect(lesson.get_by_label("Lektionens titel")).to_have_value("Hälsa")

    about.get_by_role("button", name="Spara kursen").click()
    status(page, "Kursen är sparad.")
    expect(about.get_by_label("Beskrivning")).to_have_value("Inte sparad ännu.")
    expect(lesson.get_by_label("Lektionens titel")).to_have_value("Hälsa")
    page.reload()
    expect(page.get_by_role("form", name="Om kursen").get_by_label("Beskrivning")).to_have_value(
        "Inte sparad ännu."
    )


def test_a_course_never_run_is_deleted_from_the_list_after_a_question(page, app_url):
    log_in_as(page, app_url, "utbildare@demo.se", "Karin Berg")
    title = f"Provkurs {uuid.uuid4().hex[:6]}"
    new_course_with_module(page, app_url, title)
    page.goto(f"{app_url}/utbildning")
    courses = page.get_by_role("table", name="Kurser")
    expect(courses.get_by_role("link", name=title)).to_be_visible()
    # The demo course has cohorts with participants' results: it cannot be deleted.
    demo = courses.get_by_role("row").filter(
        has=page.get_by_role("link", name="Bemötande i telefon", exact=True)
    )
    expect(demo).to_have_count(1)
    expect(demo.get_by_role("button")).to_have_count(0)
    delete_after_question(
        page,
        courses.get_by_role("button", name=f"Ta bort {title}"),
        f"Ta bort kursen ”{title}”?",
        courses.get_by_role("link", name=title),
    )
    status(page, f"Kursen ”{title}” är borttagen.")
    expect(courses.get_by_role("link", name=title)).to_have_count(0)
    page.reload()
    expect(page.get_by_role("table", name="Kurser").get_by_role("link", name=title)).to_have_count(
        0
    )
    assert serious_violations(page) == []
