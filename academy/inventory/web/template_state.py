"""/inventering/mallar/[template_id]: the survey template editor (trainers and admins).

Messages go where the action was: a section's moves and its questions' moves and deletions
beside that section (`section-<id>`), the forms' outcomes beside their buttons."""

from __future__ import annotations

import reflex as rx

from academy.core.web.base import BaseState
from academy.inventory import template_editing as editing
from academy.inventory.templates import KIND_LABELS, get_template
from academy.inventory.web import forms, view

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
SECTIONS = "sections"  # the message area of the list of sections (a deleted one is gone)


def section_area(section_id: int) -> str:
    return f"section-{section_id}"


class TemplateEditorState(BaseState):
    template_id: int = 0
    title: str = ""
    description: str = ""
    in_use: int = 0
    sections: list[view.TemplateSectionRow] = []
    section_options: list[view.Option] = []
    kind_options: list[view.Option] = [view.Option(k, v) for k, v in KIND_LABELS.items()]
    measure_options: list[view.Option] = [view.Option(k, v) for k, v in MEASURE_LABELS.items()]
    editing_section: int = 0
    section_title: str = ""
    section_intro: str = ""
    editing_question: int = 0
    draft: dict[str, str] = BLANK_DRAFT
    draft_required: bool = False
    kind: str = "likert"
    _editing_options: list[dict] = []
    # The section and question forms are renewed apart, so what is typed in one survives a
    # save, an edit or a cancel in the other; `form_key` renews both (another template).
    section_key: int = 0
    question_key: int = 0

    def _fill(self, session, actor) -> None:
        template = get_template(session, actor, self.template_id)
        self.title, self.description = template.title, template.description
        self.in_use = editing.campaigns_using(session, self.template_id)
        self.sections = view.template_sections(template)
        self.section_options = [view.Option(str(s.id), s.title) for s in template.sections]

    def _reset_section(self) -> None:
        """The section form empty again (a new section); the question form is left as it is."""
        self.editing_section, self.section_title, self.section_intro = 0, "", ""
        self.section_key += 1

    def _reset_question(self) -> None:
        """The question form empty again (a new question); the section form is left as it is."""
        self.editing_question, self.draft, self.draft_required = 0, dict(BLANK_DRAFT), False
        self.kind, self._editing_options = "likert", []
        self.question_key += 1

    def _change(self, action, success: str, at: str) -> bool:
        """Run an edit and reload the template, in one transaction."""

        def run(session, actor):
            action(session, actor)
            self._fill(session, actor)

        return self._run(run, success, at=at)

    def _section_of_question(self, question_id: int) -> int:
        for section in self.sections:
            if any(q.id == question_id for q in section.questions):
                return section.id
        return 0

    @rx.event
    def load(self):
        self.template_id = self._param("template_id") or 0
        self.sections, self.title = [], ""
        self._reset_section()
        self._reset_question()
        self.form_key += 1
        self._run(self._fill)

    @rx.event
    def set_kind(self, value: str):
        self.kind = value if value in KIND_LABELS else "likert"

    @rx.event
    def copy(self, form: dict):
        new_id = 0

        def run(session, actor):
            nonlocal new_id
            title = str(form.get("title", ""))
            new_id = editing.copy_template(session, actor, self.template_id, title=title)

        if self._run(run, at="copy"):
            return rx.redirect(f"/inventering/mallar/{new_id}")

    @rx.event
    def delete_template(self):
        if self._run(lambda s, a: editing.delete_template(s, a, self.template_id), at="delete"):
            return rx.redirect("/inventering")

    # ---- sections --------------------------------------------------------------------------

    @rx.event
    def edit_section(self, section_id: int):
        self._reset_section()
        self._clear_messages()
        found = next((s for s in self.sections if s.id == section_id), None)
        if found:
            self.editing_section = section_id
            self.section_title, self.section_intro = found.title, found.intro

    @rx.event
    def cancel_section(self):
        self._clear_messages()
        self._reset_section()

    @rx.event
    def cancel_question(self):
        self._clear_messages()
        self._reset_question()

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

        if self._change(run, "Avsnittet är sparat.", at="section-form"):
            self._reset_section()

    @rx.event
    def delete_section(self, section_id: int):
        self._change(
            lambda s, a: editing.delete_section(s, a, self.template_id, section_id),
            "Avsnittet är borttaget.",
            at=SECTIONS,
        )

    @rx.event
    def move_section(self, section_id: int, step: int):
        self._change(
            lambda s, a: editing.move_section(s, a, self.template_id, section_id, step),
            "Ordningen är sparad.",
            at=section_area(section_id),
        )

    # ---- questions -------------------------------------------------------------------------

    @rx.event
    def edit_question(self, question_id: int):
        self._reset_question()

        def run(session, actor):
            template = get_template(session, actor, self.template_id)
            for section in template.sections:
                for q in section.questions:
                    if q.id == question_id:
                        self._load_draft(section.id, q)

        self._run(run, at="question-form")

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
            "min": view.sv(q.minimum) if q.minimum is not None else "",
            "max": view.sv(q.maximum) if q.maximum is not None else "",
            "unit": q.unit,
            **{f"label-{i}": label for i, label in enumerate(labels, 1)},
        }

    @rx.event
    def save_question(self, form: dict):
        def run(session, actor):
            spec = forms.question_spec(form, self._editing_options)
            section_id = forms.section_id(form)
            editing.save_question(
                session,
                actor,
                self.template_id,
                section_id,
                spec,
                question_id=self.editing_question or None,
            )

        if self._change(run, "Frågan är sparad.", at="question-form"):
            self._reset_question()

    @rx.event
    def delete_question(self, question_id: int):
        self._change(
            lambda s, a: editing.delete_question(s, a, self.template_id, question_id),
            "Frågan är borttagen.",
            at=section_area(self._section_of_question(question_id)),
        )

    @rx.event
    def move_question(self, question_id: int, step: int):
        self._change(
            lambda s, a: editing.move_question(s, a, self.template_id, question_id, step),
            "Ordningen är sparad.",
            at=section_area(self._section_of_question(question_id)),
        )
