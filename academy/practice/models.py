"""Tables for Träning: stored scenarios, attempts, role-plays and the practice log.

A scenario is stored whole as a JSON document (the same content a Twee file carries); the other
scenario columns are copies for listing and filtering, kept in step by academy.practice.scenarios.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from academy.core.models import Base, utcnow

SCENARIO_STATUSES = ("draft", "published")


class PracticeScenario(Base):
    __tablename__ = "practice_scenarios"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    channel: Mapped[str] = mapped_column(String(20))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(10), default="draft")
    version: Mapped[int] = mapped_column(default=1)
    document: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (CheckConstraint("status IN ('draft', 'published')", name="status"),)


class ScenarioAttempt(Base):
    __tablename__ = "practice_attempts"

    id: Mapped[int] = mapped_column(primary_key=True)
    scenario_id: Mapped[int] = mapped_column(
        ForeignKey("practice_scenarios.id", ondelete="CASCADE"), index=True
    )
    scenario_version: Mapped[int]
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    choice_ids: Mapped[list[str]] = mapped_column(JSON)
    totals: Mapped[dict[str, int]] = mapped_column(JSON)
    reached_end: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class RoleplayCard(Base):
    __tablename__ = "practice_roleplay_cards"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    situation: Mapped[str] = mapped_column(Text)
    citizen_role: Mapped[str] = mapped_column(Text)
    employee_role: Mapped[str] = mapped_column(Text)
    practise: Mapped[str] = mapped_column(Text)
    statements: Mapped[list[str]] = mapped_column(JSON)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Observation(Base):
    """An observer's checklist for one participant: ratings 1–4 with a comment per statement."""

    __tablename__ = "practice_observations"

    id: Mapped[int] = mapped_column(primary_key=True)
    cohort_id: Mapped[int] = mapped_column(
        ForeignKey("course_cohorts.id", ondelete="CASCADE"), index=True
    )
    card_id: Mapped[int] = mapped_column(
        ForeignKey("practice_roleplay_cards.id", ondelete="CASCADE")
    )
    observer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    ratings: Mapped[list[dict[str, Any]]] = mapped_column(JSON)  # statement, rating, comment
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class PracticeLogEntry(Base):
    __tablename__ = "practice_log_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    happened_on: Mapped[date] = mapped_column(Date)
    channel: Mapped[str] = mapped_column(String(20))
    errand_kind: Mapped[str] = mapped_column(String(200))
    tried: Mapped[str] = mapped_column(Text)
    outcome: Mapped[str] = mapped_column(Text)
    went_well: Mapped[str] = mapped_column(Text, default="")
    do_differently: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class PracticeLogShare(Base):
    """A colleague the employee chose to ask for feedback on one entry."""

    __tablename__ = "practice_log_shares"

    entry_id: Mapped[int] = mapped_column(
        ForeignKey("practice_log_entries.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )


class PracticeLogShareAddress(Base):
    """An address the author shared an entry with, as typed. It is kept whether or not an active
    account has it, so the author is never told which addresses belong to someone."""

    __tablename__ = "practice_log_share_addresses"

    entry_id: Mapped[int] = mapped_column(
        ForeignKey("practice_log_entries.id", ondelete="CASCADE"), primary_key=True
    )
    email: Mapped[str] = mapped_column(String(320), primary_key=True)


class PracticeLogFeedback(Base):
    __tablename__ = "practice_log_feedback"

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(
        ForeignKey("practice_log_entries.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
