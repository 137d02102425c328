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

import hashlib
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
_CALLER_NOISE = str.maketrans("", "", " -()\t")


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
    spaces, hyphens and brackets are dropped, "+46"/"0046" becomes "0", and
    letters are lower-cased (e-mail addresses)."""
    return pseudonymiser(secret)(caller_key)


def pseudonymiser(secret: bytes) -> Callable[[str], str | None]:
    """`pseudonymise` with the secret bound, for many keys: the HMAC's inner and outer hash
    states are computed once and copied per key (several times faster than `hmac.digest` on
    OpenSSL 3, which looks the digest up on every call). Same result as `hmac.new(secret, key,
    sha256).hexdigest()` on the normalised key."""
    block = hashlib.sha256().block_size
    key = hashlib.sha256(secret).digest() if len(secret) > block else secret
    key = key.ljust(block, b"\0")
    inner = hashlib.sha256(bytes(byte ^ 0x36 for byte in key))
    outer = hashlib.sha256(bytes(byte ^ 0x5C for byte in key))
    inner_copy, outer_copy = inner.copy, outer.copy

    def hash_key(caller_key: str) -> str | None:
        text = caller_key if caller_key.isdigit() else normalise_caller_key(caller_key)
        if not text:
            return None
        first = inner_copy()
        first.update(text.encode())
        second = outer_copy()
        second.update(first.digest())
        return second.hexdigest()

    return hash_key


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
