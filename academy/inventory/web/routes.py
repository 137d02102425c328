"""The Inventering pages and downloads, registered by academy/academy.py."""

from __future__ import annotations

from academy.core.web.routing import Page
from academy.inventory import pages, template_pages
from academy.inventory.api import ROUTES as API
from academy.inventory.profile_state import CompareState, ProfileState
from academy.inventory.state import AnswerState, InventoryState
from academy.inventory.template_state import TemplateEditorState

AREA = " – Inventering"
PAGES = [
    Page("/inventering", pages.inventory_page, "Inventering", InventoryState.load),
    Page("/inventering/[campaign_id]/svara", pages.answer_page, "Enkät" + AREA, AnswerState.load),
    Page(
        "/inventering/[campaign_id]", pages.profile_page, "Behovsprofil" + AREA, ProfileState.load
    ),
    Page(
        "/inventering/[campaign_id]/jamfor",
        pages.compare_page,
        "Jämför enkätomgångar" + AREA,
        CompareState.load,
    ),
    Page(
        "/inventering/mallar/[template_id]",
        template_pages.template_editor_page,
        "Enkätmall" + AREA,
        TemplateEditorState.load,
    ),
]
__all__ = ["API", "PAGES"]
