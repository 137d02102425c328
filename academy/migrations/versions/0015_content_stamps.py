"""Content stamps: a random number per kind of authored content, replaced by triggers

Read models derived from a course's modules, lessons and quizzes (a course's shape) are kept
in memory under the stamp of "courses". Triggers replace the stamp at every insert, update or
delete in those tables, whatever writes them (the ORM, a bulk statement, a cascade, psql),
inside the writing transaction. A random number rather than a counter: a rolled-back write or
a restored backup never brings back a stamp that was seen with other content.

Revision ID: 0015_content_stamps
Revises: 0014_contact_settings
Create Date: 2026-11-30 17:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015_content_stamps"
down_revision: str | None = "0014_contact_settings"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAME = "courses"
TABLES = ("course_modules", "course_lessons", "course_quizzes")
OPERATIONS = ("insert", "update", "delete")
# A random 53-bit number (SQLite's random() is 64 bits; PostgreSQL's a double in [0, 1)).
RANDOM = {"sqlite": "random()", "postgresql": "floor(random() * 9007199254740991)::bigint"}


def upgrade() -> None:
    op.create_table(
        "content_stamps",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("stamp", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_content_stamps")),
    )
    dialect = op.get_bind().dialect.name
    renew = f"UPDATE content_stamps SET stamp = {RANDOM[dialect]} WHERE name = '{NAME}'"
    op.execute(f"INSERT INTO content_stamps (name, stamp) VALUES ('{NAME}', {RANDOM[dialect]})")
    if dialect == "postgresql":
        op.execute(
            f"CREATE FUNCTION renew_{NAME}_stamp() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN {renew}; RETURN NULL; END $$"
        )
        for table in TABLES:
            op.execute(
                f"CREATE TRIGGER {table}_renew_stamp AFTER INSERT OR UPDATE OR DELETE OR "
                f"TRUNCATE ON {table} FOR EACH STATEMENT EXECUTE FUNCTION renew_{NAME}_stamp()"
            )
        return
    for table in TABLES:
        for operation in OPERATIONS:
            op.execute(
                f"CREATE TRIGGER {table}_{operation}_renews_stamp AFTER {operation.upper()} "
                f"ON {table} BEGIN {renew}; END"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in TABLES:
            op.execute(f"DROP TRIGGER {table}_renew_stamp ON {table}")
        op.execute(f"DROP FUNCTION renew_{NAME}_stamp()")
    else:
        for table in TABLES:
            for operation in OPERATIONS:
                op.execute(f"DROP TRIGGER {table}_{operation}_renews_stamp")
    op.drop_table("content_stamps")
