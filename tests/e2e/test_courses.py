"""Utbildning in the real browser: a trainer builds and runs a course, an employee takes it."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import log_in_as, serious_violations

pytestmark = pytest.mark.e2e

COURSE = "Svåra samtal i kundtjänst"
COHORT = "Svåra samtal – hösten"
LESSON = "Att möta en arg invånare"
GIFT = """::Lugn:: Att tala lugnt hjälper en upprörd invånare. {T #Ja, lugnet smittar.}

::Tack:: Vad säger du när invånaren fått vänta? {=Tack för att du väntade =Tack för väntan}
"""


def status(page, text):
    expect(page.get_by_role("status").filter(has_text=text)).to_be_visible()


def download_text(page, link_name) -> bytes:
    with page.expect_download() as info:
        page.get_by_role("link", name=link_name).click()
    return Path(info.value.path()).read_bytes()


def build_course(page, app_url):
    page.goto(f"{app_url}/utbildning")
    form = page.get_by_role("form", name="Ny kurs")
    form.get_by_label("Kursens titel").fill(COURSE)
    form.get_by_role("button", name="Ny kurs").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(COURSE)

    page.get_by_role("button", name="Publicera").click()
    expect(page.get_by_role("alert")).to_have_text(
        "Kursen behöver minst en modul innan den kan publiceras."
    )
    form = page.get_by_role("form", name="Ny modul")
    form.get_by_label("Modulens titel").fill("Grunder")
    form.get_by_role("button", name="Lägg till modul").click()
    status(page, "Modulen är tillagd.")

    page.get_by_role("button", name="Ny lektion i modulen Grunder").click()
    form = page.get_by_role("form", name="Lektion")
    form.get_by_label("Lektionens titel").fill(LESSON)
    form.get_by_label("Innehåll (Markdown)").fill(
        "Lyssna först och **bekräfta** känslan.\n\n<script>window.hacked = 1</script>"
    )
    form.get_by_role("button", name="Förhandsgranska").click()
    preview = form.get_by_role("region", name="Förhandsgranskning")
    expect(preview.locator("strong")).to_have_text("bekräfta")
    expect(preview).to_contain_text("<script>")  # shown as text, never run
    form.get_by_role("button", name="Spara lektionen").click()
    status(page, "Lektionen är sparad.")

    page.get_by_role("button", name="Nytt quiz i modulen Grunder").click()
    form = page.get_by_role("form", name="Nytt quiz")
    form.get_by_label("Quizets titel").fill("Kunskapskoll")
    form.get_by_label("Gräns för godkänt (%)").fill("60")
    form.get_by_label("Antal försök").fill("3")
    form.get_by_label("Återkoppling", exact=True).select_option(label="Direkt efter varje svar")
    form.get_by_role("button", name="Skapa quiz").click()
    status(page, "Quizet är skapat.")
    page.get_by_role("link", name="Redigera quiz och frågor").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Quiz: Kunskapskoll")


def add_questions(page):
    form = page.get_by_role("form", name="Ny fråga")
    form.get_by_label("Frågetext").fill("Hur inleder du samtalet?")
    form.get_by_label("Svarsalternativ").fill(
        "Hallå?\n*Med kommunens namn och mitt namn # Bra, då vet invånaren vem som svarar."
    )
    form.get_by_role("button", name="Lägg till fråga").click()
    status(page, "Frågan är tillagd.")

    page.get_by_label("GIFT-text").fill("::Trasig:: Saknar svar {=}\n")
    page.get_by_role("button", name="Förhandsgranska").click()
    expect(page.get_by_text("Filen har fel. Inget kan importeras:")).to_be_visible()
    expect(page.get_by_role("button", name="Importera")).to_have_count(0)

    page.get_by_label("GIFT-text").fill(GIFT)
    page.get_by_role("button", name="Förhandsgranska").click()
    counts = page.get_by_role("list", name="Frågor per typ")
    expect(counts).to_contain_text("Sant/falskt: 1")
    expect(counts).to_contain_text("Kortsvar: 1")
    page.get_by_role("button", name="Importera").click()
    status(page, "2 frågor är importerade.")
    rows = page.get_by_role("table", name="Frågor i quizet").locator("tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.nth(1)).to_contain_text("Sant/falskt")
    assert b"Tack f\xc3\xb6r v\xc3\xa4ntan" in download_text(page, "Exportera som GIFT")


def publish_and_enrol(page, app_url):
    page.get_by_role("link", name="← Till kursen").click()
    page.get_by_role("button", name="Publicera").click()
    status(page, "Kursen är publicerad.")
    expect(page.locator("#course-status")).to_have_text("Status: Publicerad")

    page.goto(f"{app_url}/utbildning")
    form = page.get_by_role("form", name="Ny kursomgång")
    form.get_by_label("Kurs", exact=True).select_option(label=COURSE)
    form.get_by_label("Namn på kursomgången").fill(COHORT)
    form.get_by_label("Startdatum").fill("2026-01-01")
    form.get_by_label("Slutdatum").fill("2026-12-31")
    form.get_by_role("button", name="Skapa kursomgång").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(COHORT)
    page.get_by_text("Ändra kursomgången").click()
    edit = page.get_by_role("form", name="Ändra kursomgången")
    edit.get_by_label("Slutdatum").fill("2026-11-30")  # typed, not yet saved
    form = page.get_by_role("form", name="Skriv in valda personer")
    form.get_by_label("Sara Nilsson (Servicecenter, medarbetare@demo.se)").check()
    form.get_by_role("button", name="Skriv in valda").click()
    status(page, "1 deltagare är inskrivna.")
    # Enrolling did not renew the cohort's form: what was typed there is still there.
    expect(edit.get_by_label("Slutdatum")).to_have_value("2026-11-30")
    edit.get_by_label("Slutdatum").fill("2026-12-31")


def take_course(page, app_url):
    page.goto(f"{app_url}/utbildning")
    mine = page.get_by_role("region", name="Mina kurser")
    mine.get_by_role("link", name=f"Börja – {COURSE}").or_(
        mine.get_by_role("link", name=f"Fortsätt – {COURSE}")
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(LESSON)
    expect(page.locator(".prose strong")).to_have_text("bekräfta")
    assert page.evaluate("window.hacked") is None
    assert serious_violations(page) == []
    page.get_by_role("button", name="Markera som läst").click()
    status(page, "Lektionen är markerad som läst.")
    page.get_by_role("link", name="Fortsätt").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Kunskapskoll")
    expect(page.locator("#attempts-left")).to_have_text(
        "Du har gjort 0 av 3 försök. Försök kvar: 3."
    )
    page.get_by_role("button", name="Starta quizet").click()
    expect(page.locator("#attempts-left")).to_contain_text("Försök kvar: 2.")
    assert serious_violations(page) == []

    first = page.get_by_role("group", name="Fråga 1", exact=True)
    first.get_by_label("Med kommunens namn och mitt namn").check()
    first.get_by_role("button", name="Svara på fråga 1").click()
    expect(first).to_contain_text("Rätt svar.")
    expect(first).to_contain_text("Bra, då vet invånaren vem som svarar.")
    second = page.get_by_role("group", name="Fråga 2", exact=True)
    second.get_by_label("Falskt").check()
    second.get_by_role("button", name="Svara på fråga 2").click()
    expect(second).to_contain_text("Fel svar.")
    third = page.get_by_role("group", name="Fråga 3", exact=True)
    third.get_by_label("Ditt svar").fill("  tack FÖR att du väntade ")
    third.get_by_role("button", name="Svara på fråga 3").click()
    expect(third).to_contain_text("Rätt svar.")
    page.get_by_role("button", name="Lämna in quizet").click()
    expect(page.locator("#quiz-result")).to_have_text("Resultat: 67 %. Godkänt!")

    page.get_by_role("link", name="Tillbaka till kursen").first.click()
    expect(page.get_by_text("Kursen är klar. Bra jobbat!")).to_be_visible()
    expect(page.locator(".module-status")).to_have_text("Status: Klar")
    assert serious_violations(page) == []
    assert download_text(page, "Hämta kursintyg (PDF)").startswith(b"%PDF")


def test_trainer_builds_a_course_and_an_employee_completes_it(new_page, app_url):
    trainer = new_page()
    log_in_as(trainer, app_url, "utbildare@demo.se", "Karin Berg")
    build_course(trainer, app_url)
    add_questions(trainer)
    publish_and_enrol(trainer, app_url)
    cohort_url = trainer.url

    employee = new_page()
    log_in_as(employee, app_url, "medarbetare@demo.se", "Sara Nilsson")
    take_course(employee, app_url)

    trainer.goto(cohort_url)
    row = trainer.get_by_role("table", name="Deltagare och moduler").get_by_role(
        "row", name="Sara Nilsson"
    )
    expect(row).to_contain_text("Klar")
    csv = download_text(trainer, "Framsteg (CSV)").decode("utf-8-sig")
    assert csv.splitlines() == [
        "Namn;E-post;Enhet;Grunder;Kursen",
        "Sara Nilsson;medarbetare@demo.se;Servicecenter;Klar;Klar",
    ]


def test_employee_cannot_open_the_course_editor(new_page, app_url):
    trainer = new_page()
    log_in_as(trainer, app_url, "utbildare@demo.se", "Karin Berg")
    trainer.goto(f"{app_url}/utbildning")
    trainer.get_by_role("link", name="Bemötande i telefon", exact=True).first.click()
    expect(trainer.get_by_role("form", name="Om kursen")).to_be_visible()
    page = new_page()
    log_in_as(page, app_url, "medarbetare@demo.se", "Sara Nilsson")
    page.goto(f"{app_url}/utbildning")
    expect(page.get_by_role("heading", name="Mina kurser")).to_be_visible()
    expect(page.get_by_role("heading", name="Kursomgångar")).to_have_count(0)
    page.goto(trainer.url)
    expect(page.get_by_role("alert")).to_have_text("Du har inte behörighet att göra detta.")
    expect(page.get_by_role("form", name="Om kursen")).to_have_count(0)


EMAIL_COURSE = "Klarspråk i mejl"
EMAIL_COHORT = "Klarspråk i mejl – Servicecenter"
TAILORED = (
    "Skräddarsydd kursomgång: deltagarna är klara när den obligatoriska modulen är klar. "
    "Kursens andra modul är valfri."
)


def _save_modules(page, **ticks):
    page.locator("summary", has_text="Ändra kursomgången").click()
    form = page.get_by_role("form", name="Ändra kursomgången")
    group = form.get_by_role("group", name="Moduler som deltagarna ska göra")
    for label, ticked in ticks.items():
        box = group.get_by_label(label.replace("_", " "))
        box.check() if ticked else box.uncheck()
    form.get_by_role("button", name="Spara kursomgången").click()
    return form


def test_a_tailored_cohort_shows_its_required_modules_and_a_learner_is_done_with_them(
    new_page, app_url
):
    trainer = new_page()
    log_in_as(trainer, app_url, "utbildare@demo.se", "Karin Berg")
    # Another cohort first: its values must not linger in the edit form of the next one.
    trainer.goto(f"{app_url}/utbildning")
    trainer.get_by_role("link", name="Bemötande i telefon – Servicecenter våren 2026").click()
    expect(trainer.get_by_role("heading", level=1)).to_have_text(
        "Bemötande i telefon – Servicecenter våren 2026"
    )
    trainer.get_by_role("link", name="← Utbildning").click()
    trainer.get_by_role("link", name=EMAIL_COHORT).first.click()
    expect(trainer.get_by_role("heading", level=1)).to_have_text(EMAIL_COHORT)
    trainer.locator("summary", has_text="Ändra kursomgången").click()
    edit = trainer.get_by_role("form", name="Ändra kursomgången")
    expect(edit.get_by_label("Namn på kursomgången")).to_have_value(EMAIL_COHORT)
    trainer.locator("summary", has_text="Ändra kursomgången").click()
    modules = trainer.get_by_role("region", name="Om kursomgången")
    expect(modules.locator("#cohort-requirement")).to_have_text(TAILORED)
    expect(
        modules.get_by_role("list", name="Kursens moduler").get_by_role("listitem")
    ).to_have_text(["Skriv för mottagaren – Obligatorisk", "Struktur och ton – Valfri"])
    matrix = trainer.get_by_role("table", name="Deltagare och moduler")
    expect(matrix.get_by_role("columnheader", name="Struktur och ton (valfri)")).to_be_visible()
    assert serious_violations(trainer) == []

    # No module ticked is refused beside the boxes; all of them is the whole course.
    form = _save_modules(trainer, Skriv_för_mottagaren=False)
    expect(form.locator("#edit-cohort-modules-error")).to_have_text(
        "Välj minst en modul som deltagarna ska göra (alla moduler = hela kursen)."
    )
    form.get_by_label("Skriv för mottagaren").check()
    form.get_by_label("Struktur och ton").check()
    form.get_by_role("button", name="Spara kursomgången").click()
    status(trainer, "Kursomgången är sparad.")
    expect(modules.locator("#cohort-requirement")).to_have_text(
        "Hela kursen: deltagarna är klara när alla moduler är klara."
    )
    expect(matrix.get_by_role("columnheader", name="Struktur och ton", exact=True)).to_be_visible()
    form.get_by_label("Struktur och ton").uncheck()
    form.get_by_role("button", name="Spara kursomgången").click()
    expect(modules.locator("#cohort-requirement")).to_have_text(TAILORED)

    # Sara has the required module's lessons left; the optional module says it is optional.
    learner = new_page()
    log_in_as(learner, app_url, "medarbetare@demo.se", "Sara Nilsson")
    learner.goto(f"{app_url}/utbildning")
    card = (
        learner.get_by_role("region", name="Mina kurser")
        .get_by_role("listitem")
        .filter(has=learner.get_by_role("heading", name=EMAIL_COURSE))
    )
    expect(card).to_contain_text("0 av 1 obligatorisk modul klar")
    expect(card).to_contain_text("Försenad: sista dag var")
    card.get_by_role("link", name=f"Fortsätt – {EMAIL_COURSE}").click()
    for _ in range(2):
        expect(learner.get_by_role("button", name="Markera som läst")).to_be_visible()
        learner.get_by_role("button", name="Markera som läst").click()
        status(learner, "Lektionen är markerad som läst.")
        learner.get_by_role("link", name="Fortsätt").click()
    # The essay quiz was passed already: with the lessons read the course is done.
    expect(learner.get_by_text("Kursen är klar. Bra jobbat!")).to_be_visible()
    expect(learner.locator("#course-progress")).to_have_text(
        "Din status: Klar · 1 av 1 obligatorisk modul klar"
    )
    expect(learner.locator(".required-module")).to_have_text(
        ["Obligatorisk i din kursomgång", "Valfri: krävs inte för att bli klar med kursen"]
    )
    assert download_text(learner, "Hämta kursintyg (PDF)").startswith(b"%PDF")
    assert serious_violations(learner) == []

    trainer.reload()
    row = trainer.get_by_role("table", name="Deltagare och moduler").get_by_role(
        "row", name="Sara Nilsson"
    )
    expect(row.get_by_role("cell").last).to_have_text("Klar")
    csv = download_text(trainer, "Framsteg (CSV)").decode("utf-8-sig").splitlines()
    assert csv[0] == "Namn;E-post;Enhet;Skriv för mottagaren;Struktur och ton (valfri);Kursen"
    assert "Sara Nilsson;medarbetare@demo.se;Servicecenter;Klar;Ej påbörjad;Klar" in csv
