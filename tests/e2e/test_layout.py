"""Layout on a phone (390 px) and a desktop (1280 px): every page each demo role reaches.

Each role logs in once and walks the app the way a person would: from the start page along the
links in the header and on every page (no ids are written down here; they come from the links).
One page per route is enough (/kundresor/1 stands for every journey). On each page, at both widths:
the page must not scroll sideways, every table must have padding in its cells, and Markdown
headings in `.prose` (or the older `.lesson-content`) must be larger than the text around them;
axe-core must find nothing serious (on the phone, where the layout differs most, and on the
desktop start page for the open header). The header's menu button and the Markdown styles get
tests of their own.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page, expect

from academy.core.settings import PROJECT_ROOT
from academy.demo import DEMO_PASSWORD
from tests.e2e.conftest import serious_violations

pytestmark = pytest.mark.e2e

PHONE, DESKTOP = 390, 1280
ROLES = ["admin", "utbildare", "medarbetare", "strateg"]
MAX_ROUTES = 40  # per role; the demo data gives about 25
# Not pages: downloads, the API, logging out.
NOT_A_PAGE = re.compile(
    r"/(api|_upload|_event|logga-ut)(/|$)|\.(csv|xlsx|pdf|png|svg|json|gift|twee|mmd|dot|zip)$",
    re.I,
)

# The page has loaded: the user is known, "Laddar …" is gone and the main content has stopped
# changing for a few polls (the area's data arrives after the login check).
SETTLED = """() => {
  const main = document.querySelector('main');
  const name = document.getElementById('user-name');
  // Public pages (the accessibility statement) have no user box; pages behind the login wait
  // for the person's name.
  const waiting = name ? !name.textContent.trim() : !main?.textContent.trim();
  if (!main || waiting || main.textContent.includes('Laddar …')) {
    window.__layoutSize = -1; window.__layoutStable = 0; return false;
  }
  const size = main.innerHTML.length;
  window.__layoutStable = size === window.__layoutSize ? (window.__layoutStable || 0) + 1 : 0;
  window.__layoutSize = size;
  return window.__layoutStable >= 3;
}"""

# What a person would trip over on the page as it is now.
INSPECT = """() => {
  const width = window.innerWidth;
  const describe = (el) => {
    const cls = typeof el.className === 'string' && el.className.trim()
      ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
    const text = (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
    return `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${cls} "${text}"`;
  };
  const over = document.documentElement.scrollWidth - width;
  const outside = (el) => el.getBoundingClientRect().right > width + 1;
  const culprits = over > 0
    ? [...document.querySelectorAll('body *')]
        .filter((el) => outside(el) && ![...el.children].some(outside))
        .slice(0, 3).map(describe)
    : [];
  const visible = (el) => el.getClientRects().length > 0;
  const bareTables = [...document.querySelectorAll('main table')].filter(visible)
    .filter((table) => {
      const cell = table.querySelector('td, th');
      if (!cell) return false;
      const style = getComputedStyle(cell);
      // A stacked table (a card per row on a phone) pads the row, not each cell.
      const box = style.display === 'block' ? getComputedStyle(cell.parentElement) : style;
      return parseFloat(box.paddingLeft) + parseFloat(box.paddingRight) < 4;
    })
    .map((table) => describe(table.querySelector('caption') || table));
  const flatHeadings = [...document.querySelectorAll(
      ':is(.prose, .lesson-content) :is(h1, h2, h3, h4)')]
    .filter((heading) => {
      const size = (el) => parseFloat(getComputedStyle(el).fontSize);
      return size(heading) <= size(heading.closest('.prose, .lesson-content'));
    })
    .map(describe);
  return {over, culprits, bareTables, flatHeadings};
}"""


def route_of(path: str) -> str:
    """/kundresor/12/jamfor -> /kundresor/{id}/jamfor: one visit stands for all such pages."""
    return re.sub(r"/\d+(?=/|$)", "/{id}", path)


def settle(page: Page) -> None:
    page.wait_for_function(SETTLED, polling=100, timeout=20_000)


def log_in(page: Page, app_url: str, role: str) -> None:
    page.goto(f"{app_url}/logga-in")
    page.get_by_label("E-post").fill(f"{role}@demo.se")
    page.get_by_label("Lösenord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    expect(page).to_have_url(f"{app_url}/")
    settle(page)


@pytest.fixture
def logged_in(browser, app_url):
    """A logged-in browser page per demo role the test asks for (the app may have been built
    again for another test in between, so nothing is kept across tests)."""
    pages: dict[str, Page] = {}

    def page_for(role: str) -> Page:
        if role not in pages:
            context = browser.new_context(
                locale="sv-SE", viewport={"width": DESKTOP, "height": 900}
            )
            context.set_default_timeout(15_000)
            pages[role] = context.new_page()
            log_in(pages[role], app_url, role)
        return pages[role]

    yield page_for
    for page in pages.values():
        page.context.close()


def problems_on(page: Page, where: str, *, axe: bool) -> list[str]:
    found = page.evaluate(INSPECT)
    problems = []
    if found["over"] > 0:
        problems.append(
            f"{where}: scrolls sideways by {found['over']} px ({'; '.join(found['culprits'])})"
        )
    problems += [f"{where}: table without cell padding: {t}" for t in found["bareTables"]]
    problems += [
        f"{where}: Markdown heading no larger than body text: {h}" for h in found["flatHeadings"]
    ]
    if axe:
        problems += [f"{where}: axe: {v}" for v in serious_violations(page)]
    return problems


def links_on(page: Page, app_url: str) -> list[str]:
    base = urlparse(app_url)
    hrefs = page.eval_on_selector_all("a[href]:not([download])", "els => els.map(e => e.href)")
    paths = []
    for href in hrefs:
        url = urlparse(href)
        if url.scheme in ("http", "https") and url.netloc == base.netloc:
            path = url.path.rstrip("/") or "/"
            if not NOT_A_PAGE.search(path):
                paths.append(path)
    return paths


@pytest.mark.parametrize("role", ROLES)
def test_every_page_fits_a_phone_and_a_desktop(logged_in, app_url, role):
    page = logged_in(role)
    queue, seen_routes, visited, problems = ["/"], set(), [], []
    while queue and len(seen_routes) < MAX_ROUTES:
        path = queue.pop(0)
        if route_of(path) in seen_routes:
            continue
        seen_routes.add(route_of(path))
        visited.append(path)
        page.set_viewport_size({"width": DESKTOP, "height": 900})
        page.goto(f"{app_url}{path}")
        settle(page)
        # axe once per page, on the phone; on a desktop only where the header differs.
        problems += problems_on(page, f"{role} {path} @ {DESKTOP} px", axe=path == "/")
        page.set_viewport_size({"width": PHONE, "height": 844})
        page.wait_for_timeout(50)
        problems += problems_on(page, f"{role} {path} @ {PHONE} px", axe=True)
        queue += [p for p in links_on(page, app_url) if route_of(p) not in seen_routes]
    page.set_viewport_size({"width": DESKTOP, "height": 900})
    assert len(visited) > 1, f"{role} reached no page beyond the start page"
    assert problems == [], f"{len(problems)} problems on {len(visited)} pages:\n" + "\n".join(
        problems
    )


def test_login_page_fits_a_phone(browser, app_url):
    context = browser.new_context(locale="sv-SE", viewport={"width": PHONE, "height": 844})
    try:
        page = context.new_page()
        page.goto(f"{app_url}/logga-in")
        expect(page.get_by_role("heading", level=1)).to_have_text("Logga in")
        assert problems_on(page, f"/logga-in @ {PHONE} px", axe=True) == []
    finally:
        context.close()


def test_losing_the_server_shows_a_swedish_notice_until_it_is_back(logged_in, app_url):
    """Reflex's own sign is a pulsing icon with an English tooltip; the app says it in words."""
    page = logged_in("medarbetare")
    page.goto(f"{app_url}/")
    settle(page)
    notice = page.get_by_role("alert").filter(has_text="Ingen kontakt med servern.")
    expect(notice).to_have_count(0)
    page.context.set_offline(True)
    try:
        expect(notice).to_have_text(
            "Ingen kontakt med servern. Det du gör nu sparas inte. Sidan försöker ansluta igen "
            "av sig själv; om det dröjer, ladda om sidan."
        )
        assert page.locator("[title^='Connection Error']").count() == 0
    finally:
        page.context.set_offline(False)
    expect(notice).to_have_count(0)
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def test_the_menu_button_folds_the_navigation_on_a_phone(logged_in, app_url):
    page = logged_in("admin")
    page.goto(f"{app_url}/")
    settle(page)
    nav = page.get_by_role("navigation", name="Huvudmeny")
    menu = page.get_by_role("button", name="Meny")
    expect(menu).to_be_hidden()  # a desktop shows the links in one row
    expect(nav.get_by_role("link")).to_have_count(5)
    header = page.locator(".app-header").bounding_box()
    assert header is not None and header["height"] < 80, "the header is one row on a desktop"

    page.set_viewport_size({"width": PHONE, "height": 844})
    try:
        expect(menu).to_be_visible()
        expect(menu).to_have_attribute("aria-expanded", "false")
        expect(nav).to_be_hidden()
        expect(page.locator("#user-name")).to_have_text("Anna Lindqvist")
        header = page.locator(".app-header").bounding_box()
        assert header is not None and header["height"] < 80, "the folded header is one row"
        panel = page.locator(f"#{menu.get_attribute('aria-controls')}")

        menu.focus()
        page.keyboard.press("Enter")
        expect(menu).to_have_attribute("aria-expanded", "true")
        expect(panel).to_be_visible()
        expect(nav.get_by_role("link", name="Kundresor")).to_be_visible()
        expect(page.get_by_role("button", name="Logga ut")).to_be_visible()
        assert serious_violations(page) == []
        page.keyboard.press("Tab")
        expect(nav.get_by_role("link", name="Inventering")).to_be_focused()
        page.keyboard.press("Escape")
        expect(menu).to_have_attribute("aria-expanded", "false")
        expect(menu).to_be_focused()
        expect(nav).to_be_hidden()

        page.keyboard.press("Space")
        expect(nav).to_be_visible()
        nav.get_by_role("link", name="Kundresor").click()
        expect(page).to_have_url(f"{app_url}/kundresor")
        expect(page.get_by_role("heading", level=1)).to_have_text("Kundresor")
        expect(menu).to_have_attribute("aria-expanded", "false")
        expect(nav).to_be_hidden()
        current = page.locator(".nav-link[aria-current='page']")
        expect(current).to_have_text("Kundresor")
    finally:
        page.set_viewport_size({"width": DESKTOP, "height": 900})


LESSON_MARKDOWN = """# Rubrik ett

Ett stycke med **fet** text, `kod` och en [länk](https://example.org).

## Rubrik två

- En punkt
  - En underpunkt
- En punkt till

### Rubrik tre

1. Först
2. Sedan

#### Rubrik fyra

> Ett citat.

| I stället för | Säg |
|---|---|
| erhålla | få |

---
"""


def test_lesson_markdown_keeps_its_formatting(logged_in, app_url):
    """Headings, lists, a quote and a table in a lesson preview look like what they are."""
    page = logged_in("utbildare")
    page.goto(f"{app_url}/utbildning")
    settle(page)
    editor_links = [p for p in links_on(page, app_url) if route_of(p) == "/utbildning/kurser/{id}"]
    assert editor_links, "the trainer's Utbildning page links to a course editor"
    page.goto(f"{app_url}{editor_links[0]}")
    settle(page)
    page.get_by_role("button", name=re.compile("^Ny lektion")).first.click()
    form = page.get_by_role("form", name="Lektion")
    content = form.get_by_label("Innehåll (Markdown)")
    content.fill(LESSON_MARKDOWN)
    content.blur()
    form.get_by_role("button", name="Förhandsgranska").click()
    preview = form.locator(".preview :is(.prose, .lesson-content)")
    expect(preview.locator("h4")).to_have_text("Rubrik fyra")

    styles = preview.evaluate(
        """(box) => {
          const css = (sel, prop) => getComputedStyle(box.querySelector(sel))[prop];
          return {
            text: parseFloat(getComputedStyle(box).fontSize),
            headings: ['h1', 'h2', 'h3', 'h4'].map((h) => parseFloat(css(h, 'fontSize'))),
            ul: css('ul', 'listStyleType'), nested: css('ul ul', 'listStyleType'),
            ol: css('ol', 'listStyleType'), indent: parseFloat(css('ul', 'paddingLeft')),
            cell: parseFloat(css('td', 'paddingLeft')), rule: css('td', 'borderBottomStyle'),
            quote: css('blockquote', 'borderLeftStyle'),
            gap: parseFloat(css('h2', 'marginTop')),
          };
        }"""
    )
    assert styles["headings"] == sorted(styles["headings"], reverse=True)
    assert len(set(styles["headings"])) == 4 and min(styles["headings"]) > styles["text"]
    assert (styles["ul"], styles["nested"], styles["ol"]) == ("disc", "circle", "decimal")
    assert styles["indent"] > 0 and styles["cell"] >= 4 and styles["rule"] == "solid"
    assert styles["quote"] == "solid" and styles["gap"] > 0

    page.set_viewport_size({"width": PHONE, "height": 844})
    try:
        where = f"course editor, lesson form with preview @ {PHONE} px"
        assert problems_on(page, where, axe=True) == []
    finally:
        page.set_viewport_size({"width": DESKTOP, "height": 900})
        form.get_by_role("button", name="Avbryt").click()


# As Reflex's state.js adds its banner (the test checks its words and id in the built frontend).
ADD_REFLEX_BANNER = """() => {
  const banner = document.createElement("div");
  banner.id = "reflex-new-version-banner";
  banner.setAttribute("role", "alert");
  banner.append("A new version of this app is available.");
  const button = document.createElement("button");
  button.textContent = "Reload";
  banner.append(button);
  document.body.append(banner);
}"""


@pytest.mark.parametrize("kit_first", [True, False], ids=["kit-js-first", "banner-first"])
def test_reflex_s_banner_for_a_new_version_speaks_swedish(page, app_url, kit_first):
    """A tab left open while a new version is put in place gets a banner from Reflex's own
    state.js (plain DOM, in English), as its socket connects: before kit.js has started, or
    after. kit.js puts it in Swedish either way."""
    state_js = (PROJECT_ROOT / ".web" / "utils" / "state.js").read_text()
    assert 'NEW_VERSION_BANNER_ID = "reflex-new-version-banner"' in state_js
    assert 'banner.append("A new version of this app is available.");' in state_js
    held = []
    if not kit_first:
        page.route("**/kit.js", lambda route: held.append(route))
    page.goto(f"{app_url}/logga-in")
    expect(page.get_by_role("heading", level=1)).to_have_text("Logga in")
    if kit_first:
        expect(page.locator("html[data-kit=ready]")).to_have_count(1)
        page.evaluate(ADD_REFLEX_BANNER)
    else:
        page.evaluate(ADD_REFLEX_BANNER)
        while not held:  # the request for kit.js, held until the banner is in the page
            page.wait_for_timeout(50)
        held[0].continue_()
    banner = page.locator("#reflex-new-version-banner")
    expect(banner).to_have_role("alert")
    expect(banner).to_have_text("En ny version av Serviceakademin finns. Ladda om sidan.Ladda om")
    expect(banner.get_by_role("button")).to_have_text("Ladda om")
