"""The app shell: skip link, header with navigation by role, main landmark, page guard.

Below 768 px the navigation and the user box fold away behind a "Meny" button (a disclosure:
`aria-expanded` on the button, `aria-controls` pointing at the panel). The button's state is kept
in the DOM by assets/app-menu.js (no round trip to the server); assets/styles.css shows the panel
when the button says it is expanded, and always from 768 px up.
"""

from __future__ import annotations

import reflex as rx

from academy.core.web.session import SessionState
from academy.ui.actions import confirm_dialog
from academy.ui.forms import post_form

# (area, label, route) — the order of the main navigation.
NAV_ITEMS = [
    ("inventory", "Inventering", "/inventering"),
    ("courses", "Utbildning", "/utbildning"),
    ("practice", "Träning", "/traning"),
    ("journeys", "Kundresor", "/kundresor"),
    ("admin", "Administration", "/admin"),
]

MENU_PANEL_ID = "huvudmeny-panel"


def _nav_link(area: str, label: str, route: str) -> rx.Component:
    path = SessionState.router.url.path
    current = (path == route) | path.startswith(route + "/")
    return rx.cond(
        SessionState.allowed_areas.contains(area),
        rx.el.li(
            rx.link(
                label,
                href=route,
                class_name="nav-link",
                data_area=area,
                aria_current=rx.cond(current, "page", "false"),
            )
        ),
    )


def menu_button() -> rx.Component:
    """The disclosure button that opens the navigation on narrow screens."""
    return rx.el.button(
        rx.el.span(class_name="menu-icon", aria_hidden="true"),
        "Meny",
        type="button",
        id="menu-button",
        class_name="menu-button",
        aria_expanded="false",
        aria_controls=MENU_PANEL_ID,
    )


def header() -> rx.Component:
    return rx.el.header(
        rx.link("Serviceakademin", href="/", class_name="brand"),
        menu_button(),
        rx.el.div(
            rx.el.nav(
                rx.el.ul(*[_nav_link(*item) for item in NAV_ITEMS], class_name="nav-list"),
                aria_label="Huvudmeny",
            ),
            rx.el.div(
                rx.el.span(
                    rx.el.span(SessionState.user_name, class_name="user-name", id="user-name"),
                    rx.el.span(SessionState.role_labels, class_name="user-roles"),
                    class_name="user-info",
                ),
                # A plain form: only an HTTP response can clear the HttpOnly login cookie.
                post_form(
                    rx.el.button("Logga ut", type="submit", class_name="button secondary"),
                    action="/api/utloggning",
                    class_name="logout-form",
                ),
                class_name="user-box",
            ),
            id=MENU_PANEL_ID,
            class_name="header-menu",
        ),
        class_name="app-header",
    )


def skip_link() -> rx.Component:
    return rx.el.a("Hoppa till innehållet", href="#innehall", class_name="skip-link")


def no_access() -> rx.Component:
    return rx.el.section(
        rx.heading("Ingen åtkomst", as_="h1", size="7"),
        rx.text(
            "Du har inte behörighet till den här sidan. Om du behöver den i ditt arbete, "
            "be en administratör om rätt roll."
        ),
        rx.link("Till startsidan", href="/"),
        class_name="no-access",
        id="ingen-atkomst",
    )


def loading() -> rx.Component:
    return rx.el.p("Laddar …", aria_live="polite", class_name="muted")


def footer(*, logged_in: bool) -> rx.Component:
    """Every page's footer: the accessibility statement and how personal data is handled."""
    links = [("Tillgänglighet", "/tillganglighet"), ("Personuppgifter", "/personuppgifter")]
    if logged_in:
        links.insert(0, ("Mina uppgifter", "/mina-uppgifter"))
    return rx.el.footer(
        rx.el.nav(
            rx.el.ul(*[rx.el.li(rx.link(label, href=href)) for label, href in links]),
            aria_label="Om tjänsten",
        ),
        class_name="app-footer",
    )


def page_shell(*children: rx.Component, area: str | None = None) -> rx.Component:
    """A page behind the login. With `area`, only users whose roles open it see the content."""
    content = rx.fragment(*children)
    if area is not None:
        content = rx.cond(SessionState.allowed_areas.contains(area), content, no_access())
    return rx.fragment(
        rx.script(src="/app-menu.js"),
        skip_link(),
        header(),
        rx.el.main(
            rx.cond(SessionState.auth_checked & (SessionState.user_name != ""), content, loading()),
            id="innehall",
            class_name="page",
            tab_index=-1,
        ),
        footer(logged_in=True),
        confirm_dialog(),
    )


def public_shell(*children: rx.Component) -> rx.Component:
    return rx.fragment(
        skip_link(),
        rx.el.header(rx.el.span("Serviceakademin", class_name="brand"), class_name="app-header"),
        rx.el.main(*children, id="innehall", class_name="page narrow", tab_index=-1),
        footer(logged_in=False),
    )
