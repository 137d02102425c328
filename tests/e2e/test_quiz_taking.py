"""A learner takes a quiz without confirming answers one by one: every answer on screen counts."""

import re
import uuid

import pytest
from playwright.sync_api import expect

from academy.core.settings import PROJECT_ROOT
from tests.e2e.conftest import log_in_as, serious_violations

pytestmark = pytest.mark.e2e

SCREENSHOTS = PROJECT_ROOT / "docs" / "screenshots"
GIFT = """::Hälsning::[markdown]Hur inleder du **samtalet**? {
=Med kommunens namn och mitt namn ~Hallå?}

::Återkoppling:: Ring tillbaka inom {=två ~tre ~sju} arbetsdagar.

::Avslut:: Hur avslutar du ett samtal med en arg invånare? {}
"""


def status(page, text):
    expect(page.get_by_role("status").filter(has_text=text)).to_be_visible()


CHOICES_GIFT = """::Kanaler:: Vilka kanaler svarar servicecenter i? {
~%50%Telefon ~%50%E-post ~%-100%Fax}

::Para ihop:: Para ihop ärendet med rätt förvaltning. {
=Bygglov -> Stadsbyggnad =Skolplats -> Utbildning =Bostadsanpassning -> Socialtjänst}
"""


def build_quiz(
    page,
    app_url,
    course: str,
    gift: str = GIFT,
    previewed: tuple[int, str] = (3, "Återkoppling: Ring tillbaka inom _____ arbetsdagar."),
) -> str:
    """A published course with one quiz of `gift`'s questions (the preview shows how many and
    a text); returns the quiz's address."""
    page.goto(f"{app_url}/utbildning")
    form = page.get_by_role("form", name="Ny kurs")
    form.get_by_label("Kursens titel").fill(course)
    form.get_by_role("button", name="Ny kurs").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(course)
    form = page.get_by_role("form", name="Ny modul")
    form.get_by_label("Modulens titel").fill("Samtalet")
    form.get_by_role("button", name="Lägg till modul").click()
    status(page, "Modulen är tillagd.")
    page.get_by_role("button", name="Nytt quiz i modulen Samtalet").click()
    form = page.get_by_role("form", name="Nytt quiz")
    form.get_by_label("Quizets titel").fill("Samtalskoll")
    form.get_by_label("Gräns för godkänt (%)").fill("75")
    form.get_by_label("Antal försök").fill("2")
    form.get_by_label("Återkoppling", exact=True).select_option(label="När quizet lämnas in")
    form.get_by_role("button", name="Skapa quiz").click()
    status(page, "Quizet är skapat.")
    page.get_by_role("link", name="Redigera quiz och frågor").click()
    page.get_by_label("GIFT-text").fill(gift)
    page.get_by_role("button", name="Förhandsgranska").click()
    preview = page.get_by_role("table", name="Frågor som importeras")
    questions, text = previewed
    expect(preview.locator("tbody tr")).to_have_count(questions)
    expect(preview).to_contain_text(text)
    page.get_by_role("button", name="Importera").click()
    status(page, f"{questions} frågor är importerade.")
    quiz_url = re.sub(r"/fragor/?$", "", page.url)
    page.get_by_role("link", name="← Till kursen").click()
    page.get_by_role("button", name="Publicera").click()
    status(page, "Kursen är publicerad.")

    page.goto(f"{app_url}/utbildning")
    form = page.get_by_role("form", name="Ny kursomgång")
    form.get_by_label("Kurs", exact=True).select_option(label=course)
    form.get_by_label("Namn på kursomgången").fill(f"{course} – omgång")
    form.get_by_label("Startdatum").fill("2026-01-01")
    form.get_by_label("Slutdatum").fill("2026-12-31")
    form.get_by_role("button", name="Skapa kursomgång").click()
    form = page.get_by_role("form", name="Skriv in valda personer")
    form.get_by_label("Sara Nilsson (Servicecenter, medarbetare@demo.se)").check()
    form.get_by_role("button", name="Skriv in valda").click()
    status(page, "1 deltagare är inskrivna.")
    return quiz_url


def started_by_learner(page, app_url: str, quiz_url: str):
    """`page` logged in as the demo learner, with the quiz at `quiz_url` started."""
    log_in_as(page, app_url, "medarbetare@demo.se", "Sara Nilsson")
    page.goto(quiz_url)
    page.get_by_role("button", name="Starta quizet").click()
    return page


def test_answers_not_confirmed_one_by_one_are_graded_when_handing_in(new_page, app_url):
    course = f"Samtal {uuid.uuid4().hex[:6]}"
    trainer = new_page()
    log_in_as(trainer, app_url, "utbildare@demo.se", "Karin Berg")
    quiz_url = build_quiz(trainer, app_url, course)

    page = started_by_learner(new_page(), app_url, quiz_url)
    first = page.get_by_role("group", name="Fråga 1", exact=True)
    # Written in Markdown ([markdown] in GIFT): shown formatted, not as asterisks.
    expect(first.locator(".question-text strong")).to_have_text("samtalet")
    expect(first.locator(".question-text")).to_have_text("Hur inleder du samtalet?")
    first.get_by_label("Med kommunens namn och mitt namn").check()
    gap = page.get_by_role("group", name="Fråga 2", exact=True)
    expect(gap.locator(".question-text")).to_have_text(
        "Ring tillbaka inom _____ (lucka) arbetsdagar."
    )
    essay = page.get_by_role("group", name="Fråga 3", exact=True)
    essay.get_by_label("Ditt svar").fill("Jag sammanfattar och säger vad som händer sedan.")
    # A question's own button saves every answer on screen, reports beside that question and
    # does not hand in.
    first.get_by_role("button", name="Spara svar på fråga 1").click()
    expect(first.get_by_role("status")).to_have_text("Dina svar är sparade.")
    expect(page.locator("#quiz-confirm")).to_have_count(0)

    page.get_by_role("button", name="Lämna in quizet").click()
    expect(page.locator("#quiz-confirm")).to_have_text(
        "Fråga 2 är obesvarad. Lämna in ändå? Den räknas då som fel."
    )
    gap.get_by_label("två").check()
    page.get_by_role("button", name="Lämna in ändå").click()

    expect(page.locator("#quiz-result")).to_have_text(
        "Inlämnat. En essäfråga väntar på bedömning av utbildaren; "
        "resultatet visas här när den är bedömd."
    )
    expect(first.locator(".verdict-right")).to_contain_text("Rätt svar.")
    expect(gap.locator(".verdict-right")).to_contain_text("Rätt svar.")
    expect(essay.locator(".verdict-pending")).to_contain_text("Väntar på bedömning")
    expect(page.get_by_text("Fel svar.")).to_have_count(0)
    expect(page.get_by_role("button", name="Gör ett nytt försök")).to_have_count(0)
    expect(page.get_by_text("Ett inlämnat försök väntar på bedömning")).to_be_visible()
    assert serious_violations(page) == []
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.screenshot(path=str(SCREENSHOTS / "quiz-result.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path="/tmp/f12-quiz-result-390.png", full_page=True)


def test_chosen_options_and_pairs_are_still_chosen_after_a_reload(new_page, app_url):
    """Each question's inputs show that question's own saved answer, whatever the order its
    options are shown in."""
    course = f"Val {uuid.uuid4().hex[:6]}"
    trainer = new_page()
    log_in_as(trainer, app_url, "utbildare@demo.se", "Karin Berg")
    quiz_url = build_quiz(
        trainer, app_url, course, CHOICES_GIFT, (2, "Para ihop ärendet med rätt förvaltning.")
    )

    page = started_by_learner(new_page(), app_url, quiz_url)
    channels = page.get_by_role("group", name="Fråga 1", exact=True)
    channels.get_by_label("Telefon").check()
    channels.get_by_label("E-post").check()
    pairs = page.get_by_role("group", name="Fråga 2", exact=True)
    pairs.get_by_label("Skolplats").select_option("Utbildning")
    pairs.get_by_label("Bygglov").select_option("Stadsbyggnad")
    channels.get_by_role("button", name="Spara svar på fråga 1").click()
    expect(channels.get_by_role("status")).to_have_text("Dina svar är sparade.")

    page.reload()
    channels = page.get_by_role("group", name="Fråga 1", exact=True)
    expect(channels.get_by_label("Telefon")).to_be_checked()
    expect(channels.get_by_label("E-post")).to_be_checked()
    expect(channels.get_by_label("Fax")).not_to_be_checked()
    pairs = page.get_by_role("group", name="Fråga 2", exact=True)
    expect(pairs.get_by_label("Skolplats")).to_have_value("Utbildning")
    expect(pairs.get_by_label("Bygglov")).to_have_value("Stadsbyggnad")
    expect(pairs.get_by_label("Bostadsanpassning")).to_have_value("")
