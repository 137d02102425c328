"""Build and serve the production app on a free port (used by the e2e tests and benchmarks)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from academy.core.settings import PROJECT_ROOT

START_TIMEOUT_S = 420
# Base URL -> process id of the `reflex run` serving it (its process group holds the workers).
RUNNING: dict[str, int] = {}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def app_environment(database_url: str) -> dict[str, str]:
    env = dict(os.environ)
    # rxconfig.py, imported by this test process too, sets the worker count for *its* REDIS_URL;
    # the served app chooses its own (one per core with Redis, see rxconfig.backend_workers).
    env.pop("GRANIAN_WORKERS", None)
    bun_bin = PROJECT_ROOT / ".tools" / "bun" / "node_modules" / ".bin"
    env.update(
        PATH=f"{bun_bin}{os.pathsep}{Path(sys.executable).parent}{os.pathsep}{env['PATH']}",
        REFLEX_USE_SYSTEM_BUN="1",
        REFLEX_TELEMETRY_ENABLED="false",
        REFLEX_CHECK_LATEST_VERSION="false",
        DATABASE_URL=database_url,
    )
    return env


def _wait_until_up(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"The app stopped while starting:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(1)
    raise RuntimeError(
        f"The app did not answer within {START_TIMEOUT_S} s:\n{log.read_text()[-3000:]}"
    )


@contextmanager
def serve_app(
    database_url: str, folder: Path, extra_env: dict[str, str] | None = None
) -> Iterator[str]:
    """Seed the demo data, start `reflex run --env prod --single-port`, yield its base URL."""
    # Uploaded files (node images) go to the run's folder, not the project's data/.
    env = {**app_environment(database_url), "DATA_DIR": str(folder), **(extra_env or {})}
    # Eight weeks of demo contacts (the tests' figures), not the default year: quicker to seed.
    env.setdefault("DEMO_CONTACT_WEEKS", os.environ.get("DEMO_CONTACT_WEEKS", "8"))
    subprocess.run([sys.executable, "-m", "academy.cli", "seed-demo"], env=env, check=True)
    port = _free_port()
    env["PORT"] = str(port)  # the app's own origin is the only one allowed (CORS)
    log = folder / "app.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "reflex",
                "run",
                "--env",
                "prod",
                "--single-port",
                "--frontend-port",
                str(port),
                "--loglevel",
                "warning",
            ],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_until_up(f"{base}/logga-in", process, log)
        RUNNING[base] = process.pid
        yield base
    finally:
        RUNNING.pop(f"http://127.0.0.1:{port}", None)
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
