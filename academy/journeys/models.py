"""Database tables (Kundresor) for stored journeys, their versions and their links to training.

The journey itself is kept as its JSON document (journeys.formats.json_format), so the engine's
model can grow without schema changes; the columns beside it are what lists filter and sort on.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from academy.core.models import Base, utcnow


class JourneyRecord(Base):
    __tablename__ = "journeys"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(10), default="current")
    unit_id: Mapped[int | None] = mapped_column(
        ForeignKey("units.id", ondelete="SET NULL"), index=True
    )
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    # Shared journeys are visible to every trainer and employee, not only to the unit's.
    shared: Mapped[bool] = mapped_column(default=False)
    # A future journey (önskat läge) may point at the current one (nuläge) it improves on.
    current_journey_id: Mapped[int | None] = mapped_column(
        ForeignKey("journeys.id", ondelete="SET NULL")
    )
    # Optimistic locking: a save must name the version it started from.
    version: Mapped[int] = mapped_column(default=1)
    document: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    __table_args__ = (CheckConstraint("kind IN ('current', 'future')", name="kind"),)


class JourneyVersion(Base):
    """Every save of a journey, so any earlier state can be seen and restored."""

    __tablename__ = "journey_versions"

    id: Mapped[int] = mapped_column(primary_key=True)
    journey_id: Mapped[int] = mapped_column(ForeignKey("journeys.id", ondelete="CASCADE"))
    version: Mapped[int]
    document: Mapped[str] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(String(300), default="")
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (UniqueConstraint("journey_id", "version", name="uq_journey_versions"),)


class TrainingLink(Base):
    """A step (or one pain point of it) that a course module or a practice exercise trains.

    `target_kind` + `target_id` point at either kind of target; the areas that own the targets
    register how to name them (academy.core.training_targets); linking checks the target exists.
    """

    __tablename__ = "journey_training_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    journey_id: Mapped[int] = mapped_column(
        ForeignKey("journeys.id", ondelete="CASCADE"), index=True
    )
    step_id: Mapped[str] = mapped_column(String(64))
    pain_point: Mapped[str] = mapped_column(String(500), default="")  # "" = the whole step
    target_kind: Mapped[str] = mapped_column(String(20))
    target_id: Mapped[int]
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (
        CheckConstraint("target_kind IN ('module', 'exercise')", name="target_kind"),
        UniqueConstraint(
            "journey_id",
            "step_id",
            "pain_point",
            "target_kind",
            "target_id",
            name="uq_journey_training_links",
        ),
    )
