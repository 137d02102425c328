"""/utbildning: "Mina kurser" for everyone enrolled; courses and cohorts for trainers."""

from __future__ import annotations

import reflex as rx

from academy.courses import authoring, cohorts, taking
from academy.courses.common import AUTHORS
from academy.courses.web.common import (
    COURSE_STATUS_LABELS,
    MEETINGS_HINT,
    CourseBaseState,
    inline_check,
    meeting_label,
    parse_day,
    parse_meetings,
    status_label,
    swedish_day,
    textarea_field,
)
from academy.ui.forms import empty_state, message, select_field, text_field
from academy.ui.layout import page_shell


def resume_href(course_id: int, point: taking.ResumePoint) -> str:
    if point.lesson_id:
        return f"/utbildning/lektion/{point.lesson_id}"
    if point.quiz_id:
        return f"/utbildning/quiz/{point.quiz_id}"
    return f"/utbildning/kurs/{course_id}"


class CoursesOverviewState(CourseBaseState):
    my_courses: list[dict] = []
    is_author: bool = False
    courses: list[dict] = []
    cohorts: list[dict] = []
    course_options: list[dict[str, str]] = []
    trainers: list[dict] = []
    form_key: int = 0

    def _refresh(self, session, actor) -> None:
        self.is_author = actor.has_any(*AUTHORS)
        rows = []
        for mine in cohorts.my_courses(session, actor):
            point = taking.resume_point(session, actor, mine.course_id)
            rows.append(
                {
                    "course_id": mine.course_id,
                    "title": mine.course_title,
                    "cohort": mine.cohort_name,
                    "status": status_label(mine.status),
                    "progress": f"{mine.modules_completed} av {mine.module_count} moduler klara",
                    "deadline": swedish_day(mine.deadline) or "Ingen",
                    "ends_on": swedish_day(mine.ends_on),
                    "href": resume_href(mine.course_id, point),
                    "action": "Visa kursen" if point.done else "Fortsätt",
                    "next_meeting": meeting_label(mine.next_meeting) if mine.next_meeting else "",
                }
            )
        self.my_courses = rows
        if not self.is_author:
            return
        summaries = authoring.list_courses(session, actor)
        self.courses = [
            {
                "id": c.id,
                "title": c.title,
                "status": COURSE_STATUS_LABELS[c.status],
                "modules": c.module_count,
                "topics": ", ".join(c.topics),
            }
            for c in summaries
        ]
        self.course_options = [{"value": str(c.id), "label": c.title} for c in summaries]
        self.cohorts = [
            {
                "id": c.id,
                "name": c.name,
                "course": c.course_title,
                "dates": f"{swedish_day(c.starts_on)} – {swedish_day(c.ends_on)}",
                "deadline": swedish_day(c.deadline) or "Ingen",
                "participants": c.participant_count,
            }
            for c in cohorts.list_cohorts(session, actor)
        ]
        self.trainers = [
            {
                "id": p.user_id,
                "name": p.name,
                "field": f"trainer-{p.user_id}",
                "me": p.user_id == actor.id,
            }
            for p in cohorts.active_people(session, actor, trainers_only=True)
        ]

    @rx.event
    def load(self):
        self._run(self._refresh)

    @rx.event
    def create_course(self, form_data: dict):
        created: list[int] = []

        def create(session, actor):
            created.append(
                authoring.create_course(session, actor, title=form_data.get("title", ""))
            )

        if self._run(create):
            return rx.redirect(f"/utbildning/kurser/{created[0]}")
        return None

    @rx.event
    def create_cohort(self, form_data: dict):
        created: list[int] = []

        def create(session, actor):
            course = form_data.get("course_id", "")
            created.append(
                cohorts.create_cohort(
                    session,
                    actor,
                    course_id=int(course) if course.isdigit() else None,
                    name=form_data.get("name", ""),
                    starts_on=parse_day(form_data.get("starts_on"), "startdatum"),
                    ends_on=parse_day(form_data.get("ends_on"), "slutdatum"),
                    deadline=parse_day(form_data.get("deadline"), "sista dag", required=False),
                    trainer_ids=[t["id"] for t in self.trainers if form_data.get(t["field"])],
                    meetings=parse_meetings(form_data.get("meetings")),
                )
            )

        if self._run(create):
            return rx.redirect(f"/utbildning/omgangar/{created[0]}")
        return None


S = CoursesOverviewState


def _my_course(row: dict) -> rx.Component:
    return rx.el.li(
        rx.heading(row["title"], as_="h3", size="4"),
        rx.el.p(row["cohort"], class_name="muted"),
        rx.el.p("Status: ", row["status"], " · ", row["progress"]),
        rx.el.p("Sista dag: ", row["deadline"], " · Kursomgången slutar ", row["ends_on"]),
        rx.cond(row["next_meeting"] != "", rx.el.p("Nästa träff: ", row["next_meeting"])),
        rx.link(
            row["action"],
            rx.el.span(" – ", row["title"], class_name="sr-only"),
            href=row["href"],
            class_name="button primary link-button",
        ),
        class_name="card",
    )


def _my_courses() -> rx.Component:
    return rx.el.section(
        rx.heading("Mina kurser", as_="h2", size="5"),
        rx.cond(
            S.my_courses.length() > 0,
            rx.el.ul(rx.foreach(S.my_courses, _my_course), class_name="cards plain-list"),
            empty_state(
                "Du är inte inskriven på någon kurs ännu.",
                "När din utbildare skriver in dig på en kursomgång visas kursen här, med det som "
                "ska vara klart först överst.",
            ),
        ),
        aria_label="Mina kurser",
    )


def _course_row(row: dict) -> rx.Component:
    return rx.el.tr(
        rx.el.td(rx.link(row["title"], href=f"/utbildning/kurser/{row['id']}")),
        rx.el.td(row["status"]),
        rx.el.td(row["modules"]),
        rx.el.td(row["topics"]),
    )


def _cohort_row(row: dict) -> rx.Component:
    return rx.el.tr(
        rx.el.td(rx.link(row["name"], href=f"/utbildning/omgangar/{row['id']}")),
        rx.el.td(row["course"]),
        rx.el.td(row["dates"]),
        rx.el.td(row["deadline"]),
        rx.el.td(row["participants"]),
    )


def _table(caption: str, headers: list[str], rows, render) -> rx.Component:
    return rx.el.div(
        rx.el.table(
            rx.el.caption(caption),
            rx.el.thead(rx.el.tr(*[rx.el.th(h, scope="col") for h in headers])),
            rx.el.tbody(rx.foreach(rows, render)),
            class_name="table",
        ),
        class_name="table-wrap",
        tab_index=0,
    )


def _new_course() -> rx.Component:
    return rx.form(
        text_field("Kursens titel", "title", field_id="new-course-title"),
        rx.el.button("Ny kurs", type="submit", class_name="button primary"),
        on_submit=S.create_course,
        reset_on_submit=False,
        class_name="form inline",
        aria_label="Ny kurs",
    )


def _new_cohort() -> rx.Component:
    return rx.el.section(
        rx.heading("Ny kursomgång", as_="h3", size="4"),
        rx.form(
            select_field("Kurs", "course_id", S.course_options, field_id="cohort-course"),
            text_field("Namn på kursomgången", "name", field_id="cohort-name"),
            text_field("Startdatum", "starts_on", type_="date", field_id="cohort-start"),
            text_field("Slutdatum", "ends_on", type_="date", field_id="cohort-end"),
            text_field(
                "Sista dag att bli klar (valfritt)",
                "deadline",
                type_="date",
                field_id="cohort-deadline",
                hint="För obligatoriska kurser.",
            ),
            rx.el.fieldset(
                rx.el.legend("Utbildare"),
                rx.foreach(
                    S.trainers,
                    lambda t: inline_check(t["name"], t["field"], default_checked=t["me"]),
                ),
            ),
            textarea_field(
                "Träffar (valfritt)",
                "meetings",
                rows=3,
                field_id="cohort-meetings",
                hint=MEETINGS_HINT,
            ),
            rx.el.button("Skapa kursomgång", type="submit", class_name="button primary"),
            on_submit=S.create_cohort,
            reset_on_submit=False,
            key=S.form_key,
            class_name="form",
            aria_label="Ny kursomgång",
        ),
        class_name="card",
    )


def _trainer_view() -> rx.Component:
    return rx.fragment(
        rx.el.section(
            rx.heading("Kurser", as_="h2", size="5"),
            _new_course(),
            rx.cond(
                S.courses.length() > 0,
                _table("Kurser", ["Kurs", "Status", "Moduler", "Ämnen"], S.courses, _course_row),
                empty_state("Det finns inga kurser ännu.", "Skapa den första med Ny kurs."),
            ),
        ),
        rx.el.section(
            rx.heading("Kursomgångar", as_="h2", size="5"),
            rx.cond(
                S.cohorts.length() > 0,
                _table(
                    "Kursomgångar",
                    ["Kursomgång", "Kurs", "Datum", "Sista dag", "Deltagare"],
                    S.cohorts,
                    _cohort_row,
                ),
                empty_state("Det finns inga kursomgångar ännu.", "Skapa en nedan."),
            ),
            rx.cond(S.course_options.length() > 0, _new_cohort()),
        ),
    )


def overview_page() -> rx.Component:
    return page_shell(
        rx.heading("Utbildning", as_="h1", size="7"),
        rx.text("Kurser, moduler, lektioner och quiz – och kursomgångar att följa upp."),
        message(S.error, "error"),
        message(S.notice, "info"),
        _my_courses(),
        rx.cond(S.is_author, _trainer_view()),
        area="courses",
    )
