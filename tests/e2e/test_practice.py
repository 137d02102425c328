"""Träning in the real browser: build a scenario, play it, log practice, follow the cohort up."""

import uuid

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import log_in_as, serious_violations

pytestmark = pytest.mark.e2e

TITLE = "Fakturafrågan i telefon"
COHORT = "Bemötande i telefon – Servicecenter våren 2026"
NODES = [  # text, end, closing -> ids nod1, nod2, nod3
    ("Tack, det låter bra. Vad händer nu?", False, ""),
    ("Då vill jag prata med din chef!", False, ""),
    ("Okej, tack för hjälpen.", True, "Samtalet slutade lugnt och invånaren vet vad som händer."),
]
CHOICES = [  # source, answer, target, feedback, empathy
    ("start", "Jag förstår att det känns oväntat.", "nod1", "Bra, du bekräftar känslan.", "2"),
    ("start", "Det står på fakturan.", "nod2", "Avvisande; invånaren blir arg.", "-2"),
    ("nod1", "Jag skickar en specifikation i dag.", "nod3", "Tydligt nästa steg.", "1"),
    ("nod2", "Förlåt, jag hjälper dig gärna.", "nod3", "Du rättar till det.", "1"),
]


def build_scenario(page, app_url):
    log_in_as(page, app_url, "utbildare@demo.se", "Karin Berg")
    page.goto(f"{app_url}/traning")
    form = page.get_by_role("form", name="Nytt scenario")
    form.get_by_label("Titel").fill(TITLE)
    form.get_by_label("Invånarens situation").fill("En invånare ringer om en oväntat hög faktura.")
    form.get_by_label("Det invånaren säger först").fill("Varför är fakturan så hög?")
    form.get_by_role("button", name="Skapa scenariot").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)

    for number, (text, end, closing) in enumerate(NODES, start=1):
        form = page.get_by_role("form", name="Nod")
        expect(page.get_by_role("heading", name="Ny nod")).to_be_visible()
        form.get_by_label("Vad invånaren säger eller gör").fill(text)
        if end:
            form.get_by_label("Slutnod (samtalet slutar här)").check()
            form.get_by_label("Avslutande text").fill(closing)
        if number == 1:  # an answer being written in the choice form meanwhile
            page.get_by_role("form", name="Val").get_by_label("Medarbetarens svar").fill("Hej!")
        form.get_by_role("button", name="Spara noden").click()
        expect(page.get_by_role("status")).to_have_text(f"Noden nod{number} är sparad.")
        # Saving the node did not renew the choice form.
        expect(
            page.get_by_role("form", name="Val").get_by_label("Medarbetarens svar")
        ).to_have_value("Hej!")

    for source, answer, target, feedback, empathy in CHOICES:
        form = page.get_by_role("form", name="Val")
        expect(page.get_by_role("heading", name="Nytt val")).to_be_visible()
        form.get_by_label("Från nod").select_option(source)
        form.get_by_label("Medarbetarens svar").fill(answer)
        form.get_by_label("Leder till nod").select_option(target)
        form.get_by_label("Återkoppling efter valet").fill(feedback)
        form.get_by_label("Empati").select_option(empathy)
        form.get_by_role("button", name="Spara valet").click()
        expect(page.get_by_role("status")).to_contain_text("är sparat.")
        expect(page.get_by_role("row").filter(has_text=answer)).to_have_count(1)

    expect(page.locator("#scenario-ok")).to_have_text("Inga problem: scenariot går att spela.")
    expect(page.locator("#scenario-map g.node")).to_have_count(4)
    # Clicking a node on the map opens it in the node form.
    page.locator("#scenario-map g#node-nod2").click()
    expect(page.get_by_role("heading", name="Redigera nod nod2")).to_be_visible()
    expect(page.locator("#node-text")).to_be_focused()
    page.get_by_role("button", name="Publicera").click()
    expect(page.get_by_role("status")).to_have_text("Scenariot är publicerat.")


def play_scenario(page, app_url):
    log_in_as(page, app_url, "medarbetare@demo.se", "Sara Nilsson")
    # On a phone the row's "Spela" stays reachable (the table scrolls, nothing is cropped).
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{app_url}/traning")
    play = page.get_by_role("link", name=f"Spela {TITLE}")
    play.scroll_into_view_if_needed()
    expect(play).to_be_in_viewport()
    page.set_viewport_size({"width": 1280, "height": 900})
    play.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.locator("#situation")).to_have_text("Varför är fakturan så hög?")
    assert serious_violations(page) == []

    page.get_by_role("button", name="Det står på fakturan.").click()
    expect(page.locator("#feedback")).to_contain_text("Avvisande; invånaren blir arg.")
    expect(page.locator("#situation")).to_have_text("Då vill jag prata med din chef!")
    expect(page.locator("#situation")).to_be_focused()
    page.get_by_role("button", name="Förlåt, jag hjälper dig gärna.").click()
    expect(page.get_by_role("heading", name="Sammanfattning")).to_be_visible()
    expect(
        page.get_by_text("Samtalet slutade lugnt och invånaren vet vad som händer.")
    ).to_be_visible()
    empathy = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name="Empati"))
    expect(empathy).to_contain_text("-1")
    expect(page.get_by_role("status")).to_have_text("Ditt försök är sparat.")
    path = page.get_by_role("table", name="Din väg genom scenariot").get_by_role("row")
    expect(path).to_have_count(3)  # header + two steps
    assert serious_violations(page) == []

    page.get_by_role("button", name="Spela igen").click()
    expect(page.locator("#situation")).to_have_text("Varför är fakturan så hög?")


def follow_up(page, app_url):
    page.goto(f"{app_url}/traning/uppfoljning")
    form = page.get_by_role("form", name="Välj kursomgång och scenario")
    form.get_by_label("Kursomgång").select_option(label=COHORT)
    form.get_by_label("Scenario").select_option(label=TITLE)
    form.get_by_role("button", name="Visa").click()
    attempts = page.get_by_role("table", name="Deltagarnas försök")
    row = attempts.get_by_role("row").filter(has_text="Sara Nilsson")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Det står på fakturan. → Förlåt, jag hjälper dig gärna.")
    expect(row).to_contain_text("Empati -1")
    # The chart writes each average as a figure; Sara's one attempt gave Empati −2 + 1.
    chart = page.get_by_role("figure", name="Genomsnittlig poäng per försök")
    expect(chart.get_by_role("listitem").filter(has_text="Empati")).to_contain_text("-1,00")
    popular = page.get_by_role("table", name="Vanligaste valet per nod")
    expect(popular.get_by_role("row").filter(has_text="Det står på fakturan.")).to_contain_text(
        "1 av 1"
    )
    assert serious_violations(page) == []
    href = page.get_by_role("link", name="CSV", exact=True).get_attribute("href")
    response = page.request.get(f"{app_url}{href}")
    assert response.status == 200
    assert response.body().decode("utf-8-sig").startswith("Namn;Tidpunkt;Tydlighet;Empati;")
    href = page.get_by_role("link", name="XLSX (loggaktivitet)").get_attribute("href")
    response = page.request.get(f"{app_url}{href}")
    assert response.status == 200 and response.body()[:2] == b"PK"  # a zip, as XLSX files are


def csp_violations(page) -> list[str]:
    """The Content-Security-Policy refusals the page reports from now on (kept up to date)."""
    seen: list[str] = []
    page.on(
        "console",
        lambda msg: seen.append(msg.text) if "Content Security Policy" in msg.text else None,
    )
    return seen


def test_trainer_builds_employee_plays_trainer_follows_up(new_page, app_url):
    trainer = new_page()
    refused = csp_violations(trainer)
    build_scenario(trainer, app_url)
    employee = new_page()
    refused += csp_violations(employee)
    play_scenario(employee, app_url)
    follow_up(trainer, app_url)
    # Focus moves with rx.set_focus, so the policy needs no 'unsafe-eval'.
    assert refused == []


def test_practice_log_refuses_a_personnummer(new_page, app_url):
    page = new_page()
    log_in_as(page, app_url, "medarbetare@demo.se", "Sara Nilsson")
    page.goto(f"{app_url}/traning/logg")
    expect(page.locator("#personal-data-notice")).to_contain_text("Skriv inga personuppgifter")
    entries = page.locator("article.log-entry")
    expect(entries.first).to_be_visible()  # the demo entries have loaded before counting
    before = entries.count()
    form = page.get_by_role("form", name="Ny loggpost")
    form.get_by_label("Typ av ärende").fill("Fråga om faktura")
    form.get_by_label("Det här provade jag").fill("Jag hjälpte 19811218-9876 med fakturan.")
    form.get_by_label("Så gick det").fill("Bra")
    form.get_by_role("button", name="Spara i loggen").click()
    expect(page.get_by_role("alert")).to_contain_text("personnummer")
    expect(page.get_by_role("alert")).to_contain_text("Inget har sparats.")
    expect(entries).to_have_count(before)
    # The typed text stays, so the employee can remove the number and save.
    field = form.get_by_label("Det här provade jag")
    expect(field).to_have_value("Jag hjälpte 19811218-9876 med fakturan.")
    field.fill("Jag bekräftade känslan och förklarade fakturan steg för steg.")
    form.get_by_role("button", name="Spara i loggen").click()
    expect(page.get_by_role("status")).to_have_text("Loggposten är sparad.")
    expect(entries).to_have_count(before + 1)
    assert serious_violations(page) == []


TWEE = """:: StoryTitle
Importerat via webben

:: ScenarioSetting
kanal: chatt
situation: En invånare chattar om ett bygglov.

:: Start
Hur lång tid tar bygglovet?
[[Normalt tio veckor; jag kan se var ditt ärende står.->Slut]]
{feedback: Tydligt.}
{Tydlighet:+2}

:: Slut [end]
Tack!
---
Invånaren fick ett tydligt svar.
"""


def test_trainer_imports_twee_errors_first_and_employee_sees_role_play_ratings(new_page, app_url):
    page = new_page()
    log_in_as(page, app_url, "utbildare@demo.se", "Karin Berg")
    page.goto(f"{app_url}/traning")
    twee = page.get_by_label("Twee-text")
    twee.fill(TWEE.replace("{Tydlighet:+2}", "{Tydlighet:+2"))
    page.get_by_role("button", name="Förhandsgranska").click()
    expect(page.get_by_role("alert")).to_contain_text("rad 12, passagen ”Start”")
    expect(page.get_by_role("alert")).to_contain_text("Inget har skapats.")
    twee.fill(TWEE)
    page.get_by_role("button", name="Förhandsgranska").click()
    preview = page.locator("#twee-preview")
    expect(preview).to_contain_text("Importerat via webben")
    preview.get_by_role("button", name="Skapa scenariot från Twee").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Importerat via webben")
    expect(page.locator("#scenario-ok")).to_be_visible()

    observer = new_page()
    log_in_as(observer, app_url, "johan.ek@demo.se", "Johan Ek")
    observer.goto(f"{app_url}/traning/rollspel")
    observer.get_by_label("Kursomgång").select_option(label=COHORT)
    observer.get_by_label("Rollspelskort").select_option(
        label="Invånaren som vill prata med en chef"
    )
    form = observer.get_by_role("form", name="Observatörens checklista")
    form.get_by_label("Deltagare").select_option(label="Maria Svensson")
    for group in form.get_by_role("group").all():
        group.get_by_label("3 – Till stor del").check()
    form.get_by_label("Kommentar").first.fill("Lugn röst hela vägen.")
    form.get_by_role("button", name="Spara observationen").click()
    expect(observer.get_by_role("status")).to_contain_text("Observationen är sparad.")

    participant = new_page()
    log_in_as(participant, app_url, "maria.svensson@demo.se", "Maria Svensson")
    participant.goto(f"{app_url}/traning/rollspel")
    ratings = participant.get_by_role("table", name="Bedömningar")
    expect(ratings.get_by_role("row").filter(has_text="Lugn röst hela vägen.")).to_contain_text(
        "3 – Till stor del"
    )
    assert serious_violations(participant) == []


def test_trainer_sets_dimensions_journey_step_and_a_node_image(new_page, app_url, tmp_path):
    picture = tmp_path / "receptionen.png"
    from PIL import Image

    Image.new("RGB", (40, 30), (20, 90, 160)).save(picture)
    page = new_page()
    log_in_as(page, app_url, "utbildare@demo.se", "Karin Berg")
    page.goto(f"{app_url}/traning")
    form = page.get_by_role("form", name="Nytt scenario")
    form.get_by_label("Titel").fill("Besök i receptionen")
    form.get_by_label("Det invånaren säger först").fill("Hej, jag har en fråga om bygglov.")
    form.get_by_role("button", name="Skapa scenariot").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Besök i receptionen")

    new_dimension = page.get_by_role("form", name="Ny poängdimension")
    new_dimension.get_by_label("Ny dimension").fill("Tålamod")
    new_dimension.get_by_role("button", name="Lägg till dimensionen").click()
    expect(page.get_by_role("status")).to_have_text("Dimensionen Tålamod är tillagd.")
    page.get_by_label("Namn på Tålamod").fill("Lugn")
    page.get_by_role("button", name="Byt namn på Tålamod").click()
    expect(page.get_by_role("status")).to_have_text("Dimensionen Tålamod heter nu Lugn.")
    expect(page.get_by_role("form", name="Val").get_by_label("Lugn")).to_be_visible()
    # Removing asks first; the answer shows beside the dimensions.
    page.get_by_role("button", name="Ta bort dimensionen Lugn").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("Ta bort dimensionen ”Lugn”?")
    dialog.get_by_role("button", name="Avbryt").click()
    expect(page.get_by_label("Namn på Lugn")).to_be_visible()
    page.get_by_role("button", name="Ta bort dimensionen Lugn").click()
    page.get_by_role("dialog").get_by_role("button", name="Ta bort").click()
    expect(page.locator("#dimensions").get_by_role("status")).to_have_text(
        "Dimensionen Lugn är borttagen."
    )
    expect(page.get_by_label("Namn på Lugn")).to_have_count(0)

    setting = page.get_by_role("form", name="Inramning")
    setting.get_by_label("Kundresesteg").select_option(
        label="Felanmälan gatubelysning – Ringer kundtjänst som registrerar felanmälan"
    )
    setting.get_by_role("button", name="Spara inramningen").click()
    expect(page.get_by_role("status")).to_have_text("Inramningen är sparad.")

    # The nodes table is the keyboard route to what a click on the map does.
    page.get_by_role("button", name="Redigera nod start").click()
    expect(page.get_by_role("heading", name="Redigera nod start")).to_be_visible()
    page.get_by_label("Bildens alternativtext").fill("Receptionen med en kö av besökare.")
    page.locator("#node-image-upload input[type=file]").set_input_files(str(picture))
    expect(page.locator("#node-image-selected")).to_contain_text("receptionen.png")
    page.get_by_role("button", name="Ladda upp bilden").click()
    expect(page.get_by_role("status")).to_have_text("Bilden är sparad i noden start.")
    assert serious_violations(page) == []

    page.get_by_role("link", name="Provspela").click()
    expect(page.locator("#setting")).to_contain_text(
        "Kundresesteg: Felanmälan gatubelysning – Ringer kundtjänst"
    )
    image = page.get_by_role("img", name="Receptionen med en kö av besökare.")
    expect(image).to_be_visible()
    assert image.evaluate("img => img.naturalWidth") == 40

    page.goto(f"{app_url}/traning")
    filters = page.get_by_role("form", name="Filtrera scenarier")
    filters.get_by_label("Status").select_option(label="Utkast")
    filters.get_by_role("button", name="Filtrera").click()
    rows = page.get_by_role("table", name="Scenarier").get_by_role("row")
    expect(rows.filter(has_text="Upprörd medborgare")).to_have_count(0)
    expect(rows.filter(has_text="Besök i receptionen")).to_have_count(1)


def test_a_new_role_play_card_leaves_the_checklist_being_filled_in(new_page, app_url):
    page = new_page()
    log_in_as(page, app_url, "utbildare@demo.se", "Karin Berg")
    page.goto(f"{app_url}/traning/rollspel")
    page.get_by_label("Kursomgång").select_option(label=COHORT)
    page.get_by_label("Rollspelskort", exact=True).select_option(
        label="Invånaren som vill prata med en chef"
    )
    checklist = page.get_by_role("form", name="Observatörens checklista")
    checklist.get_by_role("group").first.get_by_label("3 – Till stor del").check()
    comment = checklist.get_by_label("Kommentar").first
    comment.fill("Lugn röst, men avbröt en gång.")

    card = page.get_by_role("form", name="Nytt rollspelskort")
    title = f"Grannen som klagar {uuid.uuid4().hex[:6]}"
    card.get_by_label("Rubrik").fill(title)
    for label, text in [
        ("Situation", "Grannen ringer för tredje gången om buller."),
        ("Invånarens roll", "Trött och arg."),
        ("Medarbetarens roll", "Lyssnar och förklarar vad kommunen kan göra."),
        ("Det här tränar ni", "Att bekräfta utan att lova för mycket."),
        ("Påståenden i observatörens checklista", "Lyssnade klart"),
    ]:
        card.get_by_label(label).fill(text)
    card.get_by_role("button", name="Spara kortet").click()
    expect(card.get_by_role("status")).to_have_text("Rollspelskortet är sparat.")
    expect(card.get_by_label("Rubrik")).to_have_value("")
    expect(comment).to_have_value("Lugn röst, men avbröt en gång.")
    expect(checklist.get_by_role("group").first.get_by_label("3 – Till stor del")).to_be_checked()

    # Another card is another checklist: nothing carries over.
    page.get_by_label("Rollspelskort", exact=True).select_option(label=title)
    expect(checklist.get_by_role("group")).to_have_count(1)
    expect(checklist.get_by_label("Kommentar")).to_have_value("")
    expect(checklist.get_by_label("3 – Till stor del")).not_to_be_checked()
