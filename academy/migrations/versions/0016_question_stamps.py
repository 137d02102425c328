"""A content stamp for quiz questions

A quiz's questions (their texts, options and keys) are read at every answer a learner gives;
they change only when an author edits the quiz, so they are kept in memory under the stamp of
"questions", which triggers on course_questions replace at every insert, update or delete,
whatever writes them, as migration 0015 does for course shapes.

Revision ID: 0016_question_stamps
Revises: 0015_content_stamps
Create Date: 2026-11-30 22:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0016_question_stamps"
down_revision: str | None = "0015_content_stamps"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAME = "questions"
TABLE = "course_questions"
OPERATIONS = ("insert", "update", "delete")
# A random 53-bit number (SQLite's random() is 64 bits; PostgreSQL's a double in [0, 1)).
RANDOM = {"sqlite": "random()", "postgresql": "floor(random() * 9007199254740991)::bigint"}


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    renew = f"UPDATE content_stamps SET stamp = {RANDOM[dialect]} WHERE name = '{NAME}'"
    op.execute(f"INSERT INTO content_stamps (name, stamp) VALUES ('{NAME}', {RANDOM[dialect]})")
    if dialect == "postgresql":
        op.execute(
            f"CREATE FUNCTION renew_{NAME}_stamp() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN {renew}; RETURN NULL; END $$"
        )
        op.execute(
            f"CREATE TRIGGER {TABLE}_renew_stamp AFTER INSERT OR UPDATE OR DELETE OR "
            f"TRUNCATE ON {TABLE} FOR EACH STATEMENT EXECUTE FUNCTION renew_{NAME}_stamp()"
        )
        return
    for operation in OPERATIONS:
        op.execute(
            f"CREATE TRIGGER {TABLE}_{operation}_renews_stamp AFTER {operation.upper()} "
            f"ON {TABLE} BEGIN {renew}; END"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP TRIGGER {TABLE}_renew_stamp ON {TABLE}")
        op.execute(f"DROP FUNCTION renew_{NAME}_stamp()")
    else:
        for operation in OPERATIONS:
            op.execute(f"DROP TRIGGER {TABLE}_{operation}_renews_stamp")
    op.execute(f"DELETE FROM content_stamps WHERE name = '{NAME}'")
