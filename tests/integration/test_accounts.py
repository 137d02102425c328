import pytest
from sqlalchemy import select

from academy.core import accounts, auth
from academy.core.db import session_scope
from academy.core.errors import AccessDenied, ValidationError
from academy.core.models import AuditEvent, User
from academy.demo import DEMO_PASSWORD
from tests.integration.conftest import count


def actor(engine, email):
    with session_scope(engine) as session:
        return auth.to_current_user(session.scalar(select(User).where(User.email == email)))


def unit_id(engine, name):
    with session_scope(engine) as session:
        return accounts.unit_id_by_name(session, name)


NEW = dict(
    name="Nils Nyström", email="nils@demo.se", password="gurka-tromb0n-vals", roles=["employee"]
)


def test_admin_creates_user_with_several_roles(demo):
    admin = actor(demo, "admin@demo.se")
    with session_scope(demo) as session:
        new_id = accounts.create_user(
            session,
            admin,
            **{**NEW, "roles": ["trainer", "employee"]},
            unit_id=unit_id(demo, "Servicecenter"),
        )
    with session_scope(demo) as session:
        row = accounts.get_user(session, admin, new_id)
    assert row.roles == ("trainer", "employee")
    assert row.unit == "Kommunledningsförvaltningen / Servicecenter"
    with session_scope(demo) as session:
        assert (
            auth.authenticate(session, "nils@demo.se", "gurka-tromb0n-vals").name == "Nils Nyström"
        )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"email": ""}, "Ange en e-postadress."),
        ({"email": "nils@"}, "”nils@” är inte en giltig e-postadress."),
        (
            {"email": "ADMIN@demo.se"},
            "Det finns redan en användare med e-postadressen admin@demo.se.",
        ),
        ({"name": "  "}, "Namn måste fyllas i."),
        ({"password": "kort"}, "Lösenordet måste vara minst 10 tecken."),
        ({"roles": []}, "Välj minst en roll."),
        ({"roles": ["superuser"]}, "Okänd roll: superuser."),
    ],
)
def test_bad_user_input_is_refused_and_nothing_is_saved(demo, changes, message):
    users_before = count(demo, "users")
    with pytest.raises(ValidationError) as refused, session_scope(demo) as session:
        accounts.create_user(session, actor(demo, "admin@demo.se"), **{**NEW, **changes})
    assert refused.value.message == message
    assert count(demo, "users") == users_before


def test_only_admins_may_administer(demo):
    for email in ("utbildare@demo.se", "medarbetare@demo.se", "strateg@demo.se"):
        someone = actor(demo, email)
        with pytest.raises(AccessDenied), session_scope(demo) as session:
            accounts.create_user(session, someone, **NEW)
        with pytest.raises(AccessDenied), session_scope(demo) as session:
            accounts.list_users(session, someone)
        with pytest.raises(AccessDenied), session_scope(demo) as session:
            accounts.create_unit(session, someone, "Ny enhet", "enhet", None)
    assert count(demo, "units") == 7


def _update(engine, admin, user_id, **changes):
    with session_scope(engine) as session:
        row = accounts.get_user(session, admin, user_id)
        fields = dict(
            name=row.name, email=row.email, roles=row.roles, unit_id=row.unit_id, active=row.active
        )
        accounts.update_user(session, admin, user_id, **{**fields, **changes})


def test_last_admin_cannot_remove_own_admin_role_or_deactivate(demo):
    admin = actor(demo, "admin@demo.se")
    for changes in ({"roles": ["employee"]}, {"active": False}):
        with pytest.raises(ValidationError, match="utan aktiv administratör"):
            _update(demo, admin, admin.id, **changes)
    assert actor(demo, "admin@demo.se").roles == {"admin"}

    # With a second admin, the first may step down.
    trainer = actor(demo, "utbildare@demo.se")
    _update(demo, admin, trainer.id, roles=["admin", "trainer"])
    _update(demo, admin, admin.id, roles=["employee"])
    assert actor(demo, "admin@demo.se").roles == {"employee"}
    with session_scope(demo) as session:
        kinds = list(
            session.scalars(select(AuditEvent.kind).where(AuditEvent.kind == "roles_changed"))
        )
    assert len(kinds) == 2


def test_failed_update_changes_nothing_at_all(demo):
    admin = actor(demo, "admin@demo.se")
    employee = actor(demo, "medarbetare@demo.se")
    with pytest.raises(ValidationError, match="finns redan"):
        _update(demo, admin, employee.id, roles=["trainer"], email="utbildare@demo.se")
    assert actor(demo, "medarbetare@demo.se").roles == {"employee"}


def test_deactivation_ends_open_sessions_and_is_audited(demo):
    admin = actor(demo, "admin@demo.se")
    employee = actor(demo, "medarbetare@demo.se")
    with session_scope(demo) as session:
        token = auth.start_session(session, employee.id)
    _update(demo, admin, employee.id, active=False)
    with session_scope(demo) as session:
        assert auth.resolve_session(session, token) is None
        with pytest.raises(auth.LoginRefused, match="inaktiverat"):
            auth.authenticate(session, employee.email, DEMO_PASSWORD)
        kinds = set(
            session.scalars(select(AuditEvent.kind).where(AuditEvent.subject == employee.email))
        )
    assert "user_deactivated" in kinds


def test_units_nest_and_refuse_cycles_and_duplicates(demo):
    admin = actor(demo, "admin@demo.se")
    top = unit_id(demo, "Förskoleförvaltningen")
    with session_scope(demo) as session:
        child = accounts.create_unit(session, admin, "Förskolor norr", "enhet", top)
    with session_scope(demo) as session:
        paths = [row.path for row in accounts.list_units(session)]
    assert "Förskoleförvaltningen / Förskolor norr" in paths

    with pytest.raises(ValidationError, match="under sig själv"), session_scope(demo) as session:
        accounts.update_unit(session, admin, top, "Förskoleförvaltningen", "förvaltning", child)
    with pytest.raises(ValidationError, match="redan en enhet"), session_scope(demo) as session:
        accounts.create_unit(session, admin, "förskolor NORR", "enhet", top)
    with (
        pytest.raises(ValidationError, match="förvaltning eller en enhet"),
        session_scope(demo) as session,
    ):
        accounts.create_unit(session, admin, "Något", "avdelning", None)
