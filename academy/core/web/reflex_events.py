"""Replacing one of Reflex's own event handlers with the app's, the one way.

The app takes over two events the frontend sends on its own: the navigation event
(academy.core.web.opening) and the hydrate of a new connection (academy.core.web.tab_owner).
Reflex routes an event through its registry by the handler's name; the replacement keeps the
name and Reflex's marks on the function (`functools.update_wrapper`: a newer navigation
cancels the unfinished work of the one before it by such a mark). The browser tests of both
fail if a Reflex upgrade renames the event or stops routing it through the registry.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from reflex_base.event import EventHandler
from reflex_base.registry import RegistrationContext


def replace_event_handler(state: type, name: str, make: Callable[[Callable], Callable]) -> None:
    """Route `state`'s event `name` to `make(reflex_fn)`, given Reflex's own function."""
    reflex_fn = state.event_handlers[name].fn
    fn = functools.update_wrapper(make(reflex_fn), reflex_fn)
    handler = EventHandler(fn=fn, state=state)
    setattr(state, name, handler)
    state.event_handlers[name] = handler
    RegistrationContext.register_event_handler(handler, states=(state,))
