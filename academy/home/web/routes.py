"""The login page and the home page, registered by academy/academy.py."""

from __future__ import annotations

from academy.core.web.login_state import LoginState
from academy.core.web.routing import Page
from academy.core.web.session import LOGIN_ROUTE
from academy.home import pages

PAGES = [
    Page(LOGIN_ROUTE, pages.login_page, "Logga in", LoginState.open_login, public=True),
    Page("/", pages.home_page, "Start", pages.HomeState.load),
]
API: list = []
