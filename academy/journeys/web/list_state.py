"""/kundresor: the journeys a person may see, a new journey, and import from Mermaid or JSON.

Every import step checks the login and role before it reads the pasted text or the file, and
parses in a worker thread; sizes are capped (settings.UPLOADS, model.MAX_STEPS)."""

from __future__ import annotations

import asyncio

import reflex as rx

from academy.core.accounts import list_units
from academy.core.errors import ValidationError
from academy.core.web.base import BaseState
from academy.journeys import store
from academy.journeys.contacts import service as contacts
from academy.journeys.web import forms, view
from journeys.examples import example_names, load_example
from journeys.formats import mermaid
from journeys.model import Journey

# Where each action's message shows (ui.message(State, at=...)).
AT_LIST = "list"
AT_CREATE = "create"
AT_IMPORT = "import"


def template_options() -> list[view.Option]:
    return [view.Option(name, f"{load_example(name).title} ({name})") for name in example_names()]


class JourneyListState(BaseState):
    rows: list[view.JourneyRow] = []
    unit_options: list[view.Option] = []
    template_options: list[view.Option] = []
    search: str = ""
    unit_filter: str = ""
    kind_filter: str = ""
    can_edit: bool = False
    can_see_contacts: bool = False  # Kontaktanalys: strategists, admins, trainers
    import_text: str = ""
    preview: view.ImportPreview = view.ImportPreview()
    has_preview: bool = False
    lane_choice: dict[str, str] = {}  # actor -> lane id the person picked in the preview

    def _refresh(self, session, actor) -> None:
        self.rows = view.journey_rows(
            store.list_journeys(
                session,
                actor,
                search=self.search,
                unit_id=forms.optional_id(self.unit_filter),
                kind=self.kind_filter,
            )
        )
        self.can_edit = store.can_edit(actor)
        self.can_see_contacts = actor.has_any(*contacts.VIEWERS)
        self.unit_options = [view.Option(str(u.id), u.path) for u in list_units(session)]
        self.template_options = template_options()

    @rx.event
    def load(self):
        self.has_preview = False
        if not self._run(self._refresh, at=AT_LIST):
            self.rows = []

    @rx.event
    def filter(self, form_data: dict):
        self.search = str(form_data.get("search", ""))
        self.unit_filter = str(form_data.get("unit", ""))
        self.kind_filter = str(form_data.get("kind", ""))
        if not self._run(self._refresh, at=AT_LIST):
            self.rows = []

    @rx.event
    def delete(self, journey_id: int):
        deleted: list[str] = []

        def act(session, actor) -> None:
            deleted.append(store.delete_journey(session, actor, journey_id))
            self._refresh(session, actor)

        if self._run(act, at=AT_LIST):
            self.notice = f"Kundresan ”{deleted[0]}” är borttagen."

    def _create(self, make, summary: str, at: str):
        """Create the journey `make()` builds (after the role check); open it."""
        created: list[int] = []

        def act(session, actor) -> None:
            store.require_editor(actor)
            journey = make()
            created.append(store.create_journey(session, actor, journey, summary=summary))

        if self._run(act, at=at):
            return rx.redirect(f"/kundresor/{created[0]}")
        return None

    @rx.event
    def create(self, form_data: dict):
        def make() -> Journey:
            fields = forms.new_journey(form_data)
            if not fields.template:
                return Journey(title=fields.title, kind=fields.kind)
            if fields.template not in example_names():
                raise ValidationError("Välj ett exempel i listan.", field="template")
            journey = load_example(fields.template)
            journey.title = fields.title or journey.title
            return journey

        template = str(form_data.get("template", ""))
        summary = "Skapad" + (f" från exemplet {template}" if template else "")
        return self._create(make, summary, AT_CREATE)

    @rx.event
    def set_import_text(self, text: str):
        self.import_text = text
        self.has_preview = False
        self.lane_choice = {}
        self._clear_messages(AT_IMPORT)

    def _may_import(self) -> bool:
        """The login and role check every import step makes before it reads the payload."""
        return self._run(lambda session, actor: store.require_editor(actor), at=AT_IMPORT)

    async def _parse(self, text: str) -> Journey | None:
        """Parse import text in a worker thread (a large journey never stalls the event loop);
        None, with the message in the import panel, when it cannot be read."""
        try:
            return await asyncio.to_thread(forms.import_text, text)
        except ValidationError as exc:
            self._fail(exc.message, at=AT_IMPORT)
            return None

    @rx.event
    async def preview_import(self):
        self.has_preview = False
        if not self._may_import():
            return
        journey = await self._parse(self.import_text)
        if journey is not None:
            self.preview = view.import_preview(journey, self.lane_choice)
            self.has_preview = True

    @rx.event
    async def choose_lane(self, actor: str, lane: str):
        """The preview's lane for an actor's steps: shown again with the steps moved there."""
        self.lane_choice = {**self.lane_choice, str(actor): str(lane)}
        await self.preview_import()

    @rx.event
    async def confirm_import(self):
        if not self._may_import():
            return None
        journey = await self._parse(self.import_text)
        if journey is None:
            return None
        mermaid.place_actors(journey, dict(self.lane_choice))
        journey.title = journey.title.strip() or "Importerad kundresa"
        # Checking the limits and writing a large journey also runs off the event loop.
        return await asyncio.to_thread(self._create, lambda: journey, "Importerad", AT_IMPORT)

    @rx.event
    async def upload(self, files: list[rx.UploadFile]):
        self.has_preview = False
        if not files or not self._may_import():
            return
        text = await self._uploaded_text(files, at=AT_IMPORT)
        if text is None:
            return
        self.set_import_text(text)
        await self.preview_import()
