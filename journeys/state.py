"""States of the journey pages: thin, they call journeys.store / editing / report."""

from __future__ import annotations

from dataclasses import asdict

import reflex as rx

from academy.core.accounts import list_units
from academy.core.db import session_scope
from academy.core.errors import ServiceError
from academy.core.web.session import SessionState
from journeys import editing, links, store, view
from journeys.errors import JourneyFormatError, RenderError
from journeys.examples import example_names, load_example
from journeys.formats import json_format, mermaid
from journeys.model import Journey
from journeys.report import compare, summarize


def parse_import(text: str) -> Journey:
    """Pasted or uploaded text: JSON when it looks like JSON, otherwise Mermaid journey."""
    stripped = text.lstrip()
    if not stripped:
        raise JourneyFormatError("Klistra in en Mermaid-kundresa eller JSON.")
    if stripped.startswith("{"):
        return json_format.loads(text)
    return mermaid.parse_mermaid(text)


def format_error(error: JourneyFormatError) -> str:
    where = []
    if error.line is not None:
        where.append(f"rad {error.line}")
    if error.column is not None:
        where.append(f"kolumn {error.column}")
    prefix = f"Fel på {', '.join(where)}: " if where else "Fel: "
    return f"{prefix}{error.message}. Inget har skapats."


class JourneyListState(SessionState):
    rows: list[dict] = []
    unit_options: list[dict[str, str]] = []
    template_options: list[dict[str, str]] = []
    search: str = ""
    unit_filter: str = ""
    kind_filter: str = ""
    can_edit: bool = False
    error: str = ""
    import_text: str = ""
    import_error: str = ""
    preview: dict = {}

    def _reload(self) -> None:
        self.error = ""
        try:
            with session_scope() as session:
                actor = self._actor()
                self.rows = [
                    asdict(row)
                    for row in store.list_journeys(
                        session,
                        actor,
                        search=self.search,
                        unit_id=int(self.unit_filter) if self.unit_filter.isdigit() else None,
                        kind=self.kind_filter,
                    )
                ]
                self.can_edit = store.can_edit(actor)
                self.unit_options = [
                    {"value": str(u.id), "label": u.path} for u in list_units(session)
                ]
        except ServiceError as exc:
            self.rows, self.error = [], exc.message
        self.template_options = [
            {"value": name, "label": load_example(name).title + f" ({name})"}
            for name in example_names()
        ]

    @rx.event
    def load(self):
        self.preview, self.import_error = {}, ""
        self._reload()

    @rx.event
    def filter(self, form_data: dict):
        self.search = form_data.get("search", "")
        self.unit_filter = form_data.get("unit", "")
        self.kind_filter = form_data.get("kind", "")
        self._reload()

    def _create(self, journey: Journey, summary: str):
        try:
            with session_scope() as session:
                new_id = store.create_journey(session, self._actor(), journey, summary=summary)
        except ServiceError as exc:
            self.error = exc.message
            return None
        return rx.redirect(f"/kundresor/{new_id}")

    @rx.event
    def create(self, form_data: dict):
        template = form_data.get("template", "")
        title = form_data.get("title", "").strip()
        if template:
            journey = load_example(template)
            journey.title = title or journey.title
        else:
            journey = Journey(title=title, kind=form_data.get("kind", "current"))
        return self._create(journey, "Skapad" + (f" från exemplet {template}" if template else ""))

    @rx.event
    def set_import_text(self, text: str):
        self.import_text = text
        self.preview, self.import_error = {}, ""

    @rx.event
    def preview_import(self):
        self.preview, self.import_error = {}, ""
        if not store.can_edit(self._actor()):
            self.import_error = "Du har inte behörighet att skapa kundresor."
            return
        try:
            journey = parse_import(self.import_text)
        except JourneyFormatError as exc:
            self.import_error = format_error(exc)
            return
        self.preview = {
            "title": journey.title or "(utan titel)",
            "stages": ", ".join(stage.name for stage in journey.stages),
            "steps": str(len(journey.steps)),
            "flows": str(len(journey.flows)),
        }

    @rx.event
    def confirm_import(self):
        try:
            journey = parse_import(self.import_text)
        except JourneyFormatError as exc:
            self.import_error = format_error(exc)
            return None
        journey.title = journey.title.strip() or "Importerad kundresa"
        return self._create(journey, "Importerad")

    @rx.event
    async def upload(self, files: list[rx.UploadFile]):
        for file in files[:1]:
            data = await file.read()
            try:
                self.set_import_text(data.decode("utf-8"))
            except UnicodeDecodeError:
                self.import_error = "Filen är inte text i UTF-8. Inget har skapats."
                return
            self.preview_import()


class JourneyEditorState(SessionState):
    _document: str = ""  # the journey as loaded, server-side only
    journey_id: int = 0
    version: int = 0
    title: str = ""
    kind: str = "current"
    persona: str = ""
    goal: str = ""
    unit_id: str = ""
    shared: bool = False
    current_journey_id: str = ""
    can_edit: bool = False
    stages: list[dict] = []
    lanes: list[dict] = []
    steps: list[dict] = []
    flows: list[dict] = []
    svg: str = ""
    diagram_error: str = ""
    text_description: str = ""
    problems: list[dict[str, str]] = []
    figures: list[dict[str, str]] = []
    curve: list[dict] = []
    history_rows: list[dict] = []
    current_options: list[dict[str, str]] = []
    unit_options: list[dict[str, str]] = []
    error: str = ""
    notice: str = ""
    # The step form: "" = new step.
    step_id: str = ""
    step: dict = {}
    pending_delete: dict[str, str] = {}
    # Links from steps to training: all of the journey's, and those of the open step.
    all_links: list[dict] = []
    step_links: list[dict] = []
    link_choices: list[dict[str, str]] = []
    zoom: int = 100
    fit: bool = True
    form_key: int = 0

    # ---- loading ------------------------------------------------------------------------------

    def _route_id(self) -> int:
        raw = self.router.page.params.get("journey_id", "")
        return int(raw) if str(raw).isdigit() else 0

    def _show(self, stored: store.StoredJourney, session) -> None:
        journey = stored.journey
        self._document = json_format.dumps(journey, indent=None)
        self.journey_id, self.version = stored.id, stored.version
        self.title, self.kind = journey.title, journey.kind
        self.persona, self.goal = journey.persona, journey.goal
        self.unit_id = str(stored.unit_id or "")
        self.shared = stored.shared
        self.current_journey_id = str(stored.current_journey_id or "")
        self.can_edit = stored.can_edit
        self.stages = view.column_rows(journey, "stage")
        self.lanes = view.column_rows(journey, "lane")
        self.steps = view.step_rows(journey)
        self.flows = view.flow_rows(journey)
        summary = summarize(journey)
        self.problems = view.problem_rows(summary)
        self.figures = view.key_figures(summary)
        self.curve = view.emotion_points(journey, summary)
        self.text_description = view.description(journey)
        try:
            self.svg, self.diagram_error = view.svg_markup(journey), ""
        except RenderError as exc:
            self.svg, self.diagram_error = "", str(exc)
        actor = self._actor()
        self.history_rows = [asdict(row) for row in store.history(session, actor, stored.id)]
        self.current_options = [
            {"value": str(row.id), "label": row.title}
            for row in store.list_journeys(session, actor, kind="current")
            if row.id != stored.id
        ]
        self.unit_options = [{"value": str(u.id), "label": u.path} for u in list_units(session)]
        self.all_links = [asdict(row) for row in links.training_links(session, actor, stored.id)]
        self.link_choices = (
            [{"value": v, "label": label} for v, label in links.target_choices(session)]
            if stored.can_edit
            else []
        )

    def _reload(self, journey_id: int) -> None:
        with session_scope() as session:
            self._show(store.get_journey(session, self._actor(), journey_id), session)

    @rx.event
    def load(self):
        self.error = self.notice = ""
        self.pending_delete = {}
        try:
            self._reload(self._route_id())
        except ServiceError as exc:
            self.journey_id, self.error = 0, exc.message
            return
        wanted = self.router.page.params.get("steg", "")
        self._open_step(wanted if any(s["id"] == wanted for s in self.steps) else "")

    def _open_step(self, step_id: str) -> None:
        self.step_id = step_id
        self.step = next((s for s in self.steps if s["id"] == step_id), {})
        self.step_links = [link for link in self.all_links if link["step_id"] == step_id]
        self.form_key += 1

    @rx.event
    def open_step(self, step_id: str):
        self.error = self.notice = ""
        self._open_step(step_id)

    @rx.event
    def new_step(self):
        self.error = self.notice = ""
        self._open_step("")

    @rx.event
    def zoom_by(self, delta: int):
        self.zoom = max(25, min(300, (100 if self.fit else self.zoom) + delta))
        self.fit = False

    @rx.event
    def zoom_fit(self):
        self.fit, self.zoom = True, 100

    # ---- saving -------------------------------------------------------------------------------

    def _edit(self, change, summary: str, **store_args) -> bool:
        """Apply `change` to the loaded journey and save it as a new version.

        On any refusal nothing is saved and the form keeps what the user typed."""
        self.error = self.notice = ""
        journey = json_format.loads(self._document)
        try:
            with session_scope() as session:
                change(journey)
                store.save_journey(
                    session,
                    self._actor(),
                    self.journey_id,
                    journey,
                    expected_version=self.version,
                    summary=summary,
                    **store_args,
                )
            self._reload(self.journey_id)
        except ServiceError as exc:
            self.error = exc.message
            return False
        self.notice = f"Sparat som version {self.version}."
        return True

    @rx.event
    def save_metadata(self, form_data: dict):
        current = form_data.get("current_journey_id", "")
        unit = form_data.get("unit_id", "")
        self._edit(
            lambda j: editing.set_metadata(j, form_data),
            "Uppgifter ändrade",
            unit_id=int(unit) if unit.isdigit() else None,
            shared=bool(form_data.get("shared")),
            current_journey_id=int(current) if current.isdigit() else None,
        )

    @rx.event
    def save_step(self, form_data: dict):
        saved: list[str] = []

        def change(journey: Journey) -> None:
            saved.append(editing.save_step(journey, self.step_id, form_data))

        verb = "ändrat" if self.step_id else "tillagt"
        if self._edit(change, f"Steg {verb}: {form_data.get('text', '').strip()[:80]}"):
            self._open_step(saved[0])

    @rx.event
    def delete_step(self):
        step_id = self.step_id
        if step_id and self._edit(lambda j: editing.delete_step(j, step_id), "Steg borttaget"):
            self._open_step("")

    @rx.event
    def add_column(self, form_data: dict):
        what = form_data.get("what", "stage")
        noun = "Fas" if what == "stage" else "Bana"
        if self._edit(
            lambda j: editing.add_column(
                j, what, form_data.get("name", ""), form_data.get("role", "backstage")
            ),
            f"{noun} tillagd: {form_data.get('name', '').strip()[:80]}",
        ):
            self.form_key += 1

    @rx.event
    def rename_column(self, form_data: dict):
        what, item_id = form_data.get("what", ""), form_data.get("id", "")
        self._edit(
            lambda j: editing.rename_column(j, what, item_id, form_data.get("name", "")),
            "Namn ändrat",
        )

    @rx.event
    def move_column(self, what: str, item_id: str, offset: int):
        self._edit(lambda j: editing.move_column(j, what, item_id, offset), "Ordning ändrad")

    @rx.event
    def ask_delete_column(self, what: str, item_id: str):
        self.pending_delete = {"what": what, "id": item_id}

    @rx.event
    def cancel_delete_column(self):
        self.pending_delete = {}

    @rx.event
    def delete_column(self, form_data: dict):
        what, item_id = self.pending_delete.get("what", ""), self.pending_delete.get("id", "")
        move_to = form_data.get("move_to", "")
        if self._edit(
            lambda j: editing.delete_column(j, what, item_id, move_to),
            ("Fas" if what == "stage" else "Bana") + " borttagen",
        ):
            self.pending_delete = {}

    @rx.event
    def add_flow(self, form_data: dict):
        if self._edit(lambda j: editing.add_flow(j, form_data), "Flöde tillagt"):
            self.form_key += 1

    @rx.event
    def delete_flow(self, source: str, target: str):
        self._edit(lambda j: editing.delete_flow(j, source, target), "Flöde borttaget")

    def _change_links(self, change, notice: str) -> None:
        self.error = self.notice = ""
        try:
            with session_scope() as session:
                change(session, self._actor())
            self._reload(self.journey_id)
        except ServiceError as exc:
            self.error = exc.message
            return
        self.step_links = [link for link in self.all_links if link["step_id"] == self.step_id]
        self.notice = notice

    @rx.event
    def link_training(self, form_data: dict):
        step_id, target = self.step_id, form_data.get("target", "")
        pain_point = form_data.get("pain_point", "")
        self._change_links(
            lambda session, actor: links.link_training(
                session, actor, self.journey_id, step_id, target, pain_point
            ),
            "Kopplingen till utbildning är sparad.",
        )

    @rx.event
    def unlink_training(self, link_id: int):
        self._change_links(
            lambda session, actor: links.unlink_training(session, actor, self.journey_id, link_id),
            "Kopplingen är borttagen.",
        )

    @rx.event
    def restore(self, version: int):
        self.error = self.notice = ""
        try:
            with session_scope() as session:
                store.restore_version(
                    session, self._actor(), self.journey_id, version, expected_version=self.version
                )
            self._reload(self.journey_id)
        except ServiceError as exc:
            self.error = exc.message
            return
        self.notice = f"Version {version} är återställd som version {self.version}."
        self.form_key += 1


class JourneyCompareState(SessionState):
    current_title: str = ""
    future_title: str = ""
    current_svg: str = ""
    future_svg: str = ""
    rows: list[dict[str, str]] = []
    added: str = ""
    removed: str = ""
    error: str = ""
    journey_id: int = 0

    @rx.event
    def load(self):
        raw = self.router.page.params.get("journey_id", "")
        self.error, self.rows = "", []
        try:
            with session_scope() as session:
                actor = self._actor()
                future = store.get_journey(session, actor, int(raw) if str(raw).isdigit() else 0)
                self.journey_id = future.id
                if future.current_journey_id is None:
                    self.error = "Kundresan är inte kopplad till något nuläge att jämföra med."
                    return
                current = store.get_journey(session, actor, future.current_journey_id)
        except ServiceError as exc:
            self.error = exc.message
            return
        self.current_title, self.future_title = current.journey.title, future.journey.title
        self.current_svg = view.svg_markup(current.journey)
        self.future_svg = view.svg_markup(future.journey)
        result = compare(current.journey, future.journey)
        self.rows = view.comparison_rows(result)
        self.added = ", ".join(result["steps_added"]) or "inga"
        self.removed = ", ".join(result["steps_removed"]) or "inga"
