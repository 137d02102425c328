"""The units page: förvaltningar and enheter, created and changed by an administrator."""

from __future__ import annotations

import reflex as rx

from academy.admin.web import view
from academy.admin.web.forms import unit_input
from academy.core import accounts
from academy.core.access import require_role
from academy.core.models import Role
from academy.core.web.base import BaseState

FORM = "unit-form"


class UnitsState(BaseState):
    units: list[view.UnitView] = []
    unit_options: list[view.Option] = []
    editing: view.UnitEdit = view.UnitEdit()

    def _refresh(self, session, actor) -> None:
        require_role(actor, Role.ADMIN)
        rows = accounts.list_units(session)
        self.units = [view.unit_view(row) for row in rows]
        self.unit_options = view.unit_options(rows)

    def _edit(self, row: accounts.UnitRow | None) -> None:
        self.editing = view.unit_edit(row)
        self.form_key += 1

    @rx.event
    def load(self):
        self._edit(None)
        if not self._run(self._refresh, at=FORM):
            self.units, self.unit_options = [], []

    @rx.event
    def start_edit(self, unit_id: int):
        def edit(session, actor):
            require_role(actor, Role.ADMIN)
            self._edit(next((u for u in accounts.list_units(session) if u.id == unit_id), None))

        self._run(edit, at=FORM)

    @rx.event
    def new_unit(self):
        self._clear_messages(FORM)
        self._edit(None)

    @rx.event
    def save_unit(self, form_data: dict):
        editing_id = self.editing.id
        saved = ""

        def save(session, actor):
            nonlocal saved
            require_role(actor, Role.ADMIN)
            fields = unit_input(form_data)
            if editing_id:
                accounts.update_unit(
                    session, actor, editing_id, fields.name, fields.kind, fields.parent_id
                )
            else:
                accounts.create_unit(session, actor, fields.name, fields.kind, fields.parent_id)
            saved = fields.name.strip()
            self._refresh(session, actor)

        if self._run(save, at=FORM):
            self.notice = f"Enheten {saved} är sparad."
            self._edit(None)
