"""Reflex configuration. Database and Redis come from the environment (see README)."""

import os

import reflex as rx

# No data leaves a municipality's server: no telemetry, no version check.
os.environ.setdefault("REFLEX_TELEMETRY_ENABLED", "false")
os.environ.setdefault("REFLEX_CHECK_LATEST_VERSION", "false")

_redis_url = os.environ.get("REDIS_URL") or None
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
