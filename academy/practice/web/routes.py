"""The Träning pages and their loaders, registered by academy/academy.py."""

from __future__ import annotations

from academy.practice.web.followup_page import followup_page
from academy.practice.web.followup_state import FollowUpState
from academy.practice.web.log_page import log_page
from academy.practice.web.log_state import PracticeLogState
from academy.practice.web.player_page import player_page
from academy.practice.web.player_state import PlayerState
from academy.practice.web.roleplay_page import roleplay_page
from academy.practice.web.roleplay_state import RoleplayState
from academy.practice.web.scenario_pages import editor_page, list_page
from academy.practice.web.scenario_state import ScenarioEditorState, ScenarioListState

SCENARIO = "/traning/scenarier/[scenario_id]"
PAGES = [
    (list_page, "/traning", "Scenarier", ScenarioListState.load),
    (editor_page, SCENARIO, "Redigera scenario", ScenarioEditorState.load),
    (player_page, SCENARIO + "/spela", "Spela", PlayerState.load),
    (log_page, "/traning/logg", "Träningslogg", PracticeLogState.load),
    (roleplay_page, "/traning/rollspel", "Rollspel", RoleplayState.load),
    (followup_page, "/traning/uppfoljning", "Uppföljning", FollowUpState.load),
]
