"""State of the scenario editor: setting, dimensions, nodes (with images), choices, status.

Every change goes through `scenarios.edit_scenario` (load, check the version, change, save);
its message is shown beside the form or table that caused it.
"""

from __future__ import annotations

from collections.abc import Callable

import reflex as rx

from academy.core.errors import AccessDenied, ValidationError
from academy.core.web.base import BaseState
from academy.practice import editing, images, journey_steps, scenarios
from academy.practice.scenario import Scenario
from academy.practice.scenario_map import svg_markup
from academy.practice.web import forms, view
from academy.practice.web.view import ChoiceRow, DimensionRow, NodeRow, ScoreField
from journeys.errors import RenderError

NOT_AN_AUTHOR = "Du har inte behörighet att redigera scenarier."
Change = Callable[[Scenario], str]


class ScenarioEditorState(BaseState):
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
    dimension_rows: list[DimensionRow] = []
    journey_step: str = ""
    journey_label: str = ""
    journey_options: list[dict[str, str]] = []
    image_alt: str = ""
    nodes: list[NodeRow] = []
    choices: list[ChoiceRow] = []
    node_options: list[dict[str, str]] = []
    problems: list[str] = []  # errors: they block publishing
    advice: list[str] = []
    svg: str = ""
    map_error: str = ""
    node_id: str = ""  # the node form: "" = new node
    node: NodeRow = NodeRow()
    choice_id: str = ""  # the choice form: "" = new choice
    choice: ChoiceRow = ChoiceRow()
    choice_scores: list[ScoreField] = []
    _open_scores: dict[str, int] = {}
    # Each form is renewed only when what it shows changed, so typing in one survives a save
    # in another: the setting after it is saved, the dimensions (and the choice form's score
    # fields) after a dimension changed, the node and choice forms when one is opened, new or
    # saved; `form_key` renews them all (another scenario).
    setting_key: int = 0
    dimension_key: int = 0
    node_key: int = 0
    choice_key: int = 0

    def _show(self, stored: scenarios.StoredScenario) -> None:
        scenario = stored.scenario
        self.scenario_id, self.version, self.status = stored.id, stored.version, stored.status
        self.status_label = scenarios.STATUS_LABELS[stored.status]
        self.can_edit = stored.can_edit
        self.title, self.channel = scenario.title, scenario.setting.channel
        self.situation, self.start = scenario.setting.situation, scenario.start
        self.dimensions = list(scenario.dimensions)
        self.dimension_rows = view.dimension_rows(scenario)
        self.journey_step = scenario.setting.journey_step or ""
        self.journey_label = scenario.setting.journey_label or self.journey_step
        self.nodes = view.node_rows(scenario, stored.id)
        if self.node_id:
            self.node = self._node_row(self.node_id)
        self.choices = view.choice_rows(scenario)
        self.node_options = view.node_options(scenario)
        self.problems, self.advice = view.problem_texts(scenario)
        try:
            self.svg, self.map_error = svg_markup(scenario), ""
        except RenderError as exc:
            self.svg, self.map_error = "", str(exc)
        self.choice_scores = view.score_fields(self.dimensions, self._open_scores)

    def _node_row(self, node_id: str) -> NodeRow:
        return next((n for n in self.nodes if n.id == node_id), NodeRow())

    def _reload(self, session, actor) -> None:
        self._show(scenarios.get_scenario(session, actor, self.scenario_id))

    @rx.event
    def load(self):
        self.node_id, self.node, self.choice_id, self.choice = "", NodeRow(), "", ChoiceRow()
        self._open_scores = {}
        self.form_key += 1

        def load(session, actor):
            if not scenarios.can_author(actor):
                raise AccessDenied(NOT_AN_AUTHOR)
            self.scenario_id = self._param("scenario_id") or 0
            self._reload(session, actor)
            options = journey_steps.step_options(session, actor)
            self.journey_options = view.options(options)

        if not self._run(load, at="page"):
            self.scenario_id, self.can_edit = 0, False

    def _edit(self, change: Change, at: str, prepare=None) -> bool:
        """Change the stored scenario and save it; the change's text is the notice at `at`.

        `prepare(session, actor)` may check input against the database first and return the
        change to make."""
        said: list[str] = []

        def edit(session, actor):
            make = prepare(session, actor) if prepare else change
            said.append(
                scenarios.edit_scenario(session, actor, self.scenario_id, self.version, make)
            )
            self._reload(session, actor)

        if not self._run(edit, at=at):
            return False
        self.notice = said[0]
        return True

    @rx.event
    def save_setting(self, form_data: dict):
        data = forms.setting(form_data)

        def prepare(session, actor) -> Change:
            reference, label = "", ""
            if data.journey_step:
                reference, label = journey_steps.resolve_step(session, actor, data.journey_step)

            def change(scenario: Scenario) -> str:
                editing.update_setting(
                    scenario,
                    title=data.title,
                    channel=data.channel,
                    situation=data.situation,
                    start=data.start,
                    journey_step=reference,
                    journey_label=label,
                )
                return "Inramningen är sparad."

            return change

        if self._edit(None, "setting", prepare):
            self.setting_key += 1

    # ---- score dimensions ---------------------------------------------------------------------

    def _edit_dimensions(self, change: Change) -> None:
        """A dimension changed: its rows, and the choice form's score fields, are new."""
        if self._edit(change, "dimensions"):
            self.dimension_key += 1
            self.choice_key += 1

    @rx.event
    def add_dimension(self, form_data: dict):
        def change(scenario: Scenario) -> str:
            name = editing.add_dimension(scenario, form_data.get("name", ""))
            return f"Dimensionen {name} är tillagd."

        self._edit_dimensions(change)

    @rx.event
    def rename_dimension(self, form_data: dict):
        old = form_data.get("old", "")

        def change(scenario: Scenario) -> str:
            new = editing.rename_dimension(scenario, old, form_data.get("new", ""))
            return f"Dimensionen {old} heter nu {new}."

        self._edit_dimensions(change)

    @rx.event
    def remove_dimension(self, name: str):
        def change(scenario: Scenario) -> str:
            editing.remove_dimension(scenario, name)
            return f"Dimensionen {name} är borttagen."

        self._edit_dimensions(change)

    # ---- nodes --------------------------------------------------------------------------------

    @rx.event
    def open_node(self, node_id: str):
        self.node_id, self.node = node_id, self._node_row(node_id)
        self.image_alt = self.node.image_alt
        self._clear_messages("node")
        self.node_key += 1
        return rx.set_focus("node-text")

    @rx.event
    def new_node(self):
        self.node_id, self.node = "", NodeRow()
        self._clear_messages("node")
        self.node_key += 1
        return rx.set_focus("node-text")

    @rx.event
    def save_node(self, form_data: dict):
        node_id, data = self.node_id, forms.node(form_data)

        def change(scenario: Scenario) -> str:
            saved = editing.save_node(
                scenario, node_id, text=data.text, is_end=data.is_end, closing=data.closing
            )
            return f"Noden {saved} är sparad."

        if self._edit(change, "node"):
            self.node_id, self.node = "", NodeRow()
            self.node_key += 1

    @rx.event
    def delete_node(self, node_id: str):
        def change(scenario: Scenario) -> str:
            editing.delete_node(scenario, node_id)
            return f"Noden {node_id} och dess val är borttagna."

        if self._edit(change, "nodes") and self.node_id == node_id:
            self.node_id, self.node = "", NodeRow()
            self.node_key += 1

    # ---- node images --------------------------------------------------------------------------

    @rx.event
    def set_image_alt(self, text: str):
        self.image_alt = text

    def _attach_image(self, data: bytes) -> None:
        """Check and store the uploaded bytes, then attach them to the open node."""
        node_id, alt = self.node_id, self.image_alt
        if not node_id:
            self._fail("Spara noden först och öppna den sedan för att lägga till en bild.", "node")
            return

        def attach(session, actor):
            scenarios.attach_image(
                session, actor, self.scenario_id, self.version, node_id, data, alt
            )
            self._reload(session, actor)

        if self._run(attach, f"Bilden är sparad i noden {node_id}.", at="node-image"):
            self.image_alt = ""

    @rx.event
    async def upload_image(self, files: list[rx.UploadFile]):
        if not files:
            self._fail("Välj en bildfil först.", "node-image")
            return

        # The role is checked before the file is read; at most one byte past the cap is read.
        def check(session, actor):
            scenarios.require_author(actor)

        if not self._run(check, at="node-image"):
            return
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

        if self._edit(change, "node-image"):
            self.image_alt = ""

    @rx.event
    def remove_image(self):
        node_id = self.node_id

        def change(scenario: Scenario) -> str:
            editing.set_node_image(scenario, node_id, None, "")
            return f"Bilden är borttagen från noden {node_id}."

        self._edit(change, "node-image")

    # ---- choices ------------------------------------------------------------------------------

    def _open_choice(self, choice_id: str, row: ChoiceRow, scores: dict[str, int]) -> None:
        self.choice_id, self.choice, self._open_scores = choice_id, row, scores
        self.choice_scores = view.score_fields(self.dimensions, scores)
        self.choice_key += 1

    @rx.event
    def open_choice(self, choice_id: str):
        found: list = []

        def read(session, actor):
            stored = scenarios.get_scenario(session, actor, self.scenario_id)
            found.append(stored.scenario.choice(choice_id))

        if not self._run(read, at="choice") or found[0] is None:
            self._open_choice("", ChoiceRow(), {})
            return None
        choice = found[0]
        row = ChoiceRow(choice.id, "", choice.source, choice.target, choice.text, choice.feedback)
        self._open_choice(choice_id, row, dict(choice.scores))
        return rx.set_focus("choice-text")

    @rx.event
    def new_choice(self):
        self._open_choice("", ChoiceRow(), {})
        self._clear_messages("choice")
        return rx.set_focus("choice-source")

    @rx.event
    def save_choice(self, form_data: dict):
        choice_id, dimensions = self.choice_id, list(self.dimensions)

        def change(scenario: Scenario) -> str:
            data = forms.choice(form_data, dimensions)
            saved = editing.save_choice(
                scenario,
                choice_id,
                source=data.source,
                target=data.target,
                text=data.text,
                feedback=data.feedback,
                scores=data.scores,
            )
            return f"Valet {saved} är sparat."

        if self._edit(change, "choice"):
            self._open_choice("", ChoiceRow(), {})

    @rx.event
    def delete_choice(self, choice_id: str):
        def change(scenario: Scenario) -> str:
            editing.delete_choice(scenario, choice_id)
            return f"Valet {choice_id} är borttaget."

        if self._edit(change, "choices") and self.choice_id == choice_id:
            self._open_choice("", ChoiceRow(), {})

    # ---- status -------------------------------------------------------------------------------

    @rx.event
    def set_status(self, status: str):
        def change(session, actor):
            scenarios.set_status(session, actor, self.scenario_id, status)
            self._reload(session, actor)

        published = status == "published"
        done = "Scenariot är publicerat." if published else "Scenariot är ett utkast."
        self._run(change, done, at="status")
