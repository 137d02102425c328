"""The Träning sub-navigation, shared by its pages."""

from __future__ import annotations

import reflex as rx


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
