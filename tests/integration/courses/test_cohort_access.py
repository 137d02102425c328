"""Only a cohort's own trainers and admins see, export or change it: a second trainer is refused."""

import pytest
from sqlalchemy import select
from starlette.applications import Starlette
from starlette.testclient import TestClient

from academy.core import accounts
from academy.core.db import session_scope
from academy.core.errors import AccessDenied
from academy.core.models import Role
from academy.core.security import hash_password
from academy.courses import cohorts, progress, taking
from academy.courses.web.api import ROUTES
from academy.courses.web.cohort_state import CohortState
from academy.demo import DEMO_PASSWORD
from tests.integration.courses.builders import ESSAY, SINGLE, actor, build_course
from tests.integration.test_states import logged_in
from tests.sessions import token_of

NOT_YOURS = (
    "Du leder inte den här kursomgången. Bara dess utbildare och administratörer kan öppna den."
)


@pytest.fixture
def other_trainer(demo):
    with session_scope(demo) as s:
        accounts.create_user(
            s,
            None,  # as from the command line: no one-time password to change first
            name="Olle Annan",
            email="olle.annan@demo.se",
            password=DEMO_PASSWORD,
            password_hash=hash_password(DEMO_PASSWORD),  # the demo's shared password
            roles=[Role.TRAINER],
        )
    return actor(demo, "olle.annan@demo.se")


def _essay_attempt(demo, built):
    sara = actor(demo, "medarbetare@demo.se")
    with session_scope(demo) as s:
        for lesson_id in built.lessons_a:
            taking.mark_lesson_read(s, sara, lesson_id)
        attempt = taking.start_attempt(s, sara, built.quiz_id)
        taking.save_answers(s, sara, attempt.id, {built.question_ids[1]: "Jag sammanfattar."})
        taking.submit_attempt(s, sara, attempt.id)
    return attempt.id


def test_a_trainer_who_does_not_lead_the_cohort_is_refused_everywhere(demo, other_trainer):
    built = build_course(demo, questions=(SINGLE, ESSAY))
    attempt_id = _essay_attempt(demo, built)
    with session_scope(demo) as s:
        answer_id = progress.pending_essays(
            s, actor(demo, "utbildare@demo.se"), built.quiz_id, built.cohort_id
        )[0].answer_id
    sara_id = actor(demo, "medarbetare@demo.se").id
    calls = [
        lambda s: cohorts.get_cohort(s, other_trainer, built.cohort_id),
        lambda s: progress.progress_matrix(s, other_trainer, built.cohort_id),
        lambda s: progress.pending_essays(s, other_trainer, built.quiz_id, built.cohort_id),
        lambda s: cohorts.enrol_users(s, other_trainer, built.cohort_id, [other_trainer.id]),
        lambda s: cohorts.remove_participant(s, other_trainer, built.cohort_id, sara_id),
        lambda s: cohorts.update_cohort(
            s,
            other_trainer,
            built.cohort_id,
            name="Kapad",
            starts_on=cohorts.get_cohort(
                s, actor(demo, "admin@demo.se"), built.cohort_id
            ).starts_on,
            ends_on=cohorts.get_cohort(s, actor(demo, "admin@demo.se"), built.cohort_id).ends_on,
            trainer_ids=[other_trainer.id],
        ),
    ]
    for call in calls:
        with pytest.raises(AccessDenied) as refused, session_scope(demo) as s:
            call(s)
        assert refused.value.message == NOT_YOURS
    with pytest.raises(AccessDenied), session_scope(demo) as s:
        progress.grade_essay(s, other_trainer, answer_id, fraction=1.0, feedback="Bra")
    with pytest.raises(AccessDenied), session_scope(demo) as s:
        taking.get_attempt(s, other_trainer, attempt_id)
    with session_scope(demo) as s:
        assert cohorts.list_cohorts(s, other_trainer) == []
        detail = cohorts.get_cohort(s, actor(demo, "admin@demo.se"), built.cohort_id)
    assert detail.name == "Våren" and [t.name for t in detail.trainers] == ["Karin Berg"]

    page = logged_in(CohortState, "olle.annan@demo.se")
    page.cohort_id = built.cohort_id
    page._run(page._refresh)
    assert page.error == NOT_YOURS and page.participants == []
    page.save_cohort(
        {"name": "Kapad", "starts_on": "2026-03-01", "ends_on": "2026-05-31", "t-1": "on"}
    )
    assert page.error == NOT_YOURS

    client = TestClient(Starlette(routes=ROUTES))
    client.cookies.set("sa_session", token_of(page))
    for name in ("framsteg.csv", "resultat.csv"):
        assert client.get(f"/api/utbildning/omgangar/{built.cohort_id}/{name}").status_code == 403


def test_the_cohort_trainer_and_an_admin_follow_up(demo, other_trainer):
    built = build_course(demo, questions=(SINGLE, ESSAY))
    attempt_id = _essay_attempt(demo, built)
    for who in ("utbildare@demo.se", "admin@demo.se"):
        with session_scope(demo) as s:
            assert taking.get_attempt(s, actor(demo, who), attempt_id).id == attempt_id
            essays = progress.pending_essays(s, actor(demo, who), built.quiz_id, built.cohort_id)
            assert [e.attempt_number for e in essays] == [1]
    with session_scope(demo) as s:
        progress.grade_essay(
            s, actor(demo, "utbildare@demo.se"), essays[0].answer_id, fraction=0.5, feedback="Ok"
        )


def test_people_to_enrol_are_found_by_name_or_e_mail_and_show_unit_and_e_mail(demo):
    built = build_course(demo)
    page = logged_in(CohortState, "utbildare@demo.se")
    page.cohort_id = built.cohort_id
    page._run(page._refresh)
    assert "Johan Ek (Servicecenter, johan.ek@demo.se)" in [p.name for p in page.people]
    page.search_people({"query": "LEILA"})
    assert [p.name for p in page.people] == ["Leila Hassan (Servicecenter, leila.hassan@demo.se)"]
    page.search_people({"query": "eva.holm@"})
    assert [p.name for p in page.people] == ["Eva Holm (Förskoleantagningen, eva.holm@demo.se)"]
    page.enrol_people({page.people[0].field: "on"})
    assert page.notice == "1 deltagare är inskrivna."
    assert [(r.name, r.email, r.unit) for r in page.participants] == [
        ("Eva Holm", "eva.holm@demo.se", "Förskoleantagningen"),
        ("Sara Nilsson", "medarbetare@demo.se", "Servicecenter"),
    ]


def test_the_cohort_trainer_opens_one_learners_attempts_and_others_cannot(demo, other_trainer):
    built = build_course(demo, questions=(SINGLE, ESSAY))
    _essay_attempt(demo, built)
    sara_id = actor(demo, "medarbetare@demo.se").id
    page = logged_in(CohortState, "utbildare@demo.se")
    page.cohort_id = built.cohort_id
    page._run(page._refresh)
    page.show_learner(sara_id)
    assert (page.error, page.learner_name) == ("", "Sara Nilsson")
    (attempt,) = page.learner_attempts
    assert (attempt.title, attempt.result) == ("Kunskapstest, försök 1", "Väntar på bedömning")
    assert [(a.response, a.verdict) for a in attempt.answers] == [
        ("Obesvarad", "Fel"),
        ("Jag sammanfattar.", "Väntar på bedömning"),
    ]
    other = logged_in(CohortState, "olle.annan@demo.se")
    other.cohort_id = built.cohort_id
    other.show_learner(sara_id)
    assert other.error == NOT_YOURS and other.learner_attempts == []


def test_a_stale_cohort_save_is_refused_and_changes_nothing(demo):
    from academy.core.errors import StaleEdit
    from academy.courses.demo.seed import COHORT_NAME
    from academy.courses.models import Cohort

    trainer = actor(demo, "utbildare@demo.se")
    with session_scope(demo) as session:
        cohort_id = session.scalar(select(Cohort.id).where(Cohort.name == COHORT_NAME))
        opened = cohorts.get_cohort(session, trainer, cohort_id)
    fields = dict(
        starts_on=opened.starts_on,
        ends_on=opened.ends_on,
        trainer_ids=[t.user_id for t in opened.trainers],
        deadline=opened.deadline,
        meetings=opened.meetings,
    )
    with session_scope(demo) as session:
        cohorts.update_cohort(
            session, trainer, cohort_id, name="Först sparad", version=opened.version, **fields
        )
    with pytest.raises(StaleEdit), session_scope(demo) as session:
        cohorts.update_cohort(
            session, trainer, cohort_id, name="Senare, inaktuell", version=opened.version, **fields
        )
    with session_scope(demo) as session:
        assert cohorts.get_cohort(session, trainer, cohort_id).name == "Först sparad"
