"""The app's personal-data check for free text, registered by the area that owns it.

Träning owns the check (academy.practice.personal_data) and imports Kundresor, so Kundresor
cannot import it back; Träning registers it here when its package is imported, and imports of
contact files pass it to the engine. Without a registered check the engine uses its built-in
one, which looks for the same kinds of data.
"""

from __future__ import annotations

from collections.abc import Callable

Guard = Callable[[str], object]

_GUARD: list[Guard] = []


def register(guard: Guard) -> None:
    _GUARD[:] = [guard]


def get() -> Guard | None:
    return _GUARD[0] if _GUARD else None
