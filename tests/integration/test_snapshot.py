"""A new tab's first snapshot leaves out untouched states, and sends what Reflex would send."""

import asyncio

import pytest
from reflex import state as reflex_state
from reflex.state import State

import academy.academy  # noqa: F401  (every page's state in the tree)
from academy.core.web import snapshot
from academy.core.web.session import SessionState
from academy.courses.web.overview_state import CoursesOverviewState
from academy.courses.web.quiz_take_state import QuizTakeState


@pytest.fixture(scope="module")
def browser_hashes() -> list[str]:
    """What a browser sends with its first hydrate of a page: the hashes of the frontend's
    compiled defaults (taken here as Reflex takes them when it compiles)."""
    defaults = State(_reflex_internal_init=True).dict(initial=True)
    reflex_state.cache_initial_snapshot(State, asyncio.run(reflex_state._resolve_delta(defaults)))
    cached = reflex_state._initial_snapshot_cache[State]
    return [cached.names_digest] + [cached.hashes[name] for name in sorted(cached.hashes)]


def _sent(root: State, hashes: list[str] | None, leave_out: bool) -> dict:
    """The snapshot a hydrate sends for `root`, as Reflex diffs it against the defaults."""

    async def take():
        if leave_out:
            with snapshot.first_hydrate(hashes):
                taken = root.dict()
        else:
            taken = root.dict()
        delta = await reflex_state._resolve_delta(taken)
        if hashes:
            delta = await reflex_state._diff_against_initial_state(State, delta, hashes)
        return delta

    return asyncio.run(take())


def _tab() -> State:
    return State(_reflex_internal_init=True)


def _full_name(state_cls) -> str:
    return state_cls.get_full_name()


def test_a_new_tab_builds_no_untouched_state_and_is_sent_the_same(browser_hashes):
    with snapshot.first_hydrate(browser_hashes):
        taken = _tab().dict()
    assert taken[_full_name(CoursesOverviewState)] == {}
    assert taken[_full_name(SessionState)] == {}
    assert _tab().dict()[_full_name(CoursesOverviewState)] != {}  # outside a first hydrate

    assert _sent(_tab(), browser_hashes, leave_out=True) == _sent(
        _tab(), browser_hashes, leave_out=False
    )


def test_a_state_changed_on_the_server_is_sent(browser_hashes):
    def changed() -> State:
        root = _tab()
        quiz = root.get_substate(_full_name(QuizTakeState).split(".")[1:])
        quiz.title = "Bemötande i telefon"
        root.get_substate(_full_name(SessionState).split(".")[1:]).user_name = "Anna"
        return root

    sent = _sent(changed(), browser_hashes, leave_out=True)
    assert sent == _sent(changed(), browser_hashes, leave_out=False)
    assert sent[_full_name(QuizTakeState)]["title_rx_state_"] == "Bemötande i telefon"
    assert sent[_full_name(SessionState)]["user_name_rx_state_"] == "Anna"


def test_a_state_the_browser_holds_other_defaults_of_is_sent_whole(browser_hashes):
    names = sorted(reflex_state._initial_snapshot_cache[State].hashes)
    stale = list(browser_hashes)
    stale[1 + names.index(_full_name(CoursesOverviewState))] = "0" * 16

    with snapshot.first_hydrate(stale):
        taken = _tab().dict()
    assert taken[_full_name(CoursesOverviewState)] != {}
    assert taken[_full_name(QuizTakeState)] == {}
    sent = _sent(_tab(), stale, leave_out=True)
    assert sent == _sent(_tab(), stale, leave_out=False)
    assert sent[_full_name(CoursesOverviewState)]


def test_a_reconnect_without_hashes_is_sent_everything():
    with snapshot.first_hydrate(None):
        taken = _tab().dict()
    assert taken[_full_name(CoursesOverviewState)] != {}
    assert _sent(_tab(), None, leave_out=True) == _sent(_tab(), None, leave_out=False)
