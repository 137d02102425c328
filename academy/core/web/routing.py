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

    @property
    def loaders(self) -> tuple[Any, ...]:
        found = self.on_load if isinstance(self.on_load, list) else [self.on_load]
        return tuple(loader for loader in found if loader is not None)


@dataclass(frozen=True)
class PageLoad:
    loaders: tuple[Any, ...]
    public: bool


# Route -> what opening it runs; filled by `register`, read by `SessionState.open_page`.
LOADERS: dict[str, PageLoad] = {}


def register(page: Page) -> None:
    LOADERS[page.route] = PageLoad(page.loaders, page.public)
