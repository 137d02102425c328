"""The course forms' fields as typed arguments (no Reflex, no database).

Each parser raises `ValidationError(message, field=name)` for a field's own error, so the page
shows the message beside that field. Rules about the values themselves (a pass mark of 0–100,
an end date after the start) stay in the services.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any

from academy.core.errors import ValidationError
from academy.courses.cohorts import Meeting
from academy.courses.scoring import parse_number

MEETINGS_HINT = (
    "En träff per rad: datum, klockslag och plats, till exempel: 2026-03-02 09:00 Stadshuset, "
    "rum Ljusgården."
)


def values(parsed) -> dict[str, Any]:
    """A parsed form's fields as keyword arguments: their names are the service's."""
    return {f.name: getattr(parsed, f.name) for f in fields(parsed)}


def text(form: dict[str, Any], name: str) -> str:
    return str(form.get(name, "") or "")


def parse_day(
    raw: str | None, label: str, *, required: bool = True, field: str | None = None
) -> date | None:
    """An ISO date (ÅÅÅÅ-MM-DD); empty is None unless `required`."""
    value = (raw or "").strip()
    if not value:
        if required:
            raise ValidationError(f"Ange {label}.", field=field)
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValidationError(
            f"{label.capitalize()} måste vara ett datum (ÅÅÅÅ-MM-DD).", field=field
        ) from None


def parse_meetings(raw: str | None, field: str = "meetings") -> list[Meeting]:
    """Lines "ÅÅÅÅ-MM-DD TT:MM place" as meetings; the message names a bad line."""
    meetings = []
    for number, line in enumerate((raw or "").splitlines(), start=1):
        parts = line.split(maxsplit=2)
        if not parts:
            continue
        try:
            when = datetime.strptime(" ".join(parts[:2]), "%Y-%m-%d %H:%M")
        except ValueError:
            raise ValidationError(
                f"Träff på rad {number} måste börja med datum och klockslag (ÅÅÅÅ-MM-DD TT:MM).",
                field=field,
            ) from None
        meetings.append(Meeting(when, parts[2] if len(parts) > 2 else ""))
    return meetings


def parse_whole(raw: str | None, label: str, field: str | None = None) -> int:
    """A whole number (negative allowed, the service decides the range)."""
    value = (raw or "").strip()
    if not value.lstrip("-").isdigit():
        raise ValidationError(f"{label} måste vara ett heltal.", field=field)
    return int(value)


def optional_id(raw: Any) -> int | None:
    """A chosen id from a select ("" for none)."""
    value = str(raw or "").strip()
    return int(value) if value.isdigit() else None


def checked_ids(form: dict[str, Any], prefix: str) -> list[int]:
    """The ids of the ticked checkboxes named `prefix` + id."""
    return sorted(
        int(key[len(prefix) :])
        for key, value in form.items()
        if key.startswith(prefix) and key[len(prefix) :].isdigit() and value
    )


# ---- courses, modules, lessons ------------------------------------------------------------------


@dataclass(frozen=True)
class CourseFields:
    title: str
    description: str
    target_group: str
    topics: list[str]


def course_fields(form: dict[str, Any]) -> CourseFields:
    return CourseFields(
        title=text(form, "title"),
        description=text(form, "description"),
        target_group=text(form, "target_group"),
        topics=text(form, "topics").split(","),
    )


@dataclass(frozen=True)
class ModuleFields:
    title: str
    description: str
    prerequisite_id: int | None


def module_fields(form: dict[str, Any]) -> ModuleFields:
    return ModuleFields(
        title=text(form, "title"),
        description=text(form, "description"),
        prerequisite_id=optional_id(form.get("prerequisite")),
    )


@dataclass(frozen=True)
class LessonFields:
    title: str
    content_markdown: str
    video_url: str


def lesson_fields(form: dict[str, Any]) -> LessonFields:
    return LessonFields(
        title=text(form, "title"),
        content_markdown=text(form, "content"),
        video_url=text(form, "video_url"),
    )


def image_alt(raw: str) -> str:
    """An image's alt text safe inside Markdown's ![…]: no brackets, one line."""
    return " ".join(raw.replace("[", "").replace("]", "").split()) or "Bild"


# ---- quizzes ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class QuizSettings:
    title: str
    pass_mark: int
    attempts_allowed: int
    feedback_mode: str
    review_mode: str
    shuffle_options: bool
    grading_method: str


def quiz_settings(form: dict[str, Any]) -> QuizSettings:
    return QuizSettings(
        title=text(form, "title"),
        pass_mark=parse_whole(text(form, "pass_mark"), "Gränsen för godkänt", "pass_mark"),
        attempts_allowed=parse_whole(text(form, "attempts"), "Antal försök", "attempts"),
        feedback_mode=text(form, "feedback_mode"),
        review_mode=text(form, "review_mode") or "after_attempt",
        shuffle_options=bool(form.get("shuffle_options")),
        grading_method=text(form, "grading_method") or "highest",
    )


def answer_name(question_id: int, name: str) -> str:
    """An answer input's name in the one quiz form: each question's fields carry its id."""
    return f"q{question_id}-{name}"


def quiz_response(
    kind: str, form: dict[str, Any], prompt_count: int, question_id: int | None = None
) -> Any:
    """A question's fields in the quiz form as the service's response shape (courses.scoring);
    None when nothing was chosen or typed."""
    prefix = "" if question_id is None else answer_name(question_id, "")
    answer = text(form, prefix + "answer").strip()
    if kind == "multiple_choice":
        return checked_ids(form, prefix + "c-") or None
    if kind == "matching":
        chosen = [text(form, f"{prefix}m-{i}") or None for i in range(prompt_count)]
        return chosen if any(chosen) else None
    if not answer:
        return None
    if kind == "single_choice":
        return int(answer) if answer.isdigit() else answer
    if kind == "true_false":
        return answer == "true"
    return answer


def quiz_responses(form: dict[str, Any], questions) -> dict[int, Any]:
    """Every answer on the page: question id -> response, for questions given an answer.

    `questions` are (id, kind, prompt count) of the questions still open to answer."""
    responses = {}
    for question_id, kind, prompt_count in questions:
        response = quiz_response(kind, form, prompt_count, question_id)
        if response is not None:
            responses[question_id] = response
    return responses


# ---- cohorts ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class CohortFields:
    name: str
    starts_on: date
    ends_on: date
    deadline: date | None
    trainer_ids: list[int]
    meetings: list[Meeting]


def cohort_fields(form: dict[str, Any], trainer_prefix: str) -> CohortFields:
    """The create and edit forms of a cohort; trainers are checkboxes `trainer_prefix` + id."""
    return CohortFields(
        name=text(form, "name"),
        starts_on=parse_day(text(form, "starts_on"), "startdatum", field="starts_on"),
        ends_on=parse_day(text(form, "ends_on"), "slutdatum", field="ends_on"),
        deadline=parse_day(text(form, "deadline"), "sista dag", required=False, field="deadline"),
        trainer_ids=checked_ids(form, trainer_prefix),
        meetings=parse_meetings(text(form, "meetings")),
    )


@dataclass(frozen=True)
class Grade:
    answer_id: int
    fraction: float
    feedback: str


def grade(form: dict[str, Any]) -> Grade:
    """An essay grade: points in percent, 0–100 (the service checks the range)."""
    percent = parse_number(text(form, "percent"))
    if percent is None:
        raise ValidationError("Ange poängen i procent, 0–100.", field="percent")
    return Grade(
        answer_id=optional_id(form.get("answer_id")) or 0,
        fraction=percent / 100,
        feedback=text(form, "feedback"),
    )
