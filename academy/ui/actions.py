"""Buttons that act: a confirmation before anything destructive, downloads, move up/down.

The confirmation is a native modal `<dialog>` opened and closed in the browser
(`assets/kit.js`): no server round trip, focus stays inside it, Escape cancels, and focus
returns to the button that opened it. A page has one such dialog (`confirm_dialog`, in the page
shell), filled in by the button that opens it.
"""

from __future__ import annotations

import reflex as rx

Text = str | rx.Var


def button(label: Text, on_click=None, *, kind: str = "secondary", **props) -> rx.Component:
    return rx.el.button(
        label, type="button", on_click=on_click, class_name=f"button {kind}", **props
    )


# The one confirmation dialog of a page (`confirm_dialog`, in the page shell): every
# `confirm_button` fills it in when it opens it (assets/kit.js).
CONFIRM_DIALOG = "confirm-dialog"


def confirm_button(
    label: Text,
    on_confirm,
    *,
    dialog_id: Text,
    question: Text,
    explanation: Text = "",
    confirm_label: Text | None = None,
    kind: str = "danger",
    small: bool = False,
    aria_label: Text | None = None,
) -> rx.Component:
    """A button that asks first. `dialog_id` must be unique on the page (use the row's id).

    The dialog names what will happen (`question`, e.g. "Ta bort frågan ”Vad gör du…”?"),
    why it matters (`explanation`), and has "Avbryt" (focused first) and the action. It is the
    page's one dialog (`confirm_dialog`), filled in from this button's data when it opens it: a
    table of 200 rows holds 200 buttons, not 200 dialogs. The action is a hidden button beside
    this one that runs `on_confirm`; the dialog's action button clicks it."""
    size = " small" if small else ""
    return rx.fragment(
        rx.el.button(
            label,
            type="button",
            class_name=f"button {kind}{size}",
            aria_haspopup="dialog",
            aria_label=aria_label,
            custom_attrs={
                "data-confirm-open": CONFIRM_DIALOG,
                "data-confirm-action": dialog_id,
                "data-confirm-question": question,
                "data-confirm-explanation": explanation,
                "data-confirm-label": confirm_label if confirm_label is not None else label,
                "data-confirm-kind": f"button {kind}-solid",
            },
        ),
        rx.el.button(
            type="button",
            hidden=True,
            tab_index=-1,
            on_click=on_confirm,
            custom_attrs={"data-confirm-do": dialog_id},
        ),
    )


def dialog_actions(action: rx.Component) -> rx.Component:
    """A confirmation dialog's buttons: "Avbryt" (focused when it opens) and `action`, both
    closing it (kit.js: give the action `data-confirm-close`)."""
    return rx.el.div(
        rx.el.button(
            "Avbryt",
            type="button",
            class_name="button secondary",
            auto_focus=True,
            custom_attrs={"data-confirm-close": ""},
        ),
        action,
        class_name="actions",
    )


def confirm_dialog() -> rx.Component:
    """The page's confirmation dialog, filled in by the `confirm_button` that opens it."""
    title_id = f"{CONFIRM_DIALOG}-title"
    return rx.el.dialog(
        rx.el.h2(id=title_id, class_name="dialog-title"),
        rx.el.p(id=f"{CONFIRM_DIALOG}-text", class_name="dialog-text"),
        dialog_actions(
            rx.el.button(
                type="button",
                id=f"{CONFIRM_DIALOG}-do",
                class_name="button danger-solid",
                custom_attrs={"data-confirm-close": ""},
            )
        ),
        id=CONFIRM_DIALOG,
        class_name="confirm-dialog",
        aria_labelledby=title_id,
    )


def delete_button(
    allowed: rx.Var,
    on_confirm,
    *,
    dialog_id: Text,
    question: Text,
    explanation: Text,
    aria_label: Text | None = None,
) -> rx.Component:
    """A table row's "Ta bort", asking first (`confirm_button`); nothing where the person may
    not delete the row (`allowed`, a Var of the row or the page). Put it in a `ui.cell`."""
    button = confirm_button(
        "Ta bort",
        on_confirm,
        dialog_id=dialog_id,
        question=question,
        explanation=explanation,
        small=True,
        aria_label=aria_label,
    )
    return rx.cond(allowed, button, "")


def download_link(label: Text, href: Text, *, kind: str = "export-link") -> rx.Component:
    """A link to an `/api` download: a real request (not client-side routing)."""
    return rx.el.a(label, href=href, download=True, reload_document=True, class_name=kind)


def move_controls(
    item: Text, on_up, on_down, *, first: rx.Var | bool = False, last: rx.Var | bool = False
) -> rx.Component:
    """ "Flytta upp"/"Flytta ned" for one item of an ordered list; named by the item's text."""
    return rx.el.span(
        rx.el.button(
            "↑",
            type="button",
            on_click=on_up,
            disabled=first,
            class_name="button small",
            aria_label=rx.Var.create("Flytta upp: ").to(str) + item,
            title="Flytta upp",
        ),
        rx.el.button(
            "↓",
            type="button",
            on_click=on_down,
            disabled=last,
            class_name="button small",
            aria_label=rx.Var.create("Flytta ned: ").to(str) + item,
            title="Flytta ned",
        ),
        class_name="move-controls",
    )


def row_actions(*children: rx.Component) -> rx.Component:
    """The buttons of one table row, wrapping instead of being cropped."""
    return rx.el.div(*children, class_name="row-actions")
