"""Size caps on what a person sends (uploaded files, pasted imports), with Swedish messages.

The numbers live in `settings.UPLOADS`; every upload and import path checks them here. Callers
check the login and role first and read at most `limit + 1` bytes of an upload, so an oversized
file costs no more than the cap.
"""

from __future__ import annotations

from academy.core.errors import ValidationError
from academy.core.settings import MB, UPLOADS

NOT_UTF8 = "Filen är inte text i UTF-8. Inget har sparats."


def size_text(size: int) -> str:
    """Bytes as Swedish megabytes: 2097152 -> "2 MB", 1572864 -> "1,5 MB"."""
    return f"{round(size / MB, 1):g} MB".replace(".", ",")


def check_size(size: int, limit: int, what: str = "Filen") -> None:
    """Refuse `size` bytes (or characters) over `limit`, naming both."""
    if size > limit:
        raise ValidationError(
            f"{what} är för stor: högst {size_text(limit)} går att ta emot. Inget har sparats."
        )


def check_text(text: str, limit: int = UPLOADS.text_file) -> None:
    """Refuse pasted or uploaded import text longer than `limit` characters."""
    check_size(len(text), limit, "Texten")


def decode_text(data: bytes, limit: int = UPLOADS.text_file) -> str:
    """An uploaded text file (read as at most limit + 1 bytes) -> its text, or a refusal."""
    check_size(len(data), limit)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError(NOT_UTF8) from exc
