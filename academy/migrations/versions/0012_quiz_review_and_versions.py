"""Quiz review, shuffle and grading settings; versions for lessons and modules

Revision ID: 0012_quiz_review_and_versions
Revises: 0011_security_privacy
Create Date: 2026-11-30 02:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012_quiz_review_and_versions"
down_revision: str | None = "0011_security_privacy"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

QUIZ_COLUMNS = (
    ("review_mode", sa.String(length=15), "after_attempt"),
    ("shuffle_options", sa.Boolean(), sa.true()),
    ("grading_method", sa.String(length=10), "highest"),
)


def upgrade() -> None:
    # Existing rows get the defaults; the server defaults are dropped again to match the models.
    with op.batch_alter_table("course_quizzes", schema=None) as batch_op:
        for name, kind, default in QUIZ_COLUMNS:
            batch_op.add_column(sa.Column(name, kind, nullable=False, server_default=default))
        batch_op.create_check_constraint(
            "review_mode", "review_mode IN ('never', 'after_attempt', 'when_done')"
        )
        batch_op.create_check_constraint("grading_method", "grading_method IN ('highest', 'last')")
    with op.batch_alter_table("course_quizzes", schema=None) as batch_op:
        for name, _kind, _default in QUIZ_COLUMNS:
            batch_op.alter_column(name, server_default=None)
    for table in ("course_lessons", "course_modules"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column("version", sa.Integer(), nullable=False, server_default="1")
            )
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column("version", server_default=None)


def downgrade() -> None:
    for table in ("course_modules", "course_lessons"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("version")
    with op.batch_alter_table("course_quizzes", schema=None) as batch_op:
        batch_op.drop_constraint("grading_method", type_="check")
        batch_op.drop_constraint("review_mode", type_="check")
        for name, _kind, _default in reversed(QUIZ_COLUMNS):
            batch_op.drop_column(name)
