"""Login, navigation by role, access control and accessibility in the real browser."""

import re
import uuid

import pytest
from playwright.sync_api import expect

from academy.core.settings import PROJECT_ROOT
from academy.demo import DEMO_PASSWORD
from tests.e2e.conftest import log_in, log_in_as, serious_violations

pytestmark = pytest.mark.e2e

ACCOUNTS = {
    "admin@demo.se": (
        "Anna Lindqvist",
        ["Inventering", "Utbildning", "Träning", "Kundresor", "Administration"],
    ),
    "utbildare@demo.se": ("Karin Berg", ["Inventering", "Utbildning", "Träning", "Kundresor"]),
    "medarbetare@demo.se": ("Sara Nilsson", ["Inventering", "Utbildning", "Träning", "Kundresor"]),
    "strateg@demo.se": ("Erik Johansson", ["Kundresor"]),
}
SCREENSHOTS = PROJECT_ROOT / "docs" / "screenshots"


def test_login_page_has_no_serious_accessibility_violations(page, app_url):
    page.goto(f"{app_url}/logga-in")
    expect(page.get_by_role("heading", level=1)).to_have_text("Logga in")
    assert serious_violations(page) == []


@pytest.mark.parametrize("email", list(ACCOUNTS))
def test_each_demo_account_sees_exactly_its_navigation(page, app_url, email):
    name, areas = ACCOUNTS[email]
    log_in_as(page, app_url, email, name)
    expect(page).to_have_url(f"{app_url}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Hej {name}!")
    nav = page.get_by_role("navigation", name="Huvudmeny")
    expect(nav.get_by_role("link")).to_have_text(areas)
    assert serious_violations(page) == []
    if email == "medarbetare@demo.se":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "home.png"), full_page=True)


def test_wrong_password_gives_the_swedish_message(page, app_url):
    log_in(page, app_url, "medarbetare@demo.se", "fel-losenord")
    expect(page.get_by_role("alert")).to_have_text("Fel e-postadress eller lösenord.")
    expect(page).to_have_url(re.compile(r"/logga-in/?$"))


def test_repeated_failures_lock_the_account_with_a_message(page, app_url):
    for _ in range(5):
        log_in(page, app_url, "ahmed.yusuf@demo.se", "fel-losenord")
        expect(page.get_by_role("alert")).to_have_text("Fel e-postadress eller lösenord.")
    log_in(page, app_url, "ahmed.yusuf@demo.se")  # the right password, too late
    expect(page.get_by_role("alert")).to_contain_text("tillfälligt spärrat")


def test_employee_gets_no_access_to_admin_pages(page, app_url):
    log_in_as(page, app_url, "medarbetare@demo.se", "Sara Nilsson")
    for path in ("/admin", "/admin/enheter", "/admin/logg"):
        page.goto(f"{app_url}{path}")
        expect(page.get_by_role("heading", name="Ingen åtkomst")).to_be_visible()
        expect(page.locator("main")).not_to_contain_text("admin@demo.se")
    assert serious_violations(page) == []


def test_strategist_gets_no_access_to_training_areas(page, app_url):
    log_in_as(page, app_url, "strateg@demo.se", "Erik Johansson")
    page.goto(f"{app_url}/utbildning")
    expect(page.get_by_role("heading", name="Ingen åtkomst")).to_be_visible()
    page.goto(f"{app_url}/kundresor")
    expect(page.get_by_role("heading", level=1)).to_have_text("Kundresor")


def test_login_survives_reload_and_logout_ends_it(page, app_url):
    log_in_as(page, app_url, "utbildare@demo.se", "Karin Berg")
    page.reload()
    expect(page.locator("#user-name")).to_have_text("Karin Berg")
    page.get_by_role("button", name="Logga ut").click()
    expect(page).to_have_url(re.compile(r"/logga-in/?(\?utloggad=1)?$"))
    expect(page.get_by_text("Du är utloggad.")).to_be_visible()
    assert not [c for c in page.context.cookies() if c["name"] == "sa_session"]
    page.goto(f"{app_url}/utbildning")
    expect(page).to_have_url(re.compile(r"/logga-in/?$"))


def test_the_login_cookie_is_out_of_reach_of_scripts_and_of_the_socket(page, app_url):
    frames: list[str] = []
    page.on(
        "websocket",
        lambda ws: (
            ws.on("framereceived", lambda payload: frames.append(str(payload))),
            ws.on("framesent", lambda payload: frames.append(str(payload))),
        ),
    )
    log_in_as(page, app_url, "medarbetare@demo.se", "Sara Nilsson")
    (cookie,) = [c for c in page.context.cookies() if c["name"] == "sa_session"]
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict" and cookie["path"] == "/"
    assert not cookie["secure"]  # served over plain http here; https makes it Secure
    assert "sa_session" not in page.evaluate("document.cookie")
    page.get_by_role("link", name="Utbildning", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert frames and not [f for f in frames if cookie["value"] in f]


# Keeps the tab's token where kit.js would drop it: the server's own guard is then all there is.
KEEP_THE_TOKEN = """() => {
    const remove = Storage.prototype.removeItem;
    Storage.prototype.removeItem = function (key) {
        if (key !== "token") remove.call(this, key);
    };
}"""


def nothing_of_the_previous_person(page, app_url: str, keep_token: bool) -> None:
    """A trainer's pages, then "Logga ut" and a strategist's login in the same tab: nothing the
    server sends after the logout names the trainer's cohorts or the trainer."""
    if keep_token:
        page.add_init_script(f"({KEEP_THE_TOKEN})()")
    log_in_as(page, app_url, "utbildare@demo.se", "Karin Berg")
    page.get_by_role("link", name="Utbildning", exact=True).click()
    cohort = "Bemötande i telefon – Servicecenter våren 2026"
    expect(page.get_by_text(cohort).first).to_be_visible()
    trainers_token = page.evaluate("sessionStorage.getItem('token')")
    frames: list[str] = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda p: frames.append(str(p))))
    page.get_by_role("button", name="Logga ut").click()
    expect(page.get_by_text("Du är utloggad.")).to_be_visible()
    log_in_as(page, app_url, "strateg@demo.se", "Erik Johansson")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert frames  # the login page and the strategist's pages did hydrate
    assert not [f for f in frames if cohort in f or "Karin Berg" in f]
    assert (page.evaluate("sessionStorage.getItem('token')") == trainers_token) is keep_token


@pytest.mark.parametrize("token", ["dropped by kit.js", "kept by the browser"])
def test_after_logging_out_the_browser_holds_nothing_of_the_previous_person(page, app_url, token):
    """The server keeps each page's data in the tab's state and sends a new connection all of
    it. After "Logga ut" the login page (a shared desk's next user) receives none of the
    trainer's pages, and the next person's pages none of them either: logging in and out start
    a new tab state (kit.js), and a tab that keeps its token anyway is emptied by the server
    when its connection carries another login (academy.core.web.tab_owner)."""
    nothing_of_the_previous_person(page, app_url, keep_token=token == "kept by the browser")


# A hand-over form as the login page shows it, with a code the server does not know.
HAND_OVER = """() => {
    const form = document.createElement("form");
    form.method = "post";
    form.action = "/api/inloggning";
    form.setAttribute("data-autosubmit", "once");
    form.innerHTML = '<input type="hidden" name="code" value="ingen-sadan-kod">';
    document.body.appendChild(form);
}"""


def test_the_hand_over_is_posted_even_when_the_same_update_removed_changed_text(page, app_url):
    """kit.js posts the login's hand-over as it appears, whatever else the same update did: a
    text node changed and then removed in that update (a toast closing) must not stop it."""
    page.goto(f"{app_url}/logga-in")
    expect(page.locator("html[data-kit=ready]")).to_have_count(1)  # kit.js is watching
    page.evaluate(
        """() => {
            window.changedText = document.createTextNode("Ansluter …");
            document.body.appendChild(window.changedText);
        }"""
    )
    # In one task, so the observer gets the three changes in one call.
    page.evaluate(
        f"""() => {{
            window.changedText.data = "Ansluten";
            window.changedText.remove();
            ({HAND_OVER})();
        }}"""
    )
    # The made-up code is refused: the form comes back with the hand-over's own message.
    expect(page.get_by_role("status").filter(has_text="Inloggningen")).to_have_text(
        "Inloggningen kunde inte slutföras. Logga in igen."
    )


def test_a_hand_over_already_on_the_page_when_kit_js_starts_is_posted(page, app_url):
    """The page adds kit.js to the head after React has rendered, so a login answered quickly
    can show its hand-over first: kit.js posts one that is already there when it starts."""
    held = []
    page.route("**/kit.js", lambda route: held.append(route))
    page.goto(f"{app_url}/logga-in")
    expect(page.get_by_role("heading", level=1)).to_have_text("Logga in")
    # (a locator, not wait_for_function: the page's CSP refuses the evaluated string that
    # wait_for_function polls with once its first check fails)
    expect(page.locator('script[src="/kit.js"]')).to_be_attached()
    page.evaluate(HAND_OVER)
    while not held:  # the request for kit.js, held until the hand-over is in the page
        page.wait_for_timeout(50)
    held[0].continue_()
    expect(page.get_by_role("status").filter(has_text="Inloggningen")).to_have_text(
        "Inloggningen kunde inte slutföras. Logga in igen."
    )


def test_pages_need_a_login(page, app_url):
    page.goto(f"{app_url}/admin")
    expect(page).to_have_url(re.compile(r"/logga-in/?$"))


def test_admin_creates_a_user_and_sees_the_audit_log(page, app_url):
    log_in_as(page, app_url, "admin@demo.se", "Anna Lindqvist")
    page.get_by_role("link", name="Administration", exact=True).click()
    expect(page.get_by_role("heading", name="Ny användare")).to_be_visible()
    assert serious_violations(page) == []

    form = page.get_by_role("form", name="Användare")
    form.get_by_label("Namn").fill("Nora Nyberg")
    form.get_by_label("E-post").fill("nora.nyberg@demo.se")
    form.get_by_label("Enhet").select_option(label="Kommunledningsförvaltningen / Servicecenter")
    form.get_by_label("Medarbetare").check()
    form.get_by_label("Lösenord").fill("blåbär-kanot-92-fönster")
    form.get_by_role("button", name="Spara").click()
    expect(page.get_by_role("status")).to_have_text("Användaren nora.nyberg@demo.se är sparad.")
    expect(page.get_by_role("row", name=re.compile("Nora Nyberg"))).to_contain_text("Medarbetare")

    form.get_by_label("Namn").fill("Nora Dubblett")
    form.get_by_label("E-post").fill("nora.nyberg@demo.se")
    form.get_by_label("Medarbetare").check()
    form.get_by_label("Lösenord").fill("blåbär-kanot-92-fönster")
    form.get_by_role("button", name="Spara").click()
    expect(page.get_by_role("alert")).to_have_text(
        "Det finns redan en användare med e-postadressen nora.nyberg@demo.se."
    )

    page.get_by_role("link", name="Händelselogg").click()
    created = page.get_by_role("row").filter(has_text="nora.nyberg@demo.se")
    expect(created.filter(has_text="Användare skapad")).to_have_count(1)
    expect(created.filter(has_text="Användare skapad")).to_contain_text("admin@demo.se")
    assert serious_violations(page) == []


def _create_user(page, name: str, email: str) -> None:
    form = page.get_by_role("form", name="Användare")
    form.get_by_label("Namn").fill(name)
    form.get_by_label("E-post").fill(email)
    form.get_by_label("Medarbetare").check()
    form.get_by_label("Lösenord").fill("blåbär-kanot-92-fönster")
    form.get_by_role("button", name="Spara").click()
    expect(form.get_by_role("status")).to_have_text(f"Användaren {email} är sparad.")


def test_deactivating_a_user_asks_first_and_ends_the_account(page, new_page, app_url):
    suffix = uuid.uuid4().hex[:6]
    name, email = f"Vera Vikarie {suffix}", f"vera.{suffix}@demo.se"
    log_in_as(page, app_url, "admin@demo.se", "Anna Lindqvist")
    page.goto(f"{app_url}/admin")
    _create_user(page, name, email)
    row = page.get_by_role("row", name=re.compile(name))
    expect(row).to_contain_text("Aktiv")

    # Cancelling the question changes nothing.
    row.get_by_role("button", name=f"Inaktivera {name}").click()
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_role("heading")).to_have_text(f"Inaktivera {name}?")
    expect(dialog.get_by_role("button", name="Avbryt")).to_be_focused()
    dialog.get_by_role("button", name="Avbryt").click()
    expect(dialog).to_be_hidden()
    expect(row).not_to_contain_text("Inaktiverad")

    # Confirming deactivates, and the message stands in the user's row.
    row.get_by_role("button", name=f"Inaktivera {name}").click()
    page.get_by_role("dialog").get_by_role("button", name="Inaktivera").click()
    expect(row.get_by_role("status")).to_have_text(f"{name} är inaktiverad.")
    expect(row).to_contain_text("Inaktiverad")
    expect(row.get_by_role("button", name=f"Aktivera {name}", exact=True)).to_be_visible()

    other = new_page()
    log_in(other, app_url, email, "blåbär-kanot-92-fönster")
    expect(other.get_by_role("alert")).to_contain_text("inaktiverat")
    assert serious_violations(page) == []


# Two submits in a row, as a double click sends them: what the form says right after them.
DOUBLE_SUBMIT = """form => {
    form.requestSubmit();
    form.requestSubmit();
    return [form.getAttribute("aria-busy"),
            form.querySelector("[data-pending-status]").textContent];
}"""


def test_the_login_form_says_it_waits_and_sends_no_second_check(page, app_url):
    """When a whole shift logs in at once, a password check takes seconds. Meanwhile the form
    says it is logging in and sends nothing more (a second click or Enter would only be another
    check and another failure counted); each answer ends the wait."""
    page.goto(f"{app_url}/logga-in")
    page.get_by_label("E-post").fill("karl.berglund@demo.se")
    page.get_by_label("Lösenord").fill("fel-losenord")
    form = page.get_by_role("form", name="Logga in")
    status = form.locator("[data-pending-status]")
    for _ in range(4):
        waiting = form.evaluate(DOUBLE_SUBMIT)
        assert waiting == ["true", "Loggar in …"]
        expect(form).not_to_have_attribute("aria-busy", "true")
        expect(page.get_by_role("alert")).to_have_text("Fel e-postadress eller lösenord.")
        expect(status).to_have_text("")
        expect(status).to_have_attribute("role", "status")
    # Four failures were counted, not eight: five would have locked the account.
    page.get_by_label("Lösenord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    expect(page.locator("#user-name")).to_have_text("Karl Berglund")


def test_a_double_click_on_byt_losenord_changes_the_password_once(page, app_url):
    """A second click while the passwords are checked would try the old password again and
    show a refusal after the change went through; the form sends it no more."""
    log_in_as(page, app_url, "sofia.nyberg@demo.se", "Sofia Nyberg")
    page.goto(f"{app_url}/byt-losenord")
    change = page.get_by_role("form", name="Byt lösenord")
    change.get_by_label("Nuvarande lösenord").fill(DEMO_PASSWORD)
    change.get_by_label("Nytt lösenord", exact=True).fill("hallon-paddel-47-dörr")
    change.get_by_label("Nytt lösenord igen").fill("hallon-paddel-47-dörr")
    waiting = change.evaluate(DOUBLE_SUBMIT)
    assert waiting == ["true", "Byter lösenord …"]
    expect(page.get_by_role("status").filter(has_text="bytt")).to_have_text(
        "Ditt lösenord är bytt."
    )
    expect(page.get_by_role("alert")).to_have_count(0)
    expect(change).not_to_have_attribute("aria-busy", "true")
    page.get_by_role("button", name="Logga ut").click()
    log_in(page, app_url, "sofia.nyberg@demo.se", "hallon-paddel-47-dörr")
    expect(page.locator("#user-name")).to_have_text("Sofia Nyberg")
