"""Mina uppgifter, the accessibility statement and the personal-data page."""

from __future__ import annotations

from academy.core.web.routing import Page
from academy.privacy.web.api import API as EXTRACTS
from academy.privacy.web.mine_page import mine_page
from academy.privacy.web.privacy_page import privacy_page
from academy.privacy.web.privacy_state import StatementState
from academy.privacy.web.statement_page import statement_page

PAGES = [
    Page("/mina-uppgifter", mine_page, "Mina uppgifter"),
    Page(
        "/tillganglighet", statement_page, "Tillgänglighet", StatementState.load_public, public=True
    ),
    Page(
        "/personuppgifter",
        privacy_page,
        "Personuppgifter",
        StatementState.load_privacy,
        public=True,
    ),
]
API = EXTRACTS
