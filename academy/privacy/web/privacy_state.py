"""The accessibility statement (public, and its admin form), the personal-data page (public)
(Mina uppgifter needs no state of its own: its downloads check the login themselves).
Action areas: "statement" (public page), "statement-form" (the admin form)."""

from __future__ import annotations

import reflex as rx

from academy.core.access import require_role
from academy.core.models import Role
from academy.core.settings import get_settings
from academy.core.web.base import BaseState
from academy.privacy import statement
from academy.privacy.web import view
from academy.privacy.web.forms import statement_input

STATEMENT_FORM = "statement-form"


class StatementState(BaseState):
    statement: view.StatementView = view.StatementView()
    retention: list[view.RetentionRow] = []

    def _read(self, session) -> None:
        self.statement = view.statement_view(statement.get_statement(session))

    @rx.event
    def load_public(self):
        """Anyone may read the statement: no login is needed or checked."""
        self._run(lambda session, _nobody: self._read(session), at="statement", login=False)

    @rx.event
    def load_privacy(self):
        self.retention = view.retention_rows(get_settings().retention)

    @rx.event
    def load_admin(self):
        def load(session, actor):
            require_role(actor, Role.ADMIN)
            self._read(session)

        self._run(load, at=STATEMENT_FORM)
        self.form_key += 1

    @rx.event
    def save(self, form_data: dict):
        def save(session, actor):
            require_role(actor, Role.ADMIN)  # before the form is read
            statement.save_statement(session, actor, **statement_input(form_data))
            self._read(session)

        self._run(save, "Tillgänglighetsredogörelsen är sparad.", at=STATEMENT_FORM)
