"""Database engine and the transaction helper every service uses."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import TypeVar

from sqlalchemy import Connection, Engine, Executable, Result, create_engine, event, exc
from sqlalchemy.orm import Session, sessionmaker

from academy.core import prepared
from academy.core.errors import NotFound
from academy.core.prepared import Rows, reads_only
from academy.core.settings import get_settings
from academy.core.text import clean_parameters

T = TypeVar("T")


def get_engine(url: str | None = None) -> Engine:
    """The engine for `url`, or for the configured database; one engine per URL."""
    return _engine_for(url or get_settings().database_url)


@lru_cache(maxsize=8)
def _engine_for(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = create_engine(url, isolation_level="AUTOCOMMIT")
        event.listen(engine, "before_cursor_execute", _begin_at_first_write)
        _ping_when_idle(engine)
    event.listen(engine, "before_cursor_execute", _clean_text_parameters, retval=True)
    return engine


_IDLE = 0  # libpq's PQTRANS_IDLE: no transaction open on the connection


def _begin_at_first_write(_conn, cursor, statement, _parameters, _context, _executemany):
    """PostgreSQL's transactions begin at a unit of work's first statement that writes (or
    locks rows), not at its first statement: a unit of work that only reads, like most page
    openings, then costs no BEGIN and no COMMIT: two round trips to the server fewer.

    The connection is in autocommit mode and this sends BEGIN itself; psycopg's commit and
    rollback end whatever transaction is open. Nothing a person can see changes: in READ
    COMMITTED, PostgreSQL's default, every statement of a transaction sees the data as of
    its own start anyway, and plain SELECTs take no row locks, so the reads before the first
    write see what they would have seen inside the transaction, and the writes stay atomic."""
    connection = cursor.connection
    if connection.pgconn.transaction_status == _IDLE and not reads_only(statement):
        connection.execute("BEGIN", prepare=False)  # as psycopg sends its own: never prepared


# A pooled PostgreSQL connection unused for this long is tested before it is handed out.
IDLE_BEFORE_PING = 30.0


def _ping_when_idle(engine: Engine) -> None:
    """Test a connection that lay idle in the pool (the server may have restarted or dropped
    it meanwhile): a dead one is replaced before anyone uses it. `pool_pre_ping` would test
    every checkout, a round trip to the server per event: 12 % of a busy worker's event loop
    under load (docs/performance.md). A connection in steady use is not tested: if the server
    restarts under it, an event's login check (`auth.resolve_login`) meets the dead
    connection and runs again on a new one, and SQLAlchemy replaces every connection the pool
    held (the login form and the login routes, with no login to check, retry their own first
    statements)."""
    dialect = engine.dialect

    @event.listens_for(engine, "checkin")
    def note_checkin(_dbapi_connection, record) -> None:
        record.info["checked_in"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def ping_if_idle(dbapi_connection, record, _proxy) -> None:
        checked_in = record.info.get("checked_in")
        if checked_in is None or time.monotonic() - checked_in < IDLE_BEFORE_PING:
            return
        try:
            dialect.do_ping(dbapi_connection)
        except dialect.loaded_dbapi.Error as error:
            raise exc.DisconnectionError("the pooled connection is gone") from error


def _clean_text_parameters(conn, cursor, statement, parameters, context, executemany):
    # Every value written passes here: lone surrogates and NUL never reach the database.
    return statement, clean_parameters(parameters)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # SQLite ignores foreign keys unless asked; WAL lets readers run beside a writer. In WAL
    # mode synchronous=NORMAL syncs at checkpoints instead of every commit: the database stays
    # consistent on a crash, a power cut may lose the last commits (SQLite's own advice for WAL).
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


@lru_cache(maxsize=8)
def _session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False)


@contextmanager
def session_scope(engine: Engine | None = None) -> Iterator[Session]:
    """One unit of work: commits when the block ends, rolls back everything on any error."""
    session = _session_factory(engine or get_engine())()
    try:
        with committed(session):
            yield session
    finally:
        session.close()


def session_on(connection: Connection) -> Session:
    """A session like `session_scope`'s, on a connection the caller holds and closes."""
    return _session_factory(connection.engine)(bind=connection)


@contextmanager
def committed(session: Session) -> Iterator[Session]:
    """`session`'s work in the block: committed when it ends, rolled back on any error."""
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise


def first_in_transaction(session: Session, work: Callable[[Session], T]) -> T:
    """`work(session)`, the first statements of the session's transaction, run once more on a
    new connection when the pooled one turned out to be dead (the database restarted since it
    was last used): nothing was done before in the transaction, so nothing is repeated. Every
    event's and download's login check goes through here (`auth.resolve_login`)."""
    try:
        return work(session)
    except exc.DBAPIError as error:
        if not error.connection_invalidated:
            raise
        session.rollback()
        return work(session)


def read(session: Session, statement: Executable, params: dict | None = None) -> Result | Rows:
    """Run `statement`, a module-level select of table columns, on the session's connection
    (in its transaction). The pages every learner loads use it: `Session.execute` adds its ORM
    per-statement work even to a select of plain columns, and on a small statement that is
    about as much as running it; a constant plain read goes straight through the driver
    (`prepared`). Its rows have the columns' names as attributes; the result has `all`,
    `first`, `scalar` and `scalar_one`, and iterates over its rows. Pending ORM changes are
    flushed first, as `Session.execute` would."""
    if session.autoflush:
        session.flush()
    connection = session.connection()
    rows = prepared.read(connection, statement, params)
    return rows if rows is not None else connection.execute(statement, params)


def get_or_404(session: Session, model: type[T], key: int | None, message: str) -> T:
    """The row of `model` with primary key `key`, or NotFound with `message`."""
    row = session.get(model, key) if key is not None else None
    if row is None:
        raise NotFound(message)
    return row
