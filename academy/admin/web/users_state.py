"""The users page: list, create and change users, deactivate and reactivate accounts.

Every event goes through `_run`: the login is resolved on the server and the account services
check the admin role before they read anything."""

from __future__ import annotations

import reflex as rx

from academy.admin.web import view
from academy.admin.web.forms import user_input
from academy.core import accounts
from academy.core.access import require_role
from academy.core.models import Role
from academy.core.web.base import BaseState
from academy.privacy import erasure

FORM = "user-form"


class UsersState(BaseState):
    users: list[view.UserView] = []
    unit_options: list[view.Option] = []
    editing: view.UserEdit = view.UserEdit()

    def _refresh(self, session, actor) -> None:
        self.users = [view.user_view(row) for row in accounts.list_users(session, actor)]
        self.unit_options = view.unit_options(accounts.list_units(session))

    def _edit(self, row: accounts.UserRow | None) -> None:
        self.editing = view.user_edit(row)
        self.form_key += 1

    @rx.event
    def load(self):
        self._edit(None)
        if not self._run(self._refresh, at=FORM):
            self.users, self.unit_options = [], []

    @rx.event
    def start_edit(self, user_id: int):
        self._run(
            lambda session, actor: self._edit(accounts.get_user(session, actor, user_id)), at=FORM
        )

    @rx.event
    def new_user(self):
        self._clear_messages(FORM)
        self._edit(None)

    @rx.event
    def save_user(self, form_data: dict):
        editing_id = self.editing.id
        saved = ""

        def save(session, actor):
            nonlocal saved
            require_role(actor, Role.ADMIN)  # before the form is read
            fields = user_input(form_data)
            values = dict(
                name=fields.name, email=fields.email, roles=fields.roles, unit_id=fields.unit_id
            )
            if editing_id:
                accounts.update_user(session, actor, editing_id, password=fields.password, **values)
            else:
                accounts.create_user(session, actor, password=fields.password, **values)
            saved = fields.email.strip()
            self._refresh(session, actor)

        if self._run(save, at=FORM):
            self.notice = f"Användaren {saved} är sparad."
            self._edit(None)

    @rx.event
    def set_active(self, user_id: int, active: bool):
        name = ""

        def change(session, actor):
            nonlocal name
            name = accounts.set_active(session, actor, user_id, active)
            self._refresh(session, actor)

        if self._run(change, at=f"user-{user_id}"):
            self.notice = f"{name} är {'aktiverad' if active else 'inaktiverad'}."

    @rx.event
    def erase(self, user_id: int):
        result = None

        def erase(session, actor):
            nonlocal result
            result = erasure.erase_identity(session, actor, user_id)
            self._refresh(session, actor)

        if self._run(erase, at=f"user-{user_id}"):
            removed = ", ".join(f"{count} {what}" for what, count in result.removed if count)
            self.notice = f"Personuppgifterna för {result.name} är borttagna" + (
                f" ({removed})." if removed else "."
            )
