"""Shared pieces of the course pages: the base state, labels and small helpers."""

from __future__ import annotations

from datetime import date, datetime

import reflex as rx

from academy.core.db import session_scope
from academy.core.errors import ServiceError, ValidationError
from academy.core.web.session import SessionState
from academy.courses.cohorts import Meeting
from academy.courses.status import STATUS_LABELS

COURSE_STATUS_LABELS = {"draft": "Utkast", "published": "Publicerad"}
FEEDBACK_MODE_LABELS = {"immediate": "Direkt efter varje svar", "end": "När quizet lämnas in"}


def status_label(status: str) -> str:
    return STATUS_LABELS.get(status, status)


def swedish_day(day: date | None) -> str:
    return day.isoformat() if day else ""


def parse_day(raw: str | None, label: str, *, required: bool = True) -> date | None:
    text = (raw or "").strip()
    if not text:
        if required:
            raise ValidationError(f"Ange {label}.")
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValidationError(f"{label.capitalize()} måste vara ett datum (ÅÅÅÅ-MM-DD).") from None


MEETINGS_HINT = (
    "En träff per rad: datum, klockslag och plats, till exempel: 2026-03-02 09:00 Stadshuset, "
    "rum Ljusgården."
)


def parse_meetings(raw: str | None) -> list[Meeting]:
    """Lines "ÅÅÅÅ-MM-DD TT:MM place" as meetings; a Swedish message names a bad line."""
    meetings = []
    for number, line in enumerate((raw or "").splitlines(), start=1):
        parts = line.split(maxsplit=2)
        if not parts:
            continue
        try:
            when = datetime.strptime(" ".join(parts[:2]), "%Y-%m-%d %H:%M")
        except ValueError:
            raise ValidationError(
                f"Träff på rad {number} måste börja med datum och klockslag (ÅÅÅÅ-MM-DD TT:MM)."
            ) from None
        meetings.append(Meeting(when, parts[2] if len(parts) > 2 else ""))
    return meetings


def meeting_label(meeting: Meeting) -> str:
    when = meeting.starts_at.strftime("%Y-%m-%d %H:%M")
    return f"{when} {meeting.place}".strip()


def parse_whole(raw: str | None, label: str) -> int:
    text = (raw or "").strip()
    if not text.lstrip("-").isdigit():
        raise ValidationError(f"{label} måste vara ett heltal.")
    return int(text)


def route_id(state: rx.State, name: str) -> int | None:
    raw = str(state.router.page.params.get(name, "") or "")
    return int(raw) if raw.isdigit() else None


class CourseBaseState(SessionState):
    """`_run` does a service call in one transaction and turns a refusal into a message."""

    error: str = ""
    notice: str = ""

    def _run(self, action, success: str = "") -> bool:
        self.error = self.notice = ""
        try:
            with session_scope() as session:
                action(session, self._actor())
        except ServiceError as exc:
            self.error = exc.message
            return False
        self.notice = success
        return True


def textarea_field(
    label: str,
    name: str,
    *,
    default_value: str | rx.Var = "",
    hint: str = "",
    rows: int = 4,
    field_id: str = "",
    class_name: str = "",
    **props,
) -> rx.Component:
    field_id = field_id or f"f-{name}"
    return rx.el.div(
        rx.el.label(label, html_for=field_id),
        rx.el.textarea(
            id=field_id,
            name=name,
            default_value=default_value,
            rows=rows,
            class_name=class_name,
            aria_describedby=f"{field_id}-hint" if hint else None,
            **props,
        ),
        rx.el.p(hint, id=f"{field_id}-hint", class_name="hint") if hint else rx.fragment(),
        class_name="field",
    )


def download(label: str, href: rx.Var | str) -> rx.Component:
    # A real request, not client-side routing: the server sends a file.
    return rx.el.a(label, href=href, download=True, reload_document=True, class_name="export-link")


def inline_check(
    label: rx.Var | str, name: rx.Var | str, *, default_checked: rx.Var | bool = False
) -> rx.Component:
    """A checkbox inside its label: no id needed, so it can repeat inside rx.foreach."""
    return rx.el.label(
        rx.el.input(type="checkbox", name=name, default_checked=default_checked),
        label,
        class_name="check",
    )
