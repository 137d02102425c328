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
        "problems": [],
    }


def test_parseable_file_with_problems_exits_zero(tmp_path, capsys):
    path = tmp_path / "utkast.twee"
    path.write_text(":: StoryTitle\nUtkast\n\n:: Start\nHej\n[[Vidare->Saknas]]\n", "utf-8")
    assert check_command(str(path)) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["title"], out["nodes"], out["choices"], out["ends"]) == ("Utkast", 1, 1, 0)
    assert "Valet ”Start#1” leder till noden ”Saknas” som inte finns." in out["problems"]
    assert "Scenariot har ingen slutnod." in out["problems"]


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
