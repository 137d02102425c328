"""The Träning pages and downloads, registered by academy/academy.py."""

from __future__ import annotations

from academy.core.web.routing import Page
from academy.practice.web.api import ROUTES as API
from academy.practice.web.followup_page import followup_page
from academy.practice.web.followup_state import FollowUpState
from academy.practice.web.history_page import history_page
from academy.practice.web.history_state import HistoryState
from academy.practice.web.log_page import log_page
from academy.practice.web.log_state import PracticeLogState
from academy.practice.web.nav_state import PracticeNavState
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
NAV = PracticeNavState.load  # the sub-navigation offers only what the roles can use
PAGES = [
    Page("/traning", list_page, "Scenarier" + AREA, [NAV, ScenarioListState.load]),
    Page(SCENARIO, editor_page, "Redigera scenario" + AREA, ScenarioEditorState.load),
    Page(SCENARIO + "/spela", player_page, "Spela" + AREA, PlayerState.load),
    Page("/traning/mina-forsok", history_page, "Mina försök" + AREA, [NAV, HistoryState.load]),
    Page("/traning/logg", log_page, "Träningslogg" + AREA, [NAV, PracticeLogState.load]),
    Page("/traning/rollspel", roleplay_page, "Rollspel" + AREA, [NAV, RoleplayState.load]),
    Page("/traning/uppfoljning", followup_page, "Uppföljning" + AREA, [NAV, FollowUpState.load]),
]
__all__ = ["API", "PAGES"]
