"""State of the scenario list: filters, a new scenario, and the Twee import with its preview."""

from __future__ import annotations

import reflex as rx

from academy.core.accounts import list_units
from academy.core.errors import AccessDenied
from academy.core.web.base import BaseState
from academy.practice import scenarios
from academy.practice.web import forms, view
from academy.practice.web.view import ImportPreview, ListRow


def editor_url(scenario_id: int) -> str:
    return f"/traning/scenarier/{scenario_id}"


class ScenarioListState(BaseState):
    rows: list[ListRow] = []
    can_author: bool = False
    unit_options: list[dict[str, str]] = []
    unit_filter: str = ""
    status_filter: str = ""
    import_text: str = ""
    preview: ImportPreview = ImportPreview()
    has_preview: bool = False
    preview_errors: list[str] = []
    preview_warnings: list[str] = []

    def _list(self, session, actor) -> None:
        self.can_author = scenarios.can_author(actor)
        if self.can_author:
            self.unit_options = view.options((u.id, u.path) for u in list_units(session))
        unit_id, status = forms.list_filter(
            {"unit": self.unit_filter, "status": self.status_filter}
        )
        found = scenarios.list_scenarios(
            session, actor, unit_id=unit_id, status=status if self.can_author else ""
        )
        self.rows = view.list_rows(found)

    @rx.event
    def load(self):
        self.import_text, self.has_preview = "", False
        self.unit_filter = self.status_filter = ""
        if not self._run(self._list, at="page"):
            self.rows = []

    @rx.event
    def filter(self, form_data: dict):
        self.unit_filter = form_data.get("unit", "")
        self.status_filter = form_data.get("status", "")
        if not self._run(self._list, at="filter"):
            self.rows = []

    @rx.event
    def create(self, form_data: dict):
        created: list[int] = []

        def create(session, actor):
            created.append(scenarios.create_scenario(session, actor, forms.new_scenario(form_data)))

        if self._run(create, at="new-scenario"):
            return rx.redirect(editor_url(created[0]))
        return None

    @rx.event
    def set_import_text(self, text: str):
        self.import_text, self.has_preview = text, False

    def _may_import(self) -> bool:
        """The login and role check made before an import's text or file is read."""

        def check(session, actor):
            if not scenarios.can_author(actor):
                raise AccessDenied("Du har inte behörighet att skapa scenarier.")

        return self._run(check, at="import")

    @rx.event
    async def preview_import(self):
        self.has_preview = False
        if not self._may_import():
            return

        def preview(session, actor):
            scenario = scenarios.parse_twee_text(self.import_text)
            self.preview = view.import_preview(scenario)
            self.preview_errors, self.preview_warnings = view.problem_texts(scenario)
            self.has_preview = True

        # Parsing a large Twee file runs in a worker thread, off the event loop.
        await self._run_in_thread(preview, at="import")

    @rx.event
    async def confirm_import(self):
        created: list[int] = []

        def create(session, actor):
            created.append(scenarios.import_twee(session, actor, self.import_text))

        if self._may_import() and await self._run_in_thread(create, at="import"):
            return rx.redirect(editor_url(created[0]))
        return None

    @rx.event
    async def upload(self, files: list[rx.UploadFile]):
        self.has_preview = False
        if not files or not self._may_import():
            return
        text = await self._uploaded_text(files, at="import")
        if text is None:
            return
        self.set_import_text(text)
        await self.preview_import()
