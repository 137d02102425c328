"""Reflex configuration. Database and Redis come from the environment (see README)."""

import os

import reflex as rx

# No data leaves a municipality's server: no telemetry, no version check.
os.environ.setdefault("REFLEX_TELEMETRY_ENABLED", "false")
os.environ.setdefault("REFLEX_CHECK_LATEST_VERSION", "false")

_redis_url = os.environ.get("REDIS_URL") or None

config = rx.Config(
    app_name="academy",
    telemetry_enabled=False,
    show_built_with_reflex=False,
    default_color_mode="light",
    # Embedded default: state lives in the one backend process. Scale-out: Redis.
    state_manager_mode="redis" if _redis_url else "memory",
    redis_url=_redis_url,
    plugins=[
        rx.plugins.RadixThemesPlugin(
            theme=rx.theme(appearance="light", accent_color="indigo", radius="medium")
        )
    ],
    disable_plugins=[rx.plugins.SitemapPlugin],
)
