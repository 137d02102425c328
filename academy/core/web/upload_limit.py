"""The per-request cap on uploads, applied before Reflex reads the request's body.

Reflex's `/_upload` endpoint reads the whole multipart body before calling an event handler;
this middleware refuses a POST to it whose Content-Length is missing or larger than
`settings.UPLOADS.request` (411 / 413, Swedish text), so no oversized body is ever received.
Per-file caps and the login and role checks are the handlers' (academy/core/uploads.py).
"""

from __future__ import annotations

from academy.core.settings import UPLOADS
from academy.core.uploads import size_text

TOO_LARGE = f"Uppladdningen är för stor: högst {size_text(UPLOADS.request)} åt gången."
NO_LENGTH = "Uppladdningen saknar storlek (Content-Length)."


class UploadLimit:
    def __init__(self, app, limit: int = UPLOADS.request) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if (
            scope["type"] != "http"
            or scope.get("method") != "POST"
            or not scope.get("path", "").rstrip("/").endswith("/_upload")
        ):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        raw = headers.get(b"content-length", b"").decode("latin-1").strip()
        if not raw.isdigit():
            await _refuse(send, 411, NO_LENGTH)
        elif int(raw) > self.limit:
            await _refuse(send, 413, TOO_LARGE)
        else:
            await self.app(scope, receive, send)


async def _refuse(send, status: int, text: str) -> None:
    body = text.encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
