"""The accessibility statement, the personal-data page, Mina uppgifter and one-time passwords."""

import re
import uuid

import pytest
from playwright.sync_api import expect

from academy.core.settings import PROJECT_ROOT
from tests.e2e.conftest import log_in, log_in_as, serious_violations

pytestmark = pytest.mark.e2e
SCREENSHOTS = PROJECT_ROOT / "docs" / "screenshots"


def _shots(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_the_statement_is_linked_from_the_footer_and_readable_without_login(page, app_url):
    page.goto(f"{app_url}/logga-in")
    page.get_by_role("navigation", name="Om tjänsten").get_by_role(
        "link", name="Tillgänglighet"
    ).click()
    expect(page).to_have_url(re.compile(r"/tillganglighet/?$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Tillgänglighet för Serviceakademin")
    expect(page.locator("main")).to_contain_text("förenlig")
    expect(page.get_by_role("link", name=re.compile("anmäla det till DIGG"))).to_have_attribute(
        "href", "https://www.digg.se/tdosanmalan"
    )
    assert serious_violations(page) == []
    _shots(page, "tillganglighet")

    page.get_by_role("link", name="Personuppgifter").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Så hanteras personuppgifter")
    expect(page.get_by_role("table")).to_contain_text("24 månader")
    expect(page.locator("main")).to_contain_text("en enda kaka, sa_session")
    assert serious_violations(page) == []


def test_an_admin_edits_the_statement(page, app_url):
    organisation = f"Exempelby kommun {uuid.uuid4().hex[:6]}"
    log_in_as(page, app_url, "admin@demo.se", "Anna Lindqvist")
    page.goto(f"{app_url}/admin/tillganglighet")
    form = page.get_by_role("form", name="Tillgänglighetsredogörelse")
    form.get_by_label("Myndighetens namn").fill(organisation)
    form.get_by_label("Förenlighet med lagen").select_option("delvis")
    form.get_by_role("button", name="Spara").click()
    expect(form.get_by_role("status")).to_have_text("Tillgänglighetsredogörelsen är sparad.")
    assert serious_violations(page) == []
    page.goto(f"{app_url}/tillganglighet")
    expect(page.locator("main")).to_contain_text(organisation)


def test_mina_uppgifter_offers_the_register_extract(page, app_url):
    log_in_as(page, app_url, "medarbetare@demo.se", "Sara Nilsson")
    page.get_by_role("link", name="Mina uppgifter").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mina uppgifter")
    with page.expect_download() as download:
        page.get_by_role("link", name="Ladda ner som PDF").click()
    assert download.value.suggested_filename == "registerutdrag-sara-nilsson.pdf"
    assert serious_violations(page) == []
    _shots(page, "mina-uppgifter")


def test_a_one_time_password_must_be_replaced_first(page, new_page, app_url):
    suffix = uuid.uuid4().hex[:6]
    email = f"olle.{suffix}@demo.se"
    log_in_as(page, app_url, "admin@demo.se", "Anna Lindqvist")
    page.goto(f"{app_url}/admin")
    form = page.get_by_role("form", name="Användare")
    form.get_by_label("Namn").fill(f"Olle Olsson {suffix}")
    form.get_by_label("E-post").fill(email)
    form.get_by_label("Medarbetare").check()
    form.get_by_label("Lösenord").fill("aaaaaaaaaa")
    form.get_by_role("button", name="Spara").click()
    expect(form.locator("#f-password-error")).to_contain_text("för lätt att gissa")
    form.get_by_label("Lösenord").fill("gurka-tromb0n-vals")
    form.get_by_role("button", name="Spara").click()
    expect(form.get_by_role("status")).to_have_text(f"Användaren {email} är sparad.")

    olle = new_page()
    log_in(olle, app_url, email, "gurka-tromb0n-vals")
    expect(olle).to_have_url(re.compile(r"/byt-losenord/?$"))
    expect(olle.get_by_role("status").first).to_contain_text("engångslösenord")
    olle.goto(f"{app_url}/utbildning")
    expect(olle).to_have_url(re.compile(r"/byt-losenord/?$"))
    assert serious_violations(olle) == []
    change = olle.get_by_role("form", name="Byt lösenord")
    change.get_by_label("Nuvarande lösenord").fill("gurka-tromb0n-vals")
    change.get_by_label("Nytt lösenord", exact=True).fill("blåbär-kanot-92-fönster")
    change.get_by_label("Nytt lösenord igen").fill("blåbär-kanot-92-fönster")
    change.get_by_role("button", name="Byt lösenord").click()
    expect(olle.locator("#user-name")).to_have_text(f"Olle Olsson {suffix}")
    expect(olle).not_to_have_url(re.compile(r"/byt-losenord/?$"))
