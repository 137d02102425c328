"""A cohort's follow-up as the rows its page shows: participants, the progress matrix, item
analysis and essays waiting for a grade."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from academy.courses import cohorts, progress
from academy.courses.status import STATUS_LABELS, STATUSES, deadline_flag
from academy.courses.web.quiz_view import attempt_result


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
class ModuleLine:
    """A module of the cohort's course and whether the cohort requires it."""

    id: int
    title: str
    requirement: str  # "Obligatorisk" / "Valfri" in a tailored run, "" for the whole course
    field: str  # the edit form's checkbox: "m-<id>"
    required: bool  # checked in the edit form (every module when the whole course counts)


def module_lines(detail: cohorts.CohortDetail) -> list[ModuleLine]:
    required = detail.required_module_ids
    return [
        ModuleLine(
            mid,
            title,
            ("Obligatorisk" if mid in required else "Valfri") if required else "",
            f"m-{mid}",
            not required or mid in required,
        )
        for mid, title in detail.modules
    ]


def requirement_summary(detail: cohorts.CohortDetail) -> str:
    """What the participants must do to be done, in one sentence."""
    if not detail.modules:
        return "Kursen har inga moduler ännu."
    if not detail.tailored:
        return "Hela kursen: deltagarna är klara när alla moduler är klara."
    count, total = len(detail.required_module_ids), len(detail.modules)
    required = (
        "den obligatoriska modulen är klar"
        if count == 1
        else f"de {count} obligatoriska modulerna är klara"
    )
    optional = total - count
    rest = (
        "Kursens andra modul är valfri."
        if optional == 1
        else f"Kursens {optional} andra moduler är valfria."
    )
    return f"Skräddarsydd kursomgång: deltagarna är klara när {required}. {rest}"


def matrix_headers(matrix: progress.ProgressMatrix) -> list[str]:
    """The matrix's module columns; in a tailored run the optional ones say so."""
    return [
        f"{title} (valfri)" if matrix.required and mid not in matrix.required else title
        for mid, title in matrix.modules
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


@dataclass(frozen=True)
class LearnerAnswerLine:
    question: str
    response: str
    verdict: str
    comment: str


@dataclass(frozen=True)
class LearnerAttemptRow:
    id: int
    title: str  # "Kunskapstest, försök 2"
    result: str
    answers: tuple[LearnerAnswerLine, ...]


def _answer_verdict(answer: progress.LearnerAnswer) -> str:
    if answer.fraction is None:
        return "Väntar på bedömning"
    share = f"{round(answer.fraction * 100)} %"
    if answer.essay:
        return f"Bedömd: {share}"
    if answer.fraction >= 0.999:
        return "Rätt"
    return f"Delvis rätt: {share}" if answer.fraction > 0 else "Fel"


def learner_attempt_rows(attempts: list[progress.LearnerAttempt]) -> list[LearnerAttemptRow]:
    return [
        LearnerAttemptRow(
            a.id,
            f"{a.quiz_title}, försök {a.number}",
            attempt_result(a),
            tuple(
                LearnerAnswerLine(
                    answer.question,
                    answer.response or "Obesvarad",
                    _answer_verdict(answer),
                    answer.grader_feedback,
                )
                for answer in a.answers
            ),
        )
        for a in attempts
    ]
