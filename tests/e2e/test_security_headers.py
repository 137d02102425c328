"""Every page and download carries the security headers, no other origin may read the app's
responses, and the pages work under the Content-Security-Policy."""

from playwright.sync_api import expect

from tests.e2e.conftest import log_in_as

FOREIGN = "http://127.0.0.1:9"


def test_pages_and_downloads_send_security_headers_and_refuse_other_origins(page, app_url):
    response = page.goto(f"{app_url}/logga-in")
    headers = response.headers
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "same-origin"

    download = page.request.get(
        f"{app_url}/api/kundresor/1/export/json", headers={"Origin": FOREIGN}
    )
    assert download.status == 401
    assert "access-control-allow-origin" not in download.headers
    assert download.headers["cache-control"] == "no-store"
    assert "frame-ancestors 'none'" in download.headers["content-security-policy"]

    preflight = page.request.fetch(
        f"{app_url}/api/kundresor/1/export/json",
        method="OPTIONS",
        headers={"Origin": FOREIGN, "Access-Control-Request-Method": "GET"},
    )
    assert preflight.headers.get("access-control-allow-origin") != FOREIGN


def test_the_app_runs_under_its_content_security_policy(page, app_url):
    violations = []
    page.on(
        "console",
        lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None,
    )
    log_in_as(page, app_url, "utbildare@demo.se", "Karin Berg")
    page.get_by_role("link", name="Utbildning").first.click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.get_by_role("link", name="Träning").first.click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert violations == []


def test_no_other_site_can_log_a_person_in_or_out(page, app_url):
    for path in ("/api/inloggning", "/api/utloggning"):
        answer = page.request.post(
            f"{app_url}{path}", form={"code": "x"}, headers={"Origin": FOREIGN}, max_redirects=0
        )
        assert answer.status == 403 and "set-cookie" not in answer.headers
        assert answer.headers["cache-control"] == "no-store"
