"""Small input checks shared by services, with Swedish messages."""

from __future__ import annotations

from email_validator import EmailNotValidError, validate_email

from academy.core.errors import ValidationError


def normalise_email(raw: str, *, form_field: str | None = None) -> str:
    """A syntactically valid, lower-cased e-mail address, or ValidationError (about
    `form_field`, the form's field name, when given)."""
    text = (raw or "").strip()
    if not text:
        raise ValidationError("Ange en e-postadress.", field=form_field)
    try:
        checked = validate_email(text, check_deliverability=False, test_environment=True)
    except EmailNotValidError as exc:
        message = f"”{text}” är inte en giltig e-postadress."
        raise ValidationError(message, field=form_field) from exc
    return checked.normalized.lower()


def required_text(
    raw: str, field: str, max_length: int = 200, *, form_field: str | None = None
) -> str:
    """`field` is the label a person sees; `form_field` the form's field name, if one."""
    text = (raw or "").strip()
    if not text:
        raise ValidationError(f"{field} måste fyllas i.", field=form_field)
    if len(text) > max_length:
        raise ValidationError(f"{field} får vara högst {max_length} tecken.", field=form_field)
    return text


def optional_text(
    raw: str | None, field: str, max_length: int, *, form_field: str | None = None
) -> str:
    """A text that may be empty but not longer than `max_length` (`field` as in required_text)."""
    text = (raw or "").strip()
    if len(text) > max_length:
        raise ValidationError(
            f"{field} får vara högst {max_length} tecken (nu {len(text)}).", field=form_field
        )
    return text
