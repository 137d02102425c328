"""States of the inventory pages: thin, they call the inventory services on every event."""

from __future__ import annotations

from datetime import date

import reflex as rx

from academy.core.access import CurrentUser
from academy.core.accounts import list_units
from academy.core.db import session_scope
from academy.core.errors import ServiceError
from academy.core.web.session import SessionState
from academy.inventory import answering, campaigns, template_editing, templates
from academy.inventory.campaigns import PHASE_LABELS, RESPONSE_LABELS
from academy.inventory.common import ANALYSTS


def _sv(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def _date(raw: str, label: str) -> date:
    try:
        return date.fromisoformat((raw or "").strip())
    except ValueError as exc:
        raise ServiceError(f"Ange {label} som ÅÅÅÅ-MM-DD.") from exc


def _param_id(state: rx.State, name: str = "campaign_id") -> int:
    raw = str(state.router.page.params.get(name, "") or "")
    return int(raw) if raw.isdigit() else 0


class _Base(SessionState):
    error: str = ""
    notice: str = ""
    form_key: int = 0

    def _run(self, action, success: str = "") -> bool:
        """Run a service call in one transaction; turn its refusal into a Swedish message."""
        self.error = self.notice = ""
        try:
            with session_scope() as session:
                action(session, self._actor())
        except ServiceError as exc:
            self.error = exc.message
            return False
        self.notice = success
        return True


def _summary_row(c: campaigns.CampaignSummary) -> dict:
    return {
        "id": c.id,
        "title": c.title,
        "unit": c.unit_name,
        "template": c.template_title,
        "dates": f"{c.opens_on.isoformat()} – {c.closes_on.isoformat()}",
        "phase": PHASE_LABELS[c.phase],
        "rate": f"{c.submitted} av {c.recipients} ({c.response_rate:.0f} %)",
    }


class InventoryState(_Base):
    """/inventering: surveys to answer; for trainers also campaigns, templates, a new campaign."""

    my_surveys: list[dict] = []
    is_analyst: bool = False
    campaign_rows: list[dict] = []
    template_rows: list[dict] = []
    template_options: list[dict[str, str]] = []
    source_options: list[dict[str, str]] = []
    unit_options: list[dict[str, str]] = []
    people: list[dict] = []
    chosen_unit: str = ""

    def _refresh(self, session, actor: CurrentUser | None) -> None:
        self.my_surveys = [
            {
                "id": s.campaign_id,
                "title": s.title,
                "closes_on": s.closes_on.isoformat(),
                "phase": PHASE_LABELS[s.phase],
                "status": RESPONSE_LABELS[s.response_status],
                "can_answer": s.phase == "open" and s.response_status != "submitted",
            }
            for s in campaigns.my_surveys(session, actor)
        ]
        self.is_analyst = actor is not None and actor.has_any(*ANALYSTS)
        if not self.is_analyst:
            return
        self.campaign_rows = [_summary_row(c) for c in campaigns.list_campaigns(session, actor)]
        summaries = templates.list_templates(session, actor)
        self.template_rows = [
            {
                "id": t.id,
                "title": t.title,
                "description": t.description,
                "count": t.question_count,
                "used": template_editing.campaigns_using(session, t.id),
            }
            for t in summaries
        ]
        self.template_options = [{"value": str(t.id), "label": t.title} for t in summaries]
        self.source_options = [{"value": "", "label": "Tom mall"}] + [
            {"value": str(t.id), "label": f"Kopia av {t.title}"} for t in summaries
        ]
        self.unit_options = [{"value": str(u.id), "label": u.path} for u in list_units(session)]

    @rx.event
    def load(self):
        self.people, self.chosen_unit = [], ""
        self._run(self._refresh)

    @rx.event
    def choose_unit(self, value: str):
        self.chosen_unit = value
        self.people = []
        if not value.isdigit():
            return

        def fetch(session, actor):
            self.people = [
                {"id": uid, "name": name}
                for uid, name in campaigns.list_unit_employees(session, actor, int(value))
            ]

        self._run(fetch)

    @rx.event
    def start_campaign(self, form: dict):
        def start(session, actor):
            chosen = [p["id"] for p in self.people if form.get(f"person-{p['id']}")]
            campaigns.create_campaign(
                session,
                actor,
                template_id=int(form.get("template_id") or 0),
                unit_id=int(form.get("unit_id") or 0),
                title=form.get("title", ""),
                opens_on=_date(form.get("opens_on", ""), "första svarsdag"),
                closes_on=_date(form.get("closes_on", ""), "sista svarsdag"),
                user_ids=chosen,
            )
            self._refresh(session, actor)

        if self._run(start, "Enkäten är skickad."):
            self.people, self.chosen_unit = [], ""
            self.form_key += 1

    @rx.event
    def new_template(self, form: dict):
        """A blank template or a copy of one, then on to the editor."""
        new_id = 0

        def create(session, actor):
            nonlocal new_id
            source = str(form.get("source", ""))
            title = form.get("template_title", "")
            if source.isdigit():
                new_id = template_editing.copy_template(session, actor, int(source), title=title)
            else:
                new_id = template_editing.create_blank(
                    session, actor, title=title, description=form.get("description", "")
                )

        if self._run(create):
            return rx.redirect(f"/inventering/mallar/{new_id}")


def _question_dict(section: str, q: templates.QuestionView, answer) -> dict:
    chosen = answer if isinstance(answer, list) else [answer]
    if q.kind == "likert":
        options = [(str(i), f"{i} – {label}") for i, label in enumerate(q.labels, 1)]
    else:
        options = [(o.value, o.label) for o in q.options]
    return {
        "id": q.id,
        "key": f"q-{q.id}",
        "section": section,
        "kind": q.kind,
        "text": q.text,
        "required": q.required,
        "hint": (
            f"Ett tal från {_sv(q.minimum)} till {_sv(q.maximum)} {q.unit}".strip()
            if q.kind == "number"
            else ""
        ),
        "min": _sv(q.minimum) if q.minimum is not None else "",
        "max": _sv(q.maximum) if q.maximum is not None else "",
        "value": "" if answer is None or isinstance(answer, list) else str(answer),
        "options": [
            {
                "value": value,
                "label": label,
                "id": f"q-{q.id}-{index}",
                "name": f"q-{q.id}-{value}" if q.kind == "multiple_choice" else f"q-{q.id}",
                "checked": value in map(str, chosen),
            }
            for index, (value, label) in enumerate(options)
        ],
    }


class AnswerState(_Base):
    """/inventering/[campaign_id]/svara: the actor's own answers to one survey."""

    campaign_id: int = 0
    title: str = ""
    closes_on: str = ""
    status_text: str = ""
    can_answer: bool = False
    questions: list[dict] = []
    intent: str = "draft"

    def _fill(self, session, actor) -> None:
        form = answering.get_form(session, actor, self.campaign_id)
        self.title, self.closes_on = form.title, form.closes_on.isoformat()
        self.status_text = RESPONSE_LABELS[form.status]
        self.can_answer = form.phase == "open" and form.status != "submitted"
        self.questions = [
            _question_dict(section.title, q, form.answers.get(str(q.id)))
            for section in form.template.sections
            for q in section.questions
        ]
        self.form_key += 1

    @rx.event
    def load(self):
        self.campaign_id = _param_id(self)
        self.questions, self.title = [], ""
        self._run(self._fill)

    @rx.event
    def set_intent(self, intent: str):
        self.intent = "submit" if intent == "submit" else "draft"

    def _raw(self, form: dict) -> dict:
        raw = {}
        for q in self.questions:
            if q["kind"] == "multiple_choice":
                raw[str(q["id"])] = [o["value"] for o in q["options"] if form.get(o["name"])]
            else:
                raw[str(q["id"])] = form.get(q["key"], "")
        return raw

    @rx.event
    def save(self, form: dict):
        submit = self.intent == "submit"
        raw = self._raw(form)

        def save(session, actor):
            answering.save_answers(session, actor, self.campaign_id, raw, submit=submit)

        message = "Tack! Dina svar är inskickade." if submit else "Utkastet är sparat."
        if self._run(save, message):
            notice = self.notice
            self._run(self._fill)
            self.notice = notice
        self.intent = "draft"
