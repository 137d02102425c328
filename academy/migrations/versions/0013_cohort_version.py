"""Cohorts get a version, so a save after someone else's is refused (optimistic locking).

Revision ID: 0013_cohort_version
Revises: 0012_quiz_review_and_versions
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013_cohort_version"
down_revision: str | None = "0012_quiz_review_and_versions"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("course_cohorts") as batch:
        batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
    with op.batch_alter_table("course_cohorts") as batch:
        batch.alter_column("version", server_default=None)


def downgrade() -> None:
    with op.batch_alter_table("course_cohorts") as batch:
        batch.drop_column("version")
