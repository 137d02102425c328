"""A cohort's follow-up as the rows its page shows: participants, the progress matrix, item
analysis and essays waiting for a grade."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from academy.courses import cohorts, progress
from academy.courses.status import STATUS_LABELS, STATUSES, deadline_flag


@dataclass(frozen=True)
class ParticipantRow:
    id: int
    name: str
    email: str
    unit: str


def participant_rows(detail: cohorts.CohortDetail) -> list[ParticipantRow]:
    return [
        ParticipantRow(p.user_id, p.name, p.email, p.unit or "Ingen enhet")
        for p in detail.participants
    ]


@dataclass(frozen=True)
class MatrixLine:
    name: str
    email: str
    cells: tuple[str, ...]
    course_status: str
    deadline_text: str  # "Försenad" / "Snart sista dag" for a participant not done
    deadline_kind: str  # overdue / soon / ""


_DEADLINE_WORDS = {"overdue": "Försenad", "soon": "Snart sista dag"}


def matrix_lines(matrix: progress.ProgressMatrix, today: date) -> list[MatrixLine]:
    lines = []
    for row in matrix.rows:
        _text, kind = deadline_flag(matrix.deadline, today, row.course_status == "completed")
        lines.append(
            MatrixLine(
                row.name,
                row.email,
                tuple(STATUS_LABELS[s] for s in row.statuses),
                STATUS_LABELS[row.course_status],
                _DEADLINE_WORDS.get(kind, ""),
                kind,
            )
        )
    return lines


def status_counts(matrix: progress.ProgressMatrix) -> list[str]:
    return [f"{STATUS_LABELS[s]}: {matrix.counts[s]}" for s in STATUSES]


@dataclass(frozen=True)
class ItemLine:
    number: int
    title: str
    answered: int
    share_correct: str
    most_chosen_wrong: str


@dataclass(frozen=True)
class EssayRow:
    answer_id: int
    who: str
    question: str
    response: str
    attempt: str  # "försök 2", so the trainer knows which attempt the answer belongs to


@dataclass(frozen=True)
class QuizFollowUp:
    quiz_id: int
    title: str
    questions: tuple[ItemLine, ...]
    essays: tuple[EssayRow, ...]


def item_lines(items) -> tuple[ItemLine, ...]:
    return tuple(
        ItemLine(
            number,
            item.title,
            item.answered,
            "–" if item.share_correct is None else f"{round(item.share_correct * 100)} %",
            f"{item.most_chosen_wrong} ({item.most_chosen_wrong_count})"
            if item.most_chosen_wrong
            else "–",
        )
        for number, item in enumerate(items, start=1)
    )


def essay_rows(essays) -> tuple[EssayRow, ...]:
    return tuple(
        EssayRow(
            e.answer_id,
            e.user_name,
            e.question_title or e.question_text,
            e.response,
            f"försök {e.attempt_number}",
        )
        for e in essays
    )
