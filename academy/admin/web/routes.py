"""The administration pages, registered by academy/academy.py."""

from __future__ import annotations

from academy.admin import pages
from academy.admin.state import AdminState
from academy.core.web.routing import Page

PAGES = [
    Page("/admin", pages.users_page, "Användare – Administration", AdminState.load_users),
    Page("/admin/enheter", pages.units_page, "Enheter – Administration", AdminState.load_units),
    Page("/admin/logg", pages.audit_page, "Händelselogg – Administration", AdminState.load_events),
]
API: list = []
