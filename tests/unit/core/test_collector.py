"""The served app collects young objects less often."""

import gc

import pytest

from academy.core.web import collector


@pytest.fixture
def restored_threshold():
    threshold = gc.get_threshold()
    yield
    gc.set_threshold(*threshold)


def test_the_app_settles_the_collector_when_the_server_starts():
    from academy.academy import app

    assert collector.settle in app.get_lifespan_tasks()


def test_settling_enlarges_the_young_generation_and_keeps_the_older_ones(restored_threshold):
    gc.set_threshold(700, 11, 12)

    collector.settle()

    assert gc.get_threshold() == (collector.YOUNG_GENERATION, 11, 12)
    assert collector.YOUNG_GENERATION > 700
