"""Pure: accounts, units and audit events -> the rows the administration pages show.

Everything here is in Swedish, including role names inside the audit log's details (the
log stores the role codes)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from academy.core.access import ROLE_LABELS
from academy.core.accounts import UnitRow, UserRow
from academy.core.audit import AuditRow
from academy.privacy.erasure import PLACEHOLDER_DOMAIN

_ROLE_CODE = re.compile(r"\b(" + "|".join(str(role) for role in ROLE_LABELS) + r")\b")
UNIT_KIND_LABELS = {"förvaltning": "Förvaltning", "enhet": "Enhet"}


@dataclass(frozen=True)
class Option:
    value: str
    label: str


@dataclass(frozen=True)
class UserView:
    id: int
    name: str
    email: str
    unit: str
    roles: str
    status: str
    active: bool
    erased: bool = False


@dataclass(frozen=True)
class UserEdit:
    """What the user form starts from; `id` 0 is a new user."""

    id: int = 0
    name: str = ""
    email: str = ""
    unit_id: str = ""
    roles: tuple[str, ...] = ()


@dataclass(frozen=True)
class UnitView:
    id: int
    name: str
    path: str
    kind: str


@dataclass(frozen=True)
class UnitEdit:
    id: int = 0
    name: str = ""
    kind: str = "enhet"
    parent_id: str = ""


@dataclass(frozen=True)
class EventView:
    at: str
    label: str
    subject: str
    actor: str
    detail: str


def role_names(roles) -> str:
    """Role codes as the glossary's words, in the order of the glossary's table."""
    return ", ".join(label for role, label in ROLE_LABELS.items() if role in roles)


def swedish_roles(text: str) -> str:
    """Role codes inside a free text (an audit detail) replaced by their Swedish names."""
    return _ROLE_CODE.sub(lambda match: ROLE_LABELS[match.group(1)], text)


def user_view(row: UserRow) -> UserView:
    erased = row.email.endswith(PLACEHOLDER_DOMAIN)
    status = "Borttagen" if erased else "Aktiv" if row.active else "Inaktiverad"
    roles = role_names(row.roles)
    return UserView(row.id, row.name, row.email, row.unit, roles, status, row.active, erased)


def user_edit(row: UserRow | None) -> UserEdit:
    if row is None:
        return UserEdit()
    return UserEdit(row.id, row.name, row.email, str(row.unit_id or ""), tuple(row.roles))


def unit_view(row: UnitRow) -> UnitView:
    return UnitView(row.id, row.name, row.path, UNIT_KIND_LABELS.get(row.kind, row.kind))


def unit_edit(row: UnitRow | None) -> UnitEdit:
    if row is None:
        return UnitEdit()
    return UnitEdit(row.id, row.name, row.kind, str(row.parent_id or ""))


def unit_options(rows: list[UnitRow]) -> list[Option]:
    return [Option(str(row.id), row.path) for row in rows]


def event_view(row: AuditRow) -> EventView:
    return EventView(row.at, row.label, row.subject, row.actor, swedish_roles(row.detail))
