"""Reflex entry point: the app, its theme and its pages."""

import reflex as rx
from starlette.applications import Starlette

from academy.admin import pages as admin_pages
from academy.admin.state import AdminState
from academy.core.login_state import LoginState
from academy.core.session_state import LOGIN_ROUTE, SessionState
from academy.home import pages as home_pages
from academy.inventory import pages as inventory_pages
from academy.inventory.api import ROUTES as INVENTORY_ROUTES
from academy.inventory.profile_state import CompareState, ProfileState
from academy.inventory.state import AnswerState, InventoryState
from journeys import pages as journey_pages
from journeys.api import ROUTES as JOURNEY_ROUTES
from journeys.state import JourneyCompareState, JourneyEditorState, JourneyListState

app = rx.App(
    stylesheets=["/styles.css"],
    head_components=[
        rx.el.meta(name="description", content="Serviceakademin"),
        rx.script(src="/journey-diagram.js", defer=True),
    ],
    html_lang="sv",
    api_transformer=Starlette(routes=JOURNEY_ROUTES + INVENTORY_ROUTES),
)

app.add_page(
    home_pages.login_page,
    route=LOGIN_ROUTE,
    title="Logga in – Serviceakademin",
    on_load=LoginState.open_login,
)
app.add_page(
    home_pages.home_page,
    route="/",
    title="Start – Serviceakademin",
    on_load=[SessionState.require_login, home_pages.HomeState.load],
)
for area, route, title in [
    ("courses", "/utbildning", "Utbildning"),
    ("practice", "/traning", "Träning"),
]:
    app.add_page(
        home_pages.area_page(area),
        route=route,
        title=f"{title} – Serviceakademin",
        on_load=SessionState.require_login,
    )

for page, route, title, loader in [
    (admin_pages.users_page, "/admin", "Användare", AdminState.load_users),
    (admin_pages.units_page, "/admin/enheter", "Enheter", AdminState.load_units),
    (admin_pages.audit_page, "/admin/logg", "Händelselogg", AdminState.load_events),
]:
    app.add_page(
        page,
        route=route,
        title=f"{title} – Administration – Serviceakademin",
        on_load=[SessionState.require_login, loader],
    )

for page, route, title, loader in [
    (journey_pages.list_page, "/kundresor", "Kundresor", JourneyListState.load),
    (journey_pages.editor_page, "/kundresor/[journey_id]", "Kundresa", JourneyEditorState.load),
    (
        journey_pages.compare_page,
        "/kundresor/[journey_id]/jamfor",
        "Jämför",
        JourneyCompareState.load,
    ),
]:
    app.add_page(
        page,
        route=route,
        title=f"{title} – Serviceakademin",
        on_load=[SessionState.require_login, loader],
    )

for page, route, title, loader in [
    (inventory_pages.inventory_page, "/inventering", "Inventering", InventoryState.load),
    (inventory_pages.answer_page, "/inventering/[campaign_id]/svara", "Enkät", AnswerState.load),
    (inventory_pages.profile_page, "/inventering/[campaign_id]", "Behovsprofil", ProfileState.load),
    (
        inventory_pages.compare_page,
        "/inventering/[campaign_id]/jamfor",
        "Jämför enkätomgångar",
        CompareState.load,
    ),
]:
    app.add_page(
        page,
        route=route,
        title=f"{title} – Serviceakademin",
        on_load=[SessionState.require_login, loader],
    )
