from __future__ import annotations

import json
from pathlib import Path

import pytest

from journeys.cli import main
from journeys.examples import example_path, load_example
from journeys.formats import json_format

EXAMPLE = str(example_path("felanmalan-gatubelysning"))


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_analyze_prints_the_figures(capsys) -> None:
    code, out, err = run(capsys, "analyze", EXAMPLE)
    assert code == 0 and err == ""
    figures = json.loads(out)
    journey = load_example("felanmalan-gatubelysning")
    assert figures["stages"] == len(journey.stages)
    assert figures["steps"] == len(journey.steps)
    assert figures["flows"] == len(journey.flows)
    for key in (
        "handoffs_main_path",
        "channel_switches_main_path",
        "failure_demand_share",
        "first_contact_resolution",
        "expected_contacts",
        "rework_loops",
        "problems",
    ):
        assert key in figures
    assert set(figures["equal_access"]) >= {"non_digital", "digital"}
    assert all(isinstance(value, int | float) for value in figures["emotion_curve"])
    # failure demand: only "ringer-igen" (25 of 45 + 30 + 75 + 70 + 70 + 25 = 315)
    assert figures["failure_demand_share"] == pytest.approx(25 / 315, abs=1e-4)


def test_analyze_compare_and_shift(capsys) -> None:
    current = str(example_path("forskoleplats-nulage"))
    future = str(example_path("forskoleplats-onskat-lage"))
    code, out, _ = run(capsys, "analyze", current, "--compare", future)
    assert code == 0 and "tackar-ja-telefon" in json.loads(out)["steps_added"]
    code, out, _ = run(capsys, "analyze", current, "--shift", "ringer-fragor", "chatt", "0.5")
    assert code == 0
    assert json.loads(out)["after"]["volume_by_channel"]["chatt"] == 90


def test_invalid_input_exits_1_with_message_on_stderr(capsys, tmp_path: Path) -> None:
    broken = tmp_path / "broken.mmd"
    broken.write_text("journey\n  section A\n    Task: 7: Me\n", encoding="utf-8")
    code, out, err = run(capsys, "analyze", str(broken))
    assert code == 1 and out == ""
    assert "rad 3" in err and "0 till 5" in err
    code, _, err = run(capsys, "analyze", str(tmp_path / "missing.json"))
    assert code == 1 and "missing.json" in err
    code, _, err = run(capsys, "analyze", str(tmp_path / "x.txt"))
    assert code == 1 and "okänd filtyp" in err


def test_convert_json_to_mermaid_and_back(capsys, tmp_path: Path) -> None:
    mmd, back = tmp_path / "resa.mmd", tmp_path / "resa.json"
    assert run(capsys, "convert", EXAMPLE, str(mmd))[0] == 0
    assert mmd.read_text(encoding="utf-8").startswith("journey\n    title Felanmälan")
    assert run(capsys, "convert", str(mmd), str(back))[0] == 0
    journey = json_format.loads(back.read_text(encoding="utf-8"))
    original = load_example("felanmalan-gatubelysning")
    assert [s.text for s in journey.steps] == [s.text for s in original.steps]


def test_convert_to_dot_and_render(capsys, tmp_path: Path) -> None:
    dot = tmp_path / "resa.dot"
    assert run(capsys, "convert", EXAMPLE, str(dot))[0] == 0
    assert dot.read_text(encoding="utf-8").startswith("digraph journey {")
    svg = tmp_path / "resa.svg"
    assert run(capsys, "render", EXAMPLE, "-o", str(svg))[0] == 0
    assert 'id="step&#45;ringer"' in svg.read_text(encoding="utf-8")
    code, _, err = run(capsys, "render", EXAMPLE, "-o", str(tmp_path / "resa.gif"))
    assert code == 1 and ".svg" in err


def test_describe_and_validate(capsys, tmp_path: Path) -> None:
    code, out, _ = run(capsys, "describe", EXAMPLE)
    assert code == 0 and out.startswith("Kundresa: Felanmälan gatubelysning (nuläge).")
    assert run(capsys, "validate", EXAMPLE)[0] == 0
    data = json_format.to_dict(load_example("felanmalan-gatubelysning"))
    data["nodes"][0]["emotion"] = 5
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(bad))
    assert code == 1 and "-2 och +2" in out


def test_render_and_convert_never_import_networkx(tmp_path) -> None:
    # networkx takes about 0.2 s to import; `journeys render` must cost little more than `dot`.
    import subprocess
    import sys

    from journeys.examples import example_names, example_path

    name = example_names()[0]
    code = (
        "import sys; from journeys.cli import main; "
        f"main(['render', {str(example_path(name))!r}, '-o', {str(tmp_path / 'r.svg')!r}]); "
        f"main(['convert', {str(example_path(name))!r}, {str(tmp_path / 'r.mmd')!r}]); "
        "print('networkx' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr
    assert (tmp_path / "r.svg").read_text().startswith("<?xml")
