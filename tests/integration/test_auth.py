from datetime import timedelta

import pytest
from sqlalchemy import select

from academy.core import auth
from academy.core.db import session_scope
from academy.core.models import AuditEvent, User, utcnow
from academy.core.security import Argon2id, needs_rehash
from academy.core.settings import get_settings
from academy.demo import DEMO_PASSWORD
from tests.integration.conftest import count


def login(engine, email, password, now=None):
    with session_scope(engine) as session:
        try:
            return auth.authenticate(session, email, password, now=now)
        except auth.LoginRefused:
            session.commit()  # as the login form does: the audit rows stay
            raise


def test_right_password_logs_in_and_is_audited(demo):
    user = login(demo, " Medarbetare@Demo.se ", DEMO_PASSWORD)
    assert user.email == "medarbetare@demo.se"
    assert user.roles == {"employee"}
    assert user.unit_name == "Servicecenter"
    with session_scope(demo) as session:
        kinds = session.scalars(
            select(AuditEvent.kind).where(
                AuditEvent.subject == user.email, AuditEvent.kind.like("login%")
            )
        )
        assert list(kinds) == ["login_ok"]


@pytest.mark.parametrize(
    ("email", "password", "message"),
    [
        ("medarbetare@demo.se", "fel-lösenord", "Fel e-postadress eller lösenord."),
        ("okand@demo.se", DEMO_PASSWORD, "Fel e-postadress eller lösenord."),
        ("", DEMO_PASSWORD, "Ange en e-postadress."),
        ("inte-en-adress", DEMO_PASSWORD, "”inte-en-adress” är inte en giltig e-postadress."),
        ("medarbetare@demo.se", "", "Ange ditt lösenord."),
    ],
)
def test_bad_credentials_are_refused_in_swedish(demo, email, password, message):
    with pytest.raises(Exception) as refused:
        login(demo, email, password)
    assert refused.value.message == message


def test_deactivated_user_cannot_log_in(demo):
    with session_scope(demo) as session:
        session.scalar(select(User).where(User.email == "medarbetare@demo.se")).active = False
    with pytest.raises(auth.LoginRefused, match="inaktiverat"):
        login(demo, "medarbetare@demo.se", DEMO_PASSWORD)


def test_five_failures_within_window_lock_the_account_for_a_while(demo):
    start = utcnow()
    for minute in range(5):
        with pytest.raises(auth.LoginRefused, match="Fel e-postadress"):
            login(demo, "medarbetare@demo.se", "fel", now=start + timedelta(minutes=minute * 3))
    last_failure = start + timedelta(minutes=12)

    # Even the right password is refused while the lock lasts, with a message that says so.
    with pytest.raises(auth.LoginRefused, match="tillfälligt spärrat – försök igen om 15 minuter"):
        login(demo, "medarbetare@demo.se", DEMO_PASSWORD, now=last_failure)
    with pytest.raises(auth.LoginRefused, match="försök igen om 1 minuter"):
        login(demo, "medarbetare@demo.se", DEMO_PASSWORD, now=last_failure + timedelta(minutes=14))

    lock = timedelta(minutes=get_settings().login_lock_minutes)
    user = login(demo, "medarbetare@demo.se", DEMO_PASSWORD, now=last_failure + lock)
    assert user.email == "medarbetare@demo.se"
    # Other accounts were never affected.
    assert login(demo, "utbildare@demo.se", DEMO_PASSWORD, now=last_failure).roles == {"trainer"}


def test_failures_spread_wider_than_the_window_do_not_lock(demo):
    start = utcnow()
    for minute in (0, 4, 8, 12, 16):  # first and fifth are 16 minutes apart
        with pytest.raises(auth.LoginRefused, match="Fel e-postadress"):
            login(demo, "medarbetare@demo.se", "fel", now=start + timedelta(minutes=minute))
    assert login(demo, "medarbetare@demo.se", DEMO_PASSWORD, now=start + timedelta(minutes=17))


def test_session_survives_activity_and_expires_when_idle(demo):
    idle = timedelta(minutes=get_settings().session_idle_minutes)
    start = utcnow()
    user = login(demo, "strateg@demo.se", DEMO_PASSWORD)
    with session_scope(demo) as session:
        token = auth.start_session(session, user.id, now=start)
    with session_scope(demo) as session:
        # Active again just before the idle limit: the login is extended.
        seen = auth.resolve_session(session, token, now=start + idle - timedelta(seconds=5))
        assert seen.email == "strateg@demo.se"
    later = start + 2 * idle - timedelta(seconds=10)
    with session_scope(demo) as session:
        assert auth.resolve_session(session, token, now=later).roles == {"strategist"}
    with session_scope(demo) as session:
        assert auth.resolve_session(session, token, now=later + idle + timedelta(seconds=1)) is None
    with session_scope(demo) as session:  # and an expired login stays ended
        assert auth.resolve_session(session, token, now=later) is None


def test_logout_ends_the_session_and_unknown_tokens_resolve_to_nobody(demo):
    user = login(demo, "strateg@demo.se", DEMO_PASSWORD)
    with session_scope(demo) as session:
        token = auth.start_session(session, user.id)
    with session_scope(demo) as session:
        auth.end_session(session, token)
    with session_scope(demo) as session:
        assert auth.resolve_session(session, token) is None
        assert auth.resolve_session(session, "made-up-token") is None
        assert auth.resolve_session(session, "") is None
        logout = session.scalar(select(AuditEvent).where(AuditEvent.kind == "logout"))
        assert logout.subject == "strateg@demo.se"  # the log names the person, not an id
    assert count(demo, "login_sessions") == 1


# The demo password hashed by the argon2 reference implementation (argon2-cffi) with its
# former defaults, four lanes among them: libsodium cannot make such a hash, but checks it.
FOUR_LANE_HASH = (
    "$argon2id$v=19$m=65536,t=3,p=4$4Tu53C8tVL18fAVsmKWL0Q"
    "$ea+miND4YCS3lH102zuIeZtKdTL+64ce4IHKuOsyUXo"
)


@pytest.mark.parametrize(
    "old_hash",
    [FOUR_LANE_HASH, Argon2id(time_cost=3, memory_kib=64 * 1024).hash(DEMO_PASSWORD)],
    ids=["four lanes", "one lane"],
)
def test_a_hash_with_old_parameters_is_replaced_at_the_next_login(demo, old_hash):
    assert needs_rehash(old_hash)
    with session_scope(demo) as session:
        user = session.scalar(select(User).where(User.email == "medarbetare@demo.se"))
        user.password_hash = old_hash
    login(demo, "medarbetare@demo.se", DEMO_PASSWORD)
    with session_scope(demo) as session:
        stored = session.scalar(
            select(User.password_hash).where(User.email == "medarbetare@demo.se")
        )
    assert stored != old_hash and not needs_rehash(stored)
