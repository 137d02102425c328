"""A page opens in one event: what the page shows arrives in the same update as the end of the
navigation (academy.core.web.opening), not in updates of their own after it, and what did not
change (the header's person) is not sent again."""

import json

from playwright.sync_api import expect

from tests.e2e.conftest import log_in_as

HYDRATED = '"is_hydrated_rx_state_"'


def _updates(frames: list[str]) -> list[dict]:
    """The state updates among socket.io frames (`42/_event,["event",{...}]`)."""
    updates = []
    for frame in frames:
        if not isinstance(frame, str) or not frame.startswith("42/_event,"):
            continue
        name, update = json.loads(frame.removeprefix("42/_event,"))
        if name == "event":
            updates.append(update)
    return updates


def test_a_page_and_its_content_arrive_in_one_update(page, app_url):
    frames: list[str] = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda frame: frames.append(frame)))
    log_in_as(page, app_url, "medarbetare@demo.se", "Sara Nilsson")

    frames.clear()
    page.get_by_role("navigation").get_by_role("link", name="Utbildning").click()
    courses = page.get_by_role("region", name="Mina kurser").get_by_role("heading", level=3)
    expect(courses.first).to_be_visible()
    first_course = courses.first.inner_text().strip()
    assert first_course

    hydrating = [u for u in _updates(frames) if HYDRATED in json.dumps(u)]
    assert len(hydrating) == 1, hydrating
    (update,) = hydrating
    assert first_course in json.dumps(update, ensure_ascii=False)
    flags = [
        values["is_hydrated_rx_state_"]
        for values in update["delta"].values()
        if "is_hydrated_rx_state_" in values
    ]
    assert flags == [True]
    # The header's person did not change: not sent again (the browser would redraw it).
    assert "user_name_rx_state_" not in json.dumps(update)
    expect(page.locator("#user-name")).to_have_text("Sara Nilsson")
