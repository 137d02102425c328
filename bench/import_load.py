"""Does one person's heavy work stall the others? Page loads of N logged-in tabs, measured three
times in one run against the embedded default (SQLite, one worker):

1. alone (the floor of this benchmark);
2. while a strategist's tab imports a 1,500-step Mermaid journey again and again (preview, then
   import: parsing, checking and writing run in worker threads);
3. while a tab without a login pastes a 20,000-step text and asks for its preview again and
   again (refused before the text is parsed). A 30,000-step text (some 870 KB) is over Reflex's
   1 MB socket message limit with the JSON around it: the server drops that connection.

Reports p50/p95 of the learners' page loads in each phase and the ratio of each p95 to the
first's (the goal: within 2x while the import runs, unchanged while the stranger is refused).

Run: .venv/bin/python bench/import_load.py [--tabs 50] [--rounds 10]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).parent)]
os.environ.setdefault("DEMO_CONTACT_WEEKS", "1")  # contacts play no part here

from load import log_in, percentile, serve_app  # noqa: E402
from tab import Tab  # noqa: E402

from academy.core.demo import DEMO_PASSWORD  # noqa: E402
from bench.learners import add_learners, learner_events  # noqa: E402
from bench.machine import header  # noqa: E402
from tests.databases import throwaway_database  # noqa: E402


def mermaid_journey(steps: int, per_stage: int = 50) -> str:
    """A Mermaid user journey with `steps` tasks in stages of `per_stage`."""
    lines = ["journey", f"  title Stor kundresa ({steps} steg)"]
    for i in range(steps):
        if i % per_stage == 0:
            lines.append(f"  section Fas {i // per_stage + 1}")
        lines.append(f"    Steg {i + 1}: {1 + i % 5}: Invånare")
    return "\n".join(lines) + "\n"


def state_names() -> None:
    """Resolve the states' full names once, before any event loop runs (Reflex registers the
    state classes in the context they are first imported in)."""
    from academy.journeys.web.list_state import JourneyListState

    NAMES["events"] = learner_events()
    NAMES["list"] = JourneyListState.get_full_name()


NAMES: dict = {}


def answered(state: str, success: str):
    """Done when the update brings `success` (a true state var, or an event of that name such
    as `_redirect`) or an error message: an async handler sends more than one update."""

    def done(update: dict) -> bool:
        delta = update.get("delta") or {}
        if delta.get(state, {}).get(f"{success}_rx_state_") is True:
            return True
        if any(e.get("name") == success for e in update.get("events") or []):
            return True
        return bool(delta.get(NAMES["events"].base_state, {}).get("error_rx_state_"))

    return done


async def browse(url: str, emails: list[str], password: str, rounds: int, phase: str):
    """Each learner logs in, then opens /utbildning `rounds` times; page-load seconds."""
    events = NAMES["events"]
    loads: list[float] = []

    async def one(email: str) -> None:
        tab = Tab(url)
        try:
            await log_in(tab, email, password, events, {})
            for _ in range(rounds):
                loads.append(await tab.navigate("/utbildning"))
                events.check(tab, phase)
        finally:
            await tab.close()

    await asyncio.gather(*(one(email) for email in emails))
    return loads


async def keep_importing(url: str, stop: asyncio.Event, done: list[float]) -> None:
    """The strategist: preview and import a 1,500-step journey until told to stop."""
    state, text = NAMES["list"], mermaid_journey(1500)
    tab = Tab(url, timeout=300)
    try:
        await log_in(tab, "strateg@demo.se", DEMO_PASSWORD, NAMES["events"], {})
        await tab.navigate("/kundresor")
        while not stop.is_set():
            start = time.perf_counter()
            await tab.event(f"{state}.set_import_text", {"text": text})
            await tab.event(f"{state}.preview_import", done_when=answered(state, "has_preview"))
            if not tab.var(state, "has_preview"):
                said = tab.var(NAMES["events"].base_state, "error", "")
                raise RuntimeError(f"ingen förhandsvisning: {said}")
            await tab.event(f"{state}.confirm_import", done_when=answered(state, "_redirect"))
            if not tab.redirects:
                said = tab.var(NAMES["events"].base_state, "error", "")
                raise RuntimeError(f"kundresan skapades inte: {said}")
            tab.redirects.clear()
            done.append(time.perf_counter() - start)
    finally:
        await tab.close()


async def keep_pasting_anonymously(url: str, stop: asyncio.Event, done: list[float]) -> None:
    """A stranger: paste a 20,000-step text and ask for its preview until told to stop."""
    state, text = NAMES["list"], mermaid_journey(20_000)
    tab = Tab(url, timeout=300)
    try:
        await tab.open("/logga-in")
        while not stop.is_set():
            start = time.perf_counter()
            await tab.event(f"{state}.set_import_text", {"text": text})
            await tab.event(f"{state}.preview_import", done_when=answered(state, "has_preview"))
            if tab.var(state, "has_preview"):
                raise RuntimeError("en okänd fick en förhandsvisning")
            done.append(time.perf_counter() - start)
    finally:
        await tab.close()


async def browse_beside(url, emails, password, rounds, phase, heavy) -> tuple[list, list]:
    stop, done = asyncio.Event(), []
    worker = asyncio.create_task(heavy(url, stop, done))
    await asyncio.sleep(2)  # let the heavy work start first
    try:
        loads = await browse(url, emails, password, rounds, phase)
    finally:
        stop.set()
        await worker
    return loads, done


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tabs", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="import-load-"))
    state_names()
    print(header())
    with throwaway_database("sqlite", folder) as database_url:
        learners = add_learners(database_url, args.tabs)
        emails, password = learners.emails, learners.password
        with serve_app(database_url, folder) as url:
            asyncio.run(browse(url, emails[:3], password, 1, "uppvärmning"))
            alone = asyncio.run(browse(url, emails, password, args.rounds, "ensam"))
            phases = [("ensam", alone, [])]
            for phase, heavy in (
                ("medan en strateg importerar 1 500 steg", keep_importing),
                ("medan en okänd klistrar in 20 000 steg", keep_pasting_anonymously),
            ):
                loads, done = asyncio.run(
                    browse_beside(url, emails, password, args.rounds, phase, heavy)
                )
                phases.append((phase, loads, done))
    floor = percentile([v * 1000 for v in alone], 95)
    print(f"\n{args.tabs} tabs, /utbildning page loads, {args.rounds} each\n")
    print("| phase | n | p50 ms | p95 ms | p95 / alone | heavy actions (median s) |")
    print("|---|---:|---:|---:|---:|---:|")
    for phase, loads, done in phases:
        ms = [v * 1000 for v in loads]
        p95 = percentile(ms, 95)
        heavy = f"{len(done)} ({percentile(sorted(done), 50):.2f})" if done else "—"
        print(
            f"| {phase} | {len(ms)} | {percentile(ms, 50):.1f} | {p95:.1f} | "
            f"{p95 / floor:.2f}× | {heavy} |"
        )


if __name__ == "__main__":
    main()
