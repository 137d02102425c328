"""State of the role-play page: cards, the observer checklist, and the ratings I received."""

from __future__ import annotations

import reflex as rx

from academy.core.web.base import BaseState
from academy.practice import roleplays
from academy.practice.web import activity_view, forms, view
from academy.practice.web.activity_view import CardView, ObservationView, Statement

CHOOSE_FIRST = "Välj kursomgång och rollspelskort."


class RoleplayState(BaseState):
    cards: list[CardView] = []
    received: list[ObservationView] = []
    can_author: bool = False
    cohort_options: list[dict[str, str]] = []
    card_options: list[dict[str, str]] = []
    people_options: list[dict[str, str]] = []
    cohort_id: str = ""
    card_id: str = ""
    statements: list[Statement] = []
    # Each form renews only after its own save: a new card leaves the checklist being filled
    # in as it is, and an observation leaves the card being written.
    card_key: int = 0
    observe_key: int = 0

    def _reload(self, session, actor) -> None:
        self.can_author = actor.has_any("admin", "trainer")
        cards = roleplays.list_cards(session, actor)
        self.cards = [activity_view.card_view(c) for c in cards]
        self.card_options = view.options((c.id, c.title) for c in cards)
        self.cohort_options = view.options(roleplays.observable_cohorts(session, actor))
        self.received = [
            activity_view.observation_view(o) for o in roleplays.my_observations(session, actor)
        ]

    @rx.event
    def load(self):
        self.cohort_id = self.card_id = ""
        self.people_options, self.statements = [], []
        if not self._run(self._reload, at="page"):
            self.cards, self.received = [], []

    @rx.event
    def choose_cohort(self, value: str):
        self.cohort_id, self.people_options = value, []
        if not value.isdigit():
            self._clear_messages("observe")
            return

        def people(session, actor):
            found = roleplays.observable_people(session, actor, int(value))
            self.people_options = view.options(found)

        self._run(people, at="observe")

    @rx.event
    def choose_card(self, value: str):
        self.card_id, self.statements = value, []
        if not value.isdigit():
            self._clear_messages("observe")
            return

        def card(session, actor):
            self.statements = activity_view.statements(
                roleplays.get_card(session, actor, int(value))
            )

        self._run(card, at="observe")

    @rx.event
    def create_card(self, form_data: dict):
        def create(session, actor):
            card = forms.card(form_data)
            roleplays.create_card(
                session,
                actor,
                title=card.title,
                situation=card.situation,
                citizen_role=card.citizen_role,
                employee_role=card.employee_role,
                practise=card.practise,
                statements=card.statements,
            )
            self._reload(session, actor)

        if self._run(create, "Rollspelskortet är sparat.", at="card-form"):
            self.card_key += 1

    @rx.event
    def record(self, form_data: dict):
        if not (self.cohort_id.isdigit() and self.card_id.isdigit()):
            self._fail(CHOOSE_FIRST, "observe")
            return
        cohort_id, card_id = int(self.cohort_id), int(self.card_id)
        statements = [s.text for s in self.statements]

        def record(session, actor):
            roleplays.record_observation(
                session,
                actor,
                cohort_id=cohort_id,
                card_id=card_id,
                participant_id=forms.participant(form_data),
                ratings=forms.ratings(form_data, statements),
            )

        done = "Observationen är sparad. Deltagaren ser den under Rollspel."
        if self._run(record, done, at="observe"):
            self.observe_key += 1
