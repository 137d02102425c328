"""An event that fails in a way no page handles shows Swedish words."""

import logging

from reflex.utils import format

from academy.core.web.unexpected import UNEXPECTED_EVENT, backend_exception_handler


def _script(spec) -> str:
    """The JavaScript the browser runs for the event, its \\u escapes read back."""
    return format.format_event(spec).encode().decode("unicode_escape")


def test_the_app_uses_the_swedish_handler():
    from academy.academy import app

    assert app.backend_exception_handler is backend_exception_handler


def test_the_message_is_swedish_and_the_error_is_logged(caplog):
    with caplog.at_level(logging.ERROR):
        spec = backend_exception_handler(RuntimeError("trasig"))
    script = _script(spec)
    assert UNEXPECTED_EVENT in script
    assert "alert" in script
    assert "An error occurred" not in script and "administrator." not in script
    assert any(record.exc_info and "trasig" in str(record.exc_info[1]) for record in caplog.records)


def test_a_page_the_browser_fails_to_draw_is_replaced_by_swedish_words():
    from academy.academy import app

    boundary = app.app_wraps[(55, "ErrorBoundary")](True)
    props = boundary.render()["props"]
    rendered = " ".join(props).encode().decode("unicode_escape")
    assert "Sidan kunde inte visas" in rendered
    assert "Ladda om sidan; om felet kvarstår, kontakta en administratör." in rendered
    for english in ("An error occurred", "Refreshing the page", "Copy", "reflex.dev"):
        assert english not in rendered
