"""Pure aggregation of survey answers: distributions, ranked needs, first-contact gaps.

No database here; `academy.inventory.profile` loads answers and applies the anonymity rules.

How needs are scored (each topic sums the contributions of the questions and options that
carry it; a choice option's own topics are used, or the question's when it has none):

- confidence (likert, 5 = very sure): (5 − mean) / 4, so a mean of 1 gives 1.0 and 5 gives 0.
- difficulty, likert (5 = very hard): (mean − 1) / 4.
- difficulty, choice ("what makes contacts hard"): the share of respondents who chose the
  option, 0–1.
- volume (number per week, one question per channel): the channel's share of the summed mean
  volumes of all volume questions, 0–1, so the busiest channels weigh most.
- first_contact (single choice per errand kind; the option valued "could" means "not settled
  in the first contact today, but it could be"): half the share choosing "could".
- interest (multiple choice "what I want to learn"): half the share choosing the option.

Topics are ranked by total score, highest first (ties by name); each need keeps its reasons.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import mean
from typing import Any

from academy.inventory.templates import QuestionView, TemplateView

COULD = "could"  # first_contact option: not settled in the first contact today, but could be
INTEREST_WEIGHT = 0.5
FIRST_CONTACT_WEIGHT = 0.5


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    percent: float


@dataclass(frozen=True)
class QuestionResult:
    question_id: int
    section: str
    text: str
    kind: str
    answered: int
    bars: tuple[Bar, ...] = ()
    mean: float | None = None
    texts: tuple[str, ...] = ()  # free text, sorted so order says nothing about who wrote it


@dataclass(frozen=True)
class Need:
    topic: str
    score: float
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class FirstContactGap:
    errand: str
    could: int
    answered: int
    percent: float


def _pct(part: int, whole: int) -> float:
    return round(100.0 * part / whole, 1) if whole else 0.0


def _sv(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def question_result(section: str, question: QuestionView, values: list[Any]) -> QuestionResult:
    answered = len(values)
    base = {"question_id": question.id, "section": section, "text": question.text}
    if question.kind == "likert":
        counts = Counter(values)
        bars = tuple(
            Bar(f"{point} – {label}", counts[point], _pct(counts[point], answered))
            for point, label in enumerate(question.labels, 1)
        )
        avg = round(mean(values), 2) if values else None
        return QuestionResult(**base, kind="likert", answered=answered, bars=bars, mean=avg)
    if question.kind in ("single_choice", "multiple_choice"):
        counts = Counter(
            v for value in values for v in ([value] if isinstance(value, str) else value)
        )
        bars = tuple(
            Bar(o.label, counts[o.value], _pct(counts[o.value], answered)) for o in question.options
        )
        return QuestionResult(**base, kind=question.kind, answered=answered, bars=bars)
    if question.kind == "number":
        avg = round(mean(values), 2) if values else None
        return QuestionResult(**base, kind="number", answered=answered, mean=avg)
    texts = tuple(sorted((str(v) for v in values), key=str.lower))
    return QuestionResult(**base, kind="text", answered=answered, texts=texts)


def _values(answer_sets: Sequence[dict[str, Any]], question: QuestionView) -> list[Any]:
    key = str(question.id)
    return [answers[key] for answers in answer_sets if key in answers]


def distributions(
    template: TemplateView, answer_sets: Sequence[dict[str, Any]]
) -> list[QuestionResult]:
    return [
        question_result(section.title, question, _values(answer_sets, question))
        for section in template.sections
        for question in section.questions
    ]


def _option_topics(question: QuestionView, option) -> tuple[str, ...]:
    return option.topics or question.topics


def rank_needs(template: TemplateView, answer_sets: Sequence[dict[str, Any]]) -> list[Need]:
    scores: dict[str, float] = {}
    reasons: dict[str, list[str]] = {}

    def add(topics, amount: float, reason: str) -> None:
        if amount <= 0:
            return
        for topic in topics:
            scores[topic] = scores.get(topic, 0.0) + amount
            reasons.setdefault(topic, []).append(reason)

    questions = template.questions
    volumes = {}
    for q in questions:
        values = _values(answer_sets, q)
        if not values:
            continue
        if q.measure == "confidence" and q.kind == "likert":
            avg = mean(values)
            add(q.topics, (5 - avg) / 4, f"Låg självskattad säkerhet: {q.text} ({_sv(avg)} av 5)")
        elif q.measure == "difficulty" and q.kind == "likert":
            avg = mean(values)
            add(q.topics, (avg - 1) / 4, f"Upplevs svårt: {q.text} ({_sv(avg)} av 5)")
        elif q.measure in ("difficulty", "interest") and q.kind.endswith("choice"):
            counts = Counter(
                v for value in values for v in ([value] if isinstance(value, str) else value)
            )
            weight = 1.0 if q.measure == "difficulty" else INTEREST_WEIGHT
            label = "Upplevs svårt" if q.measure == "difficulty" else "Vill lära sig"
            for option in q.options:
                share = counts[option.value] / len(values)
                add(
                    _option_topics(q, option),
                    weight * share,
                    f"{label}: {option.label} ({_sv(100 * share)} %)",
                )
        elif q.measure == "volume" and q.kind == "number":
            volumes[q] = mean(values)
        elif q.measure == "first_contact" and q.kind == "single_choice":
            share = sum(1 for v in values if v == COULD) / len(values)
            add(
                q.topics,
                FIRST_CONTACT_WEIGHT * share,
                f"Kunde lösas i första kontakten: {q.text} ({_sv(100 * share)} %)",
            )
    total = sum(volumes.values())
    for q, avg in volumes.items():
        if total:
            add(
                q.topics,
                avg / total,
                f"Stor volym: {q.text} ({_sv(100 * avg / total)} % av kontakterna)",
            )
    ranked = [Need(t, round(s, 2), tuple(reasons[t])) for t, s in scores.items()]
    return sorted(ranked, key=lambda need: (-need.score, need.topic))


def first_contact_gaps(
    template: TemplateView, answer_sets: Sequence[dict[str, Any]]
) -> list[FirstContactGap]:
    """Errand kinds that could be settled in the first contact but are not, most often first."""
    gaps = []
    for q in template.questions:
        if q.measure != "first_contact" or q.kind != "single_choice":
            continue
        values = _values(answer_sets, q)
        could = sum(1 for v in values if v == COULD)
        if could:
            gaps.append(FirstContactGap(q.text, could, len(values), _pct(could, len(values))))
    return sorted(gaps, key=lambda gap: (-gap.percent, gap.errand))


def group_sizes(question: QuestionView, answer_sets: Sequence[dict[str, Any]]) -> dict[str, int]:
    """How many chose each option of a single-choice question; "" counts those who skipped."""
    key = str(question.id)
    sizes = {option.value: 0 for option in question.options} | {"": 0}
    for answers in answer_sets:
        sizes[answers.get(key, "")] = sizes.get(answers.get(key, ""), 0) + 1
    return sizes


def breakdown_allowed(sizes: dict[str, int], threshold: int) -> bool:
    """A question may split the respondents only if every group is empty or at least the
    threshold, so no combination of shown groups (or the whole minus one) isolates a few."""
    return all(size == 0 or size >= threshold for size in sizes.values())
