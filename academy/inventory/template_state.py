"""State of the template editor (/inventering/mallar/[template_id]), trainers and admins."""

from __future__ import annotations

import reflex as rx

from academy.inventory import template_editing as editing
from academy.inventory.state import _Base, _param_id, _sv
from academy.inventory.templates import KIND_LABELS, get_template

MEASURE_LABELS = {
    "": "Inget (bara fördelning)",
    "confidence": "Självskattad säkerhet (låg ger behov)",
    "difficulty": "Svårighet (hög ger behov)",
    "volume": "Volym per vecka i en kanal",
    "first_contact": "Kan lösas i första kontakten",
    "interest": "Vill lära mig",
}
BLANK_DRAFT = {
    "section_id": "",
    "kind": "likert",
    "text": "",
    "topics": "",
    "measure": "",
    "options": "",
    "min": "",
    "max": "",
    "unit": "",
    **{f"label-{i}": "" for i in range(1, 6)},
}


def _details(q) -> str:
    if q.kind == "likert":
        return " / ".join(q.labels)
    if q.kind in ("single_choice", "multiple_choice"):
        return " / ".join(o.label for o in q.options)
    if q.kind == "number":
        return f"{_sv(q.minimum)}–{_sv(q.maximum)} {q.unit}".strip()
    return ""


class TemplateEditorState(_Base):
    template_id: int = 0
    title: str = ""
    description: str = ""
    in_use: int = 0
    sections: list[dict] = []
    section_options: list[dict[str, str]] = []
    kind_options: list[dict[str, str]] = [{"value": k, "label": v} for k, v in KIND_LABELS.items()]
    measure_options: list[dict[str, str]] = [
        {"value": k, "label": v} for k, v in MEASURE_LABELS.items()
    ]
    editing_section: int = 0
    section_title: str = ""
    section_intro: str = ""
    editing_question: int = 0
    draft: dict[str, str] = BLANK_DRAFT
    draft_required: bool = False
    kind: str = "likert"
    _editing_options: list[dict] = []

    def _fill(self, session, actor) -> None:
        view = get_template(session, actor, self.template_id)
        self.title, self.description = view.title, view.description
        self.in_use = editing.campaigns_using(session, self.template_id)
        last = len(view.sections)
        self.sections = [
            {
                "id": s.id,
                "title": s.title,
                "intro": s.intro,
                "first": n == 1,
                "last": n == last,
                "questions": [
                    {
                        "id": q.id,
                        "text": q.text,
                        "kind": KIND_LABELS[q.kind],
                        "required": q.required,
                        "topics": ", ".join(q.topics),
                        "details": _details(q),
                        "first": m == 1,
                        "last": m == len(s.questions),
                    }
                    for m, q in enumerate(s.questions, 1)
                ],
            }
            for n, s in enumerate(view.sections, 1)
        ]
        self.section_options = [{"value": str(s.id), "label": s.title} for s in view.sections]

    def _reset_forms(self) -> None:
        self.editing_section, self.section_title, self.section_intro = 0, "", ""
        self.editing_question, self.draft, self.draft_required = 0, dict(BLANK_DRAFT), False
        self.kind, self._editing_options = "likert", []
        self.form_key += 1

    def _change(self, action, success: str) -> bool:
        """Run an edit and reload the template, in one transaction."""

        def run(session, actor):
            action(session, actor)
            self._fill(session, actor)

        return self._run(run, success)

    @rx.event
    def load(self):
        self.template_id = _param_id(self, "template_id")
        self.sections, self.title = [], ""
        self._reset_forms()
        self._run(self._fill)

    @rx.event
    def set_kind(self, value: str):
        self.kind = value if value in KIND_LABELS else "likert"

    @rx.event
    def copy(self, form: dict):
        new_id = 0

        def run(session, actor):
            nonlocal new_id
            new_id = editing.copy_template(session, actor, self.template_id, title=form["title"])

        if self._run(run):
            return rx.redirect(f"/inventering/mallar/{new_id}")

    @rx.event
    def delete_template(self):
        if self._run(lambda s, a: editing.delete_template(s, a, self.template_id)):
            return rx.redirect("/inventering")

    # ---- sections --------------------------------------------------------------------------

    @rx.event
    def edit_section(self, section_id: int):
        self._reset_forms()
        found = next((s for s in self.sections if s["id"] == section_id), None)
        if found:
            self.editing_section = section_id
            self.section_title, self.section_intro = found["title"], found["intro"]

    @rx.event
    def cancel(self):
        self.error = self.notice = ""
        self._reset_forms()

    @rx.event
    def save_section(self, form: dict):
        def run(session, actor):
            editing.save_section(
                session,
                actor,
                self.template_id,
                title=form.get("section_title", ""),
                intro=form.get("section_intro", ""),
                section_id=self.editing_section or None,
            )

        if self._change(run, "Avsnittet är sparat."):
            self._reset_forms()

    @rx.event
    def delete_section(self, section_id: int):
        self._change(
            lambda s, a: editing.delete_section(s, a, self.template_id, section_id),
            "Avsnittet är borttaget.",
        )

    @rx.event
    def move_section(self, section_id: int, step: int):
        self._change(
            lambda s, a: editing.move_section(s, a, self.template_id, section_id, step),
            "Ordningen är sparad.",
        )

    # ---- questions -------------------------------------------------------------------------

    @rx.event
    def edit_question(self, question_id: int):
        self._reset_forms()

        def run(session, actor):
            view = get_template(session, actor, self.template_id)
            for section in view.sections:
                for q in section.questions:
                    if q.id == question_id:
                        self._load_draft(section.id, q)

        self._run(run)

    def _load_draft(self, section_id: int, q) -> None:
        self.editing_question, self.kind, self.draft_required = q.id, q.kind, q.required
        self._editing_options = [{"value": o.value, "label": o.label} for o in q.options]
        labels = list(q.labels) + [""] * (5 - len(q.labels))
        self.draft = {
            **BLANK_DRAFT,
            "section_id": str(section_id),
            "kind": q.kind,
            "text": q.text,
            "topics": ", ".join(q.topics),
            "measure": q.measure,
            "options": editing.format_options(q.options),
            "min": _sv(q.minimum) if q.minimum is not None else "",
            "max": _sv(q.maximum) if q.maximum is not None else "",
            "unit": q.unit,
            **{f"label-{i}": label for i, label in enumerate(labels, 1)},
        }

    @rx.event
    def save_question(self, form: dict):
        def run(session, actor):
            spec = editing.spec_from_form(form, self._editing_options)
            raw_section = str(form.get("section_id", ""))
            editing.save_question(
                session,
                actor,
                self.template_id,
                int(raw_section) if raw_section.isdigit() else 0,
                spec,
                question_id=self.editing_question or None,
            )

        if self._change(run, "Frågan är sparad."):
            self._reset_forms()

    @rx.event
    def delete_question(self, question_id: int):
        self._change(
            lambda s, a: editing.delete_question(s, a, self.template_id, question_id),
            "Frågan är borttagen.",
        )

    @rx.event
    def move_question(self, question_id: int, step: int):
        self._change(
            lambda s, a: editing.move_question(s, a, self.template_id, question_id, step),
            "Ordningen är sparad.",
        )
