"""Editing a quiz (trainers, admins): settings, questions, GIFT import with preview.

Messages land at `settings`, `questions` (edit, move, delete in the list), `question-form` and
`gift` (the import panel).
"""

from __future__ import annotations

import asyncio

import reflex as rx

from academy.core.errors import ValidationError
from academy.core.settings import UPLOADS
from academy.core.uploads import check_size
from academy.core.web.base import BaseState
from academy.courses import cohorts, quizzes
from academy.courses.web import forms, quiz_view
from academy.courses.web.question_form import form_from_question, question_from_form
from academy.courses.web.view import swapped

NOT_TEXT = "Filen kunde inte läsas som text. Spara den som UTF-8 och försök igen."


class QuizEditorState(BaseState):
    quiz_id: int = 0
    course_id: int = 0
    title: str = ""
    pass_mark: str = ""
    attempts: str = ""
    feedback_mode: str = ""
    review_mode: str = "after_attempt"
    shuffle_options: bool = True
    grading_method: str = "highest"
    questions: list[quiz_view.QuestionRow] = []
    kind: str = "single_choice"
    # The question form: a new question (editing_id 0) or one loaded for editing.
    editing_id: int = 0
    question_form: dict[str, str] = {}
    gift_text: str = ""
    gift_preview: list[quiz_view.GiftCount] = []
    gift_questions: list[quiz_view.GiftQuestionRow] = []
    gift_errors: list[str] = []
    gift_checked: bool = False
    # Each form is renewed only when what it shows changed, so a question being typed survives
    # a save of the settings, a move or an import: `settings_key` after the settings are
    # saved, `question_key` when a question is opened, saved or left; `form_key` renews both
    # (another quiz).
    settings_key: int = 0
    question_key: int = 0

    def _refresh(self, session, actor) -> None:
        quiz = quizzes.get_quiz(session, actor, self.quiz_id)
        self.course_id = cohorts.module_course_id(session, quiz.module_id) or 0
        self.title, self.pass_mark = quiz.title, str(quiz.pass_mark)
        self.attempts, self.feedback_mode = str(quiz.attempts_allowed), quiz.feedback_mode
        self.review_mode, self.shuffle_options = quiz.review_mode, quiz.shuffle_options
        self.grading_method = quiz.grading_method
        self.questions = quiz_view.question_rows(quiz)

    def _clear_form(self) -> None:
        self.editing_id, self.kind = 0, "single_choice"
        self.question_form = form_from_question("single_choice", "", "", 1.0, "", {"options": []})

    def _clear_gift(self) -> None:
        self.gift_text, self.gift_preview, self.gift_errors, self.gift_checked = "", [], [], False
        self.gift_questions = []

    def _edit(self, action, success: str, at: str) -> bool:
        def run(session, actor):
            action(session, actor)
            session.flush()
            self._refresh(session, actor)

        return self._run(run, success, at=at)

    @rx.event
    def load(self):
        self.quiz_id = self._param("quiz_id") or 0
        self._clear_gift()
        self._clear_form()
        self.form_key += 1
        if not self._run(self._refresh):
            self.quiz_id = 0

    @rx.event
    def save_settings(self, form_data: dict):
        def save(session, actor):
            settings = forms.values(forms.quiz_settings(form_data))
            quizzes.update_quiz(session, actor, self.quiz_id, **settings)

        if self._edit(save, "Quizets inställningar är sparade.", "settings"):
            self.settings_key += 1

    @rx.event
    def set_kind(self, kind: str):
        self.kind = kind

    @rx.event
    def add_question(self, form_data: dict):
        """Save the question form: a new question, or the one being edited."""
        editing = self.editing_id

        def save(session, actor):
            question = question_from_form(form_data)
            if editing:
                quizzes.update_question(session, actor, editing, question)
            else:
                quizzes.add_question(session, actor, self.quiz_id, question)

        success = "Frågan är sparad." if editing else "Frågan är tillagd."
        if self._edit(save, success, "question-form"):
            self._clear_form()
            self.question_key += 1

    @rx.event
    def edit_question(self, question_id: int):
        def load(session, actor):
            quiz = quizzes.get_quiz(session, actor, self.quiz_id)
            row = next((q for q in quiz.questions if q.id == question_id), None)
            if row is None:
                return
            self.editing_id, self.kind = row.id, row.kind
            self.question_form = form_from_question(
                row.kind, row.title, row.text, row.points, row.general_feedback, row.data
            )
            self.question_key += 1

        self._run(load, at="questions")

    @rx.event
    def cancel_edit(self):
        self._clear_messages()
        self._clear_form()
        self.question_key += 1

    @rx.event
    def move_question(self, question_id: int, step: int):
        order = swapped([q.id for q in self.questions], question_id, step)
        if order is None:
            return
        self._edit(
            lambda session, actor: quizzes.reorder_questions(session, actor, self.quiz_id, order),
            "Frågornas ordning är sparad.",
            "questions",
        )

    @rx.event
    def delete_question(self, question_id: int):
        self._edit(
            lambda session, actor: quizzes.delete_question(session, actor, question_id),
            "Frågan är borttagen.",
            "questions",
        )

    # ---- GIFT import

    def _new_gift_text(self, text: str) -> None:
        self.gift_text = text
        self.gift_preview, self.gift_errors, self.gift_checked = [], [], False
        self.gift_questions = []

    @rx.event
    def set_gift_text(self, text: str):
        self._new_gift_text(text)

    @rx.event
    async def upload_gift(self, files: list[rx.UploadFile]):
        """Put a chosen GIFT file's text in the import field, to preview before importing."""
        # Only someone who may edit the quiz gets this far: checked before the file is read.
        allowed = self._run(
            lambda session, actor: quizzes.get_quiz(session, actor, self.quiz_id), at="gift"
        )
        if not allowed:
            return
        # At most one byte past the cap is read: enough to refuse a larger file.
        data = await files[0].read(UPLOADS.text_file + 1) if files else b""
        try:
            check_size(len(data), UPLOADS.text_file)
            self._new_gift_text(data.decode("utf-8-sig"))
        except ValidationError as exc:
            self._fail(exc.message, at="gift")
        except UnicodeDecodeError:
            self._fail(NOT_TEXT, at="gift")

    @rx.event
    async def preview_gift(self):
        def preview(session, actor):
            quizzes.get_quiz(session, actor, self.quiz_id)  # checks the role
            result = quizzes.preview_gift_import(self.gift_text)
            self.gift_preview = quiz_view.gift_counts(result)
            self.gift_questions = quiz_view.gift_question_rows(result)
            self.gift_errors = list(result.errors)
            self.gift_checked = True

        # Parsing a large GIFT file runs in a worker thread, off the event loop.
        await self._run_in_thread(preview, at="gift")

    @rx.event
    async def import_gift(self):
        added: list[int] = []

        def run(session, actor):
            added.append(quizzes.import_gift(session, actor, self.quiz_id, self.gift_text))

        if await asyncio.to_thread(self._edit, run, "Frågorna är importerade.", "gift"):
            count = added[0]
            self.notice = (
                "1 fråga är importerad." if count == 1 else f"{count} frågor är importerade."
            )
            self._clear_gift()
