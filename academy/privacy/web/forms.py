"""Pure: the statement form's fields -> save_statement's arguments."""

from __future__ import annotations

from datetime import date

from academy.core.errors import ValidationError


def statement_input(form_data: dict) -> dict:
    raw_date = str(form_data.get("assessed_on") or "").strip()
    try:
        assessed_on = date.fromisoformat(raw_date) if raw_date else None
    except ValueError as exc:
        raise ValidationError(
            "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-11-30.", field="assessed_on"
        ) from exc
    return dict(
        organisation=str(form_data.get("organisation") or ""),
        service=str(form_data.get("service") or ""),
        compliance=str(form_data.get("compliance") or ""),
        gaps=str(form_data.get("gaps") or ""),
        assessment=str(form_data.get("assessment") or ""),
        assessed_on=assessed_on,
        feedback=str(form_data.get("feedback") or ""),
    )
