"""Tables as CSV (UTF-8 with BOM, semicolons, for Swedish Excel) and XLSX downloads.

A cell that starts with `=`, `+`, `-` or `@` is written as text (a leading apostrophe), in the
header row as well, so a title such as `=HYPERLINK(…)` never becomes a live formula.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime
from typing import Any

from openpyxl import Workbook

Table = tuple[list[str], list[list[Any]]]


def safe_text(value: str) -> str:
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, int):
        return str(value)
    return safe_text(str(value))


def to_csv(table: Table) -> bytes:
    header, rows = table
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([_csv_cell(h) for h in header])
    writer.writerows([_csv_cell(v) for v in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def to_xlsx(table: Table, sheet_title: str) -> bytes:
    header, rows = table
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_title[:31]
    sheet.append([safe_text(str(h)) for h in header])
    for row in rows:
        sheet.append([safe_text(v) if isinstance(v, str) else v for v in row])
    for column in sheet.columns:
        width = max(len(str(cell.value or "")) for cell in column)
        sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 10), 60)
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
