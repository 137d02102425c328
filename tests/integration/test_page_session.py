"""A page opening's login check and loaders share one database connection and one
transaction, and hold none while the opening waits."""

import asyncio
from datetime import timedelta
from types import SimpleNamespace

from sqlalchemy import select, update

from academy.core.db import get_engine, session_scope
from academy.core.models import LoginSession, utcnow
from academy.core.security import token_digest
from academy.core.web import routing
from academy.core.web.session import PageOpener
from academy.home.web import home_state
from academy.home.web.home_state import HomeState
from tests.integration.test_statement_counts import events
from tests.integration.test_states import logged_in
from tests.sessions import token_of

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


def _commits(call) -> int:
    return events(get_engine(), "commit", call)


def test_the_login_check_and_the_first_loader_are_one_transaction(demo):
    """One COMMIT (and one BEGIN) per page opening: each is a round trip to PostgreSQL."""
    opener, home = logged_in(PageOpener, LEARNER), logged_in(HomeState, LEARNER)
    page = routing.PageLoad((HomeState.load,), public=False)
    commits = _commits(lambda: asyncio.run(opener._run_loaders(page, [home])))
    assert opener.user_name and home.steps
    assert commits == 1


def _login_row(token: str) -> LoginSession:
    with session_scope() as session:
        return session.scalar(select(LoginSession).where(LoginSession.id == _login_id(token)))


def _login_id(token: str) -> int:
    with session_scope() as session:
        return session.scalar(
            select(LoginSession.id).where(LoginSession.token_hash == token_digest(token))
        )


def _age(token: str, minutes: int) -> None:
    with session_scope() as session:
        session.execute(
            update(LoginSession)
            .where(LoginSession.id == _login_id(token))
            .values(last_seen_at=utcnow() - timedelta(minutes=minutes))
        )


def test_the_login_checks_writes_are_kept_when_no_loader_follows(demo):
    """An idle login is ended by the check; the redirect runs no loader, and the end is still
    committed. A login in use is noted as seen, also on a page with no loaders."""
    opener, home = logged_in(PageOpener, LEARNER), logged_in(HomeState, LEARNER)
    token = token_of(opener)
    _age(token, minutes=5)
    asyncio.run(opener._run_loaders(routing.PageLoad((), public=False), []))
    assert utcnow() - _login_row(token).last_seen_at < timedelta(minutes=1)

    _age(token, minutes=24 * 60)
    page = routing.PageLoad((HomeState.load,), public=False)
    assert "/logga-in" in str(asyncio.run(opener._run_loaders(page, [home])))
    assert _login_row(token).ended_at is not None
    assert home.steps == []


def test_a_failing_loader_loses_only_the_note_that_the_login_was_seen(demo, monkeypatch):
    opener, home = logged_in(PageOpener, LEARNER), logged_in(HomeState, LEARNER)
    token = token_of(opener)
    _age(token, minutes=5)
    before = _login_row(token).last_seen_at

    def fails(*_args, **_kwargs):
        raise RuntimeError("a loader's bug")

    monkeypatch.setattr(home_state, "next_steps", fails)
    page = routing.PageLoad((HomeState.load,), public=False)
    asyncio.run(opener._run_loaders(page, [home]))
    assert home.error  # the loader's failure is shown on its page
    row = _login_row(token)
    assert row.ended_at is None and row.last_seen_at == before
    # The next event notes it.
    asyncio.run(opener._run_loaders(routing.PageLoad((), public=False), []))
    assert _login_row(token).last_seen_at > before
