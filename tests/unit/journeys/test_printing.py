from __future__ import annotations

import re
import struct
from datetime import date
from pathlib import Path

import pytest

from bench.journeys_bench import synthetic_journey
from journeys import blueprint, printing
from journeys.cli import main
from journeys.examples import example_path, load_example
from tests.unit.journeys.builders import split_journey

A4 = (841.89, 595.28)  # landscape, points
A3 = (1190.55, 841.89)


def pages(pdf: bytes) -> list[tuple[float, float]]:
    """The size of every page of an fpdf2 document (points)."""
    count = len(re.findall(rb"/Type /Page\b(?!s)", pdf))
    (box,) = set(re.findall(rb"/MediaBox ?\[0 0 ([\d.]+) ([\d.]+)\]", pdf))
    return [(float(box[0]), float(box[1]))] * count


def test_a_wide_journey_is_split_by_stages_on_landscape_pages() -> None:
    journey = synthetic_journey(30)
    a4 = pages(printing.journey_pdf(journey, "a4"))
    a3 = pages(printing.journey_pdf(journey, "a3"))
    assert a4[0] == A4 and a3[0] == A3
    assert len(a4) > 1 and len(a3) <= len(a4)


def test_a_small_journey_is_one_page() -> None:
    assert pages(printing.journey_pdf(split_journey(), "a3")) == [A3]


def test_pages_take_whole_stages_while_they_fit() -> None:
    layout = printing.Layout(names_width=100, stage_widths=[300, 300, 900, 2000, 100], height=500)
    # 785 pt of page at scale 0.6 holds 1308 pt of diagram
    assert printing.page_groups(layout, 785) == [[0, 1], [2], [3], [4]]
    assert printing.page_groups(printing.Layout(100, [], 100), 785) == [[]]


def test_every_page_repeats_the_stage_headers_and_lane_names() -> None:
    journey = synthetic_journey(30)
    layout = printing.measure(blueprint.render_journey(journey, "svg"))
    assert len(layout.stage_widths) == len(journey.stages)
    groups = printing.page_groups(layout, 277 / printing.MM_PER_PT)
    assert sorted(n for group in groups for n in group) == list(range(len(journey.stages)))
    for number, group in enumerate(groups):
        page = printing.stage_subset(journey, group, number == len(groups) - 1)
        dot = blueprint.journey_dot(page)
        assert [stage.name for stage in page.stages] == [journey.stages[n].name for n in group]
        for stage in page.stages:
            assert stage.name in dot
        for lane in journey.lanes:
            assert lane.name in dot
        kept = {step.id for step in page.steps}
        assert all(f.source in kept and f.target in kept for f in page.flows)
        assert {step.stage for step in page.steps} <= {stage.id for stage in page.stages}


def test_the_footer_names_title_version_date_and_page() -> None:
    journey = load_example("felanmalan-gatubelysning")
    journey.version = 4
    text = printing.footer_text(journey, date(2026, 11, 30), 2, 3)
    assert text == f"{journey.title} · version 4 · 2026-11-30 · sida 2 av 3"


def test_unknown_paper_is_refused() -> None:
    with pytest.raises(ValueError):
        printing.journey_pdf(load_example("felanmalan-gatubelysning"), "letter")


def test_cli_prints_on_the_chosen_paper(capsys, tmp_path: Path) -> None:
    out = tmp_path / "resa.pdf"
    example = str(example_path("forskoleplats-nulage"))
    assert main(["render", example, "-o", str(out), "--paper", "a3"]) == 0
    assert pages(out.read_bytes())[0] == A3
    assert main(["render", example, "-o", str(tmp_path / "resa.svg"), "--paper", "a4"]) == 1
    assert "--paper" in capsys.readouterr().err


def test_png_is_twice_the_screen_resolution() -> None:
    journey = load_example("felanmalan-gatubelysning")
    svg = blueprint.render_journey(journey, "svg").decode()
    width_pt = float(re.search(r'<svg width="([\d.]+)pt"', svg).group(1))
    png = blueprint.render_journey(journey, "png")
    (width_px,) = struct.unpack(">I", png[16:20])
    assert width_px == pytest.approx(width_pt / 72 * 192, rel=0.02)
