"""A browser tab over Reflex's event websocket, for load benchmarks.

It speaks what the built frontend speaks (Reflex 0.10): socket.io on the namespace and path
`/_event`, a random tab token in the query, the `hydrate_and_load` event in the CONNECT packet
(with the hashes of the frontend's compiled initial state, as a browser's first hydrate of a
page sends them, once `register_frontend` has read them from the app's build), then events
`{name, payload, router_data}`. A page load is done when the server sends `is_hydrated: true`;
any other event when an update arrives that is not marked `final: false`.
Events the server sends back for the frontend to run (e.g. `_redirect`) are recorded, and state
events among them are sent back as the frontend would. A login ends as the browser's does: the
one-time code is posted to `/api/inloggning`, and the tab connects again with the HttpOnly cookie
that the answer set (the server reads the login only from the connection's `Cookie` header).
"""

from __future__ import annotations

import asyncio
import json
import re
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
import socketio

# Per served app (base URL): the hashes of the compiled `initialState` its frontend holds, which a
# browser sends with its first hydrate of a page so the server returns only the vars that differ.
INITIAL_STATE_HASHES: dict[str, list[str]] = {}


def register_frontend(base_url: str, project: Path) -> None:
    """Send what the browser sends: the hashes compiled into `project`'s built frontend."""
    found = re.search(
        r"export const initialStateHashes = (\[.*?\])",
        (project / ".web/utils/context.jsx").read_text(),
    )
    if found is None:
        raise RuntimeError(f"no initialStateHashes in {project}/.web/utils/context.jsx")
    INITIAL_STATE_HASHES[base_url] = json.loads(found.group(1))


ROOT_STATE = "reflex___state____state"
HYDRATE = f"{ROOT_STATE}.hydrate_and_load"
ON_LOAD = f"{ROOT_STATE}.reflex___state____on_load_internal_state.on_load_internal"
NAMESPACE = "/_event"


@dataclass
class Tab:
    base_url: str
    timeout: float = 120.0
    token: str = field(default_factory=lambda: str(uuid.uuid4()))
    path: str = "/"
    # The route's parameters (e.g. {"quiz_id": "5"}), as React Router gives them to the frontend.
    params: dict[str, str] = field(default_factory=dict)
    redirects: list[str] = field(default_factory=list)
    delta: dict[str, dict[str, Any]] = field(default_factory=dict)
    # The `Cookie` header the tab's connection sends (the login cookie once logged in).
    cookie: str = ""

    def __post_init__(self) -> None:
        self.sio = socketio.AsyncClient(reconnection=False)
        self.sio.on("event", self._on_update, namespace=NAMESPACE)
        self._waiter: asyncio.Future | None = None
        self._done_when = None

    # ---- protocol ---------------------------------------------------------------------------

    def _router(self, path: str) -> dict[str, Any]:
        router: dict[str, Any] = {"pathname": path, "asPath": path}
        if self.params:
            router["query"] = dict(self.params)
        return router

    async def _on_update(self, update: dict[str, Any]) -> None:
        for state, values in (update.get("delta") or {}).items():
            self.delta.setdefault(state, {}).update(values)
        for event in update.get("events") or []:
            name = event.get("name", "")
            if name == "_redirect":
                self.redirects.append(event.get("payload", {}).get("path", ""))
            elif name.startswith(ROOT_STATE):
                await self.sio.emit(
                    "event",
                    {**event, "router_data": self._router(self.path)},
                    namespace=NAMESPACE,
                )
        if self._waiter is not None and not self._waiter.done() and self._done_when(update):
            self._waiter.set_result(time.perf_counter())

    async def _timed(self, send, done_when) -> float:
        loop = asyncio.get_running_loop()
        self._waiter, self._done_when = loop.create_future(), done_when
        start = time.perf_counter()
        await send()
        end = await asyncio.wait_for(self._waiter, self.timeout)
        self._waiter = None
        return end - start

    @staticmethod
    def _hydrated(update: dict[str, Any]) -> bool:
        return (update.get("delta") or {}).get(ROOT_STATE, {}).get("is_hydrated_rx_state_") is True

    @staticmethod
    def _final(update: dict[str, Any]) -> bool:
        return update.get("final", True) is not False

    # ---- what a person does -------------------------------------------------------------------

    async def open(self, path: str, **params: str) -> float:
        """Open the app at `path` (a new tab): connect, hydrate, run the page's on_load."""
        self.path, self.params = path, params
        hashes = INITIAL_STATE_HASHES.get(self.base_url)
        boot = {
            "name": HYDRATE,
            "payload": {"hashes": hashes} if hashes else {},
            "router_data": self._router(path),
        }

        async def send():
            await self.sio.connect(
                f"{self.base_url}?token={self.token}",
                socketio_path=NAMESPACE,
                namespaces=[NAMESPACE],
                transports=["websocket"],
                auth={"event": boot},
                headers={
                    "Origin": self.base_url,
                    **({"Cookie": self.cookie} if self.cookie else {}),
                },
                wait_timeout=self.timeout,
            )

        return await self._timed(send, self._hydrated)

    async def navigate(self, path: str, **params: str) -> float:
        """Client-side navigation to `path`: the page's on_load events until hydrated."""
        self.path, self.params = path, params

        async def send():
            await self.sio.emit(
                "event",
                {"name": ON_LOAD, "payload": {}, "router_data": self._router(path)},
                namespace=NAMESPACE,
            )

        return await self._timed(send, self._hydrated)

    async def event(
        self, name: str, payload: dict[str, Any] | None = None, done_when=None
    ) -> float:
        """Send a state event (full name) with `payload`; done at its final update."""

        async def send():
            await self.sio.emit(
                "event",
                {"name": name, "payload": payload or {}, "router_data": self._router(self.path)},
                namespace=NAMESPACE,
            )

        return await self._timed(send, done_when or self._final)

    async def hand_over(self, code: str, path: str = "/") -> float:
        """Post a login's one-time code as the login page does, keep the cookie the answer
        sets, and load `path` on a new connection that carries it (a full page load) and a new
        tab token."""
        start = time.perf_counter()
        async with (
            aiohttp.ClientSession() as http,
            http.post(
                f"{self.base_url}/api/inloggning",
                data={"code": code},
                headers={"Origin": self.base_url},
                allow_redirects=False,
            ) as answer,
        ):
            morsel = answer.cookies.get("sa_session")
            if answer.status != 303 or morsel is None:
                raise RuntimeError(f"inloggningen lämnades inte över ({answer.status})")
            self.cookie = f"sa_session={morsel.value}"
        await self.close()
        # As kit.js does before posting a hand-over: the page after a login starts a new tab
        # state (academy.ui.forms.post_form).
        self.token = str(uuid.uuid4())
        self.sio = socketio.AsyncClient(reconnection=False)
        self.sio.on("event", self._on_update, namespace=NAMESPACE)
        await self.open(path)
        return time.perf_counter() - start

    def var(self, state: str, name: str, default: Any = None) -> Any:
        return self.delta.get(state, {}).get(f"{name}_rx_state_", default)

    async def close(self) -> None:
        if self.sio.connected:
            await self.sio.disconnect()
