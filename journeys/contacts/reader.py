"""Reading a contacts file (CSV or XLSX) into a validated `ContactTable`.

Every row is validated before anything is returned: the problems are collected (up to
`max_errors`, with a count of the rest) and raised together as one `ContactImportError`.
Nothing partial is ever returned.

CSV: UTF-8 (with or without BOM) or Windows-1252, `;` or `,` as separator (the header line
decides). XLSX: the first sheet, header in row 1. Rows are numbered as a spreadsheet numbers them:
the header is row 1 and the first contact row 2.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from itertools import chain
from pathlib import Path
from typing import IO, Any

from journeys.contacts.model import (
    COLUMNS,
    FAILURE_DEMAND,
    REQUIRED_COLUMNS,
    VALUE_DEMAND,
    ContactImportError,
    ContactIssue,
    ContactTable,
)
from journeys.contacts.privacy import (
    PersonalDataGuard,
    find_personal_data,
    is_staff_column,
    pseudonymiser,
    secret_bytes,
)

# progress(rows_read, fraction_of_file_read or None when unknown)
Progress = Callable[[int, float | None], None]
Source = str | os.PathLike[str] | bytes | IO[bytes]

PROGRESS_EVERY = 20_000
MAX_LENGTH = {
    "kanal": 40,
    "språk": 40,
    "knappval": 40,
    "kategori": 100,
    "överlämnad_till": 100,
    "orsak": 200,
    "kontakt": 200,
}
# Free-text columns that the personal-data guard checks (each distinct value once).
GUARDED_COLUMNS = ("kategori", "överlämnad_till", "orsak")

_ASCII_HEADERS = {
    "sprak": "språk",
    "lost_direkt": "löst_direkt",
    "overlamnad_till": "överlämnad_till",
    "efterfragan": "efterfrågan",
}
_CHANNEL_ALIASES = {
    "tel": "telefon",
    "telefoni": "telefon",
    "besok": "besök",
    "epost": "e-post",
    "e-mail": "e-post",
    "email": "e-post",
    "mejl": "e-post",
    "mail": "e-post",
    "chat": "chatt",
    "etjänst": "e-tjänst",
    "e-tjanst": "e-tjänst",
    "etjanst": "e-tjänst",
}
_YES_NO = {
    "ja": True,
    "j": True,
    "yes": True,
    "1": True,
    "sant": True,
    "true": True,
    "nej": False,
    "n": False,
    "no": False,
    "0": False,
    "falskt": False,
    "false": False,
}
_DEMAND = {
    "värde": VALUE_DEMAND,
    "varde": VALUE_DEMAND,
    "värdeefterfrågan": VALUE_DEMAND,
    "value": VALUE_DEMAND,
    "svikt": FAILURE_DEMAND,
    "sviktande": FAILURE_DEMAND,
    "sviktande efterfrågan": FAILURE_DEMAND,
    "failure": FAILURE_DEMAND,
}
_TIMESTAMP_HINT = "är inte ett datum och klockslag (ÅÅÅÅ-MM-DD TT:MM)."


class _Invalid(Exception):
    """A cell's value was refused; the message is Swedish and may quote the value safely."""


@dataclass
class _Plan:
    index: dict[str, int]  # canonical column -> position in the row
    label: dict[str, str]  # canonical column -> how the file names it (for messages)
    width: int
    ignored: tuple[str, ...]


def normalise_header(header: str) -> str:
    text = " ".join(str(header).replace("\ufeff", "").split()).casefold()
    text = text.replace(" ", "_").replace("-", "_")
    return _ASCII_HEADERS.get(text, text)


def parse_contacts(
    source: Source,
    *,
    secret: bytes | str,
    header_map: dict[str, str] | None = None,
    guard: PersonalDataGuard | None = None,
    progress: Progress | None = None,
    max_errors: int = 50,
) -> ContactTable:
    """Read and validate a contacts file; return the table or raise `ContactImportError`.

    `source`: a path, the file's bytes, or a binary file object. XLSX is recognised by its
    content (a zip archive); anything else is read as CSV.
    `secret`: the key of the HMAC that replaces `kontakt` (at least 16 bytes).
    `header_map`: the file's own headers -> the Swedish column names (e.g. {"Datum": "tidpunkt"}).
    `guard`: a personal-data check for free text (default: the built-in one).
    `progress`: called every 20,000 rows and at the end with (rows read, share of the file read).
    """
    key = secret_bytes(secret)
    mapping = _checked_header_map(header_map or {})
    data = _open(source)
    try:
        if data.read(4) == b"PK\x03\x04":
            data.seek(0)
            return _parse_xlsx(data, key, mapping, guard, progress, max_errors)
        data.seek(0)
        size = _size(data)
        try:
            return _parse_csv(data, "utf-8-sig", size, key, mapping, guard, progress, max_errors)
        except UnicodeDecodeError:
            data.seek(0)
            _refuse_broken_utf8(data)
            data.seek(0)
            try:
                return _parse_csv(data, "cp1252", size, key, mapping, guard, progress, max_errors)
            except UnicodeDecodeError:
                message = "Filen kunde inte läsas: den är varken UTF-8 eller Windows-1252."
                raise ContactImportError([ContactIssue(None, None, message)]) from None
    finally:
        if not isinstance(source, io.IOBase | bytes | bytearray):
            data.close()


def _refuse_broken_utf8(data: IO[bytes]) -> None:
    """A file whose header is UTF-8 with å/ä/ö but that has a broken byte further down is a
    damaged UTF-8 file, not a Windows-1252 one: reading it as Windows-1252 would garble every
    å/ä/ö, so it is refused with the (line) number of the first broken row."""
    header = data.readline()
    if header.isascii():
        return
    try:
        header.decode("utf-8")
    except UnicodeDecodeError:
        return
    for number, line in enumerate(data, start=2):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            message = (
                "tecknen går inte att läsa: filen är sparad som UTF-8 men har ett trasigt "
                "tecken här. Spara om filen som UTF-8 och försök igen."
            )
            raise ContactImportError([ContactIssue(number, None, message)]) from None


def _checked_header_map(header_map: dict[str, str]) -> dict[str, str]:
    mapping = {}
    for header, column in header_map.items():
        target = normalise_header(column)
        if target not in COLUMNS:
            known = ", ".join(COLUMNS)
            message = f"Okänd kolumn ”{column}” i kolumnmappningen. Kända kolumner: {known}."
            raise ContactImportError([ContactIssue(None, None, message)])
        mapping[normalise_header(header)] = target
    return mapping


def _open(source: Source) -> IO[bytes]:
    if isinstance(source, bytes | bytearray):
        return io.BytesIO(source)
    if isinstance(source, str | os.PathLike):
        try:
            return open(Path(source), "rb")  # noqa: SIM115  # closed by parse_contacts
        except OSError as error:
            message = f"Filen {Path(source).name} kunde inte öppnas ({error.strerror})."
            raise ContactImportError([ContactIssue(None, None, message)]) from None
    if not source.seekable():
        return io.BytesIO(source.read())
    return source


def _size(data: IO[bytes]) -> int | None:
    try:
        end = data.seek(0, os.SEEK_END)
        data.seek(0)
        return end or None
    except OSError:
        return None


def _parse_csv(
    data: IO[bytes],
    encoding: str,
    size: int | None,
    key: bytes,
    mapping: dict[str, str],
    guard: PersonalDataGuard | None,
    progress: Progress | None,
    max_errors: int,
) -> ContactTable:
    # The decoder stays strict: a byte sequence that is not UTF-8 restarts the read as cp1252.
    text = io.TextIOWrapper(data, encoding=encoding, errors="strict", newline="")
    try:
        first = text.readline()
        if not first.strip():
            raise ContactImportError([ContactIssue(None, None, "Filen är tom.")])
        delimiter = ";" if first.count(";") >= first.count(",") and ";" in first else ","
        reader = csv.reader(chain([first], text), delimiter=delimiter)
        header = next(reader)
        where = None
        if size and progress is not None:
            buffer = data

            def where() -> float:
                return min(1.0, buffer.tell() / size)

        return _consume(header, reader, key, mapping, guard, progress, where, max_errors)
    finally:
        text.detach()


def _parse_xlsx(
    data: IO[bytes],
    key: bytes,
    mapping: dict[str, str],
    guard: PersonalDataGuard | None,
    progress: Progress | None,
    max_errors: int,
) -> ContactTable:
    import openpyxl  # only when an XLSX file comes

    try:
        workbook = openpyxl.load_workbook(data, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a broken archive
        message = "Filen kunde inte läsas som en Excel-fil (XLSX)."
        raise ContactImportError([ContactIssue(None, None, message)]) from None
    try:
        sheet = workbook.worksheets[0]
        total = sheet.max_row
        rows = (_cells(row) for row in sheet.iter_rows(values_only=True))
        try:
            header = next(rows)
        except StopIteration:
            raise ContactImportError([ContactIssue(None, None, "Filen är tom.")]) from None
        where = None
        if total and progress is not None:
            counter = _RowCounter(rows, total)
            rows, where = counter, counter.fraction
        return _consume(header, rows, key, mapping, guard, progress, where, max_errors)
    finally:
        workbook.close()


class _RowCounter:
    def __init__(self, rows: Iterator[list[Any]], total: int) -> None:
        self.rows, self.total, self.seen = rows, total, 1

    def __iter__(self) -> Iterator[list[Any]]:
        for row in self.rows:
            self.seen += 1
            yield row

    def fraction(self) -> float:
        return min(1.0, self.seen / self.total)


def _cells(row: tuple[Any, ...]) -> list[Any]:
    return [_cell(value) for value in row]


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, datetime):  # a date cell: read like the text a CSV would hold
        return value.replace(tzinfo=None).isoformat(sep=" ")
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _plan(header: list[Any], mapping: dict[str, str]) -> tuple[_Plan, list[ContactIssue]]:
    index: dict[str, int] = {}
    label: dict[str, str] = {}
    ignored: list[str] = []
    issues: list[ContactIssue] = []
    for position, cell in enumerate(header):
        written = " ".join(str(cell).replace("\ufeff", "").split())
        name = normalise_header(written)
        if not name:
            continue
        if is_staff_column(name):
            ignored.append(written)  # staff columns are never read, even when mapped
            continue
        column = mapping.get(name, name)
        if column not in COLUMNS:
            ignored.append(written)
            continue
        if column in index:
            message = (
                f"Kolumnen {column} finns två gånger "
                f"(kolumn {index[column] + 1} och {position + 1})."
            )
            issues.append(ContactIssue(1, None, message))
            continue
        index[column] = position
        label[column] = written if normalise_header(written) == column else f"{written} ({column})"
    for column in REQUIRED_COLUMNS:
        if column not in index:
            message = f"Kolumnen {column} saknas i rubrikraden."
            if mapping:
                message += " Kontrollera kolumnmappningen."
            issues.append(ContactIssue(1, None, message))
    return _Plan(index, label, len(header), tuple(ignored)), issues


def _quote(value: str) -> str:
    """The value for an error message: shortened, and never if it looks like personal data."""
    if find_personal_data(value):
        return "värdet"
    shown = value if len(value) <= 40 else value[:39] + "…"
    return f"”{shown}”"


def _consume(
    header: list[Any],
    rows: Iterable[list[Any]],
    key: bytes,
    mapping: dict[str, str],
    guard: PersonalDataGuard | None,
    progress: Progress | None,
    where: Callable[[], float] | None,
    max_errors: int,
) -> ContactTable:
    plan, issues = _plan(header, mapping)
    if issues:
        raise ContactImportError(issues[:max_errors], max(0, len(issues) - max_errors))
    check = guard or find_personal_data
    width = plan.width
    col = plan.index
    absent = width  # rows are padded with one empty cell that absent columns point at
    i_ts = col["tidpunkt"]
    i_channel = col["kanal"]
    i_lang = col["språk"]
    i_ivr = col.get("knappval", absent)
    i_cat = col["kategori"]
    i_resolved = col["löst_direkt"]
    i_handed = col.get("överlämnad_till", absent)
    i_demand = col.get("efterfrågan", absent)
    i_reason = col.get("orsak", absent)
    i_caller = col.get("kontakt", absent)
    label = plan.label

    timestamps: list[datetime] = []
    channels: list[str] = []
    languages: list[str] = []
    ivr_choices: list[str | None] = []
    categories: list[str] = []
    resolved: list[bool] = []
    handed: list[str | None] = []
    demand: list[str | None] = []
    reasons: list[str | None] = []
    callers: list[str | None] = []

    # One cache per column: raw cell -> validated value. Refused cells go to `rejected`, so a
    # cache hit needs no check; each distinct value is converted (and guarded) only once.
    caches: dict[str, dict[Any, Any]] = {name: {} for name in COLUMNS}
    c_channel, c_lang, c_ivr = caches["kanal"], caches["språk"], caches["knappval"]
    c_cat, c_resolved = caches["kategori"], caches["löst_direkt"]
    c_handed = caches["överlämnad_till"]
    c_demand, c_reason = caches["efterfrågan"], caches["orsak"]
    interned: dict[str, str] = {}
    fromiso = datetime.fromisoformat
    hash_caller = pseudonymiser(key)
    missing = object()

    errors: list[ContactIssue] = []
    error_count = 0
    rownum = 1
    padding = [""]  # absent optional columns point here

    rejected: dict[tuple[str, Any], _Invalid] = {}

    def convert(column: str, raw: Any, cache: dict[Any, Any]) -> Any:
        invalid = rejected.get((column, raw))
        if invalid is not None:
            return invalid
        try:
            value = _CONVERTERS[column](raw, check)
        except _Invalid as error:
            rejected[column, raw] = error
            return error
        cache[raw] = value
        return value

    add_ts, add_channel, add_language = timestamps.append, channels.append, languages.append
    add_ivr, add_category, add_resolved = ivr_choices.append, categories.append, resolved.append
    add_handed, add_demand, add_reason = handed.append, demand.append, reasons.append
    add_caller = callers.append
    intern = interned.setdefault
    pad = absent in (i_ivr, i_handed, i_demand, i_reason, i_caller)

    for record in rows:
        rownum += 1
        if len(record) != width:
            if not any(record):
                continue  # a blank line
            record = (record + [""] * (width - len(record)))[:width]
        if pad:
            record = record + padding
        bad = False

        raw = record[i_ts]
        try:
            ts = fromiso(raw)
            if len(raw) < 16 or ts.tzinfo is not None:
                raise ValueError(raw)  # no clock time, or an offset: the careful path decides
        except ValueError:
            if not any(record):
                continue
            try:
                ts = _timestamp(raw)
            except _Invalid as invalid:
                ts, bad = invalid, True

        # Each cache holds valid values only, so a hit needs no further check.
        raw = record[i_channel]
        channel = c_channel.get(raw, missing)
        if channel is missing:
            channel = convert("kanal", raw, c_channel)
            bad = bad or channel.__class__ is _Invalid
        raw = record[i_lang]
        language = c_lang.get(raw, missing)
        if language is missing:
            language = convert("språk", raw, c_lang)
            bad = bad or language.__class__ is _Invalid
        raw = record[i_ivr]
        ivr = c_ivr.get(raw, missing)
        if ivr is missing:
            ivr = convert("knappval", raw, c_ivr)
            bad = bad or ivr.__class__ is _Invalid
        raw = record[i_cat]
        category = c_cat.get(raw, missing)
        if category is missing:
            category = convert("kategori", raw, c_cat)
            bad = bad or category.__class__ is _Invalid
        raw = record[i_resolved]
        settled = c_resolved.get(raw, missing)
        if settled is missing:
            settled = convert("löst_direkt", raw, c_resolved)
            bad = bad or settled.__class__ is _Invalid
        raw = record[i_handed]
        to = c_handed.get(raw, missing)
        if to is missing:
            to = convert("överlämnad_till", raw, c_handed)
            bad = bad or to.__class__ is _Invalid
        raw = record[i_demand]
        kind = c_demand.get(raw, missing)
        if kind is missing:
            kind = convert("efterfrågan", raw, c_demand)
            bad = bad or kind.__class__ is _Invalid
        raw = record[i_reason]
        reason = c_reason.get(raw, missing)
        if reason is missing:
            reason = convert("orsak", raw, c_reason)
            bad = bad or reason.__class__ is _Invalid
        raw = record[i_caller]
        if not raw:
            caller = None
        elif len(raw) > MAX_LENGTH["kontakt"]:
            caller, bad = _Invalid("är för långt (högst 200 tecken); värdet visas inte."), True
        else:
            caller = hash_caller(raw)
            if caller is not None:
                caller = intern(caller, caller)

        if bad:
            values = (ts, channel, language, ivr, category, settled, to, kind, reason, caller)
            for column, value in zip(COLUMNS, values, strict=True):
                if value.__class__ is _Invalid:
                    error_count += 1
                    if len(errors) < max_errors:
                        errors.append(ContactIssue(rownum, label[column], str(value)))
        elif not error_count:
            add_ts(ts)
            add_channel(channel)
            add_language(language)
            add_ivr(ivr)
            add_category(category)
            add_resolved(settled)
            add_handed(to)
            add_demand(kind)
            add_reason(reason)
            add_caller(caller)
        if progress is not None and rownum % PROGRESS_EVERY == 0:
            progress(rownum - 1, where() if where else None)

    if progress is not None:
        progress(rownum - 1, 1.0)
    if error_count:
        raise ContactImportError(errors, error_count - len(errors))
    if not timestamps:
        raise ContactImportError([ContactIssue(None, None, "Filen innehåller inga kontakter.")])
    return ContactTable(
        timestamps,
        channels,
        languages,
        ivr_choices,
        categories,
        resolved,
        handed,
        demand,
        reasons,
        callers,
        ignored_columns=plan.ignored,
    )


def _timestamp(raw: str) -> datetime:
    text = raw.strip()
    if not text:
        raise _Invalid("saknas: ange datum och klockslag (ÅÅÅÅ-MM-DD TT:MM).")
    try:
        if len(text) < 16 or text[4] != "-":
            raise ValueError(text)
        value = datetime.fromisoformat(text)
    except ValueError:
        raise _Invalid(f"{_quote(text)} {_TIMESTAMP_HINT}") from None
    return value.replace(tzinfo=None)  # an offset is dropped: times are local clock times


def _required_text(column: str) -> Callable[[Any, PersonalDataGuard], str]:
    def convert(raw: Any, check: PersonalDataGuard) -> str:
        value = _optional(column, raw, check)
        if value is None:
            raise _Invalid("saknas: fältet måste fyllas i.")
        return value

    return convert


def _optional_text(column: str) -> Callable[[Any, PersonalDataGuard], str | None]:
    return lambda raw, check: _optional(column, raw, check)


def _optional(column: str, raw: Any, check: PersonalDataGuard) -> str | None:
    value = " ".join(str(raw).split())
    if not value:
        return None
    if column in GUARDED_COLUMNS:
        found = check(value)
        if found:
            kind = found if isinstance(found, str) else "personuppgifter"
            raise _Invalid(
                f"texten ser ut att innehålla {kind}. "
                "Ta bort personuppgifter ur filen och försök igen."
            )
    limit = MAX_LENGTH[column]
    if len(value) > limit:
        raise _Invalid(f"{_quote(value)} är för långt (högst {limit} tecken).")
    return value


def _channel(raw: Any, check: PersonalDataGuard) -> str:
    value = _required_text("kanal")(raw, check).lower()
    return _CHANNEL_ALIASES.get(value, value)


def _language(raw: Any, check: PersonalDataGuard) -> str:
    return _required_text("språk")(raw, check).lower()


def _yes_no(raw: Any, check: PersonalDataGuard) -> bool:
    value = str(raw).strip()
    if not value:
        raise _Invalid("saknas: ange ja eller nej.")
    answer = _YES_NO.get(value.lower())
    if answer is None:
        raise _Invalid(f"{_quote(value)} är inte ja eller nej.")
    return answer


def _demand(raw: Any, check: PersonalDataGuard) -> str | None:
    value = " ".join(str(raw).split())
    if not value:
        return None
    kind = _DEMAND.get(value.lower())
    if kind is None:
        raise _Invalid(f"{_quote(value)} är inte värde eller svikt.")
    return kind


_CONVERTERS: dict[str, Callable[[Any, PersonalDataGuard], Any]] = {
    "kanal": _channel,
    "språk": _language,
    "knappval": _optional_text("knappval"),
    "kategori": _required_text("kategori"),
    "löst_direkt": _yes_no,
    "överlämnad_till": _optional_text("överlämnad_till"),
    "efterfrågan": _demand,
    "orsak": _optional_text("orsak"),
}
