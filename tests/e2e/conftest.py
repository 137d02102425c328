"""End-to-end fixtures: the app built and served once per run, and Debian's Chromium."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect, sync_playwright

from academy.core.settings import PROJECT_ROOT
from academy.demo import DEMO_PASSWORD
from tests.databases import throwaway_database

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
START_TIMEOUT_S = 420


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def app_environment(database_url: str) -> dict[str, str]:
    env = dict(os.environ)
    bun_bin = PROJECT_ROOT / ".tools" / "bun" / "node_modules" / ".bin"
    env.update(
        PATH=f"{bun_bin}{os.pathsep}{Path(sys.executable).parent}{os.pathsep}{env['PATH']}",
        REFLEX_USE_SYSTEM_BUN="1",
        REFLEX_TELEMETRY_ENABLED="false",
        REFLEX_CHECK_LATEST_VERSION="false",
        DATABASE_URL=database_url,
    )
    return env


def _wait_until_up(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"The app stopped while starting:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(1)
    raise RuntimeError(
        f"The app did not answer within {START_TIMEOUT_S} s:\n{log.read_text()[-3000:]}"
    )


@pytest.fixture(scope="session")
def app_url(tmp_path_factory):
    """Build the production app and serve it on a free port against a throw-away database."""
    folder = tmp_path_factory.mktemp("e2e")
    with throwaway_database("sqlite", folder) as database_url:
        env = app_environment(database_url)
        subprocess.run([sys.executable, "-m", "academy.cli", "seed-demo"], env=env, check=True)
        port = _free_port()
        log = folder / "app.log"
        with log.open("w") as out:
            process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "reflex",
                    "run",
                    "--env",
                    "prod",
                    "--single-port",
                    "--frontend-port",
                    str(port),
                    "--loglevel",
                    "warning",
                ],
                cwd=PROJECT_ROOT,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        try:
            base = f"http://127.0.0.1:{port}"
            _wait_until_up(f"{base}/logga-in", process, log)
            yield base
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser):
    """Open a page in a fresh browser context (its own cookies); several per test if needed."""
    contexts = []

    def open_page() -> Page:
        context = browser.new_context(locale="sv-SE", viewport={"width": 1280, "height": 900})
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


def log_in(page: Page, app_url: str, email: str, password: str = DEMO_PASSWORD) -> None:
    page.goto(f"{app_url}/logga-in")
    page.get_by_label("E-post").fill(email)
    page.get_by_label("Lösenord").fill(password)
    page.get_by_role("button", name="Logga in").click()


def log_in_as(page: Page, app_url: str, email: str, name: str) -> None:
    log_in(page, app_url, email)
    expect(page.locator("#user-name")).to_have_text(name)


def serious_violations(page: Page) -> list[dict]:
    """axe-core's serious and critical findings on the page as it is now."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
