"""The Kundresor pages and downloads, registered by academy/academy.py."""

from __future__ import annotations

from academy.core.web.routing import Page
from academy.journeys.web.api import ROUTES as API
from academy.journeys.web.compare_page import compare_page
from academy.journeys.web.compare_state import JourneyCompareState
from academy.journeys.web.contacts_figures_page import contacts_figures_page
from academy.journeys.web.contacts_figures_state import ContactFiguresState
from academy.journeys.web.contacts_page import contacts_page
from academy.journeys.web.contacts_state import ContactsState
from academy.journeys.web.editor_page import editor_page
from academy.journeys.web.editor_state import JourneyEditorState
from academy.journeys.web.list_page import list_page
from academy.journeys.web.list_state import JourneyListState

PAGES = [
    Page("/kundresor", list_page, "Kundresor", JourneyListState.load),
    Page("/kundresor/kontakter", contacts_page, "Kontaktanalys", ContactsState.load),
    Page(
        "/kundresor/kontakter/[import_id]",
        contacts_figures_page,
        "Kontaktanalys",
        ContactFiguresState.load,
    ),
    Page("/kundresor/[journey_id]", editor_page, "Kundresa", JourneyEditorState.load),
    Page(
        "/kundresor/[journey_id]/jamfor",
        compare_page,
        "Jämför kundresor",
        JourneyCompareState.load,
    ),
]
__all__ = ["API", "PAGES"]
