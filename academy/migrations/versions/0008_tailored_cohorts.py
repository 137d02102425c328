"""Tailored cohorts: the modules required in a cohort, and the needs profile a cohort came from

Revision ID: 0008_tailored_cohorts
Revises: 0007_meeting_places
Create Date: 2026-11-30 02:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_tailored_cohorts"
down_revision: str | None = "0007_meeting_places"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "course_cohort_required_modules",
        sa.Column("cohort_id", sa.Integer(), nullable=False),
        sa.Column("module_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["cohort_id"],
            ["course_cohorts.id"],
            name=op.f("fk_course_cohort_required_modules_cohort_id_course_cohorts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["module_id"],
            ["course_modules.id"],
            name=op.f("fk_course_cohort_required_modules_module_id_course_modules"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "cohort_id", "module_id", name=op.f("pk_course_cohort_required_modules")
        ),
    )
    with op.batch_alter_table("course_cohort_required_modules", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_course_cohort_required_modules_module_id"), ["module_id"], unique=False
        )
    op.create_table(
        "survey_tailored_cohorts",
        sa.Column("cohort_id", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["survey_campaigns.id"],
            name=op.f("fk_survey_tailored_cohorts_campaign_id_survey_campaigns"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["cohort_id"],
            ["course_cohorts.id"],
            name=op.f("fk_survey_tailored_cohorts_cohort_id_course_cohorts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["created_by"],
            ["users.id"],
            name=op.f("fk_survey_tailored_cohorts_created_by_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("cohort_id", name=op.f("pk_survey_tailored_cohorts")),
    )
    with op.batch_alter_table("survey_tailored_cohorts", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_survey_tailored_cohorts_campaign_id"), ["campaign_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("survey_tailored_cohorts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_survey_tailored_cohorts_campaign_id"))
    op.drop_table("survey_tailored_cohorts")
    with op.batch_alter_table("course_cohort_required_modules", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_course_cohort_required_modules_module_id"))
    op.drop_table("course_cohort_required_modules")
