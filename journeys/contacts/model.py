"""The contact table: validated contacts in columns, and the errors that refuse a file.

A table is columnar (one list per column) so that a year of contacts (hundreds of thousands of
rows) stays small in memory and the figures can count with C-speed `zip`/`Counter` passes.
`Contact` is the row view, for storage and for building a table back from stored rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from itertools import compress
from typing import NamedTuple

# The file's columns, by their Swedish headers, in the order the CLI and the generator write them.
COLUMNS = (
    "tidpunkt",
    "kanal",
    "språk",
    "knappval",
    "kategori",
    "löst_direkt",
    "överlämnad_till",
    "efterfrågan",
    "orsak",
    "kontakt",
)
REQUIRED_COLUMNS = ("tidpunkt", "kanal", "språk", "kategori", "löst_direkt")

VALUE_DEMAND = "värde"
FAILURE_DEMAND = "svikt"
POOLED_LABEL = "Övrigt"


class Contact(NamedTuple):
    """One validated contact. `caller` is the keyed hash of the caller key, never the raw value."""

    timestamp: datetime
    channel: str
    language: str
    ivr_choice: str | None
    category: str
    resolved: bool  # löst_direkt: settled in the first contact
    handed_over_to: str | None
    demand: str | None  # "värde", "svikt" or None when not classified
    reason: str | None  # orsak: the failure-demand reason
    caller: str | None


@dataclass(frozen=True, eq=False)
class ContactTable:
    """Validated contacts, one list per column (all lists have the same length)."""

    timestamps: list[datetime]
    channels: list[str]
    languages: list[str]
    ivr_choices: list[str | None]
    categories: list[str]
    resolved: list[bool]
    handed_over_to: list[str | None]
    demand: list[str | None]
    reasons: list[str | None]
    callers: list[str | None]
    # Headers in the file that were not read (staff columns and unknown columns), for the UI.
    ignored_columns: tuple[str, ...] = field(default=())

    def __len__(self) -> int:
        return len(self.timestamps)

    def rows(self) -> Iterator[Contact]:
        """The contacts one by one, e.g. for storing them."""
        return map(Contact._make, zip(*self._columns(), strict=True))

    @classmethod
    def from_rows(cls, rows: Iterable[Contact]) -> ContactTable:
        """A table from contacts, e.g. read back from storage (already validated and hashed)."""
        columns: list[list] = [[] for _ in Contact._fields]
        appenders = [column.append for column in columns]
        for row in rows:
            for append, value in zip(appenders, row, strict=True):
                append(value)
        return cls(*columns)

    @classmethod
    def empty(cls) -> ContactTable:
        return cls(*([] for _ in Contact._fields))

    def where(self, keep: Iterable[bool]) -> ContactTable:
        """The contacts whose flag in `keep` is true (same order)."""
        flags = list(keep)
        return ContactTable(
            *(list(compress(column, flags)) for column in self._columns()),
            ignored_columns=self.ignored_columns,
        )

    def between(self, start: datetime | None = None, end: datetime | None = None) -> ContactTable:
        """The contacts with start <= tidpunkt < end (a period; either bound may be open)."""
        return self.where(
            (start is None or ts >= start) and (end is None or ts < end) for ts in self.timestamps
        )

    def filter(self, predicate: Callable[[Contact], bool]) -> ContactTable:
        return ContactTable.from_rows(row for row in self.rows() if predicate(row))

    @property
    def first(self) -> datetime | None:
        return min(self.timestamps) if self.timestamps else None

    @property
    def last(self) -> datetime | None:
        return max(self.timestamps) if self.timestamps else None

    def _columns(self) -> tuple[list, ...]:
        return (
            self.timestamps,
            self.channels,
            self.languages,
            self.ivr_choices,
            self.categories,
            self.resolved,
            self.handed_over_to,
            self.demand,
            self.reasons,
            self.callers,
        )


@dataclass(frozen=True)
class ContactIssue:
    """One problem in a contacts file. `row` is the row as a spreadsheet numbers it (the header
    is row 1), `column` the header as written in the file; either is None for file-level
    problems. The message is Swedish and never contains a caller key or detected personal data."""

    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        if self.row is not None and self.column is not None:
            return f"Rad {self.row}, kolumn {self.column}: {self.message}"
        if self.row is not None:
            return f"Rad {self.row}: {self.message}"
        if self.column is not None:
            return f"Kolumn {self.column}: {self.message}"
        return self.message


class ContactImportError(ValueError):
    """The file was refused; nothing was imported. `issues` holds at most the import's
    `max_errors` problems and `more` counts the ones left out."""

    def __init__(self, issues: list[ContactIssue], more: int = 0) -> None:
        self.issues = list(issues)
        self.more = more
        super().__init__(self.text())

    @property
    def total(self) -> int:
        return len(self.issues) + self.more

    def text(self) -> str:
        lines = [str(issue) for issue in self.issues]
        if self.more:
            lines.append(f"… och {self.more} fel till.")
        return "\n".join(lines)
