"""Tabs (WAI-ARIA tabs pattern): a tablist of buttons and one visible tabpanel.

The selected tab lives in the page's state, so it survives a reload of the data; the panels
that are not selected stay in the page (hidden), so a form keeps what was typed when the
person looks at another tab. assets/kit.js moves between tabs with the arrow keys, Home and
End (focus follows and the tab is selected).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import reflex as rx


@dataclass(frozen=True)
class Tab:
    key: str
    title: str
    body: rx.Component
    show: rx.Var | None = None  # shown only when this is true (e.g. only for editors)


def tab(key: str, title: str, *children: rx.Component, show: rx.Var | None = None) -> Tab:
    return Tab(key, title, rx.fragment(*children), show)


def tabs(
    label: str, selected: rx.Var, select: Callable[[str], rx.EventSpec], *items: Tab, prefix="tab"
) -> rx.Component:
    """A tablist named `label`; `selected` is the key of the open tab, `select(key)` opens one."""

    def only(item: Tab, component: rx.Component) -> rx.Component:
        return component if item.show is None else rx.cond(item.show, component)

    buttons = [
        only(
            item,
            rx.el.button(
                item.title,
                type="button",
                role="tab",
                id=f"{prefix}-{item.key}",
                aria_controls=f"{prefix}-panel-{item.key}",
                aria_selected=rx.cond(selected == item.key, "true", "false"),
                tab_index=rx.cond(selected == item.key, 0, -1),
                on_click=select(item.key),
                class_name="tab",
            ),
        )
        for item in items
    ]
    panels = [
        only(
            item,
            rx.el.div(
                item.body,
                role="tabpanel",
                id=f"{prefix}-panel-{item.key}",
                aria_labelledby=f"{prefix}-{item.key}",
                hidden=selected != item.key,
                tab_index=0,
                class_name="tab-panel",
            ),
        )
        for item in items
    ]
    return rx.el.div(
        rx.el.div(*buttons, role="tablist", aria_label=label, class_name="tabs"),
        *panels,
        class_name="tabset",
    )
