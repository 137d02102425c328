"""Exports of a cohort's progress and quiz results as CSV and XLSX (bytes, ready to download).

CSV is written for Swedish Excel: UTF-8 with a byte-order mark (without it Excel reads åäö as
Windows-1252), semicolons between fields (Excel in Swedish uses the comma as decimal sign and
so expects ;), and percentages with a decimal comma. Text that Excel would take for a formula
(starting with = + - @) is prefixed with an apostrophe in both formats.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from academy.core.access import CurrentUser, require_role
from academy.core.models import User
from academy.core.spreadsheets import Table, to_csv, to_xlsx
from academy.courses.common import AUTHORS
from academy.courses.models import CourseModule, Enrolment, Quiz, QuizAttempt
from academy.courses.progress import progress_matrix
from academy.courses.status import STATUS_LABELS


def progress_table(session: Session, actor: CurrentUser | None, cohort_id: int) -> Table:
    matrix = progress_matrix(session, actor, cohort_id)
    # In a tailored cohort the optional modules say so; "Kursen" counts the required ones.
    modules = [
        f"{title} (valfri)" if matrix.required and mid not in matrix.required else title
        for mid, title in matrix.modules
    ]
    header = ["Namn", "E-post", "Enhet", *modules, "Kursen"]
    rows = [
        [
            row.name,
            row.email,
            row.unit,
            *(STATUS_LABELS[s] for s in row.statuses),
            STATUS_LABELS[row.course_status],
        ]
        for row in matrix.rows
    ]
    return header, rows


def results_table(session: Session, actor: CurrentUser | None, cohort_id: int) -> Table:
    """Every submitted attempt by the cohort's participants at the course's quizzes."""
    matrix = progress_matrix(session, actor, cohort_id)  # checks the role and the cohort
    attempts = session.execute(
        select(
            User.name,
            User.email,
            CourseModule.title,
            Quiz.title,
            QuizAttempt.number,
            QuizAttempt.score_percent,
            QuizAttempt.passed,
            QuizAttempt.submitted_at,
        )
        .join(User, User.id == QuizAttempt.user_id)
        .join(Quiz, Quiz.id == QuizAttempt.quiz_id)
        .join(CourseModule, CourseModule.id == Quiz.module_id)
        .where(
            CourseModule.course_id == matrix.course_id,
            QuizAttempt.status == "submitted",
            QuizAttempt.user_id.in_(
                select(Enrolment.user_id).where(Enrolment.cohort_id == cohort_id)
            ),
        )
        .order_by(func.lower(User.name), CourseModule.position, QuizAttempt.number)
    ).all()
    header = ["Namn", "E-post", "Modul", "Quiz", "Försök", "Resultat (%)", "Godkänd", "Inlämnat"]
    rows = [
        [
            name,
            email,
            module,
            quiz,
            number,
            score,
            "Väntar på bedömning" if passed is None else ("Ja" if passed else "Nej"),
            submitted,
        ]
        for name, email, module, quiz, number, score, passed, submitted in attempts
    ]
    return header, rows


def progress_csv(session: Session, actor: CurrentUser | None, cohort_id: int) -> bytes:
    require_role(actor, *AUTHORS)
    return to_csv(progress_table(session, actor, cohort_id))


def progress_xlsx(session: Session, actor: CurrentUser | None, cohort_id: int) -> bytes:
    require_role(actor, *AUTHORS)
    return to_xlsx(progress_table(session, actor, cohort_id), "Framsteg")


def results_csv(session: Session, actor: CurrentUser | None, cohort_id: int) -> bytes:
    require_role(actor, *AUTHORS)
    return to_csv(results_table(session, actor, cohort_id))


def results_xlsx(session: Session, actor: CurrentUser | None, cohort_id: int) -> bytes:
    require_role(actor, *AUTHORS)
    return to_xlsx(results_table(session, actor, cohort_id), "Resultat")
