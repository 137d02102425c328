import json

from academy.practice.cli import check_command
from academy.practice.demo import demo_path


def test_check_demo_file(capsys):
    assert check_command(str(demo_path())) == 0
    out = json.loads(capsys.readouterr().out)
    assert out == {
        "title": "Arg förälder ringer om förskoleplats",
        "nodes": 9,
        "choices": 13,
        "ends": 3,
        "errors": [],
        "warnings": [],
    }


def test_parseable_file_with_problems_exits_zero(tmp_path, capsys):
    path = tmp_path / "utkast.twee"
    path.write_text(":: StoryTitle\nUtkast\n\n:: Start\nHej\n[[Vidare->Saknas]]\n", "utf-8")
    assert check_command(str(path)) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["title"], out["nodes"], out["choices"], out["ends"]) == ("Utkast", 1, 1, 0)
    assert "Valet ”Start#1” leder till noden ”Saknas” som inte finns." in out["errors"]
    assert "Scenariot har ingen slutnod." in out["errors"]


PLAIN_TWINE = """:: StoryTitle
Sopkärlet

:: StoryData
{"ifid": "D674C58C-DEFA-4F70-B7A2-27742230C0FC", "format": "Harlowe", "start": "Start"}

:: Start
Invånaren ringer om ett sopkärl som inte tömts.

[[Be om adressen->Adress]]
[[Säg att det inte är ditt bord->Arg]]

:: Adress
Invånaren ger adressen.

[[Lova att kolla->Slut]]

:: Arg
Invånaren blir arg.

[[Be om ursäkt->Slut]]
[[Lägg på->Saknas]]

:: Slut [end]
Tack!

:: Ensam
Ingen länkar hit.

[[Tillbaka->Start]]
"""


def test_structural_errors_are_apart_from_authoring_advice(tmp_path, capsys):
    path = tmp_path / "twine.twee"
    path.write_text(PLAIN_TWINE, "utf-8")
    assert check_command(str(path)) == 0
    out = json.loads(capsys.readouterr().out)
    assert "problems" not in out
    assert out["errors"] == [
        "Valet ”Arg#2” leder till noden ”Saknas” som inte finns.",
        "Noden ”Ensam” kan inte nås från startnoden.",
    ]
    assert out["warnings"][:3] == [
        "Kanal saknas i inramningen.",
        "Inramningen saknar beskrivning av situationen.",
        "Slutnoden ”Slut” saknar avslutande text.",
    ]
    assert "Valet ”Start#1” saknar återkoppling." in out["warnings"]
    assert len(out["warnings"]) == 9


def test_a_plain_twine_story_without_mistakes_has_only_advice(tmp_path, capsys):
    path = tmp_path / "twine.twee"
    story = PLAIN_TWINE.replace("[[Lägg på->Saknas]]\n", "").split(":: Ensam")[0]
    path.write_text(story, "utf-8")
    assert check_command(str(path)) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["errors"] == []
    assert out["warnings"]


def test_unparseable_file_exits_one_with_line_numbers(tmp_path, capsys):
    path = tmp_path / "trasig.twee"
    path.write_text(":: Start\nHej [[inline]]\n", "utf-8")
    assert check_command(str(path)) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"{path}: rad 2, passagen ”Start”: En länk måste stå ensam på en egen rad.\n"
    )


def test_missing_file_exits_one(tmp_path, capsys):
    assert check_command(str(tmp_path / "finns-inte.twee")) == 1
    assert "kan inte läsa filen" in capsys.readouterr().err
