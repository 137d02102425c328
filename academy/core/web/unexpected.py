"""What a person sees when an event fails in a way no page handles (a bug, the database gone):
the browser's own alert, in Swedish.

Every page's `_run` turns an expected failure into a message beside the action; this is the
last resort for what escapes an event. Reflex's own handler asks for a toast, and the app
renders no toaster, so the browser showed its fallback alert: "An error occurred.". An alert is
a modal dialog that screen readers announce and the keyboard closes."""

from __future__ import annotations

import logging

import reflex as rx
from reflex.event import EventSpec

log = logging.getLogger(__name__)

UNEXPECTED_EVENT = (
    "Något gick fel på servern, och det du just gjorde kan ha gått förlorat. Ladda om sidan och "
    "försök igen; om felet kvarstår, kontakta en administratör."
)


def backend_exception_handler(exception: Exception) -> EventSpec:
    log.error("Unexpected error in an event", exc_info=exception)
    return rx.window_alert(UNEXPECTED_EVENT)
