"""Administration of users, units and the audit log. Each event checks the admin role anew."""

from __future__ import annotations

from dataclasses import asdict

import reflex as rx

from academy.core import accounts, audit
from academy.core.access import ROLE_LABELS, require_role
from academy.core.db import session_scope
from academy.core.errors import ServiceError
from academy.core.models import ROLE_VALUES, Role
from academy.core.web.session import SessionState


def _int_or_none(raw: str | None) -> int | None:
    raw = (raw or "").strip()
    return int(raw) if raw.isdigit() else None


class AdminState(SessionState):
    users: list[dict] = []
    unit_options: list[dict[str, str]] = []
    units: list[dict] = []
    events: list[dict] = []
    error: str = ""
    notice: str = ""
    # The user form: 0 = new user. `form_key` changes to reset the uncontrolled inputs.
    edit_id: int = 0
    edit_name: str = ""
    edit_email: str = ""
    edit_user_unit: str = ""
    edit_roles: list[str] = []
    edit_active: bool = True
    edit_unit_id: int = 0
    edit_unit_name: str = ""
    edit_unit_kind: str = "enhet"
    edit_unit_parent: str = ""
    form_key: int = 0

    def _fill_user_form(self, row: accounts.UserRow | None) -> None:
        self.edit_id = row.id if row else 0
        self.edit_name = row.name if row else ""
        self.edit_email = row.email if row else ""
        self.edit_user_unit = str(row.unit_id or "") if row else ""
        self.edit_roles = list(row.roles) if row else []
        self.edit_active = row.active if row else True
        self.form_key += 1

    def _fill_unit_form(self, row: dict | None) -> None:
        self.edit_unit_id = row["id"] if row else 0
        self.edit_unit_name = row["name"] if row else ""
        self.edit_unit_kind = row["kind"] if row else "enhet"
        self.edit_unit_parent = str(row["parent_id"] or "") if row else ""
        self.form_key += 1

    def _run(self, action, success: str = "") -> bool:
        """Run a service call in one transaction; turn its refusal into a Swedish message."""
        self.error = self.notice = ""
        try:
            with session_scope() as session:
                action(session, self._actor())
        except ServiceError as exc:
            self.error = exc.message
            return False
        self.notice = success
        return True

    def _refresh(self, session, actor) -> None:
        self.users = [
            {**asdict(row), "role_text": ", ".join(ROLE_LABELS[r] for r in row.roles)}
            for row in accounts.list_users(session, actor)
        ]
        self._refresh_units(session, actor)

    def _refresh_units(self, session, actor) -> None:
        rows = accounts.list_units(session)
        self.units = [asdict(row) for row in rows]
        self.unit_options = [{"value": str(row.id), "label": row.path} for row in rows]

    @rx.event
    def load_users(self):
        self._fill_user_form(None)
        self._run(self._refresh)

    @rx.event
    def start_edit(self, user_id: int):
        self._run(
            lambda session, actor: self._fill_user_form(accounts.get_user(session, actor, user_id))
        )

    @rx.event
    def new_user(self):
        self.error = self.notice = ""
        self._fill_user_form(None)

    @rx.event
    def save_user(self, form_data: dict):
        fields = dict(
            name=form_data.get("name", ""),
            email=form_data.get("email", ""),
            password=form_data.get("password", ""),
            roles=[role for role in ROLE_VALUES if form_data.get(f"role_{role}")],
            unit_id=_int_or_none(form_data.get("unit_id")),
        )

        def save(session, actor):
            if self.edit_id:
                accounts.update_user(
                    session, actor, self.edit_id, active=bool(form_data.get("active")), **fields
                )
            else:
                accounts.create_user(session, actor, **fields)
            self._refresh(session, actor)

        if self._run(save, f"Användaren {fields['email']} är sparad."):
            self._fill_user_form(None)

    @rx.event
    def load_units(self):
        self._fill_unit_form(None)

        def load(session, actor):
            require_role(actor, Role.ADMIN)
            self._refresh_units(session, actor)

        self._run(load)

    @rx.event
    def start_edit_unit(self, unit_id: int):
        self._fill_unit_form(next((u for u in self.units if u["id"] == unit_id), None))

    @rx.event
    def new_unit(self):
        self._fill_unit_form(None)

    @rx.event
    def save_unit(self, form_data: dict):
        name, kind = form_data.get("name", ""), form_data.get("kind", "")
        parent_id = _int_or_none(form_data.get("parent_id"))

        def save(session, actor):
            if self.edit_unit_id:
                accounts.update_unit(session, actor, self.edit_unit_id, name, kind, parent_id)
            else:
                accounts.create_unit(session, actor, name, kind, parent_id)
            self._refresh_units(session, actor)

        if self._run(save, f"Enheten {name.strip()} är sparad."):
            self._fill_unit_form(None)

    @rx.event
    def load_events(self):
        def load(session, actor):
            self.events = [asdict(row) for row in audit.list_events(session, actor)]

        self._run(load)
