"""Inventory services on a real database: campaigns, answering, access, threshold, profile."""

from datetime import date

import pytest
from sqlalchemy import func, select

from academy.core import auth
from academy.core import settings as settings_module
from academy.core.db import session_scope
from academy.core.errors import AccessDenied, NotFound, ValidationError
from academy.core.models import Unit, User
from academy.courses.authoring import list_courses
from academy.courses.cohorts import get_cohort
from academy.courses.tracking import cohort_required, learner_required
from academy.inventory import answering, campaigns, profile, tailoring
from academy.inventory.demo.seed import CLOSED_TITLE
from academy.inventory.models import SurveyCampaign, SurveyTemplate
from academy.inventory.templates import load_template
from tests.integration.conftest import count

OPENS, CLOSES, DURING = date(2026, 3, 1), date(2026, 3, 31), date(2026, 3, 10)


def person(session, email):
    return auth.to_current_user(session.scalar(select(User).where(User.email == email)))


def ids(session, unit="Servicecenter"):
    template_id = session.scalar(select(SurveyTemplate.id))
    unit_id = session.scalar(select(Unit.id).where(Unit.name == unit))
    return template_id, unit_id


def new_campaign(session, user_ids=(), **extra):
    template_id, unit_id = ids(session)
    return campaigns.create_campaign(
        session,
        person(session, "utbildare@demo.se"),
        template_id=template_id,
        unit_id=unit_id,
        title="Testenkät",
        opens_on=OPENS,
        closes_on=CLOSES,
        user_ids=user_ids,
        **extra,
    )


def complete_answers(session, campaign_id, confidence=3):
    template = load_template(session, session.get(SurveyCampaign, campaign_id).template_id)
    return {str(q.id): confidence for q in template.questions if q.measure == "confidence"}


def test_campaign_goes_to_all_active_employees_of_the_unit(demo):
    with session_scope() as session:
        campaign_id = new_campaign(session)
        summary = campaigns.get_campaign(session, person(session, "admin@demo.se"), campaign_id)
        assert summary.recipients == 9  # five demo colleagues and four added by the survey demo
        assert summary.submitted == 0 and summary.phase in ("open", "closed", "upcoming")
        sara = person(session, "medarbetare@demo.se")
        mine = campaigns.my_surveys(session, sara, today=DURING)
        assert [s.title for s in mine if s.phase == "open"] == ["Testenkät"]
        eva = person(session, "eva.holm@demo.se")
        assert "Testenkät" not in [s.title for s in campaigns.my_surveys(session, eva)]


def test_campaign_to_chosen_people_only_and_refusals(demo):
    with session_scope() as session:
        sara = person(session, "medarbetare@demo.se")
        eva = person(session, "eva.holm@demo.se")
        campaign_id = new_campaign(session, [sara.id], few_recipients_ok=True)
        assert (
            campaigns.get_campaign(
                session, person(session, "admin@demo.se"), campaign_id
            ).recipients
            == 1
        )
        with pytest.raises(ValidationError, match="Välj bara aktiva medarbetare på enheten."):
            new_campaign(session, [eva.id], few_recipients_ok=True)
        with pytest.raises(AccessDenied):
            campaigns.list_campaigns(session, sara)
        template_id, unit_id = ids(session)
        with pytest.raises(ValidationError, match="Sista svarsdag kan inte ligga före"):
            campaigns.create_campaign(
                session,
                person(session, "utbildare@demo.se"),
                template_id=template_id,
                unit_id=unit_id,
                title="X",
                opens_on=CLOSES,
                closes_on=OPENS,
            )


def test_fewer_recipients_than_the_threshold_are_sent_only_when_confirmed(demo):
    with session_scope() as session:
        chosen = [
            person(session, email).id
            for email in ("medarbetare@demo.se", "johan.ek@demo.se", "leila.hassan@demo.se")
        ]
        before = session.scalar(select(func.count()).select_from(SurveyCampaign))
        with pytest.raises(campaigns.FewRecipients) as refused:
            new_campaign(session, chosen)
        assert (refused.value.recipients, refused.value.threshold) == (3, 5)
        assert refused.value.message.startswith("Enkäten går bara till 3 personer.")
        assert "resultat kommer aldrig att visas" in refused.value.message
        assert session.scalar(select(func.count()).select_from(SurveyCampaign)) == before
        campaign_id = new_campaign(session, chosen, few_recipients_ok=True)
        summary = campaigns.get_campaign(session, person(session, "admin@demo.se"), campaign_id)
        assert summary.recipients == 3
        # Five or more need no confirmation.
        five = chosen + [
            person(session, e).id for e in ("maria.svensson@demo.se", "ahmed.yusuf@demo.se")
        ]
        assert new_campaign(session, five) > campaign_id


def test_draft_then_submit_once(demo):
    with session_scope() as session:
        campaign_id = new_campaign(session)
        sara = person(session, "medarbetare@demo.se")
        draft = {next(iter(complete_answers(session, campaign_id))): 2}
        assert (
            answering.save_answers(session, sara, campaign_id, draft, submit=False, today=DURING)
            == "draft"
        )
        form = answering.get_form(session, sara, campaign_id, today=DURING)
        assert form.status == "draft" and form.answers == draft
        full = complete_answers(session, campaign_id)
        assert (
            answering.save_answers(session, sara, campaign_id, full, submit=True, today=DURING)
            == "submitted"
        )
        with pytest.raises(ValidationError, match="Du har redan skickat in dina svar."):
            answering.save_answers(session, sara, campaign_id, full, submit=True, today=DURING)


@pytest.mark.parametrize(
    ("today", "raw", "message"),
    [
        (date(2026, 2, 28), None, "Enkäten öppnar 2026-03-01. Du kan svara från den dagen."),
        (date(2026, 4, 1), None, "Enkäten är stängd. Det går inte längre att svara."),
        (DURING, {}, "Besvara de obligatoriska frågorna: ”Tydlighet”, ”Empati”"),
    ],
)
def test_refused_answers_save_nothing(demo, today, raw, message):
    with session_scope() as session:
        campaign_id = new_campaign(session)
        sara = person(session, "medarbetare@demo.se")
        answers = complete_answers(session, campaign_id) if raw is None else raw
        before = count(demo, "survey_responses")
        with pytest.raises(ValidationError) as caught:
            answering.save_answers(session, sara, campaign_id, answers, submit=True, today=today)
        assert caught.value.message.startswith(message)
    assert count(demo, "survey_responses") == before


def test_out_of_range_and_unknown_option_save_nothing(demo):
    with session_scope() as session:
        campaign_id = new_campaign(session)
        sara = person(session, "medarbetare@demo.se")
        template = load_template(session, session.get(SurveyCampaign, campaign_id).template_id)
        number = next(q for q in template.questions if q.kind == "number")
        choice = next(q for q in template.questions if q.kind == "single_choice")
        base = complete_answers(session, campaign_id)
        with pytest.raises(ValidationError, match="ange ett tal mellan 0 och 1000"):
            answering.save_answers(
                session,
                sara,
                campaign_id,
                {**base, str(number.id): 5000},
                submit=False,
                today=DURING,
            )
        with pytest.raises(ValidationError, match="välj ett av alternativen"):
            answering.save_answers(
                session,
                sara,
                campaign_id,
                {**base, str(choice.id): "kanske"},
                submit=True,
                today=DURING,
            )
    assert count(demo, "survey_responses") == 8  # only the demo's answers


def test_people_outside_the_campaign_cannot_see_or_answer_it(demo):
    with session_scope() as session:
        sara = person(session, "medarbetare@demo.se")
        campaign_id = new_campaign(session, [sara.id], few_recipients_ok=True)
        eva = person(session, "eva.holm@demo.se")
        with pytest.raises(NotFound):
            answering.get_form(session, eva, campaign_id)
        with pytest.raises(NotFound):
            answering.save_answers(session, eva, campaign_id, {}, submit=False, today=DURING)
        with pytest.raises(AccessDenied):
            profile.needs_profile(session, sara, campaign_id)
        with pytest.raises(AccessDenied):
            profile.export_table(session, person(session, "strateg@demo.se"), campaign_id)


def test_results_only_from_the_threshold(demo):
    with session_scope() as session:
        campaign_id = new_campaign(session)
        trainer = person(session, "utbildare@demo.se")
        emails = ["medarbetare", "johan.ek", "leila.hassan", "maria.svensson", "ahmed.yusuf"]
        for number, email in enumerate(emails, 1):
            answering.save_answers(
                session,
                person(session, f"{email}@demo.se"),
                campaign_id,
                complete_answers(session, campaign_id, number),
                submit=True,
                today=DURING,
            )
            shown = profile.needs_profile(session, trainer, campaign_id)
            assert shown.shown is (number >= 5)
            assert shown.questions == () if number < 5 else len(shown.questions) > 0
            if number < 5:
                with pytest.raises(ValidationError, match="minst 5 personer"):
                    profile.export_table(session, trainer, campaign_id)
        assert shown.respondents == 5


def test_threshold_setting_is_never_below_three(demo, monkeypatch):
    monkeypatch.setenv("ANONYMITY_THRESHOLD", "1")
    settings_module.get_settings.cache_clear()
    assert settings_module.get_settings().anonymity_threshold == 3
    monkeypatch.setenv("ANONYMITY_THRESHOLD", "8")
    settings_module.get_settings.cache_clear()
    with session_scope() as session:
        campaign_id = session.scalar(
            select(SurveyCampaign.id).where(SurveyCampaign.title == CLOSED_TITLE)
        )
        trainer = person(session, "utbildare@demo.se")
        assert profile.needs_profile(session, trainer, campaign_id).shown  # exactly 8 answers
    monkeypatch.setenv("ANONYMITY_THRESHOLD", "9")
    settings_module.get_settings.cache_clear()
    with session_scope() as session:
        assert not profile.needs_profile(session, trainer, campaign_id).shown
    settings_module.get_settings.cache_clear()


def test_demo_profile_needs_gaps_and_recommendations(demo):
    with session_scope() as session:
        campaign_id = session.scalar(
            select(SurveyCampaign.id).where(SurveyCampaign.title == CLOSED_TITLE)
        )
        shown = profile.needs_profile(session, person(session, "utbildare@demo.se"), campaign_id)
        assert shown.respondents == 8 and shown.campaign.recipients == 9
        assert [n.topic for n in shown.needs[:3]] == ["regelverk", "första kontakten", "klarspråk"]
        assert shown.gaps[0].errand == "Bygglov och andra tillstånd" and shown.gaps[0].could == 6
        kinds = [(r.kind, r.title) for r in shown.recommendations]
        assert kinds[0] == ("course", "Bemötande i telefon")
        assert ("module", "Klarspråk i samtalet") in kinds
        texts = next(q for q in shown.questions if q.kind == "text").texts
        assert len(texts) == 4 and list(texts) == sorted(texts, key=str.lower)
        # Eight answers split any question into a group under five: no breakdown is offered,
        # and asking for one directly is refused.
        assert profile.breakdowns(session, person(session, "admin@demo.se"), campaign_id) == []
        question = next(q for q in load_template(session, 1).questions if q.kind == "single_choice")
        with pytest.raises(ValidationError, match="någon grupp har färre än 5 svar"):
            profile.needs_profile(
                session,
                person(session, "admin@demo.se"),
                campaign_id,
                breakdown=(question.id, "could"),
            )


def test_export_and_tailored_cohort(demo):
    with session_scope() as session:
        trainer = person(session, "utbildare@demo.se")
        campaign_id = session.scalar(
            select(SurveyCampaign.id).where(SurveyCampaign.title == CLOSED_TITLE)
        )
        header, rows = profile.export_table(session, trainer, campaign_id)
        assert header[0] == "Del" and any(row[0] == "Behov" for row in rows)
        assert not any("@" in str(cell) for row in rows for cell in row)  # no names or e-mails


def test_tailored_cohort_requires_the_chosen_modules_of_the_unit_employees(demo):
    with session_scope() as session:
        trainer = person(session, "utbildare@demo.se")
        campaign_id = session.scalar(
            select(SurveyCampaign.id).where(SurveyCampaign.title == CLOSED_TITLE)
        )
        result = profile.needs_profile(session, trainer, campaign_id)
        course_id = next(r.ref_id for r in result.recommendations if r.kind == "course")
        plan = tailoring.cohort_plan(session, trainer, campaign_id, course_id)
        assert plan.name == f"{plan.course_title} – Servicecenter"
        suggested = [m for m in plan.modules if m.suggested]
        assert suggested and len(suggested) < len(plan.modules)  # from the ranking, not all
        assert all(m.matched for m in suggested)
        other = next(
            c
            for c in list_courses(session, trainer)
            if c.status == "published" and c.id != course_id
        )
        other_plan = tailoring.cohort_plan(session, trainer, campaign_id, other.id)
        assert other_plan.name == f"{other.title} – Servicecenter"
        assert {m.id for m in other_plan.modules}.isdisjoint({m.id for m in plan.modules})

        def create(modules, name="Skräddarsydd omgång"):
            return tailoring.create_tailored_cohort(
                session,
                trainer,
                campaign_id,
                course_id=course_id,
                name=name,
                starts_on=date(2026, 9, 1),
                ends_on=date(2026, 11, 30),
                required_module_ids=modules,
            )

        with pytest.raises(ValidationError, match="Välj minst en modul") as none:
            create([])
        assert none.value.field == "modules"
        with pytest.raises(ValidationError, match="Välj bara moduler som finns i kursen"):
            create([suggested[0].id, other_plan.modules[0].id])
        cohort_id = create([m.id for m in suggested])
        detail = get_cohort(session, trainer, cohort_id)
        assert detail.required_modules == tuple(m.title for m in suggested)
        # The unit's nine employees take part; the trainer leads it and is not a participant.
        assert len(detail.participants) == 9
        assert trainer.id not in {p.user_id for p in detail.participants}
        assert [t.user_id for t in detail.trainers] == [trainer.id]
        made = tailoring.tailored_cohorts(session, trainer, campaign_id)
        assert [(c.cohort_id, c.name) for c in made] == [(cohort_id, "Skräddarsydd omgång")]
        sara = person(session, "medarbetare@demo.se")
        assert cohort_required(session, [cohort_id])[cohort_id] == {m.id for m in suggested}
        # Sara is also in an ordinary cohort of the course: she still has all of it to do.
        assert learner_required(session, sara.id, [course_id])[course_id] == set()
        eva = person(session, "eva.holm@demo.se")  # another unit: not enrolled
        assert learner_required(session, eva.id, [course_id])[course_id] == set()


def test_a_tailored_cohort_needs_a_profile_that_is_shown(demo):
    with session_scope() as session:
        trainer = person(session, "utbildare@demo.se")
        campaign_id = new_campaign(session)  # still open, no answers
        course_id = next(c.id for c in list_courses(session, trainer) if c.status == "published")
        with pytest.raises(ValidationError, match="Resultat visas först när"):
            tailoring.cohort_plan(session, trainer, campaign_id, course_id)
        with pytest.raises(AccessDenied):
            tailoring.cohort_plan(
                session, person(session, "medarbetare@demo.se"), campaign_id, course_id
            )


def test_compare_two_campaigns_of_a_unit(demo):
    with session_scope() as session:
        trainer = person(session, "utbildare@demo.se")
        first = session.scalar(
            select(SurveyCampaign.id).where(SurveyCampaign.title == CLOSED_TITLE)
        )
        second = new_campaign(session)
        emails = ["medarbetare", "johan.ek", "leila.hassan", "maria.svensson", "ahmed.yusuf"]
        with pytest.raises(ValidationError, match="minst 5 personer"):
            profile.compare_campaigns(session, trainer, first, second)
        for email in emails:
            answering.save_answers(
                session,
                person(session, f"{email}@demo.se"),
                second,
                complete_answers(session, second, 5),
                submit=True,
                today=DURING,
            )
        result = profile.compare_campaigns(session, trainer, first, second)
        empathy = next(c for c in result.questions if c.label == "Empati")
        assert empathy.before == 3.62 and empathy.after == 5.0 and empathy.change == 1.38
        topic = next(c for c in result.topics if c.label == "empati")
        assert topic.after == 0.0 and topic.change < 0
