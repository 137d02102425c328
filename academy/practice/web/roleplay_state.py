"""State of the role-play page: cards, the observer checklist, and the ratings I received."""

from __future__ import annotations

import reflex as rx

from academy.core.db import session_scope
from academy.core.errors import ServiceError
from academy.core.web.session import SessionState
from academy.practice import roleplays
from academy.practice.roleplays import ObservationRow


def _observation_dict(row: ObservationRow) -> dict:
    return {
        "id": str(row.id),
        "heading": f"{row.card_title} – {row.created_at.strftime('%Y-%m-%d')}",
        "participant": row.participant,
        "observer": row.observer,
        "cohort": row.cohort_name,
        "ratings": [
            {
                "statement": r["statement"],
                "rating": roleplays.RATING_LABELS.get(r["rating"], str(r["rating"])),
                "comment": r["comment"] or "–",
            }
            for r in row.ratings
        ],
    }


class RoleplayState(SessionState):
    cards: list[dict] = []
    received: list[dict] = []
    can_author: bool = False
    cohort_options: list[dict[str, str]] = []
    card_options: list[dict[str, str]] = []
    people_options: list[dict[str, str]] = []
    cohort_id: str = ""
    card_id: str = ""
    statements: list[dict[str, str]] = []
    error: str = ""
    notice: str = ""
    form_key: int = 0

    def _reload(self) -> None:
        with session_scope() as session:
            actor = self._actor()
            self.can_author = actor is not None and actor.has_any("admin", "trainer")
            cards = roleplays.list_cards(session, actor)
            self.cards = [
                {
                    "id": str(c.id),
                    "title": c.title,
                    "situation": c.situation,
                    "citizen_role": c.citizen_role,
                    "employee_role": c.employee_role,
                    "practise": c.practise,
                    "statements": list(c.statements),
                }
                for c in cards
            ]
            self.card_options = [{"value": str(c.id), "label": c.title} for c in cards]
            self.cohort_options = [
                {"value": str(cid), "label": name}
                for cid, name in roleplays.observable_cohorts(session, actor)
            ]
            self.received = [
                _observation_dict(o) for o in roleplays.my_observations(session, actor)
            ]

    @rx.event
    def load(self):
        self.error = self.notice = ""
        self.cohort_id = self.card_id = ""
        self.people_options, self.statements = [], []
        try:
            self._reload()
        except ServiceError as exc:
            self.cards, self.received, self.error = [], [], exc.message

    @rx.event
    def choose_cohort(self, value: str):
        self.cohort_id, self.people_options, self.error = value, [], ""
        if not value.isdigit():
            return
        try:
            with session_scope() as session:
                people = roleplays.observable_people(session, self._actor(), int(value))
        except ServiceError as exc:
            self.error = exc.message
            return
        self.people_options = [{"value": str(pid), "label": name} for pid, name in people]

    @rx.event
    def choose_card(self, value: str):
        self.card_id, self.statements, self.error = value, [], ""
        if not value.isdigit():
            return
        try:
            with session_scope() as session:
                card = roleplays.get_card(session, self._actor(), int(value))
        except ServiceError as exc:
            self.error = exc.message
            return
        self.statements = [
            {"index": str(i), "text": text, "legend_id": f"statement-{i}"}
            for i, text in enumerate(card.statements)
        ]

    @rx.event
    def create_card(self, form_data: dict):
        self.error = self.notice = ""
        try:
            with session_scope() as session:
                roleplays.create_card(
                    session,
                    self._actor(),
                    title=form_data.get("title", ""),
                    situation=form_data.get("situation", ""),
                    citizen_role=form_data.get("citizen_role", ""),
                    employee_role=form_data.get("employee_role", ""),
                    practise=form_data.get("practise", ""),
                    statements=form_data.get("statements", "").splitlines(),
                )
            self._reload()
        except ServiceError as exc:
            self.error = exc.message
            return
        self.notice = "Rollspelskortet är sparat."
        self.form_key += 1

    @rx.event
    def record(self, form_data: dict):
        self.error = self.notice = ""
        if not (self.cohort_id.isdigit() and self.card_id.isdigit()):
            self.error = "Välj kursomgång och rollspelskort."
            return
        ratings = []
        for item in self.statements:
            raw = form_data.get(f"rating-{item['index']}", "")
            if not raw.isdigit():
                self.error = f"Bedöm ”{item['text']}”. Inget har sparats."
                return
            ratings.append((int(raw), form_data.get(f"comment-{item['index']}", "")))
        try:
            with session_scope() as session:
                roleplays.record_observation(
                    session,
                    self._actor(),
                    cohort_id=int(self.cohort_id),
                    card_id=int(self.card_id),
                    participant_id=int(form_data.get("participant", "0") or 0),
                    ratings=ratings,
                )
        except ServiceError as exc:
            self.error = exc.message
            return
        self.notice = "Observationen är sparad. Deltagaren ser den under Rollspel."
        self.form_key += 1
