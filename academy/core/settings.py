"""Runtime settings, read from the environment once per process."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from journeys.contacts.figures import MAX_GOAL_PERCENT, MAX_WINDOW_DAYS, MIN_GOAL_PERCENT

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def _int_env(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise RuntimeError(f"{name} must be a whole number, got {raw!r}") from exc


MB = 1024 * 1024


@dataclass(frozen=True)
class UploadLimits:
    """How much a person may send, in bytes: every upload and import checks these
    (academy/core/uploads.py), so one number changes a cap everywhere."""

    text_file: int = 2 * MB  # an import: a journey (Mermaid, JSON), a Twee or GIFT file, pasted
    lesson_image: int = 5 * MB
    scenario_image: int = 2 * MB
    contacts_file: int = 64 * MB
    # One upload request in all; refused before its body is read (core/web/upload_limit.py).
    request: int = 65 * MB


UPLOADS = UploadLimits()


@dataclass(frozen=True)
class Retention:
    """How long each kind of personal data is kept before `academy gallra` removes it
    (0 = kept until removed by hand). docs/privacy.md explains each choice."""

    practice_log_months: int = 24  # practice-log entries, with their feedback and shares
    login_sessions_days: int = 90  # ended or expired logins (counted from the last activity)
    audit_months: int = 24  # the audit log (logins, account changes, extracts, erasures)
    survey_drafts_months: int = 12  # survey answers never submitted
    unused_images_days: int = 1  # lesson images no lesson or question shows (since dropped)


@dataclass(frozen=True)
class Settings:
    database_url: str
    redis_url: str | None
    session_idle_minutes: int
    login_max_failures: int
    login_window_minutes: int
    login_lock_minutes: int
    login_max_failures_per_address: int
    anonymity_threshold: int
    # Kontaktanalys: a repeat contact lies at most this many days after the caller's previous one;
    # the goal for first-contact resolution, in per cent.
    contacts_repeat_window_days: int = 7
    contacts_goal_percent: int = 80
    # How much lower the priority of the password-hashing threads is (Linux niceness, 0-19;
    # core/web/low_priority.py): 0 lets a burst of logins share the CPU evenly with the pages.
    login_hash_nice: int = 10
    retention: Retention = None  # type: ignore[assignment]  # set by get_settings
    data_dir: Path = PROJECT_ROOT / "data"  # files the app stores (SQLite, uploaded images)


def data_dir() -> Path:
    """The folder for the app's own files (the embedded database, uploaded lesson images)."""
    folder = Path(os.environ.get("DATA_DIR") or PROJECT_ROOT / "data")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def default_database_url() -> str:
    return f"sqlite:///{data_dir() / 'academy.db'}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings(
        database_url=os.environ.get("DATABASE_URL") or default_database_url(),
        redis_url=os.environ.get("REDIS_URL") or None,
        session_idle_minutes=_int_env("SESSION_IDLE_MINUTES", 30),
        login_max_failures=_int_env("LOGIN_MAX_FAILURES", 5),
        login_window_minutes=_int_env("LOGIN_WINDOW_MINUTES", 15),
        login_lock_minutes=_int_env("LOGIN_LOCK_MINUTES", 15),
        # Failed logins from one address (on any accounts) before that address must wait.
        login_max_failures_per_address=_int_env("LOGIN_MAX_FAILURES_PER_ADDRESS", 20),
        # Survey results for a group need this many answers; never fewer than 3.
        anonymity_threshold=max(3, _int_env("ANONYMITY_THRESHOLD", 5)),
        # The defaults of Kontaktanalys's settings, kept within the limits a unit's own
        # settings are checked against (journeys.contacts).
        contacts_repeat_window_days=min(
            MAX_WINDOW_DAYS, max(0, _int_env("CONTACTS_REPEAT_WINDOW_DAYS", 7))
        ),
        contacts_goal_percent=min(
            MAX_GOAL_PERCENT, max(MIN_GOAL_PERCENT, _int_env("CONTACTS_GOAL_PERCENT", 80))
        ),
        login_hash_nice=min(19, max(0, _int_env("LOGIN_HASH_NICE", 10))),
        data_dir=data_dir(),
        retention=Retention(
            practice_log_months=_int_env("RETENTION_PRACTICE_LOG_MONTHS", 24),
            login_sessions_days=_int_env("RETENTION_LOGIN_SESSIONS_DAYS", 90),
            audit_months=_int_env("RETENTION_AUDIT_MONTHS", 24),
            survey_drafts_months=_int_env("RETENTION_SURVEY_DRAFTS_MONTHS", 12),
            unused_images_days=_int_env("RETENTION_UNUSED_IMAGES_DAYS", 1),
        ),
    )


SECRET_FILE = "contacts-hash-secret"


def contacts_hash_secret() -> str:
    """The secret that caller keys in contact files are hashed under (HMAC-SHA256).

    `CONTACTS_HASH_SECRET` from the environment, or else a random secret generated once and kept
    in DATA_DIR (readable by the app's user only), so the same caller gets the same hash in every
    import. It is never stored in the database or in git, and never logged."""
    configured = os.environ.get("CONTACTS_HASH_SECRET", "").strip()
    if configured:
        if len(configured.encode()) < 16:
            raise RuntimeError("CONTACTS_HASH_SECRET must be at least 16 bytes long")
        return configured
    path = data_dir() / SECRET_FILE
    if not path.exists():
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass  # made by another process at the same moment
        else:
            with os.fdopen(descriptor, "w") as handle:
                handle.write(secrets.token_hex(32))
    return path.read_text().strip()
