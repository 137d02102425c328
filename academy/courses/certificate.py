"""Course certificate (intyg) as a one-page PDF, made with fpdf2's built-in fonts.

The built-in fonts (Helvetica) use Latin-1, which has å, ä, ö and é, so Swedish names need no
embedded font file. Characters outside Latin-1 (typographic quotes, dashes, other scripts) are
replaced by close Latin-1 equivalents, or "?" as a last resort, rather than failing.
"""

from __future__ import annotations

from datetime import date

from fpdf import FPDF
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from academy.core.access import CurrentUser, require_role
from academy.core.db import get_or_404
from academy.core.errors import AccessDenied, ValidationError
from academy.core.models import User
from academy.courses.common import AUTHORS
from academy.courses.models import Course, LessonRead, QuizAttempt
from academy.courses.taking import LEARNERS, course_completed
from academy.courses.tracking import course_shape, learner_required, required_in

ACADEMY_NAME = "Serviceakademin"
SWEDISH_MONTHS = (
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
)  # fmt: skip
_REPLACEMENTS = str.maketrans(
    {"”": '"', "“": '"', "„": '"', "’": "'", "‘": "'", "–": "-", "—": "-", "…": "...", "→": "->"}
)


def latin1(text: str) -> str:
    return text.translate(_REPLACEMENTS).encode("latin-1", "replace").decode("latin-1")


def swedish_date(day: date) -> str:
    return f"{day.day} {SWEDISH_MONTHS[day.month - 1]} {day.year}"


def completion_date(session: Session, user_id: int, course_id: int) -> date | None:
    """The day the course became complete for the person: when the last module it requires of
    them was done (its last lesson read, its quiz passed). An optional module done later, or a
    quiz passed again, does not move it; where the latest attempt counts, its hand-in does."""
    shape = course_shape(session, course_id)
    required = required_in(shape, learner_required(session, user_id, [course_id])[course_id])
    modules = [m for m in shape.modules if not required or m.id in required]
    lesson_ids = [lesson_id for m in modules for lesson_id in m.lesson_ids]
    quiz_ids = [m.quiz_id for m in modules if m.quiz_id is not None]
    moments = []
    if lesson_ids:
        moments.append(
            session.scalar(
                select(func.max(LessonRead.read_at)).where(
                    LessonRead.user_id == user_id, LessonRead.lesson_id.in_(lesson_ids)
                )
            )
        )
    if quiz_ids:
        passes = session.execute(
            select(
                QuizAttempt.quiz_id,
                func.min(QuizAttempt.submitted_at),
                func.max(QuizAttempt.submitted_at),
            )
            .where(
                QuizAttempt.user_id == user_id,
                QuizAttempt.quiz_id.in_(quiz_ids),
                QuizAttempt.passed.is_(True),
            )
            .group_by(QuizAttempt.quiz_id)
        )
        moments += [last if q in shape.last_counts else first for q, first, last in passes]
    moments = [moment for moment in moments if moment is not None]
    return max(moments).date() if moments else None


def render_certificate(name: str, course_title: str, day: date) -> bytes:
    pdf = FPDF(orientation="landscape", format="A4")
    pdf.set_title(latin1(f"Intyg: {course_title}"))
    pdf.set_author(ACADEMY_NAME)
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_draw_color(30, 80, 120)
    pdf.set_line_width(1.2)
    pdf.rect(12, 12, pdf.w - 24, pdf.h - 24)
    width = pdf.w - 40

    def line(text: str, size: int, style: str = "", gap: float = 4) -> None:
        pdf.set_font("Helvetica", style, size)
        pdf.set_x(20)
        pdf.multi_cell(width, size * 0.5, latin1(text), align="C")
        pdf.ln(gap)

    pdf.set_y(38)
    line(ACADEMY_NAME, 16, "B", 10)
    line("Intyg", 36, "B", 12)
    line("Härmed intygas att", 14, "", 6)
    line(name, 26, "B", 8)
    line("har genomfört kursen", 14, "", 6)
    line(course_title, 22, "B", 16)
    line(swedish_date(day), 13, "", 20)
    line(f"Utfärdat av {ACADEMY_NAME}", 11, "I")
    return bytes(pdf.output())


def course_certificate(
    session: Session, actor: CurrentUser | None, course_id: int, *, user_id: int | None = None
) -> bytes:
    """The PDF certificate for the actor (or, for trainers and admins, for `user_id`)."""
    require_role(actor, *LEARNERS)
    subject_id = user_id if user_id is not None else actor.id
    if subject_id != actor.id and not actor.has_any(*AUTHORS):
        raise AccessDenied()
    course = get_or_404(session, Course, course_id, "Kursen finns inte.")
    person = get_or_404(session, User, subject_id, "Användaren finns inte.")
    if not course_completed(session, subject_id, course_id):
        raise ValidationError(
            "Intyget kan hämtas först när alla moduler som krävs i kursen är klara."
        )
    day = completion_date(session, subject_id, course_id) or date.today()
    return render_certificate(person.name, course.title, day)
