"""The login page and the home page, registered by academy/academy.py."""

from __future__ import annotations

from academy.core.web import session_api
from academy.core.web.login_state import LoginState, PasswordState
from academy.core.web.routing import Page
from academy.core.web.session import LOGIN_ROUTE, PASSWORD_ROUTE
from academy.home.web.home_page import home_page
from academy.home.web.home_state import HomeState
from academy.home.web.login_page import login_page
from academy.home.web.password_page import password_page

PAGES = [
    Page(LOGIN_ROUTE, login_page, "Logga in", LoginState.open_login, public=True),
    Page("/", home_page, "Start", HomeState.load),
    Page(PASSWORD_ROUTE, password_page, "Byt lösenord", PasswordState.load),
]
API = session_api.ROUTES
