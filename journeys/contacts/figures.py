"""Figures for a set of contacts (a period, one import).

Every share is a share of *all* contacts in the group unless its name says otherwise:
- first_contact_resolution = contacts with löst_direkt = ja / contacts;
- failure_demand_share = contacts with efterfrågan = svikt / contacts (rows without a value in
  efterfrågan count in the denominator: they are not failure demand as far as the file says;
  `demand_classified` tells how many rows had a value);
- handed_over_share = contacts with a value in överlämnad_till / contacts;
- repeat_share = repeat contacts / contacts with a caller key (no key, no repeat can be seen).

A contact is a repeat when an earlier contact with the same caller key lies at most
`window_days` days before it (inclusive: exactly 7 days apart is a repeat, 7 days and one minute
is not). Contacts at the same minute are ordered by their row in the file. Only contacts in the
table are looked at: a caller's contact before the table's first contact is not seen.

Groups (category, channel, language) with fewer contacts than `anonymity_threshold` are pooled
into one group "Övrigt"; so are rare handed-over recipients and failure reasons.
"""

from __future__ import annotations

import operator
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from itertools import compress, repeat

from journeys.contacts.model import FAILURE_DEMAND, POOLED_LABEL, ContactTable

DEFAULT_WINDOW_DAYS = 7
DEFAULT_GOAL = 0.8
DEFAULT_ANONYMITY_THRESHOLD = 5
DEFAULT_TOP = 5
BREAKDOWNS = ("category", "channel", "language", "week")
# The limits of the two settings a unit may change; the app, its environment defaults and the
# CLI all check these (window_days_problem, goal_percent_problem).
MAX_WINDOW_DAYS = 365
MIN_GOAL_PERCENT, MAX_GOAL_PERCENT = 1, 100


def window_days_problem(days: int) -> str | None:
    """Why `days` cannot be the repeat window (Swedish), or None when it can."""
    if not 0 <= days <= MAX_WINDOW_DAYS:
        return f"Fönstret för återkommande kontakt ska vara 0–{MAX_WINDOW_DAYS} dagar."
    return None


def goal_percent_problem(percent: int) -> str | None:
    """Why `percent` cannot be the goal for first-contact resolution (Swedish), or None."""
    if not MIN_GOAL_PERCENT <= percent <= MAX_GOAL_PERCENT:
        return (
            f"Målet för lösta i första kontakten ska vara {MIN_GOAL_PERCENT}–{MAX_GOAL_PERCENT} %."
        )
    return None


@dataclass(frozen=True)
class GroupFigures:
    """The figures of one group of contacts (all contacts, a category, a channel, a week …)."""

    label: str
    contacts: int
    resolved: int
    first_contact_resolution: float
    meets_goal: bool  # first_contact_resolution >= goal
    goal_gap: float  # goal - first_contact_resolution (positive: short of the goal)
    failure_demand: int
    failure_demand_share: float
    demand_classified: int  # rows with a value in efterfrågan
    top_reasons: tuple[tuple[str, int], ...]
    handed_over: int
    handed_over_share: float
    handed_over_to: tuple[tuple[str, int], ...]
    with_caller_key: int
    repeat_contacts: int
    repeat_share: float


@dataclass(frozen=True)
class ContactSummary:
    overall: GroupFigures
    by_category: tuple[GroupFigures, ...]
    by_channel: tuple[GroupFigures, ...]
    by_language: tuple[GroupFigures, ...]
    by_week: tuple[GroupFigures, ...]  # ISO weeks, "2026-W02", in order
    first: datetime | None
    last: datetime | None
    window_days: int
    goal: float
    anonymity_threshold: int

    def to_dict(self) -> dict:
        data = asdict(self)
        data["first"] = self.first.isoformat(timespec="minutes") if self.first else None
        data["last"] = self.last.isoformat(timespec="minutes") if self.last else None
        return data


@dataclass(frozen=True)
class FirstLineCandidate:
    """A category the first line might settle itself: ranked by contacts × handed-over share
    (that is, by the number of contacts handed over)."""

    category: str
    contacts: int
    handed_over: int
    handed_over_share: float
    score: int  # contacts × handed_over_share, i.e. handed_over
    handed_over_to: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class GroupChange:
    """One group in two periods; changes are after - before (shares in share units, 0.05 = five
    percentage points). `volume_change_share` is None when the group had no contacts before."""

    label: str
    before: GroupFigures
    after: GroupFigures
    volume_change: int
    volume_change_share: float | None
    first_contact_resolution_change: float
    failure_demand_share_change: float
    repeat_share_change: float


@dataclass(frozen=True)
class PeriodComparison:
    overall: GroupChange
    categories: tuple[GroupChange, ...] = field(default=())


def repeat_flags(table: ContactTable, window_days: int = DEFAULT_WINDOW_DAYS) -> list[bool]:
    """For every contact: whether it is a repeat (see the module's definition)."""
    if window_days < 0:
        raise ValueError("window_days must be 0 or more")
    callers, stamps = table.callers, table.timestamps
    flags = [False] * len(callers)
    keyed = [index for index, caller in enumerate(callers) if caller is not None]
    times = [stamps[index] for index in keyed]
    if not all(map(operator.le, times, times[1:])):
        keyed.sort(key=stamps.__getitem__)  # stable: same minute keeps the file's order
    window = timedelta(days=window_days)
    last: dict[str, datetime] = {}
    get = last.get
    ordered = zip(
        keyed, map(callers.__getitem__, keyed), map(stamps.__getitem__, keyed), strict=True
    )
    for index, caller, moment in ordered:
        previous = get(caller)
        if previous is not None and moment - previous <= window:
            flags[index] = True
        last[caller] = moment
    return flags


def iso_weeks(timestamps: Sequence[datetime]) -> list[str]:
    """The ISO week of every timestamp, as "2026-W02"."""
    ordinals = list(map(datetime.toordinal, timestamps))
    label = {}
    for ordinal in set(ordinals):
        year, week, _ = datetime.fromordinal(ordinal).isocalendar()
        label[ordinal] = f"{year}-W{week:02d}"
    return list(map(label.__getitem__, ordinals))


def summarize(
    table: ContactTable,
    *,
    window_days: int = DEFAULT_WINDOW_DAYS,
    goal: float = DEFAULT_GOAL,
    anonymity_threshold: int = DEFAULT_ANONYMITY_THRESHOLD,
    top: int = DEFAULT_TOP,
    breakdowns: Collection[str] = BREAKDOWNS,
) -> ContactSummary:
    """All figures: overall and per category, channel, language and ISO week. `breakdowns`
    chooses which of "category", "channel", "language", "week" to compute (the others are
    empty), for callers that need fewer."""
    unknown = set(breakdowns) - set(BREAKDOWNS)
    if unknown:
        raise ValueError(f"unknown breakdowns: {sorted(unknown)}")
    repeats = repeat_flags(table, window_days)
    counts = _Counts(table, repeats)

    def groups(name: str, keys: Callable[[], Sequence[str]]) -> tuple[GroupFigures, ...]:
        if name not in breakdowns:
            return ()
        pool = name != "week"
        totals = counts.by(keys())
        if pool:
            totals = _pool(totals, _keep(totals, anonymity_threshold))
        figures = [
            total.figures(label, goal, anonymity_threshold, top) for label, total in totals.items()
        ]
        if pool:
            return tuple(sorted(figures, key=lambda f: (-f.contacts, f.label)))
        return tuple(sorted(figures, key=lambda f: f.label))

    return ContactSummary(
        overall=counts.overall().figures("Alla", goal, anonymity_threshold, top),
        by_category=groups("category", lambda: table.categories),
        by_channel=groups("channel", lambda: table.channels),
        by_language=groups("language", lambda: table.languages),
        by_week=groups("week", lambda: iso_weeks(table.timestamps)),
        first=table.first,
        last=table.last,
        window_days=window_days,
        goal=goal,
        anonymity_threshold=anonymity_threshold,
    )


def first_line_ranking(
    table: ContactTable,
    *,
    anonymity_threshold: int = DEFAULT_ANONYMITY_THRESHOLD,
    top: int = DEFAULT_TOP,
) -> list[FirstLineCandidate]:
    """Vad kan första linjen lösa? The categories with handed-over contacts, ranked by
    contacts × handed-over share, largest first, with to whom they were handed over."""
    totals = _Counts(table, [False] * len(table)).by(table.categories)
    totals = _pool(totals, _keep(totals, anonymity_threshold))
    ranking = []
    for name, total in totals.items():
        if not total.handed:
            continue
        share = total.handed / total.contacts
        ranking.append(
            FirstLineCandidate(
                category=name,
                contacts=total.contacts,
                handed_over=total.handed,
                handed_over_share=share,
                score=total.handed,
                handed_over_to=_top(total.recipients, anonymity_threshold, top),
            )
        )
    return sorted(ranking, key=lambda c: (-c.score, c.category))


def compare_periods(
    before: ContactTable,
    after: ContactTable,
    *,
    window_days: int = DEFAULT_WINDOW_DAYS,
    goal: float = DEFAULT_GOAL,
    anonymity_threshold: int = DEFAULT_ANONYMITY_THRESHOLD,
    top: int = DEFAULT_TOP,
) -> PeriodComparison:
    """Before/after per category: change in volume, first-contact resolution, failure-demand
    share and repeat share. A category keeps its name only if it has no contacts or at least
    `anonymity_threshold` in each period; otherwise it is pooled into "Övrigt" in both."""
    counts_before = _Counts(before, repeat_flags(before, window_days))
    counts_after = _Counts(after, repeat_flags(after, window_days))
    totals_before = counts_before.by(before.categories)
    totals_after = counts_after.by(after.categories)
    keep = {
        name
        for name in totals_before.keys() | totals_after.keys()
        if all(
            name not in totals or totals[name].contacts >= anonymity_threshold
            for totals in (totals_before, totals_after)
        )
    }
    totals_before = _pool(totals_before, keep)
    totals_after = _pool(totals_after, keep)

    def change(name: str, old: _Totals, new: _Totals) -> GroupChange:
        a = old.figures(name, goal, anonymity_threshold, top)
        b = new.figures(name, goal, anonymity_threshold, top)
        return GroupChange(
            label=name,
            before=a,
            after=b,
            volume_change=b.contacts - a.contacts,
            volume_change_share=(b.contacts - a.contacts) / a.contacts if a.contacts else None,
            first_contact_resolution_change=b.first_contact_resolution - a.first_contact_resolution,
            failure_demand_share_change=b.failure_demand_share - a.failure_demand_share,
            repeat_share_change=b.repeat_share - a.repeat_share,
        )

    names = totals_before.keys() | totals_after.keys()
    changes = [
        change(name, totals_before.get(name, _Totals()), totals_after.get(name, _Totals()))
        for name in names
    ]
    changes.sort(key=lambda c: (-max(c.before.contacts, c.after.contacts), c.label))
    overall = change("Alla", counts_before.overall(), counts_after.overall())
    return PeriodComparison(overall=overall, categories=tuple(changes))


def cli_figures(summary: ContactSummary) -> dict:
    """The figures `journeys contacts summarize` prints (shares rounded to three decimals)."""
    overall = summary.overall
    return {
        "contacts": overall.contacts,
        "first_contact_resolution": round(overall.first_contact_resolution, 3),
        "failure_demand_share": round(overall.failure_demand_share, 3),
        "repeat_contacts": overall.repeat_contacts,
        "categories": [
            {
                "category": group.label,
                "contacts": group.contacts,
                "first_contact_resolution": round(group.first_contact_resolution, 3),
                "failure_demand_share": round(group.failure_demand_share, 3),
                "handed_over_share": round(group.handed_over_share, 3),
            }
            for group in summary.by_category
        ],
    }


# --- counting -------------------------------------------------------------------------------


@dataclass
class _Totals:
    contacts: int = 0
    resolved: int = 0
    failure: int = 0
    classified: int = 0
    handed: int = 0
    keyed: int = 0
    repeats: int = 0
    recipients: Counter[str] = field(default_factory=Counter)
    reasons: Counter[str] = field(default_factory=Counter)

    def add(self, other: _Totals) -> None:
        self.contacts += other.contacts
        self.resolved += other.resolved
        self.failure += other.failure
        self.classified += other.classified
        self.handed += other.handed
        self.keyed += other.keyed
        self.repeats += other.repeats
        self.recipients.update(other.recipients)
        self.reasons.update(other.reasons)

    def figures(self, label: str, goal: float, threshold: int, top: int) -> GroupFigures:
        n = self.contacts
        fcr = self.resolved / n if n else 0.0
        return GroupFigures(
            label=label,
            contacts=n,
            resolved=self.resolved,
            first_contact_resolution=fcr,
            meets_goal=n > 0 and fcr >= goal,
            goal_gap=goal - fcr,
            failure_demand=self.failure,
            failure_demand_share=self.failure / n if n else 0.0,
            demand_classified=self.classified,
            top_reasons=_top(self.reasons, threshold, top),
            handed_over=self.handed,
            handed_over_share=self.handed / n if n else 0.0,
            handed_over_to=_top(self.recipients, threshold, top),
            with_caller_key=self.keyed,
            repeat_contacts=self.repeats,
            repeat_share=self.repeats / self.keyed if self.keyed else 0.0,
        )


_RESOLVED, _FAILURE, _CLASSIFIED, _KEYED, _REPEAT = 1, 2, 4, 8, 16
_BITS = 5


class _Counts:
    """Counts a table per grouping. Each contact's flags are packed once into a small int; a
    grouping then counts `group number * 32 + flags` with `Counter(map(...))`, which runs at C
    speed, and the Python loops only visit the distinct combinations."""

    def __init__(self, table: ContactTable, repeats: list[bool]) -> None:
        self.table = table
        failure = list(map(operator.eq, table.demand, repeat(FAILURE_DEMAND)))
        classified = map(operator.is_not, table.demand, repeat(None))
        keyed = map(operator.is_not, table.callers, repeat(None))
        codes: Iterable[int] = table.resolved
        for flags, bit in (
            (failure, _FAILURE),
            (classified, _CLASSIFIED),
            (keyed, _KEYED),
            (repeats, _REPEAT),
        ):
            codes = map(operator.add, codes, map(operator.mul, flags, repeat(bit)))
        self.codes = list(codes)  # every step above is a C-level map
        self.handed = list(map(operator.is_not, table.handed_over_to, repeat(None)))
        has_reason = map(operator.is_not, table.reasons, repeat(None))
        self.failing_with_reason = list(map(operator.and_, failure, has_reason))

    def overall(self) -> _Totals:
        return self.by(None).get("", _Totals())

    def by(self, keys: Sequence[str] | None) -> dict[str, _Totals]:
        t = self.table
        if keys is None:
            keys = [""] * len(t)
        labels = sorted(set(keys))
        number = {label: position for position, label in enumerate(labels)}
        shifted = map(operator.lshift, map(number.__getitem__, keys), repeat(_BITS))
        totals: dict[str, _Totals] = {label: _Totals() for label in labels}
        for packed, n in Counter(map(operator.or_, shifted, self.codes)).items():
            total = totals[labels[packed >> _BITS]]
            total.contacts += n
            if packed & _RESOLVED:
                total.resolved += n
            if packed & _CLASSIFIED:
                total.classified += n
            if packed & _FAILURE:
                total.failure += n
            if packed & _KEYED:
                total.keyed += n
            if packed & _REPEAT:
                total.repeats += n
        pairs = compress(zip(keys, t.handed_over_to, strict=True), self.handed)
        for (name, to), n in Counter(pairs).items():
            totals[name].handed += n
            totals[name].recipients[to] += n
        pairs = compress(zip(keys, t.reasons, strict=True), self.failing_with_reason)
        for (name, reason), n in Counter(pairs).items():
            totals[name].reasons[reason] += n
        return totals


def _keep(totals: dict[str, _Totals], threshold: int) -> set[str]:
    return {name for name, total in totals.items() if total.contacts >= threshold}


def _pool(totals: dict[str, _Totals], keep: set[str]) -> dict[str, _Totals]:
    pooled: dict[str, _Totals] = {}
    for name, total in totals.items():
        label = name if name in keep and name != POOLED_LABEL else POOLED_LABEL
        if label in pooled:
            pooled[label].add(total)
        else:
            pooled[label] = _copy(total)
    return pooled


def _copy(total: _Totals) -> _Totals:
    fresh = _Totals()
    fresh.add(total)
    return fresh


def _top(counter: Counter[str], threshold: int, top: int) -> tuple[tuple[str, int], ...]:
    """The most frequent values, those below the threshold pooled as "Övrigt" (listed last)."""
    kept = [(name, n) for name, n in counter.items() if n >= threshold and name != POOLED_LABEL]
    rest = sum(counter.values()) - sum(n for _, n in kept)
    kept.sort(key=lambda item: (-item[1], item[0]))
    shown = kept[:top]
    rest += sum(n for _, n in kept[top:])
    if rest:
        shown.append((POOLED_LABEL, rest))
    return tuple(shown)
