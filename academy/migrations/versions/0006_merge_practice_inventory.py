"""Join the practice and inventory migrations, which both build on the courses schema.

Revision ID: 0006_merge_practice_inventory
Revises: 0004_practice, 0005_inventory
"""

from collections.abc import Sequence

revision: str = "0006_merge_practice_inventory"
down_revision: str | tuple[str, ...] | None = ("0004_practice", "0005_inventory")
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
