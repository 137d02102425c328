"""Small view helpers shared by the Träning pages (native controls with labels)."""

from __future__ import annotations

import reflex as rx


def static_select(label: str, name: str, pairs, default="", field_id: str = "") -> rx.Component:
    field_id = field_id or f"f-{name}"
    return rx.el.div(
        rx.el.label(label, html_for=field_id),
        rx.el.select(
            *[rx.el.option(text, value=value) for value, text in pairs],
            id=field_id,
            name=name,
            default_value=default,
        ),
        class_name="field",
    )


def textarea(
    label: str, name: str, default="", *, hint: str = "", rows: int = 3, field_id: str = ""
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


def table(caption: str, headers: list[str], rows: rx.Var, row) -> rx.Component:
    return rx.el.div(
        rx.el.table(
            rx.el.caption(caption),
            rx.el.thead(rx.el.tr(*[rx.el.th(h, scope="col") for h in headers])),
            rx.el.tbody(rx.foreach(rows, row)),
        ),
        class_name="table-wrap",
        tab_index=0,
    )


def sub_nav() -> rx.Component:
    links = [
        ("Scenarier", "/traning"),
        ("Träningslogg", "/traning/logg"),
        ("Rollspel", "/traning/rollspel"),
        ("Uppföljning", "/traning/uppfoljning"),
    ]
    return rx.el.nav(
        *[rx.link(label, href=href, class_name="export-link") for label, href in links],
        aria_label="Träning",
        class_name="actions practice-nav",
    )
