"""Registerutdrag, gallring and erasure, on SQLite and PostgreSQL."""

import json
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from academy.cli import main
from academy.core import auth
from academy.core.db import session_scope
from academy.core.errors import AccessDenied, ValidationError
from academy.core.models import AuditEvent, LoginSession, User, utcnow
from academy.core.settings import Retention
from academy.demo import DEMO_PASSWORD
from academy.privacy import erasure, retention
from academy.privacy.extract import register_extract
from academy.privacy.extract_pdf import extract_pdf
from academy.privacy.statement import get_statement, save_statement
from tests.integration.conftest import count

SARA = "medarbetare@demo.se"


def person(session, email):
    return auth.to_current_user(session.scalar(select(User).where(User.email == email)))


def test_a_person_gets_all_their_data_but_never_survey_answers(demo):
    with session_scope(demo) as session:
        sara = person(session, SARA)
        extract = register_extract(session, sara, sara.id)
        pdf = extract_pdf(extract)
    assert extract["konto"]["namn"] == "Sara Nilsson"
    assert extract["konto"]["roller"] == ["Medarbetare"]
    assert extract["träningslogg"] and extract["träningslogg"][0]["återkoppling"] is not None
    assert extract["scenarioträning"]
    assert extract["enkäter"]
    for survey in extract["enkäter"]:
        assert set(survey) == {"enkät", "svar", "obs"}
    json.dumps(extract, ensure_ascii=False)  # JSON as it is
    assert pdf.startswith(b"%PDF") and len(pdf) > 1000
    with session_scope(demo) as session:
        assert session.scalar(
            select(func.count()).where(
                AuditEvent.kind == "register_extract", AuditEvent.subject == SARA
            )
        )


def test_only_the_person_and_admins_may_take_the_extract(demo):
    with session_scope(demo) as session:
        sara = person(session, SARA)
        with pytest.raises(AccessDenied):
            register_extract(session, person(session, "johan.ek@demo.se"), sara.id)
        with pytest.raises(AccessDenied):
            register_extract(session, person(session, "utbildare@demo.se"), sara.id)
        extract = register_extract(session, person(session, "admin@demo.se"), sara.id)
        assert extract["konto"]["e-post"] == SARA


def test_erasure_removes_the_identity_and_keeps_the_statistics(demo):
    attempts_before = count(demo, "practice_attempts")
    responses_before = count(demo, "survey_responses")
    with session_scope(demo) as session:
        sara = person(session, SARA)
        auth.start_session(session, sara.id)
    with session_scope(demo) as session:
        result = erasure.erase_identity(session, person(session, "admin@demo.se"), sara.id)
    assert result.name == "Sara Nilsson"
    assert dict(result.removed)["träningsloggposter"] > 0
    with session_scope(demo) as session:
        row = session.get(User, sara.id)
        assert row.name == erasure.PLACEHOLDER_NAME and not row.active and row.roles == set()
        assert session.scalar(select(User.id).where(User.email == SARA)) is None
        assert not session.scalar(select(func.count()).where(AuditEvent.subject == SARA))
        event = session.scalar(select(AuditEvent).where(AuditEvent.kind == "identity_erased"))
        assert "träningsloggposter" in event.detail
        assert not session.scalar(
            select(func.count()).select_from(LoginSession).where(LoginSession.user_id == sara.id)
        )
    assert count(demo, "practice_attempts") == attempts_before
    assert count(demo, "survey_responses") == responses_before
    with pytest.raises(auth.LoginRefused), session_scope(demo) as session:
        auth.authenticate(session, SARA, DEMO_PASSWORD)


def test_erasure_is_for_admins_and_never_of_oneself(demo):
    with session_scope(demo) as session:
        admin = person(session, "admin@demo.se")
        with pytest.raises(AccessDenied):
            erasure.erase_identity(session, person(session, "utbildare@demo.se"), admin.id)
        with pytest.raises(ValidationError, match="egna"):
            erasure.erase_identity(session, admin, admin.id)


def test_gallring_removes_only_what_has_passed_its_time(demo):
    now = utcnow()
    with session_scope(demo) as session:
        sara = person(session, SARA)
        old = auth.start_session(session, sara.id, now=now - timedelta(days=200))
        recent = auth.start_session(session, sara.id, now=now)
        session.add(AuditEvent(kind="login_ok", subject=SARA, at=now - timedelta(days=900)))
    with session_scope(demo) as session:
        from academy.practice.models import PracticeLogEntry

        entries = session.scalars(select(PracticeLogEntry)).all()
        entries[0].created_at = now - timedelta(days=800)
        kept = len(entries) - 1
    keep = Retention(practice_log_months=24, login_sessions_days=90, audit_months=24)

    with session_scope(demo) as session:
        counted = {r.what: r.count for r in retention.purge(session, dry_run=True, retention=keep)}
    assert counted["träningsloggposter"] == 1 and counted["inloggningar"] == 1
    assert counted["händelser i händelseloggen"] == 1
    assert count(demo, "practice_log_entries") == kept + 1  # a dry run removes nothing

    with session_scope(demo) as session:
        retention.purge(session, retention=keep)
    assert count(demo, "practice_log_entries") == kept
    with session_scope(demo) as session:
        assert auth.resolve_session(session, recent) is not None
        assert auth.resolve_session(session, old) is None
        event = session.scalar(select(AuditEvent).where(AuditEvent.kind == "retention"))
        assert "1 träningsloggposter" in event.detail
    with session_scope(demo) as session:  # a second run (the next night) finds nothing more
        again = retention.purge(session, retention=keep)
    assert all(r.count == 0 for r in again if r.what != "händelser i händelseloggen")


def test_gallra_command_dry_run_says_what_would_go(demo, capsys):
    assert main(["gallra", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Skulle tas bort:" in out and "träningsloggposter" in out
    assert main(["gallra"]) == 0
    assert "Borttaget:" in capsys.readouterr().out


def test_the_statement_has_a_default_and_admins_edit_it(demo):
    with session_scope(demo) as session:
        assert get_statement(session).compliance == "delvis"
        admin = person(session, "admin@demo.se")
        values = dict(
            organisation="Exempelby kommun",
            service="Serviceakademin",
            compliance="delvis",
            gaps="",
            assessment="Självskattning",
            assessed_on=None,
            feedback="Ring kontaktcenter.",
        )
        with pytest.raises(ValidationError, match="kända bristerna"):
            save_statement(session, admin, **values)
        with pytest.raises(AccessDenied):
            save_statement(session, person(session, SARA), **{**values, "gaps": "PDF"})
        save_statement(session, admin, **{**values, "gaps": "PDF-filer är inte taggade."})
    with session_scope(demo) as session:
        statement = get_statement(session)
        assert statement.organisation == "Exempelby kommun"
        assert statement.compliance_label == "delvis förenlig" and statement.updated_on
