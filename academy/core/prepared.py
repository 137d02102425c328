"""Constant reads run straight through the database driver, compiled once.

The pages every learner opens read with a few module-level SELECT statements (`db.read`). Run
through SQLAlchemy, each call still computes the statement's cache key, builds an execution
context and a result with its metadata: the login check's statement took 18.4 µs that way
here and 8.5 µs this way, rows and their conversion included (docs/performance.md).

For such a statement this module keeps, per dialect, what SQLAlchemy would produce anyway:
its SQL text, the order of its parameters, the bind and result processors of its columns
(SQLite keeps dates as text) and a row type with the columns' names, and runs it on the
session's own DB-API connection, in its transaction.

The plan is read off SQLAlchemy's compiled statement, some of it from attributes SQLAlchemy
does not document (its result columns, bind processors); if they change in an upgrade, every
read goes through SQLAlchemy again and tests/integration/test_prepared_reads.py fails.

Only what is safe is taken: a SELECT that locks no rows, with no parameter expanded per call
(`IN` over a list). Anything else, and any error from the driver (a connection that died
with a server restart, say), goes through SQLAlchemy as before, which then raises or
recovers as it always did. The engine's `before_cursor_execute` listeners still see every
statement (the text cleaning of `db`, and tests that count statements).
"""

from __future__ import annotations

import re
import threading
from collections import namedtuple
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import Connection, Executable
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import MultipleResultsFound, NoResultFound

# A statement that only reads: a SELECT that locks no rows.
_READS_ONLY = re.compile(
    r"\s*SELECT\b(?!.*\bFOR\s+(?:UPDATE|SHARE|NO\s+KEY\s+UPDATE|KEY\s+SHARE)\b)",
    re.IGNORECASE | re.DOTALL,
)


@lru_cache(maxsize=2048)
def reads_only(statement: str) -> bool:
    """Whether the SQL text only reads (db's PostgreSQL transactions begin at the first write
    that is not)."""
    return _READS_ONLY.match(statement) is not None


@dataclass
class _Plan:
    sql: str
    # The parameters' names in the driver's order (qmark, numeric), or None for named ones.
    positions: tuple[str, ...] | None
    defaults: dict[str, Any]
    binds: tuple[tuple[str, Callable], ...]
    row: type
    types: tuple
    # The columns' result processors by position, from the first run's column type codes
    # (what SQLAlchemy chooses them by: PostgreSQL's numbers, say); None until then.
    results: tuple[tuple[int, Callable], ...] | None = None

    def processors(self, dialect: Dialect, description) -> tuple[tuple[int, Callable], ...]:
        if self.results is None:
            self.results = tuple(
                (index, processor)
                for index, (type_, column) in enumerate(zip(self.types, description, strict=True))
                if (processor := type_._cached_result_processor(dialect, column[1])) is not None
            )
        return self.results


# Per statement (kept while it exists: module-level ones for good), per dialect and its style
# of parameters.
_PLANS: WeakKeyDictionary[Executable, dict[tuple[str, str], _Plan | None]] = WeakKeyDictionary()
_LOCK = threading.Lock()


def _plan(statement: Executable, dialect: Dialect):
    compiled = statement.compile(dialect=dialect)
    sql = compiled.string
    if (
        compiled.post_compile_params
        or compiled.escaped_bind_names
        or not reads_only(sql)
        or not compiled._result_columns
    ):
        return None
    try:  # the columns' names as the rows' attributes, as SQLAlchemy's rows have them
        row = namedtuple("Row", [entry.keyname for entry in compiled._result_columns])
    except ValueError:  # a name no attribute can have: left to SQLAlchemy
        return None
    return _Plan(
        sql=sql,
        positions=tuple(compiled.positiontup) if compiled.positional else None,
        defaults=compiled.construct_params(_check=False),
        binds=tuple(compiled._bind_processors.items()),
        row=row,
        types=tuple(entry.type for entry in compiled._result_columns),
    )


def _plan_for(statement: Executable, dialect: Dialect):
    """The kept plan of `statement` on `dialect`, or None when it must go through SQLAlchemy."""
    key = (dialect.name, dialect.paramstyle)
    try:
        by_dialect = _PLANS.get(statement)
    except TypeError:  # not weak-referenceable: never kept
        return None
    if by_dialect is not None and key in by_dialect:
        return by_dialect[key]
    try:
        plan = _plan(statement, dialect)
    except AttributeError:  # SQLAlchemy's compiled form changed: tests/integration say so
        plan = None
    with _LOCK:
        _PLANS.setdefault(statement, {})[key] = plan
    return plan


class Rows:
    """The rows of a kept plan's run, with the parts of SQLAlchemy's `Result` the app uses."""

    __slots__ = ("_rows",)

    def __init__(self, rows: list) -> None:
        self._rows = rows

    def __iter__(self) -> Iterator:
        return iter(self._rows)

    def all(self) -> list:
        return list(self._rows)

    def first(self):
        return self._rows[0] if self._rows else None

    def scalar(self):
        return self._rows[0][0] if self._rows else None

    def scalar_one(self):
        if not self._rows:
            raise NoResultFound("No row was found when one was required")
        if len(self._rows) > 1:
            raise MultipleResultsFound("Multiple rows were found when exactly one was required")
        return self._rows[0][0]


def read(connection: Connection, statement: Executable, params: dict | None) -> Rows | None:
    """`statement`'s rows, run through the driver in `connection`'s transaction; None when it
    must go through SQLAlchemy instead: it is not a constant plain read, or the driver raised
    (SQLAlchemy then raises or recovers)."""
    plan = _plan_for(statement, connection.dialect)
    if plan is None:
        return None
    try:
        return _run(plan, connection, params)
    except connection.dialect.loaded_dbapi.Error:
        return None


def _run(plan: _Plan, connection: Connection, params: dict | None) -> Rows:
    values = dict(plan.defaults)
    if params:
        values.update(params)
    for name, process in plan.binds:
        if name in values:
            values[name] = process(values[name])
    bound: Sequence | dict = (
        [values[name] for name in plan.positions] if plan.positions is not None else values
    )
    sql = plan.sql
    cursor = connection.connection.dbapi_connection.cursor()
    try:
        for listener in connection.dispatch.before_cursor_execute:
            changed = listener(connection, cursor, sql, bound, None, False)
            if isinstance(changed, tuple):
                sql, bound = changed
        cursor.execute(sql, bound)
        fetched = cursor.fetchall()
        results = plan.processors(connection.dialect, cursor.description)
    finally:
        cursor.close()
    make = plan.row._make
    if not results:
        return Rows([make(row) for row in fetched])
    rows = []
    for row in fetched:
        row = list(row)
        for index, process in results:
            row[index] = process(row[index])
        rows.append(make(row))
    return Rows(rows)
