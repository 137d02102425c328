"""Scenarios as the rows the list, editor and player show: frozen dataclasses, no Reflex, no DB.

The practice log, role-play and follow-up rows are in `activity_view`.

Numbers stay numbers (the table right-aligns them); text is formatted the Swedish way here,
once, so every page shows the same thing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from academy.practice import images
from academy.practice.play import PlayResult, steps_left
from academy.practice.scenario import (
    CHANNELS,
    SCORE_MAX,
    SCORE_MIN,
    Scenario,
    errors,
    validate,
    warnings,
)
from academy.practice.scenario_map import node_svg_id
from academy.practice.scenarios import STATUS_LABELS, ScenarioRow
from academy.ui.bars import Bar, bars

CHANNEL_OPTIONS = [{"value": c, "label": c.capitalize()} for c in CHANNELS]
CHANNEL_PAIRS = [(c, c.capitalize()) for c in CHANNELS]
SCORE_PAIRS = [(str(s), f"{s:+d}") for s in range(SCORE_MAX, SCORE_MIN - 1, -1)]
STATUS_OPTIONS = [{"value": k, "label": v} for k, v in STATUS_LABELS.items()]


def scores_text(scores: dict[str, int], none: str = "–") -> str:
    return ", ".join(f"{d} {s:+d}" for d, s in scores.items() if s) or none


def options(pairs: Iterable[tuple[object, str]]) -> list[dict[str, str]]:
    return [{"value": str(value), "label": label} for value, label in pairs]


# ---- the scenario list ------------------------------------------------------------------------


@dataclass(frozen=True)
class ListRow:
    id: int
    title: str
    channel: str
    unit: str
    nodes: int
    status: str


def list_rows(rows: Iterable[ScenarioRow]) -> list[ListRow]:
    return [
        ListRow(r.id, r.title, r.channel, r.unit or "–", r.nodes, STATUS_LABELS[r.status])
        for r in rows
    ]


@dataclass(frozen=True)
class ImportPreview:
    title: str = ""
    channel: str = ""
    nodes: int = 0
    choices: int = 0
    ends: int = 0
    errors: int = 0
    warnings: int = 0


def import_preview(scenario: Scenario) -> ImportPreview:
    problems = validate(scenario)
    return ImportPreview(
        scenario.title or "(utan titel)",
        scenario.setting.channel or "(ingen kanal)",
        len(scenario.nodes),
        len(scenario.choices),
        sum(1 for n in scenario.nodes if n.is_end),
        len(errors(problems)),
        len(warnings(problems)),
    )


def problem_texts(scenario: Scenario) -> tuple[list[str], list[str]]:
    """The scenario's (errors, warnings) as messages: errors block publishing, warnings advise."""
    problems = validate(scenario)
    return [p.message for p in errors(problems)], [p.message for p in warnings(problems)]


# ---- the scenario editor ----------------------------------------------------------------------


def image_url(scenario_id: int, image: str | None) -> str:
    """The download route of a stored node image; "" for none (or a path only Twine knows)."""
    if not images.is_stored_name(image):
        return ""
    return f"/api/traning/scenarier/{scenario_id}/bilder/{image}"


@dataclass(frozen=True)
class NodeRow:
    id: str = ""
    row_id: str = ""
    text: str = ""
    kind: str = ""
    is_end: bool = False
    closing: str = ""
    choices: int = 0
    image_url: str = ""
    image_alt: str = ""


def node_rows(scenario: Scenario, scenario_id: int) -> list[NodeRow]:
    counts: dict[str, int] = {}
    for choice in scenario.choices:
        counts[choice.source] = counts.get(choice.source, 0) + 1
    return [
        NodeRow(
            n.id,
            "row-" + node_svg_id(n.id),
            n.text,
            "Start" if n.id == scenario.start else ("Slut" if n.is_end else "Situation"),
            n.is_end,
            n.closing,
            counts.get(n.id, 0),
            image_url(scenario_id, n.image),
            n.image_alt,
        )
        for n in scenario.nodes
    ]


@dataclass(frozen=True)
class ChoiceRow:
    id: str = ""
    dialog_id: str = ""
    source: str = ""
    target: str = ""
    text: str = ""
    feedback: str = ""
    scores: str = ""


def choice_rows(scenario: Scenario) -> list[ChoiceRow]:
    return [
        ChoiceRow(
            c.id,
            f"del-choice-{i}",
            c.source,
            c.target,
            c.text,
            c.feedback,
            scores_text(c.scores),
        )
        for i, c in enumerate(scenario.choices)
    ]


@dataclass(frozen=True)
class ScoreField:
    dimension: str
    field_id: str
    value: str


def score_fields(dimensions: Sequence[str], scores: dict[str, int]) -> list[ScoreField]:
    """One select per dimension in the choice form, named `score-<index>`."""
    return [ScoreField(d, f"score-{i}", str(scores.get(d, 0))) for i, d in enumerate(dimensions)]


@dataclass(frozen=True)
class DimensionRow:
    name: str
    field_id: str
    used: int


def dimension_rows(scenario: Scenario) -> list[DimensionRow]:
    return [
        DimensionRow(d, f"dimension-{i}", sum(1 for c in scenario.choices if c.scores.get(d)))
        for i, d in enumerate(scenario.dimensions)
    ]


def node_options(scenario: Scenario) -> list[dict[str, str]]:
    return options((n.id, f"{n.id}: {n.text[:60]}") for n in scenario.nodes)


# ---- the player -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    id: str
    text: str


@dataclass(frozen=True)
class Progress:
    text: str = ""  # "Svar 2 av 3–5"
    value: int = 0  # answers given
    maximum: int = 1  # answers on the longest way to an end from here (at least value + 1)


def progress(scenario: Scenario, result: PlayResult) -> Progress:
    """How far the learner has come: the answer they are at, of how many the rest may take."""
    done = len(result.choices)
    if result.reached_end:
        return Progress(f"Klart: {done} av {done} svar", done, max(done, 1))
    fewest, most = steps_left(scenario, result.current_node)
    if fewest is None:
        return Progress(f"Svar {done + 1}", done, done + 1)
    low = done + fewest
    if most is None:
        return Progress(f"Svar {done + 1} av minst {low}", done, low)
    high = done + most
    of = str(low) if low == high else f"{low}–{high}"
    return Progress(f"Svar {done + 1} av {of}", done, high)


@dataclass(frozen=True)
class StepRow:
    number: int
    situation: str
    answer: str
    feedback: str
    scores: str


@dataclass(frozen=True)
class SummaryRow:
    dimension: str
    total: str
    possible: str
    percent: str


def step_rows(scenario: Scenario, result: PlayResult) -> list[StepRow]:
    steps = zip(result.path[:-1], result.choices, strict=True)
    return [
        StepRow(
            i,
            node.text if (node := scenario.node(node_id)) else "",
            choice.text,
            choice.feedback,
            scores_text(choice.scores, "±0"),
        )
        for i, (node_id, choice) in enumerate(steps, start=1)
    ]


def summary_rows(scenario: Scenario, result: PlayResult) -> list[SummaryRow]:
    return [
        SummaryRow(
            d,
            f"{result.totals[d]:+d}",
            f"{result.worst_possible[d]:+d} till {result.best_possible[d]:+d}",
            f"{round(result.normalised[d] * 100)} %",
        )
        for d in scenario.dimensions
    ]


def summary_bars(scenario: Scenario, result: PlayResult) -> list[Bar]:
    """How close to the best possible answers the learner came, per dimension (0–100 %)."""
    return bars(
        (
            (d, result.normalised[d] * 100, f"{round(result.normalised[d] * 100)} %")
            for d in scenario.dimensions
        ),
        100,
    )
