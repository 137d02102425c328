"""/kundresor/[journey_id]: the journey editor's state. Thin: every change goes through
academy.journeys.store.edit_journey (role, visibility and version checked first) and every
message shows beside the action that caused it.

What changes on a click and nothing else (zoom, the open tab, the open step) lives in the small
substate `JourneyViewState`: the browser re-renders only what uses a changed state, so zooming or
opening a step does not redraw the rows of a large journey's tables or its diagram. Loading and
saving (parsing, analysis, rendering) run in a worker thread, off the event loop, and the
diagram follows the rest of the page in an update of its own: graphviz draws it meanwhile."""

from __future__ import annotations

import asyncio
import functools
import logging
import secrets
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

import reflex as rx

from academy.core.accounts import list_units
from academy.core.web.base import BaseState, message_for, route_param
from academy.journeys import editing, links, store
from academy.journeys.contacts.service import observed_for_journey
from academy.journeys.web import contacts_observed, diagrams, forms, view
from journeys.blueprint import Renderer
from journeys.contacts.observed import apply_observed
from journeys.errors import RenderError
from journeys.model import Journey
from journeys.render import inline_svg
from journeys.report import summarize

log = logging.getLogger(__name__)

# Where each action's message shows (ui.message(State, at=...)).
AT_PAGE = "page"
AT_META = "meta"
AT_STEP = "step"
AT_LINKS = "links"
AT_FLOWS = "flows"
AT_HISTORY = "history"
DEFAULT_ZOOM = 75
# The editor's tabs under the diagram, in the order of work (academy.ui.tabs).
TABS = ("columns", "steps", "flows", "analysis", "history", "details")
# ?flik=… opens a tab from a link (e.g. Kontaktanalys links to the analysis)
TAB_PARAMS = dict(
    faser="columns",
    steg="steps",
    floden="flows",
    analys="analysis",
    versioner="history",
    uppgifter="details",
)
READER_TABS = ("steps", "flows", "analysis", "history")  # the tabs of people who may not edit
# Stages and lanes report at "stage" / "lane".

# Diagrams are drawn here while the editor's worker thread builds the rest of the page: each
# drawing mostly waits for its graphviz process.
_DRAWING = ThreadPoolExecutor(max_workers=4, thread_name_prefix="journey-diagram")


def _draw(journey_id: int, render: Renderer) -> tuple[str, str]:
    """Run graphviz and keep the diagram: its URL and "", or "" and why it cannot be drawn
    (a message, never an exception: the event shows it after its transaction has ended)."""
    try:
        return diagrams.keep(journey_id, inline_svg(render())), ""
    except Exception as exc:
        if not isinstance(exc, RenderError):
            log.exception("Unexpected error drawing journey %s", journey_id)
        return "", message_for(exc)


@dataclass(frozen=True)
class _Drawing:
    """A diagram being drawn (its URL and error to come), and the observed contact figures it
    shows."""

    journey: Journey
    drawn: Future
    observed: dict
    period: str


def _start_drawing(session, actor, journey_id: int, journey: Journey) -> _Drawing:
    """Start drawing the journey's diagram, with the observed contact figures on its steps.
    Its DOT text is built here, before this thread goes on: built beside the rest of the
    page's Python work, it took twice as long and graphviz started that much later."""
    observed, period = observed_for_journey(session, actor, journey_id)
    try:
        render = contacts_observed.observed_renderer(journey, observed)
    except RenderError as exc:
        drawn: Future = Future()
        drawn.set_result(("", message_for(exc)))
    else:
        drawn = _DRAWING.submit(_draw, journey_id, render)
    return _Drawing(journey, drawn, observed, period)


# The diagrams shown while an editing event (`_diagram_after`) or the page's opening (`load`)
# runs its action: the event shows the last of them when graphviz is done. Unset elsewhere,
# where `_show` waits for it.
_STARTED: ContextVar[list[_Drawing] | None] = ContextVar("journey_diagrams", default=None)


# The step form a `save_step` event sent, while its change is shown (`_show_step`).
_SENT_STEP_FORM: ContextVar[dict | None] = ContextVar("sent_step_form", default=None)


@contextmanager
def _drawings_started():
    """The drawings `_show` starts in the block, left to the caller to show when drawn."""
    started: list[_Drawing] = []
    token = _STARTED.set(started)
    try:
        yield started
    finally:
        _STARTED.reset(token)


# The drawings a page opening started, until the event it chains shows them (`show_opened`),
# under a random key the tab's state holds on the server. Touched only on the event loop; a
# tab closed meanwhile leaves its entry, so the oldest go beyond `_OPENED_KEPT`.
_OPENED: dict[str, Future] = {}
_OPENED_KEPT = 256


def _keep_opened(drawn: Future) -> str:
    key = secrets.token_urlsafe(12)
    _OPENED[key] = drawn
    while len(_OPENED) > _OPENED_KEPT:
        del _OPENED[next(iter(_OPENED))]
    return key


def _diagram_after(handler):
    """An editing event whose diagram follows its other changes. What it changed (the tables,
    the analysis, its message) goes to the browser as soon as it is saved, while graphviz
    draws; the diagram follows in an update of its own, which re-renders only the diagram's
    box (its URL is JourneyViewState's)."""

    @functools.wraps(handler)
    async def event(self, *args, **kwargs):
        with _drawings_started() as started:
            then = await handler(self, *args, **kwargs)  # an event for the browser, or None
        if started or then is not None:
            yield then
        if started:
            self._view()._show_diagram(*await asyncio.wrap_future(started[-1].drawn))

    return event


class JourneyEditorState(BaseState):
    journey_id: int = 0
    version: int = 0
    title: str = ""
    kind: str = "current"
    kind_label: str = ""
    persona: str = ""
    goal: str = ""
    unit_id: str = ""
    shared: bool = False
    current_journey_id: str = ""
    can_edit: bool = False
    stages: list[view.ColumnRow] = []
    lanes: list[view.ColumnRow] = []
    steps: list[view.StepRow] = []
    flows: list[view.FlowRow] = []
    text_description: str = ""
    problems: list[view.ProblemRow] = []
    figures: list[view.Figure] = []
    curve: list[dict] = []
    history_rows: list[view.HistoryRow] = []
    current_options: list[view.Option] = []
    unit_options: list[view.Option] = []
    # Links from steps to training: all of the journey's (the open step's: JourneyViewState).
    all_links: list[view.LinkView] = []
    link_choices: list[view.Option] = []
    # Kontaktanalys: observed figures of the categories linked to the steps.
    observed_rows: list[contacts_observed.ObservedRow] = []
    observed_figures: list[list[str]] = []
    observed_period: str = ""
    # Each form is renewed only when what it shows changed, so typing in one survives a save
    # made with another: the journey's details after they are saved, the stages and lanes
    # after one of them changed (their rows go by position), the new-flow form after a flow
    # is added; the step form only when its step changed (JourneyViewState). `form_key`
    # renews them all (another journey, or a restored version).
    meta_key: int = 0
    columns_key: int = 0
    flows_key: int = 0
    # The key of the drawing the page's opening started (`_OPENED`); never sent to the browser.
    _opened_key: str = ""

    # ---- showing ------------------------------------------------------------------------------

    def _show(
        self, session, actor, stored: store.StoredJourney, drawing: _Drawing | None = None
    ) -> None:
        journey = stored.journey
        # The diagram first: graphviz draws it in a process of its own while this thread builds
        # the tables and the analysis (a 200-step journey: 30-70 ms beside its 180 ms diagram).
        # After an edit it was started before the journey was written (`_save`).
        drawing = drawing or _start_drawing(session, actor, stored.id, journey)
        observed, period = drawing.observed, drawing.period
        self.journey_id, self.version = stored.id, stored.version
        self.title, self.kind = journey.title, journey.kind
        self.kind_label = view.KIND_LABELS.get(journey.kind, journey.kind)
        self.persona, self.goal = journey.persona, journey.goal
        self.unit_id = str(stored.unit_id or "")
        self.shared = stored.shared
        self.current_journey_id = str(stored.current_journey_id or "")
        self.can_edit = stored.can_edit
        # Only what changed goes to the browser (a save changes a step, not every table).
        self._set("stages", view.column_rows(journey, "stage"))
        self._set("lanes", view.column_rows(journey, "lane"))
        self._set("steps", view.step_rows(journey))
        self._set("flows", view.flow_rows(journey))
        summary = summarize(journey)
        self._set("problems", view.problem_rows(summary))
        self._set("figures", view.key_figures(summary))
        self._set("curve", view.emotion_points(journey, summary))
        self._set("text_description", view.description(journey))
        self._show_observed(journey, observed, period)
        history = store.history(session, actor, stored.id, current=journey)
        self.history_rows = view.history_rows(history)
        self.current_options = [
            view.Option(str(row.id), row.title)
            for row in store.list_journeys(session, actor, kind="current")
            if row.id != stored.id
        ]
        self._set("unit_options", [view.Option(str(u.id), u.path) for u in list_units(session)])
        self._set("all_links", view.link_rows(links.training_links(session, actor, stored.id)))
        choices = view.options(links.target_choices(session)) if stored.can_edit else []
        self._set("link_choices", choices)
        started = _STARTED.get()
        if started is None:
            self._view()._show_diagram(*drawing.drawn.result())
        else:
            started.append(drawing)  # shown by the event when it is drawn
        self._view()._show_step()

    def _show_observed(self, journey: Journey, observed: dict, period: str) -> None:
        """Show the observed contact figures (the diagram shows them too: `_start_drawing`)."""
        self._set("observed_period", period)
        self._set("observed_rows", contacts_observed.observed_rows(journey, observed))
        # Without observed steps the panel is hidden: no copy of the journey, no second summary.
        figures = contacts_observed.observed_figures(journey, observed) if observed else []
        self._set("observed_figures", figures)
        if observed:
            # The analysis uses the observed figures where steps have them.
            applied = apply_observed(journey, observed)
            self._set("figures", view.key_figures(summarize(applied)))

    def _set(self, name: str, value) -> None:
        """Set a var only when its value changed: an unchanged table is not sent again."""
        if getattr(self, name) != value:
            setattr(self, name, value)

    def _save(self, session, actor, journey_id: int, change, **saving) -> None:
        """`store.edit_journey`, then show the saved journey. Its diagram is drawn while the
        change is checked and written, and the saved journey is not read and parsed again."""
        drawing: list[_Drawing] = []

        def draw(journey: Journey) -> None:
            drawing.append(_start_drawing(session, actor, journey_id, journey))

        store.edit_journey(session, actor, journey_id, change, changed=draw, **saving)
        stored = store.get_edited(session, actor, journey_id, drawing[0].journey)
        self._show(session, actor, stored, drawing[0])

    def _reload(self, session, actor) -> None:
        self._show(session, actor, store.get_journey(session, actor, self.journey_id))

    def _view(self) -> JourneyViewState:
        """This tab's view substate (zoom, tab, open step): Reflex loads the substates of the
        state whose event runs."""
        return self.substates[JourneyViewState.get_name()]

    async def _off_loop(self, action, at: str) -> bool:
        """`self._run(action, at=at)` in a worker thread: the event loop serves everyone else
        meanwhile (this tab's state stays locked until it is done)."""
        return await asyncio.to_thread(self._run, action, at=at)

    @rx.event
    async def load(self):
        """Open the journey: its tables, analysis and forms at once, its diagram when graphviz
        has drawn it (in the event this returns, `show_opened`)."""
        self.journey_id = self._param("journey_id") or 0
        shown = self._view()
        shown.step_id = route_param(self, "steg")
        shown.zoom, shown.fit = DEFAULT_ZOOM, False
        shown._show_diagram("", "")  # not the diagram of a journey opened before in this tab

        def act(session, actor) -> None:
            self._show(session, actor, store.get_journey(session, actor, self.journey_id))

        self.form_key += 1
        with _drawings_started() as started:
            opened = await self._off_loop(act, at=AT_PAGE)
        if not opened:
            self.journey_id = 0
        shown._open_step(shown.step_id)
        # Stages and lanes come first: a journey without them opens where they are added.
        shown.tab = "columns" if self.can_edit and not (self.stages and self.lanes) else "steps"
        asked = TAB_PARAMS.get(route_param(self, "flik"), "")
        if asked and (self.can_edit or asked in READER_TABS):
            shown.tab = asked
        if opened and started:
            self._opened_key, shown.drawing = _keep_opened(started[-1].drawn), True
            return JourneyEditorState.show_opened

    @rx.event
    async def show_opened(self):
        """Chained by `load`: show the diagram its opening started, once it is drawn. It reads
        no payload: the key is the tab's own, set on the server. Where the drawing is not in
        this worker's keeping (the worker started anew meanwhile), it is drawn again, with the
        login and the person's access to the journey checked as on every event."""
        drawn = _OPENED.pop(self._opened_key, None)
        self._opened_key = ""
        if drawn is None:
            drawing: list[_Drawing] = []

            def act(session, actor) -> None:
                stored = store.get_journey(session, actor, self.journey_id)
                drawing.append(_start_drawing(session, actor, stored.id, stored.journey))

            if not await self._off_loop(act, at=AT_PAGE):
                self._view().drawing = False
                return
            drawn = drawing[0].drawn
        self._view()._show_diagram(*await asyncio.wrap_future(drawn))

    # ---- saving -------------------------------------------------------------------------------

    async def _edit(self, change: Callable[[Journey], object], summary: str, at: str) -> bool:
        """Apply `change` to the stored journey and save it as a new version, reported at `at`.

        On any refusal nothing is saved and the form keeps what the person typed."""
        journey_id, expected = self.journey_id, self.version

        def act(session, actor) -> None:
            self._save(
                session, actor, journey_id, change, expected_version=expected, summary=summary
            )

        if not await self._off_loop(act, at=at):
            return False
        self.notice = f"Sparat som version {self.version}."
        return True

    @rx.event
    @_diagram_after
    async def save_metadata(self, form_data: dict):
        journey_id, expected = self.journey_id, self.version

        def act(session, actor) -> None:
            store.require_editor(actor)
            meta = forms.metadata(form_data)
            self._save(
                session,
                actor,
                journey_id,
                lambda j: editing.set_metadata(j, meta.title, meta.persona, meta.goal, meta.kind),
                expected_version=expected,
                summary="Uppgifter ändrade",
                unit_id=meta.unit_id,
                shared=meta.shared,
                current_journey_id=meta.current_journey_id,
            )

        if await self._off_loop(act, at=AT_META):
            self.notice = f"Sparat som version {self.version}."
            self.meta_key += 1

    @rx.event
    @_diagram_after
    async def save_step(self, form_data: dict):
        shown = self._view()
        step_id, saved = shown.step_id, []

        def change(journey: Journey) -> None:
            saved.append(editing.save_step(journey, step_id, forms.step(form_data)))

        verb = "ändrat" if step_id else "tillagt"
        text = str(form_data.get("text", "")).strip()[:80]
        sent = _SENT_STEP_FORM.set(form_data if step_id else None)
        try:
            done = await self._edit(change, f"Steg {verb}: {text}", AT_STEP)
        finally:
            _SENT_STEP_FORM.reset(sent)
        # A saved step's form was kept or made again by `_show_step`.
        if done and not step_id:
            # Steps are added one after another: the next one's text is typed at once.
            shown._ready_for_next(saved[0])
            return rx.set_focus("f-text")

    @rx.event
    @_diagram_after
    async def delete_step(self):
        shown = self._view()
        step_id = shown.step_id
        if not step_id:
            return
        if await self._edit(lambda j: editing.delete_step(j, step_id), "Steg borttaget", AT_STEP):
            shown._open_step("")

    async def _edit_columns(self, change, summary: str, at: str) -> None:
        """`_edit` for the stages and lanes: their forms go by position, so they are renewed."""
        if await self._edit(change, summary, at):
            self.columns_key += 1

    @rx.event
    @_diagram_after
    async def add_column(self, form_data: dict):
        what = "lane" if form_data.get("what") == "lane" else "stage"
        noun = "Bana" if what == "lane" else "Fas"

        def change(journey: Journey) -> None:
            column = forms.column(form_data)
            editing.add_column(journey, column.what, column.name, column.role)

        name = str(form_data.get("name", "")).strip()[:80]
        await self._edit_columns(change, f"{noun} tillagd: {name}", what)

    @rx.event
    @_diagram_after
    async def rename_column(self, form_data: dict):
        what = "lane" if form_data.get("what") == "lane" else "stage"

        def change(journey: Journey) -> None:
            column = forms.column(form_data)
            editing.rename_column(journey, column.what, column.item_id, column.name)

        await self._edit_columns(change, "Namn ändrat", what)

    @rx.event
    @_diagram_after
    async def move_column(self, what: str, item_id: str, offset: int):
        what = "lane" if what == "lane" else "stage"
        step = 1 if offset > 0 else -1
        await self._edit_columns(
            lambda j: editing.move_column(j, what, item_id, step), "Ordning ändrad", what
        )

    @rx.event
    @_diagram_after
    async def delete_column(self, form_data: dict):
        what = "lane" if form_data.get("what") == "lane" else "stage"
        item_id, move_to = str(form_data.get("id", "")), str(form_data.get("move_to", ""))
        noun = "Bana" if what == "lane" else "Fas"
        await self._edit_columns(
            lambda j: editing.delete_column(j, what, item_id, move_to), f"{noun} borttagen", what
        )

    @rx.event
    @_diagram_after
    async def add_flow(self, form_data: dict):
        texts = {step.id: step.text for step in self.steps}
        source, target = str(form_data.get("source", "")), str(form_data.get("target", ""))
        summary = f"Flöde tillagt: {texts.get(source, source)} → {texts.get(target, target)}"
        if await self._edit(
            lambda j: editing.add_flow(j, forms.flow(form_data)), summary, AT_FLOWS
        ):
            self.flows_key += 1

    @rx.event
    @_diagram_after
    async def delete_flow(self, source: str, target: str):
        await self._edit(
            lambda j: editing.delete_flow(j, source, target), "Flöde borttaget", AT_FLOWS
        )

    # ---- links to training and history ---------------------------------------------------------

    async def _then_reload(self, call: Callable[..., object], success: str, at: str) -> bool:
        """Run `call(session, actor, journey_id)`, then show the journey as it is now."""
        journey_id = self.journey_id

        def act(session, actor) -> None:
            call(session, actor, journey_id)
            self._reload(session, actor)

        if not await self._off_loop(act, at=at):
            return False
        self.notice = success
        return True

    @rx.event
    @_diagram_after
    async def link_training(self, form_data: dict):
        step_id = self._view().step_id
        target, pain = str(form_data.get("target", "")), str(form_data.get("pain_point", ""))
        await self._then_reload(
            lambda session, actor, journey_id: links.link_training(
                session, actor, journey_id, step_id, target, pain
            ),
            "Kopplingen till utbildning är sparad.",
            AT_LINKS,
        )

    @rx.event
    @_diagram_after
    async def unlink_training(self, link_id: int):
        await self._then_reload(
            lambda session, actor, journey_id: links.unlink_training(
                session, actor, journey_id, int(link_id)
            ),
            "Kopplingen är borttagen.",
            AT_LINKS,
        )

    @rx.event
    @_diagram_after
    async def restore(self, version: int):
        expected = self.version
        if await self._then_reload(
            lambda session, actor, journey_id: store.restore_version(
                session, actor, journey_id, int(version), expected_version=expected
            ),
            "",
            AT_HISTORY,
        ):
            self.notice = f"Version {version} är återställd som version {self.version}."
            self.form_key += 1  # every form shows the restored version
            self._view()._open_step(self._view().step_id)


class JourneyViewState(JourneyEditorState):
    """What one click changes on the editor: zoom, the open tab and the open step. A substate of
    its own, so such an event sends and re-renders only this (the journey's rows stay put)."""

    # The open step ("" = a new step) and the values its form starts from.
    step_id: str = ""
    step: view.StepRow = view.StepRow()
    just_added: str = ""  # the text of the step saved just before this new-step form
    step_links: list[view.LinkView] = []  # the open step's links to training
    step_form_key: int = 0  # bumped to re-create the step form from `step`
    # Natural size, a little smaller: a 30-step blueprint stays readable and scrolls.
    zoom: int = DEFAULT_ZOOM
    fit: bool = False
    tab: str = "steps"  # the open tab under the diagram (TABS)
    # The diagram's URL (academy.journeys.web.diagrams): the SVG itself stays out of the state.
    svg_url: str = ""
    diagram_error: str = ""
    drawing: bool = False  # the page is open and graphviz is still drawing its diagram

    def _show_diagram(self, svg_url: str, error: str) -> None:
        self.svg_url, self.diagram_error, self.drawing = svg_url, error, False

    def _show_step(self) -> None:
        """After a change: the open step's links as they are now, and its form renewed only
        when the step itself changed or is gone; a new step's form keeps what is typed. The
        form that saved the step is kept as it is (the focus where it was) when it already shows
        the step as saved: made again, it would only show the same values."""
        self.step_links = [link for link in self.all_links if link.step_id == self.step_id]
        current = next((s for s in self.steps if s.id == self.step_id), None)
        if not self.step_id or current == self.step:
            return
        sent = _SENT_STEP_FORM.get()
        if current is not None and sent is not None and forms.step_form_shows(current, sent):
            self.step = current  # its key stays: the form in the page is not made again
        else:
            self._open_step(self.step_id)

    def _open_step(self, step_id: str) -> None:
        """Open a step in the form ("" or a step that is gone: a new step)."""
        self.just_added = ""
        found = next((s for s in self.steps if s.id == step_id), None)
        self.step_id = found.id if found else ""
        self.step = found or view.StepRow()
        self.step_links = [link for link in self.all_links if link.step_id == self.step_id]
        self.step_form_key += 1

    def _ready_for_next(self, added_id: str) -> None:
        """After a new step: an empty form for the next one, in the same stage and lane."""
        added = next((s for s in self.steps if s.id == added_id), view.StepRow())
        self._open_step("")
        self.step = view.StepRow(stage=added.stage, lane=added.lane)
        self.just_added = added.text

    @rx.event
    def select_tab(self, tab: str):
        self.tab = tab if tab in TABS else "steps"

    @rx.event
    def show_columns(self):
        """From the step panel of a journey without stages or lanes: to where they are added."""
        self.tab = "columns"
        return rx.set_focus("f-stage-name" if not self.stages else "f-lane-name")

    @rx.event
    def open_step(self, step_id: str):
        self._clear_messages(AT_STEP)
        self._open_step(step_id)

    @rx.event
    def new_step(self):
        self._clear_messages(AT_STEP)
        if self.step_id == "":
            # Already a new step: keep what may have been typed since the click.
            self.just_added = ""
            return
        self._open_step("")

    @rx.event
    def zoom_by(self, delta: int):
        self.zoom = max(25, min(300, (100 if self.fit else self.zoom) + delta))
        self.fit = False

    @rx.event
    def zoom_fit(self):
        self.fit, self.zoom = True, 100
