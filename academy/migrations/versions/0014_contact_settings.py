"""Kontaktanalys: a unit's own settings and the topics of its errand categories

Revision ID: 0014_contact_settings
Revises: 0013_cohort_version
Create Date: 2026-11-30 04:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014_contact_settings"
down_revision: str | None = "0013_cohort_version"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "contact_settings",
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("repeat_window_days", sa.Integer(), nullable=False),
        sa.Column("goal_percent", sa.Integer(), nullable=False),
        sa.Column("updated_by", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["units.id"],
            name=op.f("fk_contact_settings_unit_id_units"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by"],
            ["users.id"],
            name=op.f("fk_contact_settings_updated_by_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("unit_id", name=op.f("pk_contact_settings")),
    )
    op.create_table(
        "contact_category_topics",
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(length=100), nullable=False),
        sa.Column("tag", sa.String(length=60), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["units.id"],
            name=op.f("fk_contact_category_topics_unit_id_units"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "unit_id", "category", "tag", name=op.f("pk_contact_category_topics")
        ),
    )


def downgrade() -> None:
    op.drop_table("contact_category_topics")
    op.drop_table("contact_settings")
