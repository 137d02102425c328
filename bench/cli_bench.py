"""Benchmark for the `journeys` command line (not a test).

`journeys render` of a synthetic journey (1,000 steps by default) as SVG, against raw
`dot -Tsvg` on the same DOT text in the same run: medians of N runs, each a fresh process, as a
person runs it. Goal: at most 1.2x raw dot. Also the start-up of the CLI alone (`--help`).

Run: .venv/bin/python bench/cli_bench.py [--runs 5] [--steps 1000]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from journeys_bench import synthetic_journey  # noqa: E402

from journeys.formats import json_format  # noqa: E402
from journeys.formats.dot import to_dot  # noqa: E402


def timed(command: list[str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system of the process and its children, e.g. `dot`):
    on a machine shared with other work the CPU time is the steadier measure."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--steps", type=int, default=1000)
    args = parser.parse_args()
    cli = str(Path(sys.executable).with_name("journeys"))
    dot = shutil.which("dot")
    journey = synthetic_journey(args.steps)
    with tempfile.TemporaryDirectory() as folder:
        source, dot_file = Path(folder, "resa.json"), Path(folder, "resa.dot")
        source.write_text(json_format.dumps(journey), encoding="utf-8")
        dot_file.write_text(to_dot(journey), encoding="utf-8")
        out = str(Path(folder, "resa.svg"))
        commands = {
            "raw dot": [dot, "-Tsvg", str(dot_file), "-o", out],
            "journeys render": [cli, "render", str(source), "-o", out],
            "journeys --help": [cli, "--help"],
        }
        walls: dict[str, list[float]] = {name: [] for name in commands}
        cpus: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):  # interleaved, so a busy moment hits every command alike
            for name, command in commands.items():
                wall, cpu = timed(command)
                walls[name].append(wall)
                cpus[name].append(cpu)
    wall_median = {name: statistics.median(values) for name, values in walls.items()}
    cpu_median = {name: statistics.median(values) for name, values in cpus.items()}
    for name in commands:
        spread = f"{min(walls[name]):.3f}–{max(walls[name]):.3f}"
        print(
            f"{name:16} wall median {wall_median[name]:.3f} s (range {spread}), "
            f"CPU median {cpu_median[name]:.3f} s, {args.runs} runs"
        )
    for label, median in (("wall", wall_median), ("CPU", cpu_median)):
        ratio = median["journeys render"] / median["raw dot"]
        print(f"{args.steps} steps, {label}: journeys render / raw dot = {ratio:.2f}x (goal 1.2x)")


if __name__ == "__main__":
    main()
