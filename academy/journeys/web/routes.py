"""The Kundresor pages and downloads, registered by academy/academy.py."""

from __future__ import annotations

from academy.core.web.routing import Page
from journeys import pages
from journeys.api import ROUTES as API
from journeys.state import JourneyCompareState, JourneyEditorState, JourneyListState

PAGES = [
    Page("/kundresor", pages.list_page, "Kundresor", JourneyListState.load),
    Page("/kundresor/[journey_id]", pages.editor_page, "Kundresa", JourneyEditorState.load),
    Page(
        "/kundresor/[journey_id]/jamfor",
        pages.compare_page,
        "Jämför kundresor",
        JourneyCompareState.load,
    ),
]
__all__ = ["API", "PAGES"]
