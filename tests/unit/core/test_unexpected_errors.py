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
