"""Security headers on every response of the app: pages, assets, `/api` and the event socket.

The Content-Security-Policy is as strict as a Reflex production build allows:

- scripts only from the app's own origin, plus the inline scripts of the built pages, allowed
  one by one by their SHA-256 hash (read from the build at the first request);
- no `'unsafe-eval'`: Reflex runs `rx.call_script`/`rx.call_function` events from the server
  with `eval`, so the app never returns them (focus moves with `rx.set_focus`; behaviour without
  a round trip lives in assets/kit.js);
- inline styles (`'unsafe-inline'` in style-src) because Radix/Emotion and React `style`
  attributes write them; images from the app and `data:`/`blob:` URLs (uploads' previews);
- connections only back to the app (the event websocket, `/api`), no plug-ins, no `<base>`,
  forms only to the app, and no framing by any other page (`frame-ancestors 'none'`, plus
  `X-Frame-Options: DENY` for older browsers).

A response that sets its own policy (an SVG download: `default-src 'none'`) keeps it.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S | re.I)


def inline_script_hashes(folder: Path) -> list[str]:
    """The CSP sources (`'sha256-…'`) of every inline script in the built pages under `folder`."""
    hashes: set[str] = set()
    for page in sorted(folder.rglob("*.html")):
        for body in INLINE_SCRIPT.findall(page.read_text(encoding="utf-8", errors="replace")):
            digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
            hashes.add(f"'sha256-{digest}'")
    return sorted(hashes)


def policy(script_hashes: list[str]) -> str:
    script_src = " ".join(["'self'", *script_hashes])
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {script_src}",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


def static_headers(csp: str) -> list[tuple[bytes, bytes]]:
    return [
        (b"content-security-policy", csp.encode()),
        (b"x-frame-options", b"DENY"),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"same-origin"),
        (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), payment=()"),
        (b"cross-origin-opener-policy", b"same-origin"),
    ]


class SecurityHeaders:
    """ASGI middleware adding the headers to every HTTP response that lacks them."""

    def __init__(self, app, build_dir: Callable[[], Path | None]):
        self.app = app
        self._build_dir = build_dir

    @lru_cache(maxsize=1)  # noqa: B019 - one instance per process
    def _headers(self) -> list[tuple[bytes, bytes]]:
        folder = self._build_dir()
        hashes = inline_script_hashes(folder) if folder and folder.is_dir() else []
        return static_headers(policy(hashes))

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = self._headers()

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                message = dict(message)
                message["headers"] = [
                    *message.get("headers", []),
                    *[(name, value) for name, value in extra if name not in present],
                ]
            await send(message)

        await self.app(scope, receive, send_with_headers)
