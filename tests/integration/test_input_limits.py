"""The editor's limits hold on every path in: imports and direct service calls included."""

from pathlib import Path

import pytest
from sqlalchemy import select

from academy.core import auth
from academy.core.db import session_scope
from academy.core.errors import ValidationError
from academy.core.models import User
from academy.courses import authoring
from academy.journeys import editing, store
from academy.journeys.web.forms import import_text
from journeys.formats import json_format

EXAMPLE = next(Path("journeys/examples").glob("*.json"))


def person(session, email):
    return auth.to_current_user(session.scalar(select(User).where(User.email == email)))


def _imported(change) -> str:
    """The example journey's JSON file, with `change` applied: what a person could import."""
    journey = import_text(EXAMPLE.read_text(encoding="utf-8"))
    change(journey)
    return json_format.dumps(journey)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda j: setattr(j.steps[0], "text", "x" * 501), "högst 500 tecken"),
        (lambda j: setattr(j.steps[0], "pain_points", ["y" * 600]), "högst 500 tecken"),
        (lambda j: setattr(j, "persona", "p" * 501), "Persona får vara högst 500 tecken"),
        (lambda j: setattr(j.stages[0], "name", "s" * 501), "högst 500 tecken"),
    ],
)
def test_a_journey_import_keeps_the_editors_text_limits(demo, change, message):
    journey = import_text(_imported(change))  # the import page's parser accepts it …
    with session_scope(demo) as session, pytest.raises(ValidationError, match=message):
        store.create_journey(session, person(session, "strateg@demo.se"), journey)  # … not saved


def test_a_saved_journey_cannot_grow_past_the_limits_either(demo):
    with session_scope(demo) as session:
        strategist = person(session, "strateg@demo.se")
        journey_id = store.create_journey(session, strategist, import_text(EXAMPLE.read_text()))
    journey = import_text(_imported(lambda j: setattr(j.steps[0], "text", "x" * 5000)))
    with session_scope(demo) as session, pytest.raises(ValidationError, match="högst 500"):
        store.save_journey(
            session, strategist, journey_id, journey, expected_version=1, summary="Import"
        )
    assert editing.MAX_TEXT == 500


def test_a_huge_module_or_course_description_is_refused(demo):
    with session_scope(demo) as session:
        trainer = person(session, "utbildare@demo.se")
        course_id = authoring.create_course(session, trainer, title="Gränser")
        with pytest.raises(ValidationError, match="Modulens beskrivning får vara högst 5000"):
            authoring.add_module(
                session, trainer, course_id, title="Stor", description="x" * 900_000
            )
        with pytest.raises(ValidationError, match="Beskrivningen får vara högst"):
            authoring.create_course(session, trainer, title="Stor", description="x" * 900_000)
        module_id = authoring.add_module(session, trainer, course_id, title="Liten")
        with pytest.raises(ValidationError, match="högst 5000"):
            authoring.update_module(
                session, trainer, module_id, title="Liten", description="x" * 5001
            )


def test_a_twee_import_keeps_the_scenario_editors_limits(demo):
    from academy.practice import scenarios
    from academy.practice.formats.twee import export_twee

    twee = Path("academy/practice/demo/sophamtning_telefon.twee").read_text(encoding="utf-8")
    scenario = scenarios.parse_twee_text(twee)
    scenario.nodes[0].text = "x" * 4001
    scenario.choices[0].text = "y" * 1001
    with session_scope(demo) as session, pytest.raises(ValidationError, match="högst 4000"):
        scenarios.import_twee(session, person(session, "utbildare@demo.se"), export_twee(scenario))
    scenario.nodes[0].text = "kort"
    with session_scope(demo) as session, pytest.raises(ValidationError, match="högst 1000"):
        scenarios.import_twee(session, person(session, "utbildare@demo.se"), export_twee(scenario))
