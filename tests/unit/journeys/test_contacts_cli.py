from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from journeys.cli import main
from tests.unit.journeys.contacts_files import csv_text, row

ROWS = [
    row("2026-01-05 08:00", category="Bygglov", resolved="ja", caller="0701"),
    row(
        "2026-01-06 08:00",
        category="Bygglov",
        resolved="nej",
        handed="Bygglovsenheten",
        demand="svikt",
        caller="0701",
    ),
    row("2026-01-14 08:00", category="Bygglov", resolved="nej", caller="0701"),
] + [row("2026-01-07 09:00", category="Förskola")] * 5


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path: Path, rows: list[tuple[str, ...]]) -> str:
    path = tmp_path / "kontakter.csv"
    path.write_text(csv_text(rows), encoding="utf-8")
    return str(path)


def test_summarize_prints_exactly_the_agreed_keys(capsys, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CONTACTS_HASH_SECRET", "cli-test-secret-0123456789")
    code, out, err = run(
        capsys, "contacts", "summarize", write(tmp_path, ROWS), "--anonymity-threshold", "1"
    )
    assert code == 0 and err == ""
    figures = json.loads(out)
    assert list(figures) == [
        "contacts",
        "first_contact_resolution",
        "failure_demand_share",
        "repeat_contacts",
        "categories",
    ]
    assert figures["contacts"] == 8
    assert figures["first_contact_resolution"] == 0.75
    assert figures["failure_demand_share"] == 0.125
    assert figures["repeat_contacts"] == 1  # 14 Jan is 8 days after 6 Jan
    assert [list(category) for category in figures["categories"]] == [
        [
            "category",
            "contacts",
            "first_contact_resolution",
            "failure_demand_share",
            "handed_over_share",
        ]
    ] * 2
    assert figures["categories"][0] == {
        "category": "Förskola",
        "contacts": 5,
        "first_contact_resolution": 1.0,
        "failure_demand_share": 0.0,
        "handed_over_share": 0.0,
    }
    assert figures["categories"][1] == {
        "category": "Bygglov",
        "contacts": 3,
        "first_contact_resolution": 0.333,
        "failure_demand_share": 0.333,
        "handed_over_share": 0.333,
    }


def test_window_days_and_pooling_by_default(capsys, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("CONTACTS_HASH_SECRET", raising=False)  # a random secret for the run
    path = write(tmp_path, ROWS)
    code, out, _ = run(capsys, "contacts", "summarize", path, "--window-days", "8")
    figures = json.loads(out)
    assert code == 0 and figures["repeat_contacts"] == 2
    assert [c["category"] for c in figures["categories"]] == ["Förskola", "Övrigt"]


def test_bad_file_exits_1_with_row_and_column(capsys, tmp_path: Path) -> None:
    path = write(tmp_path, ROWS[:2] + [row("31/02", caller="070-123 45 67")])
    code, out, err = run(capsys, "contacts", "summarize", path)
    assert code == 1 and out == ""
    assert "Rad 4, kolumn tidpunkt: ”31/02” är inte ett datum och klockslag" in err
    assert "070" not in err
    code, out, err = run(capsys, "contacts", "summarize", str(tmp_path / "saknas.csv"))
    assert code == 1 and out == "" and "saknas.csv kunde inte öppnas" in err


def test_cli_start_imports_neither_heavy_libraries_nor_the_app() -> None:
    code = (
        "import sys, journeys.cli, journeys.contacts; "
        "print(sorted(m for m in ('networkx', 'openpyxl', 'graphviz', 'academy', 'reflex') "
        "if m in sys.modules))"
    )
    root = Path(__file__).resolve().parents[3]
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=root, check=True
    )
    assert result.stdout.strip() == "[]"


def test_a_short_secret_is_refused(capsys, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CONTACTS_HASH_SECRET", "kort")
    code, out, err = run(capsys, "contacts", "summarize", write(tmp_path, ROWS))
    assert code == 2 and out == "" and "minst 16 byte" in err


def test_window_days_outside_the_apps_limits_is_refused(capsys, tmp_path: Path) -> None:
    path = write(tmp_path, ROWS)
    code, out, err = run(capsys, "contacts", "summarize", path, "--window-days", "366")
    assert code == 2 and out == ""
    assert "0–365 dagar" in err
