"""Journey downloads go through the one download helper: login, visibility, headers."""

import asyncio

from starlette.applications import Starlette
from starlette.testclient import TestClient

from academy.core.web.login_state import LoginState
from academy.demo import DEMO_PASSWORD
from academy.journeys.web.api import ROUTES
from tests.integration.journeys.test_store import _felanmalan_id


def token(email: str) -> str:
    login = LoginState()
    asyncio.run(login.submit({"email": email, "password": DEMO_PASSWORD}))
    return login.token


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
