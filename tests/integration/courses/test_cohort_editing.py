"""Cohorts: meetings with time and place in the create and edit forms; the next meeting shown."""

from datetime import date, datetime

from academy.core.db import session_scope
from academy.courses import cohorts
from academy.courses.cohorts import Meeting
from academy.courses.web.cohort_state import CohortState
from academy.courses.web.learner_state import LearnerCourseState
from academy.courses.web.overview_state import CoursesOverviewState
from tests.integration.conftest import count
from tests.integration.courses.builders import actor, build_course, user_id
from tests.integration.test_states import logged_in

FUTURE = "2099-03-02 09:00 Stadshuset, rum Ljusgården\n2099-01-15 13:30 Teams"


def _detail(engine, cohort_id):
    with session_scope(engine) as s:
        return cohorts.get_cohort(s, actor(engine, "utbildare@demo.se"), cohort_id)


def _cohort_page(engine, cohort_id, email="utbildare@demo.se"):
    state = logged_in(CohortState, email)
    state.cohort_id = cohort_id
    state._run(state._refresh)
    return state


def test_a_cohort_is_created_with_meetings_and_the_learner_sees_the_next(demo):
    built = build_course(demo, participants=())
    overview = logged_in(CoursesOverviewState, "utbildare@demo.se")
    overview._run(overview._refresh)
    form = {
        "course_id": str(built.course_id),
        "name": "Hösten",
        "starts_on": "2026-09-01",
        "ends_on": "2099-12-31",
        "deadline": "",
        "meetings": FUTURE + "\n2020-01-01 08:00 Förr",
    }
    overview.create_cohort(form)
    assert overview.error == ""
    cohort_id = max(c.id for c in _cohorts(demo))
    assert _detail(demo, cohort_id).meetings == (
        Meeting(datetime(2020, 1, 1, 8, 0), "Förr"),
        Meeting(datetime(2099, 1, 15, 13, 30), "Teams"),
        Meeting(datetime(2099, 3, 2, 9, 0), "Stadshuset, rum Ljusgården"),
    )
    with session_scope(demo) as s:
        cohorts.enrol_users(
            s, actor(demo, "utbildare@demo.se"), cohort_id, [user_id(demo, "johan.ek@demo.se")]
        )
    mine = logged_in(CoursesOverviewState, "johan.ek@demo.se")
    mine._run(mine._refresh)
    assert [c.next_meeting for c in mine.my_courses if c.cohort == "Hösten"] == [
        "2099-01-15 13:30 Teams"
    ]
    outline = logged_in(LearnerCourseState, "johan.ek@demo.se")
    outline._run(lambda s, a: outline._load(s, a, built.course_id))
    assert (outline.error, outline.next_meeting) == ("", "2099-01-15 13:30 Teams")


def _cohorts(engine):
    with session_scope(engine) as s:
        return cohorts.list_cohorts(s, actor(engine, "utbildare@demo.se"))


def test_a_bad_meeting_line_is_refused_and_no_cohort_is_created(demo):
    built = build_course(demo, participants=())
    overview = logged_in(CoursesOverviewState, "utbildare@demo.se")
    overview._run(overview._refresh)
    before = count(demo, "course_cohorts")
    overview.create_cohort(
        {
            "course_id": str(built.course_id),
            "name": "Hösten",
            "starts_on": "2026-09-01",
            "ends_on": "2026-12-31",
            "meetings": "2026-09-10 09:00 Stadshuset\nnästa tisdag",
        }
    )
    assert overview.error == (
        "Träff på rad 2 måste börja med datum och klockslag (ÅÅÅÅ-MM-DD TT:MM)."
    )
    assert count(demo, "course_cohorts") == before


def test_the_trainer_edits_a_cohort_and_a_bad_edit_saves_nothing(demo):
    built = build_course(demo)
    page = _cohort_page(demo, built.cohort_id)
    assert page.cohort_form["name"] == "Våren" and page.meetings == []
    karin = next(t for t in page.trainer_choices if t.name == "Karin Berg")
    anna = next(t for t in page.trainer_choices if t.name == "Anna Lindqvist")
    assert karin.checked and not anna.checked
    page.save_cohort(
        {
            "name": "Våren, grupp 2",
            "starts_on": "2026-03-02",
            "ends_on": "2026-06-30",
            "deadline": "2026-06-15",
            karin.field: "on",
            anna.field: "on",
            "meetings": FUTURE,
        }
    )
    assert (page.error, page.notice) == ("", "Kursomgången är sparad.")
    detail = _detail(demo, built.cohort_id)
    assert (detail.name, detail.starts_on, detail.ends_on, detail.deadline) == (
        "Våren, grupp 2",
        date(2026, 3, 2),
        date(2026, 6, 30),
        date(2026, 6, 15),
    )
    assert [t.name for t in detail.trainers] == ["Anna Lindqvist", "Karin Berg"]
    assert page.meetings == [
        "2099-01-15 13:30 Teams",
        "2099-03-02 09:00 Stadshuset, rum Ljusgården",
    ]

    page.save_cohort(
        {
            "name": "Kapad",
            "starts_on": "2026-07-01",
            "ends_on": "2026-06-30",
            anna.field: "on",
            "meetings": "",
        }
    )
    assert page.error == "Slutdatum kan inte ligga före startdatum."
    assert _detail(demo, built.cohort_id) == detail


def test_an_employee_cannot_edit_a_cohort(demo):
    built = build_course(demo)
    page = logged_in(CohortState, "medarbetare@demo.se")
    page.cohort_id = built.cohort_id
    page.save_cohort({"name": "Kapad", "starts_on": "2026-03-01", "ends_on": "2026-05-31"})
    assert page.error == "Du har inte behörighet att göra detta."
    assert _detail(demo, built.cohort_id).name == "Våren"


def _new_cohort_form(built, **extra):
    return {
        "course_id": str(built.course_id),
        "name": "Skräddarsydd",
        "starts_on": "2026-09-01",
        "ends_on": "2099-12-31",
        "modules_shown": str(built.course_id),
        **extra,
    }


def test_a_new_cohort_from_the_overview_can_require_some_of_the_modules(demo):
    built = build_course(demo, participants=())
    overview = logged_in(CoursesOverviewState, "utbildare@demo.se")
    overview._run(overview._refresh)
    overview.choose_course(str(built.course_id))
    assert [m.label for m in overview.new_modules] == ["Grunder", "Fördjupning"]

    # No module ticked: refused at the boxes, nothing created.
    before = count(demo, "course_cohorts")
    overview.create_cohort(_new_cohort_form(built))
    assert overview.field_errors.get("modules", "").startswith("Välj minst en modul")
    assert count(demo, "course_cohorts") == before

    overview.create_cohort(_new_cohort_form(built, **{f"m-{built.module_b}": "on"}))
    assert overview.error == ""
    tailored = _detail(demo, max(c.id for c in _cohorts(demo)))
    assert tailored.name == "Skräddarsydd" and tailored.required_module_ids == {built.module_b}

    # All ticked is the whole course, not a tailored run.
    ticked = {f"m-{built.module_a}": "on", f"m-{built.module_b}": "on"}
    overview.create_cohort(_new_cohort_form(built, name="Hela", **ticked))
    assert overview.error == ""
    whole = _detail(demo, max(c.id for c in _cohorts(demo)))
    assert whole.name == "Hela" and not whole.tailored

    # Boxes of another course than the one chosen are not read.
    other = build_course(demo, participants=(), title="Annan kurs")
    overview.choose_course(str(other.course_id))
    overview.create_cohort(_new_cohort_form(built, name="Fel", **{f"m-{built.module_b}": "on"}))
    assert overview.error == ""
    assert not _detail(demo, max(c.id for c in _cohorts(demo))).tailored
