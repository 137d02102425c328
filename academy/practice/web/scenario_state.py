"""States of the scenario list (with Twee import) and the scenario editor."""

from __future__ import annotations

from collections.abc import Callable

import reflex as rx

from academy.core.accounts import list_units
from academy.core.db import session_scope
from academy.core.errors import ServiceError, ValidationError
from academy.core.web.session import SessionState
from academy.practice import editing, images, journey_steps, scenarios
from academy.practice.scenario import (
    CHANNELS,
    SCORE_MAX,
    SCORE_MIN,
    Node,
    Scenario,
    Setting,
)
from academy.practice.scenario import validate as validate_scenario
from academy.practice.scenario_map import node_svg_id, svg_markup
from journeys.errors import RenderError

CHANNEL_OPTIONS = [{"value": c, "label": c.capitalize()} for c in CHANNELS]
SCORE_OPTIONS = [{"value": str(s), "label": f"{s:+d}"} for s in range(SCORE_MAX, SCORE_MIN - 1, -1)]


STATUS_OPTIONS = [{"value": k, "label": v} for k, v in scenarios.STATUS_LABELS.items()]


class ScenarioListState(SessionState):
    rows: list[dict] = []
    can_author: bool = False
    unit_options: list[dict[str, str]] = []
    unit_filter: str = ""
    status_filter: str = ""
    error: str = ""
    import_text: str = ""
    import_error: str = ""
    preview: dict = {}
    form_key: int = 0

    def _reload(self) -> None:
        self.error = ""
        try:
            with session_scope() as session:
                actor = self._actor()
                self.can_author = scenarios.can_author(actor)
                if self.can_author:
                    self.unit_options = [
                        {"value": str(u.id), "label": u.path} for u in list_units(session)
                    ]
                unit_id = int(self.unit_filter) if self.unit_filter.isdigit() else None
                status = self.status_filter if self.can_author else ""
                self.rows = [
                    {
                        "id": str(r.id),
                        "title": r.title,
                        "channel": r.channel,
                        "status": scenarios.STATUS_LABELS[r.status],
                        "version": str(r.version),
                        "owner": r.owner,
                        "unit": r.unit or "–",
                        "nodes": str(r.nodes),
                    }
                    for r in scenarios.list_scenarios(
                        session, actor, unit_id=unit_id, status=status
                    )
                ]
        except ServiceError as exc:
            self.rows, self.error = [], exc.message

    @rx.event
    def load(self):
        self.preview, self.import_error, self.import_text = {}, "", ""
        self.unit_filter = self.status_filter = ""
        self._reload()

    @rx.event
    def filter(self, form_data: dict):
        self.unit_filter = form_data.get("unit", "")
        self.status_filter = form_data.get("status", "")
        self._reload()

    @rx.event
    def create(self, form_data: dict):
        title = form_data.get("title", "").strip()
        text = form_data.get("first_text", "").strip()
        scenario = Scenario(
            title=title,
            setting=Setting(form_data.get("channel", ""), form_data.get("situation", "").strip()),
            start="start",
            nodes=[Node("start", text)],
        )
        if not text:
            self.error = "Skriv vad invånaren säger först. Inget har skapats."
            return None
        try:
            with session_scope() as session:
                new_id = scenarios.create_scenario(session, self._actor(), scenario)
        except ServiceError as exc:
            self.error = exc.message
            return None
        return rx.redirect(f"/traning/scenarier/{new_id}")

    @rx.event
    def set_import_text(self, text: str):
        self.import_text = text
        self.preview, self.import_error = {}, ""

    @rx.event
    def preview_import(self):
        self.preview, self.import_error = {}, ""
        if not scenarios.can_author(self._actor()):
            self.import_error = "Du har inte behörighet att skapa scenarier."
            return
        try:
            scenario = scenarios.parse_twee_text(self.import_text)
        except ServiceError as exc:
            self.import_error = exc.message
            return
        problems = validate_scenario(scenario)
        self.preview = {
            "title": scenario.title or "(utan titel)",
            "channel": scenario.setting.channel,
            "nodes": str(len(scenario.nodes)),
            "choices": str(len(scenario.choices)),
            "ends": str(sum(1 for n in scenario.nodes if n.is_end)),
            "problems": str(len(problems)),
        }

    @rx.event
    def confirm_import(self):
        try:
            with session_scope() as session:
                new_id = scenarios.import_twee(session, self._actor(), self.import_text)
        except ServiceError as exc:
            self.import_error = exc.message
            return None
        return rx.redirect(f"/traning/scenarier/{new_id}")

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


def image_url(scenario_id: int, image: str | None) -> str:
    """The download route of a stored node image; "" for none (or a path only Twine knows)."""
    if not images.is_stored_name(image):
        return ""
    return f"/api/traning/scenarier/{scenario_id}/bilder/{image}"


def _node_rows(scenario: Scenario, scenario_id: int) -> list[dict]:
    counts: dict[str, int] = {}
    for choice in scenario.choices:
        counts[choice.source] = counts.get(choice.source, 0) + 1
    return [
        {
            "id": n.id,
            "row_id": "row-" + node_svg_id(n.id),
            "text": n.text,
            "kind": "Start" if n.id == scenario.start else ("Slut" if n.is_end else "Situation"),
            "is_end": n.is_end,
            "closing": n.closing,
            "choices": str(counts.get(n.id, 0)),
            "image_url": image_url(scenario_id, n.image),
            "image_alt": n.image_alt,
        }
        for n in scenario.nodes
    ]


def _choice_rows(scenario: Scenario) -> list[dict]:
    return [
        {
            "id": c.id,
            "source": c.source,
            "target": c.target,
            "text": c.text,
            "feedback": c.feedback,
            "scores": ", ".join(f"{d} {s:+d}" for d, s in c.scores.items() if s) or "–",
        }
        for c in scenario.choices
    ]


class ScenarioEditorState(SessionState):
    scenario_id: int = 0
    version: int = 0
    status: str = ""
    status_label: str = ""
    can_edit: bool = False
    title: str = ""
    channel: str = ""
    situation: str = ""
    start: str = ""
    dimensions: list[str] = []
    dimension_rows: list[dict[str, str]] = []
    journey_step: str = ""
    journey_label: str = ""
    journey_options: list[dict[str, str]] = []
    image_alt: str = ""
    nodes: list[dict] = []
    choices: list[dict] = []
    node_options: list[dict[str, str]] = []
    problems: list[str] = []
    svg: str = ""
    map_error: str = ""
    error: str = ""
    notice: str = ""
    node_id: str = ""  # the node form: "" = new node
    node: dict = {}
    choice_id: str = ""  # the choice form: "" = new choice
    choice: dict = {}
    choice_scores: list[dict[str, str]] = []
    form_key: int = 0

    def _route_id(self) -> int:
        raw = self.router.page.params.get("scenario_id", "")
        return int(raw) if str(raw).isdigit() else 0

    def _show(self, stored: scenarios.StoredScenario) -> None:
        scenario = stored.scenario
        self.scenario_id, self.version, self.status = stored.id, stored.version, stored.status
        self.status_label = scenarios.STATUS_LABELS[stored.status]
        self.can_edit = stored.can_edit
        self.title, self.channel = scenario.title, scenario.setting.channel
        self.situation, self.start = scenario.setting.situation, scenario.start
        self.dimensions = list(scenario.dimensions)
        used = {d: sum(1 for c in scenario.choices if c.scores.get(d)) for d in scenario.dimensions}
        self.dimension_rows = [
            {"name": d, "field_id": f"dimension-{i}", "used": str(used[d])}
            for i, d in enumerate(scenario.dimensions)
        ]
        self.journey_step = scenario.setting.journey_step or ""
        self.journey_label = scenario.setting.journey_label or self.journey_step
        self.nodes = _node_rows(scenario, stored.id)
        if self.node_id:
            self.node = next((dict(n) for n in self.nodes if n["id"] == self.node_id), {})
        self.choices = _choice_rows(scenario)
        self.node_options = [
            {"value": n.id, "label": f"{n.id}: {n.text[:60]}"} for n in scenario.nodes
        ]
        self.problems = [p.message for p in validate_scenario(scenario)]
        try:
            self.svg, self.map_error = svg_markup(scenario), ""
        except RenderError as exc:
            self.svg, self.map_error = "", str(exc)
        self._reset_choice_scores()
        self.form_key += 1

    def _reset_choice_scores(self) -> None:
        scores = self.choice.get("scores_map", {}) if self.choice else {}
        self.choice_scores = [
            {"dimension": d, "field_id": f"score-{i}", "value": str(scores.get(d, 0))}
            for i, d in enumerate(self.dimensions)
        ]

    @rx.event
    def load(self):
        self.error = self.notice = ""
        self.node_id, self.node, self.choice_id, self.choice = "", {}, "", {}
        try:
            with session_scope() as session:
                actor = self._actor()
                if not scenarios.can_author(actor):
                    self.can_edit, self.scenario_id = False, 0
                    self.error = "Du har inte behörighet att redigera scenarier."
                    return
                self._show(scenarios.get_scenario(session, actor, self._route_id()))
                self.journey_options = [
                    {"value": ref, "label": label}
                    for ref, label in journey_steps.step_options(session, actor)
                ]
        except ServiceError as exc:
            self.scenario_id, self.error = 0, exc.message

    def _edit(self, change: Callable[[Scenario], str]) -> bool:
        """Apply ``change`` to the stored scenario and save it; nothing is saved on error."""
        self.error = self.notice = ""
        try:
            with session_scope() as session:
                actor = self._actor()
                stored = scenarios.get_scenario(session, actor, self.scenario_id)
                if stored.version != self.version:
                    self.error = (
                        "Scenariot har ändrats av någon annan sedan du öppnade det. "
                        "Ladda om sidan; inget har sparats."
                    )
                    return False
                notice = change(stored.scenario)
                scenarios.save_scenario(
                    session, actor, self.scenario_id, stored.scenario, stored.version
                )
                self._show(scenarios.get_scenario(session, actor, self.scenario_id))
        except ServiceError as exc:
            self.error = exc.message
            return False
        self.notice = notice
        return True

    @rx.event
    def save_setting(self, form_data: dict):
        reference, label = form_data.get("journey_step", ""), ""
        if reference:
            try:
                with session_scope() as session:
                    reference, label = journey_steps.resolve_step(session, self._actor(), reference)
            except ServiceError as exc:
                self.error, self.notice = exc.message + " Inget har sparats.", ""
                return

        def change(scenario: Scenario) -> str:
            editing.update_setting(
                scenario,
                title=form_data.get("title", ""),
                channel=form_data.get("channel", ""),
                situation=form_data.get("situation", ""),
                start=form_data.get("start", ""),
                journey_step=reference,
                journey_label=label,
            )
            return "Inramningen är sparad."

        self._edit(change)

    # ---- score dimensions ---------------------------------------------------------------------

    @rx.event
    def add_dimension(self, form_data: dict):
        def change(scenario: Scenario) -> str:
            name = editing.add_dimension(scenario, form_data.get("name", ""))
            return f"Dimensionen {name} är tillagd."

        self._edit(change)

    @rx.event
    def rename_dimension(self, form_data: dict):
        old = form_data.get("old", "")

        def change(scenario: Scenario) -> str:
            new = editing.rename_dimension(scenario, old, form_data.get("new", ""))
            return f"Dimensionen {old} heter nu {new}."

        self._edit(change)

    @rx.event
    def remove_dimension(self, name: str):
        def change(scenario: Scenario) -> str:
            editing.remove_dimension(scenario, name)
            return f"Dimensionen {name} är borttagen."

        self._edit(change)

    # ---- nodes --------------------------------------------------------------------------------

    @rx.event
    def open_node(self, node_id: str):
        self.node_id = node_id
        self.node = next((dict(n) for n in self.nodes if n["id"] == node_id), {})
        self.image_alt = self.node.get("image_alt", "")
        self.form_key += 1
        return rx.call_script("document.getElementById('node-text')?.focus()")

    @rx.event
    def new_node(self):
        self.node_id, self.node = "", {}
        self.form_key += 1
        return rx.call_script("document.getElementById('node-text')?.focus()")

    @rx.event
    def save_node(self, form_data: dict):
        node_id = self.node_id

        def change(scenario: Scenario) -> str:
            saved = editing.save_node(
                scenario,
                node_id,
                text=form_data.get("text", ""),
                is_end=form_data.get("is_end") == "on",
                closing=form_data.get("closing", ""),
            )
            return f"Noden {saved} är sparad."

        if self._edit(change):
            self.node_id, self.node = "", {}
            self.form_key += 1

    # ---- node images --------------------------------------------------------------------------

    @rx.event
    def set_image_alt(self, text: str):
        self.image_alt = text

    def _attach_image(self, data: bytes) -> None:
        """Check and store the uploaded bytes, then attach them to the open node."""
        node_id, alt = self.node_id, self.image_alt
        self.error = self.notice = ""
        if not node_id:
            self.error = "Spara noden först och öppna den sedan för att lägga till en bild."
            return
        if not scenarios.can_author(self._actor()):
            self.error = "Du har inte behörighet att göra detta."
            return
        if not alt.strip():
            self.error = "Skriv en alternativtext som beskriver bilden. Inget har sparats."
            return
        try:
            name = images.store_image(data)
        except ServiceError as exc:
            self.error = exc.message + " Inget har sparats."
            return

        def change(scenario: Scenario) -> str:
            editing.set_node_image(scenario, node_id, name, alt)
            return f"Bilden är sparad i noden {node_id}."

        if self._edit(change):
            self.image_alt = ""

    @rx.event
    async def upload_image(self, files: list[rx.UploadFile]):
        if not files:
            self.error = "Välj en bildfil först."
            return
        # Read at most one byte past the limit: enough to refuse a larger file.
        self._attach_image(await files[0].read(images.MAX_BYTES + 1))

    @rx.event
    def save_image_alt(self):
        node_id, alt = self.node_id, self.image_alt

        def change(scenario: Scenario) -> str:
            node = scenario.node(node_id)
            if node is None or node.image is None:
                raise ValidationError("Noden har ingen bild.")
            editing.set_node_image(scenario, node_id, node.image, alt)
            return "Bildens alternativtext är sparad."

        if self._edit(change):
            self.image_alt = ""

    @rx.event
    def remove_image(self):
        node_id = self.node_id

        def change(scenario: Scenario) -> str:
            editing.set_node_image(scenario, node_id, None, "")
            return f"Bilden är borttagen från noden {node_id}."

        self._edit(change)

    @rx.event
    def delete_node(self, node_id: str):
        def change(scenario: Scenario) -> str:
            editing.delete_node(scenario, node_id)
            return f"Noden {node_id} och dess val är borttagna."

        if self._edit(change):
            self.node_id, self.node = "", {}

    # ---- choices ------------------------------------------------------------------------------

    @rx.event
    def open_choice(self, choice_id: str):
        self.choice_id, self.error = choice_id, ""
        try:
            with session_scope() as session:
                stored = scenarios.get_scenario(session, self._actor(), self.scenario_id)
        except ServiceError as exc:
            self.error = exc.message
            return None
        found = stored.scenario.choice(choice_id)
        self.choice = (
            {
                "source": found.source,
                "target": found.target,
                "text": found.text,
                "feedback": found.feedback,
                "scores_map": dict(found.scores),
            }
            if found
            else {}
        )
        self._reset_choice_scores()
        self.form_key += 1
        return rx.call_script("document.getElementById('choice-text')?.focus()")

    @rx.event
    def new_choice(self):
        self.choice_id, self.choice = "", {}
        self._reset_choice_scores()
        self.form_key += 1
        return rx.call_script("document.getElementById('choice-source')?.focus()")

    @rx.event
    def save_choice(self, form_data: dict):
        choice_id = self.choice_id
        try:
            scores = {
                d: int(form_data.get(f"score-{i}", "0") or 0) for i, d in enumerate(self.dimensions)
            }
        except ValueError:
            self.error = "Poängen ska vara heltal. Inget har sparats."
            return

        def change(scenario: Scenario) -> str:
            saved = editing.save_choice(
                scenario,
                choice_id,
                source=form_data.get("source", ""),
                target=form_data.get("target", ""),
                text=form_data.get("text", ""),
                feedback=form_data.get("feedback", ""),
                scores=scores,
            )
            return f"Valet {saved} är sparat."

        if self._edit(change):
            self.choice_id, self.choice = "", {}
            self._reset_choice_scores()
            self.form_key += 1

    @rx.event
    def delete_choice(self, choice_id: str):
        def change(scenario: Scenario) -> str:
            editing.delete_choice(scenario, choice_id)
            return f"Valet {choice_id} är borttaget."

        if self._edit(change):
            self.choice_id, self.choice = "", {}

    # ---- status -------------------------------------------------------------------------------

    @rx.event
    def set_status(self, status: str):
        self.error = self.notice = ""
        try:
            with session_scope() as session:
                actor = self._actor()
                scenarios.set_status(session, actor, self.scenario_id, status)
                self._show(scenarios.get_scenario(session, actor, self.scenario_id))
        except ServiceError as exc:
            self.error = exc.message
            return
        published = status == "published"
        self.notice = "Scenariot är publicerat." if published else "Scenariot är ett utkast."
