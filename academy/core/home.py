"""What the home page suggests next: the item, and how the areas are asked for theirs.

Core knows no area. Each area offers a `HomeProvider` (the roles it speaks to and a function
that builds its items) in its own module; the app lists the providers in `academy/home/`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from academy.core.access import CurrentUser


@dataclass(frozen=True)
class NextStep:
    title: str
    text: str
    href: str
    link_label: str


ItemBuilder = Callable[[Session, CurrentUser], Iterable[NextStep]]


@dataclass(frozen=True)
class HomeProvider:
    """An area's items for the people holding one of `roles`; `items` is only asked for them."""

    roles: frozenset[str]
    items: ItemBuilder


def provider(*roles: str) -> Callable[[ItemBuilder], HomeProvider]:
    """Decorator: `@provider(Role.EMPLOYEE)` turns an item builder into a HomeProvider."""

    def wrap(items: ItemBuilder) -> HomeProvider:
        return HomeProvider(frozenset(roles), items)

    return wrap


def collect_steps(
    session: Session, user: CurrentUser, providers: Sequence[HomeProvider]
) -> list[NextStep]:
    """The items of every provider that speaks to one of the user's roles, in their order."""
    return [
        item
        for source in providers
        if user.has_any(*source.roles)
        for item in source.items(session, user)
    ]
