"""The server's CPU per step of a learner's work, one tab at a time, against the blank app's.

Under load the one event loop serves every tab's steps in turn, so a step's p95 follows what
all the tabs' steps cost the server (bench/load.py). This benchmark says where that cost is:
the same scripts as bench/load.py (a learner's work; the blank app's new tab, page loads and
trivial event), run by one tab at a time, each step timed by the CPU the server's processes
used meanwhile (each thread's nanoseconds on the CPU from Linux's schedstat, the argon2
threads of a login included; elsewhere psutil's 10 ms ticks, whose means over many learners
are still the figures).

    .venv/bin/python bench/step_cpu.py --learners 100
    .venv/bin/python bench/step_cpu.py --learners 150 --against ../main-before
    .venv/bin/python bench/step_cpu.py --learners 100 --configs-side-by-side

With `--against` another checkout's app (its frontend built, say a `git worktree` of main
before a change, with `.venv`, `.tools` and `.web` linked or copied in) runs the same learners
interleaved with this one's, instead of the blank app: the way to compare two versions on a
machine whose speed drifts between runs. `--config scaleout` serves the scale-out configuration
(PostgreSQL, the state in Redis) and counts PostgreSQL's and Redis's CPU as the server's;
`--configs-side-by-side` runs this checkout's embedded and scale-out apps interleaved, with each
step's median wall time one tab at a time (its own latency, round trips included).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psutil

sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).parent)]

from load import (  # noqa: E402
    WHOLE_LOGIN,
    add_learners,
    blank_script,
    floor_kind,
    learner_script,
    run_tabs,
    serve_app,
    serve_blank,
    throwaway_database,
)
from tab import register_frontend  # noqa: E402

from bench.learners import Learners  # noqa: E402
from bench.machine import header  # noqa: E402

# The scale-out configuration's other processes: their CPU is the app's too.
SERVICES = ("postgres", "redis-server")


class ServerCpu:
    """CPU seconds used so far by the server listening on `url` and its worker processes, and
    with `services` by every PostgreSQL and Redis process (listed anew at each reading: a
    database connection's process starts when the pool opens it)."""

    def __init__(self, url: str, services: bool = False) -> None:
        self.services = services
        port = int(url.rsplit(":", 1)[1].split("/")[0])
        listening = [
            process
            for process in psutil.process_iter()
            if any(
                c.status == psutil.CONN_LISTEN and c.laddr.port == port
                for c in _connections(process)
            )
        ]
        if not listening:
            raise RuntimeError(f"no process listens on port {port}")
        found = set(listening)
        for process in listening:
            found.update(process.children(recursive=True))
            found.add(process.parent())
        self.processes = [p for p in found if p is not None and "python" in p.name().lower()]
        # Linux counts each thread's time on the CPU in nanoseconds (psutil's process times
        # are in 10 ms ticks); a thread's count is kept when it ends, so the sum never drops.
        self.threads: dict[tuple[int, str], int] = {}
        self.precise = Path("/proc/self/task").is_dir()
        self.group = {p.pid: "app" for p in self.processes}  # each process's share, by kind

    def by_group(self) -> dict[str, float]:
        """CPU seconds so far per kind of process: the app's, postgres, redis-server."""
        shares: dict[str, float] = {}
        for (pid, _tid), ns in self.threads.items():
            group = self.group.get(pid, "?")
            shares[group] = shares.get(group, 0.0) + ns / 1e9
        return shares

    def _services(self) -> list[psutil.Process]:
        if not self.services:
            return []
        found = [p for p in psutil.process_iter(["name"]) if p.info["name"] in SERVICES]
        self.group.update((p.pid, p.info["name"]) for p in found)
        return found

    def __call__(self) -> float:
        processes = self.processes + self._services()
        if not self.precise:
            return sum(sum(p.cpu_times()[:2]) for p in processes)
        for process in processes:
            tasks = Path(f"/proc/{process.pid}/task")
            for task in tasks.iterdir() if tasks.is_dir() else ():
                try:
                    ns = int((task / "schedstat").read_text().split()[0])
                except (OSError, ValueError, IndexError):
                    continue  # the thread ended meanwhile
                self.threads[(process.pid, task.name)] = ns
        return sum(self.threads.values()) / 1e9


def _connections(process: psutil.Process) -> list:
    try:
        return process.net_connections(kind="tcp")
    except (psutil.AccessDenied, psutil.NoSuchProcess):
        return []


class CpuTimings(dict):
    """Timings whose lists keep the server CPU since the previous step instead of the time the
    script appends: one tab at a time, that is the step's cost."""

    def __init__(self, cpu: ServerCpu) -> None:
        super().__init__()
        self.cpu = cpu
        self.shares: dict[str, float] = {}  # the steps' CPU by kind of process
        self.walls: dict[str, list[float]] = {}  # each step's wall time, one tab at a time
        self.restart()

    def restart(self) -> None:
        """Start the next step's count now."""
        self.mark = self.cpu()
        self.shares_mark = self.cpu.by_group()

    def take(self) -> float:
        """The CPU since the last step (or restart); the next step's count starts now."""
        now, shares = self.cpu(), self.cpu.by_group()
        for group, seconds in shares.items():
            spent = seconds - self.shares_mark.get(group, 0.0)
            self.shares[group] = self.shares.get(group, 0.0) + spent
        spent, self.mark, self.shares_mark = now - self.mark, now, shares
        return spent

    def _list(self, kind: str) -> list[float]:
        if kind not in self:
            super().__setitem__(kind, _Steps(self, kind))
        return super().__getitem__(kind)

    def __getitem__(self, kind: str) -> list[float]:
        return self._list(kind)

    def setdefault(self, kind: str, _default=None) -> list[float]:
        return self._list(kind)


class _Steps(list):
    """One kind's steps: appending (the script's wall time, ignored) keeps the CPU instead."""

    def __init__(self, timings: CpuTimings, kind: str) -> None:
        super().__init__()
        self.timings, self.kind = timings, kind

    def append(self, wall: float) -> None:
        self.timings.walls.setdefault(self.kind, []).append(wall)
        super().append(self.timings.take())


def one_at_a_time(url: str, count: int, script, services: bool = False) -> CpuTimings:
    timings = CpuTimings(ServerCpu(url, services))

    async def run() -> None:
        for index in range(count):
            await _one_tab(url, script, index, timings)

    asyncio.run(run())
    timings.pop(WHOLE_LOGIN, None)  # the sum of two steps, with no step of its own
    return timings


async def _one_tab(url: str, script, index: int, timings: CpuTimings) -> None:
    async def one(tab, _zero, _timings):
        await script(tab, index, timings)

    timings.restart()
    _, errors = await run_tabs(url, 1, one)
    if errors:
        raise RuntimeError("a tab failed; see above")
    timings.restart()  # the closing of the tab belongs to no step


def interleaved(
    urls: list[str], count: int, script, services: tuple[bool, ...] = (False, False)
) -> list[CpuTimings]:
    """Learner i on every server in turn (the order turning each time), so a machine whose
    speed drifts during the run weighs on every server alike. `services`: per server, whether
    PostgreSQL's and Redis's CPU counts (the scale-out configuration)."""
    timings = [CpuTimings(ServerCpu(url, used)) for url, used in zip(urls, services, strict=True)]

    async def run() -> None:
        for index in range(count):
            turn = index % len(urls)
            for k in [*range(turn, len(urls)), *range(turn)]:
                await _one_tab(urls[k], script, index, timings[k])

    asyncio.run(run())
    for each in timings:
        each.pop(WHOLE_LOGIN, None)
    return timings


def report(app: CpuTimings, blank: CpuTimings, learners: int, rounds: int) -> None:
    def mean_ms(values: list[float]) -> float:
        return statistics.fmean(values) * 1000

    print("\n| step | n | server CPU per step, mean ms | blank app's same sort | × |")
    print("|---|---:|---:|---:|---:|")
    for kind, values in app.items():
        floor = blank.get(floor_kind(kind) or "")
        base = f"{mean_ms(floor):.2f}" if floor else "—"
        ratio = f"{mean_ms(values) / mean_ms(floor):.1f}×" if floor else "—"
        print(f"| {kind} | {len(values)} | {mean_ms(values):.2f} | {base} | {ratio} |")
    app_total = sum(sum(v) for v in app.values()) / learners * 1000
    app_steps = sum(len(v) for v in app.values()) / learners
    blank_total = sum(sum(v) for v in blank.values()) / (sum(len(v) for v in blank.values()))
    print(
        f"\nA learner's work: {app_steps:.0f} steps, {app_total:.1f} ms of server CPU "
        f"({app_total / app_steps:.2f} ms per step); the blank app "
        f"{blank_total * 1000:.2f} ms per step ({rounds} rounds a tab): "
        f"{app_total / app_steps / (blank_total * 1000):.1f}× per step."
    )


# The embedded default (SQLite, the state in memory, one worker) and the scale-out
# configuration (PostgreSQL, the state in Redis, a worker per core).
CONFIGS = {
    "embedded": ("sqlite", {}),
    "scaleout": ("postgresql", {"REDIS_URL": "redis://127.0.0.1:6379/0"}),
}


@contextmanager
def served(config: str, folder: Path, count: int) -> Iterator[tuple[str, Learners]]:
    """This checkout's app in `config`, with `count` learners of its own."""
    kind, extra = CONFIGS[config]
    run_folder = folder / config
    run_folder.mkdir()
    with throwaway_database(kind, run_folder) as database_url:
        learners = add_learners(database_url, count)
        with serve_app(database_url, run_folder, extra_env=extra) as url:
            yield url, learners


# Run in the other checkout (its own code, migrations and built frontend): serve its app with
# N learners and print the URL and the learners, until stdin closes.
_OTHER_SERVER = """
import dataclasses, json, sys, tempfile
from pathlib import Path
from bench.learners import add_learners
from tests.databases import throwaway_database
from tests.e2e.server import serve_app
folder = Path(tempfile.mkdtemp(prefix="step-cpu-other-"))
with throwaway_database(sys.argv[2], folder) as database_url:
    learners = add_learners(database_url, int(sys.argv[1]))
    with serve_app(database_url, folder, extra_env=json.loads(sys.argv[3])) as url:
        print(json.dumps({"url": url, "learners": dataclasses.asdict(learners)}), flush=True)
        sys.stdin.read()
"""


@contextmanager
def other_checkout(folder: Path, count: int, config: str) -> Iterator[tuple[str, Learners]]:
    """The app of another checkout (say, main before a change) served beside this one."""
    kind, extra = CONFIGS[config]
    process = subprocess.Popen(
        [sys.executable, "-c", _OTHER_SERVER, str(count), kind, json.dumps(extra)],
        cwd=folder,
        env={**os.environ, "PYTHONPATH": str(folder)},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        for line in process.stdout:  # the demo seed prints its own lines first
            if line.startswith('{"url"'):
                break
        else:
            raise RuntimeError(f"the app of {folder} did not start")
        started = json.loads(line)
        yield started["url"], Learners(**started["learners"])
    finally:
        process.stdin.close()
        process.wait(timeout=60)


def compare(this: CpuTimings, other: CpuTimings, learners: int, names: tuple[str, str]) -> None:
    """Each step's mean server CPU on both, and its median wall time (one tab at a time: no
    queue, so the wall time is the step's own latency, round trips to other processes
    included)."""

    def mean_ms(values: list[float]) -> float:
        return statistics.fmean(values) * 1000

    def median_ms(values: list[float]) -> float:
        return statistics.median(values) * 1000

    a_name, b_name = names
    print(
        f"\n| step | CPU {a_name}, ms | CPU {b_name}, ms | {a_name} / {b_name} | wall {a_name}, ms "
        f"| wall {b_name}, ms |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    for kind, values in this.items():
        if kind in other:
            a, b = mean_ms(values), mean_ms(other[kind])
            walls = f"{median_ms(this.walls[kind]):.1f} | {median_ms(other.walls[kind]):.1f}"
            print(f"| {kind} | {a:.2f} | {b:.2f} | {a / b:.2f} | {walls} |")
    totals = [sum(sum(v) for v in t.values()) / learners * 1000 for t in (this, other)]
    print(
        f"\nA learner's work: {totals[0]:.1f} ms of server CPU {a_name}, {totals[1]:.1f} ms "
        f"{b_name} ({totals[0] / totals[1]:.2f})."
    )
    for name, timings in zip(names, (this, other), strict=True):
        spent = {g: seconds / learners * 1000 for g, seconds in sorted(timings.shares.items())}
        print(f"- {name}: " + ", ".join(f"{g} {ms:.1f} ms" for g, ms in spent.items()))


def side_by_side(first, second, learners: int, names: tuple[str, str], services) -> None:
    """Two served apps ((url, learners) each) run the same learners interleaved."""
    (url, seeded), (other_url, other_seeded) = first, second
    if other_seeded.emails != seeded.emails:
        raise RuntimeError("the two apps seed different learners")
    interleaved([url, other_url], 5, learner_script(seeded), services)  # warm-up
    this, other = interleaved([url, other_url], learners, learner_script(seeded, first=5), services)
    compare(this, other, learners, names)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--learners", type=int, default=100)
    parser.add_argument("--blank-rounds", type=int, default=5)
    parser.add_argument(
        "--against",
        type=Path,
        help="another checkout (with its frontend built) whose app runs the same learners, "
        "interleaved with this one's, instead of the blank app",
    )
    parser.add_argument(
        "--config",
        choices=sorted(CONFIGS),
        default="embedded",
        help="the configuration served; in scale-out PostgreSQL's and Redis's CPU counts too",
    )
    parser.add_argument(
        "--configs-side-by-side",
        action="store_true",
        help="this checkout's embedded and scale-out configurations, interleaved",
    )
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="step-cpu-"))
    print(header())
    total = 5 + args.learners
    if args.configs_side_by_side:
        with (
            served("embedded", folder, total) as embedded,
            served("scaleout", folder, total) as scaleout,
        ):
            side_by_side(
                embedded, scaleout, args.learners, ("embedded", "scale-out"), (False, True)
            )
        return
    scaleout = args.config == "scaleout"
    if args.against:
        other_folder = args.against.resolve()
        with (
            served(args.config, folder, total) as here,
            other_checkout(other_folder, total, args.config) as there,
        ):
            register_frontend(there[0], other_folder)
            side_by_side(here, there, args.learners, ("here", "there"), (scaleout, scaleout))
        return
    with serve_blank(folder) as url:
        one_at_a_time(url, 5, blank_script(args.blank_rounds))  # warm-up
        blank = one_at_a_time(url, args.learners, blank_script(args.blank_rounds))
    with served(args.config, folder, total) as (url, learners):
        one_at_a_time(url, 5, learner_script(learners), scaleout)  # warm-up
        app = one_at_a_time(url, args.learners, learner_script(learners, first=5), scaleout)
    report(app, blank, args.learners, args.blank_rounds)


if __name__ == "__main__":
    main()
