"""The inventory pages' states: each message lands at the action that caused it, and a field's
own mistake beside that field; the profile download answers in the one way."""

from datetime import date, timedelta

from sqlalchemy import select
from starlette.applications import Starlette
from starlette.testclient import TestClient

from academy.core.db import session_scope
from academy.core.models import User
from academy.courses.models import Cohort, Enrolment
from academy.courses.web.learner_state import LearnerCourseState
from academy.inventory.demo.seed import CLOSED_TITLE, OPEN_TITLE
from academy.inventory.models import SurveyCampaign
from academy.inventory.templates import load_template
from academy.inventory.web.answer_state import AnswerState
from academy.inventory.web.api import ROUTES
from academy.inventory.web.compare_state import CompareState
from academy.inventory.web.inventory_state import InventoryState
from academy.inventory.web.profile_state import ProfileState
from academy.inventory.web.template_state import TemplateEditorState
from tests.integration.conftest import count
from tests.integration.inventory.test_inventory_services import ids
from tests.integration.test_states import logged_in
from tests.sessions import token_of

TRAINER, SARA = "utbildare@demo.se", "medarbetare@demo.se"


def campaign_id(title: str) -> int:
    with session_scope() as session:
        return session.scalar(select(SurveyCampaign.id).where(SurveyCampaign.title == title))


def test_start_campaign_reports_a_bad_date_beside_the_field_and_success_at_the_form(demo):
    state = logged_in(InventoryState, TRAINER)
    state.load()
    assert state.is_analyst and state.campaign_rows and state.message_at == ""
    with session_scope() as session:
        template_id, unit_id = ids(session)
    state.choose_unit(str(unit_id))
    sara = next(p for p in state.people if p.name == "Sara Nilsson")
    today = date.today()
    form = {
        "title": "Våren via sidan",
        "template_id": str(template_id),
        "unit_id": str(unit_id),
        "opens_on": "i morgon",
        "closes_on": (today + timedelta(days=14)).isoformat(),
        f"person-{sara.id}": "on",
    }
    before = count(demo, "survey_campaigns")
    state.start_campaign(form)
    assert state.message_at == "start" and state.error == "Ange första svarsdag som ÅÅÅÅ-MM-DD."
    assert state.field_errors == {"opens_on": state.error}
    assert count(demo, "survey_campaigns") == before
    key = state.form_key
    # One recipient is fewer than the threshold: a warning before anything is created.
    state.start_campaign({**form, "opens_on": today.isoformat()})
    assert state.message_at == "start" and state.few_recipients and state.threshold == 5
    assert state.error.startswith("Enkäten går bara till en person. Resultat visas först när")
    assert count(demo, "survey_campaigns") == before and state.form_key == key
    state.start_campaign({**form, "opens_on": today.isoformat(), "few_recipients_ok": "on"})
    assert (state.message_at, state.notice, state.field_errors) == (
        "start",
        "Enkäten är skickad.",
        {},
    )
    assert state.form_key == key + 1 and state.people == [] and not state.few_recipients
    row = next(r for r in state.campaign_rows if r.title == "Våren via sidan")
    assert row.rate == "0 av 1 (0 %)" and row.phase == "Öppen"


def test_new_template_refusal_is_shown_at_its_form(demo):
    state = logged_in(InventoryState, TRAINER)
    state.load()
    state.new_template({"template_title": state.template_rows[0].title, "source": ""})
    assert state.message_at == "new-template" and state.error.startswith("Det finns redan en mall")


def test_a_missing_answer_is_reported_at_the_buttons_and_beside_its_question(demo):
    state = logged_in(AnswerState, SARA)
    state.campaign_id = campaign_id(OPEN_TITLE)
    state._run(state._fill)
    assert state.can_answer and state.questions[0].first_in_section
    required = [q for q in state.questions if q.required]
    state.set_intent("submit")
    state.save({})
    assert state.message_at == "answers"
    assert state.error.startswith("Besvara de obligatoriska frågorna")
    assert state.field_errors == {required[0].key: state.error}
    assert state.intent == "draft"  # the next press of "Spara utkast" is a draft again
    volume = next(q for q in state.questions if q.kind == "number")
    state.save({volume.key: "5000"})
    assert state.field_errors == {volume.key: state.error} and "mellan 0 och" in state.error
    answers = {q.key: "4" for q in required}
    state.set_intent("submit")
    state.save(answers)
    assert (state.message_at, state.notice) == ("answers", "Tack! Dina svar är inskickade.")
    assert not state.can_answer and state.status_text == "Inskickad"


def test_profile_messages_land_at_close_cohort_and_breakdown(demo):
    state = logged_in(ProfileState, TRAINER)
    state.campaign_id = campaign_id(OPEN_TITLE)
    state._run(state._fill)
    assert state.has_campaign and state.still_open and state.can_close
    state.close_campaign()
    assert state.message_at == "close" and state.notice.startswith("Enkätomgången är stängd")

    state.campaign_id = campaign_id(CLOSED_TITLE)
    state._run(state._fill)
    assert state.shown and state.needs[0].rank == 1 and state.sections and state.need_bars
    assert state.campaign.rate == "8 av 9 (89 %)"
    suggested = [m.id for m in state.module_choices if m.suggested]
    assert suggested and state.chosen_course and state.typed_name == state.suggested_name
    form = {"course_id": state.chosen_course, "name": "Skräddarsydd", "ends_on": "2026-11-30"}
    form |= {f"module-{m}": "on" for m in suggested}
    state.create_cohort({**form, "starts_on": ""})
    assert state.message_at == "cohort" and state.field_errors == {"starts_on": "Ange startdatum."}
    state.create_cohort(
        {k: v for k, v in form.items() if not k.startswith("module-")} | {"starts_on": "2026-09-01"}
    )
    assert state.field_errors == {"modules": state.error} and state.cohort_id == 0
    redirect = state.create_cohort({**form, "starts_on": "2026-09-01"})
    assert state.message_at == "cohort" and state.notice.startswith("Kursomgången är skapad")
    assert state.cohort_id > 0 and f"/utbildning/omgangar/{state.cohort_id}" in str(redirect)
    # An employee of the unit in this run only sees which modules it requires; Sara, also in
    # an ordinary cohort of the course, still has the whole course to do.
    with session_scope() as session:
        in_other_runs = set(
            session.scalars(
                select(User.email)
                .join(Enrolment, Enrolment.user_id == User.id)
                .join(Cohort, Cohort.id == Enrolment.cohort_id)
                .where(Cohort.course_id == int(form["course_id"]), Cohort.id != state.cohort_id)
            )
        )
        only_here = session.scalar(
            select(User.email)
            .join(Enrolment, Enrolment.user_id == User.id)
            .where(Enrolment.cohort_id == state.cohort_id, User.email.not_in(in_other_runs))
            .order_by(User.email)
        )
    assert SARA in in_other_runs and only_here
    for email, marked in ((only_here, suggested), (SARA, [])):
        outline = logged_in(LearnerCourseState, email)
        outline._run(lambda s, a, o=outline: o._load(s, a, int(form["course_id"])))
        assert outline.error == ""
        assert [m.id for m in outline.modules if m.required] == marked
        assert bool(marked) == any(m.requirement.startswith("Valfri") for m in outline.modules)
    state.apply_breakdown({"breakdown": "999999:yes"})
    assert state.message_at == "breakdown" and state.error and state.breakdown == ""
    assert state.field_errors == {"breakdown": state.error}


def test_choosing_another_course_brings_its_modules_and_name_unless_one_was_typed(demo):
    state = logged_in(ProfileState, TRAINER)
    state.campaign_id = campaign_id(CLOSED_TITLE)
    state._run(state._fill)
    first_course, first_name = state.chosen_course, state.suggested_name
    first_modules = [m.id for m in state.module_choices]
    other = next(o for o in state.course_options if o.value != first_course)
    key = state.name_key
    state.choose_course(other.value)
    assert state.suggested_name == f"{other.label} – Servicecenter" != first_name
    assert state.typed_name == state.suggested_name and state.name_key == key + 1
    assert state.module_choices and not {m.id for m in state.module_choices} & set(first_modules)
    state.name_typed("  Vår egen omgång ")
    state.choose_course(first_course)
    assert state.typed_name == "Vår egen omgång" and state.name_key == key + 1
    assert state.suggested_name == first_name
    assert [m.id for m in state.module_choices] == first_modules


def test_compare_without_a_choice_is_refused_beside_the_select(demo):
    state = logged_in(CompareState, TRAINER)
    state.campaign_id = campaign_id(CLOSED_TITLE)
    state.compare({"other": ""})
    assert state.message_at == "compare"
    assert state.field_errors == {"other": "Välj en enkätomgång att jämföra med."}
    assert state.question_rows == [] and state.heading == ""


def test_template_moves_and_deletions_report_beside_their_section(demo):
    state = logged_in(TemplateEditorState, TRAINER)
    state.load()
    with session_scope() as session:
        template_id = state.template_id = ids(session)[0]
    state.copy({"title": "Kopia för ordning"})
    with session_scope() as session:
        from academy.inventory.models import SurveyTemplate

        state.template_id = session.scalar(
            select(SurveyTemplate.id).where(SurveyTemplate.title == "Kopia för ordning")
        )
    assert state.template_id != template_id
    state._run(state._fill)
    section = state.sections[0]
    first, second = section.questions[0], section.questions[1]
    state.move_question(second.id, -1)
    assert (state.message_at, state.notice) == (f"section-{section.id}", "Ordningen är sparad.")
    assert state.sections[0].questions[0].id == second.id
    state.delete_question(first.id)
    assert (state.message_at, state.notice) == (f"section-{section.id}", "Frågan är borttagen.")
    assert first.id not in [q.id for q in state.sections[0].questions]
    state.delete_section(section.id)
    assert (state.message_at, state.notice) == ("sections", "Avsnittet är borttaget.")
    state.save_question({"kind": "text", "text": "Utan avsnitt", "section_id": ""})
    assert state.message_at == "question-form" and "section_id" in state.field_errors
    with session_scope() as session:
        assert section.id not in [s.id for s in load_template(session, state.template_id).sections]


def _client(email: str | None) -> TestClient:
    client = TestClient(Starlette(routes=ROUTES))
    if email:
        client.cookies.set("sa_session", token_of(logged_in(ProfileState, email)))
    return client


def test_profile_export_is_never_cached_and_refusals_use_the_common_codes(demo):
    closed, still_open = campaign_id(CLOSED_TITLE), campaign_id(OPEN_TITLE)
    url = f"/api/inventering/{closed}/export/csv"
    assert _client(None).get(url).status_code == 401
    assert _client(SARA).get(url).status_code == 403
    trainer = _client(TRAINER)
    response = trainer.get(url)
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["content-disposition"].startswith(
        'attachment; filename="behovsprofil-inventering-servicecenter-hosten-2025.csv"'
    )
    assert response.content.decode("utf-8-sig").splitlines()[0].startswith("Del;Avsnitt")
    assert trainer.get(f"/api/inventering/{closed}/export/pdf").status_code == 404
    refused = trainer.get(f"/api/inventering/{still_open}/export/xlsx")
    assert refused.status_code == 422 and "stängd" in refused.text
    assert refused.headers["cache-control"] == "no-store"
