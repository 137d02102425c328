"""Kontaktanalys: figures from real contact data (a contact centre's export).

The flow a service follows: `parse_contacts` (a file -> a validated, pseudonymised
`ContactTable`, or `ContactImportError` with every problem) -> `summarize`,
`first_line_ranking`, `compare_periods` (-> figures as frozen dataclasses). No database, no
Reflex: the caller stores the table's rows (`ContactTable.rows()` / `ContactTable.from_rows`).
"""

from journeys.contacts.figures import (
    MAX_GOAL_PERCENT,
    MAX_WINDOW_DAYS,
    MIN_GOAL_PERCENT,
    ContactSummary,
    FirstLineCandidate,
    GroupChange,
    GroupFigures,
    PeriodComparison,
    cli_figures,
    compare_periods,
    first_line_ranking,
    goal_percent_problem,
    iso_weeks,
    repeat_flags,
    summarize,
    window_days_problem,
)
from journeys.contacts.model import (
    COLUMNS,
    POOLED_LABEL,
    REQUIRED_COLUMNS,
    Contact,
    ContactImportError,
    ContactIssue,
    ContactTable,
)
from journeys.contacts.privacy import PersonalDataGuard, find_personal_data, pseudonymise
from journeys.contacts.reader import Progress, parse_contacts

__all__ = [
    "MAX_GOAL_PERCENT",
    "MAX_WINDOW_DAYS",
    "MIN_GOAL_PERCENT",
    "COLUMNS",
    "POOLED_LABEL",
    "REQUIRED_COLUMNS",
    "Contact",
    "ContactImportError",
    "ContactIssue",
    "ContactSummary",
    "ContactTable",
    "FirstLineCandidate",
    "GroupChange",
    "GroupFigures",
    "PeriodComparison",
    "PersonalDataGuard",
    "Progress",
    "cli_figures",
    "compare_periods",
    "find_personal_data",
    "first_line_ranking",
    "goal_percent_problem",
    "iso_weeks",
    "parse_contacts",
    "pseudonymise",
    "repeat_flags",
    "summarize",
    "window_days_problem",
]
