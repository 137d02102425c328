"""A tailored cohort: its required modules decide when a learner is done, everywhere."""

from datetime import date, datetime

import pytest

from academy.core.db import session_scope
from academy.core.errors import AccessDenied, StaleEdit
from academy.courses import cohorts, exports, progress, taking
from academy.courses.certificate import completion_date
from academy.courses.models import LessonRead, QuizAttempt
from academy.courses.web.cohort_state import CohortState
from academy.courses.web.cohort_view import matrix_lines
from academy.courses.web.learner_state import LearnerCourseState
from academy.courses.web.overview_state import CoursesOverviewState
from academy.home.steps import next_steps
from tests.integration.courses.builders import actor, build_course, user_id
from tests.integration.test_states import logged_in

SARA, JOHAN, TRAINER = "medarbetare@demo.se", "johan.ek@demo.se", "utbildare@demo.se"


def _read(engine, email, lesson_ids):
    with session_scope(engine) as s:
        for lesson_id in lesson_ids:
            taking.mark_lesson_read(s, actor(engine, email), lesson_id)


def _require(engine, cohort_id, module_ids=None, *, whole_course=False, version=None):
    trainer = actor(engine, TRAINER)
    with session_scope(engine) as s:
        opened = cohorts.get_cohort(s, trainer, cohort_id)
        cohorts.update_cohort(
            s,
            trainer,
            cohort_id,
            name=opened.name,
            starts_on=opened.starts_on,
            ends_on=opened.ends_on,
            deadline=date(2026, 3, 31),  # passed on 1 May: those not done are flagged
            trainer_ids=[t.user_id for t in opened.trainers],
            meetings=opened.meetings,
            version=opened.version if version is None else version,
            required_module_ids=module_ids,
            whole_course=whole_course,
        )


headers: dict[str, list[str]] = {}


def _everywhere(engine, built, email):
    """The course status for one learner as each place shows it."""
    person = actor(engine, email)
    trainer = actor(engine, TRAINER)
    with session_scope(engine) as s:
        mine = next(m for m in cohorts.my_courses(s, person) if m.course_id == built.course_id)
        outline = taking.course_outline(s, person, built.course_id)
        matrix = progress.progress_matrix(s, trainer, built.cohort_id)
        row = next(r for r in matrix.rows if r.email == email)
        header, rows = exports.progress_table(s, trainer, built.cohort_id)
        headers[email] = header
        csv_status = next(r for r in rows if r[1] == email)[-1]
        completed = taking.course_completed(s, person.id, built.course_id)
        line = next(ln for ln in matrix_lines(matrix, date(2026, 5, 1)) if ln.email == email)
    return {
        "mina kurser": (mine.status, mine.modules_completed, mine.module_count),
        "outline": (outline.status, outline.modules_completed, outline.module_count),
        "matrix": (row.course_status, row.modules_completed),
        "csv": csv_status,
        "certificate": completed,
        "deadline": line.deadline_kind,
    }


def test_done_means_every_required_module_done_in_every_view(demo):
    built = build_course(demo, participants=(SARA, JOHAN))
    _require(demo, built.cohort_id, [built.module_a])  # Fördjupning (with the quiz) optional
    _read(demo, SARA, built.lessons_a)  # all required, nothing of the optional module
    _read(demo, JOHAN, built.lessons_a[:1])  # one required lesson missing

    assert _everywhere(demo, built, SARA) == {
        "mina kurser": ("completed", 1, 1),
        "outline": ("completed", 1, 1),
        "matrix": ("completed", 1),
        "csv": "Klar",
        "certificate": True,
        "deadline": "",
    }
    assert _everywhere(demo, built, JOHAN) == {
        "mina kurser": ("in_progress", 0, 1),
        "outline": ("in_progress", 0, 1),
        "matrix": ("in_progress", 0),
        "csv": "Pågår",
        "certificate": False,
        "deadline": "overdue",
    }
    assert headers[SARA][-3:] == ["Grunder", "Fördjupning (valfri)", "Kursen"]
    with session_scope(demo) as s:
        matrix = progress.progress_matrix(s, actor(demo, TRAINER), built.cohort_id)
        assert matrix.required == {built.module_a}
        assert matrix.counts["completed"] == 1
        steps = {step.title: step for step in next_steps(s, actor(demo, JOHAN))}
    assert "0 av 1 obligatorisk modul klar" in steps["Mina kurser"].text

    # What the learner sees: the status, the count and which modules are optional.
    outline = logged_in(LearnerCourseState, SARA)
    outline._run(lambda s, a: outline._load(s, a, built.course_id))
    assert (outline.status, outline.completed) == ("Klar", True)
    fresh = logged_in(LearnerCourseState, JOHAN)
    fresh._run(lambda s, a: fresh._load(s, a, built.course_id))
    assert fresh.resume_label == "Fortsätt där du slutade"  # one lesson read
    with session_scope(demo) as s:
        cohorts.enrol_users(
            s, actor(demo, TRAINER), built.cohort_id, [actor(demo, "leila.hassan@demo.se").id]
        )
    fresh = logged_in(LearnerCourseState, "leila.hassan@demo.se")
    fresh._run(lambda s, a: fresh._load(s, a, built.course_id))
    assert fresh.resume_label == "Börja kursen"  # nothing begun: never "Fortsätt"
    assert outline.progress == "1 av 1 obligatorisk modul klar"
    assert [m.requirement for m in outline.modules] == [
        "Obligatorisk i din kursomgång",
        "Valfri: krävs inte för att bli klar med kursen",
    ]
    mine = logged_in(CoursesOverviewState, JOHAN)
    mine._run(mine._refresh)
    row = next(r for r in mine.my_courses if r.course_id == built.course_id)
    assert (row.progress, row.deadline_kind) == ("0 av 1 obligatorisk modul klar", "overdue")

    # Back to the whole course: Sara is no longer done.
    _require(demo, built.cohort_id, whole_course=True)
    assert _everywhere(demo, built, SARA)["mina kurser"] == ("in_progress", 1, 2)
    assert _everywhere(demo, built, SARA)["csv"] == "Pågår"
    assert not _everywhere(demo, built, SARA)["certificate"]


def test_a_learner_also_in_an_ordinary_cohort_has_the_whole_course_to_do(demo):
    built = build_course(demo, participants=(SARA,))
    _require(demo, built.cohort_id, [built.module_a])
    _read(demo, SARA, built.lessons_a)
    assert _everywhere(demo, built, SARA)["outline"] == ("completed", 1, 1)
    trainer = actor(demo, TRAINER)
    with session_scope(demo) as s:
        other = cohorts.create_cohort(
            s,
            trainer,
            course_id=built.course_id,
            name="Hela kursen",
            starts_on=date(2026, 1, 1),
            ends_on=date(2026, 12, 31),
        )
        cohorts.enrol_users(s, trainer, other, [actor(demo, SARA).id])
    assert _everywhere(demo, built, SARA)["outline"] == ("in_progress", 1, 2)
    # The tailored cohort's own matrix still counts its own requirement.
    assert _everywhere(demo, built, SARA)["matrix"] == ("completed", 1)


def test_the_trainer_sees_and_changes_the_required_modules_and_a_stale_save_is_refused(demo):
    built = build_course(demo, participants=(SARA,))
    page = logged_in(CohortState, TRAINER)
    page.cohort_id = built.cohort_id
    page._run(page._refresh)
    assert not page.tailored
    assert page.requirement == "Hela kursen: deltagarna är klara när alla moduler är klara."
    assert [(m.title, m.required) for m in page.module_lines] == [
        ("Grunder", True),
        ("Fördjupning", True),
    ]
    form = {
        "name": "Våren",
        "starts_on": "2026-03-02",
        "ends_on": "2026-06-30",
        "t-" + str(actor(demo, TRAINER).id): "on",
        "modules_shown": "1",
    }
    page.save_cohort(form)  # no module ticked
    assert page.field_errors == {"modules": page.error}
    assert page.error.startswith("Välj minst en modul")
    assert not page.tailored

    page.save_cohort({**form, f"m-{built.module_a}": "on"})
    assert (page.error, page.notice) == ("", "Kursomgången är sparad.")
    assert page.tailored
    assert page.requirement == (
        "Skräddarsydd kursomgång: deltagarna är klara när den obligatoriska modulen är klar. "
        "Kursens andra modul är valfri."
    )
    assert [(m.requirement, m.required) for m in page.module_lines] == [
        ("Obligatorisk", True),
        ("Valfri", False),
    ]
    assert page.modules == ["Grunder", "Fördjupning (valfri)"]

    # Another trainer's save in between: this one is refused and the requirement is kept.
    with pytest.raises(StaleEdit):
        _require(demo, built.cohort_id, [built.module_b], version=1)
    with session_scope(demo) as s:
        detail = cohorts.get_cohort(s, actor(demo, TRAINER), built.cohort_id)
    assert detail.required_module_ids == {built.module_a}

    # Ticking every module is the whole course again.
    page.save_cohort({**form, f"m-{built.module_a}": "on", f"m-{built.module_b}": "on"})
    assert page.error == "" and not page.tailored
    assert page.modules == ["Grunder", "Fördjupning"]


def test_opening_another_cohort_renews_the_edit_form(demo, monkeypatch):
    first = build_course(demo, participants=(SARA,), title="Första")
    second = build_course(demo, participants=(SARA,), title="Andra")
    page = logged_in(CohortState, TRAINER)
    opened = {"id": first.cohort_id}
    monkeypatch.setattr(CohortState, "_param", lambda self, name: opened["id"])
    page.load()
    key, fields = page.form_key, [m.field for m in page.module_lines]
    opened["id"] = second.cohort_id
    page.load()
    # The form is re-created (its key changes), with the second cohort's own module boxes.
    assert page.form_key != key
    assert [m.field for m in page.module_lines] != fields
    assert page.course_title == "Andra"


def test_an_optional_prerequisite_does_not_lock_a_required_module(demo):
    built = build_course(demo, participants=(SARA, JOHAN))
    _require(demo, built.cohort_id, [built.module_b])  # Fördjupning needs Grunder, optional here
    sara = actor(demo, SARA)
    with session_scope(demo) as s:
        outline = taking.course_outline(s, sara, built.course_id)
        assert [m.unlocked for m in outline.modules] == [True, True]
        assert outline.resume.lesson_id == built.lesson_b
        assert taking.open_lesson(s, sara, built.lesson_b).id == built.lesson_b
    # Someone who must do the whole course still meets the lock.
    trainer = actor(demo, TRAINER)
    with session_scope(demo) as s:
        whole = cohorts.create_cohort(
            s,
            trainer,
            course_id=built.course_id,
            name="Hela kursen",
            starts_on=date(2026, 1, 1),
            ends_on=date(2026, 12, 31),
        )
        cohorts.enrol_users(s, trainer, whole, [actor(demo, JOHAN).id])
    johan = actor(demo, JOHAN)
    with pytest.raises(AccessDenied, match="måste vara klar"), session_scope(demo) as s:
        taking.open_lesson(s, johan, built.lesson_b)


def _set_times(engine, email, reads=(), passes=()):
    """Back-date lesson reads (lesson id -> moment) and add passed attempts (quiz, moment)."""
    person = actor(engine, email)
    with session_scope(engine) as s:
        for lesson_id, moment in reads:
            s.get(LessonRead, (person.id, lesson_id)).read_at = moment
        for number, (quiz_id, moment) in enumerate(passes, start=1):
            s.add(
                QuizAttempt(
                    quiz_id=quiz_id,
                    user_id=person.id,
                    number=number,
                    status="submitted",
                    score_percent=100.0,
                    passed=True,
                    started_at=moment,
                    submitted_at=moment,
                )
            )


def test_the_certificate_is_dated_when_the_required_modules_were_done(demo):
    built = build_course(demo, participants=(SARA, JOHAN))
    _require(demo, built.cohort_id, [built.module_a])  # Fördjupning (with the quiz) optional
    _read(demo, SARA, [*built.lessons_a, built.lesson_b])
    first, second = built.lessons_a
    march_10, march_12, may_2 = datetime(2026, 3, 10), datetime(2026, 3, 12), datetime(2026, 5, 2)
    _set_times(
        demo,
        SARA,
        reads=[(first, march_10), (second, march_12), (built.lesson_b, may_2)],
        passes=[(built.quiz_id, may_2)],
    )
    with session_scope(demo) as s:
        # The optional module, done in May, does not move the day the course was done.
        assert completion_date(s, user_id(demo, SARA), built.course_id) == date(2026, 3, 12)

    # The whole course: done once the quiz was first passed, not when it was passed again.
    _require(demo, built.cohort_id, whole_course=True)
    april_1, april_20 = datetime(2026, 4, 1), datetime(2026, 4, 20)
    _read(demo, JOHAN, [*built.lessons_a, built.lesson_b])
    reads = [(lesson, march_10) for lesson in (*built.lessons_a, built.lesson_b)]
    _set_times(
        demo, JOHAN, reads=reads, passes=[(built.quiz_id, april_1), (built.quiz_id, april_20)]
    )
    with session_scope(demo) as s:
        assert completion_date(s, user_id(demo, JOHAN), built.course_id) == date(2026, 4, 1)
