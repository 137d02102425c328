"""The frame of every administration page: title and the links between its pages."""

from __future__ import annotations

import reflex as rx

from academy import ui

ADMIN_TABS = [
    ("Användare", "/admin"),
    ("Enheter", "/admin/enheter"),
    ("Händelselogg", "/admin/logg"),
    ("Tillgänglighet", "/admin/tillganglighet"),
]


def admin_page(title: str, intro: str, *children: rx.Component) -> rx.Component:
    return ui.page_shell(
        ui.page_title("Administration"),
        rx.el.nav(
            rx.el.ul(*[rx.el.li(rx.link(label, href=href)) for label, href in ADMIN_TABS]),
            aria_label="Administration",
            class_name="subnav",
        ),
        rx.el.h2(title),
        rx.el.p(intro, class_name="muted"),
        *children,
        area="admin",
    )


def edit_card(
    state,
    *fields: rx.Component,
    at: str,
    editing: rx.Var,
    headings: tuple[str, str],
    on_submit,
    on_cancel,
    name: str,
) -> rx.Component:
    """The card with the form for a new or changed item: `headings` = (new, editing); its
    message stands above Spara, and Avbryt (back to a new item) shows while editing."""
    return rx.el.section(
        rx.el.h3(rx.cond(editing, headings[1], headings[0])),
        ui.form(
            *fields,
            ui.message(state, at=at),
            rx.el.div(
                ui.submit("Spara"),
                rx.cond(editing, ui.button("Avbryt", on_cancel)),
                class_name="actions",
            ),
            on_submit=on_submit,
            key=state.form_key,
            reset_on_submit=False,
            aria_label=name,
        ),
        class_name="card",
    )
