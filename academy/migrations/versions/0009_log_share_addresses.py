"""Practice log: the addresses an entry was shared with, as the author typed them

Revision ID: 0009_log_share_addresses
Revises: 0008_tailored_cohorts
Create Date: 2026-11-30 02:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_log_share_addresses"
down_revision: str | None = "0008_tailored_cohorts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "practice_log_share_addresses",
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["practice_log_entries.id"],
            name=op.f("fk_practice_log_share_addresses_entry_id_practice_log_entries"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("entry_id", "email", name=op.f("pk_practice_log_share_addresses")),
    )
    # Earlier shares named a user; keep showing them by that user's address.
    op.execute(
        "INSERT INTO practice_log_share_addresses (entry_id, email) "
        "SELECT s.entry_id, u.email FROM practice_log_shares s JOIN users u ON u.id = s.user_id"
    )


def downgrade() -> None:
    op.drop_table("practice_log_share_addresses")
