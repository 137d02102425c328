"""/kundresor/kontakter/[import_id]: the figures of one import, the ranking of what the first
line could settle, links from categories to journey steps, and before/after."""

from __future__ import annotations

from datetime import date

import reflex as rx

from academy import ui
from academy.core.errors import ValidationError
from academy.core.web.base import BaseState
from academy.journeys.contacts import service
from academy.journeys.web import contacts_view as view
from academy.journeys.web.view import Option

AT_PAGE = "contacts-page"
AT_LINK = "contacts-link"
AT_COMPARE = "contacts-compare"


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

    def _show(self, session, actor) -> None:
        period = service.import_period(session, actor, self.import_id)
        self.unit_id = period.unit_id
        self.heading = f"Kontaktanalys: {period.unit}"
        self.export_base = f"/api/kundresor/kontakter/{period.import_id}"
        self.period = period.label
        window, goal, threshold = service.figure_settings()
        self.settings_text = (
            f"Mål för lösta i första kontakten: {view.percent(goal)}. Återkommande kontakt: "
            f"samma kontakt inom {window} dagar. Grupper med färre än {threshold} kontakter "
            "redovisas som Övrigt."
        )
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
        texts = {
            c.category: " ".join([c.category, *(name for name, _ in c.handed_over_to)])
            for c in candidates
        }
        self.ranking = view.rank_rows(candidates, service.matching_training(session, texts))
        self.links = view.link_rows(links)
        self.step_options = [Option(value, label) for value, label in view.step_options(choices)]

    @rx.event
    def load(self):
        self.import_id = self._param("import_id") or 0
        self.changes, self.change_heading = [], ""
        if not self._run(self._show, at=AT_PAGE):
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
    def compare(self, form_data: dict):
        def act(session, actor) -> None:
            before = service.date_period(
                session,
                actor,
                self.unit_id,
                _day(form_data, "before_from", "första dagen före"),
                _day(form_data, "before_to", "sista dagen före"),
            )
            after = service.date_period(
                session,
                actor,
                self.unit_id,
                _day(form_data, "after_from", "första dagen efter"),
                _day(form_data, "after_to", "sista dagen efter"),
            )
            comparison = service.compare(session, before, after)
            self.futures, self.cohorts = service.between_periods(session, actor, before, after)
            self.change_heading = f"Före {before.label} och efter {after.label}"
            self.changes = [
                view.change_row(comparison.overall),
                *(view.change_row(c) for c in comparison.categories),
            ]

        self._run(act, at=AT_COMPARE)
