"""Reflex entry point: the app, its head, and every area's pages and downloads."""

import reflex as rx

# Reflex imports its model module (sqlmodel, alembic: about 0.4 s) the first time an event
# carries a dict, e.g. the first login after a start, and the event loop stands still while it
# does. Imported here, it is done at start-up instead.
import reflex.model  # noqa: F401
from reflex import constants
from reflex.utils import prerequisites
from starlette.applications import Starlette

from academy import ui
from academy.admin.web import routes as admin
from academy.core.web import collector, routing
from academy.core.web.headers import SecurityHeaders
from academy.core.web.opening import install as open_pages_in_one_event
from academy.core.web.session import PageOpener
from academy.core.web.tab_owner import install as forget_other_logins_on_hydrate
from academy.core.web.unexpected import backend_exception_handler
from academy.core.web.upload_limit import UploadLimit
from academy.courses.web import routes as courses
from academy.home.web import routes as home
from academy.inventory.web import routes as inventory
from academy.journeys.web import routes as journeys
from academy.journeys.web.warm_up import keep_contact_figures
from academy.practice.web import routes as practice
from academy.privacy.web import routes as privacy

AREAS = [home, inventory, courses, practice, journeys, admin, privacy]


def _built_pages():
    """Where the production build's pages are (their inline scripts get CSP hashes)."""
    return prerequisites.get_web_dir() / constants.Dirs.STATIC


app = rx.App(
    stylesheets=[
        "/styles.css",
        "/css/inventory.css",
        "/css/practice.css",
        "/css/privacy.css",
        "/css/quiz.css",
        "/css/journey-blueprint.css",
    ],
    head_components=[
        rx.el.meta(name="description", content="Serviceakademin"),
        rx.script(src="/kit.js", defer=True),
        rx.script(src="/journey-diagram.js", defer=True),
    ],
    html_lang="sv",
    backend_exception_handler=backend_exception_handler,
    api_transformer=[
        Starlette(routes=[route for area in AREAS for route in area.API]),
        lambda asgi: SecurityHeaders(asgi, _built_pages),
        UploadLimit,
    ],
)

# Reflex's connection overlay (an icon with an English tooltip) and the page it shows when the
# browser fails to draw one (English, with the stack trace) replaced by Swedish ones.
app.app_wraps[(5, "Overlay")] = lambda stateful: ui.connection_notice() if stateful else None
app.app_wraps[(55, "ErrorBoundary")] = lambda stateful: ui.render_error_boundary(
    **({} if stateful else {"on_error": rx.noop()})
)

for area in AREAS:
    for page in area.PAGES:
        # The login check and the page's loaders (PageOpener), run inside Reflex's navigation
        # event by `open_pages_in_one_event` below.
        routing.register(page)
        app.add_page(
            page.component,
            route=page.route,
            title=f"{page.title} – Serviceakademin",
            on_load=PageOpener.open_page(page.route),
        )
open_pages_in_one_event(app)
forget_other_logins_on_hydrate(app)
# When the server has started: a larger young generation for the collector, and the contact
# figures people open first.
app.register_lifespan_task(collector.settle)
app.register_lifespan_task(keep_contact_figures)
