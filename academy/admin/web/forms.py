"""Pure: the administration forms' fields -> typed arguments for the account services."""

from __future__ import annotations

from dataclasses import dataclass

from academy.core.errors import ValidationError
from academy.core.models import ROLE_VALUES


@dataclass(frozen=True)
class UserInput:
    name: str
    email: str
    password: str
    roles: tuple[str, ...]
    unit_id: int | None


@dataclass(frozen=True)
class UnitInput:
    name: str
    kind: str
    parent_id: int | None


def _choice(form_data: dict, name: str) -> int | None:
    """A picked id, or None for the empty choice; anything else is not one of the options."""
    raw = str(form_data.get(name) or "").strip()
    if not raw:
        return None
    if not raw.isdigit():
        raise ValidationError("Välj ett alternativ i listan.", field=name)
    return int(raw)


def user_input(form_data: dict) -> UserInput:
    """The user form: a checkbox `role_<role>` per role; the services check the values."""
    return UserInput(
        name=str(form_data.get("name") or ""),
        email=str(form_data.get("email") or ""),
        password=str(form_data.get("password") or ""),
        roles=tuple(role for role in ROLE_VALUES if form_data.get(f"role_{role}")),
        unit_id=_choice(form_data, "unit_id"),
    )


def unit_input(form_data: dict) -> UnitInput:
    return UnitInput(
        name=str(form_data.get("name") or ""),
        kind=str(form_data.get("kind") or ""),
        parent_id=_choice(form_data, "parent_id"),
    )
