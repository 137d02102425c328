"""What the Kontaktanalys pages show: figures -> typed rows with Swedish labels. Pure."""

from __future__ import annotations

from dataclasses import dataclass

from academy import ui
from academy.journeys.contacts.service import CategoryLink, ImportSummary, StepChoice
from journeys.contacts import COLUMNS, ContactSummary, FirstLineCandidate, GroupFigures
from journeys.contacts.figures import GroupChange

IGNORE = ""  # the mapping value for "do not read this column"


def percent(share: float) -> str:
    return f"{share * 100:.0f} %"


def signed_points(change: float) -> str:
    value = round(change * 100)
    return ("+" if value > 0 else "−" if value < 0 else "±") + f"{abs(value)} procentenheter"


def signed(value: int) -> str:
    return ("+" if value > 0 else "−" if value < 0 else "±") + f"{abs(value):,}".replace(",", " ")


def number(value: int | float) -> str:
    return f"{round(value):,}".replace(",", " ")


@dataclass(frozen=True)
class ImportRow:
    id: int
    unit: str
    file_name: str
    period: str
    rows: str
    imported: str
    href: str


@dataclass(frozen=True)
class HeaderRow:
    index: int
    header: str
    column: str  # our column, or "" (not read)


@dataclass(frozen=True)
class IssueRow:
    row: str
    column: str
    message: str


@dataclass(frozen=True)
class FigureRow:
    label: str
    contacts: str
    fcr: str
    goal: str  # "Når målet" / "x procentenheter under målet"
    failure: str
    handed_over: str
    repeats: str
    reasons: str
    step: str = ""  # the linked step (categories only)
    suggested: str = ""  # the suggested step's label (categories only)
    suggested_value: str = ""  # "journey_id:step_id"


@dataclass(frozen=True)
class RankRow:
    category: str
    contacts: str
    handed_over: str
    share: str
    to_whom: str
    topics: str
    training: str


@dataclass(frozen=True)
class ChangeRow:
    label: str
    before: str
    after: str
    volume: str
    fcr: str
    failure: str
    repeats: str


@dataclass(frozen=True)
class LinkRow:
    id: int
    category: str
    journey: str
    step: str
    href: str


def import_rows(imports: list[ImportSummary]) -> list[ImportRow]:
    return [
        ImportRow(
            id=i.id,
            unit=i.unit,
            file_name=i.file_name,
            period=f"{i.period_start:%Y-%m-%d} – {i.period_end:%Y-%m-%d}",
            rows=number(i.row_count),
            imported=f"{i.imported_at:%Y-%m-%d %H:%M}"
            + (f", {i.imported_by}" if i.imported_by else ""),
            href=f"/kundresor/kontakter/{i.id}",
        )
        for i in imports
    ]


def header_rows(headers: list[str], known: list[str]) -> list[HeaderRow]:
    return [
        HeaderRow(n, h or f"(kolumn {n + 1})", k)
        for n, (h, k) in enumerate(zip(headers, known, strict=True))
    ]


def column_options() -> list[tuple[str, str]]:
    return [
        (IGNORE, "Läs inte kolumnen"),
        *((c, c) for c in COLUMNS if c != "kontakt"),
        ("kontakt", "kontakt (hashas)"),
    ]


def _goal(group: GroupFigures) -> str:
    if group.meets_goal:
        return "Når målet"
    return f"{round(group.goal_gap * 100)} procentenheter under målet"


def _pairs(pairs: tuple[tuple[str, int], ...]) -> str:
    return ", ".join(f"{name} ({number(count)})" for name, count in pairs)


def figure_row(
    group: GroupFigures, step: str = "", suggested: str = "", suggested_value: str = ""
) -> FigureRow:
    return FigureRow(
        label=group.label,
        contacts=number(group.contacts),
        fcr=percent(group.first_contact_resolution),
        goal=_goal(group),
        failure=percent(group.failure_demand_share),
        handed_over=percent(group.handed_over_share),
        repeats=percent(group.repeat_share),
        reasons=_pairs(group.top_reasons),
        step=step,
        suggested=suggested,
        suggested_value=suggested_value,
    )


def figure_rows(groups: tuple[GroupFigures, ...]) -> list[FigureRow]:
    return [figure_row(g) for g in groups]


def category_rows(
    summary: ContactSummary,
    links: list[CategoryLink],
    suggestions: dict[str, str],
    choices: list[StepChoice] = (),
) -> list[FigureRow]:
    """Per category; an unlinked category gets the suggested step (by name), if any."""
    labels = {c.value: c.label for c in choices}
    linked: dict[str, list[str]] = {}
    for link in links:
        linked.setdefault(link.category, []).append(f"{link.journey} – {link.step}")
    rows = []
    for g in summary.by_category:
        value = "" if g.label in linked else suggestions.get(g.label, "")
        rows.append(figure_row(g, "; ".join(linked.get(g.label, [])), labels.get(value, ""), value))
    return rows


def weekly_fcr_bars(summary: ContactSummary) -> list[ui.Bar]:
    goal = percent(summary.goal)
    return ui.bars(
        [
            (
                week.label,
                week.first_contact_resolution,
                percent(week.first_contact_resolution)
                + (" (når målet)" if week.meets_goal else f" (mål {goal})"),
            )
            for week in summary.by_week
        ],
        1.0,
    )


def reason_bars(summary: ContactSummary) -> list[ui.Bar]:
    reasons = summary.overall.top_reasons
    return ui.bars([(name, count, number(count)) for name, count in reasons])


def reason_rows(summary: ContactSummary) -> list[tuple[str, str, str]]:
    total = summary.overall.failure_demand or 1
    return [
        (name, number(count), percent(count / total)) for name, count in summary.overall.top_reasons
    ]


def rank_rows(
    candidates: list[FirstLineCandidate],
    training: dict[str, list[str]],
    topics: dict[str, tuple[str, ...]] | None = None,
) -> list[RankRow]:
    return [
        RankRow(
            category=c.category,
            contacts=number(c.contacts),
            handed_over=number(c.handed_over),
            share=percent(c.handed_over_share),
            to_whom=_pairs(c.handed_over_to),
            topics=", ".join((topics or {}).get(c.category, ())) or "Inga ämnen ännu",
            training="; ".join(training.get(c.category, [])) or "Ingen utbildning matchar ännu",
        )
        for c in candidates
    ]


def change_row(change: GroupChange) -> ChangeRow:
    return ChangeRow(
        label=change.label,
        before=number(change.before.contacts),
        after=number(change.after.contacts),
        volume=signed(change.volume_change),
        fcr=signed_points(change.first_contact_resolution_change),
        failure=signed_points(change.failure_demand_share_change),
        repeats=signed_points(change.repeat_share_change),
    )


def link_rows(links: list[CategoryLink]) -> list[LinkRow]:
    return [
        LinkRow(l.id, l.category, l.journey, l.step, f"/kundresor/{l.journey_id}?flik=analys")  # noqa: E741
        for l in links  # noqa: E741
    ]


def step_options(choices: list[StepChoice]) -> list[tuple[str, str]]:
    return [(c.value, c.label) for c in choices]
