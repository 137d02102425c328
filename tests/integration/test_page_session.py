"""A page opening's login check and loaders share one database connection, and hold none
while the opening waits."""

import asyncio
from types import SimpleNamespace

from academy.core.db import get_engine
from academy.core.web import routing
from academy.core.web.session import PageOpener
from academy.home.web.home_state import HomeState
from tests.integration.test_statement_counts import events
from tests.integration.test_states import logged_in

LEARNER = "medarbetare@demo.se"


def _checkouts(call) -> int:
    return events(get_engine().pool, "checkout", call)


def test_the_login_check_and_the_loader_take_one_connection(demo):
    opener, home = logged_in(PageOpener, LEARNER), logged_in(HomeState, LEARNER)
    page = routing.PageLoad((HomeState.load,), public=False)
    taken = _checkouts(lambda: asyncio.run(opener._run_loaders(page, [home])))
    assert opener.user_name and home.error == "" and home.steps
    assert taken == 1


def test_a_stranger_is_sent_to_the_login_page_before_any_loader_runs(demo):
    stranger, home = PageOpener(), logged_in(HomeState, LEARNER)
    page = routing.PageLoad((HomeState.load,), public=False)
    redirect = asyncio.run(stranger._run_loaders(page, [home]))
    assert "/logga-in" in str(redirect)
    assert home.steps == []


def test_no_connection_is_held_while_a_loader_waits(demo):
    opener = logged_in(PageOpener, LEARNER)
    held_while_waiting = []

    async def waits(_state):
        await asyncio.sleep(0)
        held_while_waiting.append(get_engine().pool.checkedout())

    page = routing.PageLoad((SimpleNamespace(fn=waits, is_background=False),), public=False)
    asyncio.run(opener._run_loaders(page, [None]))
    assert held_while_waiting == [0]
    assert get_engine().pool.checkedout() == 0
