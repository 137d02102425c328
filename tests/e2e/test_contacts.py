"""Kontaktanalys in the real browser: import a file, link a category to a step, see the
observed figures on the journey map and the ranking of what the first line could settle."""

import uuid

import pytest
from playwright.sync_api import expect

from academy.core.settings import PROJECT_ROOT
from tests.e2e.conftest import delete_after_question, log_in_as, serious_violations

pytestmark = pytest.mark.e2e

SCREENSHOTS = PROJECT_ROOT / "docs" / "screenshots"
HEADER = (
    "Datum;kanal;språk;kategori;löst_direkt;överlämnad_till;efterfrågan;orsak;kontakt;handläggare\n"
)


def contacts_file(path, category: str) -> None:
    rows = [
        f"2026-03-0{2 + n % 5} 10:{n:02d};telefon;svenska;{category};{'ja' if n % 3 else 'nej'};"
        f"{'' if n % 3 else 'Gatuenheten'};{'svikt' if n % 2 else 'värde'};"
        f"{'Väntar på besked' if n % 2 else ''};070-555 00 {n:02d};Anna Andersson\n"
        for n in range(15)
    ]
    path.write_text(HEADER + "".join(rows), encoding="utf-8")


def open_tab(page, name: str) -> None:
    """Open one part of the figures report (a tab) and wait until it is shown."""
    tab = page.get_by_role("tab", name=name)
    tab.click()
    expect(tab).to_have_attribute("aria-selected", "true")


def test_import_link_and_see_observed_figures_on_the_map(page, app_url, tmp_path):
    category = f"Gatlyktor {uuid.uuid4().hex[:6]}"
    name = f"kontakter-{uuid.uuid4().hex[:6]}.csv"
    contacts_file(tmp_path / name, category)
    log_in_as(page, app_url, "strateg@demo.se", "Erik Johansson")
    page.goto(f"{app_url}/kundresor")
    page.get_by_role("link", name="Kontaktanalys").click()
    expect(page.get_by_role("heading", name="Kontaktanalys", level=1)).to_be_visible()
    page.locator("#contacts-upload input[type=file]").set_input_files(str(tmp_path / name))
    form = page.get_by_role("form", name="Importera kontakter")
    expect(form.get_by_text(name)).to_be_visible()
    # "Datum" is not one of ours: the person maps it; the staff column is never read.
    form.get_by_label("Datum").select_option("tidpunkt")
    form.get_by_label("Enhet").select_option(label="Kommunledningsförvaltningen / Servicecenter")
    form.get_by_role("button", name="Importera kontakter").click()
    expect(page.get_by_role("status").filter(has_text="Importerat")).to_have_text(
        f"Importerat: 15 kontakter från {name}."
    )
    page.screenshot(path=str(SCREENSHOTS / "contacts-import-1280.png"), full_page=True)

    page.get_by_role("link", name=name).click()
    expect(page.get_by_role("heading", name="Kontaktanalys: Servicecenter")).to_be_visible()
    open_tab(page, "Första linjen")
    ranking = page.get_by_role("table", name="Vad kan första linjen lösa?")
    expect(ranking.get_by_role("row", name=category)).to_contain_text("Gatuenheten")
    open_tab(page, "Kategorier")
    expect(ranking).to_be_hidden()
    categories = page.get_by_role("table", name="Kontakter per kategori")
    expect(categories.get_by_role("row", name=category)).to_contain_text("67 %")
    assert serious_violations(page) == []
    with page.expect_download() as download:
        page.get_by_role("link", name="Ladda ner siffrorna (CSV)").click()
    assert download.value.suggested_filename.startswith("kontaktanalys-servicecenter")

    link_form = page.get_by_role("form", name="Koppla kategori till steg")
    link_form.get_by_label("Kategori").select_option(category)
    link_form.get_by_label("Steg i kundresa").select_option(
        label="Felanmälan gatubelysning – Gatuavdelningen bedömer och prioriterar felet"
    )
    link_form.get_by_role("button", name="Koppla").click()
    expect(page.get_by_role("status").filter(has_text="kopplad")).to_be_visible()
    page.screenshot(path=str(SCREENSHOTS / "contacts-figures-1280.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=str(SCREENSHOTS / "contacts-figures-390.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})

    linked = page.get_by_role("table", name="Kopplade kategorier")
    linked.get_by_role("row", name=category).get_by_role("link").click()
    # The link opens the journey on its analysis, where the observed figures are.
    expect(page.get_by_role("tab", name="Analys")).to_have_attribute("aria-selected", "true")
    observed = page.get_by_role("table", name="Observerade kontakter per steg")
    row = observed.get_by_role("row", name="Gatuavdelningen bedömer och prioriterar felet")
    expect(row).to_contain_text(category)
    expect(page.locator("#diagram")).to_contain_text("Observerat:")
    page.screenshot(path=str(SCREENSHOTS / "contacts-on-the-map-1280.png"))


def test_a_refused_file_lists_row_and_column_and_stores_nothing(page, app_url, tmp_path):
    name = f"fel-{uuid.uuid4().hex[:6]}.csv"
    path = tmp_path / name
    path.write_text(
        "tidpunkt;kanal;språk;kategori;löst_direkt\n"
        "2026-03-02 10:00;telefon;svenska;Bygglov;kanske\n",
        encoding="utf-8",
    )
    log_in_as(page, app_url, "strateg@demo.se", "Erik Johansson")
    page.goto(f"{app_url}/kundresor/kontakter")
    page.locator("#contacts-upload input[type=file]").set_input_files(str(path))
    form = page.get_by_role("form", name="Importera kontakter")
    form.get_by_label("Enhet").select_option(label="Kommunledningsförvaltningen / Servicecenter")
    form.get_by_role("button", name="Importera kontakter").click()
    issues = page.get_by_role("table", name="Fel i filen")
    expect(issues.get_by_role("row").nth(1)).to_contain_text("löst_direkt")
    expect(page.get_by_role("alert")).to_contain_text("inget har importerats")
    expect(page.get_by_role("link", name=name)).to_have_count(0)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=str(SCREENSHOTS / "contacts-import-390.png"), full_page=True)


def test_the_figures_page_shows_figures_and_takes_settings_and_topics(page, app_url):
    log_in_as(page, app_url, "strateg@demo.se", "Erik Johansson")
    page.goto(f"{app_url}/kundresor/kontakter")
    page.get_by_role("link", name="servicecenter-kontakter-demo.csv").click()
    expect(page.get_by_role("heading", name="Kontaktanalys: Servicecenter")).to_be_visible()
    overall = page.get_by_role("table", name="Alla kontakter i perioden")
    expect(overall.get_by_role("row").nth(1)).to_contain_text("52")
    expect(page.get_by_role("status").filter(has_text="Beräknar")).to_have_count(0)
    # The report opens on its first part; the others are a tab away.
    expect(page.get_by_role("tab", name="Per vecka")).to_have_attribute("aria-selected", "true")
    open_tab(page, "Första linjen")
    ranking = page.get_by_role("table", name="Vad kan första linjen lösa?")
    faktura = ranking.get_by_role("row", name="Faktura VA")
    expect(faktura).to_contain_text("klarspråk, skriftlig kommunikation")
    expect(faktura).to_contain_text("Modul: Klarspråk i mejl")

    topics = page.get_by_role("form", name="Ämnen för en kategori")
    topics.get_by_label("Kategori").select_option("Parkering")
    topics.get_by_label("Ämnen").fill("svåra samtal")
    topics.get_by_role("button", name="Spara ämnen").click()
    expect(page.get_by_role("status").filter(has_text="Ämnena för Parkering")).to_be_visible()
    parking = ranking.get_by_role("row", name="Parkering")
    expect(parking).to_contain_text("svåra samtal")
    expect(parking).to_contain_text("Modul: Bemötande i telefon")

    open_tab(page, "Inställningar")
    settings = page.get_by_role("form", name="Inställningar för enheten")
    settings.get_by_label("Återkommande kontakt inom (dagar)").fill("400")
    settings.get_by_role("button", name="Spara inställningar").click()
    window = settings.get_by_label("Återkommande kontakt inom (dagar)")
    expect(window).to_have_attribute("aria-invalid", "true")
    expect(settings).to_contain_text("ska vara 0–365 dagar")
    window.fill("14")
    settings.get_by_label("Mål för lösta i första kontakten (%)").fill("60")
    settings.get_by_role("button", name="Spara inställningar").click()
    expect(page.get_by_text("Inställningarna är sparade. Siffrorna räknas om.")).to_be_visible()
    expect(page.get_by_text("samma kontakt inom 14 dagar", exact=False)).to_be_visible()
    expect(page.get_by_text("Mål för lösta i första kontakten: 60 %", exact=False)).to_be_visible()
    assert serious_violations(page) == []
    page.get_by_role("button", name="Använd standard").click()
    expect(page.get_by_text("samma kontakt inom 7 dagar", exact=False)).to_be_visible()

    open_tab(page, "Före och efter")
    compare = page.get_by_role("form", name="Jämför två perioder")
    for label, day in (
        ("Före: första dagen", "2026-01-05"),
        ("Före: sista dagen", "2026-01-11"),
        ("Efter: första dagen", "2026-02-23"),
        ("Efter: sista dagen", "2026-03-01"),
    ):
        compare.get_by_label(label).fill(day)
    compare.get_by_role("button", name="Jämför").click()
    changes = page.get_by_role("table", name="Före 2026-01-05 – 2026-01-11 och efter 2026-02-23")
    expect(changes.get_by_role("row", name="Faktura VA")).to_be_visible()


def test_an_import_is_deleted_after_a_question_naming_its_file(page, app_url, tmp_path):
    name = f"kontakter-{uuid.uuid4().hex[:6]}.csv"
    contacts_file(tmp_path / name, f"Borttagning {uuid.uuid4().hex[:6]}")
    log_in_as(page, app_url, "strateg@demo.se", "Erik Johansson")
    page.goto(f"{app_url}/kundresor/kontakter")
    page.locator("#contacts-upload input[type=file]").set_input_files(str(tmp_path / name))
    form = page.get_by_role("form", name="Importera kontakter")
    form.get_by_label("Datum").select_option("tidpunkt")
    form.get_by_label("Enhet").select_option(label="Kommunledningsförvaltningen / Servicecenter")
    form.get_by_role("button", name="Importera kontakter").click()
    expect(page.get_by_role("status").filter(has_text="Importerat")).to_be_visible()

    delete_after_question(
        page,
        page.get_by_role("button", name=f"Ta bort {name}"),
        f"Ta bort importen ”{name}”?",
        page.get_by_role("link", name=name),
    )
    expect(page.get_by_role("status")).to_have_text("Importen är borttagen.")
    expect(page.get_by_role("link", name=name)).to_have_count(0)
