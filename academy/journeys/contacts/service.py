"""Kontaktanalys: import contact files for a unit, read their figures, link categories to steps.

Who: strategists and admins import, delete and link for every unit; trainers read the figures
of their own unit. Every function checks the role (and the unit) before it reads anything.
"""

from __future__ import annotations

import difflib
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from academy.core import personal_data_guard, training_targets, unit_training
from academy.core.access import CurrentUser, require_role
from academy.core.errors import AccessDenied, NotFound, ValidationError
from academy.core.models import Role, Unit, User, utcnow
from academy.core.settings import contacts_hash_secret, get_settings
from academy.core.text import clean_text
from academy.journeys import store
from academy.journeys.contacts.headers import MAX_FILE_BYTES, MAX_FILE_TEXT
from academy.journeys.contacts.models import (
    ContactCategoryLink,
    ContactCategoryTopic,
    ContactImport,
    ContactRecord,
    ContactSettings,
)
from academy.journeys.models import JourneyRecord, TrainingLink
from journeys.contacts import (
    Contact,
    ContactSummary,
    ContactTable,
    FirstLineCandidate,
    PeriodComparison,
    compare_periods,
    first_line_ranking,
    goal_percent_problem,
    parse_contacts,
    summarize,
    window_days_problem,
)
from journeys.contacts.observed import ObservedStep, observed_step

IMPORTERS = (Role.ADMIN, Role.STRATEGIST)
VIEWERS = (Role.ADMIN, Role.STRATEGIST, Role.TRAINER)
BATCH = 5000
NOT_FOUND = "Importen finns inte, eller så har du inte behörighet att se den."


@dataclass(frozen=True)
class ImportSummary:
    id: int
    unit_id: int
    unit: str
    file_name: str
    period_start: datetime
    period_end: datetime
    row_count: int
    imported_by: str
    imported_at: datetime


@dataclass(frozen=True)
class Period:
    """The contacts a figure page shows: one import, or a unit's contacts between two days."""

    unit_id: int
    unit: str
    start: datetime
    end: datetime  # exclusive
    label: str  # "2026-01-05 – 2026-03-01"
    import_id: int | None = None

    @property
    def weeks(self) -> float:
        return max((self.end - self.start).total_seconds() / 604800, 1 / 7)


def can_import(actor: CurrentUser | None) -> bool:
    return actor is not None and actor.has_any(*IMPORTERS)


def require_importer(actor: CurrentUser | None) -> CurrentUser:
    return require_role(actor, *IMPORTERS)


def _units_seen(actor: CurrentUser) -> set[int] | None:
    """The units whose contacts `actor` may see (None: every unit)."""
    if actor.has_any(*IMPORTERS):
        return None
    return {actor.unit_id} if actor.unit_id is not None else set()


def _require_unit(session: Session, actor: CurrentUser | None, unit_id: int | None) -> Unit:
    actor = require_role(actor, *VIEWERS)
    unit = session.get(Unit, unit_id) if unit_id is not None else None
    if unit is None:
        raise ValidationError("Välj en enhet.", field="unit")
    seen = _units_seen(actor)
    if seen is not None and unit.id not in seen:
        raise AccessDenied("Du kan bara se kontakterna för din egen enhet.")
    return unit


# ---- import -----------------------------------------------------------------------------------


def check_import(
    session: Session, actor: CurrentUser | None, unit_id: int | None, file_name: str, size: int
) -> None:
    """Refuse an import before its file is read: role, unit, name and size."""
    require_importer(actor)
    _require_unit(session, actor, unit_id)
    if not file_name.strip():
        raise ValidationError("Välj en fil med kontakter.", field="file")
    if size > MAX_FILE_BYTES:
        raise ValidationError(
            f"Filen är för stor: högst {MAX_FILE_TEXT}. Inget har importerats.", field="file"
        )
    if size == 0:
        raise ValidationError("Filen är tom. Inget har importerats.", field="file")


def parse_file(
    data: bytes,
    header_map: dict[str, str] | None = None,
    progress: Callable[[int, float], None] | None = None,
) -> ContactTable:
    """Validate every row (raises journeys.contacts.ContactImportError with row and column);
    caller keys are hashed under the server's secret at once; free text passes the app's
    personal-data check."""
    if len(data) > MAX_FILE_BYTES:
        raise ValidationError(f"Filen är för stor: högst {MAX_FILE_TEXT}. Inget har importerats.")
    return parse_contacts(
        data,
        secret=contacts_hash_secret(),
        header_map=header_map or None,
        guard=personal_data_guard.get(),
        progress=progress,
    )


def store_import(
    session: Session,
    actor: CurrentUser | None,
    unit_id: int,
    file_name: str,
    table: ContactTable,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Store a validated table as one import of `unit_id`; returns the import's id."""
    require_importer(actor)
    _require_unit(session, actor, unit_id)
    if not len(table):
        raise ValidationError("Filen har inga kontakter. Inget har importerats.", field="file")
    record = ContactImport(
        unit_id=unit_id,
        file_name=clean_text(file_name.strip())[:255],
        period_start=table.first,
        period_end=table.last,
        row_count=len(table),
        imported_by=actor.id,
    )
    session.add(record)
    session.flush()
    # Core executemany: much cheaper per row than ORM objects or ORM bulk inserts.
    connection, table_insert = session.connection(), ContactRecord.__table__.insert()
    batch: list[dict] = []
    stored = 0
    for row in table.rows():
        batch.append(_record_values(record.id, row))
        if len(batch) >= BATCH:
            connection.execute(table_insert, batch)
            stored += len(batch)
            batch = []
            if progress is not None:
                progress(stored)
    if batch:
        connection.execute(table_insert, batch)
        stored += len(batch)
    if progress is not None:
        progress(stored)
    return record.id


def _record_values(import_id: int, row: Contact) -> dict:
    return {
        "import_id": import_id,
        "at": row.timestamp,
        "channel": row.channel,
        "language": row.language,
        "ivr_choice": row.ivr_choice,
        "category": row.category,
        "resolved": row.resolved,
        "handed_over_to": row.handed_over_to,
        "demand": row.demand,
        "reason": row.reason,
        "caller": row.caller,
    }


def list_imports(session: Session, actor: CurrentUser | None) -> list[ImportSummary]:
    actor = require_role(actor, *VIEWERS)
    query = (
        select(ContactImport, Unit.name, User.name)
        .join(Unit, Unit.id == ContactImport.unit_id)
        .outerjoin(User, User.id == ContactImport.imported_by)
        .order_by(ContactImport.imported_at.desc(), ContactImport.id.desc())
    )
    seen = _units_seen(actor)
    if seen is not None:
        query = query.where(ContactImport.unit_id.in_(seen))
    return [
        ImportSummary(
            id=record.id,
            unit_id=record.unit_id,
            unit=unit_name,
            file_name=record.file_name,
            period_start=record.period_start,
            period_end=record.period_end,
            row_count=record.row_count,
            imported_by=who or "",
            imported_at=record.imported_at,
        )
        for record, unit_name, who in session.execute(query).all()
    ]


def delete_import(session: Session, actor: CurrentUser | None, import_id: int) -> None:
    require_importer(actor)
    record = session.get(ContactImport, import_id)
    if record is None:
        raise NotFound(NOT_FOUND)
    session.execute(delete(ContactRecord).where(ContactRecord.import_id == import_id))
    session.delete(record)
    clear_cache()


# ---- periods and figures ------------------------------------------------------------------------


def _label(start: datetime, end: datetime) -> str:
    return f"{start:%Y-%m-%d} – {(end - timedelta(minutes=1)):%Y-%m-%d}"


def import_period(session: Session, actor: CurrentUser | None, import_id: int) -> Period:
    actor = require_role(actor, *VIEWERS)
    record = session.get(ContactImport, import_id)
    seen = _units_seen(actor)
    if record is None or (seen is not None and record.unit_id not in seen):
        raise NotFound(NOT_FOUND)
    return _period_of(session, record)


def _period_of(session: Session, record: ContactImport) -> Period:
    unit = session.get(Unit, record.unit_id)
    start = datetime.combine(record.period_start.date(), time())
    end = datetime.combine(record.period_end.date() + timedelta(days=1), time())
    return Period(record.unit_id, unit.name, start, end, _label(start, end), record.id)


def date_period(
    session: Session, actor: CurrentUser | None, unit_id: int | None, first: date, last: date
) -> Period:
    unit = _require_unit(session, actor, unit_id)
    if last < first:
        raise ValidationError("Slutdagen måste vara samma dag som startdagen eller senare.")
    start = datetime.combine(first, time())
    end = datetime.combine(last + timedelta(days=1), time())
    return Period(unit.id, unit.name, start, end, _label(start, end))


def _table_key(session: Session, period: Period) -> tuple:
    """What a period's contacts are read from: one import, or a unit's imports between days."""
    if period.import_id is not None:
        return ("import", period.import_id)
    imports = session.scalars(
        select(ContactImport.id).where(ContactImport.unit_id == period.unit_id)
    ).all()
    return ("unit", period.unit_id, period.start, period.end, tuple(sorted(imports)))


def contacts_of(session: Session, period: Period) -> ContactTable:
    """The period's contacts (read once per period and import state, then kept in memory)."""
    key = _table_key(session, period)
    return _cached(_TABLES, CACHED_TABLES, key, lambda: _read(session, key))


# Stored contacts never change (an import is added or deleted whole), so a period's table and
# its figures can be kept: the keys name the imports they come from and the settings they were
# computed with, so a new import or changed settings never meet an old entry. The figures are
# computed in a worker thread (the page's background event), hence the lock.
CACHED_TABLES = 4
CACHED_FIGURES = 16
_TABLES: OrderedDict[tuple, ContactTable] = OrderedDict()
_FIGURES: OrderedDict[tuple, object] = OrderedDict()
_LOCK = threading.Lock()


def _cached(cache: OrderedDict, size: int, key: tuple, compute: Callable[[], Any]) -> Any:
    with _LOCK:
        if key in cache:
            cache.move_to_end(key)
            return cache[key]
    value = compute()  # outside the lock: two threads may compute the same, both right
    with _LOCK:
        cache[key] = value
        while len(cache) > size:
            cache.popitem(last=False)
    return value


def clear_cache() -> None:
    with _LOCK:
        _TABLES.clear()
        _FIGURES.clear()


def _read(session: Session, key: tuple) -> ContactTable:
    columns = (
        ContactRecord.at,
        ContactRecord.channel,
        ContactRecord.language,
        ContactRecord.ivr_choice,
        ContactRecord.category,
        ContactRecord.resolved,
        ContactRecord.handed_over_to,
        ContactRecord.demand,
        ContactRecord.reason,
        ContactRecord.caller,
    )
    query = select(*columns)
    if key[0] == "import":
        query = query.where(ContactRecord.import_id == key[1])
    else:
        _, unit_id, start, end, _imports = key
        query = query.join(ContactImport, ContactImport.id == ContactRecord.import_id).where(
            ContactImport.unit_id == unit_id, ContactRecord.at >= start, ContactRecord.at < end
        )
    rows = session.execute(query.order_by(ContactRecord.at, ContactRecord.id))
    return ContactTable.from_rows(Contact._make(row) for row in rows)


def figures(session: Session, period: Period) -> ContactSummary:
    """The period's figures under its unit's settings (computed once, then kept)."""
    settings = unit_settings(session, period.unit_id)
    key = ("figures", _table_key(session, period), settings)
    return _cached(
        _FIGURES,
        CACHED_FIGURES,
        key,
        lambda: summarize(
            contacts_of(session, period),
            window_days=settings.window_days,
            goal=settings.goal,
            anonymity_threshold=settings.threshold,
        ),
    )


def ranking(session: Session, period: Period) -> list[FirstLineCandidate]:
    threshold = unit_settings(session, period.unit_id).threshold
    key = ("ranking", _table_key(session, period), threshold)
    return _cached(
        _FIGURES,
        CACHED_FIGURES,
        key,
        lambda: list(
            first_line_ranking(contacts_of(session, period), anonymity_threshold=threshold)
        ),
    )


def prepare_figures(session: Session, actor: CurrentUser | None, import_id: int) -> None:
    """Compute the import's figures and ranking unless they are kept already (slow for a year
    of contacts: the figures page calls this in a worker thread, then shows them quickly)."""
    period = import_period(session, actor, import_id)
    figures(session, period)
    ranking(session, period)


def keep_newest_figures(session: Session) -> int:
    """Compute and keep the figures and ranking of each unit's newest import, newest first and
    at most as many as are kept; returns how many. Run once as the server starts (no person
    asks, so no one's scope applies), so that the first person to open a journey with observed
    figures, or Kontaktanalys, after a restart does not wait for them."""
    newest: dict[int, ContactImport] = {}
    for record in session.scalars(
        select(ContactImport).order_by(ContactImport.period_end.desc(), ContactImport.id.desc())
    ):
        newest.setdefault(record.unit_id, record)
    records = list(newest.values())[:CACHED_TABLES]
    for record in records:
        period = _period_of(session, record)
        figures(session, period)
        ranking(session, period)
    return len(records)


def compare(session: Session, before: Period, after: Period) -> PeriodComparison:
    settings = unit_settings(session, before.unit_id)
    key = (
        "compare",
        _table_key(session, before),
        _table_key(session, after),
        settings.window_days,
        settings.threshold,
    )
    return _cached(
        _FIGURES,
        CACHED_FIGURES,
        key,
        lambda: compare_periods(
            contacts_of(session, before),
            contacts_of(session, after),
            window_days=settings.window_days,
            anonymity_threshold=settings.threshold,
        ),
    )


# ---- a unit's settings --------------------------------------------------------------------------


@dataclass(frozen=True)
class FigureSettings:
    window_days: int  # the repeat-contact window
    goal_percent: int  # the goal for first-contact resolution
    threshold: int  # the anonymity threshold (the environment's; never per unit)
    own: bool = False  # the unit's own settings; False: the environment's defaults

    @property
    def goal(self) -> float:
        return self.goal_percent / 100


def default_settings() -> FigureSettings:
    """The settings of a unit that has none of its own (from the environment)."""
    settings = get_settings()
    return FigureSettings(
        settings.contacts_repeat_window_days,
        settings.contacts_goal_percent,
        settings.anonymity_threshold,
    )


def unit_settings(session: Session, unit_id: int) -> FigureSettings:
    """The settings a unit's figures are computed with (no access check: internal)."""
    default = default_settings()
    own = session.get(ContactSettings, unit_id)
    if own is None:
        return default
    return FigureSettings(own.repeat_window_days, own.goal_percent, default.threshold, True)


def settings_of(session: Session, actor: CurrentUser | None, unit_id: int) -> FigureSettings:
    _require_unit(session, actor, unit_id)
    return unit_settings(session, unit_id)


def _whole_number(text: object, field: str, label: str) -> int:
    raw = str(text if text is not None else "").strip().removesuffix("%").strip()
    try:
        return int(raw)
    except ValueError:
        raise ValidationError(f"Skriv {label} som ett heltal.", field=field) from None


def save_settings(
    session: Session,
    actor: CurrentUser | None,
    unit_id: int,
    window_days: object,
    goal_percent: object,
) -> FigureSettings:
    """Set the unit's repeat window (days) and goal (percent); admins and strategists only.
    The limits are the engine's (the CLI checks the same)."""
    actor = require_importer(actor)
    _require_unit(session, actor, unit_id)
    window = _whole_number(window_days, "window_days", "fönstret för återkommande kontakt")
    problem = window_days_problem(window)
    if problem:
        raise ValidationError(problem, field="window_days")
    goal = _whole_number(goal_percent, "goal_percent", "målet")
    problem = goal_percent_problem(goal)
    if problem:
        raise ValidationError(problem, field="goal_percent")
    own = session.get(ContactSettings, unit_id)
    if own is None:
        own = ContactSettings(unit_id=unit_id)
        session.add(own)
    own.repeat_window_days, own.goal_percent = window, goal
    own.updated_by, own.updated_at = actor.id, utcnow()
    return unit_settings(session, unit_id)


def reset_settings(session: Session, actor: CurrentUser | None, unit_id: int) -> None:
    """Let the unit's figures follow the environment's defaults again."""
    require_importer(actor)
    _require_unit(session, actor, unit_id)
    session.execute(delete(ContactSettings).where(ContactSettings.unit_id == unit_id))


# ---- training that matches a category: by topic, and through the linked step -----------------

MAX_CATEGORY_TOPICS = 10
MAX_TOPIC_LENGTH = 60


def normalise_topics(text: str) -> tuple[str, ...]:
    """ "Klarspråk, #telefon" -> ("klarspråk", "telefon"): lower case, each once (the same
    form as a course's topics)."""
    tags: list[str] = []
    for raw in text.replace(";", ",").split(","):
        tag = " ".join(clean_text(raw).strip().lstrip("#").split()).lower()
        if not tag:
            continue
        if len(tag) > MAX_TOPIC_LENGTH:
            raise ValidationError(
                f"Ett ämne får vara högst {MAX_TOPIC_LENGTH} tecken.", field="topics"
            )
        if tag not in tags:
            tags.append(tag)
    if len(tags) > MAX_CATEGORY_TOPICS:
        raise ValidationError(f"Högst {MAX_CATEGORY_TOPICS} ämnen per kategori.", field="topics")
    return tuple(tags)


def _topics_of(session: Session, unit_id: int) -> dict[str, tuple[str, ...]]:
    rows = session.execute(
        select(ContactCategoryTopic.category, ContactCategoryTopic.tag)
        .where(ContactCategoryTopic.unit_id == unit_id)
        .order_by(ContactCategoryTopic.category, ContactCategoryTopic.tag)
    ).all()
    topics: dict[str, tuple[str, ...]] = {}
    for category, tag in rows:
        topics[category] = (*topics.get(category, ()), tag)
    return topics


def category_topics(
    session: Session, actor: CurrentUser | None, unit_id: int
) -> dict[str, tuple[str, ...]]:
    """{category: its topics} of the unit."""
    _require_unit(session, actor, unit_id)
    return _topics_of(session, unit_id)


def set_category_topics(
    session: Session, actor: CurrentUser | None, unit_id: int, category: str, text: str
) -> tuple[str, ...]:
    """Replace the topics of the unit's `category` ("klarspråk, telefon"; empty removes them)."""
    require_importer(actor)
    _require_unit(session, actor, unit_id)
    category = clean_text(category.strip())
    if not category or len(category) > 100:
        raise ValidationError("Välj en kategori.", field="category")
    tags = normalise_topics(text)
    session.execute(
        delete(ContactCategoryTopic).where(
            ContactCategoryTopic.unit_id == unit_id, ContactCategoryTopic.category == category
        )
    )
    session.add_all(
        ContactCategoryTopic(unit_id=unit_id, category=category, tag=tag) for tag in tags
    )
    return tags


def known_topics(session: Session) -> list[str]:
    """Every topic the registered training carries (what a category's topics can match)."""
    found: set[str] = set()
    for kind in training_targets.kinds():
        if kind.topics is not None:
            found.update(kind.all_topics(session))
    return sorted(found)


def matching_training(
    session: Session, unit_id: int, categories: Iterable[str]
) -> dict[str, list[str]]:
    """For each category: the course modules and practice scenarios that share a topic with it
    (the category's topics, set by a strategist), and the training linked to the journey step
    the category is linked to. Each target once, with why it matches."""
    categories = list(categories)
    topics = _topics_of(session, unit_id)
    wanted = {tag for category in categories for tag in topics.get(category, ())}
    by_topic = {
        kind.kind: kind.topics(session, wanted)
        for kind in training_targets.kinds()
        if kind.topics is not None and wanted
    }
    linked: dict[str, list[tuple[str, int]]] = {}
    rows = session.execute(
        select(ContactCategoryLink.category, TrainingLink.target_kind, TrainingLink.target_id)
        .join(
            TrainingLink,
            (TrainingLink.journey_id == ContactCategoryLink.journey_id)
            & (TrainingLink.step_id == ContactCategoryLink.step_id),
        )
        .where(ContactCategoryLink.unit_id == unit_id)
        .order_by(TrainingLink.id)
    ).all()
    for category, kind, target_id in rows:
        linked.setdefault(category, []).append((kind, target_id))
    names = {
        kind.kind: kind.names(
            session, {t for pairs in linked.values() for k, t in pairs if k == kind.kind}
        )
        for kind in training_targets.kinds()
    }
    result: dict[str, list[str]] = {}
    for category in categories:
        reasons: dict[tuple[str, int], tuple[str, list[str]]] = {}
        own = set(topics.get(category, ()))
        for kind in training_targets.kinds():
            for target_id, (name, tags) in by_topic.get(kind.kind, {}).items():
                shared = sorted(own & set(tags))
                if shared:
                    reasons[(kind.kind, target_id)] = (
                        f"{kind.label}: {name}",
                        ["ämne " + ", ".join(shared)],
                    )
        for kind_name, target_id in linked.get(category, []):
            kind = training_targets.get(kind_name)
            name = names.get(kind_name, {}).get(target_id)
            if kind is None or name is None:
                continue
            label, why = reasons.setdefault((kind_name, target_id), (f"{kind.label}: {name}", []))
            if "kopplad till steget" not in why:
                why.append("kopplad till steget")
        result[category] = [f"{label} ({'; '.join(why)})" for label, why in reasons.values()]
    return result


# ---- links from categories to journey steps ---------------------------------------------------


@dataclass(frozen=True)
class StepChoice:
    value: str  # "journey_id:step_id"
    label: str  # "Journey – step"
    text: str


@dataclass(frozen=True)
class CategoryLink:
    id: int
    category: str
    journey_id: int
    journey: str
    step_id: str
    step: str


def step_choices(session: Session, actor: CurrentUser | None, unit_id: int) -> list[StepChoice]:
    """The steps of the unit's journeys (and shared ones), to link categories to."""
    choices = []
    for summary in store.list_journeys(session, actor):
        if summary.unit_id != unit_id and not summary.shared:
            continue
        journey = store.get_journey(session, actor, summary.id).journey
        for step in journey.steps:
            choices.append(
                StepChoice(f"{summary.id}:{step.id}", f"{summary.title} – {step.text}", step.text)
            )
    return choices


def _stems(text: str) -> set[str]:
    words = "".join(c if c.isalnum() else " " for c in text.casefold()).split()
    return {word[:6] for word in words if len(word) >= 4}


def suggest_step(category: str, choices: list[StepChoice]) -> str:
    """The choice whose step text is most like the category ("" when none is alike)."""
    best, score = "", 0.0
    wanted = category.casefold()
    for choice in choices:
        text = choice.text.casefold()
        ratio = difflib.SequenceMatcher(None, wanted, text).ratio()
        if wanted in text or _stems(category) & _stems(choice.text):
            ratio += 0.5
        if ratio > score:
            best, score = choice.value, ratio
    return best if score >= 0.6 else ""


def category_links(session: Session, actor: CurrentUser | None, unit_id: int) -> list[CategoryLink]:
    _require_unit(session, actor, unit_id)
    rows = session.execute(
        select(ContactCategoryLink, JourneyRecord.title)
        .join(JourneyRecord, JourneyRecord.id == ContactCategoryLink.journey_id)
        .where(ContactCategoryLink.unit_id == unit_id)
        .order_by(ContactCategoryLink.category)
    ).all()
    result = []
    for link, title in rows:
        journey = store.get_journey(session, actor, link.journey_id).journey
        step = next((s.text for s in journey.steps if s.id == link.step_id), link.step_id)
        result.append(
            CategoryLink(link.id, link.category, link.journey_id, title, link.step_id, step)
        )
    return result


def link_category(
    session: Session, actor: CurrentUser | None, unit_id: int, category: str, choice: str
) -> None:
    """Link `category` of the unit to the step `choice` ("journey_id:step_id"); one step per
    category and journey (a new link replaces the old one)."""
    require_importer(actor)
    _require_unit(session, actor, unit_id)
    category = clean_text(category.strip())
    if not category or len(category) > 100:
        raise ValidationError("Välj en kategori.", field="category")
    journey_text, _, step_id = choice.partition(":")
    if not journey_text.isdigit() or not step_id:
        raise ValidationError("Välj ett steg i en kundresa.", field="step")
    stored = store.get_journey(session, actor, int(journey_text))
    if not any(step.id == step_id for step in stored.journey.steps):
        raise ValidationError("Steget finns inte i kundresan.", field="step")
    session.execute(
        delete(ContactCategoryLink).where(
            ContactCategoryLink.unit_id == unit_id,
            ContactCategoryLink.category == category,
            ContactCategoryLink.journey_id == stored.id,
        )
    )
    session.add(
        ContactCategoryLink(
            unit_id=unit_id,
            category=category,
            journey_id=stored.id,
            step_id=step_id,
            created_by=actor.id,
        )
    )


def unlink_category(session: Session, actor: CurrentUser | None, link_id: int) -> None:
    require_importer(actor)
    link = session.get(ContactCategoryLink, link_id)
    if link is None:
        raise NotFound("Kopplingen finns inte längre.")
    session.delete(link)


def observed_for_journey(
    session: Session, actor: CurrentUser | None, journey_id: int
) -> tuple[dict[str, ObservedStep], str]:
    """The observed figures of the journey's linked steps and the periods they come from (""
    when nothing is linked). Each linked category's figures come from the latest import of its
    unit that holds the category. Trainers see them only for their own unit; employees not."""
    store.require_visible(session, actor, journey_id)
    if actor is None or not actor.has_any(*VIEWERS):
        return {}, ""
    links = session.scalars(
        select(ContactCategoryLink).where(ContactCategoryLink.journey_id == journey_id)
    ).all()
    seen = _units_seen(actor)
    by_step: dict[str, list] = {}
    periods: dict[int, Period] = {}
    for link in links:
        if seen is not None and link.unit_id not in seen:
            continue
        import_id = _latest_import_with(session, link.unit_id, link.category)
        if import_id is None:
            continue
        if import_id not in periods:
            periods[import_id] = import_period(session, actor, import_id)
        period = periods[import_id]
        groups = {group.label: group for group in figures(session, period).by_category}
        if link.category in groups:
            by_step.setdefault(link.step_id, []).append((groups[link.category], period))
    observed = {
        step_id: observed_step([g for g, _ in pairs], pairs[0][1].weeks, pairs[0][1].label)
        for step_id, pairs in by_step.items()
    }
    labels = sorted({p.label for p in periods.values()})
    return observed, ", ".join(labels)


def _latest_import_with(session: Session, unit_id: int, category: str) -> int | None:
    return session.scalar(
        select(ContactImport.id)
        .where(
            ContactImport.unit_id == unit_id,
            select(ContactRecord.id)
            .where(ContactRecord.import_id == ContactImport.id, ContactRecord.category == category)
            .exists(),
        )
        .order_by(ContactImport.period_end.desc(), ContactImport.id.desc())
        .limit(1)
    )


def import_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(ContactImport)) or 0


# ---- export ---------------------------------------------------------------------------------

EXPORT_HEADER = [
    "Grupp",
    "Namn",
    "Kontakter",
    "Lösta i första kontakten",
    "Andel lösta i första kontakten (%)",
    "Sviktande efterfrågan",
    "Andel sviktande efterfrågan (%)",
    "Överlämnade",
    "Andel överlämnade (%)",
    "Återkommande kontakter",
    "Andel återkommande (%)",
]


def export_table(session: Session, actor: CurrentUser | None, import_id: int) -> tuple:
    """The import's figures as one table (overall, per category, channel, language, week),
    for CSV/XLSX; small groups are pooled as Övrigt exactly as on the page."""
    period = import_period(session, actor, import_id)
    summary = figures(session, period)
    groups = [
        ("Alla", (summary.overall,)),
        ("Kategori", summary.by_category),
        ("Kanal", summary.by_channel),
        ("Språk", summary.by_language),
        ("Vecka", summary.by_week),
    ]
    rows = [
        [
            kind,
            g.label,
            g.contacts,
            g.resolved,
            round(g.first_contact_resolution * 100, 1),
            g.failure_demand,
            round(g.failure_demand_share * 100, 1),
            g.handed_over,
            round(g.handed_over_share * 100, 1),
            g.repeat_contacts,
            round(g.repeat_share * 100, 1),
        ]
        for kind, items in groups
        for g in items
    ]
    return (EXPORT_HEADER, rows), f"kontaktanalys-{period.unit}-{period.start:%Y-%m-%d}"


def between_periods(
    session: Session, actor: CurrentUser | None, before: Period, after: Period
) -> tuple[list[str], list[str]]:
    """Beside a before/after comparison: the future journeys (önskat läge) of the journeys the
    unit's categories are linked to, and the cohorts the unit took part in that ended between
    the start of the first period and the start of the second."""
    linked = set(
        session.scalars(
            select(ContactCategoryLink.journey_id).where(
                ContactCategoryLink.unit_id == before.unit_id
            )
        )
    )
    futures = [
        f"{j.title} (önskat läge)"
        for j in store.list_journeys(session, actor, kind="future")
        if session.get(JourneyRecord, j.id).current_journey_id in linked
    ]
    first, last = sorted([before.start.date(), after.start.date()])
    cohorts = unit_training.completed_between(session, before.unit_id, first, last)
    return futures, cohorts
