"""The practice log, role-play observations and cohort follow-up as the rows their pages show.

Frozen dataclasses, no Reflex, no DB; numbers stay numbers, figures are written the Swedish way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from academy.practice.attempts import HistoryItem
from academy.practice.followup import DimensionResult, LearnerPath, LogActivity, NodeChoice
from academy.practice.practice_log import LogEntry
from academy.practice.roleplays import RATING_LABELS, Card, ObservationRow
from academy.ui.bars import Bar, diverging_bar

# The follow-up chart's scale: one choice scores −2…+2; a larger average widens it.
SCORE_LIMIT = 2


def decimal(value: float) -> str:
    """A signed figure with a decimal comma: −0,67 → "-0,67", 0 → "±0,00"."""
    return "±0,00" if value == 0 else f"{value:+.2f}".replace(".", ",")


# ---- my attempts -------------------------------------------------------------------------------


@dataclass(frozen=True)
class HistoryRow:
    id: int
    scenario: str
    when: str
    path: str  # the answers in order
    # A long path in short: the first answer (clipped) and how many follow; `steps` are all
    # the answers ("1. …"), shown behind "Visa alla val" when `shortened`.
    path_short: str
    steps: tuple[str, ...]
    shortened: bool
    result: str  # points per dimension, with the best possible on the same path
    end: str
    play_url: str  # "" when the scenario is no longer published


def history_result(item: HistoryItem) -> str:
    """ "Empati +3 av 4, Tydlighet −1 av 2": the points, and the best possible on that path."""
    best = dict(item.best)
    parts = []
    for dimension, points in item.totals:
        text = f"{dimension} " + f"{points:+d}".replace("-", "−")
        if dimension in best:
            text += " av " + str(best[dimension]).replace("-", "−")
        parts.append(text)
    return ", ".join(parts) or "–"


SHORT_ANSWER = 80  # characters of the first answer shown before "Visa alla val"


def _clip(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(" ,.;:–-") + "…"


def path_summary(path: tuple[str, ...] | list[str]) -> tuple[str, bool]:
    """ "1. Jag hör att… (+2 val till)" and whether anything was left out."""
    if not path:
        return "–", False
    first = _clip(path[0], SHORT_ANSWER)
    more = len(path) - 1
    rest = f" (+{more} val till)" if more else ""
    return f"1. {first}{rest}", bool(more) or first != path[0]


def history_row(item: HistoryItem) -> HistoryRow:
    steps = tuple(f"{n}. {text}" for n, text in enumerate(item.path, start=1))
    short, shortened = path_summary(item.path)
    return HistoryRow(
        id=item.id,
        scenario=item.scenario_title,
        when=item.created_at.strftime("%Y-%m-%d %H:%M"),
        path=" → ".join(steps),
        path_short=short,
        steps=steps,
        shortened=shortened,
        result=history_result(item),
        end="Ja" if item.reached_end else "Nej",
        play_url=f"/traning/scenarier/{item.scenario_id}/spela" if item.playable else "",
    )


def history_rows(items: Iterable[HistoryItem]) -> list[HistoryRow]:
    return [history_row(item) for item in items]


# ---- the practice log -------------------------------------------------------------------------


@dataclass(frozen=True)
class FeedbackItem:
    author: str
    text: str
    when: str


@dataclass(frozen=True)
class EntryView:
    id: int
    user: str
    date: str
    channel: str
    errand_kind: str
    tried: str
    outcome: str
    went_well: str
    do_differently: str
    shared_with: str
    feedback: list[FeedbackItem] = field(default_factory=list)
    # The optional texts as written (empty when blank), for the edit form.
    went_well_text: str = ""
    do_differently_text: str = ""


def entry_view(entry: LogEntry) -> EntryView:
    return EntryView(
        entry.id,
        entry.user_name,
        entry.happened_on.isoformat(),
        entry.channel,
        entry.errand_kind,
        entry.tried,
        entry.outcome,
        entry.went_well or "–",
        entry.do_differently or "–",
        ", ".join(entry.shared_with),
        [FeedbackItem(f.author, f.text, f.created_at.strftime("%Y-%m-%d")) for f in entry.feedback],
        entry.went_well,
        entry.do_differently,
    )


# ---- role-play --------------------------------------------------------------------------------


@dataclass(frozen=True)
class CardView:
    id: int
    title: str
    situation: str
    citizen_role: str
    employee_role: str
    practise: str
    statements: list[str] = field(default_factory=list)


def card_view(card: Card) -> CardView:
    return CardView(
        card.id,
        card.title,
        card.situation,
        card.citizen_role,
        card.employee_role,
        card.practise,
        list(card.statements),
    )


@dataclass(frozen=True)
class Statement:
    index: int
    text: str
    field_name: str


def statements(card: Card) -> list[Statement]:
    return [Statement(i, text, f"rating-{i}") for i, text in enumerate(card.statements)]


@dataclass(frozen=True)
class RatingRow:
    statement: str
    rating: str
    comment: str
    participant: str = ""
    card: str = ""
    observer: str = ""


def rating_label(rating: int) -> str:
    return RATING_LABELS.get(rating, str(rating))


def rating_rows(observation: ObservationRow) -> list[RatingRow]:
    return [
        RatingRow(
            r["statement"],
            rating_label(r["rating"]),
            r["comment"] or "–",
            observation.participant,
            observation.card_title,
            observation.observer,
        )
        for r in observation.ratings
    ]


@dataclass(frozen=True)
class ObservationView:
    id: int
    heading: str
    observer: str
    cohort: str
    ratings: list[RatingRow] = field(default_factory=list)


def observation_view(row: ObservationRow) -> ObservationView:
    return ObservationView(
        row.id,
        f"{row.card_title} – {row.created_at.strftime('%Y-%m-%d')}",
        row.observer,
        row.cohort_name,
        rating_rows(row),
    )


# ---- follow-up --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ResultRow:
    dimension: str
    average: str
    attempts: int


def result_rows(dimensions: Iterable[DimensionResult]) -> list[ResultRow]:
    return [
        ResultRow(d.dimension, decimal(d.average) if d.attempts else "–", d.attempts)
        for d in dimensions
    ]


def result_bars(dimensions: Sequence[DimensionResult]) -> list[Bar]:
    """Average score per attempt from the middle: no bar without attempts or at 0; the scale is
    −2…+2 (one choice), wider only when an average goes beyond it."""
    limit = max([SCORE_LIMIT, *(abs(d.average) for d in dimensions)])
    return [
        diverging_bar(d.dimension, d.average if d.attempts else 0, limit, _bar_text(d))
        for d in dimensions
    ]


def _bar_text(result: DimensionResult) -> str:
    return decimal(result.average) if result.attempts else "inga försök"


@dataclass(frozen=True)
class PopularRow:
    node: str
    situation: str
    choice: str
    share: str


def popular_rows(popular: Iterable[NodeChoice]) -> list[PopularRow]:
    return [
        PopularRow(p.node_id, p.node_text, p.choice_text, f"{p.times} av {p.of}") for p in popular
    ]


@dataclass(frozen=True)
class PathRow:
    name: str
    when: str
    path: str
    totals: str
    end: str


def path_rows(paths: Iterable[LearnerPath]) -> list[PathRow]:
    return [
        PathRow(p.name, p.when, p.path, p.totals, "Ja" if p.reached_end else "Nej") for p in paths
    ]


@dataclass(frozen=True)
class ActivityRow:
    name: str
    entry_count: int
    with_feedback: int
    latest: str


def activity_rows(activity: Iterable[LogActivity]) -> list[ActivityRow]:
    return [ActivityRow(a.name, a.entries, a.with_feedback, a.latest) for a in activity]
