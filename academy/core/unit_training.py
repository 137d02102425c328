"""What a unit's people trained in a period: a registry the areas fill.

Kontaktanalys (Kundresor) shows, beside a before/after comparison, the cohorts the unit took
part in between the two periods. Utbildning owns cohorts and must not be imported by Kundresor,
so it registers a function here when its package is imported.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy.orm import Session

# (session, unit id, first day, last day) -> lines such as "Kurs – omgång (slutade 2026-03-01)"
Provider = Callable[[Session, int, date, date], list[str]]

_PROVIDERS: dict[str, Provider] = {}


def register(name: str, provider: Provider) -> None:
    _PROVIDERS[name] = provider


def completed_between(session: Session, unit_id: int, first: date, last: date) -> list[str]:
    return [
        line for provider in _PROVIDERS.values() for line in provider(session, unit_id, first, last)
    ]
