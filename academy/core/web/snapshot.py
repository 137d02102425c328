"""A new tab's first snapshot leaves out the app states nothing has touched.

Every new connection is sent a snapshot of the tab's whole state tree (Reflex's
`hydrate_and_load`): Reflex builds all 42 states' vars (407 of them; most of the time goes into
creating their default values) and then compares each with the defaults compiled into the
frontend, dropping those that match. For a new tab nearly every state is untouched, so all of
that work ends in sending nothing: in-process a fresh tab's hydrate took 2.04 ms, and 0.64 ms
with the untouched states left out (docs/performance.md).

A state is left out only when both hold:
- no var of it was ever read or set on the server (Reflex creates a var's value the first time
  it is read), so every var still holds its class default; and
- the browser said, with the hashes of its first hydrate of a page, that it holds the compiled
  defaults of that very state, and they are the backend's (the check Reflex itself makes).

A reconnect sends no hashes, so it is sent everything as before. The comparison uses Reflex's
snapshot of the compiled defaults, a private part of `reflex.state`: if it is missing or
changes shape, nothing is left out. Reflex does not let a state class define `dict` (it would
be taken for an event handler), so `install` sets it on the app's base state once the class
exists, as core/web/reflex_events.py replaces Reflex's own events.
tests/integration/test_snapshot.py holds what is sent equal to what Reflex alone sends.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from reflex import state as reflex_state

# The full names of the states the browser holds the compiled defaults of, during a hydrate.
_AT_DEFAULTS: ContextVar[frozenset[str]] = ContextVar("at_defaults", default=frozenset())


def states_at_defaults(hashes: list[str] | None) -> frozenset[str]:
    """The states whose compiled defaults the browser holds, by its hashes (the names digest,
    then one hash per state in sorted order), where they are the backend's too."""
    cached = getattr(reflex_state, "_initial_snapshot_cache", {}).get(reflex_state.State)
    classes = getattr(reflex_state, "all_base_state_classes", None)
    try:
        if (
            not hashes
            or cached is None
            or classes is None
            or cached.n_state_classes != len(classes)
            or len(hashes) != len(cached.hashes) + 1
            or hashes[0] != cached.names_digest
        ):
            return frozenset()
        browser = dict(zip(sorted(cached.hashes), hashes[1:], strict=True))
        return frozenset(name for name, known in cached.hashes.items() if browser[name] == known)
    except (AttributeError, TypeError, ValueError, KeyError):
        return frozenset()


@contextmanager
def first_hydrate(hashes: list[str] | None) -> Iterator[None]:
    """Within: `may_leave_out` lets the snapshot leave out the untouched states whose defaults
    the browser holds."""
    reset = _AT_DEFAULTS.set(states_at_defaults(hashes))
    try:
        yield
    finally:
        _AT_DEFAULTS.reset(reset)


def may_leave_out(state) -> bool:
    """Whether `state`'s own vars may be left out of the snapshot being taken."""
    at_defaults = _AT_DEFAULTS.get()
    if not at_defaults or state.computed_vars:
        return False
    if state.get_full_name() not in at_defaults:
        return False
    held = state.__dict__
    return not any(name in held for name in state.base_vars)


def install(base: type) -> None:
    """Take the snapshot of `base` and of every state below it through `_leaving_out_untouched`."""
    base.dict = _leaving_out_untouched(base.dict)


def _leaving_out_untouched(reflex_dict: Callable) -> Callable:
    def dict(self, include_computed: bool = True, initial: bool = False, **kwargs):  # noqa: A001
        """Reflex's snapshot of this state and the states below it, leaving out this state's
        own vars where `may_leave_out` says so."""
        if initial or not may_leave_out(self):
            return reflex_dict(self, include_computed=include_computed, initial=initial, **kwargs)
        taken = {self.get_full_name(): {}}
        for substate in self.substates.values():
            taken.update(substate.dict(include_computed=include_computed, **kwargs))
        return taken

    return dict
