"""A cohort (trainers, admins): enrolment, the progress matrix, item analysis, essays, exports."""

from __future__ import annotations

import dataclasses

import reflex as rx

from academy.core.accounts import list_units
from academy.core.errors import ValidationError
from academy.courses import authoring, cohorts, progress
from academy.courses.scoring import parse_number
from academy.courses.status import STATUS_LABELS, STATUSES
from academy.courses.web.common import (
    MEETINGS_HINT,
    CourseBaseState,
    download,
    inline_check,
    meeting_label,
    parse_day,
    parse_meetings,
    route_id,
    swedish_day,
    textarea_field,
)
from academy.ui.forms import message, select_field, text_field
from academy.ui.layout import page_shell


@dataclasses.dataclass
class MatrixLine:
    name: str
    email: str
    cells: list[str]
    course_status: str


@dataclasses.dataclass
class ItemLine:
    number: int
    title: str
    answered: int
    share_correct: str
    most_chosen_wrong: str


@dataclasses.dataclass
class QuizFollowUp:
    title: str
    questions: list[ItemLine]
    essays: list[dict]


class CohortState(CourseBaseState):
    cohort_id: int = 0
    name: str = ""
    course_title: str = ""
    course_id: int = 0
    dates: str = ""
    trainers: str = ""
    participants: list[str] = []
    people: list[dict] = []
    unit_options: list[dict[str, str]] = []
    modules: list[str] = []
    rows: list[MatrixLine] = []
    counts: list[str] = []
    status_filter: str = ""
    name_filter: str = ""
    quizzes: list[QuizFollowUp] = []
    form_key: int = 0
    # The "Ändra kursomgången" form's values.
    meetings: list[str] = []
    cohort_form: dict[str, str] = {}
    trainer_choices: list[dict] = []

    def _refresh(self, session, actor) -> None:
        detail = cohorts.get_cohort(session, actor, self.cohort_id)
        self.name, self.course_title, self.course_id = (
            detail.name,
            detail.course_title,
            detail.course_id,
        )
        deadline = f" · sista dag {swedish_day(detail.deadline)}" if detail.deadline else ""
        self.dates = f"{swedish_day(detail.starts_on)} – {swedish_day(detail.ends_on)}{deadline}"
        self.trainers = ", ".join(t.name for t in detail.trainers)
        self.meetings = [meeting_label(m) for m in detail.meetings]
        self.cohort_form = {
            "name": detail.name,
            "starts_on": swedish_day(detail.starts_on),
            "ends_on": swedish_day(detail.ends_on),
            "deadline": swedish_day(detail.deadline),
            "meetings": "\n".join(self.meetings),
        }
        leading = {t.user_id for t in detail.trainers}
        self.trainer_choices = [
            {"id": p.user_id, "name": p.name, "field": f"t-{p.user_id}", "on": p.user_id in leading}
            for p in cohorts.active_people(session, actor, trainers_only=True)
        ]
        self.participants = [p.name for p in detail.participants]
        enrolled = {p.user_id for p in detail.participants}
        self.people = [
            {"name": f"{p.name} ({p.unit or 'ingen enhet'})", "field": f"u-{p.user_id}"}
            for p in cohorts.active_people(session, actor)
            if p.user_id not in enrolled
        ]
        self.unit_options = [{"value": str(u.id), "label": u.path} for u in list_units(session)]
        matrix = progress.progress_matrix(
            session,
            actor,
            self.cohort_id,
            status=self.status_filter or None,
            name=self.name_filter,
        )
        self.modules = [title for _, title in matrix.modules]
        self.rows = [
            MatrixLine(
                row.name,
                row.email,
                [STATUS_LABELS[s] for s in row.statuses],
                STATUS_LABELS[row.course_status],
            )
            for row in matrix.rows
        ]
        self.counts = [f"{STATUS_LABELS[s]}: {matrix.counts[s]}" for s in STATUSES]
        course = authoring.get_course(session, actor, detail.course_id)
        self.quizzes = [
            QuizFollowUp(
                title=f"{m.title} – {m.quiz.title}",
                questions=[
                    ItemLine(
                        number,
                        item.title,
                        item.answered,
                        "–"
                        if item.share_correct is None
                        else f"{round(item.share_correct * 100)} %",
                        f"{item.most_chosen_wrong} ({item.most_chosen_wrong_count})"
                        if item.most_chosen_wrong
                        else "–",
                    )
                    for number, item in enumerate(
                        progress.item_analysis(session, actor, m.quiz.id), start=1
                    )
                ],
                essays=[
                    {
                        "answer_id": e.answer_id,
                        "who": e.user_name,
                        "question": e.question_title or e.question_text,
                        "response": e.response,
                    }
                    for e in progress.pending_essays(session, actor, m.quiz.id)
                ],
            )
            for m in course.modules
            if m.quiz
        ]

    @rx.event
    def load(self):
        self.cohort_id = route_id(self, "cohort_id") or 0
        self.status_filter = self.name_filter = ""
        if not self._run(self._refresh):
            self.cohort_id = 0

    @rx.event
    def filter(self, form_data: dict):
        self.status_filter = form_data.get("status", "")
        self.name_filter = form_data.get("name", "")
        self._run(self._refresh)

    @rx.event
    def enrol_people(self, form_data: dict):
        chosen = [
            int(key[2:]) for key, value in form_data.items() if key.startswith("u-") and value
        ]
        added: list[int] = []

        def enrol(session, actor):
            added.append(cohorts.enrol_users(session, actor, self.cohort_id, chosen))
            self._refresh(session, actor)

        if self._run(enrol):
            self.notice = f"{added[0]} deltagare är inskrivna."
            self.form_key += 1

    @rx.event
    def enrol_unit(self, form_data: dict):
        raw = str(form_data.get("unit_id", ""))
        added: list[int] = []

        def enrol(session, actor):
            if not raw.isdigit():
                raise ValidationError("Välj en enhet.")
            added.append(cohorts.enrol_unit(session, actor, self.cohort_id, int(raw)))
            self._refresh(session, actor)

        if self._run(enrol):
            self.notice = f"{added[0]} deltagare är inskrivna."

    @rx.event
    def save_cohort(self, form_data: dict):
        def save(session, actor):
            cohorts.update_cohort(
                session,
                actor,
                self.cohort_id,
                name=form_data.get("name", ""),
                starts_on=parse_day(form_data.get("starts_on"), "startdatum"),
                ends_on=parse_day(form_data.get("ends_on"), "slutdatum"),
                deadline=parse_day(form_data.get("deadline"), "sista dag", required=False),
                trainer_ids=[t["id"] for t in self.trainer_choices if form_data.get(t["field"])],
                meetings=parse_meetings(form_data.get("meetings")),
            )
            session.flush()
            self._refresh(session, actor)

        if self._run(save, "Kursomgången är sparad."):
            self.form_key += 1

    @rx.event
    def grade(self, form_data: dict):
        answer_id = int(form_data.get("answer_id", 0) or 0)

        def grade(session, actor):
            percent = parse_number(form_data.get("percent", ""))
            if percent is None:
                raise ValidationError("Ange poängen i procent, 0–100.")
            progress.grade_essay(
                session,
                actor,
                answer_id,
                fraction=percent / 100,
                feedback=form_data.get("feedback", ""),
            )
            self._refresh(session, actor)

        self._run(grade, "Svaret är bedömt.")


F = CohortState
STATUS_CHOICES = [{"value": s, "label": STATUS_LABELS[s]} for s in STATUSES]


def _enrolment() -> rx.Component:
    return rx.el.section(
        rx.heading("Skriv in deltagare", as_="h2", size="5"),
        rx.form(
            rx.el.fieldset(
                rx.el.legend("Välj personer"),
                rx.foreach(F.people, lambda p: inline_check(p["name"], p["field"])),
            ),
            rx.el.button("Skriv in valda", type="submit", class_name="button primary"),
            on_submit=F.enrol_people,
            reset_on_submit=True,
            key=F.form_key,
            class_name="form",
            aria_label="Skriv in valda personer",
        ),
        rx.form(
            select_field("Enhet", "unit_id", F.unit_options, empty_label="Välj enhet"),
            rx.el.button("Skriv in hela enheten", type="submit", class_name="button secondary"),
            on_submit=F.enrol_unit,
            reset_on_submit=False,
            class_name="form inline",
            aria_label="Skriv in en hel enhet",
        ),
        rx.el.details(
            rx.el.summary("Deltagare (", F.participants.length(), ")"),
            rx.el.ul(rx.foreach(F.participants, lambda n: rx.el.li(n))),
        ),
        class_name="card",
    )


def _matrix_row(row: MatrixLine) -> rx.Component:
    return rx.el.tr(
        rx.el.th(row.name, scope="row"),
        rx.foreach(row.cells, lambda cell: rx.el.td(cell, data_status=cell)),
        rx.el.td(rx.el.strong(row.course_status)),
    )


def _matrix() -> rx.Component:
    return rx.el.section(
        rx.heading("Framsteg", as_="h2", size="5"),
        rx.form(
            rx.el.div(
                rx.el.label("Status för kursen", html_for="filter-status"),
                rx.el.select(
                    rx.el.option("Alla", value=""),
                    *[rx.el.option(c["label"], value=c["value"]) for c in STATUS_CHOICES],
                    id="filter-status",
                    name="status",
                ),
                class_name="field",
            ),
            text_field("Namn eller e-post", "name", field_id="filter-name"),
            rx.el.button("Filtrera", type="submit", class_name="button secondary"),
            on_submit=F.filter,
            reset_on_submit=False,
            class_name="form inline",
            aria_label="Filtrera framsteg",
        ),
        rx.el.ul(
            rx.foreach(F.counts, lambda c: rx.el.li(c)),
            class_name="counts",
            aria_label="Antal per status",
        ),
        rx.el.div(
            rx.el.table(
                rx.el.caption("Deltagare och moduler"),
                rx.el.thead(
                    rx.el.tr(
                        rx.el.th("Deltagare", scope="col"),
                        rx.foreach(F.modules, lambda m: rx.el.th(m, scope="col")),
                        rx.el.th("Kursen", scope="col"),
                    )
                ),
                rx.el.tbody(rx.foreach(F.rows, _matrix_row)),
                class_name="table matrix",
            ),
            class_name="table-wrap",
            tab_index=0,
        ),
        rx.el.nav(
            rx.el.span("Ladda ner:", class_name="muted"),
            download("Framsteg (CSV)", f"/api/utbildning/omgangar/{F.cohort_id}/framsteg.csv"),
            download("Framsteg (XLSX)", f"/api/utbildning/omgangar/{F.cohort_id}/framsteg.xlsx"),
            download("Resultat (CSV)", f"/api/utbildning/omgangar/{F.cohort_id}/resultat.csv"),
            download("Resultat (XLSX)", f"/api/utbildning/omgangar/{F.cohort_id}/resultat.xlsx"),
            aria_label="Ladda ner",
            class_name="actions exports",
        ),
    )


def _item_row(item: ItemLine) -> rx.Component:
    return rx.el.tr(
        rx.el.td(item.number),
        rx.el.td(item.title),
        rx.el.td(item.answered),
        rx.el.td(item.share_correct),
        rx.el.td(item.most_chosen_wrong),
    )


def _essay(essay: dict) -> rx.Component:
    return rx.el.li(
        rx.form(
            rx.el.p(rx.el.strong(essay["who"]), " – ", essay["question"]),
            rx.el.blockquote(essay["response"], class_name="essay"),
            rx.el.input(type="hidden", name="answer_id", value=essay["answer_id"]),
            rx.el.label(
                "Poäng i procent (0–100)",
                rx.el.input(name="percent", input_mode="numeric"),
                class_name="field",
            ),
            rx.el.label(
                "Återkoppling", rx.el.textarea(name="feedback", rows=3), class_name="field"
            ),
            rx.el.button("Spara bedömning", type="submit", class_name="button secondary"),
            on_submit=F.grade,
            reset_on_submit=False,
            class_name="form",
            aria_label="Bedöm svaret",
        ),
        class_name="card",
    )


def _quiz_follow_up(quiz: QuizFollowUp) -> rx.Component:
    return rx.el.section(
        rx.heading(quiz.title, as_="h3", size="4"),
        rx.el.div(
            rx.el.table(
                rx.el.caption("Frågeanalys: ", quiz.title),
                rx.el.thead(
                    rx.el.tr(
                        *[
                            rx.el.th(h, scope="col")
                            for h in ("Nr", "Fråga", "Svar", "Andel rätt", "Vanligaste fel svar")
                        ]
                    )
                ),
                rx.el.tbody(rx.foreach(quiz.questions, _item_row)),
                class_name="table",
            ),
            class_name="table-wrap",
            tab_index=0,
        ),
        rx.heading("Essäsvar att bedöma", as_="h4", size="3"),
        rx.cond(
            quiz.essays.length() > 0,
            rx.el.ul(rx.foreach(quiz.essays, _essay), class_name="plain-list"),
            rx.el.p("Inga svar väntar på bedömning.", class_name="muted"),
        ),
    )


def _meetings() -> rx.Component:
    return rx.el.section(
        rx.heading("Träffar", as_="h2", size="5"),
        rx.cond(
            F.meetings.length() > 0,
            rx.el.ul(rx.foreach(F.meetings, lambda m: rx.el.li(m)), aria_label="Träffar"),
            rx.el.p("Inga träffar är inlagda.", class_name="muted"),
        ),
        rx.el.details(
            rx.el.summary("Ändra kursomgången"),
            rx.form(
                text_field(
                    "Namn på kursomgången",
                    "name",
                    default_value=F.cohort_form["name"],
                    field_id="edit-cohort-name",
                ),
                text_field(
                    "Startdatum",
                    "starts_on",
                    type_="date",
                    default_value=F.cohort_form["starts_on"],
                    field_id="edit-cohort-start",
                ),
                text_field(
                    "Slutdatum",
                    "ends_on",
                    type_="date",
                    default_value=F.cohort_form["ends_on"],
                    field_id="edit-cohort-end",
                ),
                text_field(
                    "Sista dag att bli klar (valfritt)",
                    "deadline",
                    type_="date",
                    default_value=F.cohort_form["deadline"],
                    field_id="edit-cohort-deadline",
                ),
                rx.el.fieldset(
                    rx.el.legend("Utbildare"),
                    rx.foreach(
                        F.trainer_choices,
                        lambda t: inline_check(t["name"], t["field"], default_checked=t["on"]),
                    ),
                ),
                textarea_field(
                    "Träffar",
                    "meetings",
                    default_value=F.cohort_form["meetings"],
                    rows=4,
                    field_id="edit-cohort-meetings",
                    hint=MEETINGS_HINT,
                ),
                rx.el.button("Spara kursomgången", type="submit", class_name="button primary"),
                on_submit=F.save_cohort,
                reset_on_submit=False,
                key=F.form_key,
                class_name="form",
                aria_label="Ändra kursomgången",
            ),
        ),
        class_name="card",
    )


def cohort_page() -> rx.Component:
    return page_shell(
        rx.link("← Utbildning", href="/utbildning"),
        rx.cond(
            F.cohort_id > 0,
            rx.fragment(
                rx.heading(F.name, as_="h1", size="7"),
                rx.el.p(
                    "Kurs: ",
                    rx.link(F.course_title, href=f"/utbildning/kurser/{F.course_id}"),
                    " · ",
                    F.dates,
                    " · Utbildare: ",
                    F.trainers,
                ),
                message(F.error, "error"),
                message(F.notice, "info"),
                _meetings(),
                _matrix(),
                _enrolment(),
                rx.el.section(
                    rx.heading("Quizresultat", as_="h2", size="5"),
                    rx.foreach(F.quizzes, _quiz_follow_up),
                ),
            ),
            message(F.error, "error"),
        ),
        area="courses",
    )
