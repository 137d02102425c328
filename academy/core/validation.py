"""Small input checks shared by services, with Swedish messages."""

from __future__ import annotations

from email_validator import EmailNotValidError, validate_email

from academy.core.errors import ValidationError


def normalise_email(raw: str) -> str:
    """A syntactically valid, lower-cased e-mail address, or ValidationError."""
    text = (raw or "").strip()
    if not text:
        raise ValidationError("Ange en e-postadress.")
    try:
        checked = validate_email(text, check_deliverability=False, test_environment=True)
    except EmailNotValidError as exc:
        raise ValidationError(f"”{text}” är inte en giltig e-postadress.") from exc
    return checked.normalized.lower()


def required_text(raw: str, field: str, max_length: int = 200) -> str:
    text = (raw or "").strip()
    if not text:
        raise ValidationError(f"{field} måste fyllas i.")
    if len(text) > max_length:
        raise ValidationError(f"{field} får vara högst {max_length} tecken.")
    return text
