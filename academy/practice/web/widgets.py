"""The Träning sub-navigation, shared by its pages."""

from __future__ import annotations

import reflex as rx

from academy.practice.web.nav_state import PracticeNavState

LINKS = [
    ("Scenarier", "/traning"),
    ("Mina försök", "/traning/mina-forsok"),
    ("Träningslogg", "/traning/logg"),
    ("Rollspel", "/traning/rollspel"),
]
FOLLOW_UP = ("Uppföljning", "/traning/uppfoljning")  # trainers and admins only


def sub_nav() -> rx.Component:
    label, href = FOLLOW_UP
    return rx.el.nav(
        *[rx.link(text, href=url, class_name="export-link") for text, url in LINKS],
        rx.cond(
            PracticeNavState.can_follow_up,
            rx.link(label, href=href, class_name="export-link"),
        ),
        aria_label="Träning",
        class_name="actions practice-nav",
    )


def problem_lists(errors: rx.Var, advice: rx.Var, prefix: str, level: str = "h3") -> rx.Component:
    """A scenario's check: errors (they block publishing) apart from advice (it still plays)."""
    heading = rx.el.h3 if level == "h3" else rx.el.h4
    return rx.fragment(
        rx.cond(
            errors.length() > 0,
            rx.fragment(
                heading("Fel som hindrar publicering (", errors.length().to_string(), ")"),
                rx.el.ul(rx.foreach(errors, lambda p: rx.el.li(p)), id=prefix + "-errors"),
            ),
        ),
        rx.cond(
            advice.length() > 0,
            rx.fragment(
                heading("Råd (", advice.length().to_string(), ")"),
                rx.el.p(
                    "Scenariot går att spela ändå, men blir bättre om du åtgärdar dem.",
                    class_name="muted",
                ),
                rx.el.ul(rx.foreach(advice, lambda p: rx.el.li(p)), id=prefix + "-warnings"),
            ),
        ),
    )
