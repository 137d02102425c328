"""Benchmark of the journey editor in the browser (not a test).

On a 200-step journey, served by the production build: the time from "Spara" on a step to the
updated diagram, the event round trip for opening a step in the form, and two trivial events on
the journey's page ("Zooma in" and "Zooma ut" in turn, which change one number, and selecting a
tab). Floors measured in the same run: the trivial event of a blank Reflex app of the same
version (bench/load.py's `serve_blank`, one button that counts its clicks) and raw `dot -Tsvg`
on the journey's DOT text. After each save it also times the browser's own part of showing a
diagram, with no event: fetching the saved diagram again and putting its SVG into the page.
For each event it also counts the bytes the server sent over the event websocket (the state
delta). Each event is timed twice in the page: until the change is in the page (the DOM) and
until the frame after it is painted (styled and laid out: a 200-step diagram's SVG takes about
50 ms of that after it is in the DOM). Reports medians over several runs. Elements are found
with CSS selectors: a text or role query scans the whole page in the test driver, which on a
page holding a 200-step diagram costs more than the event itself (an earlier version of this
benchmark reported 366 ms for a zoom that took about 110 ms). BENCH_DEBUG=1 prints each event's
times and records a Chrome trace of one zoom in /tmp/editor-trace.json and of one save in
/tmp/editor-save-trace.json.

Run: .venv/bin/python bench/editor_bench.py [--runs N] [--steps N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import psutil
from playwright.sync_api import expect, sync_playwright
from sqlalchemy import select

sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).parent)]

from journeys_bench import raw_dot, synthetic_journey  # noqa: E402
from load import serve_blank  # noqa: E402

from academy.core.auth import to_current_user  # noqa: E402
from academy.core.db import get_engine, session_scope  # noqa: E402
from academy.core.models import User  # noqa: E402
from academy.journeys import store  # noqa: E402
from journeys.blueprint import journey_dot  # noqa: E402
from tests.databases import throwaway_database  # noqa: E402
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.e2e.server import serve_app  # noqa: E402


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


DEBUG = bool(os.environ.get("BENCH_DEBUG"))
BROWSER_CORE: int | None = None  # --browser-core


class Frames:
    """Bytes received over the page's websockets since the last `take()`."""

    def __init__(self, page) -> None:
        self.received = 0
        page.on("websocket", lambda ws: ws.on("framereceived", self._count))

    def _count(self, payload) -> None:
        self.received += len(payload.encode() if isinstance(payload, str) else payload)
        self.last = time.perf_counter()

    def take(self) -> int:
        received, self.received = self.received, 0
        return received


# Timed in the page: from the click's dispatch (a capturing listener) until a MutationObserver
# sees `done` (a cheap JavaScript test) hold. The test driver only starts the click and waits for
# the page's own mark: its locator queries run on the page's main thread, and polling
# `#diagram text` for the saved text took 200-300 ms per poll there (most of what this benchmark
# reported for "Spara" before 2026-12-01).
_ARM = """([trigger, [selector, test, value]]) => {
  const holds = () => {
    const element = document.querySelector(selector);
    if (!element) return false;
    if (test === "text") return element.textContent === value;
    if (test === "includes") return element.textContent.includes(value);
    return element.getAttribute(test) === value;
  };
  const mark = { start: null, end: null };
  mark.done = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (mark.start !== null && mark.end === null && holds()) {
        mark.end = performance.now();
        observer.disconnect();
        // On the screen: the frame after the change has been styled, laid out and painted
        // (a task queued from the next animation frame runs after that frame's rendering).
        requestAnimationFrame(() => setTimeout(() => {
          mark.painted = performance.now();
          resolve();
        }));
      }
    });
    observer.observe(document.body, {
      subtree: true, childList: true, attributes: true, characterData: true,
    });
  });
  document.addEventListener("click", (event) => {
    if (mark.start === null && event.target.closest(trigger)) mark.start = performance.now();
  }, { capture: true });
  window.__bench = mark;
}"""


def measured(
    page,
    frames: Frames,
    trigger: str,
    done: tuple[str, str, str],
    times: list[tuple[float, float]],
    sizes: list[int],
) -> None:
    """Click `trigger` (a CSS selector) and time it in the page until `done` holds: an
    element's (selector) text is, or includes, a value, or one of its attributes is it. Two
    times: until the change is in the page (the DOM) and until it is painted on the screen."""
    frames.take()
    page.evaluate(_ARM, [trigger, list(done)])
    start = time.perf_counter()
    page.locator(trigger).first.click()
    mark = page.evaluate(
        "() => window.__bench.done.then(() => [window.__bench.end - window.__bench.start,"
        " window.__bench.painted - window.__bench.start])"
    )
    times.append((mark[0] / 1000, mark[1] / 1000))
    if DEBUG:
        print(
            f"    reply after {(frames.last - start) * 1000:6.1f} ms (driver's clock),"
            f" done {times[-1][0] * 1000:6.1f}, painted {times[-1][1] * 1000:6.1f}"
        )
    page.wait_for_timeout(150)  # frames still on their way after the DOM has changed
    sizes.append(frames.take())


# The browser's own part of showing a new diagram, with no event: fetch the diagram the page
# shows (the server keeps it; the browser's cache is bypassed) and put its SVG into the page as
# journey-diagram.js does. Timed until it is in the DOM and until the frame after it is painted,
# as `measured` times an event.
_SHOW_DIAGRAM = """async () => {
  const holder = document.getElementById("diagram-svg");
  const start = performance.now();
  const asked = { credentials: "same-origin", cache: "no-store" };
  const response = await fetch(holder.dataset.src, asked);
  const svg = await response.text();
  holder.innerHTML = svg.slice(svg.indexOf("<svg"));
  const end = performance.now();
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  return [end - start, performance.now() - start];
}"""


def shown_again(page, times: list[tuple[float, float]]) -> None:
    """The browser fetching and inserting the page's current diagram once more (`_SHOW_DIAGRAM`)."""
    mark = page.evaluate(_SHOW_DIAGRAM)
    times.append((mark[0] / 1000, mark[1] / 1000))
    page.wait_for_timeout(150)


def pin_browser(core: int | None) -> None:
    """With `--browser-core`: every thread of the browser's processes (Chromium and the
    Playwright driver, children of this process) on `core` alone; the servers, `dot` and this
    process stay on the other cores (set in `main` before anything starts). Processes the
    browser starts later inherit the core from the one that starts them."""
    if core is None:
        return
    for process in psutil.Process().children(recursive=True):
        if "chrom" in process.name() or process.name().startswith("node"):
            for thread in process.threads():
                os.sched_setaffinity(thread.id, {core})


def blank_floor(browser, folder: Path, runs: int) -> tuple[list[tuple[float, float]], list[int]]:
    """The blank app's trivial event in the browser: click the counter, see the new count."""
    times: list[tuple[float, float]] = []
    sizes: list[int] = []
    with serve_blank(folder) as base:
        page = browser.new_page()
        pin_browser(BROWSER_CORE)
        frames = Frames(page)
        page.goto(base + "/")
        expect(page.locator("button")).to_have_text("0")
        for run in range(runs):
            measured(page, frames, "button", ("button", "text", str(run + 1)), times, sizes)
        page.close()
    return times, sizes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--steps", type=int, default=200)
    parser.add_argument(
        "--browser-core",
        type=int,
        help="run the browser on this core alone and everything else on the others, as if "
        "the browser were on the person's own computer (the floors are measured so too)",
    )
    args = parser.parse_args()
    global BROWSER_CORE
    BROWSER_CORE = args.browser_core
    if BROWSER_CORE is not None:
        os.sched_setaffinity(0, os.sched_getaffinity(0) - {BROWSER_CORE})

    journey = synthetic_journey(args.steps)
    dot_text = journey_dot(journey)
    folder = Path(tempfile.mkdtemp())
    with throwaway_database("sqlite", folder) as url, serve_app(url, folder) as base:
        with session_scope(get_engine(url)) as session:
            owner = session.scalar(select(User).where(User.email == "strateg@demo.se"))
            journey_id = store.create_journey(session, to_current_user(owner), journey)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            pin_browser(BROWSER_CORE)
            blank, blank_bytes = blank_floor(browser, folder, args.runs)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            pin_browser(BROWSER_CORE)
            frames = Frames(page)
            page.goto(f"{base}/logga-in")
            page.get_by_label("E-post").fill("strateg@demo.se")
            page.get_by_label("Lösenord").fill("serviceakademin")
            page.get_by_role("button", name="Logga in").click()
            expect(page.locator("#user-name")).to_have_text("Erik Johansson")
            page.goto(f"{base}/kundresor/{journey_id}")
            expect(page.locator("#diagram g.node").first).to_be_attached(timeout=60_000)

            floor_event, tab_event, open_step, save, dot, show = [], [], [], [], [], []
            sizes: dict[str, list[int]] = {"zoom": [], "tab": [], "open": [], "save": []}
            for run in range(args.runs):
                if DEBUG and run == 2:
                    browser.start_tracing(page=page, path="/tmp/editor-trace.json")
                # In and out in turn (75 % is where the editor opens): every click changes it.
                way, expected = ("in", "100 %") if run % 2 == 0 else ("out", "75 %")
                measured(
                    page,
                    frames,
                    f"[data-zoom-button='{way}']",
                    (".diagram-bar [aria-live]", "text", expected),
                    floor_event,
                    sizes["zoom"],
                )
                if DEBUG and run == 2:
                    browser.stop_tracing()
                measured(
                    page,
                    frames,
                    "#journey-tab-flows",
                    ("#journey-tab-flows", "aria-selected", "true"),
                    tab_event,
                    sizes["tab"],
                )
                page.locator("#journey-tab-steps").click()
                expect(page.locator("#journey-tab-steps")).to_have_attribute(
                    "aria-selected", "true"
                )
                step = f"Steg {run * 3}: kontakt om ärendet"
                row = page.locator("#journey-tab-panel-steps tbody tr", has_text=step)
                row_id = row.get_attribute("id")
                measured(
                    page,
                    frames,
                    f"#{row_id} button",
                    ("#step-panel h2", "text", f"Steg: {step}"),
                    open_step,
                    sizes["open"],
                )
                new_text = f"Steg {run * 3}: ändrad i körning {run}"
                page.locator("#step-form [name='text']").fill(new_text)
                if DEBUG and run == 2:
                    browser.start_tracing(
                        page=page,
                        path="/tmp/editor-save-trace.json",
                        categories=[
                            "devtools.timeline",
                            "disabled-by-default-v8.cpu_profiler",  # JavaScript's CPU profile
                            "v8",
                        ],
                    )
                measured(
                    page,
                    frames,
                    "#step-form button[type='submit']",
                    ("#diagram svg", "includes", new_text),
                    save,
                    sizes["save"],
                )
                if DEBUG and run == 2:
                    browser.stop_tracing()
                shown_again(page, show)
                dot.append(timed(lambda: raw_dot(dot_text)))

            browser.close()

    def median_ms(values: list[float]) -> float:
        return statistics.median(values) * 1000

    def kib(values: list[int]) -> str:
        return f"{statistics.median(values) / 1024:8.1f} KiB"

    raw = median_ms(dot)
    print(f"{args.steps}-step journey, medians over {args.runs} runs")
    if BROWSER_CORE is not None:
        print(f"  the browser on core {BROWSER_CORE} alone, everything else on the other cores")
    print(f"  raw dot -Tsvg (floor): {raw:8.1f} ms")
    for at, when in ((0, "in the page (DOM)"), (1, "painted on the screen")):
        floor = median_ms([t[at] for t in blank])
        zoom_ms, tab_ms, open_ms, save_ms, show_ms = (
            median_ms([t[at] for t in times])
            for times in (floor_event, tab_event, open_step, save, show)
        )
        print(f"  until {when}:")
        print(f"    blank app's trivial event (floor): {floor:8.1f} ms  {kib(blank_bytes)}")
        print(
            f"    Zooma in/ut (trivial event):       {zoom_ms:8.1f} ms  {kib(sizes['zoom'])}"
            f"  = {zoom_ms / floor:4.1f}x the blank app's event"
        )
        print(
            f"    select a tab (trivial event):      {tab_ms:8.1f} ms  {kib(sizes['tab'])}"
            f"  = {tab_ms / floor:4.1f}x the blank app's event"
        )
        print(
            f"    open a step in the form:           {open_ms:8.1f} ms  {kib(sizes['open'])}"
            f"  = {open_ms / floor:4.1f}x the blank app's event"
        )
        print(
            f"    Spara -> updated diagram:          {save_ms:8.1f} ms  {kib(sizes['save'])}"
            f"  = {save_ms / (zoom_ms + raw):4.2f}x (trivial event + raw dot)"
        )
        print(
            f"      the browser showing it, no event: {show_ms:8.1f} ms"
            f"  (Spara = {save_ms / (zoom_ms + raw + show_ms):4.2f}x the three together)"
        )


if __name__ == "__main__":
    main()
