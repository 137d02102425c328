"""The Content-Security-Policy allows exactly the inline scripts of the built pages."""

import asyncio
import base64
import hashlib
import re

from academy.core.settings import PROJECT_ROOT
from academy.core.web.headers import SecurityHeaders, inline_script_hashes, policy


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_inline_scripts_of_built_pages_are_hashed_and_external_ones_are_not(tmp_path):
    (tmp_path / "admin").mkdir()
    (tmp_path / "index.html").write_text(
        '<script>window.a = 1;</script><script src="/x.js"></script>'
        '<script type="module" async="">import "/m.js";</script>'
    )
    (tmp_path / "admin" / "logg.html").write_text("<script>window.a = 1;</script><p>x</p>")
    assert inline_script_hashes(tmp_path) == sorted(
        {_sha("window.a = 1;"), _sha('import "/m.js";')}
    )


def test_policy_forbids_framing_plugins_and_foreign_connections():
    text = policy(["'sha256-abc'"])
    assert "frame-ancestors 'none'" in text
    assert "object-src 'none'" in text
    assert "connect-src 'self'" in text
    assert "script-src 'self' 'sha256-abc'" in text and "unsafe-eval" not in text


def test_middleware_adds_headers_but_keeps_a_responses_own_policy(tmp_path):
    async def app(scope, receive, send):
        headers = [(b"content-type", b"image/svg+xml")]
        if scope["path"] == "/svg":
            headers.append((b"content-security-policy", b"default-src 'none'"))
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": b""})

    wrapped = SecurityHeaders(app, lambda: tmp_path)

    def headers_of(path: str) -> dict[bytes, bytes]:
        sent = []

        async def send(message):
            sent.append(message)

        asyncio.run(wrapped({"type": "http", "path": path}, None, send))
        return dict(sent[0]["headers"])

    page = headers_of("/")
    assert b"frame-ancestors 'none'" in page[b"content-security-policy"]
    assert page[b"x-frame-options"] == b"DENY"
    assert page[b"x-content-type-options"] == b"nosniff"
    assert page[b"referrer-policy"] == b"same-origin"
    assert headers_of("/svg")[b"content-security-policy"] == b"default-src 'none'"


def test_the_app_sends_no_script_for_the_browser_to_eval():
    """The policy has no 'unsafe-eval', so an `rx.call_script` would silently do nothing."""
    sources = sorted((PROJECT_ROOT / "academy").rglob("*.py"))
    using_eval = [
        path.relative_to(PROJECT_ROOT)
        for path in sources
        if re.search(r"\b(call_script|call_function)\(", path.read_text(encoding="utf-8"))
    ]
    assert sources and using_eval == []
