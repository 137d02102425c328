"""Form controls with visible labels tied to them, and their own error beside them.

Every field takes `error`: a Var holding the field's own message (usually
`State.field_errors.get("name", "")`). The message is shown under the field, the control gets
`aria-invalid` and `aria-describedby` points at the message, so screen readers read it with
the field.
"""

from __future__ import annotations

import reflex as rx
from reflex_components_core.el.elements.base import BaseHTML

Text = str | rx.Var


class _PostForm(BaseHTML):
    """A plain HTML form: the browser posts it and loads the answer (Reflex's own form always
    cancels the browser's submit to send an event instead)."""

    tag = "form"
    action: rx.Var[str]
    method: rx.Var[str]


def post_form(*children: rx.Component, action: str, **props) -> rx.Component:
    """A form the browser itself posts to an `/api` route, with a full page load after it: the
    one way to set or clear the HttpOnly login cookie (log in, log out).

    The person behind the tab changes there, so the page after it starts a new tab state
    (`data-new-tab-state`: kit.js drops the tab's token before the form is posted). The
    server keeps every page's data in the tab's state, and a new connection is first sent the
    whole of it: with the old token, the login page after "Logga ut" would carry the previous
    person's pages to whoever uses the browser next."""
    attrs = {**props.pop("custom_attrs", {}), "data-new-tab-state": ""}
    return _PostForm.create(*children, action=action, method="post", custom_attrs=attrs, **props)


def _describedby(field_id: str, hint: str, error: rx.Var | None) -> str | None:
    ids = [f"{field_id}-hint"] if hint else []
    if error is not None:
        ids.append(f"{field_id}-error")
    return " ".join(ids) or None


def _invalid(error: rx.Var | None):
    return None if error is None else rx.cond(error != "", "true", "false")


def _below(field_id: str, hint: str, error: rx.Var | None) -> list[rx.Component]:
    parts: list[rx.Component] = []
    if hint:
        parts.append(rx.el.p(hint, id=f"{field_id}-hint", class_name="hint"))
    if error is not None:
        # Always in the DOM (so aria-describedby resolves); empty when there is no error.
        parts.append(rx.el.p(error, id=f"{field_id}-error", class_name="field-error"))
    return parts


def text_field(
    label: str,
    name: str,
    *,
    type_: str = "text",
    required: bool = False,
    autocomplete: str = "off",
    default_value: Text = "",
    hint: str = "",
    field_id: str = "",
    error: rx.Var | None = None,
    **props,
) -> rx.Component:
    field_id = field_id or f"f-{name}"
    return rx.el.div(
        rx.el.label(label, html_for=field_id),
        rx.el.input(
            id=field_id,
            name=name,
            type=type_,
            required=required,
            auto_complete=autocomplete,
            default_value=default_value,
            aria_describedby=_describedby(field_id, hint, error),
            aria_invalid=_invalid(error),
            **props,
        ),
        *_below(field_id, hint, error),
        class_name="field",
    )


def select_field(
    label: str,
    name: str,
    options: rx.Var,
    *,
    value_key: str = "value",
    label_key: str = "label",
    default_value: Text = "",
    empty_label: str | None = None,
    field_id: str = "",
    hint: str = "",
    error: rx.Var | None = None,
    **props,
) -> rx.Component:
    """`options` is a Var of a list of dicts (or dataclasses) with string value and label.

    `field_id` must be given when the same field name appears twice on a page."""
    field_id = field_id or f"f-{name}"
    empty = [rx.el.option(empty_label, value="")] if empty_label is not None else []
    return rx.el.div(
        rx.el.label(label, html_for=field_id),
        rx.el.select(
            *empty,
            rx.foreach(
                options, lambda option: rx.el.option(option[label_key], value=option[value_key])
            ),
            id=field_id,
            name=name,
            default_value=default_value,
            aria_describedby=_describedby(field_id, hint, error),
            aria_invalid=_invalid(error),
            **props,
        ),
        *_below(field_id, hint, error),
        class_name="field",
    )


def static_select(
    label: str,
    name: str,
    pairs,
    default: Text = "",
    *,
    empty: str | None = None,
    field_id: str = "",
    hint: str = "",
    error: rx.Var | None = None,
    **props,
) -> rx.Component:
    """A select with options fixed at build time: `pairs` of (value, label)."""
    field_id = field_id or f"f-{name}"
    return rx.el.div(
        rx.el.label(label, html_for=field_id),
        rx.el.select(
            *([rx.el.option(empty, value="")] if empty is not None else []),
            *[rx.el.option(text, value=value) for value, text in pairs],
            id=field_id,
            name=name,
            default_value=default,
            aria_describedby=_describedby(field_id, hint, error),
            aria_invalid=_invalid(error),
            **props,
        ),
        *_below(field_id, hint, error),
        class_name="field",
    )


def textarea(
    label: str,
    name: str,
    default: Text = "",
    *,
    hint: str = "",
    rows: int = 3,
    field_id: str = "",
    error: rx.Var | None = None,
    class_name: str = "",
    **props,
) -> rx.Component:
    field_id = field_id or f"f-{name}"
    return rx.el.div(
        rx.el.label(label, html_for=field_id),
        rx.el.textarea(
            id=field_id,
            name=name,
            default_value=default,
            rows=rows,
            class_name=class_name,
            aria_describedby=_describedby(field_id, hint, error),
            aria_invalid=_invalid(error),
            **props,
        ),
        *_below(field_id, hint, error),
        class_name="field",
    )


def checkbox(
    label: str,
    name: str,
    *,
    default_checked: bool | rx.Var = False,
    field_id: str = "",
    value: str | None = None,
) -> rx.Component:
    field_id = field_id or f"f-{name}"
    extra = {"value": value} if value is not None else {}
    return rx.el.div(
        rx.el.input(
            type="checkbox", id=field_id, name=name, default_checked=default_checked, **extra
        ),
        rx.el.label(label, html_for=field_id),
        class_name="check",
    )


def inline_check(
    label: Text, name: Text, *, default_checked: rx.Var | bool = False, value: Text | None = None
) -> rx.Component:
    """A checkbox inside its label: no id needed, so it can repeat inside rx.foreach."""
    extra = {"value": value} if value is not None else {}
    return rx.el.label(
        rx.el.input(type="checkbox", name=name, default_checked=default_checked, **extra),
        label,
        class_name="check",
    )


def radio_group(
    legend: Text, name: str, options: rx.Var, *, value_key: str = "value", label_key: str = "label"
) -> rx.Component:
    """Radio buttons in a fieldset whose legend names the question."""
    return rx.el.fieldset(
        rx.el.legend(legend),
        rx.foreach(
            options,
            lambda option: rx.el.label(
                rx.el.input(type="radio", name=name, value=option[value_key]),
                option[label_key],
                class_name="check",
            ),
        ),
    )


# The images lessons and scenarios show: what browsers display and Pillow checks.
IMAGE_TYPES = {
    "image/png": [".png"],
    "image/jpeg": [".jpg", ".jpeg"],
    "image/gif": [".gif"],
    "image/webp": [".webp"],
}


def labelled_upload(label: str, *children, state, at: str, **props) -> rx.Component:
    """``rx.upload`` whose hidden file input has an accessible name (Reflex gives it none), and
    whose refused files (a type or size it does not take, checked by the browser before
    sending) are named in `state`'s message at `at`, with what it takes. Reflex would show them
    in a toast the app does not render: nothing happened for the person."""
    rule = upload_rule(props.get("accept"), props.get("max_size"))
    # Only the names go to the server: a refused file itself would be sent along, whatever
    # its size.
    props["on_drop_rejected"] = lambda rejected: state.refuse_files(
        rejected.to(list[dict[str, dict[str, str]]]).map(lambda refused: refused["file"]["name"]),
        at,
        rule,
    )
    upload = rx.upload(*children, **props)
    file_input = upload.children[0].children[0]
    file_input.custom_attrs["aria-label"] = label
    return upload


def upload_rule(accept: dict[str, list[str]] | None, max_size: int | None) -> str:
    """What an upload takes, in words: "Välj en fil av typen .png eller .jpg på högst 5 MB."."""
    endings = sorted({ending for listed in (accept or {}).values() for ending in listed})
    kinds = ""
    if endings:
        kinds = " av typen " + (
            endings[0] if len(endings) == 1 else ", ".join(endings[:-1]) + " eller " + endings[-1]
        )
    size = f" på högst {max_size / 2**20:g} MB" if max_size else ""
    return f"Välj en fil{kinds}{size}."


def form(
    *children,
    on_submit,
    key: rx.Var | str | int = 0,
    class_name: str = "form",
    pending: str = "",
    done: rx.Var | None = None,
    **props,
):
    """An uncontrolled form: what a person typed stays after a refusal; bump `key` to clear.

    With `pending` (what the form is doing, "Loggar in …") and `done` (a state var the event
    changes when it has answered): from a submit until `done` changes, kit.js marks the form
    busy, says `pending` in its status line and sends no second submit. For forms whose event
    is slow under load (the login's password check), where a second click would only add work."""
    if pending and done is not None:
        children = (*children, rx.el.p(class_name="form-pending", custom_attrs=_STATUS))
        props["custom_attrs"] = {
            **props.get("custom_attrs", {}),
            "data-pending": pending,
            "data-done": done,
        }
    return rx.el.form(*children, on_submit=on_submit, key=key, class_name=class_name, **props)


# The status line of a form that waits for its answer (filled in by kit.js).
_STATUS = {"role": "status", "data-pending-status": ""}


def submit(label: str, *, kind: str = "primary", **props) -> rx.Component:
    return rx.el.button(label, type="submit", class_name=f"button {kind}", **props)


# ---- Older helpers, kept until every page uses academy.ui's message/table/empty_state --------


def message(text: rx.Var, kind: str) -> rx.Component:
    """Deprecated: use `academy.ui.message(State, at)` beside the action."""
    from academy.ui.feedback import text_message

    return text_message(text, kind)


def empty_state(title: str, text: str) -> rx.Component:
    from academy.ui.feedback import empty_state as _empty_state

    return _empty_state(title, text)


def data_table(caption: str, headers: list[str], rows: rx.Var, row) -> rx.Component:
    """Deprecated: use `academy.ui.data_table` with `col(...)` columns."""
    from academy.ui.table import data_table as _data_table

    return _data_table(caption, headers, rows, row)
