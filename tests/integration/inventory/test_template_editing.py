"""Template authoring: blank and copied templates, sections and questions, the in-use freeze."""

import pytest
from sqlalchemy import select

from academy.core.db import session_scope
from academy.core.errors import AccessDenied, ValidationError
from academy.inventory import campaigns
from academy.inventory import template_editing as editing
from academy.inventory.defaults import DEFAULT_TITLE
from academy.inventory.models import SurveyTemplate
from academy.inventory.templates import load_template
from academy.inventory.web.template_state import TemplateEditorState
from tests.integration.conftest import count
from tests.integration.inventory.test_inventory_services import CLOSES, OPENS, ids, person
from tests.integration.test_states import logged_in

LIKERT = {"kind": "likert", "text": "Hur säker är du?", "labels": list("abcde"), "required": True}


def default_id(session):
    return session.scalar(select(SurveyTemplate.id).where(SurveyTemplate.title == DEFAULT_TITLE))


def test_blank_template_gets_sections_and_all_five_kinds(demo):
    with session_scope() as session:
        trainer = person(session, "utbildare@demo.se")
        tid = editing.create_blank(session, trainer, title="Egen mall", description="Prov")
        _, unit_id = ids(session)
        with pytest.raises(ValidationError, match="Mallen har inga frågor än"):
            campaigns.create_campaign(
                session,
                trainer,
                template_id=tid,
                unit_id=unit_id,
                title="x",
                opens_on=OPENS,
                closes_on=CLOSES,
            )
        first = editing.save_section(session, trainer, tid, title="Kanaler")
        second = editing.save_section(session, trainer, tid, title="Bemötande", intro="Om dig")
        specs = [
            LIKERT,
            {
                "kind": "single_choice",
                "text": "Kanal",
                "topics": ["telefon"],
                "options": editing.parse_options("Telefon | telefoni\nBesök"),
            },
            {
                "kind": "multiple_choice",
                "text": "Vad vill du lära dig?",
                "options": editing.parse_options("Klarspråk\nArga invånare | konflikthantering"),
            },
            {"kind": "number", "text": "Samtal per vecka", "min": 0, "max": 500, "unit": "st"},
            {"kind": "text", "text": "Något mer?"},
        ]
        for spec in specs:
            editing.save_question(session, trainer, tid, first, spec)
        view = load_template(session, tid)
        assert [q.kind for q in view.questions] == [
            "likert",
            "single_choice",
            "multiple_choice",
            "number",
            "text",
        ]
        choice = view.questions[1]
        assert [(o.value, o.label, o.topics) for o in choice.options] == [
            ("telefon", "Telefon", ("telefoni",)),
            ("besok", "Besök", ()),
        ]
        assert view.questions[2].options[1].value == "arga-invanare"
        assert (view.questions[3].minimum, view.questions[3].maximum) == (0, 500)
        assert view.questions[0].required and view.questions[0].labels == tuple("abcde")
        # reorder: the number question up, then the second section first
        number = view.questions[3].id
        editing.move_question(session, trainer, tid, number, -1)
        assert [q.kind for q in load_template(session, tid).questions][2:4] == [
            "number",
            "multiple_choice",
        ]
        editing.move_section(session, trainer, tid, second, -1)
        assert [s.title for s in load_template(session, tid).sections] == ["Bemötande", "Kanaler"]
        # move a question to the other section, edit it, delete one
        editing.save_question(
            session,
            trainer,
            tid,
            second,
            {**LIKERT, "text": "Ändrad"},
            question_id=view.questions[0].id,
        )
        again = load_template(session, tid)
        assert [q.text for q in again.sections[0].questions] == ["Ändrad"]
        editing.delete_question(session, trainer, tid, view.questions[4].id)
        assert len(load_template(session, tid).questions) == 4
        editing.delete_section(session, trainer, tid, second)
        assert [s.title for s in load_template(session, tid).sections] == ["Kanaler"]


def test_bad_question_settings_are_refused_and_nothing_saved(demo):
    with session_scope() as session:
        trainer = person(session, "utbildare@demo.se")
        tid = editing.create_blank(session, trainer, title="Felmall")
        sid = editing.save_section(session, trainer, tid, title="A")
    bad = [
        ({**LIKERT, "labels": ["a", "b"]}, "fem etiketter"),
        (
            {"kind": "single_choice", "text": "x", "options": editing.parse_options("En")},
            "minst två alternativ",
        ),
        ({"kind": "number", "text": "x", "min": 10, "max": 5}, "högre högsta tal"),
        ({"kind": "text", "text": "  "}, "frågans text"),
    ]
    for spec, expected in bad:
        with session_scope() as session, pytest.raises(ValidationError, match=expected):
            editing.save_question(session, person(session, "utbildare@demo.se"), tid, sid, spec)
    with session_scope() as session:
        assert load_template(session, tid).questions == []
        with pytest.raises(AccessDenied):
            editing.create_blank(session, person(session, "medarbetare@demo.se"), title="Nej")


def test_a_template_in_use_is_frozen_and_its_copy_is_editable(demo):
    with session_scope() as session:
        trainer = person(session, "utbildare@demo.se")
        tid = default_id(session)
        view = load_template(session, tid)
        question = view.questions[0]
        refusals = [
            lambda: editing.delete_question(session, trainer, tid, question.id),
            lambda: editing.move_question(session, trainer, tid, question.id, 1),
            lambda: editing.save_section(session, trainer, tid, title="Nytt"),
            lambda: editing.save_question(session, trainer, tid, view.sections[0].id, LIKERT),
            lambda: editing.delete_template(session, trainer, tid),
        ]
        for refuse in refusals:
            with pytest.raises(ValidationError, match="Använd ”Kopiera”"):
                refuse()
        copy_id = editing.copy_template(session, trainer, tid, title="Min kopia")
        copy = load_template(session, copy_id)
        assert [q.text for q in copy.questions] == [q.text for q in view.questions]
        assert [q.options for q in copy.questions] == [q.options for q in view.questions]
        editing.delete_question(session, trainer, copy_id, copy.questions[0].id)
        assert len(load_template(session, copy_id).questions) == len(view.questions) - 1
        assert len(load_template(session, tid).questions) == len(view.questions)
        with pytest.raises(ValidationError, match="Det finns redan en mall"):
            editing.copy_template(session, trainer, tid, title="Min kopia")
        editing.delete_template(session, trainer, copy_id)
        assert session.get(SurveyTemplate, copy_id) is None


def test_editor_state_builds_a_template_and_shows_refusals(demo):
    before = count(demo, "survey_templates")
    employee = logged_in(TemplateEditorState, "medarbetare@demo.se")
    with session_scope() as session:
        employee.template_id = default_id(session)
    employee.save_section({"section_title": "Intrång"})
    assert employee.error == "Du har inte behörighet att göra detta."

    state = logged_in(TemplateEditorState, "utbildare@demo.se")
    with session_scope() as session:
        state.template_id = default_id(session)
        state._run(state._fill)
    assert state.in_use >= 1
    state.save_section({"section_title": "Nytt"})
    assert "Använd ”Kopiera”" in state.error
    state.copy({"title": "Kopia via sidan"})
    assert state.error == "" and count(demo, "survey_templates") == before + 1

    with session_scope() as session:
        state.template_id = editing.create_blank(
            session, person(session, "utbildare@demo.se"), title="Tom via sidan"
        )
    state._run(state._fill)
    state.save_section({"section_title": "Kanaler", "section_intro": ""})
    assert state.notice == "Avsnittet är sparat." and state.sections[0].title == "Kanaler"
    section = str(state.sections[0].id)
    form = {"section_id": section, "kind": "number", "text": "Samtal", "min": "0", "max": "1,5e3"}
    state.save_question({**form, "max": "mycket"})
    assert state.error == "Ange högsta tal som ett tal."
    assert state.field_errors == {"max": state.error} and state.message_at == "question-form"
    state.save_question({**form, "max": "1500", "required": "on", "topics": "telefon, volym"})
    assert state.notice == "Frågan är sparad."
    q = state.sections[0].questions[0]
    assert (q.kind, q.details, q.topics, q.required) == (
        "Tal",
        "0–1500",
        "telefon, volym",
        True,
    )
    state.edit_question(q.id)
    assert state.kind == "number" and state.draft["max"] == "1500"
    state.save_question({**form, "kind": "single_choice", "options": "Ja\nNej"})
    assert state.sections[0].questions[0].details == "Ja / Nej"
    assert state.editing_question == 0
