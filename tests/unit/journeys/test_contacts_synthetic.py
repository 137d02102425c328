from __future__ import annotations

from collections import Counter
from datetime import date, datetime
from itertools import islice
from pathlib import Path

from journeys.contacts import COLUMNS, parse_contacts, summarize
from journeys.contacts.synthetic import (
    LANGUAGES,
    contacts_csv_bytes,
    synthetic_contacts,
    write_contacts_csv,
)


def test_same_seed_same_rows() -> None:
    first = list(islice(synthetic_contacts(seed=7, weeks=1, per_week=300), 300))
    assert first == list(synthetic_contacts(seed=7, weeks=1, per_week=300))
    assert first != list(synthetic_contacts(seed=8, weeks=1, per_week=300))


def test_a_week_of_contacts_looks_like_a_servicecenter(tmp_path: Path) -> None:
    path = tmp_path / "vecka.csv"
    assert write_contacts_csv(path, synthetic_contacts(weeks=2, per_week=6500)) == 13_000
    table = parse_contacts(path, secret="synthetic-secret-012345")
    assert len(table) == 13_000
    assert table.timestamps == sorted(table.timestamps)
    assert table.first >= datetime(2026, 1, 5) and table.last < datetime(2026, 1, 19)
    summary = summarize(table)
    assert 0.45 <= summary.overall.first_contact_resolution <= 0.6
    assert summary.overall.repeat_contacts > 0
    assert [week.label for week in summary.by_week] == ["2026-W02", "2026-W03"]
    failure = Counter(
        category
        for category, demand in zip(table.categories, table.demand, strict=True)
        if demand == "svikt"
    )
    top_three = sum(n for _, n in failure.most_common(3))
    assert top_three / sum(failure.values()) > 0.4  # concentrated in a few categories
    assert "Bygglov" in table.categories and "Färdtjänst" in table.categories


def test_languages_and_columns() -> None:
    assert len(LANGUAGES) == 18
    first = next(synthetic_contacts(start=date(2026, 3, 4)))
    assert len(first) == len(COLUMNS)
    assert first[0].startswith("2026-03-0")  # the week of 4 March starts on Monday 2 March


def test_csv_bytes_parse_without_a_file() -> None:
    rows = list(synthetic_contacts(weeks=1, per_week=50))
    table = parse_contacts(contacts_csv_bytes(rows), secret="synthetic-secret-012345")
    assert len(table) == 50 and table.categories[0] == rows[0][4]
