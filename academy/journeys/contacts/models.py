"""Tables for imported contacts (Kontaktanalys).

An import is one file for one unit; its contacts are stored one row per contact, already
validated and with the caller key replaced by its keyed hash (never the raw value). A category
of a unit can be linked to a journey step, which then carries the observed figures.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from academy.core.models import Base, utcnow


class ContactImport(Base):
    __tablename__ = "contact_imports"

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"), index=True)
    file_name: Mapped[str] = mapped_column(String(255))
    period_start: Mapped[datetime]
    period_end: Mapped[datetime]  # the last contact's time
    row_count: Mapped[int]
    imported_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)


class ContactRecord(Base):
    """One contact. `caller` is the HMAC of the caller key; the raw key is never stored."""

    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    import_id: Mapped[int] = mapped_column(ForeignKey("contact_imports.id", ondelete="CASCADE"))
    at: Mapped[datetime]
    channel: Mapped[str] = mapped_column(String(100))
    language: Mapped[str] = mapped_column(String(100))
    ivr_choice: Mapped[str | None] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(100))
    resolved: Mapped[bool]
    handed_over_to: Mapped[str | None] = mapped_column(String(200))
    demand: Mapped[str | None] = mapped_column(String(10))
    reason: Mapped[str | None] = mapped_column(String(200))
    caller: Mapped[str | None] = mapped_column(String(64))

    __table_args__ = (Index("ix_contacts_import_at", "import_id", "at"),)


class ContactCategoryLink(Base):
    """A unit's errand category shown on a journey step (one step per category and journey)."""

    __tablename__ = "contact_category_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"))
    category: Mapped[str] = mapped_column(String(100))
    journey_id: Mapped[int] = mapped_column(
        ForeignKey("journeys.id", ondelete="CASCADE"), index=True
    )
    step_id: Mapped[str] = mapped_column(String(64))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (
        UniqueConstraint("unit_id", "category", "journey_id", name="uq_contact_category_links"),
    )


class ContactSettings(Base):
    """A unit's own settings for its figures; without a row, the environment's defaults."""

    __tablename__ = "contact_settings"

    unit_id: Mapped[int] = mapped_column(
        ForeignKey("units.id", ondelete="CASCADE"), primary_key=True
    )
    repeat_window_days: Mapped[int]
    goal_percent: Mapped[int]
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class ContactCategoryTopic(Base):
    """A topic (a course topic tag, lower case) that a unit's errand category is about; the
    ranking of what the first line could settle matches training by these."""

    __tablename__ = "contact_category_topics"

    unit_id: Mapped[int] = mapped_column(
        ForeignKey("units.id", ondelete="CASCADE"), primary_key=True
    )
    category: Mapped[str] = mapped_column(String(100), primary_key=True)
    tag: Mapped[str] = mapped_column(String(60), primary_key=True)
