from __future__ import annotations

import hmac
from datetime import datetime
from hashlib import sha256
from pathlib import Path

import openpyxl
import pytest

from journeys.contacts import ContactImportError, parse_contacts
from journeys.contacts.privacy import find_personal_data
from tests.unit.journeys.contacts_files import HEADER, SECRET, csv_text, row

PHONE = "070-123 45 67"


def parse(text: str, encoding: str = "utf-8", **options):
    return parse_contacts(text.encode(encoding), secret=SECRET, **options)


def refused(text: str, encoding: str = "utf-8", **options) -> ContactImportError:
    with pytest.raises(ContactImportError) as caught:
        parse(text, encoding, **options)
    return caught.value


def test_reads_every_column() -> None:
    text = csv_text(
        [
            row(
                "2026-01-05 08:14",
                channel="Telefon",
                language="Arabiska",
                ivr="3",
                category="Faktura VA",
                resolved="nej",
                handed="VA-kundtjänst",
                demand="svikt",
                reason="Förstår inte fakturan",
                caller=PHONE,
            ),
            row("2026-01-05T09:30:15", channel="mejl", demand=""),
        ]
    )
    table = parse(text)
    first, second = table.rows()
    assert first.timestamp == datetime(2026, 1, 5, 8, 14)
    assert (first.channel, first.language, first.ivr_choice) == ("telefon", "arabiska", "3")
    assert (first.category, first.resolved, first.handed_over_to) == (
        "Faktura VA",
        False,
        "VA-kundtjänst",
    )
    assert (first.demand, first.reason) == ("svikt", "Förstår inte fakturan")
    assert second.timestamp == datetime(2026, 1, 5, 9, 30, 15)
    assert (second.channel, second.demand, second.ivr_choice, second.caller) == (
        "e-post",
        None,
        None,
        None,
    )


def test_windows_1252_with_semicolons() -> None:
    text = csv_text([row("2026-01-05 08:14", category="Färdtjänst", handed="Överförmyndaren")])
    table = parse(text, "cp1252")
    assert table.categories == ["Färdtjänst"]
    assert table.handed_over_to == ["Överförmyndaren"]


def test_utf8_with_bom_and_commas() -> None:
    text = csv_text([row("2026-01-05 08:14", category="Förskola")], sep=",")
    table = parse_contacts(b"\xef\xbb\xbf" + text.encode(), secret=SECRET)
    assert table.categories == ["Förskola"]


def test_quoted_fields_keep_their_separator() -> None:
    text = csv_text([row("2026-01-05 08:14", category='"Avfall; kärl"')])
    assert parse(text).categories == ["Avfall; kärl"]


def test_xlsx(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(list(HEADER))
    sheet.append(
        [datetime(2026, 3, 2, 10, 5), "chatt", "svenska", None, "Parkering", "ja"]
        + [None, "värde", None, 701234567]
    )
    sheet.append(
        ["2026-03-02 11:00", "telefon", "somaliska", 2, "Bygglov", False, "Bygglovsenheten"]
        + [None, None, datetime(2026, 1, 1)]  # a date typed into kontakt is just a key
    )
    path = tmp_path / "kontakter.xlsx"
    workbook.save(path)
    table = parse_contacts(path, secret=SECRET)
    assert table.timestamps == [datetime(2026, 3, 2, 10, 5), datetime(2026, 3, 2, 11, 0)]
    assert table.categories == ["Parkering", "Bygglov"]
    assert table.resolved == [True, False]
    assert table.ivr_choices == [None, "2"]
    assert table.callers[0] is not None and table.callers[1] is not None


def test_bad_date_is_refused_with_row_and_column() -> None:
    text = csv_text([row("2026-01-05 08:14")] * 3 + [row("31/02")])
    error = refused(text)
    assert str(error) == (
        "Rad 5, kolumn tidpunkt: ”31/02” är inte ett datum och klockslag (ÅÅÅÅ-MM-DD TT:MM)."
    )
    assert error.issues[0].row == 5 and error.issues[0].column == "tidpunkt"


@pytest.mark.parametrize(
    "bad", ["2026-02-31 08:00", "2026-01-05", "5 jan 2026 08:00", "2026-1-5 8:00"]
)
def test_impossible_or_incomplete_times_are_refused(bad: str) -> None:
    assert refused(csv_text([row(bad)])).issues[0].column == "tidpunkt"


def test_every_error_is_collected_and_capped() -> None:
    rows = [row("2026-01-05 08:14", resolved="kanske")] * 60
    rows.append(row("", category=""))
    error = refused(csv_text(rows), max_errors=50)
    assert len(error.issues) == 50 and error.more == 12 and error.total == 62
    assert str(error.issues[0]) == "Rad 2, kolumn löst_direkt: ”kanske” är inte ja eller nej."
    assert str(error).endswith("… och 12 fel till.")


def test_several_errors_in_one_row_are_all_reported() -> None:
    text = csv_text([row("igår", channel="", demand="kanske")])
    columns = [issue.column for issue in refused(text).issues]
    assert columns == ["tidpunkt", "kanal", "efterfrågan"]


def test_missing_required_column() -> None:
    header = tuple(name for name in HEADER if name != "kategori")
    text = csv_text([("2026-01-05 08:14", "telefon", "svenska", "", "ja", "", "", "", "")], header)
    assert str(refused(text)) == "Rad 1: Kolumnen kategori saknas i rubrikraden."


def test_header_map_maps_other_headers() -> None:
    header = ("Datum", "Kanal", "Språk", "Meny", "Ärendetyp", "Löst direkt")
    text = csv_text([("2026-01-05 08:14", "besök", "svenska", "1", "Avfall", "ja")], header)
    table = parse(
        text, header_map={"Datum": "tidpunkt", "Ärendetyp": "kategori", "Meny": "knappval"}
    )
    assert table.categories == ["Avfall"] and table.ivr_choices == ["1"]
    error = refused(
        csv_text([("31/02", "besök", "svenska", "1", "Avfall", "ja")], header),
        header_map={"Datum": "tidpunkt", "Ärendetyp": "kategori"},
    )
    assert str(error).startswith("Rad 2, kolumn Datum (tidpunkt): ”31/02”")


def test_header_map_to_an_unknown_column_is_refused() -> None:
    text = csv_text([row("2026-01-05 08:14")])
    assert "Okänd kolumn ”datum”" in str(refused(text, header_map={"Tid": "datum"}))


def test_caller_key_is_replaced_by_its_keyed_hash() -> None:
    text = csv_text(
        [row("2026-01-05 08:14", caller=PHONE), row("2026-01-06 08:14", caller="+46701234567")]
    )
    table = parse(text)
    expected = hmac.new(SECRET.encode(), b"0701234567", sha256).hexdigest()
    assert table.callers == [expected, expected]
    dump = repr(list(table.rows()))
    assert "0701234567" not in dump and "123 45 67" not in dump
    other = parse_contacts(text.encode(), secret="another-secret-987654")
    assert other.callers[0] != expected


def test_caller_key_never_appears_in_errors() -> None:
    text = csv_text([row("31/02", caller=PHONE), row(PHONE, caller=PHONE)])
    message = str(refused(text))
    assert "070" not in message and "45 67" not in message
    assert "Rad 3, kolumn tidpunkt: värdet är inte ett datum" in message


def test_staff_columns_are_ignored() -> None:
    header = HEADER + ("handläggare", "Agent-ID")
    text = csv_text([row("2026-01-05 08:14") + ("Anna Andersson", "a123")], header)
    table = parse(text)
    assert table.ignored_columns == ("handläggare", "Agent-ID")
    assert "Anna" not in repr(list(table.rows()))


def test_staff_column_is_ignored_even_when_mapped() -> None:
    header = HEADER + ("Medarbetare",)
    text = csv_text([row("2026-01-05 08:14") + ("Anna",)], header)
    table = parse(text, header_map={"Medarbetare": "kategori"})
    assert table.categories == ["Bygglov"] and table.ignored_columns == ("Medarbetare",)


@pytest.mark.parametrize(
    ("reason", "kind"),
    [
        ("Ring 070-123 45 67", "ett telefonnummer"),
        ("Gäller 19121212-1212", "ett personnummer"),
        ("Mejla anna@example.se", "en e-postadress"),
    ],
)
def test_personal_data_in_free_text_refuses_the_row(reason: str, kind: str) -> None:
    text = csv_text([row("2026-01-05 08:14", demand="svikt", reason=reason)])
    issue = refused(text).issues[0]
    assert (issue.row, issue.column) == (2, "orsak")
    assert kind in issue.message and reason not in issue.message


def test_plain_reasons_pass_the_built_in_guard() -> None:
    for text in ("Dnr 2024-000123", "Faktura 2026-01-05", "Väntat 12 500 kr", "Tömning missad"):
        assert find_personal_data(text) is None, text


def test_the_callers_guard_is_used() -> None:
    text = csv_text([row("2026-01-05 08:14", demand="svikt", reason="Anna Svensson ringde")])
    assert len(parse(text)) == 1
    error = refused(text, guard=lambda value: "Anna" in value)
    assert "personuppgifter" in str(error) and "Anna" not in str(error)


def test_blank_lines_are_skipped_and_rows_keep_their_numbers() -> None:
    text = csv_text([row("2026-01-05 08:14"), ("",) * 10, row("nu")])
    text = text.replace(";;;;;;;;;\n", "\n")
    assert refused(text).issues[0].row == 4


def test_empty_and_unreadable_files() -> None:
    assert str(refused("")) == "Filen är tom."
    assert str(refused(csv_text([]))) == "Filen innehåller inga kontakter."
    header = ("tidpunkt", "kanal", "sprak", "kategori", "lost_direkt")
    ascii_header = csv_text([("2026-01-05 08:14", "telefon", "svenska", "Avfall", "ja")], header)
    with pytest.raises(ContactImportError, match="varken UTF-8 eller Windows-1252"):
        parse_contacts(ascii_header.encode() + b"\x81\x8d", secret=SECRET)
    with pytest.raises(ContactImportError, match="kunde inte öppnas"):
        parse_contacts("/nonexistent/kontakter.csv", secret=SECRET)


def test_short_secret_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 16 bytes"):
        parse_contacts(csv_text([row("2026-01-05 08:14")]).encode(), secret="kort")


def test_progress_is_reported() -> None:
    text = csv_text([row("2026-01-05 08:14")] * 45_000)
    calls: list[tuple[int, float | None]] = []
    table = parse(text, progress=lambda rows, share: calls.append((rows, share)))
    assert len(table) == 45_000
    assert [rows for rows, _ in calls] == [19_999, 39_999, 45_000]
    assert calls[-1][1] == 1.0 and 0 < calls[0][1] < calls[1][1] < 1


def test_table_rows_round_trip_and_period() -> None:
    text = csv_text(
        [row(f"2026-01-0{day} 08:00", caller=f"07012345{day}0") for day in range(5, 10)]
    )
    table = parse(text)
    again = type(table).from_rows(table.rows())
    assert list(again.rows()) == list(table.rows())
    period = table.between(datetime(2026, 1, 6), datetime(2026, 1, 8))
    assert [ts.day for ts in period.timestamps] == [6, 7]


def test_windows_1252_found_late_in_the_file() -> None:
    header = ("tidpunkt", "kanal", "sprak", "kategori", "lost_direkt")
    rows = [("2026-01-05 08:14", "telefon", "svenska", "Avfall", "ja")] * 2000
    rows.append(("2026-01-05 08:15", "besök", "svenska", "Färdtjänst", "nej"))
    table = parse(csv_text(rows, header), "cp1252")
    assert len(table) == 2001 and table.categories[-1] == "Färdtjänst"
    assert table.channels[-1] == "besök"


def test_an_offset_is_dropped_and_seconds_are_kept() -> None:
    table = parse(csv_text([row("2026-01-05T08:14:30+01:00"), row(" 2026-01-05 09:00 ")]))
    assert table.timestamps == [datetime(2026, 1, 5, 8, 14, 30), datetime(2026, 1, 5, 9, 0)]


def test_xlsx_errors_name_the_row(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(list(HEADER))
    sheet.append([datetime(2026, 3, 2, 10, 5), "chatt", "svenska", None, "Parkering", "ja"])
    sheet.append(["igår", "chatt", "svenska", None, "Parkering", "kanske"])
    path = tmp_path / "kontakter.xlsx"
    workbook.save(path)
    with pytest.raises(ContactImportError) as caught:
        parse_contacts(path, secret=SECRET)
    assert [(i.row, i.column) for i in caught.value.issues] == [
        (3, "tidpunkt"),
        (3, "löst_direkt"),
    ]


def test_damaged_utf8_is_not_read_as_windows_1252() -> None:
    text = csv_text([row("2026-01-05 08:14", category="Färdtjänst")] * 3)
    damaged = text.encode().replace("Färdtjänst".encode(), b"F\xe4rdtj\xe4nst", 1)
    with pytest.raises(ContactImportError) as caught:
        parse_contacts(damaged, secret=SECRET)
    assert caught.value.issues[0].row == 2
    assert "sparad som UTF-8" in str(caught.value)


def test_an_overlong_caller_key_is_refused_without_its_value() -> None:
    key = "hemlig-" + "x" * 300
    issue = refused(csv_text([row("2026-01-05 08:14", caller=key)])).issues[0]
    assert (issue.row, issue.column) == (2, "kontakt")
    assert "hemlig" not in str(issue) and "värdet visas inte" in str(issue)
