"""The header row of a contacts file, for the import preview (map other headers to ours).

Pure: bytes in, headers out; the engine (journeys.contacts.parse_contacts) reads the rows.
"""

from __future__ import annotations

import csv
import io

from academy.core.settings import UPLOADS
from academy.core.uploads import size_text
from journeys.contacts import COLUMNS
from journeys.contacts.reader import normalise_header

# The same limit on every path a file can come by (upload, form, service).
MAX_FILE_BYTES = UPLOADS.contacts_file
MAX_FILE_TEXT = size_text(MAX_FILE_BYTES)


def read_headers(data: bytes) -> list[str]:
    """The first row's headers (CSV in UTF-8 or Windows-1252, `;` or `,`; or XLSX). Empty when
    the file has no readable header row."""
    if data[:4] == b"PK\x03\x04":
        return _xlsx_headers(data)
    first = data.split(b"\n", 1)[0]
    try:
        line = first.decode("utf-8-sig")
    except UnicodeDecodeError:
        line = first.decode("cp1252", errors="replace")
    delimiter = ";" if line.count(";") >= line.count(",") and ";" in line else ","
    row = next(csv.reader([line.rstrip("\r")], delimiter=delimiter), [])
    return [cell.strip() for cell in row]


def _xlsx_headers(data: bytes) -> list[str]:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # a broken archive: the import itself reports it
        return []
    try:
        for row in workbook.worksheets[0].iter_rows(max_row=1, values_only=True):
            return ["" if cell is None else str(cell).strip() for cell in row]
        return []
    finally:
        workbook.close()


def known_column(header: str) -> str:
    """Our column name for a header the engine recognises by itself, or ""."""
    name = normalise_header(header)
    return name if name in COLUMNS else ""
