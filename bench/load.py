"""Load benchmark: N browser-like tabs doing a learner's work, against a blank Reflex app's floor.

Each tab speaks the event websocket as the built frontend does (bench/tab.py). The learner's
work: open the login page, log in, open the home page, /utbildning, the course outline, a
lesson, the quiz (answer every question, submit), and a scenario (play a choice). The floor,
measured in the same run: a blank Reflex app of the same version (`reflex init --template
blank`, production build, one trivial event): a new tab, page loads within the tab and that
event, each compared with the app's kind of the same sort (`floor_kind`); the logins with the
argon2id hashing of the whole burst on all cores, measured just before (bench/machine.py).
The app runs in the embedded default (SQLite, one worker) and the scale-out configuration
(PostgreSQL, Redis).

Reports p50/p95/p99 per kind of event and the errors, for each number of tabs.

Run: .venv/bin/python bench/load.py [--tabs 1,50,200] [--configs embedded,scaleout]
(`make bench` runs it with the defaults; building the two apps takes a few minutes.)
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).parent)]
os.environ.setdefault("DEMO_CONTACT_WEEKS", "1")  # contacts play no part in a learner's load

from tab import Tab, register_frontend  # noqa: E402

from academy.core.settings import PROJECT_ROOT  # noqa: E402
from bench.learners import Learners, add_learners, learner_events  # noqa: E402
from bench.machine import argon2_check_seconds, hashing_floor, header  # noqa: E402
from tests.databases import throwaway_database  # noqa: E402
from tests.e2e.server import _free_port, _wait_until_up, app_environment  # noqa: E402
from tests.e2e.server import serve_app as _serve_app  # noqa: E402

BLANK_EVENT_STATE = "reflex___state____state.blank___blank____bench_state"
BLANK_APP = '''"""A blank Reflex app with one trivial event: the floor of the load benchmark."""

import reflex as rx


class BenchState(rx.State):
    clicks: int = 0

    @rx.event
    def click(self):
        self.clicks += 1


def index() -> rx.Component:
    button = rx.el.button(BenchState.clicks, on_click=BenchState.click)
    return rx.el.main(rx.el.h1("Tom app"), button)


app = rx.App()
app.add_page(index, route="/")
'''

Timings = dict[str, list[float]]
Script = Callable[[Tab, int, Timings], Awaitable[None]]


def percentile(values: list[float], q: int) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


@contextmanager
def serve_blank(folder: Path) -> Iterator[str]:
    """`reflex init --template blank`, our one-event page, production build, one port."""
    project = folder / "blank"
    project.mkdir()
    env = app_environment("sqlite:///" + str(folder / "blank.db"))
    subprocess.run(
        [sys.executable, "-m", "reflex", "init", "--template", "blank", "--no-agents"],
        cwd=project,
        env={**env, "REFLEX_INIT_NAME": "blank"},
        check=True,
        capture_output=True,
    )
    app_file = next(project.glob("*/*.py"))
    for path in project.glob("*/*.py"):
        if path.name != "__init__.py":
            app_file = path
    app_file.write_text(BLANK_APP)
    port = _free_port()
    log = folder / "blank.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "reflex", "run", "--env", "prod", "--single-port"]
            + ["--frontend-port", str(port), "--loglevel", "warning"],
            cwd=project,
            env={**env, "PORT": str(port)},
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_until_up(base + "/", process, log)
        register_frontend(base, project)
        yield base
    finally:
        os.killpg(process.pid, 15)
        process.wait(timeout=30)


@contextmanager
def serve_app(database_url: str, folder: Path, extra_env: dict | None = None) -> Iterator[str]:
    """The app as the browser tests serve it; its tabs hydrate as a browser's first page does."""
    with _serve_app(database_url, folder, extra_env=extra_env) as url:
        register_frontend(url, PROJECT_ROOT)
        yield url


async def run_tabs(url: str, count: int, script: Script) -> tuple[Timings, int]:
    timings: Timings = defaultdict(list)
    errors = 0

    async def one(index: int) -> None:
        nonlocal errors
        tab = Tab(url)
        try:
            await script(tab, index, timings)
        except Exception as exc:  # a failed tab is counted, the run goes on
            errors += 1
            timings.setdefault("_errors", []).append(0.0)
            print(f"  tab {index}: {type(exc).__name__}: {exc}", file=sys.stderr)
        finally:
            await tab.close()

    await asyncio.gather(*(one(i) for i in range(count)))
    timings.pop("_errors", None)
    return timings, errors


# The floor's kinds. A new tab (connect and hydrate, all tabs at once) is kept apart from a page
# load within an open tab: mixed, the 200 simultaneous connections set the page load's p95.
NEW_TAB, PAGE_LOAD, EVENT = "ny flik", "sidladdning", "händelse"
# The logins' floor: every tab's argon2id check on all cores, measured before each run
# (bench/machine.py).
HASHING = "hashningen"


def blank_script(rounds: int) -> Script:
    async def script(tab: Tab, index: int, timings: Timings) -> None:
        timings[NEW_TAB].append(await tab.open("/"))
        for _ in range(rounds):
            timings[PAGE_LOAD].append(await tab.navigate("/"))
            timings[EVENT].append(await tab.event(f"{BLANK_EVENT_STATE}.click"))

    return script


WHOLE_LOGIN = "inloggning till startsidan"


def floor_kind(kind: str) -> str | None:
    """The blank app's kind an app's kind of event compares with: the login page, and the home
    page after the login hands its cookie over, open in a new tab; the other pages load within
    the tab; the rest are events. A login compares with the hashing of the whole burst: the
    time all its argon2id checks take on all cores doing nothing else (its goal is absolute,
    3 s, and this says how much of it the machine's speed of the hour leaves)."""
    if kind in ("sidladdning /logga-in", "överlämning och sidladdning /"):
        return NEW_TAB
    if kind in ("inloggning", WHOLE_LOGIN):
        return HASHING
    return PAGE_LOAD if kind.startswith("sidladdning") else EVENT


async def log_in(tab: Tab, email: str, password: str, events, timings: Timings) -> None:
    """Open the login page, log in, hand the one-time code over for the cookie (as kit.js
    does) and land on the home page: a logged-in tab."""

    def logged_in(update) -> bool:
        login = (update.get("delta") or {}).get(events.login_state, {})
        return bool(login.get("handoff_rx_state_") or login.get("error_rx_state_"))

    timings.setdefault("sidladdning /logga-in", []).append(await tab.open("/logga-in"))
    checked = await tab.event(
        events.login,
        {"form_data": {"email": email, "password": password}},
        done_when=logged_in,
    )
    timings.setdefault("inloggning", []).append(checked)
    code = tab.var(events.login_state, "handoff")
    if not code:
        raise RuntimeError(f"{email} kom inte in")
    handed_over = await tab.hand_over(code)
    timings.setdefault("överlämning och sidladdning /", []).append(handed_over)
    # What the person waits for: from "Logga in" until the home page shows.
    timings.setdefault(WHOLE_LOGIN, []).append(checked + handed_over)
    if tab.var(events.session_state, "user_email") != email:
        raise RuntimeError(f"{email} kom inte in")


def learner_script(
    learners: Learners, first: int = 0, logged_in: asyncio.Barrier | None = None
) -> Script:
    """The learner's work; tab `index` is learner `first + index`. With `logged_in` (a barrier
    for every tab) the tabs wait until all are logged in, so their work does not meet the
    burst of logins (the diagnostic `--logins-apart`)."""
    events = learner_events()

    async def script(tab: Tab, index: int, timings: Timings) -> None:
        email = learners.emails[(first + index) % len(learners.emails)]
        try:
            await log_in(tab, email, learners.password, events, timings)
        except Exception:
            if logged_in is not None:
                logged_in.abort()  # the other tabs stop waiting (and count as failed)
            raise
        if logged_in is not None:
            await logged_in.wait()
        for kind, path, params in [
            ("sidladdning /", "/", {}),
            ("sidladdning /utbildning", "/utbildning", {}),
            ("sidladdning kurs", "/utbildning/kurs/", {"course_id": learners.course_id}),
            ("sidladdning lektion", "/utbildning/lektion/", {"lesson_id": learners.lesson_id}),
            ("sidladdning quiz", "/utbildning/quiz/", {"quiz_id": learners.quiz_id}),
        ]:
            values = {k: str(v) for k, v in params.items()}
            timings[kind].append(await tab.navigate(path + "".join(values.values()), **values))
            events.check(tab, kind)
        for kind, name, payload in events.quiz_steps(tab, learners):
            timings[kind].append(await tab.event(name, payload))
            events.check(tab, events.quiz_state)
        scenario = str(learners.scenario_id)
        timings["sidladdning scenario"].append(
            await tab.navigate(f"/traning/scenarier/{scenario}/spela", scenario_id=scenario)
        )
        events.check(tab, events.player_state)
        name, payload = events.scenario_choice(tab)
        timings["scenarioval"].append(await tab.event(name, payload))
        events.check(tab, events.player_state)

    return script


async def run_learners(
    url: str, count: int, learners: Learners, first: int, apart: bool
) -> tuple[Timings, int]:
    barrier = asyncio.Barrier(count) if apart else None
    return await run_tabs(url, count, learner_script(learners, first, barrier))


def measured_run(run: Awaitable[tuple[Timings, int]]) -> tuple[Timings, int, float, float]:
    """`run`'s timings and errors, with the CPU this process (the load client, every tab of
    it) used meanwhile and the run's wall time, in seconds. The tabs stand for browsers on
    people's own computers; here they share the server's cores."""
    cpu, wall = time.process_time(), time.perf_counter()
    timings, errors = asyncio.run(run)
    return timings, errors, time.process_time() - cpu, time.perf_counter() - wall


def client_report(client: dict[str, list[tuple[int, float, float]]]) -> None:
    """The load client's own CPU per run (medians over the rounds): what of the machine's
    cores the simulated browsers took from the server."""
    print("\n### The load client's own CPU (medians over the rounds)\n")
    print("| tabs | app | client CPU s | run's wall s | cores the client used |")
    print("|---:|---|---:|---:|---:|")
    for label, runs in client.items():
        for tabs in sorted({n for n, _, _ in runs}):
            seen = [(cpu, wall) for n, cpu, wall in runs if n == tabs]
            cpu = statistics.median(c for c, _ in seen)
            wall = statistics.median(w for _, w in seen)
            used = statistics.median(c / w for c, w in seen if w)
            print(f"| {tabs} | {label} | {cpu:.2f} | {wall:.2f} | {used:.2f} |")


def report(
    title: str, rows: list[tuple[str, int, Timings, int]], floor: dict[int, Timings] | None = None
) -> None:
    """A table per configuration; with the floor, each p95 also as a multiple of the blank
    app's p95 for the same kind (`floor_kind`) and number of tabs."""
    print(f"\n### {title}\n")
    print("| tabs | kind | n | p50 ms | p95 ms | p99 ms | × floor p95 | errors |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|")
    for label, tabs, timings, errors in rows:
        for kind, values in sorted(timings.items()):
            ms = [v * 1000 for v in values]
            p95 = percentile(ms, 95)
            base = (floor or {}).get(tabs, {}).get(floor_kind(kind) or "")
            ratio = f"{p95 / (percentile(base, 95) * 1000):.1f}×" if base and floor else "—"
            print(
                f"| {tabs} | {label}: {kind} | {len(ms)} | {percentile(ms, 50):.1f} | "
                f"{p95:.1f} | {percentile(ms, 99):.1f} | {ratio} | {errors} |"
            )


def summary(
    rows: dict[str, list[tuple[int, int, Timings]]], floor: list[dict[int, Timings]]
) -> None:
    """Over the rounds: each kind's p95 per round, as a multiple of that round's blank app,
    and the medians. One load run's ratio moves by a third or more between runs minutes apart
    (how the burst of 200 logins overlaps the other tabs' steps differs each time), so the
    verdict is the median over rounds, each against the floor measured just before it."""
    print("\n### Over the rounds (p95; × the blank app's p95 of the same round)\n")
    print("| tabs | kind | p95 ms per round | median p95 ms | × floor per round | median × |")
    print("|---:|---|---|---:|---|---:|")
    for label, runs in rows.items():
        by_kind: dict[tuple[int, str], list[tuple[float, float | None]]] = defaultdict(list)
        for round_index, tabs, timings in runs:
            round_floor = floor[round_index] if floor else {}
            for kind, values in timings.items():
                p95 = percentile([v * 1000 for v in values], 95)
                base = round_floor.get(tabs, {}).get(floor_kind(kind) or "")
                ratio = p95 / (percentile(base, 95) * 1000) if base else None
                by_kind[(tabs, kind)].append((p95, ratio))
        for (tabs, kind), seen in sorted(by_kind.items()):
            p95s = [p for p, _ in seen]
            ratios = [r for _, r in seen if r is not None]
            per_ratio = ", ".join(f"{r:.1f}" for r in ratios) or "—"
            median_ratio = f"{statistics.median(ratios):.1f}×" if ratios else "—"
            print(
                f"| {tabs} | {label}: {kind} | {', '.join(_ms(p) for p in p95s)} | "
                f"{_ms(statistics.median(p95s))} | {per_ratio} | {median_ratio} |"
            )


def _ms(value: float) -> str:
    return f"{value:.0f}" if value >= 100 else f"{value:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tabs", default="1,50,200")
    parser.add_argument("--configs", default="embedded,scaleout")
    parser.add_argument("--blank-rounds", type=int, default=5)
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="run the blank app and each configuration in turn this many times and report "
        "the median p95 and ratio over the rounds",
    )
    parser.add_argument("--skip-blank", action="store_true", help="only the app (a quick check)")
    parser.add_argument(
        "--logins-apart",
        action="store_true",
        help="a diagnostic: every tab logs in before any tab goes on, so the pages and events "
        "are timed apart from the burst of logins",
    )
    parser.add_argument(
        "--workers",
        default="",
        help="scale-out only: backend worker counts to compare, e.g. 1,2,5 (default: the rule "
        "in rxconfig.py, one per core)",
    )
    args = parser.parse_args()
    sizes = [int(n) for n in args.tabs.split(",")]
    folder = Path(tempfile.mkdtemp(prefix="load-bench-"))
    print(header())
    print(
        "Each kind's p95 is compared with the blank app's of the same sort in the same round; "
        "the logins' with the hashing of the burst (⌈tabs / cores⌉ argon2id checks, one check "
        "measured just before the round's run)."
    )

    configs = []
    for config in args.configs.split(","):
        if config == "scaleout" and args.workers:
            configs += [(f"scaleout, {n} workers", n) for n in args.workers.split(",")]
        else:
            configs.append((config, ""))
    floors: list[dict[int, Timings]] = []
    # Per label: (round, tabs, timings, errors) of every run.
    results: dict[str, list[tuple[int, int, Timings, int]]] = defaultdict(list)
    # Per label: (tabs, the load client's CPU, wall) of every run.
    client: dict[str, list[tuple[int, float, float]]] = defaultdict(list)
    with ExitStack() as serving:
        blank = serving.enter_context(serve_blank(folder)) if not args.skip_blank else ""
        if blank:
            asyncio.run(run_tabs(blank, 5, blank_script(1)))  # warm-up
        apps = []
        for config, workers in configs:
            kind = "sqlite" if config == "embedded" else "postgresql"
            extra = {} if config == "embedded" else {"REDIS_URL": "redis://127.0.0.1:6379/0"}
            if workers:
                extra["GRANIAN_WORKERS"] = str(workers)
            database_url = serving.enter_context(throwaway_database(kind, folder))
            # Each run has learners of its own: a quiz allows a learner three attempts.
            learners = add_learners(database_url, 3 + sum(sizes) * args.rounds)
            run_folder = folder / config.replace(", ", "-").replace(" ", "-")
            run_folder.mkdir()
            url = serving.enter_context(serve_app(database_url, run_folder, extra_env=extra))
            asyncio.run(run_tabs(url, 3, learner_script(learners)))  # warm-up
            apps.append((config, url, learners))
        first = 3
        for round_index in range(args.rounds):
            floor: dict[int, Timings] = {}
            for n in sizes:
                # The floor just before the app's runs of the same size, in every round.
                if blank:
                    timings, errors, cpu, wall = measured_run(
                        run_tabs(blank, n, blank_script(args.blank_rounds))
                    )
                    results["tom app"].append((round_index, n, timings, errors))
                    client["tom app"].append((n, cpu, wall))
                    floor[n] = dict(timings)
                floor.setdefault(n, {})[HASHING] = [hashing_floor(n, argon2_check_seconds())]
                for config, url, learners in apps:
                    timings, errors, cpu, wall = measured_run(
                        run_learners(url, n, learners, first, args.logins_apart)
                    )
                    results[config].append((round_index, n, timings, errors))
                    client[config].append((n, cpu, wall))
                first += n
            floors.append(floor)

    apart = " (logins apart)" if args.logins_apart else ""
    for label, runs in results.items():
        title = "Blank Reflex app (floor)" if label == "tom app" else f"Serviceakademin, {label}"
        for round_index in range(args.rounds):
            rows = [(label, n, t, e) for r, n, t, e in runs if r == round_index]
            suffix = f", round {round_index + 1}" if args.rounds > 1 else ""
            floor = floors[round_index] if label != "tom app" else None
            report(f"{title}{apart if label != 'tom app' else ''}{suffix}", rows, floor)
    if args.rounds > 1:
        summary(
            {
                label: [(r, n, t) for r, n, t, _ in runs]
                for label, runs in results.items()
                if label != "tom app"
            },
            floors,
        )
    client_report(client)


if __name__ == "__main__":
    main()
