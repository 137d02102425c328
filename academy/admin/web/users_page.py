"""The users page: every account in a table, and the form for a new or changed user."""

from __future__ import annotations

import reflex as rx

from academy import ui
from academy.admin.web.shell import admin_page, edit_card
from academy.admin.web.users_state import FORM, UsersState
from academy.admin.web.view import UserView
from academy.core.access import ROLE_LABELS


def _actions(user: UserView) -> rx.Component:
    return ui.row_actions(
        rx.el.button(
            "Redigera",
            rx.el.span(" ", user.name, class_name="sr-only"),
            type="button",
            on_click=UsersState.start_edit(user.id),
            class_name="button small",
        ),
        rx.cond(
            user.active,
            ui.confirm_button(
                "Inaktivera",
                UsersState.set_active(user.id, False),
                dialog_id="deactivate-" + user.id.to(str),
                question="Inaktivera " + user.name + "?",
                explanation=(
                    "Kontot kan inte logga in längre och pågående inloggningar avslutas. "
                    "Det som personen har gjort finns kvar, och du kan aktivera kontot igen."
                ),
                small=True,
                aria_label="Inaktivera " + user.name,
            ),
            rx.cond(
                user.erased,
                rx.fragment(),
                rx.el.button(
                    "Aktivera",
                    rx.el.span(" ", user.name, class_name="sr-only"),
                    type="button",
                    on_click=UsersState.set_active(user.id, True),
                    class_name="button small",
                ),
            ),
        ),
    )


def _privacy_actions(user: UserView) -> rx.Component:
    base = "/api/admin/anvandare/" + user.id.to(str) + "/registerutdrag/"
    return rx.cond(
        user.erased,
        rx.fragment(),
        rx.fragment(
            *[
                ui.download_link(
                    rx.fragment(
                        f"Registerutdrag ({fmt.upper()})",
                        rx.el.span(" för ", user.name, class_name="sr-only"),
                    ),
                    base + fmt,
                )
                for fmt in ("pdf", "json")
            ],
            ui.confirm_button(
                "Ta bort personuppgifter",
                UsersState.erase(user.id),
                dialog_id="erase-" + user.id.to(str),
                question="Ta bort personuppgifterna för " + user.name + "?",
                explanation=(
                    "Namn och e-post ersätts med ”Borttagen användare”, kontot inaktiveras och "
                    "det personen skrivit (träningslogg, återkoppling, fritextsvar, kommentarer) "
                    "tas bort. Resultat och svar finns kvar som statistik utan namn. Det går "
                    "inte att ångra. Ta gärna ett registerutdrag först."
                ),
                small=True,
                aria_label="Ta bort personuppgifter för " + user.name,
            ),
        ),
    )


def _user_row(user: UserView) -> rx.Component:
    return rx.el.tr(
        ui.cell(user.name, header=True),
        ui.cell(user.email, wrap=True),
        ui.cell(user.unit, wrap=True),
        ui.cell(user.roles, wrap=True),
        ui.cell(user.status),
        ui.cell(
            rx.fragment(
                _actions(user),
                _privacy_actions(user),
                ui.message(UsersState, at="user-" + user.id.to(str)),
            )
        ),
    )


def _roles() -> rx.Component:
    error = UsersState.field_errors.get("roles", "")
    return rx.el.fieldset(
        rx.el.legend("Roller"),
        *[
            ui.checkbox(
                label,
                f"role_{role}",
                default_checked=UsersState.editing.roles.contains(role.value),
            )
            for role, label in ROLE_LABELS.items()
        ],
        rx.el.p(error, id="f-roles-error", class_name="field-error"),
        aria_describedby="f-roles-error",
    )


def _user_form() -> rx.Component:
    editing = UsersState.editing.id != 0
    errors = UsersState.field_errors
    return edit_card(
        UsersState,
        ui.text_field(
            "Namn",
            "name",
            required=True,
            default_value=UsersState.editing.name,
            error=errors.get("name", ""),
        ),
        ui.text_field(
            "E-post",
            "email",
            type_="email",
            required=True,
            default_value=UsersState.editing.email,
            error=errors.get("email", ""),
        ),
        ui.select_field(
            "Enhet",
            "unit_id",
            UsersState.unit_options,
            default_value=UsersState.editing.unit_id,
            empty_label="Ingen enhet",
            error=errors.get("unit_id", ""),
        ),
        _roles(),
        ui.text_field(
            rx.cond(editing, "Nytt lösenord (lämna tomt för att behålla)", "Lösenord"),
            "password",
            type_="password",
            autocomplete="new-password",
            hint=(
                "Ett engångslösenord: minst 10 tecken och svårt att gissa. Personen väljer ett "
                "eget vid nästa inloggning, och pågående inloggningar avslutas."
            ),
            error=errors.get("password", ""),
        ),
        at=FORM,
        editing=editing,
        headings=("Ny användare", "Redigera användare"),
        on_submit=UsersState.save_user,
        on_cancel=UsersState.new_user,
        name="Användare",
    )


def users_page() -> rx.Component:
    return admin_page(
        "Användare",
        "Alla som kan logga in, med enhet och roller. Ett inaktiverat konto kan inte logga in.",
        ui.data_table(
            "Alla användare",
            [
                ui.col("Namn"),
                ui.col("E-post"),
                ui.col("Enhet"),
                ui.col("Roller"),
                ui.col("Status"),
                ui.col("Åtgärder", hidden=True),
            ],
            UsersState.users,
            _user_row,
            empty="Inga användare visas: de kunde inte hämtas, eller så saknar du behörighet.",
        ),
        _user_form(),
    )
