"""``check_command``: JSON summary on success, Swedish line-numbered errors on failure."""

import json

from academy.courses.formats.gift import check_command

VALID = """\
$CATEGORY: Telefon

Hälsning? {=Kommunen, Anna ~Hallå}

Sant? {T}

$CATEGORY: Sekretess

Info utan svar.

Sant igen? {F}
"""


def test_valid_file_prints_summary_and_returns_zero(tmp_path, capsys):
    path = tmp_path / "quiz.gift"
    path.write_text(VALID, encoding="utf-8")
    assert check_command(str(path)) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out) == {
        "questions": 4,
        "by_type": {"multiple_choice": 1, "true_false": 2, "description": 1},
        "categories": ["Telefon", "Sekretess"],
    }
    assert captured.err == ""


def test_summary_keeps_swedish_letters_readable(tmp_path, capsys):
    path = tmp_path / "quiz.gift"
    path.write_text("$CATEGORY: Bemötande\n\nQ {T}\n", encoding="utf-8")
    assert check_command(str(path)) == 0
    assert '"Bemötande"' in capsys.readouterr().out


def test_invalid_file_prints_numbered_errors_and_returns_one(tmp_path, capsys):
    path = tmp_path / "quiz.gift"
    path.write_text("Bra {T}\n\nDålig {~a ~b}\n\nTal {#x}\n", encoding="utf-8")
    assert check_command(str(path)) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        f"{path}: 2 fel, inga frågor importerades.",
        f"{path}:3: Fråga 2 (rad 3): flervalsfrågan saknar rätt svar.",
        f"{path}:5: Fråga 3 (rad 5): ”x” är inte ett tal.",
    ]


def test_missing_file_returns_one(tmp_path, capsys):
    path = tmp_path / "finns-inte.gift"
    assert check_command(str(path)) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"{path}: filen kan inte läsas")


def test_directory_is_unreadable(tmp_path, capsys):
    assert check_command(str(tmp_path)) == 1
    assert "filen kan inte läsas" in capsys.readouterr().err


def test_file_that_is_not_utf8_returns_one(tmp_path, capsys):
    path = tmp_path / "latin1.gift"
    path.write_bytes("Fråga {T}".encode("latin-1"))
    assert check_command(str(path)) == 1
    assert capsys.readouterr().err == f"{path}: filen är inte sparad som UTF-8.\n"


def test_utf8_byte_order_mark_is_accepted(tmp_path, capsys):
    path = tmp_path / "bom.gift"
    path.write_bytes("\ufeffFråga {T}\n".encode())
    assert check_command(str(path)) == 0
    assert json.loads(capsys.readouterr().out)["questions"] == 1


def test_empty_file_has_zero_questions(tmp_path, capsys):
    path = tmp_path / "empty.gift"
    path.write_text("", encoding="utf-8")
    assert check_command(str(path)) == 0
    assert json.loads(capsys.readouterr().out) == {
        "questions": 0,
        "by_type": {},
        "categories": [],
    }
