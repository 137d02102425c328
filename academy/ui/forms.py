"""Form controls with visible labels tied to them (native elements, for screen readers)."""

from __future__ import annotations

import reflex as rx


def text_field(
    label: str,
    name: str,
    *,
    type_: str = "text",
    required: bool = False,
    autocomplete: str = "off",
    default_value: str | rx.Var = "",
    hint: str = "",
    field_id: str = "",
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
            aria_describedby=f"{field_id}-hint" if hint else None,
        ),
        rx.el.p(hint, id=f"{field_id}-hint", class_name="hint") if hint else rx.fragment(),
        class_name="field",
    )


def select_field(
    label: str,
    name: str,
    options: rx.Var,
    *,
    value_key: str = "value",
    label_key: str = "label",
    default_value: str | rx.Var = "",
    empty_label: str | None = None,
    field_id: str = "",
) -> rx.Component:
    """`options` is a list of dicts with string `value` and `label`.

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
        ),
        class_name="field",
    )


def checkbox(
    label: str, name: str, *, default_checked: bool | rx.Var = False, field_id: str = ""
) -> rx.Component:
    field_id = field_id or f"f-{name}"
    return rx.el.div(
        rx.el.input(type="checkbox", id=field_id, name=name, default_checked=default_checked),
        rx.el.label(label, html_for=field_id),
        class_name="check",
    )


def message(text: rx.Var, kind: str) -> rx.Component:
    """An error (role=alert) or a confirmation (role=status) that screen readers announce."""
    return rx.cond(
        text != "",
        rx.el.p(text, role="alert" if kind == "error" else "status", class_name=f"msg {kind}"),
    )


def empty_state(title: str, text: str) -> rx.Component:
    return rx.el.div(rx.el.p(rx.el.strong(title)), rx.el.p(text), class_name="empty-state")


def static_select(
    label: str,
    name: str,
    pairs,
    default: str | rx.Var = "",
    *,
    empty: str | None = None,
    field_id: str = "",
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
        ),
        class_name="field",
    )


def textarea(
    label: str,
    name: str,
    default: str | rx.Var = "",
    *,
    hint: str = "",
    rows: int = 3,
    field_id: str = "",
) -> rx.Component:
    field_id = field_id or f"f-{name}"
    return rx.el.div(
        rx.el.label(label, html_for=field_id),
        rx.el.textarea(
            id=field_id,
            name=name,
            default_value=default,
            rows=rows,
            aria_describedby=f"{field_id}-hint" if hint else None,
        ),
        rx.el.p(hint, id=f"{field_id}-hint", class_name="hint") if hint else rx.fragment(),
        class_name="field",
    )


def labelled_upload(label: str, *children, **props) -> rx.Component:
    """``rx.upload`` whose hidden file input has an accessible name (Reflex gives it none)."""
    upload = rx.upload(*children, **props)
    file_input = upload.children[0].children[0]
    file_input.custom_attrs["aria-label"] = label
    return upload


def data_table(caption: str, headers: list[str], rows: rx.Var, row) -> rx.Component:
    """A captioned table with column headers, one `row(item)` per item, scrollable by keyboard."""
    return rx.el.div(
        rx.el.table(
            rx.el.caption(caption),
            rx.el.thead(rx.el.tr(*[rx.el.th(h, scope="col") for h in headers])),
            rx.el.tbody(rx.foreach(rows, row)),
            class_name="table",
        ),
        class_name="table-wrap",
        tab_index=0,
    )
