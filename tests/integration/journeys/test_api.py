"""Journey downloads go through the one download helper: login, visibility, headers."""

import asyncio

from starlette.applications import Starlette
from starlette.testclient import TestClient

from academy.core.web.login_state import LoginState
from academy.demo import DEMO_PASSWORD
from academy.journeys.web.api import ROUTES
from tests.integration.journeys.test_store import _felanmalan_id
from tests.sessions import redeem


def token(email: str) -> str:
    login = LoginState()
    asyncio.run(login.submit({"email": email, "password": DEMO_PASSWORD}))
    return redeem(login.handoff)


def test_exports_need_a_login_and_visibility_and_carry_a_restrictive_policy(demo):
    journey_id = _felanmalan_id(demo)
    client = TestClient(Starlette(routes=ROUTES))
    url = f"/api/kundresor/{journey_id}/export"
    assert client.get(f"{url}/json").status_code == 401

    client.cookies.set("sa_session", token("strateg@demo.se"))
    answer = client.get(f"{url}/mmd")
    assert answer.status_code == 200 and answer.text.startswith("journey")
    assert answer.headers["cache-control"] == "no-store"
    assert answer.headers["content-security-policy"].startswith("default-src 'none'")
    assert 'filename="felanmalan-gatubelysning-v1.mmd"' in answer.headers["content-disposition"]
    assert client.get(f"{url}/docx").status_code == 404

    # An employee of another unit cannot see the unit's own journey.
    client.cookies.set("sa_session", token("eva.holm@demo.se"))
    assert client.get(f"{url}/json").status_code == 404


def test_pdf_export_prints_on_landscape_a4_or_a3(demo):
    journey_id = _felanmalan_id(demo)
    client = TestClient(Starlette(routes=ROUTES))
    client.cookies.set("sa_session", token("strateg@demo.se"))
    url = f"/api/kundresor/{journey_id}/export"
    a4, a3 = client.get(f"{url}/pdf"), client.get(f"{url}/pdf-a3")
    for answer, box in ((a4, b"841.89 595.28"), (a3, b"1190.55 841.89")):
        assert answer.status_code == 200 and answer.content.startswith(b"%PDF")
        assert b"/MediaBox [0 0 " + box + b"]" in answer.content
        assert 'filename="felanmalan-gatubelysning-v1.pdf"' in answer.headers["content-disposition"]


def test_the_editor_diagram_is_served_by_its_url_to_those_who_may_see_the_journey(demo):
    from academy.journeys.web import diagrams
    from tests.integration.journeys.test_editor_state import editor_for

    journey_id = _felanmalan_id(demo)
    editor = editor_for(demo, "strateg@demo.se", journey_id)
    # The state holds the diagram's URL (with a hash of its content), not the SVG.
    assert editor._view().svg_url.startswith(f"/api/kundresor/{journey_id}/diagram/")
    assert not hasattr(editor, "svg")
    client = TestClient(Starlette(routes=ROUTES))
    assert client.get(editor._view().svg_url).status_code == 401
    client.cookies.set("sa_session", token("strateg@demo.se"))
    answer = client.get(editor._view().svg_url)
    assert answer.status_code == 200 and answer.text.startswith("<svg")
    assert answer.text == diagrams.kept_at(editor._view().svg_url)
    assert answer.headers["content-security-policy"].startswith("default-src 'none'")
    assert client.get(f"/api/kundresor/{journey_id}/diagram/0123.svg").status_code == 404
    # An employee of another unit cannot see the unit's own journey.
    client.cookies.set("sa_session", token("eva.holm@demo.se"))
    assert client.get(editor._view().svg_url).status_code == 404
