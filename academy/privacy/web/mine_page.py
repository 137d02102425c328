"""Mina uppgifter (`/mina-uppgifter`): the person's account and their register extract."""

from __future__ import annotations

import reflex as rx

from academy import ui
from academy.core.web.session import PASSWORD_ROUTE, SessionState


def mine_page() -> rx.Component:
    return ui.page_shell(
        ui.page_title("Mina uppgifter", "Det Serviceakademin vet om dig, och ditt lösenord."),
        ui.section(
            "Mitt konto",
            rx.el.dl(
                rx.el.dt("Namn"),
                rx.el.dd(SessionState.user_name),
                rx.el.dt("E-post"),
                rx.el.dd(SessionState.user_email),
                rx.el.dt("Roller"),
                rx.el.dd(SessionState.role_labels),
                class_name="facts",
            ),
            rx.el.p(rx.link("Byt lösenord", href=PASSWORD_ROUTE)),
        ),
        ui.section(
            "Registerutdrag",
            rx.el.p(
                "Allt som finns sparat om dig: konto och roller, kursomgångar, quizförsök och "
                "svar, träningsloggen med återkoppling, observationer, vilka enkäter du fått "
                "(aldrig dina svar – de är anonyma) och händelseloggen om ditt konto."
            ),
            rx.el.ul(
                rx.el.li(ui.download_link("Ladda ner som PDF", "/api/registerutdrag/pdf")),
                rx.el.li(ui.download_link("Ladda ner som JSON", "/api/registerutdrag/json")),
                class_name="download-list",
            ),
            rx.el.p(
                "Läs hur dina personuppgifter hanteras och hur länge de sparas: ",
                rx.link("Så hanteras personuppgifter", href="/personuppgifter"),
                ".",
            ),
        ),
    )
