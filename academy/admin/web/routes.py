"""The administration pages, registered by academy/academy.py."""

from __future__ import annotations

from academy.admin.web.audit_page import audit_page
from academy.admin.web.audit_state import AuditState
from academy.admin.web.statement_page import statement_admin_page
from academy.admin.web.units_page import units_page
from academy.admin.web.units_state import UnitsState
from academy.admin.web.users_page import users_page
from academy.admin.web.users_state import UsersState
from academy.core.web.routing import Page
from academy.privacy.web.privacy_state import StatementState

AREA = " – Administration"
PAGES = [
    Page("/admin", users_page, "Användare" + AREA, UsersState.load),
    Page("/admin/enheter", units_page, "Enheter" + AREA, UnitsState.load),
    Page("/admin/logg", audit_page, "Händelselogg" + AREA, AuditState.load),
    Page(
        "/admin/tillganglighet",
        statement_admin_page,
        "Tillgänglighetsredogörelse" + AREA,
        StatementState.load_admin,
    ),
]
API: list = []
