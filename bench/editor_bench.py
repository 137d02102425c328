"""Benchmark of the journey editor in the browser (not a test).

On a 200-step journey, served by the production build: the time from "Spara" on a step to the
updated diagram, and the event round trip for opening a step in the form. Floors measured in the
same run: a trivial event on the same page ("Zooma in", which changes one number) and raw
`dot -Tsvg` on the journey's DOT text. Reports medians over several runs.

Run: .venv/bin/python bench/editor_bench.py [--runs N] [--steps N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import expect, sync_playwright
from sqlalchemy import select

sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).parent)]

from journeys_bench import raw_dot, synthetic_journey  # noqa: E402

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--steps", type=int, default=200)
    args = parser.parse_args()

    journey = synthetic_journey(args.steps)
    dot_text = journey_dot(journey)
    folder = Path(tempfile.mkdtemp())
    with throwaway_database("sqlite", folder) as url, serve_app(url, folder) as base:
        with session_scope(get_engine(url)) as session:
            owner = session.scalar(select(User).where(User.email == "strateg@demo.se"))
            journey_id = store.create_journey(session, to_current_user(owner), journey)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(f"{base}/logga-in")
            page.get_by_label("E-post").fill("strateg@demo.se")
            page.get_by_label("Lösenord").fill("serviceakademin")
            page.get_by_role("button", name="Logga in").click()
            expect(page.locator("#user-name")).to_have_text("Erik Johansson")
            page.goto(f"{base}/kundresor/{journey_id}")
            expect(page.locator("#diagram g.node").first).to_be_attached(timeout=60_000)

            floor_event, open_step, save, dot = [], [], [], []
            for run in range(args.runs):
                zoom = page.get_by_role("button", name="Zooma in")
                expected = f"{125 + 25 * run if run < 8 else 300} %"
                floor_event.append(
                    timed(
                        lambda z=zoom, e=expected: (
                            z.click(),
                            expect(page.get_by_text(e, exact=True)).to_be_visible(),
                        )
                    )
                )
                step = f"Steg {run * 3}: kontakt om ärendet"
                button = page.get_by_role("button", name=f"Redigera {step}", exact=True)
                open_step.append(
                    timed(
                        lambda b=button, s=step: (
                            b.click(),
                            expect(page.get_by_role("heading", name=f"Steg: {s}")).to_be_visible(),
                        )
                    )
                )
                new_text = f"Steg {run * 3}: ändrad i körning {run}"
                page.get_by_role("form", name="Steg").get_by_label("Text").fill(new_text)
                save_button = page.get_by_role("form", name="Steg").get_by_role(
                    "button", name="Spara"
                )
                save.append(
                    timed(
                        lambda b=save_button, t=new_text: (
                            b.click(),
                            expect(page.locator("#diagram text", has_text=t).first).to_be_attached(
                                timeout=60_000
                            ),
                        )
                    )
                )
                dot.append(timed(lambda: raw_dot(dot_text)))
            browser.close()

    def median_ms(values: list[float]) -> float:
        return statistics.median(values) * 1000

    floor, raw = median_ms(floor_event), median_ms(dot)
    print(f"{args.steps}-step journey, medians over {args.runs} runs")
    print(f"  trivial event round trip (floor):  {floor:8.1f} ms")
    print(f"  raw dot -Tsvg (floor):             {raw:8.1f} ms")
    print(
        f"  open a step in the form:           {median_ms(open_step):8.1f} ms"
        f"  = {median_ms(open_step) / floor:4.1f}x the trivial event"
    )
    print(
        f"  Spara -> updated diagram:          {median_ms(save):8.1f} ms"
        f"  = {median_ms(save) / (floor + raw):4.1f}x (trivial event + raw dot)"
    )


if __name__ == "__main__":
    main()
