"""Privacy rules for contact files: the keyed hash of caller keys, staff columns, and a simple
built-in check for personal data in free text.

- `kontakt` (a phone number, an e-mail address, a customer number) is replaced at import by
  HMAC-SHA256 under a secret the caller passes in. The same key gives the same hash under the same
  secret, so repeat contacts can be found, but the raw value cannot be read back without the
  secret. The raw value is never kept, logged or put in an error message.
- A column that identifies a staff member is never read: no figure is ever computed per employee.
- Free text is checked for personnummer, e-mail addresses and phone numbers; a row that has one is
  refused. The application can pass its own, stricter check instead.
"""

from __future__ import annotations

import hmac
import re
from collections.abc import Callable
from datetime import date
from typing import Any

# A personal-data check: takes a text and returns something truthy when the text holds personal
# data (a bool, a list of findings, or the kind of data found as a Swedish noun, e.g.
# "ett personnummer"). The app's `contains_personal_data` / `find_personal_data` fit.
PersonalDataGuard = Callable[[str], Any]

# Headers that name a staff member; matched as substrings of the normalised header.
STAFF_WORDS = (
    "handläggare",
    "handlaggare",
    "medarbetare",
    "agent",
    "anställd",
    "anstalld",
    "användare",
    "anvandare",
    "personal",
    "operatör",
    "operator",
    "employee",
    "staff",
    "user",
)

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
_ID_NUMBER = re.compile(r"(?<![\w+-])(\d{2})?(\d{2})(\d{2})(\d{2})[-+]?(\d{4})(?!\d)")
_PHONE = re.compile(r"(?<![\w+\-/.,])(?:(?:\+46|0046)[ -]?|0)[1-9](?:[ -]?\d){6,8}(?!\d)")
_CALLER_NOISE = str.maketrans("", "", " -()./\t")


def is_staff_column(normalised_header: str) -> bool:
    return any(word in normalised_header for word in STAFF_WORDS)


def find_personal_data(text: str) -> str | None:
    """The kind of personal data `text` seems to hold ("ett personnummer", "en e-postadress",
    "ett telefonnummer"), or None. A personnummer needs a real date and a valid check digit."""
    if "@" in text and _EMAIL.search(text):
        return "en e-postadress"
    if not any(char.isdigit() for char in text):
        return None
    for match in _ID_NUMBER.finditer(text):
        _, year, month, day, serial = match.groups()
        digits = year + month + day + serial
        if _luhn_valid(digits) and _plausible_date(int(year), int(month), int(day)):
            return "ett personnummer"
    if _PHONE.search(text):
        return "ett telefonnummer"
    return None


def pseudonymise(secret: bytes, caller_key: str) -> str | None:
    """The keyed hash (HMAC-SHA256, hex) of a caller key, or None for an empty key.

    The key is normalised first so that one caller is one hash however the number was typed:
    spaces, hyphens, brackets, dots and slashes are dropped, "+46"/"0046" becomes "0", and
    letters are lower-cased (e-mail addresses)."""
    key = normalise_caller_key(caller_key)
    if not key:
        return None
    return hmac.digest(secret, key.encode(), "sha256").hex()


def normalise_caller_key(value: str) -> str:
    key = value.translate(_CALLER_NOISE).lower()
    if key.startswith("+46"):
        key = "0" + key[3:]
    elif key.startswith("0046"):
        key = "0" + key[4:]
    return key


def secret_bytes(secret: bytes | str) -> bytes:
    raw = secret.encode() if isinstance(secret, str) else bytes(secret)
    if len(raw) < 16:
        raise ValueError("the hashing secret must be at least 16 bytes")
    return raw


def _luhn_valid(digits: str) -> bool:
    total = 0
    for index, char in enumerate(digits):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def _plausible_date(year: int, month: int, day: int) -> bool:
    if day > 60:  # samordningsnummer
        day -= 60
    for century in (1900, 2000):
        try:
            date(century + year, month, day)
        except ValueError:
            continue
        return True
    return False
