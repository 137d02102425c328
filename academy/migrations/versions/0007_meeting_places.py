"""Cohort meeting places

Revision ID: 0007_meeting_places
Revises: 0006_merge_practice_inventory
Create Date: 2026-11-23 20:08:43.525465
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_meeting_places"
down_revision: str | None = "0006_merge_practice_inventory"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Existing meetings get an empty place; the default is dropped again to match the model.
    with op.batch_alter_table("course_cohort_meetings", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("place", sa.String(length=300), nullable=False, server_default="")
        )
    with op.batch_alter_table("course_cohort_meetings", schema=None) as batch_op:
        batch_op.alter_column("place", server_default=None)


def downgrade() -> None:
    with op.batch_alter_table("course_cohort_meetings", schema=None) as batch_op:
        batch_op.drop_column("place")
