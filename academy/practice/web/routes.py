"""The Träning pages and their loaders, registered by academy/academy.py."""

from __future__ import annotations

from academy.practice.web.log_page import log_page
from academy.practice.web.log_state import PracticeLogState
from academy.practice.web.player_page import player_page
from academy.practice.web.player_state import PlayerState
from academy.practice.web.scenario_pages import editor_page, list_page
from academy.practice.web.scenario_state import ScenarioEditorState, ScenarioListState

PAGES = [
    (list_page, "/traning", "Scenarier", ScenarioListState.load),
    (editor_page, "/traning/scenarier/[scenario_id]", "Redigera scenario", ScenarioEditorState.load),
    (player_page, "/traning/scenarier/[scenario_id]/spela", "Spela", PlayerState.load),
    (log_page, "/traning/logg", "Träningslogg", PracticeLogState.load),
]
