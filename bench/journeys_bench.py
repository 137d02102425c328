"""Benchmark for the journeys package (not a test).

Builds synthetic journeys of 10, 100, 500 and 1000 steps and reports medians over several runs:
- SVG rendering through the package (DOT building + `dot`, caches cleared) against raw
  `dot -Tsvg` on the same DOT text in the same run (goal: at most 1.2x),
- the full analysis behind `journeys analyze` (goal: under 100 ms at 1000 steps),
- a cached re-render of an unchanged journey (goal: under 5 ms).

Run: .venv/bin/python bench/journeys_bench.py [--runs N] [--sizes 10,100,...]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import time
from collections.abc import Callable

from journeys import analysis, blueprint, render
from journeys.model import CHANNELS, Flow, Journey, Lane, Stage, Step
from journeys.report import summarize

STAGES = ["Behov", "Information", "Kontakt", "Handläggning", "Beslut", "Uppföljning"]
LANES = [
    Lane("medborgare", "Medborgare", "customer"),
    Lane("front", "Kontaktcenter", "frontstage"),
    Lane("back", "Förvaltningen", "backstage"),
    Lane("system", "Verksamhetssystem", "support"),
]


def synthetic_journey(size: int) -> Journey:
    """A main line of steps where every fifth step splits in two branches (0.7 / 0.3) that meet
    again, and every twentieth step sends 10 % of errands back three steps (rework)."""
    stages = [Stage(f"fas-{n}", name) for n, name in enumerate(STAGES)]
    steps = []
    for n in range(size):
        steps.append(
            Step(
                id=f"steg-{n}",
                stage=stages[n * len(stages) // size].id,
                lane=LANES[n % len(LANES)].id,
                text=f"Steg {n}: kontakt om ärendet",
                channel=CHANNELS[n % len(CHANNELS)] if n % 4 != 2 else None,
                emotion=(n % 5) - 2,
                volume_per_week=100 + n % 37,
                handling_minutes=5 + n % 11,
                first_contact_resolution=0.5 + (n % 5) / 10,
                failure_demand=n % 7 == 0,
                evidence=("observed", "assumed", "proposed")[n % 3],
                pain_points=["Väntetid"] if n % 9 == 0 else [],
            )
        )
    flows: list[Flow] = []
    n = 0
    while n < size - 1:
        if n % 5 == 0 and n + 3 < size:
            flows += [
                Flow(f"steg-{n}", f"steg-{n + 1}", "next", 0.7),
                Flow(f"steg-{n}", f"steg-{n + 2}", "alternative", 0.3),
                Flow(f"steg-{n + 1}", f"steg-{n + 3}", "next"),
                Flow(f"steg-{n + 2}", f"steg-{n + 3}", "handoff"),
            ]
            n += 3
            continue
        if n % 20 == 19 and n >= 3:
            flows += [
                Flow(f"steg-{n}", f"steg-{n + 1}", "next", 0.9),
                Flow(f"steg-{n}", f"steg-{n - 3}", "rework", 0.1),
            ]
        else:
            flows.append(Flow(f"steg-{n}", f"steg-{n + 1}", "next"))
        n += 1
    steps[0].is_start = True
    steps[-1].is_end = True
    return Journey(f"Syntetisk resa {size}", stages=stages, lanes=LANES, steps=steps, flows=flows)


def median_seconds(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def raw_dot(dot_text: str) -> bytes:
    completed = subprocess.run(
        [shutil.which("dot") or "dot", "-Tsvg"], input=dot_text.encode(), capture_output=True
    )
    return completed.stdout


def package_render(journey: Journey) -> bytes:
    blueprint.JOURNEY_CACHE.clear()
    render.DOT_CACHE.clear()
    return blueprint.render_journey(journey, "svg", timeout=600)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="10,100,500,1000")
    args = parser.parse_args()
    print(
        "| steps | flows | raw dot -Tsvg | package SVG | ratio | analysis | cached re-render |"
        "\n|---:|---:|---:|---:|---:|---:|---:|"
    )
    for size in (int(s) for s in args.sizes.split(",")):
        journey = synthetic_journey(size)
        runs = args.runs if size <= 500 else max(3, args.runs // 2)
        dot_text = blueprint.journey_dot(journey)
        # Interleave so both see the same machine load.
        raw_times, package_times = [], []
        for _ in range(runs):
            raw_times.append(median_seconds(lambda: raw_dot(dot_text), 1))  # noqa: B023
            package_times.append(median_seconds(lambda: package_render(journey), 1))  # noqa: B023
        raw, package = statistics.median(raw_times), statistics.median(package_times)
        analysis_time = median_seconds(lambda: summarize(journey), args.runs)  # noqa: B023
        blueprint.render_journey(journey, "svg", timeout=600)
        cached = median_seconds(lambda: blueprint.render_journey(journey, "svg"), 20)  # noqa: B023
        assert analysis.main_path(journey), "synthetic journey must have a main path"
        print(
            f"| {size} | {len(journey.flows)} | {raw * 1000:.0f} ms | {package * 1000:.0f} ms "
            f"| {package / raw:.2f}x | {analysis_time * 1000:.1f} ms | {cached * 1000:.2f} ms |",
            flush=True,
        )


if __name__ == "__main__":
    main()
