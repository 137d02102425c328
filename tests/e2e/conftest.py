"""End-to-end fixtures: the app built and served once per run, and Debian's Chromium."""

from __future__ import annotations

import os

import pytest
from playwright.sync_api import Page, expect, sync_playwright

from academy.demo import DEMO_PASSWORD
from tests.databases import throwaway_database
from tests.e2e.server import serve_app

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


@pytest.fixture(scope="session")
def app_url(tmp_path_factory):
    """Build the production app and serve it on a free port against a throw-away database."""
    folder = tmp_path_factory.mktemp("e2e")
    with (
        throwaway_database("sqlite", folder) as database_url,
        serve_app(database_url, folder) as url,
    ):
        yield url


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
