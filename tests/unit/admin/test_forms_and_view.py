"""The administration pages' pure parts: form fields -> arguments, rows -> Swedish view rows."""

import pytest

from academy.admin.web import view
from academy.admin.web.forms import unit_input, user_input
from academy.core.accounts import UnitRow, UserRow
from academy.core.audit import AuditRow
from academy.core.errors import ValidationError


def test_user_form_takes_the_checked_roles_in_the_glossary_order():
    fields = user_input(
        {
            "name": " Nora ",
            "email": "nora@demo.se",
            "password": "hemligt-langt",
            "role_strategist": "on",
            "role_admin": "on",
            "role_unknown": "on",
            "unit_id": "7",
        }
    )
    assert fields.roles == ("admin", "strategist")
    assert (fields.name, fields.unit_id, fields.password) == (" Nora ", 7, "hemligt-langt")


def test_an_empty_choice_is_none_and_a_forged_one_is_a_field_error():
    assert user_input({"unit_id": ""}).unit_id is None
    assert unit_input({"name": "X", "kind": "enhet"}).parent_id is None
    with pytest.raises(ValidationError) as refused:
        unit_input({"name": "X", "kind": "enhet", "parent_id": "1 OR 1=1"})
    assert refused.value.field == "parent_id"
    assert refused.value.message == "Välj ett alternativ i listan."


def test_user_rows_speak_swedish():
    row = UserRow(3, "Karin Berg", "k@demo.se", 2, "A / B", ("admin", "trainer"), False)
    shown = view.user_view(row)
    assert (shown.roles, shown.status) == ("Administratör, Utbildare", "Inaktiverad")
    assert view.user_edit(row) == view.UserEdit(3, "Karin Berg", "k@demo.se", "2", row.roles)
    assert view.user_edit(None) == view.UserEdit()


def test_unit_rows_and_options():
    rows = [UnitRow(1, "Förvaltning X", "förvaltning", None, "Förvaltning X")]
    assert view.unit_view(rows[0]).kind == "Förvaltning"
    assert view.unit_options(rows) == [view.Option("1", "Förvaltning X")]
    assert view.unit_edit(rows[0]).parent_id == ""


@pytest.mark.parametrize(
    ("detail", "shown"),
    [
        ("roller: admin, employee", "roller: Administratör, Medarbetare"),
        ("employee → strategist, trainer", "Medarbetare → Utvecklingsstrateg, Utbildare"),
        ("inaktivt konto", "inaktivt konto"),
        ("administrator", "administrator"),  # whole words only
    ],
)
def test_audit_details_name_roles_in_swedish(detail, shown):
    row = AuditRow("2026-01-01 10:00:00", "roles_changed", "Roller ändrade", "a@x", "b@x", detail)
    assert view.event_view(row).detail == shown
