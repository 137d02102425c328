"""Small hand-made contacts files for the contact-analysis tests."""

from __future__ import annotations

SECRET = "test-secret-0123456789"
HEADER = (
    "tidpunkt",
    "kanal",
    "språk",
    "knappval",
    "kategori",
    "löst_direkt",
    "överlämnad_till",
    "efterfrågan",
    "orsak",
    "kontakt",
)


def csv_text(rows: list[tuple[str, ...]], header: tuple[str, ...] = HEADER, sep: str = ";") -> str:
    lines = [sep.join(header)] + [sep.join(row) for row in rows]
    return "\n".join(lines) + "\n"


def row(
    when: str,
    *,
    channel: str = "telefon",
    language: str = "svenska",
    ivr: str = "",
    category: str = "Bygglov",
    resolved: str = "ja",
    handed: str = "",
    demand: str = "värde",
    reason: str = "",
    caller: str = "",
) -> tuple[str, ...]:
    return (when, channel, language, ivr, category, resolved, handed, demand, reason, caller)
