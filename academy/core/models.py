"""Tables for people, units, roles, login sessions and the audit log.

Every area of the app declares its tables on the one `Base.metadata` defined here, so Alembic
sees the whole schema.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    ForeignKey,
    Index,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """Naive UTC: SQLite has no time zones, so all times are stored as UTC without one."""
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Role(StrEnum):
    ADMIN = "admin"
    TRAINER = "trainer"
    EMPLOYEE = "employee"
    STRATEGIST = "strategist"


ROLE_VALUES = tuple(role.value for role in Role)


class Unit(Base):
    """A förvaltning or an enhet inside one; units nest."""

    __tablename__ = "units"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20), default="enhet")
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="RESTRICT"))

    parent: Mapped[Unit | None] = relationship(remote_side=[id])

    __table_args__ = (
        UniqueConstraint("parent_id", "name", name="uq_units_parent_name"),
        CheckConstraint("kind IN ('förvaltning', 'enhet')", name="kind"),
    )


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(255))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="SET NULL"))
    active: Mapped[bool] = mapped_column(default=True)
    # Set when an admin chose the password: the person picks their own at the next login.
    must_change_password: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    unit: Mapped[Unit | None] = relationship()
    role_rows: Mapped[list[UserRole]] = relationship(cascade="all, delete-orphan", lazy="selectin")

    @property
    def roles(self) -> frozenset[str]:
        return frozenset(row.role for row in self.role_rows)


class UserRole(Base):
    __tablename__ = "user_roles"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(20), primary_key=True)

    __table_args__ = (
        CheckConstraint("role IN ('admin', 'trainer', 'employee', 'strategist')", name="role"),
    )


class LoginSession(Base):
    """A browser's login. Only a hash of the token is kept, so a leaked table logs no one in."""

    __tablename__ = "login_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(default=utcnow)
    ended_at: Mapped[datetime | None] = mapped_column(default=None)


class AuditEvent(Base):
    """Security-relevant events: logins, role changes, deactivations."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    kind: Mapped[str] = mapped_column(String(40))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    subject: Mapped[str] = mapped_column(String(254), default="")
    detail: Mapped[str] = mapped_column(Text, default="")
    # The client's network address, for login events (limits failed logins per address).
    client: Mapped[str] = mapped_column(String(64), default="")

    __table_args__ = (
        Index("ix_audit_events_subject_kind_at", "subject", "kind", "at"),
        Index("ix_audit_events_client_kind_at", "client", "kind", "at"),
    )


class ContentStamp(Base):
    """A random number per kind of authored content, replaced by database triggers at every
    insert, update or delete in the content's tables (migration 0015), whatever writes them.
    Read models derived from the content are kept in memory under it (academy.core.kept)."""

    __tablename__ = "content_stamps"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    stamp: Mapped[int] = mapped_column(BigInteger)
