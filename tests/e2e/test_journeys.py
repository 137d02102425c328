"""Kundresor in the real browser: build a journey, diagram, import, export, locking, access."""

import re
from textwrap import wrap

import pytest
from playwright.sync_api import expect

from academy.core.settings import PROJECT_ROOT
from tests.e2e.conftest import delete_after_question, log_in_as, serious_violations

pytestmark = pytest.mark.e2e

SCREENSHOTS = PROJECT_ROOT / "docs" / "screenshots"
HOSTILE = "<img src=x onerror=alert(1)>"
STEPS = [  # text, stage, lane, channel
    ("Hittar information om förhandsbesked", "Söker information", "Medborgare", "webb"),
    ("Ringer kommunvägledaren", "Kontakt", "Medborgare", "telefon"),
    ("Kommunvägledaren svarar och bokar möte", "Kontakt", "Kommunvägledare", "telefon"),
    (HOSTILE, "Kontakt", "Kommunvägledare", "e-post"),
    ("Beslut skickas", "Beslut", "Kommunvägledare", "brev"),
]
FLOWS = [(0, 1), (1, 2), (2, 3), (3, 4)]


def open_new_journey(page, app_url, title):
    page.goto(f"{app_url}/kundresor")
    form = page.get_by_role("form", name="Ny kundresa")
    form.get_by_label("Titel").fill(title)
    form.get_by_role("button", name="Skapa").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)


def saved(page, click) -> None:
    """Click a save button and wait until the journey's version has gone up by one."""
    shown = page.get_by_text(re.compile(r"· version \d+"))
    version = int(re.search(r"version (\d+)", shown.inner_text()).group(1))
    click()
    expect(page.get_by_role("status")).to_have_text(f"Sparat som version {version + 1}.")


def add_column(page, form_name, name, role=None):
    form = page.get_by_role("form", name=form_name)
    form.get_by_label(form_name).fill(name)
    if role:
        form.get_by_label("Typ av bana").select_option(label=role)
    saved(page, form.get_by_role("button", name="Lägg till").click)


def add_step(page, text, stage, lane, channel):
    page.get_by_role("button", name="Nytt steg").click()
    form = page.get_by_role("form", name="Steg")
    expect(page.get_by_role("heading", name="Nytt steg")).to_be_visible()
    form.get_by_label("Text").fill(text)
    form.get_by_label("Fas").select_option(label=stage)
    form.get_by_label("Bana").select_option(label=lane)
    form.get_by_label("Kanal").select_option(label=channel)
    saved(page, form.get_by_role("button", name="Spara").click)
    # the form is ready for the next step
    expect(page.get_by_role("heading", name="Nytt steg")).to_be_visible()
    expect(page.locator("#step-added")).to_have_text(
        f"Steget ”{text}” är tillagt. Fyll i nästa steg."
    )
    expect(form.get_by_label("Text")).to_have_value("")
    # the next step's text is typed at once
    expect(form.get_by_label("Text")).to_be_focused()


def test_strategist_builds_a_journey_and_exports_it(new_page, app_url):
    page = new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    log_in_as(page, app_url, "strateg@demo.se", "Erik Johansson")
    open_new_journey(page, app_url, "Förhandsbesked för bygglov")
    for stage in ("Söker information", "Kontakt", "Beslut"):
        add_column(page, "Ny fas", stage)
    add_column(page, "Ny bana", "Medborgare", role="Medborgarens bana")
    add_column(page, "Ny bana", "Kommunvägledare", role="Främre led (synlig)")
    expect(page.locator("#row-lane-kommunvagledare")).to_contain_text("Främre led (synlig)")
    for step in STEPS:
        add_step(page, *step)
    page.get_by_role("tab", name="Flöden").click()
    flow_form = page.get_by_role("form", name="Nytt flöde")
    for source, target in FLOWS:
        flow_form.get_by_label("Från").select_option(label=STEPS[source][0])
        flow_form.get_by_label("Till").select_option(label=STEPS[target][0])
        saved(page, flow_form.get_by_role("button", name="Lägg till flöde").click)
    expect(page.get_by_role("table", name="Flöden mellan steg").locator("tbody tr")).to_have_count(
        4
    )

    diagram = page.locator("#diagram")
    for text, *_ in STEPS:
        expect(diagram.locator("text", has_text=wrap(text, 28)[0]).first).to_be_attached()
    # The hostile name is text in the SVG, never an element, and nothing ran.
    assert diagram.locator("img").count() == 0
    assert dialogs == []

    diagram.locator("g.node", has_text="Ringer kommunvägledaren").click()
    expect(page.get_by_role("heading", name="Steg: Ringer kommunvägledaren")).to_be_visible()
    expect(page.get_by_role("form", name="Steg").get_by_label("Text")).to_have_value(
        "Ringer kommunvägledaren"
    )
    link_form = page.get_by_role("form", name="Koppla till utbildning")
    target = link_form.get_by_label("Modul eller övning")
    module = target.locator("option", has_text="Modul: Bemötande i telefon").first.inner_text()
    target.select_option(label=module)
    link_form.get_by_role("button", name="Koppla").click()
    expect(page.get_by_role("status")).to_have_text("Kopplingen till utbildning är sparad.")
    assert module.startswith("Modul: Bemötande i telefon")
    expect(page.locator(".links li")).to_contain_text(module.removeprefix("Modul: "))
    # the link opens the module on its course's page
    training = page.locator(".links li").get_by_role("link", name=module.removeprefix("Modul: "))
    expect(training).to_have_attribute("href", re.compile(r"^/utbildning/kurs/\d+#modul-\d+$"))

    with page.expect_download() as download:
        page.get_by_role("navigation", name="Exportera").get_by_role("link", name="SVG").click()
    assert re.fullmatch(r"forhandsbesked-for-bygglov-v\d+\.svg", download.value.suggested_filename)
    with open(download.value.path(), encoding="utf-8") as file:
        svg = file.read()
    for text, *_ in STEPS[:3]:
        assert wrap(text, 28)[0] in svg
    assert "&lt;img src=x onerror=alert(1)&gt;" in svg and HOSTILE not in svg
    assert dialogs == []

    # Saving the open step keeps its form in the page, the focus on Spara; a save that rewrote
    # what was typed (spaces trimmed) makes the form again, showing what was saved.
    form = page.get_by_role("form", name="Steg")
    spara = form.get_by_role("button", name="Spara")
    form.evaluate("form => { form.keptInPage = true; }")
    form.get_by_label("Text").fill("Ringer vägledaren igen")
    saved(page, spara.click)
    expect(page.get_by_role("heading", name="Steg: Ringer vägledaren igen")).to_be_visible()
    expect(diagram.locator("text", has_text="Ringer vägledaren igen")).to_be_attached()
    assert form.evaluate("form => form.keptInPage === true")
    expect(spara).to_be_focused()
    form.get_by_label("Text").fill("  Ringer en gång till  ")
    saved(page, spara.click)
    expect(form.get_by_label("Text")).to_have_value("Ringer en gång till")
    assert form.evaluate("form => form.keptInPage === undefined")
    expect(spara).to_be_focused()

    # The link opens the module on its course's page (for an employee who takes the course).
    href = training.get_attribute("href")
    learner = new_page()
    log_in_as(learner, app_url, "medarbetare@demo.se", "Sara Nilsson")
    learner.goto(app_url + href)
    module_id = href.rsplit("#", 1)[1]
    expect(learner.locator(f"#{module_id} h2")).to_contain_text("Modul ")


def test_pasted_mermaid_journey_is_previewed_and_imported(page, app_url):
    log_in_as(page, app_url, "strateg@demo.se", "Erik Johansson")
    page.goto(f"{app_url}/kundresor")
    expect(page.get_by_role("form", name="Ny kundresa")).to_be_visible()
    assert serious_violations(page) == []
    textarea = page.get_by_label("Text att importera")
    textarea.fill(
        "journey\n  title Ansöka om bygglov\n  section Ansökan\n    Fyller i: x: Medborgare\n"
    )
    page.get_by_role("button", name="Förhandsgranska").click()
    expect(page.get_by_role("alert")).to_contain_text("rad 4")
    assert page.locator("#import-preview").count() == 0

    textarea.fill(
        "journey\n  title Ansöka om bygglov\n  section Ansökan\n"
        "    Fyller i e-tjänsten: 3: Medborgare\n"
        "    Ringer och frågar: 2: Medborgare, Kommunvägledare\n"
        "  section Beslut\n    Får beslut: 4: Medborgare\n"
    )
    page.get_by_role("button", name="Förhandsgranska").click()
    preview = page.locator("#import-preview")
    expect(preview).to_contain_text("Ansöka om bygglov")
    expect(preview).to_contain_text("Ansökan, Beslut")
    preview.get_by_role("button", name="Skapa kundresan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ansöka om bygglov")
    expect(page.get_by_role("table", name="Alla steg").locator("tbody tr")).to_have_count(3)


def test_a_stale_save_is_refused_and_the_input_stays(new_page, app_url):
    first, second = new_page(), new_page()
    log_in_as(first, app_url, "strateg@demo.se", "Erik Johansson")
    log_in_as(second, app_url, "admin@demo.se", "Anna Lindqvist")
    for page in (first, second):
        page.goto(f"{app_url}/kundresor")
        page.get_by_role("link", name="Felanmälan gatubelysning").click()
        page.get_by_role("button", name="Redigera Lampan lyser igen").click()
    first.get_by_role("form", name="Steg").get_by_label("Text").fill(
        "Lampan lyser igen – bekräftat"
    )
    first.get_by_role("form", name="Steg").get_by_role("button", name="Spara").click()
    expect(first.get_by_role("status")).to_contain_text("Sparat som version")
    # The form is renewed with the step as saved; the focus stays on its Spara button.
    expect(
        first.get_by_role("form", name="Steg").get_by_role("button", name="Spara")
    ).to_be_focused()

    typed = "Lampan lyser, och medborgaren får ett sms"
    second.get_by_role("form", name="Steg").get_by_label("Text").fill(typed)
    second.get_by_role("form", name="Steg").get_by_role("button", name="Spara").click()
    expect(second.get_by_role("alert")).to_contain_text("har ändrats av Erik Johansson")
    expect(second.get_by_role("form", name="Steg").get_by_label("Text")).to_have_value(typed)


def test_employee_views_read_only_and_pages_are_accessible(new_page, app_url):
    page = new_page()
    log_in_as(page, app_url, "medarbetare@demo.se", "Sara Nilsson")
    page.goto(f"{app_url}/kundresor")
    expect(page.get_by_role("table", name="Kundresor du kan se")).to_be_visible()
    expect(page.get_by_role("form", name="Ny kundresa")).to_have_count(0)
    expect(page.get_by_role("button", name=re.compile("^Ta bort"))).to_have_count(0)
    assert serious_violations(page) == []
    page.get_by_role("link", name="Ansöka om förskoleplats").first.click()
    expect(page.get_by_text("endast läsning")).to_be_visible()
    expect(page.get_by_role("button", name="Spara")).to_have_count(0)
    assert serious_violations(page) == []

    strategist = new_page()
    strategist.set_viewport_size({"width": 1280, "height": 800})
    log_in_as(strategist, app_url, "strateg@demo.se", "Erik Johansson")
    strategist.goto(f"{app_url}/kundresor")
    strategist.get_by_role("link", name="Felanmälan gatubelysning").click()
    expect(strategist.get_by_role("heading", level=1)).to_have_text(re.compile("Felanmälan"))
    expect(strategist.locator("#diagram g.node").first).to_be_attached()
    # README's screenshot: the workspace with a step open beside the diagram
    strategist.locator("#diagram g.node", has_text="Ringer kundtjänst").first.click()
    expect(strategist.get_by_role("heading", name=re.compile("^Steg: Ringer"))).to_be_visible()
    assert serious_violations(strategist) == []
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    strategist.screenshot(path=str(SCREENSHOTS / "journey-editor.png"))


def confirm(page, button, name: str) -> None:
    """Click a button that asks first, then the dialog's button of the same name."""
    button.click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name=name, exact=True).click()


def test_deletes_and_restore_ask_first_and_report_beside_the_action(new_page, app_url):
    page = new_page()
    log_in_as(page, app_url, "strateg@demo.se", "Erik Johansson")
    open_new_journey(page, app_url, "Parkeringstillstånd (radering)")
    for stage in ("Ansökan", "Beslut"):
        add_column(page, "Ny fas", stage)
    add_column(page, "Ny bana", "Medborgare", role="Medborgarens bana")
    add_step(page, "Fyller i ansökan", "Ansökan", "Medborgare", "e-tjänst")
    add_step(page, "Får beslut", "Beslut", "Medborgare", "brev")
    step_text = page.get_by_role("form", name="Steg").get_by_label("Text")
    step_text.fill("Väntar på beslut")  # the next step, being written
    page.get_by_role("tab", name="Flöden").click()
    flow_form = page.get_by_role("form", name="Nytt flöde")
    flow_form.get_by_label("Från").select_option(label="Fyller i ansökan")
    flow_form.get_by_label("Till").select_option(label="Får beslut")
    saved(page, flow_form.get_by_role("button", name="Lägg till flöde").click)
    # Adding the flow did not empty the step being written.
    expect(step_text).to_have_value("Väntar på beslut")

    # A flow's delete asks first; cancelling keeps it.
    flows = page.get_by_role("table", name="Flöden mellan steg")
    delete_flow = flows.get_by_role("button", name="Ta bort flödet från Fyller i ansökan")
    delete_flow.click()
    page.get_by_role("dialog").get_by_role("button", name="Avbryt").click()
    expect(page.get_by_role("dialog")).to_have_count(0)
    expect(flows.locator("tbody tr")).to_have_count(1)
    saved(page, lambda: confirm(page, delete_flow, "Ta bort"))
    expect(page.get_by_text("Inga flöden ännu")).to_be_visible()

    # Deleting a stage asks where its steps go.
    page.get_by_role("tab", name="Faser och banor").click()
    delete_stage = page.get_by_role("button", name="Ta bort Ansökan")
    delete_stage.click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Flytta stegen till").select_option(label="Beslut")
    saved(page, dialog.get_by_role("button", name="Ta bort", exact=True).click)
    expect(page.get_by_role("button", name="Ta bort Ansökan")).to_have_count(0)
    page.get_by_role("tab", name="Steg").click()
    expect(page.get_by_role("table", name="Alla steg").locator("tbody tr")).to_have_count(2)

    # Restoring a version asks first and reports under Versioner.
    page.get_by_role("tab", name="Versioner").click()
    restore = page.get_by_role("button", name="Återställ version 1", exact=True)
    restore.click()
    expect(page.get_by_role("dialog")).to_contain_text("Steg som tas bort: ”Fyller i ansökan”")
    page.get_by_role("dialog").get_by_role("button", name="Avbryt").click()
    confirm(page, restore, "Återställ")
    expect(page.get_by_role("status")).to_contain_text("Version 1 är återställd som version")
    page.get_by_role("tab", name="Steg").click()
    expect(page.get_by_text("Kundresan har inga steg ännu.")).to_be_visible()


def test_one_dialog_asks_before_each_row_s_delete_and_deletes_that_row(new_page, app_url):
    page = new_page()
    log_in_as(page, app_url, "strateg@demo.se", "Erik Johansson")
    open_new_journey(page, app_url, "Bygglov (en fråga per rad)")
    add_column(page, "Ny fas", "Ansökan")
    add_column(page, "Ny bana", "Medborgare", role="Medborgarens bana")
    for text in ("Skickar ansökan", "Kompletterar", "Får beslut"):
        add_step(page, text, "Ansökan", "Medborgare", "e-tjänst")
    page.get_by_role("tab", name="Flöden").click()
    flow_form = page.get_by_role("form", name="Nytt flöde")
    for source, target in (("Skickar ansökan", "Kompletterar"), ("Kompletterar", "Får beslut")):
        flow_form.get_by_label("Från").select_option(label=source)
        flow_form.get_by_label("Till").select_option(label=target)
        saved(page, flow_form.get_by_role("button", name="Lägg till flöde").click)
    flows = page.get_by_role("table", name="Flöden mellan steg")
    expect(flows.locator("tbody tr")).to_have_count(2)
    # Every row asks first, through the page's one dialog: the rows hold none.
    expect(flows.get_by_role("button", name=re.compile("^Ta bort flödet"))).to_have_count(2)
    expect(flows.locator("dialog")).to_have_count(0)
    expect(page.locator("dialog#confirm-dialog")).to_have_count(1)

    first = flows.get_by_role("button", name="Ta bort flödet från Skickar ansökan")
    second = flows.get_by_role("button", name="Ta bort flödet från Kompletterar")
    first.click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_have_accessible_name(
        "Ta bort flödet från ”Skickar ansökan” till ”Kompletterar”?"
    )
    expect(dialog).to_contain_text("Stegen finns kvar; bara flödet mellan dem tas bort.")
    expect(dialog.get_by_role("button", name="Avbryt")).to_be_focused()
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog")).to_have_count(0)
    expect(first).to_be_focused()
    # The same dialog now asks about the second row, and deletes that one.
    second.click()
    expect(dialog).to_have_accessible_name("Ta bort flödet från ”Kompletterar” till ”Får beslut”?")
    saved(page, dialog.get_by_role("button", name="Ta bort", exact=True).click)
    expect(flows.locator("tbody tr")).to_have_count(1)
    expect(flows.locator("tbody tr")).to_contain_text("Skickar ansökan")
    assert serious_violations(page) == []


def test_a_journey_is_deleted_from_the_list_after_a_question(new_page, app_url):
    page = new_page()
    log_in_as(page, app_url, "strateg@demo.se", "Erik Johansson")
    title = "Workshopens övningsresa"
    open_new_journey(page, app_url, title)
    page.goto(f"{app_url}/kundresor")
    table = page.get_by_role("table", name="Kundresor du kan se")
    delete_after_question(
        page,
        table.get_by_role("button", name=f"Ta bort {title}"),
        f"Ta bort kundresan ”{title}”?",
        table.get_by_role("link", name=title),
    )
    expect(page.get_by_role("status")).to_have_text(f"Kundresan ”{title}” är borttagen.")
    expect(table.get_by_role("link", name=title)).to_have_count(0)
    expect(table.get_by_role("link", name="Felanmälan gatubelysning")).to_be_visible()
    page.reload()
    expect(page.get_by_role("link", name="Felanmälan gatubelysning")).to_be_visible()
    expect(page.get_by_role("link", name=title)).to_have_count(0)
    assert serious_violations(page) == []


def test_the_editor_fits_a_phone_and_the_diagram_scrolls_in_its_own_box(new_page, app_url):
    page = new_page()
    log_in_as(page, app_url, "strateg@demo.se", "Erik Johansson")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{app_url}/kundresor")
    page.get_by_role("link", name="Ansöka om förskoleplats").first.click()
    expect(page.locator("#diagram g.node").first).to_be_attached()
    page.get_by_role("button", name="Zooma in").click()
    expect(page.get_by_text("100 %")).to_be_visible()
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, window.innerWidth,"
        " document.querySelector('#diagram').clientWidth]"
    )
    assert widths[0] <= widths[1], f"the page scrolls sideways: {widths}"
    assert widths[2] <= widths[1]
    for lane_kind in ("Medborgarens bana", "Främre led (synlig)"):
        expect(page.get_by_text(lane_kind).first).to_be_attached()
    assert page.get_by_text("Frontstage").count() == 0


def test_an_oversized_or_too_long_import_file_is_refused_in_the_import_panel(
    page, app_url, tmp_path
):
    log_in_as(page, app_url, "strateg@demo.se", "Erik Johansson")
    page.goto(f"{app_url}/kundresor")
    big = tmp_path / "stor.mmd"
    big.write_text("journey\n" + "%% kommentar\n" * 250_000)  # 3.3 MB, over the 2 MB cap
    page.locator("#journey-upload input[type=file]").set_input_files(str(big))
    expect(page.get_by_role("alert")).to_have_text(
        "Filen är för stor: högst 2 MB går att ta emot. Inget har sparats."
    )
    long = tmp_path / "lang.mmd"
    tasks = "".join(f"    Steg {n}: 3: Medborgare\n" for n in range(1501))
    long.write_text(f"journey\n  title Lång\n  section Fas\n{tasks}")
    page.locator("#journey-upload input[type=file]").set_input_files(str(long))
    expect(page.get_by_role("alert")).to_contain_text(
        "Kundresan har fler än 1500 steg; högst 1500 steg går att importera"
    )
    assert page.locator("#import-preview").count() == 0

    # A file of a type the import does not take is refused by the browser before it is sent:
    # named in the panel, with the types it takes.
    page.locator("#journey-upload input[type=file]").set_input_files(
        files=[{"name": "rapport.docx", "mimeType": "application/msword", "buffer": b"PK\x03"}]
    )
    expect(page.get_by_role("alert")).to_have_text(
        "rapport.docx kan inte användas. Välj en fil av typen .json, .mermaid, .mmd eller .txt."
    )
