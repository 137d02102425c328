"""The Inventering pages and downloads, registered by academy/academy.py."""

from __future__ import annotations

from academy.core.web.routing import Page
from academy.inventory.web.answer_page import answer_page
from academy.inventory.web.answer_state import AnswerState
from academy.inventory.web.api import ROUTES as API
from academy.inventory.web.compare_page import compare_page
from academy.inventory.web.compare_state import CompareState
from academy.inventory.web.inventory_page import inventory_page
from academy.inventory.web.inventory_state import InventoryState
from academy.inventory.web.profile_page import profile_page
from academy.inventory.web.profile_state import ProfileState
from academy.inventory.web.template_page import template_editor_page
from academy.inventory.web.template_state import TemplateEditorState

AREA = " – Inventering"
PAGES = [
    Page("/inventering", inventory_page, "Inventering", InventoryState.load),
    Page("/inventering/[campaign_id]/svara", answer_page, "Enkät" + AREA, AnswerState.load),
    Page("/inventering/[campaign_id]", profile_page, "Behovsprofil" + AREA, ProfileState.load),
    Page(
        "/inventering/[campaign_id]/jamfor",
        compare_page,
        "Jämför enkätomgångar" + AREA,
        CompareState.load,
    ),
    Page(
        "/inventering/mallar/[template_id]",
        template_editor_page,
        "Enkätmall" + AREA,
        TemplateEditorState.load,
    ),
]
__all__ = ["API", "PAGES"]
