"""End-to-end fixtures: the app built and served once per run, and Debian's Chromium."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect, sync_playwright

from academy.demo import DEMO_PASSWORD
from tests.databases import throwaway_database
from tests.e2e.server import serve_app

# Wait up to 15 s for what a person should see: on a busy 2-core machine a login (argon2) or a
# password check can take longer than Playwright's default 5 s. Tests never assert on time.
expect.set_options(timeout=15_000)

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


class AppServers:
    """The apps the e2e tests run against, one at a time.

    Every `reflex run` builds the frontend into the project's one .web folder, with its own
    port written into the pages; a second app would leave the first one's pages talking to a
    port no one answers. So starting one app stops the other, and a test asking again for an
    app that was stopped gets it built and started anew (on a fresh database with the demo
    data): in the files' order this never happens, in a random order it costs a build.
    """

    def __init__(self) -> None:
        self._running: tuple[str, ExitStack, str] | None = None
        self._failed: dict[str, Exception] = {}

    def get(self, name: str, app: Callable[[], AbstractContextManager[str]]) -> str:
        """The base URL of the app `name`, started with `app()` unless it is running."""
        if self._running and self._running[0] == name:
            return self._running[2]
        if name in self._failed:  # a failed build is not tried again for every test
            raise self._failed[name]
        self.stop()
        stack = ExitStack()
        try:
            url = stack.enter_context(app())
        except Exception as exc:
            self._failed[name] = exc
            raise
        self._running = (name, stack, url)
        return url

    def stop(self) -> None:
        if self._running:
            running, self._running = self._running, None
            running[1].close()


@pytest.fixture(scope="session")
def app_servers():
    servers = AppServers()
    yield servers
    servers.stop()


@contextmanager
def _demo_app(folder: Path) -> Iterator[str]:
    with (
        throwaway_database("sqlite", folder) as database_url,
        serve_app(database_url, folder) as url,
    ):
        yield url


@pytest.fixture
def app_url(app_servers, tmp_path_factory):
    """The production app, built and served on a free port against a throw-away database
    seeded with the demo data; started once per run (see AppServers)."""
    return app_servers.get("demo", lambda: _demo_app(tmp_path_factory.mktemp("e2e")))


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


def delete_after_question(page: Page, button, question: str, row) -> None:
    """A row's "Ta bort": the dialog asks `question` with Avbryt focused; Avbryt keeps `row`;
    then the dialog's Ta bort."""
    button.click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text(question)
    expect(dialog.get_by_role("button", name="Avbryt")).to_be_focused()
    dialog.get_by_role("button", name="Avbryt").click()
    expect(row).to_be_visible()
    button.click()
    page.get_by_role("dialog").get_by_role("button", name="Ta bort").click()


def serious_violations(page: Page) -> list[dict]:
    """axe-core's serious and critical findings on the page as it is now."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
