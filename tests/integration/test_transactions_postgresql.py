"""On PostgreSQL a unit of work's transaction begins at its first statement that writes
(academy/core/db.py): one that only reads, like a learner's page opening, sends no BEGIN and no
COMMIT; one that writes is still a single transaction, undone whole on an error.

What the app sends is read from libpq's own trace of the connection's protocol messages."""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field

import pytest
from sqlalchemy import event, func, select

from academy.core import audit
from academy.core.db import session_scope
from academy.core.models import AuditEvent, User
from academy.core.web import routing
from academy.core.web.session import PageOpener
from academy.home.web.home_state import HomeState
from tests.integration.test_states import logged_in

pytestmark = pytest.mark.parametrize("saved_states", ["postgresql"], indirect=True)


TRANSACTION_COMMANDS = {"BEGIN", "COMMIT", "ROLLBACK"}


@dataclass
class Sent:
    """What the engine's connections sent meanwhile: simple-protocol commands (BEGIN, COMMIT,
    ROLLBACK) by their text, every other round trip as "statement", in order. psycopg prepares
    a statement it has run five times on a connection, in a round trip of its own, so how many
    "statement"s a unit of work sends depends on what ran before it."""

    commands: list[str] = field(default_factory=list)

    def read(self, trace: str) -> None:
        for line in trace.splitlines():
            parts = line.split("\t")
            if len(parts) < 4 or parts[1] != "F":
                continue
            if parts[3] == "Query":  # the simple protocol: a statement without parameters
                text = parts[4].strip().strip('"')
                self.commands.append(text if text in TRANSACTION_COMMANDS else "statement")
            elif parts[3] == "Sync":
                self.commands.append("statement")

    @property
    def transaction_commands(self) -> list[str]:
        return [c for c in self.commands if c != "statement"]


@contextmanager
def traced(engine) -> Iterator[Sent]:
    sent = Sent()
    traces = {}
    with ExitStack() as files:

        def checkout(dbapi_connection, _record, _proxy):
            trace = files.enter_context(tempfile.TemporaryFile(mode="w+"))
            dbapi_connection.pgconn.trace(trace.fileno())
            traces[id(dbapi_connection)] = trace

        def checkin(dbapi_connection, _record):
            trace = traces.pop(id(dbapi_connection), None)
            if trace is not None:
                dbapi_connection.pgconn.untrace()
                trace.seek(0)
                sent.read(trace.read())

        event.listen(engine, "checkout", checkout)
        event.listen(engine, "checkin", checkin)
        try:
            yield sent
        finally:
            event.remove(engine, "checkout", checkout)
            event.remove(engine, "checkin", checkin)


def audit_rows(engine) -> int:
    with session_scope(engine) as session:
        return session.execute(select(func.count()).select_from(AuditEvent)).scalar_one()


def test_a_unit_of_work_that_only_reads_sends_no_begin_and_no_commit(demo):
    with traced(demo) as sent, session_scope(demo) as session:
        users = session.execute(select(User.email)).all()
        session.execute(select(func.count()).select_from(AuditEvent)).scalar_one()
    assert users
    assert sent.transaction_commands == [] and "statement" in sent.commands


def test_the_transaction_begins_at_the_first_write_and_is_committed(demo):
    before = audit_rows(demo)
    with traced(demo) as sent, session_scope(demo) as session:
        session.execute(select(User.email)).all()
        audit.record(session, "logout", subject="a@example.se")
        audit.record(session, "logout", subject="b@example.se")
        session.flush()
    assert sent.commands[0] == "statement"  # the read, outside the transaction
    assert sent.transaction_commands == ["BEGIN", "COMMIT"]
    begun, committed = sent.commands.index("BEGIN"), sent.commands.index("COMMIT")
    assert "statement" in sent.commands[begun:committed]  # the writes, inside it
    assert audit_rows(demo) == before + 2


def test_an_error_after_the_writes_undoes_them_all(demo):
    before = audit_rows(demo)
    with traced(demo) as sent, pytest.raises(RuntimeError), session_scope(demo) as session:
        audit.record(session, "logout", subject="a@example.se")
        session.flush()
        audit.record(session, "logout", subject="b@example.se")
        session.flush()
        raise RuntimeError("the service refused")
    assert sent.transaction_commands == ["BEGIN", "ROLLBACK"]
    assert audit_rows(demo) == before


def test_a_select_that_locks_rows_begins_the_transaction(demo):
    with traced(demo) as sent, session_scope(demo) as session:
        session.execute(select(User.id).order_by(User.id).limit(1).with_for_update()).all()
    assert sent.transaction_commands == ["BEGIN", "COMMIT"]
    assert sent.commands.index("BEGIN") == 0


def test_a_learners_page_opening_reads_without_a_transaction(demo):
    opener, home = (
        logged_in(PageOpener, "medarbetare@demo.se"),
        logged_in(HomeState, "medarbetare@demo.se"),
    )
    page = routing.PageLoad((HomeState.load,), public=False)
    with traced(demo) as sent:
        asyncio.run(opener._run_loaders(page, [home]))
    assert opener.user_name and home.error == "" and home.steps
    assert sent.transaction_commands == [] and "statement" in sent.commands
