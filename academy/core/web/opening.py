"""A page opens in one event: Reflex's navigation event runs the page's loaders itself.

Reflex answers a navigation with `on_load_internal`, which queues the page's on_load handlers as
events of their own and then one more that sets `is_hydrated`: three events per page, each
taking the tab's state lock, resolving a delta and sending a message (four in a new tab). Under
load each event also waits its turn behind every other tab's. `install` registers, for the
navigation event, a handler that runs `PageOpener`'s opening of the page in the same event and
then sets `is_hydrated`; routes without loaders keep Reflex's handler. Everything the page's
opening did before (the login check first, the loaders each checking role and scope, background
loaders chained as events of their own) is unchanged.

Reflex 0.10's `on_load_internal` is the one handler the frontend sends on every navigation;
`tests/e2e/test_page_opening.py` fails if a Reflex upgrade changes its name or stops
routing it through the registry this replaces it in.
"""

from __future__ import annotations

import reflex as rx
from reflex.state import OnLoadInternalState
from reflex_base.utils.format import format_route

from academy.core.web import routing
from academy.core.web.reflex_events import replace_event_handler
from academy.core.web.session import PageOpener


def install(app: rx.App) -> None:
    """Let `app`'s navigation event open registered pages inline."""
    by_route = {format_route(route): page for route, page in routing.LOADERS.items()}

    def make(reflex_fn):
        async def on_load_internal(self: OnLoadInternalState):
            page = by_route.get(app.router(self.rx_router_url.path) or "")
            if page is None:
                return reflex_fn(self)
            opener = await self.get_state(PageOpener)
            chained = await opener._open(page)
            self.is_hydrated = True
            return chained

        return on_load_internal

    replace_event_handler(OnLoadInternalState, "on_load_internal", make)
