"""The needs profile and the comparison of two campaigns as typed view rows (pure).

Distributions become bars on a scale of 100 % beside a compact table; the reasons behind a
need are kept whole for a folded list, with the first one shown in the table."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from academy.inventory.aggregation import FirstContactGap, Need, QuestionResult
from academy.inventory.campaigns import CampaignSummary
from academy.inventory.profile import Change
from academy.inventory.recommend import Recommendation
from academy.inventory.tailoring import MadeCohort, ModuleChoice
from academy.inventory.web.view import campaign_row, percent, signed, sv
from academy.ui.bars import Bar, bars, diverging_bar

RECOMMENDATION_KINDS = {"course": "Kurs", "module": "Modul", "exercise": "Övning"}


# ---- /inventering/[campaign_id] --------------------------------------------------------------


@dataclass(frozen=True)
class CampaignHead:
    title: str
    unit: str
    period: str
    phase: str
    rate: str


@dataclass(frozen=True)
class DistributionRow:
    label: str
    count: int
    percent: str


@dataclass(frozen=True)
class ResultView:
    id: int
    text: str
    kind: str
    answered: int
    mean: str
    rows: list[DistributionRow] = field(default_factory=list)
    bars: list[Bar] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ResultSection:
    """One section of the survey in the profile, folded on the page (`<details>`)."""

    title: str
    summary: str  # "4 frågor · 8 svar"
    results: list[ResultView] = field(default_factory=list)


@dataclass(frozen=True)
class NeedRow:
    rank: int
    topic: str
    score: str
    # The first reason, shown in the table; all of them under "N skäl" (folded).
    first_reason: str
    reason_count: str
    reasons: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class GapRow:
    errand: str
    could: str  # "3 av 8"
    percent: str


@dataclass(frozen=True)
class RecommendationRow:
    kind: str
    title: str
    matched: str


def campaign_head(c: CampaignSummary) -> CampaignHead:
    row = campaign_row(c)
    return CampaignHead(row.title, row.unit, row.period, row.phase, row.rate)


def result_view(q: QuestionResult) -> ResultView:
    return ResultView(
        id=q.question_id,
        text=q.text,
        kind=q.kind,
        answered=q.answered,
        mean=sv(q.mean),
        rows=[DistributionRow(b.label, b.count, f"{b.percent:.0f}") for b in q.bars],
        # Bars on a scale of 100 %, so that the questions can be compared by eye.
        bars=bars([(b.label, b.percent, percent(b.percent)) for b in q.bars], 100),
        texts=list(q.texts),
    )


def result_sections(results: Sequence[QuestionResult]) -> list[ResultSection]:
    grouped: dict[str, list[QuestionResult]] = {}
    for q in results:
        grouped.setdefault(q.section, []).append(q)
    sections = []
    for title, items in grouped.items():
        count = len(items)
        summary = f"{count} {'fråga' if count == 1 else 'frågor'}"
        sections.append(ResultSection(title, summary, [result_view(q) for q in items]))
    return sections


def need_rows(needs: Sequence[Need], top: int = 10) -> list[NeedRow]:
    return [
        NeedRow(
            rank=rank,
            topic=n.topic,
            score=sv(n.score),
            first_reason=n.reasons[0] if n.reasons else "",
            reason_count=f"Alla {len(n.reasons)} skäl" if len(n.reasons) > 1 else "",
            reasons=list(n.reasons),
        )
        for rank, n in enumerate(needs[:top], 1)
    ]


def need_bars(needs: Sequence[Need], top: int = 10) -> list[Bar]:
    return bars([(n.topic, n.score, sv(n.score)) for n in needs[:top]])


def gap_rows(gaps: Sequence[FirstContactGap]) -> list[GapRow]:
    return [GapRow(g.errand, f"{g.could} av {g.answered}", percent(g.percent)) for g in gaps]


def recommendation_rows(items: Sequence[Recommendation]) -> list[RecommendationRow]:
    return [
        RecommendationRow(
            kind=RECOMMENDATION_KINDS.get(r.kind, r.kind),
            title=r.title if r.kind != "module" else f"{r.title} (i {r.course_title})",
            matched=", ".join(r.matched),
        )
        for r in items
    ]


# ---- /inventering/[campaign_id]/jamfor -------------------------------------------------------


@dataclass(frozen=True)
class ChangeRow:
    label: str
    before: str
    after: str
    change: str


def change_rows(changes: Sequence[Change]) -> list[ChangeRow]:
    return [ChangeRow(c.label, sv(c.before), sv(c.after), signed(c.change)) for c in changes]


def change_bars(changes: Sequence[Change]) -> list[Bar]:
    """Changes as bars from the middle (left: lower than before, right: higher)."""
    limit = max((abs(c.change) for c in changes if c.change is not None), default=0.0)
    return [diverging_bar(c.label, c.change, limit, signed(c.change)) for c in changes]


# ---- "Skapa skräddarsydd kursomgång" ---------------------------------------------------------


@dataclass(frozen=True)
class ModuleChoiceRow:
    id: int
    label: str  # "Modulens titel (behov: regelverk, klarspråk)"
    suggested: bool


@dataclass(frozen=True)
class MadeCohortRow:
    id: int
    name: str
    course: str
    starts_on: str


def module_choice_rows(modules: Sequence[ModuleChoice]) -> list[ModuleChoiceRow]:
    return [
        ModuleChoiceRow(
            m.id,
            f"{m.title} (behov: {', '.join(m.matched)})" if m.matched else m.title,
            m.suggested,
        )
        for m in modules
    ]


def made_cohort_rows(made: Sequence[MadeCohort]) -> list[MadeCohortRow]:
    return [
        MadeCohortRow(c.cohort_id, c.name, c.course_title, c.starts_on.isoformat()) for c in made
    ]
