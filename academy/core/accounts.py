"""Administration of units and users. Every function checks the actor's role itself."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from academy.core import audit
from academy.core.access import CurrentUser, require_role
from academy.core.auth import end_all_sessions
from academy.core.errors import NotFound, ValidationError
from academy.core.models import ROLE_VALUES, Role, Unit, User, UserRole
from academy.core.passwords import check_password, user_words
from academy.core.security import hash_password, verify_password
from academy.core.validation import normalise_email, required_text

UNIT_KINDS = ("förvaltning", "enhet")


@dataclass(frozen=True)
class UnitRow:
    id: int
    name: str
    kind: str
    parent_id: int | None
    path: str  # "Förvaltning / Enhet", for lists and pickers


@dataclass(frozen=True)
class UserRow:
    id: int
    name: str
    email: str
    unit_id: int | None
    unit: str
    roles: tuple[str, ...]
    active: bool


# ---- units -------------------------------------------------------------------------------


def list_units(session: Session) -> list[UnitRow]:
    units = session.scalars(select(Unit)).all()
    by_id = {unit.id: unit for unit in units}

    def path(unit: Unit) -> str:
        names, seen = [], set()
        while unit is not None and unit.id not in seen:
            seen.add(unit.id)
            names.append(unit.name)
            unit = by_id.get(unit.parent_id)
        return " / ".join(reversed(names))

    rows = [UnitRow(u.id, u.name, u.kind, u.parent_id, path(u)) for u in units]
    return sorted(rows, key=lambda row: row.path.lower())


def _check_unit_fields(
    session: Session, name: str, kind: str, parent_id: int | None, unit_id: int | None = None
) -> str:
    name = required_text(name, "Namn", form_field="name")
    if kind not in UNIT_KINDS:
        raise ValidationError("Välj om enheten är en förvaltning eller en enhet.", field="kind")
    if parent_id is not None:
        ancestor = session.get(Unit, parent_id)
        if ancestor is None:
            raise ValidationError("Den överordnade enheten finns inte.", field="parent_id")
        while ancestor is not None:
            if unit_id is not None and ancestor.id == unit_id:
                raise ValidationError("En enhet kan inte ligga under sig själv.", field="parent_id")
            ancestor = ancestor.parent
    clash = session.scalar(
        select(Unit.id).where(
            func.lower(Unit.name) == name.lower(),
            Unit.parent_id.is_(None) if parent_id is None else Unit.parent_id == parent_id,
            Unit.id != (unit_id or -1),
        )
    )
    if clash is not None:
        raise ValidationError(
            f"Det finns redan en enhet som heter ”{name}” på samma nivå.", field="name"
        )
    return name


def create_unit(
    session: Session, actor: CurrentUser | None, name: str, kind: str, parent_id: int | None
) -> int:
    require_role(actor, Role.ADMIN)
    name = _check_unit_fields(session, name, kind, parent_id)
    unit = Unit(name=name, kind=kind, parent_id=parent_id)
    session.add(unit)
    session.flush()
    return unit.id


def update_unit(
    session: Session,
    actor: CurrentUser | None,
    unit_id: int,
    name: str,
    kind: str,
    parent_id: int | None,
) -> None:
    require_role(actor, Role.ADMIN)
    unit = session.get(Unit, unit_id)
    if unit is None:
        raise NotFound("Enheten finns inte.")
    unit.name = _check_unit_fields(session, name, kind, parent_id, unit_id)
    unit.kind = kind
    unit.parent_id = parent_id


# ---- users -------------------------------------------------------------------------------


def list_users(session: Session, actor: CurrentUser | None) -> list[UserRow]:
    require_role(actor, Role.ADMIN)
    units = {row.id: row.path for row in list_units(session)}
    users = session.scalars(select(User).order_by(func.lower(User.name))).all()
    return [_user_row(user, units) for user in users]


def _user_row(user: User, unit_paths: dict[int, str]) -> UserRow:
    return UserRow(
        id=user.id,
        name=user.name,
        email=user.email,
        unit_id=user.unit_id,
        unit=unit_paths.get(user.unit_id, ""),
        roles=tuple(role for role in ROLE_VALUES if role in user.roles),
        active=user.active,
    )


def _clean_roles(roles: list[str] | tuple[str, ...] | set[str]) -> set[str]:
    unknown = set(roles) - set(ROLE_VALUES)
    if unknown:
        raise ValidationError(f"Okänd roll: {', '.join(sorted(unknown))}.", field="roles")
    if not roles:
        raise ValidationError("Välj minst en roll.", field="roles")
    return set(roles)


def _check_unit_id(session: Session, unit_id: int | None) -> None:
    if unit_id is not None and session.get(Unit, unit_id) is None:
        raise ValidationError("Enheten finns inte.", field="unit_id")


def _check_password(password: str, name: str, email: str) -> None:
    check_password(password, user_words(name, email))


def create_user(
    session: Session,
    actor: CurrentUser | None,
    *,
    name: str,
    email: str,
    password: str,
    roles: list[str] | tuple[str, ...] | set[str],
    unit_id: int | None = None,
    password_hash: str | None = None,
) -> int:
    """Create a user. `password_hash` lets a batch (the demo) hash one shared password once.

    A password an admin chose is a one-time password: the person must pick their own at the
    first login. The command line (no actor) creates the first admin with their own password."""
    if actor is not None:  # None only from the command line, which bootstraps the first admin
        require_role(actor, Role.ADMIN)
    name = required_text(name, "Namn", form_field="name")
    email = normalise_email(email, form_field="email")
    roles = _clean_roles(roles)
    _check_unit_id(session, unit_id)
    if password_hash is None:
        _check_password(password, name, email)
    if session.scalar(select(User.id).where(User.email == email)) is not None:
        raise ValidationError(
            f"Det finns redan en användare med e-postadressen {email}.", field="email"
        )
    user = User(
        name=name,
        email=email,
        password_hash=password_hash or hash_password(password),
        unit_id=unit_id,
        must_change_password=actor is not None,
    )
    user.role_rows = [UserRole(role=role) for role in sorted(roles)]
    session.add(user)
    session.flush()
    audit.record(
        session,
        "user_created",
        subject=email,
        actor_id=actor.id if actor else None,
        detail="roller: " + ", ".join(sorted(roles)),
    )
    return user.id


def _active_admin_ids(session: Session) -> set[int]:
    return set(
        session.scalars(
            select(User.id)
            .join(UserRole, UserRole.user_id == User.id)
            .where(UserRole.role == Role.ADMIN, User.active.is_(True))
        )
    )


def update_user(
    session: Session,
    actor: CurrentUser | None,
    user_id: int,
    *,
    name: str,
    email: str,
    roles: list[str] | tuple[str, ...] | set[str],
    unit_id: int | None,
    active: bool | None = None,
    password: str = "",
) -> None:
    """Change a user in one go (`active=None` keeps the account as it is); refuses changes
    that would leave the app without an admin."""
    require_role(actor, Role.ADMIN)
    user = session.get(User, user_id)
    if user is None:
        raise NotFound("Användaren finns inte.")
    name = required_text(name, "Namn", form_field="name")
    email = normalise_email(email, form_field="email")
    roles = _clean_roles(roles)
    _check_unit_id(session, unit_id)
    if password:
        _check_password(password, name, email)
    clash = session.scalar(select(User.id).where(User.email == email, User.id != user_id))
    if clash is not None:
        raise ValidationError(
            f"Det finns redan en användare med e-postadressen {email}.", field="email"
        )
    active = user.active if active is None else active
    _refuse_leaving_no_admin(session, user, keeps_admin=Role.ADMIN in roles and active)

    old_roles = set(user.roles)
    user.name, user.email, user.unit_id = name, email, unit_id
    if roles != old_roles:
        user.role_rows = [UserRole(role=role) for role in sorted(roles)]
        audit.record(
            session,
            "roles_changed",
            subject=email,
            actor_id=actor.id,
            detail=f"{', '.join(sorted(old_roles))} → {', '.join(sorted(roles))}",
        )
    if password:
        # A new password ends every login made with the old one; someone else's must be
        # replaced by the person at their next login.
        user.password_hash = hash_password(password)
        user.must_change_password = user.id != actor.id
        end_all_sessions(session, user.id)
        audit.record(session, "password_set", subject=email, actor_id=actor.id)
    _change_active(session, actor, user, active)
    audit.record(session, "user_updated", subject=email, actor_id=actor.id)


def set_active(session: Session, actor: CurrentUser | None, user_id: int, active: bool) -> str:
    """Deactivate (ending every login) or reactivate a user; returns the user's name.

    Refuses to deactivate one's own account or the last active administrator."""
    require_role(actor, Role.ADMIN)
    user = session.get(User, user_id)
    if user is None:
        raise NotFound("Användaren finns inte.")
    if user.id == actor.id and not active:
        raise ValidationError("Du kan inte inaktivera ditt eget konto.")
    _refuse_leaving_no_admin(session, user, keeps_admin=Role.ADMIN in user.roles and active)
    _change_active(session, actor, user, active)
    return user.name


def _refuse_leaving_no_admin(session: Session, user: User, keeps_admin: bool) -> None:
    if not keeps_admin and _active_admin_ids(session) <= {user.id}:
        raise ValidationError(
            "Ändringen skulle lämna Serviceakademin utan aktiv administratör. "
            "Ge först någon annan rollen Administratör."
        )


def _change_active(session: Session, actor: CurrentUser, user: User, active: bool) -> None:
    if user.active and not active:
        end_all_sessions(session, user.id)
        audit.record(session, "user_deactivated", subject=user.email, actor_id=actor.id)
    elif active and not user.active:
        audit.record(session, "user_activated", subject=user.email, actor_id=actor.id)
    user.active = active


def get_user(session: Session, actor: CurrentUser | None, user_id: int) -> UserRow:
    require_role(actor, Role.ADMIN)
    user = session.get(User, user_id)
    if user is None:
        raise NotFound("Användaren finns inte.")
    return _user_row(user, {row.id: row.path for row in list_units(session)})


def unit_id_by_name(session: Session, name: str) -> int | None:
    return session.scalar(select(Unit.id).where(Unit.name == name))


def change_own_password(
    session: Session,
    actor: CurrentUser | None,
    *,
    current: str,
    new: str,
    repeat: str,
    keep_token: str = "",
) -> None:
    """The logged-in person replaces their password (also the one-time one an admin gave).

    Every other login of the person ends; the one holding `keep_token` stays."""
    if actor is None:
        raise ValidationError("Du är inte inloggad.")
    user = session.get(User, actor.id)
    if user is None or not user.active:
        raise NotFound("Användaren finns inte.")
    if not verify_password(user.password_hash, current or ""):
        raise ValidationError("Det nuvarande lösenordet stämmer inte.", field="current")
    if new != repeat:
        raise ValidationError("Lösenorden stämmer inte överens.", field="repeat")
    if new == current:
        raise ValidationError("Välj ett annat lösenord än det nuvarande.", field="password")
    _check_password(new, user.name, user.email)
    user.password_hash = hash_password(new)
    user.must_change_password = False
    end_all_sessions(session, user.id, keep_token=keep_token)
    audit.record(session, "password_changed", subject=user.email, actor_id=user.id)
