"""Larger kit pieces: the import panel and rendered Markdown (prose)."""

from __future__ import annotations

import reflex as rx

from academy.ui.feedback import message
from academy.ui.forms import labelled_upload


def import_panel(
    state,
    *,
    heading: str,
    intro: str,
    text: rx.Var,
    on_text_change,
    on_upload,
    on_preview,
    preview: rx.Component,
    upload_id: str,
    accept: dict[str, list[str]],
    file_button: str,
    text_label: str = "Text att importera",
    at: str = "import",
    field_id: str = "f-import",
) -> rx.Component:
    """Paste or choose a file, preview it, then create. Errors (with their line) show here.

    `on_upload` is a state event taking `rx.upload_files(upload_id=…)`; `preview` is the
    component that shows what the import will create, with its confirm button."""
    return rx.el.section(
        rx.el.h2(heading),
        rx.el.p(intro),
        rx.el.div(
            rx.el.label(text_label, html_for=field_id),
            rx.el.textarea(
                id=field_id,
                value=text,
                on_change=on_text_change,
                rows=8,
                class_name="code",
            ),
            class_name="field",
        ),
        labelled_upload(
            file_button,
            rx.el.button(file_button, type="button", class_name="button secondary"),
            state=state,
            at=at,
            id=upload_id,
            accept=accept,
            max_files=1,
            multiple=False,
            on_drop=on_upload(rx.upload_files(upload_id=upload_id)),
            border="none",
            padding="0",
        ),
        rx.el.div(
            rx.el.button("Förhandsgranska", on_click=on_preview, class_name="button secondary"),
            class_name="actions",
        ),
        message(state, at),
        preview,
        class_name="card import-panel",
        aria_label=heading,
    )


def prose(html: rx.Var, **props) -> rx.Component:
    """Markdown rendered (and sanitised) by the server, in the one prose style.

    Only ever pass HTML that a domain function produced from escaped, sanitised input."""
    return rx.el.div(rx.html(html), class_name="prose", **props)


def page_title(title: str | rx.Var, intro: str | rx.Var | None = None) -> rx.Component:
    """The page's one h1, with an optional line under it."""
    if intro is None:
        return rx.el.h1(title, class_name="page-title")
    return rx.fragment(
        rx.el.h1(title, class_name="page-title"), rx.el.p(intro, class_name="page-intro muted")
    )


def section(heading: str | rx.Var, *children: rx.Component, **props) -> rx.Component:
    """A titled part of a page (h2); pass `id` to link to it."""
    return rx.el.section(rx.el.h2(heading), *children, class_name="card", **props)
