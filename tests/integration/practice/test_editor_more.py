"""The scenario editor's own dimensions, journey step and node images, through the states."""

import io

from PIL import Image
from starlette.applications import Starlette
from starlette.testclient import TestClient

from academy.core import settings as settings_module
from academy.core.db import session_scope
from academy.practice import images, journey_steps, scenarios
from academy.practice.web.api import ROUTES
from academy.practice.web.player_state import PlayerState
from academy.practice.web.scenario_editor_state import ScenarioEditorState
from academy.practice.web.scenario_list_state import ScenarioListState
from tests.integration.conftest import run_event
from tests.integration.practice.helpers import FOUR_NODES, person
from tests.integration.test_states import logged_in
from tests.sessions import token_of

STEP = "3#ringer"
STEP_LABEL = "Felanmälan gatubelysning – Ringer kundtjänst som registrerar felanmälan"


def _editor(engine) -> ScenarioEditorState:
    """A trainer's editor on a new draft made from FOUR_NODES."""
    listing = logged_in(ScenarioListState, "utbildare@demo.se")
    listing.set_import_text(FOUR_NODES)
    run_event(listing.confirm_import())
    assert listing.error == ""
    with session_scope(engine) as session:
        trainer = person(session, "utbildare@demo.se")
        scenario_id = next(
            r.id for r in scenarios.list_scenarios(session, trainer) if r.title == "Fyra noder"
        )
        stored = scenarios.get_scenario(session, trainer, scenario_id)
    editor = logged_in(ScenarioEditorState, "utbildare@demo.se")
    editor._show(stored)
    return editor


def _stored(engine, scenario_id: int):
    with session_scope(engine) as session:
        trainer = person(session, "utbildare@demo.se")
        return scenarios.get_scenario(session, trainer, scenario_id).scenario


def test_trainer_adds_renames_and_removes_dimensions(demo):
    editor = _editor(demo)
    editor.add_dimension({"name": "  Tålamod "})
    assert editor.notice == "Dimensionen Tålamod är tillagd."
    editor.add_dimension({"name": "tålamod"})
    assert editor.error == "Dimensionen ”tålamod” finns redan."
    editor.rename_dimension({"old": "Empati", "new": "Medkänsla"})
    assert editor.notice == "Dimensionen Empati heter nu Medkänsla."
    scenario = _stored(demo, editor.scenario_id)
    assert scenario.dimensions == [
        "Tydlighet",
        "Medkänsla",
        "Lösningsfokus",
        "Korrekthet",
        "Tålamod",
    ]
    assert scenario.choice("Start#1").scores == {"Medkänsla": 2, "Tydlighet": 1}
    version = editor.version
    editor.remove_dimension("Medkänsla")
    assert editor.error == (
        "Dimensionen ”Medkänsla” används av 3 val och kan inte tas bort. "
        "Sätt poängen till ±0 i de valen först."
    )
    assert editor.version == version
    editor.remove_dimension("Korrekthet")
    assert editor.notice == "Dimensionen Korrekthet är borttagen."
    assert [row.name for row in editor.dimension_rows] == [
        "Tydlighet",
        "Medkänsla",
        "Lösningsfokus",
        "Tålamod",
    ]
    assert [s.dimension for s in editor.choice_scores][-1] == "Tålamod"
    outsider = logged_in(ScenarioEditorState, "medarbetare@demo.se")
    outsider.scenario_id, outsider.version = editor.scenario_id, editor.version
    outsider.add_dimension({"name": "Smuggel"})
    assert outsider.error == "Scenariot finns inte."  # a draft is hidden from employees
    assert "Smuggel" not in _stored(demo, editor.scenario_id).dimensions


def _setting(editor, journey_step: str) -> dict:
    return {
        "title": "Fyra noder",
        "channel": "telefon",
        "situation": "En invånare ringer om en faktura.",
        "start": "Start",
        "journey_step": journey_step,
    }


def test_journey_step_is_chosen_from_visible_journeys_and_shown_in_the_player(demo):
    editor = _editor(demo)
    with session_scope(demo) as session:
        options = journey_steps.step_options(session, person(session, "utbildare@demo.se"))
        assert (STEP, STEP_LABEL) in options
    version = editor.version
    editor.save_setting(_setting(editor, "3#finns-inte"))
    assert editor.error == (
        "Välj ett steg i en kundresa som du har tillgång till. Inget har sparats."
    )
    editor.save_setting(_setting(editor, "999#ringer"))
    assert editor.error.startswith("Välj ett steg i en kundresa") and editor.version == version
    editor.save_setting(_setting(editor, STEP))
    assert editor.notice == "Inramningen är sparad."
    assert (editor.journey_step, editor.journey_label) == (STEP, STEP_LABEL)
    player = logged_in(PlayerState, "utbildare@demo.se")
    player.scenario_id = editor.scenario_id
    player.choose("Start#1")
    assert player.error == "" and player.journey_label == STEP_LABEL
    editor.save_setting(_setting(editor, ""))
    assert _stored(demo, editor.scenario_id).setting.journey_step is None


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 6), (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


def test_node_image_is_checked_stored_and_served_to_those_who_may_see_it(
    demo, tmp_path, monkeypatch
):
    monkeypatch.setenv("DATA_DIR", str(tmp_path))
    settings_module.get_settings.cache_clear()
    editor = _editor(demo)
    editor._attach_image(_png())
    assert editor.error == "Spara noden först och öppna den sedan för att lägga till en bild."
    editor.open_node("Irriterad")
    editor._attach_image(_png())
    assert editor.error == "Skriv en alternativtext som beskriver bilden. Inget har sparats."
    editor.set_image_alt("En arg man i telefon.")
    editor._attach_image(b"GIF89a but not really an image")
    assert editor.error.startswith("Filen är ingen bild som kan visas.")
    editor._attach_image(b"\x89PNG" + b"0" * images.MAX_BYTES)
    assert editor.error == "Bilden är för stor: högst 2 MB går att ta emot. Inget har sparats."
    assert not (tmp_path / "practice-images").exists()
    editor._attach_image(_png())
    assert editor.notice == "Bilden är sparad i noden Irriterad."
    node = _stored(demo, editor.scenario_id).node("Irriterad")
    assert node.image_alt == "En arg man i telefon."
    assert [p.name for p in (tmp_path / "practice-images").iterdir()] == [node.image]
    url = f"/api/traning/scenarier/{editor.scenario_id}/bilder/{node.image}"
    assert editor.node.image_url == url

    client = TestClient(Starlette(routes=ROUTES))
    assert client.get(url).status_code == 401
    client.cookies.set("sa_session", token_of(logged_in(PlayerState, "medarbetare@demo.se")))
    assert client.get(url).status_code == 404  # a draft is hidden from employees
    client.cookies.set("sa_session", token_of(editor))
    response = client.get(url)
    assert response.status_code == 200 and response.headers["content-type"] == "image/png"
    assert response.content == _png()
    other = f"/api/traning/scenarier/{editor.scenario_id}/bilder/{'0' * 32}.png"
    assert client.get(other).status_code == 404

    editor.remove_image()
    assert editor.notice == "Bilden är borttagen från noden Irriterad."
    assert client.get(url).status_code == 404


def test_trainer_filters_the_scenario_list_by_unit_and_status(demo):
    _editor(demo)  # adds the draft "Fyra noder"
    listing = logged_in(ScenarioListState, "utbildare@demo.se")
    listing.load()
    units = {option["label"]: option["value"] for option in listing.unit_options}
    service_center = next(
        value for label, value in units.items() if label.endswith("Servicecenter")
    )
    preschool = next(value for label, value in units.items() if "Förskoleantagningen" in label)
    assert len(listing.rows) == 3
    listing.filter({"unit": "", "status": "draft"})
    assert [(r.title, r.status) for r in listing.rows] == [("Fyra noder", "Utkast")]
    listing.filter({"unit": service_center, "status": "published"})
    assert [r.title for r in listing.rows] == [
        "Arg förälder ringer om förskoleplats",
        "Upprörd medborgare om utebliven sophämtning",
    ]
    assert {r.unit for r in listing.rows} == {"Servicecenter"}
    listing.filter({"unit": preschool, "status": ""})
    assert listing.rows == []
    employee = logged_in(ScenarioListState, "medarbetare@demo.se")
    employee.filter({"unit": "", "status": "draft"})  # employees never see drafts
    assert employee.unit_options == [] and len(employee.rows) == 2
    assert {r.status for r in employee.rows} == {"Publicerat"}
