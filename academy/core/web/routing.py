"""What an area's `web/routes.py` declares, and the app module registers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Page:
    """One page: its route, the component, its title (the app adds " – Serviceakademin"), the
    state events run on load (after the login check unless `public`)."""

    route: str
    component: Callable[[], Any]
    title: str
    on_load: Any = None
    public: bool = False
