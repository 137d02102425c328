"""Fields of the inventory forms that show their own error from the page's state."""

from __future__ import annotations

import reflex as rx

from academy import ui


def checked_field(state, label: str, name: str, **props) -> rx.Component:
    """A text field with the state's message for `name` beside it."""
    return ui.text_field(label, name, error=state.field_errors.get(name, ""), **props)


def date_field(state, label: str, name: str) -> rx.Component:
    return checked_field(state, label, name, type_="date", required=True)


def checked_select(state, label: str, name: str, options, **props) -> rx.Component:
    return ui.select_field(label, name, options, error=state.field_errors.get(name, ""), **props)


def action_form(
    state,
    label: str,
    *fields: rx.Component,
    actions: list[rx.Component],
    at: str,
    on_submit,
    keyed: bool = True,
    key=None,
    **props,
) -> rx.Component:
    """A form named `label`: its fields, its buttons, and right under them the message of the
    action area `at`. `keyed` re-creates it (empties it) when the state bumps `form_key`; a
    `key` of its own re-creates it when that changes instead."""
    return ui.form(
        *fields,
        rx.el.div(*actions, class_name="actions"),
        ui.message(state, at=at),
        on_submit=on_submit,
        key=key if key is not None else state.form_key if keyed else 0,
        aria_label=label,
        **props,
    )
