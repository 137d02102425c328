"""Synthetic contacts for demos and benchmarks: a seeded, repeatable year of a municipal
Servicecenter's contacts (about 6,500 a week by default).

The shape follows what contact centres report: about half settled in the first contact, failure
demand concentrated in a few categories (invoices, waiting for a decision, faults reported
again), most contacts by phone, Swedish plus 17 other languages of which a few are rare (so that
pooling into "Övrigt" shows), and callers who come back within days.
"""

from __future__ import annotations

import csv
import io
import random
from collections import deque
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

from journeys.contacts.model import COLUMNS

# name, weight, first-contact resolution, failure-demand share, reasons, handed over to, IVR
CATEGORIES: tuple[tuple[str, float, float, float, tuple[str, ...], str, str], ...] = (
    (
        "Faktura VA",
        9,
        0.45,
        0.55,
        ("Förstår inte fakturan", "Fel mätarställning", "Dubbel faktura"),
        "VA-kundtjänst",
        "3",
    ),
    (
        "Avfall och återvinning",
        11,
        0.55,
        0.45,
        ("Tömning missad", "Fel kärlstorlek", "Förstår inte taxan"),
        "Renhållningen",
        "4",
    ),
    (
        "Bygglov",
        8,
        0.3,
        0.5,
        ("Väntar på besked", "Förstår inte beslutet", "Saknar kompletteringsbesked"),
        "Bygglovsenheten",
        "2",
    ),
    (
        "Förskola",
        9,
        0.5,
        0.3,
        ("Väntar på placeringsbesked", "Fel i köplats", "Kan inte logga in"),
        "Förskoleförvaltningen",
        "5",
    ),
    (
        "Parkering",
        7,
        0.7,
        0.25,
        ("Felaktig parkeringsbot", "Tillstånd ej skickat"),
        "Parkeringsenheten",
        "6",
    ),
    (
        "Felanmälan gata",
        8,
        0.75,
        0.35,
        ("Redan anmält, inget hänt", "Vet inte om anmälan kom fram"),
        "Gatuenheten",
        "6",
    ),
    (
        "Bostadsanpassning",
        4,
        0.25,
        0.3,
        ("Väntar på besked", "Förstår inte beslutet"),
        "Bostadsanpassningen",
        "7",
    ),
    ("Färdtjänst", 6, 0.45, 0.3, ("Resan kom inte", "Väntar på beslut"), "Färdtjänsten", "7"),
    (
        "Ekonomiskt bistånd",
        7,
        0.2,
        0.2,
        ("Utbetalning saknas", "Väntar på beslut"),
        "Försörjningsstöd",
        "8",
    ),
    ("Skola och fritidshem", 6, 0.45, 0.15, ("Fel i schema",), "Skolförvaltningen", "5"),
    ("Äldreomsorg", 5, 0.35, 0.15, ("Väntar på besked",), "Biståndsenheten", "8"),
    ("Kultur och fritid", 4, 0.8, 0.05, ("Fel information på webben",), "Kulturförvaltningen", "9"),
    ("Vägledning och allmänna frågor", 10, 0.8, 0.1, ("Hittade inte på webben",), "", "0"),
    ("Miljö och hälsoskydd", 3, 0.35, 0.1, ("Väntar på besked",), "Miljöenheten", "9"),
    ("Överförmyndare", 1, 0.3, 0.2, ("Förstår inte blanketten",), "Överförmyndarenheten", "9"),
)
LANGUAGES: tuple[tuple[str, float], ...] = (
    ("svenska", 86.0),
    ("arabiska", 3.0),
    ("somaliska", 2.0),
    ("engelska", 2.0),
    ("persiska", 1.2),
    ("tigrinja", 1.0),
    ("dari", 0.9),
    ("ukrainska", 0.8),
    ("polska", 0.6),
    ("finska", 0.5),
    ("bosniska", 0.4),
    ("kurdiska", 0.4),
    ("turkiska", 0.3),
    ("ryska", 0.3),
    ("spanska", 0.2),
    ("thai", 0.1),
    ("albanska", 0.06),
    ("meänkieli", 0.004),
)
CHANNELS: tuple[tuple[str, float], ...] = (
    ("telefon", 55),
    ("e-post", 14),
    ("e-tjänst", 11),
    ("chatt", 10),
    ("besök", 8),
    ("brev", 2),
)
OPENING_HOURS = (8, 17)  # contacts by phone, visit and chat come in these hours on weekdays
REPEAT_SHARE = 0.14  # share of contacts made by a caller who called within the last days


def synthetic_contacts(
    *,
    seed: int = 2026,
    weeks: int = 52,
    per_week: int = 6500,
    start: date = date(2026, 1, 5),
) -> Iterator[tuple[str, ...]]:
    """Rows in `COLUMNS` order, as the strings a CSV file holds, `weeks * per_week` of them in
    time order. The same arguments always give the same rows."""
    rng = random.Random(seed)
    names = [c[0] for c in CATEGORIES]
    weights = [c[1] for c in CATEGORIES]
    by_name = {c[0]: c for c in CATEGORIES}
    languages, language_weights = zip(*LANGUAGES, strict=True)
    channels, channel_weights = zip(*CHANNELS, strict=True)
    recent: deque[str] = deque(maxlen=2000)
    monday = start - timedelta(days=start.weekday())
    for week in range(weeks):
        week_start = datetime.combine(monday + timedelta(weeks=week), datetime.min.time())
        minutes = sorted(_minute_of_week(rng) for _ in range(per_week))
        picked_categories = rng.choices(names, weights, k=per_week)
        picked_languages = rng.choices(languages, language_weights, k=per_week)
        picked_channels = rng.choices(channels, channel_weights, k=per_week)
        for minute, category, language, channel in zip(
            minutes, picked_categories, picked_languages, picked_channels, strict=True
        ):
            _, _, fcr, failure, reasons, unit, ivr = by_name[category]
            moment = week_start + timedelta(minutes=minute)
            settled = rng.random() < fcr
            failing = rng.random() < failure
            handed = "" if settled or not unit or rng.random() < 0.3 else unit
            if recent and rng.random() < REPEAT_SHARE:
                caller = recent[rng.randrange(len(recent))]
            else:
                caller = f"07{rng.randrange(10**8):08d}"
            recent.append(caller)
            yield (
                moment.strftime("%Y-%m-%d %H:%M"),
                channel,
                language,
                ivr if channel == "telefon" else "",
                category,
                "ja" if settled else "nej",
                handed,
                "svikt" if failing else "värde",
                rng.choice(reasons) if failing else "",
                caller,
            )


def write_contacts_csv(
    path: str | Path,
    rows: Iterable[tuple[str, ...]],
    *,
    delimiter: str = ";",
    encoding: str = "utf-8",
) -> int:
    """Write rows (in `COLUMNS` order) with the Swedish header; return the number of rows."""
    count = 0
    with open(path, "w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter, lineterminator="\n")
        writer.writerow(COLUMNS)
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


def contacts_csv_bytes(rows: Iterable[tuple[str, ...]], *, delimiter: str = ";") -> bytes:
    """The rows as a UTF-8 CSV file's bytes (for `parse_contacts` without a file on disk)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _minute_of_week(rng: random.Random) -> int:
    """A minute in the week: weekdays in opening hours, with a morning peak; a few contacts on
    evenings and weekends (e-mail and e-services keep coming)."""
    if rng.random() < 0.04:
        return rng.randrange(7 * 24 * 60)
    day = rng.choices(range(5), (1.3, 1.1, 1.0, 1.0, 0.8))[0]
    opening, closing = OPENING_HOURS
    hour = min(closing - 1, int(rng.triangular(opening, closing, opening + 1.5)))
    return (day * 24 + hour) * 60 + rng.randrange(60)
