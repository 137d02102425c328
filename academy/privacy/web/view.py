"""Pure: the statement and retention settings -> what the public pages show."""

from __future__ import annotations

from dataclasses import dataclass

from academy.core.settings import Retention
from academy.privacy.statement import Statement


@dataclass(frozen=True)
class StatementView:
    organisation: str = ""
    service: str = ""
    compliance: str = "delvis"
    compliance_label: str = ""
    gaps: tuple[str, ...] = ()
    assessment: tuple[str, ...] = ()
    assessed_on: str = ""
    feedback: tuple[str, ...] = ()
    updated_on: str = ""
    # The form's starting values (the same texts, unsplit).
    gaps_text: str = ""
    assessment_text: str = ""
    feedback_text: str = ""


def paragraphs(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split("\n\n") if part.strip())


def statement_view(statement: Statement) -> StatementView:
    return StatementView(
        organisation=statement.organisation,
        service=statement.service,
        compliance=statement.compliance,
        compliance_label=statement.compliance_label,
        gaps=paragraphs(statement.gaps),
        assessment=paragraphs(statement.assessment),
        assessed_on=statement.assessed_on or "inte angivet",
        feedback=paragraphs(statement.feedback),
        updated_on=statement.updated_on or "inte sparad ännu (standardtext)",
        gaps_text=statement.gaps,
        assessment_text=statement.assessment,
        feedback_text=statement.feedback,
    )


@dataclass(frozen=True)
class RetentionRow:
    what: str
    kept: str


def _time(value: int, unit: str) -> str:
    return f"{value} {unit}" if value else "tills någon tar bort det"


def retention_rows(keep: Retention) -> list[RetentionRow]:
    return [
        RetentionRow(
            "Träningsloggens poster, med återkoppling", _time(keep.practice_log_months, "månader")
        ),
        RetentionRow(
            "Inloggningar (efter senaste aktivitet)", _time(keep.login_sessions_days, "dagar")
        ),
        RetentionRow("Händelseloggen", _time(keep.audit_months, "månader")),
        RetentionRow(
            "Enkätsvar som aldrig skickades in", _time(keep.survey_drafts_months, "månader")
        ),
    ]
