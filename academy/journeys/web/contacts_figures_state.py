"""/kundresor/kontakter/[import_id]: the figures of one import, the ranking of what the first
line could settle, links from categories to journey steps, and before/after."""

from __future__ import annotations

import asyncio
import logging
from datetime import date

import reflex as rx

from academy import ui
from academy.core import auth
from academy.core.db import session_scope
from academy.core.errors import ServiceError, ValidationError
from academy.core.web.base import BaseState, message_for
from academy.journeys.contacts import service
from academy.journeys.web import contacts_view as view
from academy.journeys.web.view import Option

AT_PAGE = "contacts-page"
AT_LINK = "contacts-link"
AT_COMPARE = "contacts-compare"
AT_SETTINGS = "contacts-settings"
AT_TOPICS = "contacts-topics"
# The parts of the report, one tab each (contacts_figures_page)
TABS = ("weeks", "reasons", "categories", "first-line", "channels", "compare", "settings")

log = logging.getLogger(__name__)


def _day(form_data: dict, name: str, label: str) -> date:
    raw = str(form_data.get(name, "")).strip()
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise ValidationError(f"Skriv {label} som ÅÅÅÅ-MM-DD.", field=name) from None


class ContactFiguresState(BaseState):
    import_id: int = 0
    unit_id: int = 0
    heading: str = ""
    period: str = ""
    settings_text: str = ""
    overall: list[view.FigureRow] = []
    categories: list[view.FigureRow] = []
    channels: list[view.FigureRow] = []
    languages: list[view.FigureRow] = []
    weeks: list[view.FigureRow] = []
    week_bars: list[ui.Bar] = []
    reason_bars: list[ui.Bar] = []
    reasons: list[list[str]] = []
    ranking: list[view.RankRow] = []
    links: list[view.LinkRow] = []
    step_options: list[Option] = []
    can_edit: bool = False
    changes: list[view.ChangeRow] = []
    change_heading: str = ""
    export_base: str = ""
    futures: list[str] = []
    cohorts: list[str] = []
    computing: bool = False  # the figures are being computed (in a worker thread)
    comparing: bool = False  # the comparison of two periods is being computed
    window_days: str = ""
    goal_percent: str = ""
    own_settings: bool = False
    default_text: str = ""
    known_topics: str = ""
    tab: str = "weeks"  # the open part of the report (TABS)

    def _show(self, session, actor) -> None:
        period = service.import_period(session, actor, self.import_id)
        self.unit_id = period.unit_id
        self.heading = f"Kontaktanalys: {period.unit}"
        self.export_base = f"/api/kundresor/kontakter/{period.import_id}"
        self.period = period.label
        settings = service.settings_of(session, actor, period.unit_id)
        default = service.default_settings()
        self.settings_text = (
            f"Mål för lösta i första kontakten: {view.percent(settings.goal)}. Återkommande "
            f"kontakt: samma kontakt inom {settings.window_days} dagar. Grupper med färre än "
            f"{settings.threshold} kontakter redovisas som Övrigt."
            + ("" if settings.own else " (Standardinställningarna.)")
        )
        self.window_days, self.goal_percent = str(settings.window_days), str(settings.goal_percent)
        self.own_settings = settings.own
        self.default_text = f"Standard: {default.window_days} dagar och {default.goal_percent} %."
        summary = service.figures(session, period)
        links = service.category_links(session, actor, period.unit_id)
        self.can_edit = service.can_import(actor)
        choices = service.step_choices(session, actor, period.unit_id) if self.can_edit else []
        suggestions = {g.label: service.suggest_step(g.label, choices) for g in summary.by_category}
        self.overall = [view.figure_row(summary.overall)]
        self.categories = view.category_rows(summary, links, suggestions, choices)
        self.channels = view.figure_rows(summary.by_channel)
        self.languages = view.figure_rows(summary.by_language)
        self.weeks = view.figure_rows(summary.by_week)
        self.week_bars = view.weekly_fcr_bars(summary)
        self.reason_bars = view.reason_bars(summary)
        self.reasons = [list(row) for row in view.reason_rows(summary)]
        candidates = service.ranking(session, period)
        training = service.matching_training(
            session, period.unit_id, [c.category for c in candidates]
        )
        topics = service.category_topics(session, actor, period.unit_id)
        self.ranking = view.rank_rows(candidates, training, topics)
        self.known_topics = ", ".join(service.known_topics(session)) if self.can_edit else ""
        self.links = view.link_rows(links)
        self.step_options = [Option(value, label) for value, label in view.step_options(choices)]

    @rx.event
    def select_tab(self, tab: str):
        self.tab = tab if tab in TABS else "weeks"

    @rx.event(background=True)
    async def load(self):
        """Show the import's figures. Computing them for a year of contacts takes seconds of
        CPU, so that runs in a worker thread (never on the event loop) while the page says
        "Beräknar …"; the figures are then kept, so opening the page again is quick."""
        async with self:
            import_id = self._param("import_id") or 0
            if import_id != self.import_id:  # another import opens on its first part
                self.tab = "weeks"
            self.import_id = import_id
            self.changes, self.change_heading = [], ""
            self.computing, self.overall, self.categories = True, [], []
            self._clear_messages(AT_PAGE)
            token, import_id = self._token(), self.import_id
        problem = await asyncio.to_thread(_prepare, token, import_id)
        async with self:
            self.computing = False
            if problem:
                self._fail(problem, at=AT_PAGE)
            elif not self._run(self._show, at=AT_PAGE):
                self.overall = self.categories = []

    @rx.event
    def link(self, form_data: dict):
        category = str(form_data.get("category", ""))
        choice = str(form_data.get("step", ""))

        def act(session, actor) -> None:
            service.link_category(session, actor, self.unit_id, category, choice)
            self._show(session, actor)

        self._run(act, f"Kategorin {category} är kopplad till steget.", at=AT_LINK)

    @rx.event
    def link_suggested(self, category: str, choice: str):
        """Link a category to the step suggested for it."""
        return self.link({"category": category, "step": choice})

    @rx.event
    def unlink(self, link_id: int):
        def act(session, actor) -> None:
            service.unlink_category(session, actor, link_id)
            self._show(session, actor)

        self._run(act, "Kopplingen är borttagen.", at=AT_LINK)

    @rx.event
    def save_settings(self, form_data: dict):
        def act(session, actor) -> None:
            service.save_settings(
                session,
                actor,
                self.unit_id,
                form_data.get("window_days", ""),
                form_data.get("goal_percent", ""),
            )

        if self._run(act, "Inställningarna är sparade. Siffrorna räknas om.", at=AT_SETTINGS):
            return ContactFiguresState.recompute

    @rx.event
    def reset_settings(self):
        def act(session, actor) -> None:
            service.reset_settings(session, actor, self.unit_id)

        if self._run(act, "Enheten följer standardinställningarna igen.", at=AT_SETTINGS):
            return ContactFiguresState.recompute

    @rx.event(background=True)
    async def recompute(self):
        """Compute the figures under new settings in a worker thread, then show them (the
        message about the saved settings stays)."""
        async with self:
            self.computing = True
            token, import_id = self._token(), self.import_id
        problem = await asyncio.to_thread(_prepare, token, import_id)
        async with self:
            self.computing = False
            notice, at = self.notice, self.message_at
            if problem:
                self._fail(problem, at=AT_PAGE)
            elif self._run(self._show, at=at):
                self.notice = notice

    @rx.event
    def save_topics(self, form_data: dict):
        category = str(form_data.get("category", ""))

        def act(session, actor) -> None:
            service.set_category_topics(
                session, actor, self.unit_id, category, str(form_data.get("topics", ""))
            )
            self._show(session, actor)

        self._run(act, f"Ämnena för {category} är sparade.", at=AT_TOPICS)

    @rx.event(background=True)
    async def compare(self, form_data: dict):
        """Compare two periods. The comparison is computed in a worker thread (it reads and
        computes both periods: seconds for months of contacts) and kept; then the rows are
        built on the loop from the kept comparison, where a refusal is reported as always."""
        async with self:
            self.comparing = True
            self._clear_messages(AT_COMPARE)
            token, unit_id = self._token(), self.unit_id
        await asyncio.to_thread(_prepare_comparison, token, unit_id, form_data)
        async with self:
            self.computing = False
            self._run(
                lambda session, actor: self._compare(session, actor, form_data), at=AT_COMPARE
            )

    def _compare(self, session, actor, form_data: dict) -> None:
        before, after = _periods(session, actor, self.unit_id, form_data)
        comparison = service.compare(session, before, after)
        self.futures, self.cohorts = service.between_periods(session, actor, before, after)
        self.change_heading = f"Före {before.label} och efter {after.label}"
        self.changes = [
            view.change_row(comparison.overall),
            *(view.change_row(c) for c in comparison.categories),
        ]


def _periods(session, actor, unit_id: int, form_data: dict) -> tuple:
    before = service.date_period(
        session,
        actor,
        unit_id,
        _day(form_data, "before_from", "första dagen före"),
        _day(form_data, "before_to", "sista dagen före"),
    )
    after = service.date_period(
        session,
        actor,
        unit_id,
        _day(form_data, "after_from", "första dagen efter"),
        _day(form_data, "after_to", "sista dagen efter"),
    )
    return before, after


def _prepare_comparison(token: str, unit_id: int, form_data: dict) -> None:
    """In a worker thread: compute (or find kept) the comparison. A refusal is left to the
    event, which asks again on the loop and reports it beside the form (with its field)."""
    try:
        with session_scope() as session:
            actor = auth.resolve_login(session, token)
            if actor is not None:
                service.compare(session, *_periods(session, actor, unit_id, form_data))
    except ServiceError:
        pass
    except Exception:
        log.exception("Unexpected error comparing contact periods")


def _prepare(token: str, import_id: int) -> str:
    """In a worker thread: compute (or find kept) the import's figures. Returns "" or the
    Swedish message of the refusal."""
    try:
        with session_scope() as session:
            actor = auth.resolve_login(session, token)
            if actor is None:
                return ""  # `_run` says so in the page's own words
            service.prepare_figures(session, actor, import_id)
    except Exception as exc:  # reported beside the page, like every refusal
        if not isinstance(exc, ServiceError):
            log.exception("Unexpected error computing contact figures")
        return message_for(exc)
    return ""
