"""Spotting personal data in free text before it is stored (e.g. in the practice log).

Detected: Swedish personnummer and samordningsnummer, e-mail addresses and Swedish phone numbers.
Names and street addresses are not detected; the UI should still remind people not to write them.

Trade-offs, chosen to avoid nagging about ordinary text:

- Personnummer/samordningsnummer: 10 digits (YYMMDD-NNNC, ``-``/``+``/no separator) or 12 digits
  (YYYYMMDD-NNNC). The hyphen may be any dash (autocorrect turns ``-`` into ``–``) with spaces
  around it (``19811218 - 9876``). Flagged only with a real calendar date (samordningsnummer:
  day + 60) and a valid Luhn check digit, so dates (2024-05-12), case numbers
  (Dnr 2024-000123) and random digit runs are left alone. A personnummer written with spaces
  between its digit groups (``811218 98 76``) is not detected.
- A 10-digit run without separator that starts with ``07`` is reported as a phone number (mobile
  prefix) even if it also passes as a personnummer; either way it is flagged.
- Phone numbers must start with ``0``, ``+46`` or ``0046`` and have 7–9 digits after that prefix,
  grouped by single spaces, hyphens or dashes (also with spaces around: ``070 – 123 45 67``), or
  by dots alone (``070.123.45.67``; only dots, so a time span such as ``08.30–09.15`` is not a
  number). Amounts (12 500 kr) never start with 0; a number directly after a dash, ``/``,
  ``.`` or ``,`` is skipped so date parts (2024-05-12) and case numbers are not matched.
  A date written with spaces as ``01 02 2024`` would be flagged; Swedish text rarely uses it.
- E-mail addresses also when written to fool a filter: ``anna(at)exempel.se``,
  ``anna [at] exempel [dot] se``, ``anna @ exempel.se``.
- Messages name the kind and position, never the number itself, so they can be shown or logged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

Kind = Literal["personnummer", "samordningsnummer", "e-postadress", "telefonnummer"]

_ARTICLE = {
    "personnummer": ("ett", "det"),
    "samordningsnummer": ("ett", "det"),
    "e-postadress": ("en", "den"),
    "telefonnummer": ("ett", "det"),
}

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"  # ‐ ‑ ‒ – — ― − (autocorrected "-")
_AT = r"(?:\s*@\s*|\s*[(\[{]\s*(?:at|snabel-a)\s*[)\]}]\s*)"
_DOT = r"(?:\.|\s*[(\[{]\s*(?:dot|punkt)\s*[)\]}]\s*)"
_EMAIL = re.compile(
    rf"[\w.+-]+{_AT}[\w-]+(?:{_DOT}[\w-]+)*{_DOT}[A-Za-z]{{2,}}(?![\w-])", re.IGNORECASE
)
_ID_NUMBER = re.compile(
    rf"(?<![\w+\-{_DASHES}])(\d{{2}})?(\d{{2}})(\d{{2}})(\d{{2}})"
    rf"((?:\s?[-+{_DASHES}]\s?)?)(\d{{4}})(?!\d)"
)
_BEFORE_PHONE = rf"(?<![\w+\-/.,{_DASHES}])"
_PHONE_PREFIX = r"(?:(?:\+46|0046)[ -]?(?:\(0\)[ -]?)?|0)"
_PHONE = re.compile(
    rf"{_BEFORE_PHONE}{_PHONE_PREFIX}[1-9](?:(?:[ -]|\s?[{_DASHES}]\s?)?\d){{6,8}}(?!\d)"
)
_DOTTED_PHONE = re.compile(rf"{_BEFORE_PHONE}{_PHONE_PREFIX}[1-9](?:\.?\d){{6,8}}(?![\d.]\d)")


@dataclass(frozen=True)
class Finding:
    kind: Kind
    start: int  # character offsets in the checked text
    end: int

    @property
    def message(self) -> str:
        article, pronoun = _ARTICLE[self.kind]
        return (
            f"Texten innehåller något som ser ut som {article} {self.kind} "
            f"(tecken {self.start + 1}–{self.end}). Ta bort {pronoun} innan du sparar: "
            "träningsloggen får inte innehålla personuppgifter."
        )


def find_personal_data(text: str) -> list[Finding]:
    """All personal data found in ``text``, in reading order."""
    findings: list[Finding] = []
    remaining = text
    for finder in (_find_emails, _find_id_numbers, _find_phones):
        found = finder(remaining)
        findings += found
        for finding in found:
            # Mask what was found so a later pattern cannot report part of it again.
            length = finding.end - finding.start
            remaining = remaining[: finding.start] + "#" * length + remaining[finding.end :]
    return sorted(findings, key=lambda f: f.start)


def contains_personal_data(text: str) -> bool:
    return bool(find_personal_data(text))


def _find_emails(text: str) -> list[Finding]:
    return [Finding("e-postadress", m.start(), m.end()) for m in _EMAIL.finditer(text)]


def _find_id_numbers(text: str) -> list[Finding]:
    findings = []
    for match in _ID_NUMBER.finditer(text):
        century, year, month, day, separator, serial = match.groups()
        separator = "+" if "+" in separator else separator.strip()
        if century is None and not separator and match.group().startswith("07"):
            continue  # mobile number prefix; left to the phone finder
        ten_digits = year + month + day + serial
        if not _luhn_valid(ten_digits):
            continue
        kind = _id_kind(century, int(year), int(month), int(day), separator)
        if kind is not None:
            findings.append(Finding(kind, match.start(), match.end()))
    return findings


def _id_kind(century: str | None, year: int, month: int, day: int, separator: str) -> Kind | None:
    kind: Kind = "personnummer"
    if day > 60:
        kind, day = "samordningsnummer", day - 60
    if century is not None:
        candidates = [int(century) * 100 + year]
    elif separator == "+":  # '+' marks someone aged 100 or more
        candidates = [1800 + year, 1900 + year]
    else:
        candidates = [1900 + year, 2000 + year]
    return kind if any(_is_date(y, month, day) for y in candidates) else None


def _is_date(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _luhn_valid(digits: str) -> bool:
    total = 0
    for index, char in enumerate(digits):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def _find_phones(text: str) -> list[Finding]:
    found = [Finding("telefonnummer", m.start(), m.end()) for m in _PHONE.finditer(text)]
    for match in _DOTTED_PHONE.finditer(text):
        if not any(f.start <= match.start() < f.end for f in found):
            found.append(Finding("telefonnummer", match.start(), match.end()))
    return sorted(found, key=lambda f: f.start)
