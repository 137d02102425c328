"""The login page and the home page, registered by academy/academy.py."""

from __future__ import annotations

from academy.core.web.login_state import LoginState
from academy.core.web.routing import Page
from academy.core.web.session import LOGIN_ROUTE
from academy.home.web.home_page import home_page
from academy.home.web.home_state import HomeState
from academy.home.web.login_page import login_page

PAGES = [
    Page(LOGIN_ROUTE, login_page, "Logga in", LoginState.open_login, public=True),
    Page("/", home_page, "Start", HomeState.load),
]
API: list = []
