"""Admin pages: users, units, audit log."""

from __future__ import annotations

import reflex as rx

from academy.admin.state import AdminState
from academy.core.access import ROLE_LABELS
from academy.core.accounts import UNIT_KINDS
from academy.ui.forms import checkbox, message, select_field, text_field
from academy.ui.layout import page_shell

ADMIN_TABS = [
    ("Användare", "/admin"),
    ("Enheter", "/admin/enheter"),
    ("Händelselogg", "/admin/logg"),
]


def _admin_page(title: str, *children: rx.Component) -> rx.Component:
    return page_shell(
        rx.heading("Administration", as_="h1", size="7"),
        rx.el.nav(
            rx.el.ul(*[rx.el.li(rx.link(label, href=href)) for label, href in ADMIN_TABS]),
            aria_label="Administration",
            class_name="subnav",
        ),
        rx.heading(title, as_="h2", size="5"),
        message(AdminState.error, "error"),
        message(AdminState.notice, "info"),
        *children,
        area="admin",
    )


def _user_row(user: dict) -> rx.Component:
    return rx.el.tr(
        rx.el.td(user["name"]),
        rx.el.td(user["email"]),
        rx.el.td(user["unit"]),
        rx.el.td(user["role_text"]),
        rx.el.td(rx.cond(user["active"], "Aktiv", "Inaktiverad")),
        rx.el.td(
            rx.el.button(
                "Redigera",
                rx.el.span(" ", user["name"], class_name="sr-only"),
                on_click=AdminState.start_edit(user["id"]),
                class_name="button small",
            )
        ),
    )


def _user_form() -> rx.Component:
    editing = AdminState.edit_id != 0
    return rx.el.section(
        rx.heading(rx.cond(editing, "Redigera användare", "Ny användare"), as_="h3", size="4"),
        rx.form(
            text_field("Namn", "name", required=True, default_value=AdminState.edit_name),
            text_field(
                "E-post", "email", type_="email", required=True, default_value=AdminState.edit_email
            ),
            select_field(
                "Enhet",
                "unit_id",
                AdminState.unit_options,
                default_value=AdminState.edit_user_unit,
                empty_label="Ingen enhet",
            ),
            rx.el.fieldset(
                rx.el.legend("Roller"),
                *[
                    checkbox(
                        label,
                        f"role_{role}",
                        default_checked=AdminState.edit_roles.contains(role.value),
                    )
                    for role, label in ROLE_LABELS.items()
                ],
            ),
            rx.cond(
                editing,
                checkbox("Aktivt konto", "active", default_checked=AdminState.edit_active),
            ),
            text_field(
                rx.cond(editing, "Nytt lösenord (lämna tomt för att behålla)", "Lösenord"),
                "password",
                type_="password",
                autocomplete="new-password",
                hint="Minst 10 tecken.",
            ),
            rx.el.div(
                rx.el.button("Spara", type="submit", class_name="button primary"),
                rx.cond(
                    editing,
                    rx.el.button(
                        "Avbryt",
                        type="button",
                        on_click=AdminState.new_user,
                        class_name="button secondary",
                    ),
                ),
                class_name="actions",
            ),
            on_submit=AdminState.save_user,
            reset_on_submit=False,
            key=AdminState.form_key,
            class_name="form",
            aria_label="Användare",
        ),
        class_name="card",
    )


def users_page() -> rx.Component:
    return _admin_page(
        "Användare",
        rx.el.div(
            rx.el.table(
                rx.el.caption("Alla användare"),
                rx.el.thead(
                    rx.el.tr(
                        *[
                            rx.el.th(h, scope="col")
                            for h in ("Namn", "E-post", "Enhet", "Roller", "Status", "Åtgärd")
                        ]
                    )
                ),
                rx.el.tbody(rx.foreach(AdminState.users, _user_row)),
                class_name="table",
            ),
            class_name="table-wrap",
            tab_index=0,
        ),
        _user_form(),
    )


def _unit_row(unit: dict) -> rx.Component:
    return rx.el.tr(
        rx.el.td(unit["path"]),
        rx.el.td(unit["kind"]),
        rx.el.td(
            rx.el.button(
                "Redigera",
                rx.el.span(" ", unit["name"], class_name="sr-only"),
                on_click=AdminState.start_edit_unit(unit["id"]),
                class_name="button small",
            )
        ),
    )


def units_page() -> rx.Component:
    editing = AdminState.edit_unit_id != 0
    return _admin_page(
        "Enheter",
        rx.el.table(
            rx.el.caption("Förvaltningar och enheter"),
            rx.el.thead(rx.el.tr(*[rx.el.th(h, scope="col") for h in ("Enhet", "Typ", "Åtgärd")])),
            rx.el.tbody(rx.foreach(AdminState.units, _unit_row)),
            class_name="table",
        ),
        rx.el.section(
            rx.heading(rx.cond(editing, "Redigera enhet", "Ny enhet"), as_="h3", size="4"),
            rx.form(
                text_field("Namn", "name", required=True, default_value=AdminState.edit_unit_name),
                rx.el.div(
                    rx.el.label("Typ", html_for="f-kind"),
                    rx.el.select(
                        *[rx.el.option(kind.capitalize(), value=kind) for kind in UNIT_KINDS],
                        id="f-kind",
                        name="kind",
                        default_value=AdminState.edit_unit_kind,
                    ),
                    class_name="field",
                ),
                select_field(
                    "Ingår i",
                    "parent_id",
                    AdminState.unit_options,
                    default_value=AdminState.edit_unit_parent,
                    empty_label="Ingen (högsta nivån)",
                ),
                rx.el.div(
                    rx.el.button("Spara", type="submit", class_name="button primary"),
                    rx.cond(
                        editing,
                        rx.el.button(
                            "Avbryt",
                            type="button",
                            on_click=AdminState.new_unit,
                            class_name="button secondary",
                        ),
                    ),
                    class_name="actions",
                ),
                on_submit=AdminState.save_unit,
                reset_on_submit=False,
                key=AdminState.form_key,
                class_name="form",
                aria_label="Enhet",
            ),
            class_name="card",
        ),
    )


def _event_row(event: dict) -> rx.Component:
    return rx.el.tr(
        rx.el.td(event["at"]),
        rx.el.td(event["label"]),
        rx.el.td(event["subject"]),
        rx.el.td(event["actor"]),
        rx.el.td(event["detail"]),
    )


def audit_page() -> rx.Component:
    return _admin_page(
        "Händelselogg",
        rx.text("De senaste 200 säkerhetshändelserna (tider i UTC).", class_name="muted"),
        rx.el.div(
            rx.el.table(
                rx.el.caption("Händelser"),
                rx.el.thead(
                    rx.el.tr(
                        *[
                            rx.el.th(h, scope="col")
                            for h in ("Tid", "Händelse", "Gäller", "Utförd av", "Detaljer")
                        ]
                    )
                ),
                rx.el.tbody(rx.foreach(AdminState.events, _event_row)),
                class_name="table",
            ),
            class_name="table-wrap",
            tab_index=0,
        ),
    )
