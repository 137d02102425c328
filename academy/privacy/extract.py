"""Registerutdrag: everything the app keeps about one person, as plain JSON-ready values.

The person may take out their own; an admin anyone's. Survey participation is listed, never the
answers: those are anonymous, and no page shows whose they are.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from academy.core import audit
from academy.core.access import ROLE_LABELS, CurrentUser
from academy.core.errors import AccessDenied, NotFound
from academy.core.models import AuditEvent, LoginSession, Role, User, utcnow
from academy.courses.models import (
    AttemptAnswer,
    Cohort,
    CohortTrainer,
    Course,
    Enrolment,
    Lesson,
    LessonRead,
    Question,
    Quiz,
    QuizAttempt,
)
from academy.inventory.models import SurveyCampaign, SurveyRecipient, SurveyResponse
from academy.journeys.models import JourneyRecord
from academy.practice.models import (
    Observation,
    PracticeLogEntry,
    PracticeLogFeedback,
    PracticeScenario,
    RoleplayCard,
    ScenarioAttempt,
)


def _when(value: datetime | date | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return value.isoformat()


def require_self_or_admin(session: Session, actor: CurrentUser | None, user_id: int) -> User:
    if actor is None:
        raise AccessDenied("Du är inte inloggad.")
    if actor.id != user_id and not actor.has_any(Role.ADMIN):
        raise AccessDenied()
    user = session.get(User, user_id)
    if user is None:
        raise NotFound("Användaren finns inte.")
    return user


def register_extract(
    session: Session, actor: CurrentUser | None, user_id: int, *, now: datetime | None = None
) -> dict[str, Any]:
    """Every kind of data kept about `user_id`, with headings in Swedish."""
    user = require_self_or_admin(session, actor, user_id)
    extract = {
        "utdrag": {
            "tjänst": "Serviceakademin",
            "skapat": _when(now or utcnow()),
            "beställt_av": actor.email,
        },
        "konto": {
            "namn": user.name,
            "e-post": user.email,
            "enhet": user.unit.name if user.unit else "",
            "roller": [label for role, label in ROLE_LABELS.items() if role in user.roles],
            "aktivt": user.active,
            "skapat": _when(user.created_at),
        },
        "inloggningar": _logins(session, user.id),
        "kursomgångar": _cohorts(session, user.id),
        "lästa_lektioner": _reads(session, user.id),
        "quizförsök": _attempts(session, user.id),
        "scenarioträning": _scenario_attempts(session, user.id),
        "träningslogg": _practice_log(session, user.id),
        "skriven_återkoppling": _feedback_written(session, user.id),
        "observationer_av_mig": _observations(session, user.id),
        "enkäter": _surveys(session, user.id),
        "kundresor_jag_äger": [
            {"titel": title}
            for title in session.scalars(
                select(JourneyRecord.title).where(JourneyRecord.owner_id == user.id)
            )
        ],
        "händelselogg": _audit(session, user),
    }
    audit.record(
        session,
        "register_extract",
        subject=user.email,
        actor_id=actor.id,
        detail="eget utdrag" if actor.id == user.id else "utdrag av administratör",
    )
    return extract


def _logins(session: Session, user_id: int) -> list[dict]:
    rows = session.scalars(
        select(LoginSession)
        .where(LoginSession.user_id == user_id)
        .order_by(LoginSession.created_at)
    )
    return [
        {
            "inloggad": _when(row.created_at),
            "senast_aktiv": _when(row.last_seen_at),
            "avslutad": _when(row.ended_at),
        }
        for row in rows
    ]


def _cohorts(session: Session, user_id: int) -> list[dict]:
    enrolled = session.execute(
        select(Cohort.name, Course.title, Enrolment.enrolled_at)
        .join(Enrolment, Enrolment.cohort_id == Cohort.id)
        .join(Course, Course.id == Cohort.course_id)
        .where(Enrolment.user_id == user_id)
        .order_by(Enrolment.enrolled_at)
    )
    led = session.execute(
        select(Cohort.name, Course.title)
        .join(CohortTrainer, CohortTrainer.cohort_id == Cohort.id)
        .join(Course, Course.id == Cohort.course_id)
        .where(CohortTrainer.user_id == user_id)
    )
    return [
        {"kursomgång": name, "kurs": title, "roll": "deltagare", "inskriven": _when(at)}
        for name, title, at in enrolled
    ] + [{"kursomgång": name, "kurs": title, "roll": "utbildare"} for name, title in led]


def _reads(session: Session, user_id: int) -> list[dict]:
    rows = session.execute(
        select(Lesson.title, LessonRead.read_at)
        .join(LessonRead, LessonRead.lesson_id == Lesson.id)
        .where(LessonRead.user_id == user_id)
        .order_by(LessonRead.read_at)
    )
    return [{"lektion": title, "läst": _when(at)} for title, at in rows]


def _attempts(session: Session, user_id: int) -> list[dict]:
    attempts = session.execute(
        select(QuizAttempt, Quiz.title)
        .join(Quiz, Quiz.id == QuizAttempt.quiz_id)
        .where(QuizAttempt.user_id == user_id)
        .order_by(QuizAttempt.started_at)
    ).all()
    answers: dict[int, list[dict]] = {}
    if attempts:
        rows = session.execute(
            select(AttemptAnswer, Question.text)
            .join(Question, Question.id == AttemptAnswer.question_id)
            .where(AttemptAnswer.attempt_id.in_([a.id for a, _ in attempts]))
            .order_by(AttemptAnswer.id)
        )
        for answer, question in rows:
            answers.setdefault(answer.attempt_id, []).append(
                {
                    "fråga": question,
                    "svar": answer.response,
                    "poäng_andel": answer.fraction,
                    "bedömarens_kommentar": answer.grader_feedback,
                }
            )
    return [
        {
            "quiz": title,
            "försök": attempt.number,
            "status": attempt.status,
            "resultat_procent": attempt.score_percent,
            "godkänt": attempt.passed,
            "påbörjat": _when(attempt.started_at),
            "inlämnat": _when(attempt.submitted_at),
            "svar": answers.get(attempt.id, []),
        }
        for attempt, title in attempts
    ]


def _scenario_attempts(session: Session, user_id: int) -> list[dict]:
    rows = session.execute(
        select(ScenarioAttempt, PracticeScenario.title)
        .join(PracticeScenario, PracticeScenario.id == ScenarioAttempt.scenario_id)
        .where(ScenarioAttempt.user_id == user_id)
        .order_by(ScenarioAttempt.created_at)
    )
    return [
        {
            "scenario": title,
            "poäng": attempt.totals,
            "nådde_slutet": attempt.reached_end,
            "när": _when(attempt.created_at),
        }
        for attempt, title in rows
    ]


def _practice_log(session: Session, user_id: int) -> list[dict]:
    entries = session.scalars(
        select(PracticeLogEntry)
        .where(PracticeLogEntry.user_id == user_id)
        .order_by(PracticeLogEntry.happened_on)
    ).all()
    feedback: dict[int, list[dict]] = {}
    if entries:
        rows = session.execute(
            select(PracticeLogFeedback, User.name)
            .outerjoin(User, User.id == PracticeLogFeedback.author_id)
            .where(PracticeLogFeedback.entry_id.in_([e.id for e in entries]))
            .order_by(PracticeLogFeedback.created_at)
        )
        for item, author in rows:
            feedback.setdefault(item.entry_id, []).append(
                {"från": author or "", "text": item.text, "när": _when(item.created_at)}
            )
    return [
        {
            "datum": _when(entry.happened_on),
            "kanal": entry.channel,
            "ärende": entry.errand_kind,
            "det_här_provade_jag": entry.tried,
            "resultat": entry.outcome,
            "gick_bra": entry.went_well,
            "gör_annorlunda": entry.do_differently,
            "återkoppling": feedback.get(entry.id, []),
        }
        for entry in entries
    ]


def _feedback_written(session: Session, user_id: int) -> list[dict]:
    rows = session.scalars(
        select(PracticeLogFeedback)
        .where(PracticeLogFeedback.author_id == user_id)
        .order_by(PracticeLogFeedback.created_at)
    )
    return [{"text": row.text, "när": _when(row.created_at)} for row in rows]


def _observations(session: Session, user_id: int) -> list[dict]:
    rows = session.execute(
        select(Observation, RoleplayCard.title, User.name)
        .join(RoleplayCard, RoleplayCard.id == Observation.card_id)
        .outerjoin(User, User.id == Observation.observer_id)
        .where(Observation.participant_id == user_id)
        .order_by(Observation.created_at)
    )
    return [
        {
            "rollspel": card,
            "observatör": observer or "",
            "bedömningar": observation.ratings,
            "när": _when(observation.created_at),
        }
        for observation, card, observer in rows
    ]


def _surveys(session: Session, user_id: int) -> list[dict]:
    """Which surveys the person was asked to answer and whether they did; never the answers."""
    campaigns = session.execute(
        select(SurveyCampaign.id, SurveyCampaign.title)
        .join(SurveyRecipient, SurveyRecipient.campaign_id == SurveyCampaign.id)
        .where(SurveyRecipient.user_id == user_id)
        .order_by(SurveyCampaign.id)
    ).all()
    statuses = dict(
        session.execute(
            select(SurveyResponse.campaign_id, SurveyResponse.status).where(
                SurveyResponse.user_id == user_id
            )
        ).all()
    )
    labels = {"draft": "påbörjad", "submitted": "inskickad"}
    return [
        {
            "enkät": title,
            "svar": labels.get(statuses.get(campaign_id, ""), "inte besvarad"),
            "obs": "Svaren är anonyma och ingår inte i utdraget.",
        }
        for campaign_id, title in campaigns
    ]


def _audit(session: Session, user: User) -> list[dict]:
    rows = session.scalars(
        select(AuditEvent)
        .where(or_(AuditEvent.subject == user.email, AuditEvent.actor_id == user.id))
        .order_by(AuditEvent.at)
    )
    return [
        {
            "när": _when(row.at),
            "händelse": audit.EVENT_LABELS.get(row.kind, row.kind),
            "gäller": row.subject,
            "detalj": row.detail,
        }
        for row in rows
    ]
