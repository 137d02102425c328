"""The Träning pages and downloads, registered by academy/academy.py."""

from __future__ import annotations

from academy.core.web.routing import Page
from academy.practice.web.api import ROUTES as API
from academy.practice.web.followup_page import followup_page
from academy.practice.web.followup_state import FollowUpState
from academy.practice.web.log_page import log_page
from academy.practice.web.log_state import PracticeLogState
from academy.practice.web.player_page import player_page
from academy.practice.web.player_state import PlayerState
from academy.practice.web.roleplay_page import roleplay_page
from academy.practice.web.roleplay_state import RoleplayState
from academy.practice.web.scenario_editor_page import editor_page
from academy.practice.web.scenario_editor_state import ScenarioEditorState
from academy.practice.web.scenario_list_page import list_page
from academy.practice.web.scenario_list_state import ScenarioListState

AREA = " – Träning"
SCENARIO = "/traning/scenarier/[scenario_id]"
PAGES = [
    Page("/traning", list_page, "Scenarier" + AREA, ScenarioListState.load),
    Page(SCENARIO, editor_page, "Redigera scenario" + AREA, ScenarioEditorState.load),
    Page(SCENARIO + "/spela", player_page, "Spela" + AREA, PlayerState.load),
    Page("/traning/logg", log_page, "Träningslogg" + AREA, PracticeLogState.load),
    Page("/traning/rollspel", roleplay_page, "Rollspel" + AREA, RoleplayState.load),
    Page("/traning/uppfoljning", followup_page, "Uppföljning" + AREA, FollowUpState.load),
]
__all__ = ["API", "PAGES"]
