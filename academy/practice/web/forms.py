"""Träning's forms, parsed: a submitted form dict -> typed arguments for the services.

Pure (no Reflex, no DB). A value that cannot be read raises `ValidationError` naming its field,
so the page shows the message beside that field; the services check everything else.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date

from academy.core.errors import ValidationError
from academy.practice.scenario import Node, Scenario, Setting

Form = dict[str, str]


def _text(form: Form, name: str) -> str:
    return str(form.get(name, "") or "")


def positive_id(raw: str, message: str, field: str | None = None) -> int:
    raw = (raw or "").strip()
    if not raw.isdigit() or int(raw) <= 0:
        raise ValidationError(message, field=field)
    return int(raw)


# ---- scenarios --------------------------------------------------------------------------------


def new_scenario(form: Form) -> Scenario:
    """The "Nytt scenario" form: a scenario with its start node."""
    text = _text(form, "first_text").strip()
    if not text:
        raise ValidationError(
            "Skriv vad invånaren säger först. Inget har skapats.", field="first_text"
        )
    return Scenario(
        title=_text(form, "title").strip(),
        setting=Setting(_text(form, "channel"), _text(form, "situation").strip()),
        start="start",
        nodes=[Node("start", text)],
    )


def list_filter(form: Form) -> tuple[int | None, str]:
    """(unit id or None for all units, status or "" for all)."""
    unit = _text(form, "unit")
    return (int(unit) if unit.isdigit() else None), _text(form, "status")


@dataclass(frozen=True)
class SettingInput:
    title: str
    channel: str
    situation: str
    start: str
    journey_step: str


def setting(form: Form) -> SettingInput:
    return SettingInput(
        _text(form, "title"),
        _text(form, "channel"),
        _text(form, "situation"),
        _text(form, "start"),
        _text(form, "journey_step"),
    )


@dataclass(frozen=True)
class NodeInput:
    text: str
    is_end: bool
    closing: str


def node(form: Form) -> NodeInput:
    return NodeInput(_text(form, "text"), form.get("is_end") == "on", _text(form, "closing"))


@dataclass(frozen=True)
class ChoiceInput:
    source: str
    target: str
    text: str
    feedback: str
    scores: dict[str, int]


def choice(form: Form, dimensions: Sequence[str]) -> ChoiceInput:
    """The choice form; its score selects are named `score-<index of the dimension>`."""
    scores = {}
    for i, dimension in enumerate(dimensions):
        raw = _text(form, f"score-{i}").strip() or "0"
        try:
            scores[dimension] = int(raw)
        except ValueError:
            raise ValidationError(
                "Poängen ska vara heltal. Inget har sparats.", field=f"score-{i}"
            ) from None
    return ChoiceInput(
        _text(form, "source"),
        _text(form, "target"),
        _text(form, "text"),
        _text(form, "feedback"),
        scores,
    )


# ---- the practice log -------------------------------------------------------------------------


@dataclass(frozen=True)
class EntryInput:
    happened_on: date
    channel: str
    errand_kind: str
    tried: str
    outcome: str
    went_well: str
    do_differently: str

    def fields(self) -> dict:
        """The keyword arguments of practice_log.add_entry / update_entry."""
        return asdict(self)


def log_entry(form: Form) -> EntryInput:
    try:
        happened_on = date.fromisoformat(_text(form, "date").strip())
    except ValueError:
        raise ValidationError(
            "Ange datumet som ÅÅÅÅ-MM-DD. Inget har sparats.", field="date"
        ) from None
    return EntryInput(
        happened_on,
        _text(form, "channel"),
        _text(form, "errand_kind"),
        _text(form, "tried"),
        _text(form, "outcome"),
        _text(form, "went_well"),
        _text(form, "do_differently"),
    )


def entry_id(form: Form) -> int:
    return positive_id(_text(form, "entry_id"), "Loggposten finns inte.")


# ---- role-play --------------------------------------------------------------------------------


@dataclass(frozen=True)
class CardInput:
    title: str
    situation: str
    citizen_role: str
    employee_role: str
    practise: str
    statements: list[str]


def card(form: Form) -> CardInput:
    return CardInput(
        _text(form, "title"),
        _text(form, "situation"),
        _text(form, "citizen_role"),
        _text(form, "employee_role"),
        _text(form, "practise"),
        _text(form, "statements").splitlines(),
    )


def ratings(form: Form, statements: Sequence[str]) -> list[tuple[int, str]]:
    """(rating, comment) per checklist statement; every statement must be rated."""
    result = []
    for i, statement in enumerate(statements):
        raw = _text(form, f"rating-{i}")
        if not raw.isdigit():
            raise ValidationError(f"Bedöm ”{statement}”. Inget har sparats.", field=f"rating-{i}")
        result.append((int(raw), _text(form, f"comment-{i}")))
    return result


def participant(form: Form) -> int:
    return positive_id(
        _text(form, "participant"), "Välj en deltagare i kursomgången.", "participant"
    )


# ---- follow-up --------------------------------------------------------------------------------


def followup_choice(form: Form) -> tuple[int, int]:
    """(cohort id, scenario id) from the follow-up form."""
    message = "Välj kursomgång och scenario."
    cohort, scenario = _text(form, "cohort"), _text(form, "scenario")
    return positive_id(cohort, message, "cohort"), positive_id(scenario, message, "scenario")
