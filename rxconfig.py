"""Reflex configuration. Database and Redis come from the environment (see README)."""

import os

import reflex as rx

# No data leaves a municipality's server: no telemetry, no version check.
os.environ.setdefault("REFLEX_TELEMETRY_ENABLED", "false")
os.environ.setdefault("REFLEX_CHECK_LATEST_VERSION", "false")

_redis_url = os.environ.get("REDIS_URL") or None


def backend_workers(redis: bool) -> int:
    """Backend worker processes: one per CPU core this process may use, at most 8, and one
    when the state lives in memory (it cannot be shared). Reflex's default of 2 × cores + 1
    made the scale-out configuration slower than one worker on 2 cores: every event is CPU work
    in Python, so more processes than cores only add switching (docs/performance.md)."""
    if not redis:
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(cores or 1, 8))


def _respawn_failed_workers() -> None:
    """Have Granian start a new worker when one dies (Reflex leaves Granian's default, which
    stops the whole server). With the state in Redis a killed worker then loses nothing: its
    tabs reconnect to the others, or to the new one, logged in and where they were."""
    try:
        import granian.server as granian_server
    except ImportError:  # the development server (uvicorn) is used instead
        return
    base = granian_server.Server
    if getattr(base, "respawns_failed_workers", False):
        return

    class RespawningServer(base):
        respawns_failed_workers = True

        def __init__(self, *args, **kwargs):
            kwargs.setdefault("respawn_failed_workers", True)
            super().__init__(*args, **kwargs)

    granian_server.Server = RespawningServer


# Reflex reads GRANIAN_WORKERS when it starts Granian; an explicit setting wins.
os.environ.setdefault("GRANIAN_WORKERS", str(backend_workers(bool(_redis_url))))
if _redis_url:
    # A worker keeps a tab's state (and its Redis lock) between the tab's events instead of
    # reading and writing it in Redis for each one; another worker asking for it breaks the
    # lease. A worker that dies holding one delays its tabs until the lock expires (seconds):
    # nothing is lost, since everything a person saves is in the database.
    os.environ.setdefault("REFLEX_OPLOCK_ENABLED", "true")
_respawn_failed_workers()
_port = os.environ.get("PORT", "3000")
# Only the app's own pages may read its responses or open its event socket (CORS). Behind a
# proxy, set APP_ORIGINS to the public address, e.g. https://serviceakademin.kommun.se.
_origins = [
    origin.strip().rstrip("/")
    for origin in (
        os.environ.get("APP_ORIGINS") or f"http://localhost:{_port},http://127.0.0.1:{_port}"
    ).split(",")
    if origin.strip()
]

config = rx.Config(
    app_name="academy",
    telemetry_enabled=False,
    show_built_with_reflex=False,
    default_color_mode="light",
    # Embedded default: state lives in the one backend process. Scale-out: Redis.
    state_manager_mode="redis" if _redis_url else "memory",
    redis_url=_redis_url,
    cors_allowed_origins=_origins,
    # Behind a reverse proxy, the number of proxies that add X-Forwarded-For: failed logins are
    # limited per client address, which would otherwise be the proxy's for everyone.
    trusted_proxy_hops=int(os.environ.get("TRUSTED_PROXY_HOPS") or 0),
    plugins=[
        rx.plugins.RadixThemesPlugin(
            theme=rx.theme(appearance="light", accent_color="indigo", radius="medium")
        )
    ],
    disable_plugins=[rx.plugins.SitemapPlugin],
)
