"""The served app freezes what it holds once loaded and collects young objects less often."""

import gc

import pytest

from academy.core.web import collector


@pytest.fixture
def restored_collector():
    threshold = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)


def test_the_app_settles_the_collector_when_the_server_starts():
    from academy.academy import app

    assert collector.settle in app.get_lifespan_tasks()


def test_settling_freezes_what_is_held_and_keeps_the_older_generations(restored_collector):
    gc.set_threshold(700, 11, 12)
    held = [{"row": n} for n in range(1000)]
    frozen_before = gc.get_freeze_count()

    collector.settle()

    assert gc.get_freeze_count() >= frozen_before + len(held)
    assert gc.get_threshold() == (collector.YOUNG_GENERATION, 11, 12)
    # Frozen, they are in no generation a collection scans.
    for generation in range(3):
        assert not any(obj is held[0] for obj in gc.get_objects(generation=generation))
