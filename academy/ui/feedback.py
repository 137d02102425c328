"""Messages beside the action that caused them, announced to screen readers.

A state built on `BaseState` records where its last message belongs (`message_at`); each
action area on a page places `message(State, at="…")` next to its button. An error is
`role=alert`, a confirmation `role=status`; `assets/kit.js` scrolls a new message into view so
a person far down a long page sees it.
"""

from __future__ import annotations

import reflex as rx


def message(state, at: str | rx.Var = "") -> rx.Component:
    """The error or confirmation of `state` when it belongs to the action area `at`."""
    here = state.message_at == at
    # `at` may be a Var (a message area per row inside rx.foreach): no Python truth test on it.
    marker = at if isinstance(at, rx.Var) else (at or "page")
    return rx.fragment(
        rx.cond(
            here & (state.error != ""),
            rx.el.p(state.error, role="alert", class_name="msg error", data_msg=marker),
        ),
        rx.cond(
            here & (state.notice != ""),
            rx.el.p(state.notice, role="status", class_name="msg success", data_msg=marker),
        ),
    )


def text_message(text: rx.Var, kind: str = "error") -> rx.Component:
    """A single message Var (for states with a message of their own, e.g. an import preview)."""
    return rx.cond(
        text != "",
        rx.el.p(
            text,
            role="alert" if kind == "error" else "status",
            class_name=f"msg {kind}",
            data_msg="text",
        ),
    )


def empty_state(title: str, text: str | rx.Var) -> rx.Component:
    return rx.el.div(rx.el.p(rx.el.strong(title)), rx.el.p(text), class_name="empty-state")


def loading() -> rx.Component:
    return rx.el.p("Laddar …", aria_live="polite", class_name="muted")


def connection_notice() -> rx.Component:
    """Shown at the top of every page while the browser has no contact with the server (after
    two failed attempts, so a quick reconnect passes unseen). Reflex's own is a pulsing icon in
    a corner with an English tooltip, and a toast the app does not render."""
    from reflex_components_core.core.banner import has_too_many_connection_errors

    return rx.cond(
        has_too_many_connection_errors,
        rx.el.div(
            rx.el.strong("Ingen kontakt med servern. "),
            "Det du gör nu sparas inte. Sidan försöker ansluta igen av sig själv; om det dröjer, "
            "ladda om sidan.",
            role="alert",
            class_name="connection-notice",
        ),
    )


def render_error_boundary(*children, **props) -> rx.Component:
    """What a page shows instead of itself when the browser fails to draw it (a bug): Swedish
    words and a way on. Reflex's own says "An error occurred while rendering this page.", shows
    the stack trace and links to reflex.dev. The error is still reported to the server."""
    from reflex_base.vars.base import Var
    from reflex_components_core.base.error_boundary import ErrorBoundary

    fallback = rx.el.main(
        rx.el.h1("Sidan kunde inte visas"),
        rx.el.p(
            "Något gick fel när sidan skulle visas. Ladda om sidan; om felet kvarstår, kontakta "
            "en administratör."
        ),
        rx.el.p(rx.el.a("Ladda om sidan", href=""), " · ", rx.el.a("Till startsidan", href="/")),
        class_name="page render-error",
    )
    # Reflex makes the component the body of the fallback function.
    return ErrorBoundary.create(*children, fallback_render=Var.create(fallback), **props)
