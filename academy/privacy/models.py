"""The accessibility statement, kept in the database so an admin can keep it up to date."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from academy.core.models import Base, utcnow

COMPLIANCE = ("helt", "delvis", "inte")


class AccessibilityStatement(Base):
    """One row: the tillgänglighetsredogörelse DIGG requires of a public body's web service."""

    __tablename__ = "accessibility_statements"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation: Mapped[str] = mapped_column(String(200))
    service: Mapped[str] = mapped_column(String(200))
    compliance: Mapped[str] = mapped_column(String(10))
    gaps: Mapped[str] = mapped_column(Text, default="")
    assessment: Mapped[str] = mapped_column(Text, default="")
    assessed_on: Mapped[date | None] = mapped_column(Date, default=None)
    feedback: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (
        CheckConstraint("compliance IN ('helt', 'delvis', 'inte')", name="compliance"),
    )
