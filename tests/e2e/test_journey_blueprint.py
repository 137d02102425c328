"""Kundresor's blueprint in the real browser: the blueprint itself, önskat läge from nuläge and
the comparison, and printing. Every test makes its own journey with a unique title."""

import re
import uuid

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import log_in_as, serious_violations
from tests.e2e.test_journeys import confirm, saved

pytestmark = pytest.mark.e2e

MERMAID = (
    "journey\n  title {title}\n  section Ansökan\n"
    "    Fyller i e-tjänsten: 3: Medborgare\n"
    "    Ringer kundtjänst: 1: Medborgare, Kundtjänst\n"
    "  section Beslut\n    Får beslut: 4: Medborgare\n"
)


def import_journey(page, app_url, title: str) -> None:
    page.goto(f"{app_url}/kundresor")
    page.get_by_label("Text att importera").fill(MERMAID.format(title=title))
    page.get_by_role("button", name="Förhandsgranska").click()
    page.locator("#import-preview").get_by_role("button", name="Skapa kundresan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)


def test_the_editor_shows_a_readable_blueprint(new_page, app_url):
    page = new_page()
    log_in_as(page, app_url, "strateg@demo.se", "Erik Johansson")
    page.goto(f"{app_url}/kundresor")
    page.get_by_role("link", name="Ansöka om förskoleplats").first.click()
    diagram = page.locator("#diagram")
    expect(diagram.locator("g.node").first).to_be_attached()
    for text in ("Interaktionslinje", "Synlighetslinje", "Teckenförklaring", "Känsla"):
        expect(diagram.locator("text", has_text=text).first).to_be_visible()
    expect(page.get_by_text("75 %")).to_be_visible()
    # at the default zoom a step's text is at least 10 px high on screen
    height = diagram.locator("g[id^='step-'] text").nth(1).bounding_box()["height"]
    assert height >= 10, height
    # the stage headers sit above the lane names
    header = diagram.locator("g.stage").first.bounding_box()
    citizen = diagram.locator("#lane-vardnadshavare").bounding_box()
    assert header["y"] + header["height"] <= citizen["y"]


def test_a_future_journey_is_copied_changed_and_compared(new_page, app_url, tmp_path):
    page = new_page()
    log_in_as(page, app_url, "strateg@demo.se", "Erik Johansson")
    title = f"Parkeringstillstånd {uuid.uuid4().hex[:6]}"
    import_journey(page, app_url, title)

    page.get_by_role("button", name="Skapa önskat läge").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"{title} – önskat läge")
    expect(page.get_by_text("Önskat läge · version 1")).to_be_visible()

    # In the future journey the phone call is gone.
    page.get_by_role("button", name="Redigera Ringer kundtjänst").click()
    delete = page.get_by_role("button", name="Ta bort steget")
    saved(page, lambda: confirm(page, delete, "Ta bort steget"))

    page.get_by_role("link", name="Jämför med nuläget").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nuläge och önskat läge")
    table = page.get_by_role("table", name="Jämförelse")
    steps_row = table.locator("tbody tr", has_text="Steg").first
    expect(steps_row).to_contain_text("Ändrat av: Ringer kundtjänst (borttaget)")
    expect(page.get_by_text("− Borttagna steg:")).to_be_visible()
    expect(page.locator(".compare-changes")).to_contain_text("”Ringer kundtjänst”")
    expect(page.locator(".compare-changes")).not_to_contain_text("ringer-kundtjanst")

    # Both diagrams: one above the other, in one scrolling box, at one scale.
    box = page.locator(".compare-diagrams")
    current, future = box.locator("#compare-current"), box.locator("#compare-future")
    expect(current.locator("text", has_text="Finns inte i önskat läge")).to_be_attached()
    expect(future.locator("text", has_text="Finns inte i önskat läge")).to_have_count(0)
    assert current.bounding_box()["y"] < future.bounding_box()["y"]
    zooms = box.evaluate(
        "b => [...b.querySelectorAll('figure > div')].map(d => getComputedStyle(d).zoom)"
    )
    assert len(zooms) == 2 and zooms[0] == zooms[1]
    assert serious_violations(page) == []
    page.screenshot(path=str(tmp_path / "compare-1280.png"), full_page=True)
    # On a phone the page itself does not scroll sideways; the diagrams scroll in their box.
    page.set_viewport_size({"width": 390, "height": 844})
    widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], widths
    page.screenshot(path=str(tmp_path / "compare-390.png"), full_page=True)


def test_the_pdf_export_prints_on_the_chosen_paper(new_page, app_url):
    page = new_page()
    log_in_as(page, app_url, "strateg@demo.se", "Erik Johansson")
    title = f"Färdtjänst {uuid.uuid4().hex[:6]}"
    import_journey(page, app_url, title)
    exports = page.get_by_role("navigation", name="Exportera")
    for label, box in (("PDF A3", "1190.55 841.89"), ("PDF A4", "841.89 595.28")):
        with page.expect_download() as download:
            exports.get_by_role("link", name=label).click()
        assert re.fullmatch(r"fardtjanst-\w+-v1\.pdf", download.value.suggested_filename)
        with open(download.value.path(), "rb") as file:
            pdf = file.read()
        assert pdf.startswith(b"%PDF") and f"/MediaBox [0 0 {box}]".encode() in pdf


def test_a_reader_sees_diagram_text_analysis_and_steps_but_no_forms(new_page, app_url):
    page = new_page()
    log_in_as(page, app_url, "medarbetare@demo.se", "Sara Nilsson")
    page.goto(f"{app_url}/kundresor")
    page.get_by_role("link", name="Ansöka om förskoleplats").first.click()
    expect(page.get_by_text("endast läsning")).to_be_visible()
    expect(page.locator("#diagram g.node").first).to_be_attached()
    expect(page.get_by_text("Kundresan som text")).to_be_visible()
    # readers get no tabs for stages, lanes or the journey's details
    expect(page.get_by_role("tab")).to_have_text(["Steg", "Flöden", "Analys", "Versioner"])
    page.get_by_role("tab", name="Analys").click()
    expect(page.get_by_role("heading", name="Analys")).to_be_visible()
    page.get_by_role("tab", name="Steg").click()
    steps = page.get_by_role("table", name="Alla steg")
    expect(steps.locator("tbody tr").first).to_be_visible()
    expect(page.locator("main form")).to_have_count(0)
    expect(page.locator("main input, main select, main textarea")).to_have_count(0)
    steps.get_by_role("button", name="Visa").first.click()
    details = page.locator("#step-details")
    expect(details.get_by_role("heading", level=2)).to_contain_text("Steg: ")
    expect(details.locator("dt", has_text="Bana")).to_be_visible()
    expect(page.locator("main form")).to_have_count(0)
    assert serious_violations(page) == []


def test_a_mermaid_import_shows_what_it_did_with_three_actors(new_page, app_url):
    page = new_page()
    log_in_as(page, app_url, "strateg@demo.se", "Erik Johansson")
    title = f"Bygglov {uuid.uuid4().hex[:6]}"
    page.goto(f"{app_url}/kundresor")
    page.get_by_label("Text att importera").fill(
        f"journey\n  title {title}\n  section Ansökan\n"
        "    Fyller i ansökan: 3: Medborgare\n"
        "    Ringer om ansökan: 1: Medborgare, Kundtjänst, Bygglovshandläggare\n"
        "  section Beslut\n    Beslutar: 4: Bygglovshandläggare\n"
    )
    page.get_by_role("button", name="Förhandsgranska").click()
    actors = page.locator("#import-actors li")
    expect(actors).to_have_text(
        [
            "Medborgare → banan ”Medborgare”",
            "Bygglovshandläggare → banan ”Bygglovshandläggare” och deltagare i ”Ringer om ansökan”",
            "Kundtjänst → deltagare i ”Ringer om ansökan”",
        ]
    )
    page.locator("#import-preview").get_by_role("button", name="Skapa kundresan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    diagram = page.locator("#diagram")
    expect(diagram.locator("text", has_text="Deltar: Kundtjänst,").first).to_be_attached()
    page.get_by_role("button", name="Redigera Ringer om ansökan").click()
    expect(page.locator("#step-participants")).to_have_text(
        "Deltar också: Kundtjänst, Bygglovshandläggare"
    )
    with page.expect_download() as download:
        page.get_by_role("navigation", name="Exportera").get_by_role("link", name="Mermaid").click()
    with open(download.value.path(), encoding="utf-8") as file:
        exported = file.read()
    assert "Ringer om ansökan: 1: Medborgare, Kundtjänst, Bygglovshandläggare" in exported


def test_the_editor_is_a_workspace_diagram_step_beside_it_and_tabs(new_page, app_url):
    page = new_page()
    page.set_viewport_size({"width": 1280, "height": 800})
    log_in_as(page, app_url, "strateg@demo.se", "Erik Johansson")
    page.goto(f"{app_url}/kundresor")
    page.get_by_role("link", name="Ansöka om förskoleplats").first.click()
    diagram = page.locator("#diagram")
    expect(diagram.locator("g.node").first).to_be_attached()
    # Drawn: the box is no longer busy and the drawing notice is gone.
    expect(diagram).to_have_attribute("aria-busy", "false")
    expect(page.get_by_text("Ritar diagrammet …")).to_have_count(0)
    # The diagram fills most of the first screen.
    box = diagram.bounding_box()
    assert box["height"] >= 0.6 * 800, box
    assert box["y"] + 0.6 * 800 <= 800, box

    # Clicking a step opens its form beside the diagram.
    diagram.locator("g.node[id^='step-']").first.click()
    form = page.get_by_role("form", name="Steg")
    expect(
        page.locator("#step-panel").get_by_role("heading", name=re.compile("^Steg: "))
    ).to_be_visible()
    # the open step is marked in the diagram
    expect(diagram.locator("g.node.selected")).to_have_count(1)
    expect(diagram.locator("g.node[id^='step-']").first).to_have_class(re.compile("selected"))
    side = form.bounding_box()
    assert side["x"] >= box["x"] + box["width"], (box, side)
    assert side["y"] < box["y"] + box["height"], (box, side)
    # ... and from the steps table too.
    steps = page.get_by_role("table", name="Alla steg")
    second = steps.locator("tbody tr").nth(1)
    name = second.locator("th").inner_text()
    second.get_by_role("button").click()
    expect(form.get_by_label("Text")).to_have_value(name)

    # Drag to pan: the diagram's box scrolls, the step does not change.
    page.get_by_role("button", name="Zooma in").click()
    page.get_by_role("button", name="Zooma in").click()
    expect(page.get_by_text("125 %")).to_be_visible()
    start = diagram.evaluate("d => [d.scrollLeft, d.scrollTop]")
    box = diagram.bounding_box()  # the page scrolled up to the form when the row was clicked
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] - 20
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x - 150, y - 60, steps=5)
    page.mouse.up()
    moved = diagram.evaluate("d => [d.scrollLeft, d.scrollTop]")
    assert moved[0] > start[0], (start, moved)
    expect(form.get_by_label("Text")).to_have_value(name)
    # With the keyboard: the focused diagram zooms with − and scrolls with the arrows.
    diagram.focus()
    page.keyboard.press("-")
    expect(page.get_by_text("100 %")).to_be_visible()

    # The tabs work by keyboard: arrows, Home and End move and select.
    tab = page.get_by_role("tab", name="Steg")
    expect(tab).to_have_attribute("aria-selected", "true")
    tab.focus()
    page.keyboard.press("ArrowRight")
    flows_tab = page.get_by_role("tab", name="Flöden")
    expect(flows_tab).to_be_focused()
    expect(flows_tab).to_have_attribute("aria-selected", "true")
    flows = page.get_by_role("table", name="Flöden mellan steg")
    expect(flows).to_be_visible()
    expect(steps).to_be_hidden()
    # nothing cropped: every flow's delete button is inside the page and its table's box
    delete = flows.get_by_role("button", name=re.compile("^Ta bort flödet")).first
    expect(delete).to_be_visible()
    right = delete.bounding_box()["x"] + delete.bounding_box()["width"]
    panel = page.locator("#journey-tab-panel-flows").bounding_box()
    assert right <= min(1280, panel["x"] + panel["width"]), (right, panel)
    page.keyboard.press("Home")
    expect(page.get_by_role("tab", name="Faser och banor")).to_be_focused()
    expect(page.get_by_role("form", name="Ny fas")).to_be_visible()
    page.keyboard.press("ArrowLeft")
    expect(page.get_by_role("tab", name="Uppgifter")).to_have_attribute("aria-selected", "true")
    expect(page.get_by_role("form", name="Uppgifter om kundresan")).to_be_visible()
    assert serious_violations(page) == []

    # On a phone it stacks: diagram, step, tabs; the page does not scroll sideways.
    page.set_viewport_size({"width": 390, "height": 844})
    widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], widths
    tops = [
        page.locator(selector).bounding_box()["y"]
        for selector in ("#diagram", "#step-panel", "[role=tablist]")
    ]
    assert tops == sorted(tops), tops


def test_a_new_journey_asks_for_stages_and_lanes_before_steps(new_page, app_url):
    page = new_page()
    log_in_as(page, app_url, "strateg@demo.se", "Erik Johansson")
    title = f"Tomt {uuid.uuid4().hex[:6]}"
    page.goto(f"{app_url}/kundresor")
    form = page.get_by_role("form", name="Ny kundresa")
    form.get_by_label("Titel").fill(title)
    form.get_by_role("button", name="Skapa").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    # stages and lanes come first: the first tab, open
    tabs = page.get_by_role("tab")
    expect(tabs.first).to_have_text("Faser och banor")
    expect(tabs.first).to_have_attribute("aria-selected", "true")
    page.get_by_role("tab", name="Steg").click()
    page.get_by_role("button", name="Nytt steg").click()
    expect(page.locator("#step-needs-columns")).to_have_text(
        "Ett steg ligger i en fas och en bana. Lägg först till faser och banor "
        "under fliken Faser och banor."
    )
    expect(page.get_by_role("form", name="Steg")).to_have_count(0)
    page.get_by_role("button", name="Till Faser och banor").click()
    expect(page.get_by_role("tab", name="Faser och banor")).to_have_attribute(
        "aria-selected", "true"
    )
    expect(page.get_by_role("textbox", name="Ny fas")).to_be_focused()


def test_the_mermaid_preview_lets_an_actor_s_steps_go_to_another_lane(new_page, app_url):
    page = new_page()
    log_in_as(page, app_url, "strateg@demo.se", "Erik Johansson")
    title = f"Felanmälan {uuid.uuid4().hex[:6]}"
    page.goto(f"{app_url}/kundresor")
    page.get_by_label("Text att importera").fill(
        f"journey\n  title {title}\n  section Kontakt\n"
        "    Ringer växeln: 2: Medborgare\n"
        "    Kopplar samtalet: 3: Växel, Medborgare\n"
        "    Tar emot felanmälan: 3: Kundtjänst\n"
    )
    page.get_by_role("button", name="Förhandsgranska").click()
    lanes = page.locator("#import-lanes")
    expect(lanes.get_by_label("Bana för Växel")).to_have_value("vaxel")
    lanes.get_by_label("Bana för Växel").select_option(label="Kundtjänst")
    expect(page.locator("#import-actors li").nth(1)).to_have_text("Växel → banan ”Kundtjänst”")
    expect(lanes.get_by_label("Bana för Växel")).to_have_value("kundtjanst")
    page.locator("#import-preview").get_by_role("button", name="Skapa kundresan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    row = page.get_by_role("table", name="Alla steg").locator("tbody tr", has_text="Kopplar")
    expect(row.locator("td").nth(1)).to_have_text("Kundtjänst")
    diagram = page.locator("#diagram")
    expect(diagram.locator("#lane-kundtjanst")).to_be_attached()
    expect(diagram.locator("#lane-vaxel")).to_have_count(0)
    assert serious_violations(page) == []
