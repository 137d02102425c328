"""Hostile text made harmless in one place: every value written to the database passes here.

A lone UTF-16 surrogate (e.g. `\\ud800` sent as a JSON escape) cannot be encoded as UTF-8: stored,
it breaks every page and export that later shows it. NUL and the other C0 control characters
(except tab and line breaks) have no place in text people type, and PostgreSQL refuses NUL. Both
are replaced or removed before the text reaches the database, whichever path it came by (form,
import, API, CLI).
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(value: str) -> str:
    """`value` with lone surrogates replaced by U+FFFD and control characters removed."""
    if value.isascii():
        return _CONTROL.sub("", value) if not value.isprintable() else value
    return _CONTROL.sub("", _SURROGATE.sub(REPLACEMENT, value))


def _clean(value):
    return clean_text(value) if isinstance(value, str) else value


def clean_parameters(parameters):
    """The DB-API parameters of one statement (a dict, a sequence, or a list of them), cleaned."""
    if isinstance(parameters, dict):
        return {key: _clean(value) for key, value in parameters.items()}
    if isinstance(parameters, list | tuple) and parameters and isinstance(parameters[0], dict):
        return [clean_parameters(row) for row in parameters]
    if isinstance(parameters, list) and parameters and isinstance(parameters[0], list | tuple):
        return [clean_parameters(row) for row in parameters]
    if isinstance(parameters, list | tuple):
        return type(parameters)(_clean(value) for value in parameters)
    return parameters
