"""Throw-away databases for tests (a SQLite file, or a fresh PostgreSQL database per run),
and saved copies of their content to put back before each test."""

from __future__ import annotations

import os
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg
import sqlalchemy as sa

from academy.core.migrate import upgrade
from academy.schema import metadata

PG_ADMIN_URL = os.environ.get(
    "TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
PG_HELP = (
    "PostgreSQL is not reachable at {url}. Start it with:\n"
    "  pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start"
)


@contextmanager
def throwaway_database(kind: str, folder: Path) -> Iterator[str]:
    """Yield the URL of a new, migrated database of `kind`; drop it afterwards."""
    if kind == "sqlite":
        url = f"sqlite:///{folder / f'test-{uuid.uuid4().hex[:8]}.db'}"
        upgrade(url)
        yield url
        return

    admin = sa.create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    name = f"academy_test_{uuid.uuid4().hex[:12]}"
    try:
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
            # A throw-away database needs no durability: commits don't wait for the disk.
            conn.execute(sa.text(f'ALTER DATABASE "{name}" SET synchronous_commit = off'))
    except sa.exc.OperationalError as exc:
        raise RuntimeError(PG_HELP.format(url=PG_ADMIN_URL)) from exc
    url = PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    try:
        upgrade(url)
        yield url
    finally:
        from academy.core.db import get_engine

        get_engine(url).dispose()
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


class SavedStates:
    """Named copies of a test database's content, to put back before each test.

    Seeding the demo data takes a second or more; putting a saved copy back takes a few
    milliseconds. The copy goes back in place, under the same URL, so code that opens its own
    connections (states, the CLI, several sessions) sees it like any other data.
    SQLite: the whole file is copied with SQLite's backup API, schema included.
    PostgreSQL: every table's rows are deleted and copied back with COPY, and every sequence is
    set back to where it was, so new rows get the same ids as right after the seeding.
    """

    def __init__(self, url: str, folder: Path) -> None:
        self.url = url
        self._folder = folder
        self._saved: dict[str, Path | _PgContent] = {}

    def __contains__(self, name: str) -> bool:
        return name in self._saved

    def save(self, name: str) -> None:
        if self.url.startswith("sqlite"):
            copy = self._folder / f"{Path(_sqlite_path(self.url)).stem}-{name}.db"
            _sqlite_copy(_sqlite_path(self.url), copy)
            self._saved[name] = copy
        else:
            self._saved[name] = _pg_save(self.url)

    def restore(self, name: str) -> None:
        from academy.core.db import get_engine

        saved = self._saved[name]
        if isinstance(saved, Path):
            get_engine(self.url).dispose()  # no pooled connection keeps a view of the old file
            _sqlite_copy(saved, _sqlite_path(self.url))
            return
        try:
            _pg_restore(self.url, saved)
        except _SchemaChanged:
            # A test left the schema changed (a failed migration test, say): build it again.
            _pg_rebuild_schema(self.url)
            _pg_restore(self.url, saved)


def _sqlite_path(url: str) -> str:
    return sa.engine.make_url(url).database


def _sqlite_copy(source: str | Path, target: str | Path) -> None:
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


class _SchemaChanged(Exception):
    pass


@dataclass(frozen=True)
class _PgContent:
    version: tuple[str, ...]  # alembic_version when saved
    rows: dict[str, bytes]  # table name -> its rows as COPY text, parents before children
    sequences: list[tuple[str, int, bool]]  # name, last_value, is_called


@contextmanager
def _pg_connection(url: str) -> Iterator[psycopg.Connection]:
    from academy.core.db import get_engine

    pooled = get_engine(url).raw_connection()
    try:
        pooled.driver_connection.rollback()  # no transaction left open: ours must commit
        yield pooled.driver_connection
    finally:
        pooled.close()


def _alembic_version(cur: psycopg.Cursor) -> tuple[str, ...]:
    return tuple(row[0] for row in cur.execute("SELECT version_num FROM alembic_version"))


def _pg_save(url: str) -> _PgContent:
    with _pg_connection(url) as conn, conn.transaction(), conn.cursor() as cur:
        version = _alembic_version(cur)
        rows = {}
        for table in metadata.sorted_tables:
            with cur.copy(f'COPY "{table.name}" TO STDOUT') as copy:
                rows[table.name] = b"".join(bytes(block) for block in copy)
        names = cur.execute(
            "SELECT format('%I.%I', schemaname, sequencename) FROM pg_sequences"
            " WHERE schemaname = current_schema() ORDER BY 1"
        ).fetchall()
        sequences = []
        for (name,) in names:
            last_value, is_called = cur.execute(
                f"SELECT last_value, is_called FROM {name}"
            ).fetchone()
            sequences.append((name, last_value, is_called))
    return _PgContent(version, rows, sequences)


def _pg_restore(url: str, saved: _PgContent) -> None:
    with _pg_connection(url) as conn, conn.transaction(), conn.cursor() as cur:
        try:
            if _alembic_version(cur) != saved.version:
                raise _SchemaChanged
        except psycopg.errors.UndefinedTable as exc:
            raise _SchemaChanged from exc
        # Foreign keys are checked at the end of each statement, so deleting children before
        # parents and copying parents before children never trips them. Triggers stay off
        # while the rows are put back, so the content stamps are the saved ones too.
        cur.execute("SET LOCAL session_replication_role = replica")
        for table in reversed(metadata.sorted_tables):
            cur.execute(f'DELETE FROM "{table.name}"')
        for name, data in saved.rows.items():
            if data:
                with cur.copy(f'COPY "{name}" FROM STDIN') as copy:
                    copy.write(data)
        if saved.sequences:
            calls = ", ".join("setval(%s::regclass, %s, %s)" for _ in saved.sequences)
            cur.execute(f"SELECT {calls}", [v for sequence in saved.sequences for v in sequence])


def _pg_rebuild_schema(url: str) -> None:
    from academy.core.db import get_engine

    engine = get_engine(url)
    engine.dispose()
    with engine.begin() as conn:
        conn.execute(sa.text("DROP SCHEMA public CASCADE"))
        conn.execute(sa.text("CREATE SCHEMA public"))
    upgrade(url)
    engine.dispose()
