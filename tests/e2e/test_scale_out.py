"""The scale-out configuration: PostgreSQL for data and Redis for Reflex's state."""

import os
from contextlib import contextmanager

import pytest
import redis
from playwright.sync_api import expect

from tests.databases import throwaway_database
from tests.e2e.conftest import log_in_as
from tests.e2e.server import serve_app

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
