"""The scale-out configuration: PostgreSQL for data and Redis for Reflex's state."""

import os
import signal
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest
import redis
from playwright.sync_api import expect

from rxconfig import backend_workers
from tests.databases import throwaway_database
from tests.e2e.conftest import log_in_as
from tests.e2e.server import RUNNING, serve_app
from tests.e2e.test_login_and_roles import nothing_of_the_previous_person
from tests.e2e.test_quiz_taking import build_quiz, started_by_learner

pytestmark = pytest.mark.e2e

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
REDIS_HELP = (
    "Redis is not reachable at {url}. Start it with:\n  redis-server --daemonize yes --bind "
    "127.0.0.1 -::1 --port 6379 --save '' --appendonly no --dir /var/lib/redis"
)


@contextmanager
def _scaled_app(folder):
    extra = {"REDIS_URL": REDIS_URL}
    with (
        throwaway_database("postgresql", folder) as database_url,
        serve_app(database_url, folder, extra_env=extra) as url,
    ):
        yield url


@pytest.fixture
def scaled_app_url(app_servers, tmp_path_factory):
    try:
        redis.Redis.from_url(REDIS_URL).ping()
    except redis.ConnectionError as exc:
        raise RuntimeError(REDIS_HELP.format(url=REDIS_URL)) from exc
    return app_servers.get("scale-out", lambda: _scaled_app(tmp_path_factory.mktemp("scale-out")))


def test_login_and_journeys_work_on_postgresql_with_redis_state(new_page, scaled_app_url):
    store = redis.Redis.from_url(REDIS_URL)
    keys_before = set(store.keys("*"))
    page = new_page()
    log_in_as(page, scaled_app_url, "strateg@demo.se", "Erik Johansson")
    page.reload()  # the login and the state survive a reload through Redis
    expect(page.locator("#user-name")).to_have_text("Erik Johansson")
    page.goto(f"{scaled_app_url}/kundresor")
    expect(page.get_by_role("link", name="Felanmälan gatubelysning")).to_be_visible()
    assert set(store.keys("*")) - keys_before, "Reflex kept no state of this browser in Redis"


def test_a_tab_that_keeps_its_token_is_emptied_for_the_next_person(new_page, scaled_app_url):
    """With the state in Redis too, the server empties a tab whose connection carries another
    login before anything is sent (academy.core.web.tab_owner)."""
    nothing_of_the_previous_person(new_page(), scaled_app_url, keep_token=True)


def _workers(main_pid: int) -> set[int]:
    """The backend worker processes: the children of the `reflex run` process (Granian)."""
    children = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == main_pid:
            children.add(int(stat.parent.name))
    return children


def _wait_for_workers(main_pid: int, number: int, gone: set[int]) -> set[int]:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        workers = _workers(main_pid)
        if len(workers) == number and not workers & gone:
            return workers
        time.sleep(0.5)
    raise AssertionError(f"{number} new workers did not start: {_workers(main_pid)}")


def test_one_worker_per_core_and_a_killed_worker_loses_nothing(new_page, scaled_app_url):
    main_pid = RUNNING[scaled_app_url]
    workers = _workers(main_pid)
    assert len(workers) == backend_workers(redis=True)  # one per core, not 2 x cores + 1

    course = f"Avbrott {uuid.uuid4().hex[:6]}"
    trainer = new_page()
    log_in_as(trainer, scaled_app_url, "utbildare@demo.se", "Karin Berg")
    quiz_url = build_quiz(trainer, scaled_app_url, course)
    page = started_by_learner(new_page(), scaled_app_url, quiz_url)
    first = page.get_by_role("group", name="Fråga 1", exact=True)
    first.get_by_label("Med kommunens namn och mitt namn").check()
    first.get_by_role("button", name="Spara svar på fråga 1").click()
    expect(first.get_by_text("Sparat svar.")).to_be_visible()

    # Every backend worker dies at once (the tab's own among them); Granian starts new ones.
    for pid in workers:
        os.kill(pid, signal.SIGKILL)
    _wait_for_workers(main_pid, len(workers), gone=workers)

    # The open tab reconnects by itself, still logged in, and the quiz goes on where it was.
    gap = page.get_by_role("group", name="Fråga 2", exact=True)
    gap.get_by_label("två").check()
    gap.get_by_role("button", name="Spara svar på fråga 2").click()
    expect(gap.get_by_text("Sparat svar.")).to_be_visible(timeout=30_000)
    expect(page.locator("#user-name")).to_have_text("Sara Nilsson")
    expect(first.get_by_text("Sparat svar.")).to_be_visible()
    # Nothing lived only in the dead worker: after a reload both answers are still there.
    page.reload()
    expect(page.locator("#user-name")).to_have_text("Sara Nilsson")
    first = page.get_by_role("group", name="Fråga 1", exact=True)
    expect(first.get_by_label("Med kommunens namn och mitt namn")).to_be_checked()
    expect(
        page.get_by_role("group", name="Fråga 2", exact=True).get_by_label("två")
    ).to_be_checked()
