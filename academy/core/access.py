"""Who the current user is, and which roles each area of the app admits."""

from __future__ import annotations

from dataclasses import dataclass

from academy.core.errors import AccessDenied
from academy.core.models import Role


@dataclass(frozen=True)
class CurrentUser:
    """The logged-in person as plain values, safe to hand to any layer."""

    id: int
    name: str
    email: str
    roles: frozenset[str]
    unit_id: int | None
    unit_name: str
    # An admin chose the password: nothing but "Byt lösenord" until the person picks their own.
    must_change_password: bool = False

    def has_any(self, *roles: str) -> bool:
        return bool(self.roles.intersection(roles))


ROLE_LABELS = {
    Role.ADMIN: "Administratör",
    Role.TRAINER: "Utbildare",
    Role.EMPLOYEE: "Medarbetare",
    Role.STRATEGIST: "Utvecklingsstrateg",
}

# Area -> roles that may open it. Navigation is built from this, and so is every page guard.
AREA_ROLES: dict[str, frozenset[str]] = {
    "inventory": frozenset({Role.ADMIN, Role.TRAINER, Role.EMPLOYEE}),
    "courses": frozenset({Role.ADMIN, Role.TRAINER, Role.EMPLOYEE}),
    "practice": frozenset({Role.ADMIN, Role.TRAINER, Role.EMPLOYEE}),
    "journeys": frozenset({Role.ADMIN, Role.STRATEGIST, Role.TRAINER, Role.EMPLOYEE}),
    "admin": frozenset({Role.ADMIN}),
}


def may_open(user: CurrentUser | None, area: str) -> bool:
    return user is not None and user.has_any(*AREA_ROLES[area])


def require_role(user: CurrentUser | None, *roles: str) -> CurrentUser:
    """Return the user if they hold one of `roles`; otherwise refuse."""
    if user is None:
        raise AccessDenied("Du är inte inloggad.")
    if not user.has_any(*roles):
        raise AccessDenied()
    return user
